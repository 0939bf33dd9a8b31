"""The ``backup`` command: a consistent copy of the app's database, taken while it runs.

``python -m netclarity backup -o FILE [--database URL]``

SQLite: the online backup API, checked for integrity (``netclarity.operations.backup``).
PostgreSQL: ``pg_dump`` from PATH, at least as new as the server, in its custom format.
The file holds every answer in plain text and is created readable by its owner only.

Exit status: 0 written and checked; 1 the database, the tools or the file are not usable
(nothing is left at FILE then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netclarity.commands.database_arguments import add_database_argument, database_url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="the backup to write"
    )
    add_database_argument(parser)


def run(args: argparse.Namespace) -> int:
    from netclarity.operations.backup import BackupError, backup

    url = database_url(args)
    if url is None:
        return 1
    try:
        print(backup(url, args.output))
    except BackupError as error:
        print(f"backup failed: {error}", file=sys.stderr)
        return 1
    return 0
