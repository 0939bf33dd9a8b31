"""Memory: the server's resident memory with 1 and with 50 idle sessions, and per session.

    benchmarks/.venv/bin/python benchmarks/bench_memory.py [--sessions N]

Each session is a Chromium tab, left idle once its page is rendered: every tab has its own
websocket and so its own Streamlit session. The tabs share one browser context, so the
frontend's files come from the browser's cache and fifty sessions open in about a minute
(a context each takes twice as long and changes nothing on the server). Two servers are
measured in the same run, one after the other:

- **app** — ``streamlit run app.py`` on ``questions/``; every session is a returning person
  (a made-up completed response saved beforehand) opened at ``/questions?resume=TOKEN``,
  so the session holds their answers and the first page's widgets;
- **hello** — ``benchmarks/apps/hello.py``, the smallest Streamlit app, as the baseline.

Resident memory (``VmRSS`` of the server process) is the median of five readings half a
second apart, taken two seconds after the last page rendered. Per session = (RSS with N −
RSS with 1) / (N − 1). Figure: the app's per-session cost, and its ratio to hello's.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import synthetic
from benchmarks.record import ROOT, record
from benchmarks.serve import chromium, resident_kib, running, wait_rendered
from netclarity.loading.loader import load_file
from netclarity.store import Store

SECTION = "Memory per session (`bench_memory.py`)"
INTRO = (
    "Resident memory of the `streamlit run` process with one and with N idle sessions "
    "(a Chromium tab each; the app's on its questions page with a saved response); "
    "per session = (RSS N − RSS 1) / (N − 1). The hello-world server is the same-run baseline."
)
COLUMNS = (
    "sessions",
    "app RSS 1 → N",
    "app per session",
    "hello RSS 1 → N",
    "hello per session",
    "app ÷ hello per session",
)
QUESTIONNAIRE = ROOT / "questions" / "networking_clarity.yaml"
NEXT_BUTTON = ".st-key-nav_next button"


def settled_rss(pid: int) -> float:
    """Median of five readings (MiB) after the server has had time to settle."""
    time.sleep(2)
    readings = []
    for _ in range(5):
        readings.append(resident_kib(pid) / 1024)
        time.sleep(0.5)
    return statistics.median(readings)


def measure(
    browser: Any, script: Path, env: dict[str, str], urls: list[str], marker: str
) -> tuple[float, float]:
    """RSS (MiB) with the first session open, then with all of them."""
    with running(script, env) as server:
        context = browser.new_context()
        try:
            readings = []
            for index, path in enumerate(urls):
                page = context.new_page()
                page.goto(server.url + path)
                wait_rendered(page, marker)
                if index == 0:
                    readings.append(settled_rss(server.pid))
            readings.append(settled_rss(server.pid))
            return readings[0], readings[-1]
        finally:
            context.close()


def returning_people(database_url: str, count: int) -> list[str]:
    """Resume paths of ``count`` people who answered everything and are on the first page."""
    loaded = load_file(QUESTIONNAIRE)
    questionnaire = loaded.questionnaire
    store = Store.open(database_url)
    try:
        paths = []
        for answers in synthetic.responses(questionnaire, count, seed=7):
            token, _ = store.start(questionnaire.id, questionnaire.version, loaded.digest)
            store.save_answers(token, answers)
            store.set_page(token, questionnaire.pages[0].id)
            paths.append(f"/questions?resume={token}")
        return paths
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="idle sessions at the end")
    args = parser.parse_args()
    n: int = args.sessions
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp, chromium() as browser:
        database = f"sqlite:///{tmp}/memory.db"
        app = measure(
            browser,
            ROOT / "app.py",
            {"NETCLARITY_DATABASE_URL": database},
            returning_people(database, n),
            NEXT_BUTTON,
        )
        hello = measure(browser, ROOT / "benchmarks" / "apps" / "hello.py", {}, ["/"] * n, "h1")

    def per_session(rss: tuple[float, float]) -> float:
        return (rss[1] - rss[0]) / (n - 1)

    def shown(rss: tuple[float, float]) -> str:
        return f"{rss[0]:.0f} → {rss[1]:.0f} MiB"

    row = [
        str(n),
        shown(app),
        f"{per_session(app):.2f} MiB",
        shown(hello),
        f"{per_session(hello):.2f} MiB",
        f"{per_session(app) / per_session(hello):.1f}×" if per_session(hello) > 0 else "—",
    ]
    record(SECTION, COLUMNS, [row], INTRO)


if __name__ == "__main__":
    main()
