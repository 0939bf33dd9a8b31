"""Interaction cost: how long the server takes to rerun a ten-question page after one answer.

    benchmarks/.venv/bin/python benchmarks/bench_interaction.py [--interactions N] [--profile]

Three subjects draw the same page (``benchmarks/ten_questions.yaml``: every kind of question
on one page) and are driven with Streamlit's AppTest in one process:

- **app** — the real ``app.py`` with a fresh SQLite file: the questionnaire-driven widgets,
  and every answer saved to the database as it is given;
- **hand-written** — ``apps/handwritten_page.py``, the same widgets as literal Streamlit code;
- **streamlit-survey** — ``apps/survey_page.py``, the same widgets through the peer package
  (only in the benchmark environment, ``benchmarks/.venv``).

Each interaction changes one widget (all ten in turn, each time to a new value) and times
``AppTest.run()``: the script's rerun plus AppTest's own handling of the result, which is
the same for all three. The subjects take turns, one interaction each, so load from other
work on the machine falls on all three alike. A first round over all ten widgets warms up
and is not counted. Figures: app ÷ hand-written (goal ≤ 1.3×) and app ÷ streamlit-survey
(goal ≤ 1.0×), as ratios of the medians; the goals are judged on CPU time, which other work
on the shared machine does not stretch. ``--profile`` also writes a pyinstrument profile of
the app's reruns to ``benchmarks/out/interaction-profile.txt``.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from benchmarks.record import ROOT, Summary, record, verdict

APPS = ROOT / "benchmarks" / "apps"
QUESTIONNAIRE = ROOT / "benchmarks" / "ten_questions.yaml"
PAGE_TITLE = "Your networking in ten questions"
OUT = ROOT / "benchmarks" / "out"
TIMEOUT = 60
SECTION = "Interaction cost (`bench_interaction.py`)"
INTRO = (
    "Server-side rerun after one answer on a page of ten questions, AppTest, subjects taking "
    "turns in one process; wall-clock medians (min–max) and the median CPU time of the "
    "process. Goals, judged on the CPU ratio (the wall-clock one swings with other work on "
    "the machine; it also holds the app's wait for the database to commit): "
    "app ÷ hand-written ≤ 1.3, app ÷ streamlit-survey ≤ 1.0."
)
COLUMNS = (
    "interactions",
    "app",
    "hand-written",
    "streamlit-survey",
    "app ÷ hand-written",
    "≤ 1.3×",
    "app ÷ streamlit-survey",
    "≤ 1.0×",
)

# (AppTest element kind, widget key, values it takes in turn); "rank" clicks the first
# enabled "move down" arrow of the ranking, which always changes the order.
STEPS: tuple[tuple[str, str, tuple[Any, ...]], ...] = (
    ("radio", "q-role", ("owner", "sales", "freelancer")),
    ("pills", "q-give", (["advice"], ["advice", "referrals"], ["introductions"])),
    ("radio", "q-enjoy", (3, 1, 4)),
    ("number_input", "q-connections", (250.0, 900.0, 1200.0)),
    ("slider", "q-events_month", (4.0, 6.0, 2.0)),
    ("number_input", "q-goal_weights-clients", (50.0, 40.0, 60.0)),
    ("number_input", "q-hours-coffee", (6.0, 8.0, 3.0)),
    ("rank", "q-priorities", ()),
    ("segmented_control", "q-motive-events", ("want", "should", "want")),
    ("text_area", "q-notes", ("Mostly breakfasts.", "Fewer events.", "More coffees.")),
)


def has_survey_package() -> bool:
    return importlib.util.find_spec("streamlit_survey") is not None


def checked_run(app: AppTest) -> AppTest:
    app.run()
    if app.exception:
        raise RuntimeError(f"the page raised: {app.exception[0].message}")
    return app


def open_app(workdir: Path) -> AppTest:
    """The real app on the ten-question page, with its own questionnaire folder and database."""
    folder = workdir / "questions"
    folder.mkdir()
    shutil.copy(QUESTIONNAIRE, folder)
    os.environ["NETCLARITY_QUESTIONS"] = str(folder)
    os.environ["NETCLARITY_DATABASE_URL"] = f"sqlite:///{workdir / 'answers.db'}"
    app = checked_run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))
    app.button[0].click()  # the welcome page's Start
    checked_run(app)
    if app.title[0].value != PAGE_TITLE:
        raise RuntimeError(f"expected the ten-question page, got {app.title[0].value!r}")
    return app


def open_page(name: str) -> AppTest:
    return checked_run(AppTest.from_file(str(APPS / name), default_timeout=TIMEOUT))


def interact(app: AppTest, step: int) -> tuple[float, float]:
    """Make the ``step``-th change; return how long the rerun took, in wall and CPU time."""
    kind, key, values = STEPS[step % len(STEPS)]
    if kind == "rank":
        down = f"{key}-down-"
        next(b for b in app.button if (b.key or "").startswith(down) and not b.disabled).click()
    else:
        widget = getattr(app, kind)(key=key)
        widget.set_value(values[(step // len(STEPS)) % len(values)])
    wall, cpu = time.perf_counter(), time.process_time()
    checked_run(app)
    return time.perf_counter() - wall, time.process_time() - cpu


def saved_answers(workdir: Path) -> int:
    """How many answers the app's database holds: proof that the runs saved for real."""
    import sqlite3

    with sqlite3.connect(workdir / "answers.db") as db:
        (count,) = db.execute("SELECT count(*) FROM answers").fetchone()
    return int(count)


def measure(interactions: int) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and CPU times of each subject's counted reruns."""
    with tempfile.TemporaryDirectory(prefix="bench-interaction-") as tmp:
        subjects: dict[str, AppTest] = {
            "app": open_app(Path(tmp)),
            "hand-written": open_page("handwritten_page.py"),
        }
        if has_survey_package():
            subjects["streamlit-survey"] = open_page("survey_page.py")
        names = list(subjects)
        times: dict[str, tuple[list[float], list[float]]] = {n: ([], []) for n in names}
        for step in range(len(STEPS) + interactions):
            for turn in range(len(names)):
                name = names[(step + turn) % len(names)]
                wall, cpu = interact(subjects[name], step)
                if step >= len(STEPS):
                    times[name][0].append(wall)
                    times[name][1].append(cpu)
        saved = saved_answers(Path(tmp))
        if saved != len(STEPS):
            raise RuntimeError(f"the app saved {saved} answers, expected {len(STEPS)}")
    return times


def profile(interactions: int) -> Path:
    """A pyinstrument profile of the app's reruns (after a warm-up round).

    AppTest runs the script in a thread of its own and pyinstrument samples the thread it is
    started in, so a profiler is started inside every rerun and the sessions are combined.
    """
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    sessions: list[Session] = []
    run_script = ScriptRunner._run_script

    def profiled(runner: ScriptRunner, rerun_data: RerunData) -> None:
        profiler = Profiler(interval=0.0002)
        profiler.start()
        try:
            run_script(runner, rerun_data)
        finally:
            sessions.append(profiler.stop())

    with tempfile.TemporaryDirectory(prefix="bench-interaction-") as tmp:
        app = open_app(Path(tmp))
        for step in range(len(STEPS)):
            interact(app, step)
        ScriptRunner._run_script = profiled  # type: ignore[method-assign,assignment]
        try:
            for step in range(len(STEPS), len(STEPS) + interactions):
                interact(app, step)
        finally:
            ScriptRunner._run_script = run_script  # type: ignore[method-assign]
    combined = functools.reduce(Session.combine, sessions)
    OUT.mkdir(exist_ok=True)
    target = OUT / "interaction-profile.txt"
    target.write_text(ConsoleRenderer(unicode=True).render(combined), encoding="utf-8")
    return target


Times = dict[str, tuple[list[float], list[float]]]


def cell(times: Times, name: str) -> str:
    if name not in times:
        return "not measured"
    wall, cpu = times[name]
    return f"{Summary.of(wall).ms()}; CPU {Summary.of(cpu).median * 1000:.1f} ms"


def ratios(times: Times, baseline: str, goal: float) -> list[str]:
    """The app's median over the baseline's, wall-clock and CPU (judged against the goal)."""
    if baseline not in times:
        return ["not measured", "—"]
    wall, cpu = (
        Summary.of(times["app"][i]).median / Summary.of(times[baseline][i]).median for i in (0, 1)
    )
    return [f"{wall:.2f}× (CPU {cpu:.2f}×)", verdict(cpu <= goal)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=100, help="counted, per subject")
    parser.add_argument("--profile", action="store_true", help="also profile the app's reruns")
    args = parser.parse_args()
    if not has_survey_package():
        print("streamlit-survey is not installed here: run benchmarks/run (benchmarks/.venv)")
    times = measure(args.interactions)
    row = [
        str(args.interactions),
        *(cell(times, name) for name in ("app", "hand-written", "streamlit-survey")),
        *ratios(times, "hand-written", 1.3),
        *ratios(times, "streamlit-survey", 1.0),
    ]
    record(SECTION, COLUMNS, [row], INTRO)
    if args.profile:
        print(f"profile of the app's reruns: {profile(args.interactions)}")


if __name__ == "__main__":
    main()
