"""Performance benchmarks: run on demand with ``benchmarks/run``, never part of the tests.

Each ``bench_*.py`` measures one figure against a baseline measured in the same run (or as
a scaling curve), prints it and adds a row to ``benchmarks/results.md``; ``record`` holds
what they share. ``python -m benchmarks`` runs them all.
"""
