"""What every benchmark shares: the machine it ran on, medians with their spread, results.md.

The machine is shared and noisy, so a figure is a ratio against a baseline measured in the
same run (or a scaling curve); absolute times are kept for orientation only. Every table in
``benchmarks/results.md`` starts with the same four columns — when, on what machine, at
which revision of the code, with which command — so a row can be compared with, and
reproduced after, the rows above it.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"
COMMON_COLUMNS = ("date", "machine", "revision", "command")
CODE = ("app.py", "pages", "netclarity", "questions")
"""What the benchmarks measure: uncommitted changes here are marked in the revision."""


def machine() -> str:
    """``uname -m``, the CPU model and the number of cores, e.g. ``x86_64, AMD EPYC, 2 cores``."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.machine()}, {model}, {os.cpu_count()} cores"


def revision() -> str:
    """The commit measured, e.g. ``a4d035b``, with ``+changes`` when the code has uncommitted
    changes (other work in the same tree), or ``—`` outside a git checkout."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", *CODE],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "—"
    return f"{head}+changes" if changed else head


def command() -> str:
    """How this script was started, relative to the project root (for the results table)."""
    script = Path(sys.argv[0]).resolve()
    shown = script.relative_to(ROOT) if script.is_relative_to(ROOT) else script
    return " ".join([str(shown), *sys.argv[1:]])


@dataclass(frozen=True)
class Summary:
    """The median of some measurements, with their minimum and maximum and their quartiles."""

    median: float
    low: float
    high: float
    count: int
    q1: float
    q3: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> Summary:
        if not samples:
            raise ValueError("no measurements to summarise")
        q1, _, q3 = (
            statistics.quantiles(samples, n=4, method="inclusive")
            if len(samples) > 1
            else (samples[0],) * 3
        )
        return cls(statistics.median(samples), min(samples), max(samples), len(samples), q1, q3)

    def ms(self) -> str:
        """Milliseconds, e.g. ``41.2 ms (35.0–88.1)``."""
        return f"{self.median * 1000:.1f} ms ({self.low * 1000:.1f}–{self.high * 1000:.1f})"

    def ms_iqr(self) -> str:
        """Milliseconds with the interquartile range, e.g. ``340 ms (IQR 307–367)``: the
        spread of the middle half, which one stall of the shared machine does not move."""
        return f"{self.median * 1000:.0f} ms (IQR {self.q1 * 1000:.0f}–{self.q3 * 1000:.0f})"

    def seconds(self) -> str:
        """Seconds, e.g. ``2.31 s (2.10–2.95)``."""
        return f"{self.median:.2f} s ({self.low:.2f}–{self.high:.2f})"

    def scaled(self, factor: float, unit: str, digits: int = 0) -> str:
        """Any other unit, e.g. ``scaled(1 / 2**20, "MiB")`` for bytes."""
        return (
            f"{self.median * factor:.{digits}f} {unit} "
            f"({self.low * factor:.{digits}f}–{self.high * factor:.{digits}f})"
        )


def verdict(met: bool) -> str:
    return "yes" if met else "**no**"


def record(
    section: str, columns: Sequence[str], rows: Iterable[Sequence[str]], intro: str = ""
) -> None:
    """Append rows (date, machine and command are added in front) to a table in results.md.

    The table lives under ``## {section}``; the section, with ``intro`` under its heading,
    is created at the end of the file the first time. Earlier rows stay: the table is the
    history of this figure.
    """
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    front = [stamp, machine(), revision(), f"`{command()}`"]
    new_rows = ["| " + " | ".join([*front, *row]) + " |" for row in rows]
    for row in new_rows:
        print(row)
    heading = f"## {section}"
    lines = RESULTS.read_text(encoding="utf-8").splitlines() if RESULTS.exists() else []
    if not lines:
        lines = ["# Benchmark results"]
    if heading not in lines:
        header = [*COMMON_COLUMNS, *columns]
        lines += ["", heading, ""]
        lines += [intro, ""] if intro else []
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    table = next(i for i in range(lines.index(heading), len(lines)) if lines[i].startswith("|"))
    end = table
    while end + 1 < len(lines) and lines[end + 1].startswith("|"):
        end += 1
    lines[end + 1 : end + 1] = new_rows
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
