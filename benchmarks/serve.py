"""A real ``streamlit run`` server and headless Chromium, for the benchmarks that need them.

The server is started the way a user starts it (``streamlit run SCRIPT`` on 127.0.0.1, a
free port, headless, no file watcher, no usage statistics); Chromium is Debian's, driven by
Playwright (it cannot download a browser of its own here). A page counts as rendered when
the element a person waits for is visible and Streamlit reports the script run finished
(``data-test-script-state="notRunning"``, the signal Streamlit's own browser tests wait on).
"""

from __future__ import annotations

import compileall
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.record import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
FINISHED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def compiled(folder: Path) -> None:
    """Write the bytecode of the packages a server in ``folder`` imports, if not there yet.

    Python writes it on the first import and reads it on every later start, except where
    ``PYTHONDONTWRITEBYTECODE`` is set, as on the machines these benchmarks run on: every
    start would then compile the app's modules from source again (60-110 ms on a busy
    machine), a cost a deployed server pays only once and hello world, one script, hardly
    at all.
    """
    for package in ("netclarity", "pages"):
        if (folder / package).is_dir():
            compileall.compile_dir(folder / package, quiet=1)


class Server:
    """One ``streamlit run`` process; ``url`` once ``start`` has returned."""

    def __init__(
        self, script: Path, env: Mapping[str, str] | None = None, cwd: Path = ROOT
    ) -> None:
        self.script = script
        self.cwd = cwd
        compiled(cwd)  # before anyone starts a clock
        self.env = {**os.environ, **(env or {})}
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        # The output goes to a file: a pipe nobody reads could fill up and block the server.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError("the server is not running")
        return self.process.pid

    def start(self) -> None:
        """Start the process (returns at once; ``wait_healthy`` waits for it to serve)."""
        command = [
            sys.executable, "-m", "streamlit", "run", str(self.script),
            "--server.headless", "true",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            cwd=self.cwd,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                self.log.seek(0)
                output = self.log.read().decode(errors="replace")
                raise RuntimeError(f"streamlit run {self.script} exited early:\n{output}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"streamlit run {self.script} was not healthy in {TIMEOUT_S} s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        self.log.close()


@contextmanager
def running(script: Path, env: Mapping[str, str] | None = None) -> Iterator[Server]:
    server = Server(script, env)
    server.start()
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, for the length of the block."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


SHOWN = """([selector, text]) => [...document.querySelectorAll(selector)].some(element => {
    const box = element.getBoundingClientRect();
    return element.textContent.toLowerCase().includes(text.toLowerCase())
        && box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
})"""
"""An element matching ``selector`` and holding ``text`` (in any case, as Playwright's
``has_text``) is visible (Playwright's meaning: a box, and not hidden)."""


def shown(page: Any, selector: str, text: str = "") -> None:
    """Wait until an element matching the CSS ``selector`` and holding ``text`` is visible,
    checked at every animation frame.

    Playwright's own waits (``locator.wait_for``) look again after growing pauses, up to
    half a second: a page that turned up just after a look was timed up to 0.5 s late, the
    more often the slower it was (a cold start of the app came out 1.35x hello world where
    the page itself showed 1.16x as late).
    """
    page.wait_for_function(SHOWN, arg=[selector, text], polling="raf", timeout=TIMEOUT_S * 1000)


def finished(page: Any) -> None:
    """Wait until Streamlit reports the script run over, checked at every animation frame."""
    page.wait_for_function(
        "selector => document.querySelector(selector) !== null",
        arg=FINISHED,
        polling="raf",
        timeout=TIMEOUT_S * 1000,
    )


def wait_rendered(page: Any, selector: str, text: str = "") -> None:
    """Wait until ``selector`` holding ``text`` is visible and the script run is over."""
    shown(page, selector, text)
    finished(page)


def resident_kib(pid: int) -> int:
    """The resident set size of a process (``VmRSS``), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far (user and system), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settled(pid: int, *, busy: float = 0.1, timeout: float = TIMEOUT_S) -> None:
    """Wait until a process used less than ``busy`` of a core over the last second.

    A server's first run starts its warm-up (``netclarity.ui.warmup``: seconds of imports in
    the background); figures meant for a warm server are taken after it, not beside it.
    """
    deadline = time.monotonic() + timeout
    last = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(1)
        now = cpu_seconds(pid)
        if now - last < busy:
            return
        last = now
    raise RuntimeError(f"process {pid} stayed busy for {timeout:g} s")
