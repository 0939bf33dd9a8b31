"""Cold start: from ``streamlit run`` to the first page fully rendered in headless Chromium.

    benchmarks/.venv/bin/python benchmarks/bench_cold_start.py [--repetitions N] [--profile]

Two subjects, started alternately (hello first, then the app, then the other way round), so
load from other work on the machine falls on both alike:

- **app** — ``streamlit run app.py`` with the questionnaires in ``questions/`` and a fresh
  SQLite file; rendered = the welcome page's Start button is shown and the run is over;
- **hello** — ``benchmarks/apps/hello.py``, a one-line ``st.title`` app.

Each start is timed from launching the process, through its health check answering, to the
page rendered in a fresh browser context (Chromium itself is started once, beforehand). The
operating system's file cache is warm after the first start, as it is for a restart.
Figure: app ÷ hello, the median of the ratios of each back-to-back pair (slow swings in
the machine's load touch both starts of a pair alike); goal ≤ 1.3×. ``--profile`` also
writes ``python -X importtime`` of the app's first run, heaviest first, to
``benchmarks/out/import-profile.txt``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.record import ROOT, Summary, record, verdict
from benchmarks.serve import Server, chromium, wait_rendered

SECTION = "Cold start (`bench_cold_start.py`)"
INTRO = (
    "From `streamlit run` to the first page rendered in headless Chromium (the process "
    "started, its health check answering, the page shown and its run finished); the two "
    "subjects start back to back, in alternating order. Medians (min–max); app ÷ hello is "
    "the median of the ratios of each back-to-back pair, which load from other work on the "
    "machine touches least. Goal: app ÷ hello ≤ 1.3. The page is watched at every "
    "animation frame, and the servers start from compiled bytecode."
)
COLUMNS = ("starts each", "app", "hello", "app: healthy after", "app ÷ hello", "≤ 1.3×")
OUT = ROOT / "benchmarks" / "out"
START = ("button", "Start")


def cold_start(
    browser: Any, script: Path, marker: tuple[str, str], env: dict[str, str]
) -> tuple[float, float]:
    """Seconds until healthy and until rendered, from launching the server process."""
    server = Server(script, env)
    began = time.perf_counter()
    server.start()
    try:
        server.wait_healthy()
        healthy = time.perf_counter() - began
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(server.url, wait_until="commit")
            wait_rendered(page, *marker)
            rendered = time.perf_counter() - began
        finally:
            context.close()
    finally:
        server.stop()
    return healthy, rendered


def measure(repetitions: int) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {"app": [], "hello": []}
    with chromium() as browser, tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        for repetition in range(repetitions):
            subjects = [
                ("hello", ROOT / "benchmarks" / "apps" / "hello.py", ("h1", "Hello"), {}),
                (
                    "app",
                    ROOT / "app.py",
                    START,
                    {"NETCLARITY_DATABASE_URL": f"sqlite:///{tmp}/cold-{repetition}.db"},
                ),
            ]
            if repetition % 2:
                subjects.reverse()
            for name, script, marker, env in subjects:
                times[name].append(cold_start(browser, script, marker, env))
    return times


def import_profile() -> Path:
    """``-X importtime`` of what the app's first run imports, heaviest first.

    The app's first run (app.py, then the welcome page) goes through AppTest in a fresh
    process with a throw-away database; whatever is imported after AppTest itself is what
    the first visitor waits for.
    """
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as tmp:
        code = (
            "from streamlit.testing.v1 import AppTest; "
            "AppTest.from_file('app.py', default_timeout=60).run()"
        )
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            cwd=ROOT,
            env={**os.environ, "NETCLARITY_DATABASE_URL": f"sqlite:///{tmp}/imports.db"},
            capture_output=True,
            text=True,
            check=True,
        )
    # Lines read "import time: SELF_US | CUMULATIVE_US | NAME"; AppTest's own come first.
    lines = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    after = next(i for i, line in enumerate(lines) if line.endswith("| streamlit.testing.v1"))
    rows = []
    for line in lines[after + 1 :]:
        own, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
        rows.append((int(cumulative), int(own), name))
    rows.sort(reverse=True)
    body = [
        f"{total / 1000:8.1f} ms in all {own / 1000:7.1f} ms own  {name}"
        for total, own, name in rows
    ]
    OUT.mkdir(exist_ok=True)
    target = OUT / "import-profile.txt"
    heading = "Imported by the app's first run (app.py and the welcome page), heaviest first"
    target.write_text(heading + "\n" + "\n".join(body) + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=7, help="starts of each subject")
    parser.add_argument("--profile", action="store_true", help="also write the import profile")
    args = parser.parse_args()
    times = measure(args.repetitions)
    app = Summary.of([rendered for _, rendered in times["app"]])
    hello = Summary.of([rendered for _, rendered in times["hello"]])
    healthy = Summary.of([healthy for healthy, _ in times["app"]])
    pairs = Summary.of([a / h for (_, a), (_, h) in zip(times["app"], times["hello"], strict=True)])
    row = [
        str(args.repetitions),
        app.seconds(),
        hello.seconds(),
        healthy.seconds(),
        f"{pairs.median:.2f}× ({pairs.low:.2f}–{pairs.high:.2f})",
        verdict(pairs.median <= 1.3),
    ]
    record(SECTION, COLUMNS, [row], INTRO)
    if args.profile:
        print(f"imports of the first run: {import_profile()}")


if __name__ == "__main__":
    main()
