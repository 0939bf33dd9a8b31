"""The ``report`` command: a response's PDF summary, built without the app.

``python -m netclarity report ANSWERS.json -o summary.pdf [--name NAME] [--paper a4|letter]``
reads a response file, loads the questionnaire it names, and writes the same PDF the results
page offers for download. Exit status: 0 written, 1 the response, the questionnaire or the
fonts have problems (reported on standard error). Reading the response and finding its
questionnaire work exactly as for ``score`` (``netclarity.commands.response_input``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netclarity.commands import response_input as command_input
from netclarity.commands.response_input import fail
from netclarity.loading.problems import Problem, QuestionnaireError, display_path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    command_input.add_response_arguments(parser)
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="PDF", help="the PDF file to write"
    )
    parser.add_argument("--name", help="the name on the cover (default: the response's)")
    parser.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)"
    )


def run(args: argparse.Namespace) -> int:
    from netclarity.report.fonts import MissingFontError
    from netclarity.report.summary import build_pdf

    name = display_path(args.answers)
    try:
        response, questionnaire = command_input.response_and_questionnaire(
            args.answers, args.questionnaire, args.round
        )
    except QuestionnaireError as exc:
        return fail(*exc.problems)
    try:
        pdf = build_pdf(questionnaire, response, name=args.name, paper=args.paper)
    except ValueError as exc:  # answers for another questionnaire
        return fail(Problem(name, 1, str(exc)))
    except MissingFontError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        args.output.write_bytes(pdf)
    except OSError as exc:
        print(
            f"{display_path(args.output)}: cannot write the file: {exc.strerror}", file=sys.stderr
        )
        return 1
    print(display_path(args.output))
    return 0
