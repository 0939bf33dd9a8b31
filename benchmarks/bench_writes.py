"""Write load: many participants saving answers at once, and not one answer lost.

    benchmarks/.venv/bin/python benchmarks/bench_writes.py [--sqlite N] [--postgres N]
                                                            [--answers N]

Each participant is a thread doing what the app does on every answer: one
``Store.save_answers`` call for one answer, and, when the store says it is unavailable,
keeping the answer and sending it again with the next one (``netclarity.ui.saving``); that
includes a save that found no free pooled connection in time. All
participants start together — the room presses its first answer at the same moment, the
worst case — and then each answers its next question after a pause drawn between none and
twice ``--think`` (default 1.5 s). In the app a session saves once per script run, and a run
starts when its person answers: one session never saves faster than its person answers,
and a fast one answers a question every few seconds. ``--think 0`` keeps the older model,
every session saving again the moment its last save returned (thousands of saves a second
from one process, where one Streamlit server runs about a hundred script runs a second of
~10 ms CPU each, see ``bench_interaction.py``); its latencies are then bound by Little's
law (mean wait = participants ÷ saves per second), not by the store.

- **SQLite** (default 200 participants): one process — one app server — sharing one store,
  as the app's session threads do.
- **PostgreSQL** (default 1,000): four processes of 250, like four app servers behind a load
  balancer, each with its own store (connection pool). The server is a throw-away one from
  ``tests/support/postgres.py``, which runs with ``fsync=off`` and ``synchronous_commit=off``:
  the figure shows the app's and the pool's limits, not the disk's.

Afterwards every participant's answers are read back and compared with what was sent:
answers lost must be 0. The same-run baseline is one participant saving alone; the figures
are throughput, p50 and p95 latency per save, and p95 ÷ the lone participant's p50.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks import synthetic
from benchmarks.record import ROOT, record
from netclarity.loading.loader import load_file
from netclarity.store import Store, StoreUnavailable

SECTION = "Write load (`bench_writes.py`)"
INTRO = (
    "Participants saving answers all at once, one `save_answers` call per answer as the app "
    "makes it; latency per save. Between answers = each participant's pause before its next "
    "answer, drawn evenly from that range (none: back to back, as rows before 2026-11-30 "
    "11:35); everyone's first answer goes at the same moment. Alone = one participant saving "
    "the same answers back to back, same run. "
    "Paused = saves the store refused as unavailable (the answer goes again with the next "
    "one). Lost = answers sent but not read back afterwards (must be 0). PostgreSQL runs "
    "without fsync (a throw-away test server)."
)
COLUMNS = (
    "database",
    "participants × answers",
    "between answers",
    "processes",
    "answers/s",
    "p50",
    "p95",
    "max",
    "alone p50",
    "p95 ÷ alone p50",
    "saves paused",
    "answers lost",
)
QUESTIONNAIRE = ROOT / "questions" / "networking_clarity.yaml"
SEED = 11
FLUSH_ATTEMPTS = 5
THINK_S = 1.5


def value_pool() -> list[Any]:
    """Realistic answer values (texts, allocations, matrices, lists, numbers) to send."""
    questionnaire = load_file(QUESTIONNAIRE).questionnaire
    return [v for r in synthetic.responses(questionnaire, 20, seed=SEED) for v in r.values()]


def answers_of(participant: int, count: int, pool: Sequence[Any]) -> dict[str, Any]:
    """What participant number ``participant`` sends: the same in the worker and the check."""
    return {f"q{i:02d}": pool[(participant * 31 + i) % len(pool)] for i in range(count)}


@dataclass
class Participant:
    token: str
    answers: dict[str, Any]
    think: float = 0.0
    """Mean pause between two answers, in seconds (each pause is between 0 and twice it)."""
    seed: int = 0
    latencies: list[float] = field(default_factory=list)
    paused: int = 0

    def run(self, store: Store) -> None:
        pauses = random.Random(self.seed)
        pending: dict[str, Any] = {}
        for number, (key, value) in enumerate(self.answers.items()):
            if number and self.think:
                time.sleep(pauses.uniform(0, 2 * self.think))
            pending[key] = value
            self.flush(store, pending)
        for _ in range(FLUSH_ATTEMPTS):
            if not pending:
                return
            time.sleep(0.1)
            self.flush(store, pending)

    def flush(self, store: Store, pending: dict[str, Any]) -> None:
        start = time.perf_counter()
        try:
            store.save_answers(self.token, dict(pending))
        except StoreUnavailable:
            self.paused += 1
            return
        finally:
            self.latencies.append(time.perf_counter() - start)
        pending.clear()


def worker(
    url: str,
    first: int,
    count: int,
    answers_each: int,
    think: float,
    ready: Any,
    results: Any,
) -> None:
    """One app server: ``count`` participant threads sharing one store."""
    pool = value_pool()
    questionnaire = load_file(QUESTIONNAIRE)
    q = questionnaire.questionnaire
    store = Store.open(url)
    people = [
        Participant(
            store.start(q.id, q.version, questionnaire.digest)[0],
            answers_of(first + i, answers_each, pool),
            think,
            seed=first + i,
        )
        for i in range(count)
    ]
    go = threading.Barrier(count + 1)

    def participate(person: Participant) -> None:
        go.wait()
        person.run(store)

    threads = [threading.Thread(target=participate, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    ready.wait()  # every process has its participants waiting
    began = time.time()
    go.wait()
    for thread in threads:
        thread.join()
    ended = time.time()
    store.close()
    results.put(
        {
            "began": began,
            "ended": ended,
            "people": [(p.token, first + i, p.latencies, p.paused) for i, p in enumerate(people)],
        }
    )


def load_test(
    url: str, participants: int, answers_each: int, think: float, processes: int
) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    ready = spawn.Barrier(processes)
    results = spawn.Queue()
    share = participants // processes
    workers = [
        spawn.Process(
            target=worker,
            args=(url, n * share, share, answers_each, think, ready, results),
        )
        for n in range(processes)
    ]
    for process in workers:
        process.start()
    parts = [results.get(timeout=600) for _ in workers]
    for process in workers:
        process.join()
    people = [person for part in parts for person in part["people"]]
    seconds = max(p["ended"] for p in parts) - min(p["began"] for p in parts)
    return {
        "people": people,
        "seconds": seconds,
        "latencies": [t for _, _, latencies, *_ in people for t in latencies],
        "paused": sum(paused for *_, paused in people),
        "lost": lost_answers(url, people, answers_each),
    }


def lost_answers(url: str, people: list[Any], answers_each: int) -> int:
    """Answers sent but not in the database (or stored with another value)."""
    pool = value_pool()
    store = Store.open(url)
    try:
        lost = 0
        for token, number, *_ in people:
            sent = answers_of(number, answers_each, pool)
            round_ = store.load(token)
            stored = round_.answers if round_ is not None else {}
            lost += sum(1 for key, value in sent.items() if stored.get(key) != value)
        return lost
    finally:
        store.close()


def alone(url: str, answers_each: int) -> list[float]:
    """Latencies of one participant saving with nobody else around."""
    questionnaire = load_file(QUESTIONNAIRE)
    q = questionnaire.questionnaire
    store = Store.open(url)
    try:
        token = store.start(q.id, q.version, questionnaire.digest)[0]
        person = Participant(token, answers_of(10**6, answers_each, value_pool()))
        person.run(store)
        return person.latencies
    finally:
        store.close()


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def row(
    database: str, participants: int, answers_each: int, think: float, processes: int, url: str
) -> list[str]:
    baseline = alone(url, answers_each)
    result = load_test(url, participants, answers_each, think, processes)
    latencies = result["latencies"]
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    base = percentile(baseline, 0.5)
    return [
        database,
        f"{participants:,} × {answers_each}",
        f"0–{2 * think:g} s" if think else "none",
        str(processes),
        f"{participants * answers_each / result['seconds']:,.0f}",
        f"{p50 * 1000:.1f} ms",
        f"{p95 * 1000:.1f} ms",
        f"{max(latencies) * 1000:.0f} ms",
        f"{base * 1000:.1f} ms",
        f"{p95 / base:.0f}×",
        str(result["paused"]),
        str(result["lost"]) if result["lost"] == 0 else f"**{result['lost']}**",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=int, default=200, help="participants on SQLite (0: skip)")
    parser.add_argument(
        "--postgres", type=int, default=1000, help="participants on PostgreSQL (0: skip)"
    )
    parser.add_argument("--answers", type=int, default=30, help="answers each participant saves")
    parser.add_argument(
        "--think",
        type=float,
        default=THINK_S,
        help="mean seconds between a participant's answers (0: back to back)",
    )
    args = parser.parse_args()
    from tests.support.postgres import running_server

    rows = []
    if args.sqlite:
        with tempfile.TemporaryDirectory(prefix="bench-writes-") as tmp:
            url = f"sqlite:///{tmp}/writes.db"
            rows.append(row("SQLite", args.sqlite, args.answers, args.think, 1, url))
    if args.postgres:
        with running_server() as server:
            url = server.create_database("writes")
            name = f"PostgreSQL {server.bindir.parent.name}"
            rows.append(row(name, args.postgres, args.answers, args.think, 4, url))
    record(SECTION, COLUMNS, rows, INTRO)


if __name__ == "__main__":
    main()
