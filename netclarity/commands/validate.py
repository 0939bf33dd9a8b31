"""The ``validate`` command: check questionnaire files the way the app will load them.

Each valid file gets one ``OK`` line on standard output; every problem is one
``FILE:LINE: message`` line on standard error, so editors and CI logs can jump to it.
With ``--walk`` a valid file is also walked through (``netclarity.loading.walk``) and its dead ends,
and a missing ``role: goals`` or ``role: mix`` (results that can never show), are reported
as ``FILE:LINE: warning: ...``. Exit status: 0 when everything is fine,
1 when any file has a problem or a warning, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netclarity import config
from netclarity.loading import loader, walk
from netclarity.loading.problems import Problem, QuestionnaireError, display_path
from netclarity.questionnaire import Questionnaire


def _existing(text: str) -> Path:
    path = Path(text)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or folder: {text}")
    return path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=_existing,
        metavar="PATH",
        help="questionnaire files, or folders of *.yaml/*.yml files "
        "(default: the questions folder, questions/ or NETCLARITY_QUESTIONS)",
    )
    parser.add_argument(
        "--walk",
        action="store_true",
        help="also try every branch of show_if and report questions that can never be shown",
    )


def files_in(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files to check, in order, and a message for each folder that holds none."""
    files: list[Path] = []
    empty: list[str] = []
    for path in paths:
        if path.is_dir():
            found = loader.questionnaire_files(path)
            files += found
            if not found:
                empty.append(f"{display_path(path)}: no questionnaire files (*.yaml, *.yml)")
        else:
            files.append(path)
    return list(dict.fromkeys(files)), empty


def summary(questionnaire: Questionnaire) -> str:
    pages, questions = len(questionnaire.pages), len(questionnaire.questions)
    return (
        f"{questionnaire.title}, {pages} page{'s' * (pages != 1)}, "
        f"{questions} question{'s' * (questions != 1)}"
    )


ROLE_NEEDS = {
    "goals": "what the person networks for",
    "mix": "where their hours go",
}


def missing_roles(questionnaire: Questionnaire) -> list[str]:
    """A warning for each answer the results need that no question gives.

    Without an allocation marked ``role: goals`` and one marked ``role: mix`` the file loads
    and every page works, but the results page can only ever ask for more answers.
    """
    return [
        f"no question has 'role: {role}' ({needed}), so the results, charts and findings "
        "can never be shown; mark the allocation that asks it"
        for role, needed in ROLE_NEEDS.items()
        if questionnaire.question_with_role(role) is None
    ]


def walk_report(path: Path) -> tuple[list[str], list[str]]:
    """``--walk`` on a valid file: warning lines (each a dead end) and note lines."""
    name = display_path(path)
    questionnaire, source = loader.parse_with_lines(path.read_bytes(), name)
    result = walk.walk(questionnaire)
    warnings = [
        str(Problem(name, source.line_for(f.path), f"warning: {f.message}"))
        for f in result.findings
    ] + [
        str(Problem(name, source.line_for(("pages",)), f"warning: {message}"))
        for message in missing_roles(questionnaire)
    ]
    notes = []
    if result.capped:
        notes.append(
            f"{name}:1: note: the walk stopped at {walk.MAX_SITUATIONS:,} combinations of "
            "answers, so it may have missed some: a question it reports may still be reachable"
        )
    return warnings, notes


def run(args: argparse.Namespace) -> int:
    files, empty = files_in(args.paths or [config.questions_dir()])
    for line in empty:
        print(line, file=sys.stderr)
    errors: dict[str, QuestionnaireError] = {}
    loaded: dict[str, Questionnaire] = {}
    for folder in dict.fromkeys(path.parent for path in files):  # ids must differ per folder
        catalogue = loader.load_files(path for path in files if path.parent == folder)
        errors |= {error.file: error for error in catalogue.errors}
        loaded |= {display_path(i.path): i.questionnaire for i in catalogue.loaded.values()}
    failed = 0
    for path in files:
        name = display_path(path)
        if name in errors:
            failed += 1
            print(errors[name], file=sys.stderr)
            continue
        warnings, notes = walk_report(path) if args.walk else ([], [])
        for line in [*warnings, *notes]:
            print(line, file=sys.stderr)
        if warnings:
            failed += 1
        else:
            print(f"OK {name} ({summary(loaded[name])})")
    if failed:
        print(f"{failed} of {len(files)} files have problems", file=sys.stderr)
    return 1 if failed or empty else 0
