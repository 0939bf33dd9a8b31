"""What the command-line tools read: a response file and the questionnaire it answers.

``score``, ``report`` and ``export`` all find a questionnaire the same way (the file given
with ``--questionnaire``, else the one with the id asked for in the questions folder,
``netclarity.config.questions_dir``) and report
every problem as ``FILE:LINE: message`` on standard error, so they share this module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netclarity import config, response_file
from netclarity.loading import loader
from netclarity.loading.problems import Problem, QuestionnaireError, display_path
from netclarity.questionnaire import Questionnaire
from netclarity.response import Response


def add_questionnaire_argument(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="PATH",
        help=f"the questionnaire file (default: the one in the questions folder {default})",
    )


def add_response_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "answers",
        type=Path,
        metavar="ANSWERS.json",
        help="a file of answers: the one the app lets a person download, or a single response",
    )
    parser.add_argument(
        "--round",
        type=int,
        metavar="N",
        help="which round of a file with several (default: the newest)",
    )
    add_questionnaire_argument(parser, "with the response's id")


def questionnaire(questionnaire_id: str, path: Path | None) -> Questionnaire:
    """The questionnaire at ``path``, or the one in ``questions/`` with this id."""
    if path is not None:
        return loader.load_file(path).questionnaire
    folder = config.questions_dir()
    catalogue = loader.load_directory(folder)
    if questionnaire_id in catalogue.loaded:
        return catalogue.get(questionnaire_id)
    missing = Problem(
        display_path(folder),
        None,
        f"no questionnaire with id '{questionnaire_id}' "
        f"(found: {', '.join(sorted(catalogue.loaded)) or 'none'})",
    )
    # a broken file may be the one wanted: show its problems too
    raise QuestionnaireError([missing, *(p for e in catalogue.errors for p in e.problems)])


def response_and_questionnaire(
    answers: Path, questionnaire_path: Path | None, round_number: int | None = None
) -> tuple[Response, Questionnaire]:
    """Read a file of answers and the questionnaire it answers; raises ``QuestionnaireError``.

    The file is read as the app reads an upload (``netclarity.response_file``), with the same
    checks and size limit. Answers to another version of the questionnaire are accepted with
    a note on standard error: answers to questions it still has are used, the rest ignored.
    """
    name = display_path(answers)
    try:
        response = _chosen(response_file.read(answers), round_number)
    except response_file.ResponseFileError as exc:
        raise QuestionnaireError([Problem(name, None, p) for p in exc.problems]) from None
    found = questionnaire(response.questionnaire, questionnaire_path)
    if found.id != response.questionnaire:
        raise QuestionnaireError(
            [
                Problem(
                    name, None, f"the response answers '{response.questionnaire}', not '{found.id}'"
                )
            ]
        )
    if found.version != response.version:
        print(
            f"{name}: note: answered version {response.version}, used with version {found.version}",
            file=sys.stderr,
        )
    try:
        fitted = response_file.fit(response, found)
    except response_file.ResponseFileError as exc:
        raise QuestionnaireError([Problem(name, None, p) for p in exc.problems]) from None
    for note in fitted.notes:
        print(f"{name}: note: {note}", file=sys.stderr)
    return fitted.response, found


def _chosen(responses: list[Response], round_number: int | None) -> Response:
    """The round asked for, else the newest of the file."""
    if round_number is None:
        return max(responses, key=lambda r: r.round)
    for response in responses:
        if response.round == round_number:
            return response
    rounds = ", ".join(str(r.round) for r in sorted(responses, key=lambda r: r.round))
    raise response_file.ResponseFileError([f"it has no round {round_number} (rounds: {rounds})"])


def fail(*problems: Problem) -> int:
    """Print the problems, one ``FILE:LINE: message`` a line; the exit status is 1."""
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1
