"""Run the real app with `streamlit run` on 127.0.0.1 and a free port, as a user would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppServer:
    """One `streamlit run app.py` process; ``stop``/``start`` simulate a server restart."""

    def __init__(
        self, database_url: str, port: int | None = None, env: dict[str, str] | None = None
    ):
        self.database_url = database_url
        self.port = port or free_port()
        self.extra_env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.log = ROOT / "data" / f"test-server-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        env = {**os.environ, "NETCLARITY_DATABASE_URL": self.database_url, **self.extra_env}
        self.log.parent.mkdir(exist_ok=True)
        command = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        wait_until_healthy(self.process, self.url, self.log, "streamlit", timeout)

    def stop(self, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@contextmanager
def running_app(database_url: str, **kwargs: object) -> Iterator[AppServer]:
    server = AppServer(database_url, **kwargs)  # type: ignore[arg-type]
    server.start()
    try:
        yield server
    finally:
        server.stop()


def wait_until_healthy(
    process: subprocess.Popen[bytes], url: str, log: Path, name: str, timeout: float
) -> None:
    """Poll the app's health check through ``url`` until it answers, ``process`` exits or
    ``timeout`` seconds pass (a streamlit server, or a balancer in front of some)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited early; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{name} did not answer the health check in {timeout}s; see {log}")
