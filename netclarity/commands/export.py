"""The ``export`` command: a workshop's anonymised answers as CSV, without the app.

``python -m netclarity export --workshop CODE -o answers.csv [--database URL]``

It needs no facilitator key, on purpose: it is an administrator's tool that reads the
database directly (``--database``, or the same URL the app uses: ``NETCLARITY_DATABASE_URL``,
``.streamlit/secrets.toml`` or the default SQLite file). Whoever can run it can read every
table anyway, so a key would protect nothing; the key guards the web pages, where anyone
can type a URL. The file is the one the dashboard's download gives (``workshop.export``).

Exit status: 0 written; 1 no such workshop, no usable questionnaire, or the database or the
file cannot be reached.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netclarity.commands.response_input import add_questionnaire_argument, fail
from netclarity.commands.response_input import questionnaire as questionnaire_for
from netclarity.loading.problems import QuestionnaireError, display_path
from netclarity.store import Store, StoreError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workshop", required=True, metavar="CODE", help="the join code")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="CSV", help="the CSV file to write"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="the database URL (default: the app's, see netclarity.config)",
    )
    add_questionnaire_argument(parser, "the workshop uses")


def run(args: argparse.Namespace) -> int:
    from netclarity.workshop.export import export_csv
    from netclarity.workshop.store import Workshops

    try:
        store = Store.open(args.database)
    except StoreError as error:
        print(f"cannot open the database: {error}", file=sys.stderr)
        return 1
    try:
        workshop = Workshops(store.database).find(args.workshop)
        if workshop is None:
            print(f"no workshop has the code {args.workshop!r}", file=sys.stderr)
            return 1
        try:
            questionnaire = questionnaire_for(workshop.questionnaire_id, args.questionnaire)
        except QuestionnaireError as error:
            return fail(*error.problems)
        data = export_csv(store.database, questionnaire, workshop)
    except StoreError as error:
        print(f"cannot read the database: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    try:
        args.output.write_bytes(data)
    except OSError as error:
        print(
            f"{display_path(args.output)}: cannot write the file: {error.strerror}",
            file=sys.stderr,
        )
        return 1
    print(display_path(args.output))
    return 0
