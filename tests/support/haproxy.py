"""HAProxy in front of app servers, configured as README's "Several app servers" says.

Debian's ``haproxy`` runs unprivileged on a free 127.0.0.1 port with a config file written
here: round robin, a balancer-set cookie to keep each browser on its server, health checks
on ``/_stcore/health``, long tunnel timeouts for WebSockets, and ``option redispatch`` with
``retries`` so a browser whose server has died is sent to another one at once instead of
getting a 503 until the health check notices; requests are logged with README's
``log-format`` (to ``haproxy.log``). The cookie drops README's ``secure`` flag only because
the test speaks plain HTTP.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tests.support.requirements import require
from tests.support.server import AppServer, free_port, wait_until_healthy

CONFIG = """\
global
    maxconn 512
    log stdout format raw local0

defaults
    mode http
    log global
    log-format "{log_format}"
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout tunnel 8h
    option redispatch
    retries 3

frontend app
    bind 127.0.0.1:{port}
    default_backend streamlit

backend streamlit
    balance roundrobin
    cookie NCSERVER insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""
LOG_FORMAT = (
    "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq "
    '\\"%HM %HP %HV\\"'
)
"""README's request log: the path without the query string, so no link's secret is logged."""
SERVER_LINE = "    server app{n} 127.0.0.1:{port} check inter 1s fall 2 rise 2 cookie app{n}"


def require_haproxy() -> str:
    """The haproxy binary (skipped on a developer machine without it, failing in CI)."""
    binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
    require(Path(binary).exists(), "HAProxy (Debian package haproxy)")
    return binary


class Balancer:
    """One ``haproxy`` process balancing ``servers``; ``url`` is what browsers open."""

    def __init__(self, servers: Sequence[AppServer], folder: Path) -> None:
        self.binary = require_haproxy()
        self.port = free_port()
        self.config = folder / "haproxy.cfg"
        lines = [SERVER_LINE.format(n=n, port=s.port) for n, s in enumerate(servers, start=1)]
        self.config.write_text(
            CONFIG.format(port=self.port, servers="\n".join(lines), log_format=LOG_FORMAT)
        )
        self.log = folder / "haproxy.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [self.binary, "-db", "-f", str(self.config)], stdout=log, stderr=log
            )
        wait_until_healthy(self.process, self.url, self.log, "haproxy", timeout)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
