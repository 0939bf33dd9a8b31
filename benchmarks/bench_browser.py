"""What a person waits for, timed in Chromium against a minimal Streamlit app in the same run.

    benchmarks/.venv/bin/python benchmarks/bench_browser.py [--starts N] [--respondents N]
        [--rooms 1000 10000] [--before DIR] [--memory N]

Each subject runs in its own ``streamlit run`` process, started afresh ``--starts`` times,
subjects taking turns (so load from other work on the shared machine falls on all of them
alike); after each start ``--respondents`` people go through the same steps, each in a new
browser context (a new tab, a new Streamlit session):

- **Next**: on the first question page, after two seconds' reading, click Next; timed
  until the next page's heading is shown (the old page's heading replaced);
- **results**: on the last page before the results (the app's review), click "Show me my
  results"; timed until the results heading is shown and every chart has drawn its marks
  (each ``stVegaLiteChart``'s SVG holds its bars);
- **PDF**: on the results, after four seconds' reading, click the summary's download
  button; timed until the file has arrived in the browser.

The first respondent after a start is reported on its own ("first after start": what the
first visitor after a deploy waits for); the others are the typical figures. Subjects:

- **app** — ``streamlit run app.py`` on ``questions/`` and a fresh SQLite file; each
  respondent is a returning person with a complete made-up response, opened with their
  resume link on the first page (``/questions?resume=…``), then on the review
  (``/review?resume=…``);
- **minimal** — ``benchmarks/apps/minimal.py``: as many plain widgets per page as the app's
  first two pages, two pages, four simple Altair bar charts and a one-page PDF;
- **before** (with ``--before DIR``) — ``app.py`` of another checkout of the project (e.g.
  ``git archive`` of an earlier commit unpacked in ``DIR``), run the same way, so a change
  is measured against the code before it in the same run.

The dashboard: a workshop of ``--rooms`` completed made-up responses (inserted straight into
the database), the facilitator's dashboard loaded until every chart is drawn: what a refresh
costs, reading the room from the database included. A first load signs in and publishes the
room's snapshot (its time is printed, not recorded); then five reloads. Each app subject
(app, and before when given) is started afresh twice, in turns, on the same rooms.

Figures are medians with their interquartile range; ratios are app ÷ minimal of the medians
in this run. ``--memory N`` instead sends N people through the whole flow (Next, results,
PDF) one after the other and reports the server's resident memory afterwards, for each app
subject (app, and before when given).
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks import synthetic
from benchmarks.record import ROOT, Summary, record, verdict
from benchmarks.serve import (
    TIMEOUT_S,
    Server,
    chromium,
    finished,
    resident_kib,
    settled,
    shown,
)
from netclarity import charts, scoring
from netclarity.loading.loader import load_file
from netclarity.store import Store
from netclarity.store.tables import answers as answer_rows
from netclarity.store.tables import respondents, rounds
from netclarity.store.tokens import new_token, token_hash
from netclarity.workshop.store import Workshops

SECTION = "In the browser (`bench_browser.py`)"
INTRO = (
    "What a person waits for, in headless Chromium against `streamlit run` of each subject, "
    "subjects restarted in turns: Next → the next page's heading; Show results → every "
    "chart drawn; PDF click → file received. Medians (IQR) of the respondents after the "
    "first; the first after each start on its own. Minimal = `benchmarks/apps/minimal.py` "
    "(same widgets per page, four simple Altair bar charts, a one-page PDF); ratios are "
    "app ÷ minimal in the same run. Goals: Next ≤ 1.2×, results ≤ 1.3×, first results "
    "view after a start ≤ 1.2× a later one, PDF warm ≤ 0.4 s and first ≤ 1 s."
)
COLUMNS = (
    "starts × respondents",
    "subject",
    "Next",
    "results",
    "PDF",
    "Next, first after start",
    "results, first after start",
    "PDF, first after start",
    "÷ minimal: Next / results",
    "goals met",
)
ROOM_SECTION = "Dashboard in the browser (`bench_browser.py`)"
ROOM_INTRO = (
    "The facilitator's dashboard of a workshop of N completed made-up responses, loaded in "
    "headless Chromium until every chart is drawn (reading the room from SQLite included); "
    "median (IQR) of five reloads after one that publishes the snapshot (two fresh starts "
    "of each subject, in turns, since 2026-11-30 12:00; since 16:00 the reloads wait until "
    "the server's CPU has settled after the first load, so a new server's warm-up no longer "
    "runs beside them). Exponent = slope of log(time) over "
    "log(N) between the two sizes. Goal: 10,000 ≤ 1 s, about linear."
)
ROOM_TURNS = 2
"""Fresh starts of each subject for the dashboard, in turns."""
MEMORY_SECTION = "Memory after many people (`bench_browser.py --memory`)"
MEMORY_INTRO = (
    "Resident memory of the `streamlit run` process after N people went one after the "
    "other through Next, results and the PDF (each a new tab, closed "
    "afterwards), median of five readings two seconds after the last. Goal: within 1.2× "
    "of the code before."
)
QUESTIONNAIRE = ROOT / "questions" / "networking_clarity.yaml"
MINIMAL = ROOT / "benchmarks" / "apps" / "minimal.py"
DESKTOP = {"width": 1280, "height": 900}
NEXT = ".st-key-nav_next[data-stale='false'] button"
CHART = "[data-testid='stVegaLiteChart']"
DRAWN = """([selector, count]) => {
    const charts = [...document.querySelectorAll(selector)];
    return charts.length >= count
        && charts.every(c => c.querySelector("svg .role-mark > *, canvas"));
}"""
"""Every chart on the page has drawn at least one mark (Streamlit renders Vega as SVG)."""
STEPS = ("next", "results", "pdf")
READING_S = 2.0
"""How long each person looks at the first page before pressing Next, and twice
that on their results before downloading the summary (nobody presses a button the moment
it appears; the app uses the time: it warms up after a start, and draws the summary's
charts while the results are read)."""


@dataclass(frozen=True)
class Subject:
    """One thing to time: a script started from a folder, and the words on its buttons."""

    name: str
    script: Path
    cwd: Path
    second_title: str
    results_title: str
    see_results: str
    download_pdf: str
    people: list[tuple[str, str, int]] = field(default_factory=list)
    """Per respondent: the path of their first question page, of their last page, and how
    many charts their results show."""
    env: dict[str, str] = field(default_factory=dict)


def heading(page: Any, text: str) -> None:
    shown(page, "h1", text)


def charts_drawn(page: Any, count: int) -> None:
    page.wait_for_function(DRAWN, arg=[CHART, count], timeout=TIMEOUT_S * 1000)


def one_person(
    browser: Any,
    server: Server,
    subject: Subject,
    person: int,
    reading: float = READING_S,
    shared: Any = None,
) -> dict[str, float]:
    """Next, results and the PDF for one person in a new browser context (or a new tab of
    ``shared``, whose cache then serves the frontend's files); seconds for each."""
    first, last, shown = subject.people[person] if subject.people else ("/", None, 4)
    times: dict[str, float] = {}
    context = browser.new_context(viewport=DESKTOP) if shared is None else None
    page = (context or shared).new_page()
    try:
        page.goto(server.url + first)
        page.locator(NEXT).wait_for(state="visible", timeout=TIMEOUT_S * 1000)
        finished(page)
        time.sleep(reading)
        start = time.perf_counter()
        page.locator(NEXT).click()
        heading(page, subject.second_title)
        times["next"] = time.perf_counter() - start
        finished(page)
        if last is not None:
            page.goto(server.url + last)
        show = page.get_by_role("button", name=subject.see_results)
        show.wait_for(state="visible", timeout=TIMEOUT_S * 1000)
        finished(page)
        start = time.perf_counter()
        show.click()
        heading(page, subject.results_title)
        charts_drawn(page, shown)
        times["results"] = time.perf_counter() - start
        finished(page)
        button = page.get_by_role("button", name=subject.download_pdf)
        time.sleep(reading * 2)
        with page.expect_download(timeout=TIMEOUT_S * 1000) as download:
            start = time.perf_counter()
            button.click()
        download.value.path()  # the whole file is in
        times["pdf"] = time.perf_counter() - start
    finally:
        (context or page).close()
    return times


def app_subject(name: str, root: Path, database: str, people: int) -> Subject:
    """The app in ``root`` on ``database``, with ``people`` returning respondents saved in it."""
    questionnaire = load_file(QUESTIONNAIRE).questionnaire
    texts = questionnaire.texts
    return Subject(
        name=name,
        script=root / "app.py",
        cwd=root,
        second_title=questionnaire.pages[1].title,
        results_title=texts.results_title,
        see_results=texts.see_results,
        download_pdf=texts.download_pdf,
        people=returning_people(database, people),
        env={"NETCLARITY_DATABASE_URL": database, "PYTHONPATH": str(root)},
    )


MINIMAL_SUBJECT = Subject(
    name="minimal",
    script=MINIMAL,
    cwd=ROOT,
    second_title="Where your time and money go",
    results_title="Your results",
    see_results="Show me my results",
    download_pdf="Download my summary (PDF)",
)


def returning_people(database: str, count: int) -> list[tuple[str, str, int]]:
    """Resume paths (first page, review) of ``count`` people with complete answers, and the
    number of charts their results show (two or three: the first step's only when it moves
    hours)."""
    loaded = load_file(QUESTIONNAIRE)
    questionnaire = loaded.questionnaire
    store = Store.open(database)
    try:
        paths = []
        for answers in synthetic.responses(questionnaire, count, seed=18):
            token, _ = store.start(questionnaire.id, questionnaire.version, loaded.digest)
            store.save_answers(token, answers)
            store.set_page(token, questionnaire.pages[0].id)
            shown = len(charts.result_charts(questionnaire, scoring.score(questionnaire, answers)))
            paths.append((f"/questions?resume={token}", f"/review?resume={token}", shown))
        return paths
    finally:
        store.close()


def journeys(
    browser: Any, subjects: list[Subject], starts: int, respondents: int
) -> dict[str, dict[str, list[float]]]:
    """Per subject, per step: the first respondent's times (``first-…``) and the others'."""
    times: dict[str, dict[str, list[float]]] = {s.name: defaultdict(list) for s in subjects}
    person: dict[str, int] = defaultdict(int)
    for start in range(starts):
        order = subjects if start % 2 == 0 else subjects[::-1]
        for subject in order:
            server = Server(subject.script, subject.env, cwd=subject.cwd)
            server.start()
            try:
                server.wait_healthy()
                for n in range(respondents):
                    index = person[subject.name] % max(len(subject.people), 1)
                    person[subject.name] += 1
                    measured = one_person(browser, server, subject, index)
                    for step, seconds in measured.items():
                        times[subject.name][f"first-{step}" if n == 0 else step].append(seconds)
            finally:
                server.stop()
            print(f"  {subject.name}, start {start + 1}: done", flush=True)
    return times


def journey_rows(
    times: dict[str, dict[str, list[float]]], starts: int, respondents: int
) -> list[list[str]]:
    minimal = {step: Summary.of(times["minimal"][step]) for step in STEPS}
    rows = []
    for name, measured in times.items():
        later = {step: Summary.of(measured[step]) for step in STEPS}
        first = {step: Summary.of(measured[f"first-{step}"]) for step in STEPS}
        next_ratio = later["next"].median / minimal["next"].median
        results_ratio = later["results"].median / minimal["results"].median
        if name == "minimal":
            ratios, goals = "1 / 1", "—"
        else:
            ratios = f"{next_ratio:.2f}× / {results_ratio:.2f}×"
            met = {
                "Next ≤ 1.2×": next_ratio <= 1.2,
                "results ≤ 1.3×": results_ratio <= 1.3,
                "first results ≤ 1.2× later": first["results"].median
                <= 1.2 * later["results"].median,
                "PDF ≤ 0.4 s": later["pdf"].median <= 0.4,
                "first PDF ≤ 1 s": first["pdf"].median <= 1.0,
            }
            goals = "; ".join(f"{goal} {verdict(ok)}" for goal, ok in met.items())
        rows.append(
            [
                f"{starts} × {respondents}",
                name,
                later["next"].ms_iqr(),
                later["results"].ms_iqr(),
                later["pdf"].ms_iqr(),
                first["next"].ms_iqr(),
                first["results"].ms_iqr(),
                first["pdf"].ms_iqr(),
                ratios,
                goals,
            ]
        )
    return rows


# -- the dashboard -------------------------------------------------------------------------


def seed_room(database: str, size: int) -> str:
    """A workshop of ``size`` completed made-up responses; returns its facilitator path.

    Rows go in with one statement per table, in one transaction: saving 10,000 people the
    way the app does would take minutes and measure nothing of interest here.
    """
    loaded = load_file(QUESTIONNAIRE)
    questionnaire = loaded.questionnaire
    store = Store.open(database)
    try:
        workshop, key = Workshops(store.database).create(
            f"Room of {size:,}", questionnaire.id, threshold=5
        )
        now = datetime.now(UTC)
        people = synthetic.responses(questionnaire, size, seed=size)

        def work(conn: Any) -> None:
            first = conn.execute(sa.select(sa.func.coalesce(sa.func.max(respondents.c.id), 0)))
            base = int(first.scalar_one())
            ids = range(base + 1, base + size + 1)
            conn.execute(
                sa.insert(respondents),
                [
                    {"id": i, "token_hash": token_hash(new_token()), "created_at": now,
                     "workshop_id": workshop.id}
                    for i in ids
                ],
            )  # fmt: skip
            conn.execute(
                sa.insert(rounds),
                [
                    {"id": i, "respondent_id": i, "number": 1, "questionnaire_id": questionnaire.id,
                     "version": questionnaire.version, "digest": loaded.digest,
                     "created_at": now, "updated_at": now, "completed_at": now}
                    for i in ids
                ],
            )  # fmt: skip
            conn.execute(
                sa.insert(answer_rows),
                [
                    {"round_id": i, "key": k, "value": v, "updated_at": now}
                    for i, given in zip(ids, people, strict=True)
                    for k, v in given.items()
                ],
            )

        store.database.write(work)
        return f"/dashboard?workshop={workshop.code}&key={key}"
    finally:
        store.close()


def dashboard_loads(browser: Any, server: Server, path: str, loads: int) -> list[float]:
    """Seconds from asking for the dashboard until every chart is drawn: the first load
    (signing in, publishing the snapshot if due), then each reload once the server has
    settled after the first."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(server.url + path)
        last_heading(page)
        drawn = page.locator(CHART).count()
        charts_drawn(page, drawn)
        times = [time.perf_counter() - start]
        settled(server.pid)  # reloads time a warm server, not its warm-up beside them
        for _ in range(loads):
            start = time.perf_counter()
            page.reload(wait_until="commit")
            last_heading(page)
            charts_drawn(page, drawn)
            times.append(time.perf_counter() - start)
        return times
    finally:
        context.close()


def last_heading(page: Any) -> None:
    """The dashboard's last section is on screen, so every chart above it is on the page.

    (The run's end is no signal here: the live part reruns itself every few seconds.)"""
    shown(page, "h2", "In their own words")


def rooms(browser: Any, subjects: list[Subject], sizes: list[int], tmp: Path) -> None:
    """Each app subject's dashboard on the same rooms, subjects in turns, each turn on a
    freshly started server (so the first load of a turn reads the room cold)."""
    database = f"sqlite:///{tmp}/rooms.db"
    Store.open(database).close()  # the schema
    paths = {size: seed_room(database, size) for size in sizes}
    reloads: dict[tuple[str, int], list[float]] = defaultdict(list)
    for _ in range(ROOM_TURNS):
        for subject in subjects:
            env = {**subject.env, "NETCLARITY_DATABASE_URL": database}
            server = Server(subject.script, env, cwd=subject.cwd)
            server.start()
            try:
                server.wait_healthy()
                for size in sizes:
                    first, *later = dashboard_loads(browser, server, paths[size], 5)
                    print(f"{subject.name} {size:,}: first load {first * 1000:.0f} ms")
                    reloads[subject.name, size] += later
            finally:
                server.stop()
    low, high = sizes[0], sizes[-1]
    columns = ("subject", *(f"{n:,}" for n in sizes), "exponent", f"{high:,} ≤ 1 s")
    rows = []
    for subject in subjects:
        measured = {n: Summary.of(reloads[subject.name, n]) for n in sizes}
        exponent = (
            math.log(measured[high].median / measured[low].median) / math.log(high / low)
            if high > low
            else float("nan")
        )
        rows.append(
            [
                subject.name,
                *(measured[n].ms_iqr() for n in sizes),
                f"{exponent:.2f}",
                verdict(measured[high].median <= 1.0),
            ]
        )
    record(ROOM_SECTION, columns, rows, ROOM_INTRO)


# -- memory --------------------------------------------------------------------------------


def memory(browser: Any, subjects: list[Subject], people: int) -> None:
    rows = []
    for subject in subjects:
        server = Server(subject.script, subject.env, cwd=subject.cwd)
        server.start()
        try:
            server.wait_healthy()
            began = resident_kib(server.pid) / 1024
            shared = browser.new_context(viewport=DESKTOP)
            for n in range(people):
                one_person(browser, server, subject, n, reading=0, shared=shared)
                if (n + 1) % 25 == 0:  # a long run: say how far it is, and where it stopped
                    rss = resident_kib(server.pid) // 1024
                    print(f"{subject.name}: {n + 1} people, RSS {rss} MiB", flush=True)
            shared.close()
            time.sleep(2)
            readings = []
            for _ in range(5):
                readings.append(resident_kib(server.pid) / 1024)
                time.sleep(0.5)
            rows.append(
                [
                    subject.name,
                    str(people),
                    f"{began:.0f} MiB",
                    f"{statistics.median(readings):.0f} MiB",
                ]
            )
        finally:
            server.stop()
    record(MEMORY_SECTION, ("subject", "people", "RSS at start", "RSS after"), rows, MEMORY_INTRO)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--starts", type=int, default=3, help="fresh starts of each subject (0: the dashboard only)"
    )
    parser.add_argument("--respondents", type=int, default=5, help="people after each start")
    parser.add_argument("--rooms", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--before", type=Path, help="another checkout's folder, also timed")
    parser.add_argument("--memory", type=int, help="people through the flow, then memory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp, chromium() as browser:
        people = args.memory or min(args.starts * args.respondents, 50)
        subjects = [app_subject("app", ROOT, f"sqlite:///{tmp}/app.db", people)]
        if args.before:
            before = args.before.resolve()
            subjects.append(app_subject("before", before, f"sqlite:///{tmp}/before.db", people))
        if args.memory:
            memory(browser, subjects, args.memory)
            return
        subjects.append(MINIMAL_SUBJECT)
        if args.starts:
            times = journeys(browser, subjects, args.starts, args.respondents)
            record(SECTION, COLUMNS, journey_rows(times, args.starts, args.respondents), INTRO)
        if args.rooms:
            apps = [subject for subject in subjects if subject is not MINIMAL_SUBJECT]
            rooms(browser, apps, sorted(args.rooms), Path(tmp))


if __name__ == "__main__":
    main()
