"""Kill a burst of autosaves at random moments, many times: no committed save may be lost.

    PYTHONPATH=. .venv/bin/python benchmarks/fault_kill_loop.py [--rounds 100] [--threads 8]

Each round: a fresh SQLite file and respondent; ``tests/hardening/save_burst.py`` in a
subprocess with THREADS threads saving back to back; SIGKILL after a random number (1 to
2,000) of saves were reported committed; then ``PRAGMA integrity_check`` and a check that
every reported save is in the database (``tests/hardening/faults/test_server_killed.py`` does one
such round in CI). One line per round and a summary are written to
``benchmarks/out/fault-kill-loop.txt``; the exit status is 1 if any round lost a save or left
a damaged file.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from netclarity.store import Store
from tests.hardening.save_burst import kill_mid_burst, lost_saves

OUT = Path(__file__).resolve().parent / "out" / "fault-kill-loop.txt"


def one_round(folder: Path, threads: int, saves: int) -> tuple[str, list[str]]:
    path = folder / "burst.db"
    store = Store.open(f"sqlite:///{path}")
    token, _ = store.start("free_text", 1, "ab" * 32)
    store.close()
    committed = kill_mid_burst(f"sqlite:///{path}", token, threads, saves)
    with sqlite3.connect(path) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    store = Store.open(f"sqlite:///{path}")
    try:
        lost = lost_saves(store, token, committed)
    finally:
        store.close()
    return integrity, lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    chance = random.Random(args.seed)
    lines = [f"# {time.strftime('%Y-%m-%d %H:%M')} rounds={args.rounds} threads={args.threads}"]
    failures = 0
    started = time.monotonic()
    for number in range(1, args.rounds + 1):
        saves = chance.randint(1, 2000)
        with tempfile.TemporaryDirectory() as folder:
            integrity, lost = one_round(Path(folder), args.threads, saves)
        failed = integrity != "ok" or bool(lost)
        failures += failed
        lines.append(
            f"round {number}: killed after {saves} saves, integrity {integrity}, "
            f"lost {len(lost)}{' ' + '; '.join(lost[:3]) if lost else ''}"
        )
        print(lines[-1], flush=True)
    lines.append(
        f"{args.rounds} rounds, {failures} with a lost save or a damaged file "
        f"({time.monotonic() - started:.0f} s)"
    )
    print(lines[-1])
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
