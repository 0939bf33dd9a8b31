"""A burst of autosaves from several threads, for killing mid-write (run as a subprocess).

    python -m tests.hardening.save_burst DATABASE_URL TOKEN THREADS

Each thread saves, in one transaction, its counter ``t<T>`` and a log entry ``t<T>-<N>``
(both holding ``N``), over and over. After a save returns — the transaction is committed —
the thread prints ``T N`` on its own line. Whoever kills this process knows from the lines
read so far which saves were committed: every one of them must be in the database afterwards,
and each counter may be at most one save ahead (committed, killed before it was printed).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from netclarity.store import Store

ROOT = Path(__file__).resolve().parents[2]


def hammer(store: Store, token: str, thread: int, lock: threading.Lock) -> None:
    number = 0
    while True:
        number += 1
        store.save_answers(token, {f"t{thread}": number, f"t{thread}-{number}": number})
        with lock:
            sys.stdout.write(f"{thread} {number}\n")
            sys.stdout.flush()


def kill_mid_burst(url: str, token: str, threads: int, saves: int) -> dict[int, int]:
    """Run a burst in a subprocess, SIGKILL it once ``saves`` saves were reported committed.

    Returns the last committed save of each thread as reported before the kill; the threads
    keep saving until the very moment of the kill, so it lands in the middle of writes.
    """
    command = [sys.executable, "-m", "tests.hardening.save_burst", url, token, str(threads)]
    burst = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert burst.stdout is not None
    committed: dict[int, int] = {}
    try:
        for count, line in enumerate(burst.stdout, start=1):
            thread, number = map(int, line.split())
            committed[thread] = number
            if count == saves:
                break
    finally:
        burst.kill()
        burst.wait()
    return committed


def lost_saves(store: Store, token: str, committed: dict[int, int]) -> list[str]:
    """Every way the stored answers contradict what was reported committed (none: [])."""
    loaded = store.load(token)
    answers = loaded.answers if loaded is not None else {}
    problems = [
        f"t{thread}-{number} is missing"
        for thread, last in committed.items()
        for number in range(1, last + 1)
        if answers.get(f"t{thread}-{number}") != number
    ]
    for thread, last in committed.items():
        counter = answers.get(f"t{thread}")
        if counter not in (last, last + 1):
            problems.append(f"t{thread} is {counter}, but save {last} was committed")
    return problems


def main(url: str, token: str, threads: int) -> None:
    store = Store.open(url)
    lock = threading.Lock()
    workers = [
        threading.Thread(target=hammer, args=(store, token, t, lock), daemon=True)
        for t in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
