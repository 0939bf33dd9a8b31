"""Room scale: a workshop dashboard for 10 to 10,000 completed responses, and how it grows.

    benchmarks/.venv/bin/python benchmarks/bench_room.py [--sizes 10 100 1000 10000]

For each size, a room of completed participants is made up from
``questions/networking_clarity.yaml`` (``benchmarks/synthetic.py``: every visible question
answered, valid by ``netclarity.answers``), then what the facilitator's dashboard computes
on each refresh is timed: the aggregate (``netclarity.workshop.room.summarise``: progress,
goals, mix, everyone's alignment, obligations, polls, free texts) and every chart of the
dashboard (``netclarity.workshop.charts``), each turned into its Vega-Lite spec with
``to_dict()`` as ``st.altair_chart`` does (schema validation included). Reading the room
from the database is not included.

The first call also starts Altair (once per process) and is reported on its own; each size
is then the median of repeated calls, with the aggregate's share. The figure is the curve
and its growth exponent, the slope of log(time) over log(size) — 1 means linear — of the
whole refresh and of the aggregate alone (the charts hold a handful of bars whatever the
size of the room), fitted over all sizes and over the two largest. Goal: 10,000 responses
under 1 s, judged on CPU time (the wall-clock time swings with other work on the shared machine).
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Sequence

from benchmarks import synthetic
from benchmarks.record import ROOT, Summary, record, verdict
from netclarity.loading.loader import load_file
from netclarity.questionnaire import Poll, Questionnaire
from netclarity.workshop import charts
from netclarity.workshop.data import Participant
from netclarity.workshop.room import Room, summarise

SECTION = "Room scale (`bench_room.py`)"
INTRO = (
    "A workshop dashboard refresh over N completed made-up responses: the aggregate "
    "(`workshop.room.summarise`) and every dashboard chart as a Vega-Lite spec; median of "
    "repeated calls (min–max), its CPU time and the aggregate's median; the first "
    "call of the process starts Altair. Exponent = slope of log(time) over "
    "log(N). Goal: 10,000 under 1 s, judged on CPU time."
)
QUESTIONNAIRE = ROOT / "questions" / "networking_clarity.yaml"
BUDGET_S = 2.0
"""Repeat each size for about this long (at least three calls), so small rooms are not noise."""


def dashboard(
    questionnaire: Questionnaire, participants: Sequence[Participant]
) -> tuple[Room, float]:
    """What the dashboard computes on each refresh: the room (and how long it took), and
    its charts' specs."""
    start = time.perf_counter()
    room = summarise(questionnaire, participants, threshold=5, seed="benchmark")
    aggregate = time.perf_counter() - start
    built = [
        charts.progress_chart(questionnaire, room),
        charts.room_goals_chart(questionnaire, room),
        charts.alignment_chart(questionnaire, room),
        charts.room_hours_chart(questionnaire, room),
        charts.obligations_chart(questionnaire, room),
        charts.unserved_chart(questionnaire, room),
        *(
            charts.poll_chart(questionnaire, room, question)
            for question in questionnaire.questions
            if isinstance(question, Poll)
        ),
    ]
    for chart in built:
        chart.to_dict()
    return room, aggregate


def participants(questionnaire: Questionnaire, count: int) -> list[Participant]:
    return [
        Participant(round_id=n, page=None, completed=True, answers=answers)
        for n, answers in enumerate(synthetic.responses(questionnaire, count, seed=count))
    ]


def timed(
    questionnaire: Questionnaire, people: Sequence[Participant]
) -> tuple[Summary, Summary, Summary]:
    """The whole refresh (wall-clock and CPU) and the aggregate alone, over repeated calls."""
    times: list[float] = []
    cpu: list[float] = []
    aggregates: list[float] = []
    while len(times) < 3 or (sum(times) < BUDGET_S and len(times) < 50):
        start, started_cpu = time.perf_counter(), time.process_time()
        room, aggregate = dashboard(questionnaire, people)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - started_cpu)
        aggregates.append(aggregate)
        if room.completed != len(people):
            raise RuntimeError(f"the room counted {room.completed} of {len(people)} completed")
    return Summary.of(times), Summary.of(cpu), Summary.of(aggregates)


def slope(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """Least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    questionnaire = load_file(QUESTIONNAIRE).questionnaire
    rooms = {n: participants(questionnaire, n) for n in sizes}
    start = time.perf_counter()
    dashboard(questionnaire, rooms[sizes[0]])
    first = time.perf_counter() - start
    results = {n: timed(questionnaire, rooms[n]) for n in sizes}
    totals = [results[n][0].median for n in sizes]
    aggregates = [results[n][2].median for n in sizes]

    def exponents(medians: list[float]) -> str:
        whole = slope(sizes, medians)
        return f"{whole:.2f} / {slope(sizes[-2:], medians[-2:]):.2f}"

    columns = [
        "first call",
        *(f"{n:,}" for n in sizes),
        "exponent all / last two",
        "aggregate alone",
        f"{sizes[-1]:,} < 1 s",
    ]
    row = [
        f"{first * 1000:.0f} ms",
        *(
            f"{results[n][0].ms()}; CPU {results[n][1].median * 1000:.0f} ms; "
            f"aggregate {results[n][2].median * 1000:.0f} ms"
            for n in sizes
        ),
        exponents(totals),
        exponents(aggregates),
        verdict(results[sizes[-1]][1].median < 1.0),
    ]
    record(SECTION, columns, [row], INTRO)


if __name__ == "__main__":
    main()
