"""What the command-line tools read: a response file and the questionnaire it answers.

``score``, ``report`` and ``export`` all find a questionnaire the same way (the file given
with ``--questionnaire``, else the one in ``questions/`` with the id asked for) and report
every problem as ``FILE:LINE: message`` on standard error, so they share this module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from netclarity import loader
from netclarity.problems import Problem, QuestionnaireError, display_path
from netclarity.questionnaire import Questionnaire
from netclarity.response import Response

QUESTIONS = Path(__file__).resolve().parent.parent / "questions"


def add_questionnaire_argument(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help=f"the questionnaire file (default: the one in questions/ {default})",
    )


def add_response_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("answers", type=Path, metavar="ANSWERS.json", help="a response file")
    add_questionnaire_argument(parser, "with the response's id")


def questionnaire(questionnaire_id: str, path: Path | None) -> Questionnaire:
    """The questionnaire at ``path``, or the one in ``questions/`` with this id."""
    if path is not None:
        return loader.load_file(path).questionnaire
    catalogue = loader.load_directory(QUESTIONS)
    if questionnaire_id in catalogue.loaded:
        return catalogue.get(questionnaire_id)
    missing = Problem(
        display_path(QUESTIONS),
        1,
        f"no questionnaire with id '{questionnaire_id}' "
        f"(found: {', '.join(sorted(catalogue.loaded)) or 'none'})",
    )
    # a broken file may be the one wanted: show its problems too
    raise QuestionnaireError([missing, *(p for e in catalogue.errors for p in e.problems)])


def response_and_questionnaire(
    answers: Path, questionnaire_path: Path | None
) -> tuple[Response, Questionnaire]:
    """Read a response file and the questionnaire it answers; raises ``QuestionnaireError``.

    Answers to another version of the questionnaire are accepted with a note on standard
    error: ids that still exist are used, the rest are ignored.
    """
    name = display_path(answers)
    try:
        response = Response.model_validate_json(answers.read_bytes())
    except OSError as exc:
        raise QuestionnaireError(
            [Problem(name, 1, f"cannot read the file: {exc.strerror}")]
        ) from None
    except ValidationError as exc:
        raise QuestionnaireError([Problem(name, 1, _message(e)) for e in exc.errors()]) from None
    found = questionnaire(response.questionnaire, questionnaire_path)
    if found.id != response.questionnaire:
        raise QuestionnaireError(
            [Problem(name, 1, f"the response answers '{response.questionnaire}', not '{found.id}'")]
        )
    if found.version != response.version:
        print(
            f"{name}:1: note: answered version {response.version}, "
            f"used with version {found.version}",
            file=sys.stderr,
        )
    return response, found


def fail(*problems: Problem) -> int:
    """Print the problems, one ``FILE:LINE: message`` a line; the exit status is 1."""
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1


def _message(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "top level"
    return f"{where}: {error['msg']}"
