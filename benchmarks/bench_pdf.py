"""How long the PDF summary takes to build: the first call in a fresh process, and warm.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_pdf.py [--runs N]

Three cases on the networking questionnaire with a full set of answers, a plan and a resume
link: an English response; the same with a name and answers in Greek, Cyrillic, Chinese,
Japanese, Arabic, Hebrew and emoji (every fallback font); and a 100,000-character answer.
Each case runs in its own fresh process, so "first" includes parsing the fonts and starting
the chart engine, as the first download after a server starts does. "Warm" is the median
of N further builds in that process, with min–max. Results are printed and appended to
``benchmarks/results.md``. The goal is a warm build under 1 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from netclarity.loader import load_file
from netclarity.report import build_pdf
from netclarity.response import ChannelPlan, Plan, PlanGoal, Response

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"
SECTION = "## PDF summary (`benchmarks/bench_pdf.py`)"
TABLE = [
    "",
    SECTION,
    "",
    "| date | machine | case | pages | first call | warm median (min–max) | runs |",
    "| --- | --- | --- | --- | --- | --- | --- |",
]
CASES = ("english", "every script", "100k answer")
SCRIPTS = "Ζωή Дмитрий 王小明 やまだ محمد דוד 🙂🎉"


def response(case: str) -> Response:
    answers = {
        "goals_clear": "partly",
        "goal_weights": {"clients": 40, "community": 30, "learning": 20, "mutual_help": 10},
        "success": "Three new clients through people I already know – and a group I enjoy.",
        "hours": {"breakfast_clubs": 8, "paid_events": 4, "linkedin": 6, "one_to_ones": 2},
        "money": {"breakfast_clubs": 120, "paid_events": 150, "linkedin": 30},
        "motive": {
            "breakfast_clubs": "should",
            "paid_events": "both",
            "linkedin": "want",
            "one_to_ones": "want",
        },
        "time_instead": "Write my newsletter, or see existing clients.",
        "outcomes": {
            "breakfast_clubs": "nothing_yet",
            "paid_events": "enjoyment",
            "linkedin": "relationships",
            "one_to_ones": "revenue",
        },
        "event_revenue_share": "little",
        "face_to_face_or_online": 1,
        "connections": 1200,
        "nurtured": 15,
        "events_last_month": 6,
        "give": ["introductions", "advice"],
        "bring_alive": "Introduce two people each month who should meet.",
        "physical_networking_poll": "enjoyable",
    }
    name = "Sam Okafor"
    if case == "every script":
        name = SCRIPTS
        answers["success"] = f"{SCRIPTS} – {answers['success']}"
        answers["bring_alive"] = "每个月介绍两个人认识。 كل شهر أقدم شخصين. כל חודש 🙂"
    if case == "100k answer":
        answers["bring_alive"] = "networking is a long game " * 3847
    plan = Plan(
        goals=[
            PlanGoal(what="Win two clients through referrals", measure="CRM", by="2025-06-30"),
            PlanGoal(what="Start a monthly meet-up", measure="Ten regulars", by="September"),
        ],
        channels={
            "breakfast_clubs": ChannelPlan(decision="stop"),
            "one_to_ones": ChannelPlan(decision="grow", hope="Two coffees a week."),
            "linkedin": ChannelPlan(decision="keep", hope="One post a week."),
        },
        give="An introduction a week.",
    )
    return Response(
        questionnaire="networking_clarity", version=1, name=name, answers=answers, plan=plan
    )


def measure(case: str, runs: int) -> dict[str, object]:
    """Build the case once cold and ``runs`` times warm, in this (fresh) process."""
    questionnaire = load_file(ROOT / "questions" / "networking_clarity.yaml").questionnaire
    answers = response(case)

    def build() -> tuple[float, bytes]:
        start = time.perf_counter()
        pdf = build_pdf(
            questionnaire,
            answers,
            resume_url="https://clarity.example.org/?resume=3q2-7wQxZ0aP9kLmN4sT8vYb",
            today=date(2025, 3, 14),
        )
        return time.perf_counter() - start, pdf

    first, pdf = build()
    warm = [build()[0] for _ in range(runs)]
    return {"first": first, "warm": warm, "pages": len(PdfReader(io.BytesIO(pdf)).pages)}


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def record(row: str) -> None:
    """Add the row to this benchmark's table in results.md, creating the table if needed."""
    lines = RESULTS.read_text(encoding="utf-8").splitlines() if RESULTS.exists() else []
    if not lines:
        lines = ["# Benchmark results"]
    if SECTION not in lines:
        lines += TABLE
    end = lines.index(SECTION) + 4
    while end + 1 < len(lines) and lines[end + 1].startswith("|"):
        end += 1
    lines.insert(end + 1, row)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="warm builds per case")
    parser.add_argument("--case", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:  # the worker: one case in this fresh process
        print(json.dumps(measure(args.case, args.runs)))
        return
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    for case in CASES:
        worker = subprocess.run(
            [sys.executable, __file__, "--case", case, "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        result = json.loads(worker.stdout.strip().splitlines()[-1])
        warm = result["warm"]
        row = (
            f"| {stamp} | {machine()} | {case} | {result['pages']} | {result['first']:.2f} s "
            f"| {statistics.median(warm):.3f} s ({min(warm):.3f}–{max(warm):.3f}) "
            f"| {len(warm)} |"
        )
        print(row)
        record(row)


if __name__ == "__main__":
    main()
