"""The benchmarks import the package by name and run only by hand, so a module moved in
the package would break them unnoticed; these checks resolve every import they make and
every name they read from an imported module."""

from __future__ import annotations

import ast
import importlib
import types
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _package_imports(script: Path) -> list[tuple[str, str | None]]:
    """(module, name) for each `from netclarity… import name` and `import netclarity…`, and
    for each `alias.name` read from a module imported as `alias`."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    found: list[tuple[str, str | None]] = []
    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("netclarity"):
            found += [(str(node.module), alias.name) for alias in node.names]
            package = importlib.import_module(str(node.module))
            for alias in node.names:
                if isinstance(getattr(package, alias.name, None), types.ModuleType):
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            found += [(a.name, None) for a in node.names if a.name.startswith("netclarity")]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
        ):
            found.append((modules[node.value.id], node.attr))
    return found


@pytest.mark.parametrize("script", sorted(BENCHMARKS.glob("*.py")), ids=lambda p: p.name)
def test_every_package_import_in_a_benchmark_resolves(script: Path) -> None:
    for module_name, name in _package_imports(script):
        module = importlib.import_module(module_name)
        if name is not None:
            assert hasattr(module, name) or importlib.util.find_spec(f"{module_name}.{name}"), (
                f"{script.name}: {module_name} has no {name}"
            )
