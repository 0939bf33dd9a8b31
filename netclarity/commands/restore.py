"""The ``restore`` command: load a backup into an empty database, then bring its schema up.

``python -m netclarity restore FILE [--database URL]``

Stop the app first. The database must hold no answers and no workshops (a new SQLite path,
or a new PostgreSQL database); the backup must come from this release or an older one.
PostgreSQL backups are loaded with ``pg_restore`` in one transaction.

Exit status: 0 restored and upgraded; 1 the backup, the database or the tools are not
usable (the database is left as it was).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netclarity.commands.database_arguments import add_database_argument, database_url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="FILE", help="a file written by backup")
    add_database_argument(parser)


def run(args: argparse.Namespace) -> int:
    from netclarity.operations.backup import BackupError, restore
    from netclarity.store import Store, StoreError

    url = database_url(args)
    if url is None:
        return 1
    try:
        print(restore(url, args.backup))
        Store.open(url).close()  # upgrades a backup of an older release, as the app would
    except (BackupError, StoreError) as error:
        print(f"restore failed: {error}", file=sys.stderr)
        return 1
    return 0
