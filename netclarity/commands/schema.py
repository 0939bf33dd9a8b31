"""The JSON Schema of a questionnaire file, so editors can check YAML while it is typed.

A questionnaire that starts with ``# yaml-language-server: $schema=schema.json`` gets key
completion, descriptions on hover and underlined mistakes in any editor that uses
yaml-language-server (e.g. VS Code's YAML extension). The schema is generated from the
models in ``netclarity.questionnaire`` (validation mode, YAML key names), never edited by
hand; ``python -m netclarity schema`` rewrites it and a test fails when it is stale.
It checks shape only: references between parts (unknown goals, later questions, rules) are
found by ``python -m netclarity validate``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from netclarity.loading.problems import display_path
from netclarity.questionnaire import Questionnaire

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "questions" / "schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def render() -> str:
    """The schema as text: keys sorted so that it changes only when the models do."""
    schema = Questionnaire.model_json_schema(mode="validation", by_alias=True)
    return json.dumps({"$schema": DIALECT, **schema}, indent=2, sort_keys=True) + "\n"


def is_current(path: Path = SCHEMA_PATH) -> bool:
    """Whether ``path`` holds exactly what ``render`` produces now."""
    try:
        return path.read_text(encoding="utf-8") == render()
    except OSError:
        return False


def write(path: Path = SCHEMA_PATH) -> bool:
    """Write the schema to ``path``; returns whether the file changed."""
    if is_current(path):
        return False
    path.write_text(render(), encoding="utf-8")
    return True


# --- the ``schema`` command (see netclarity.commands.cli) -----------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the file is missing or out of date",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=SCHEMA_PATH,
        metavar="PATH",
        help=f"where the schema goes (default: {display_path(SCHEMA_PATH)})",
    )


def run(args: argparse.Namespace) -> int:
    path: Path = args.output
    name = display_path(path)
    if args.check:
        if is_current(path):
            print(f"{name} is up to date")
            return 0
        print(f"{name} is out of date: run `python -m netclarity schema`", file=sys.stderr)
        return 1
    try:
        changed = write(path)
    except OSError as exc:
        print(f"cannot write {name}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {name}" if changed else f"{name} is up to date")
    return 0
