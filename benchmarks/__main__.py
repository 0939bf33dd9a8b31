"""Run every benchmark in turn, each in a fresh process: ``python -m benchmarks [NAME ...]``.

A fresh process per benchmark keeps one from warming the next (imports, caches, the
allocator). A benchmark that fails is reported and the others still run; the exit status
says whether all of them finished.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from benchmarks.record import ROOT

BENCHMARKS = ("interaction", "cold_start", "browser", "pdf", "room", "writes", "memory")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    names = parser.parse_args().names or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark called {', '.join(unknown)}; choose from {BENCHMARKS}")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    failed = []
    began = time.perf_counter()
    for name in names:
        print(f"\n== {name} ==", flush=True)
        start = time.perf_counter()
        script = ROOT / "benchmarks" / f"bench_{name}.py"
        if subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, check=False).returncode:
            failed.append(name)
        print(f"({name}: {time.perf_counter() - start:.0f} s)", flush=True)
    took = time.perf_counter() - began
    print(f"\nall benchmarks: {took:.0f} s; results in benchmarks/results.md")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
