"""The ``expire`` command: delete for good what the retention period no longer covers.

``python -m netclarity expire [--database URL]``

The period is the app's setting (``retention_days`` in ``.streamlit/secrets.toml`` or
``NETCLARITY_RETENTION_DAYS``); what goes is described in ``netclarity.operations.retention``.
Run it daily from cron or a systemd timer, as the app's user with the app's settings.

Exit status: 0 done (also when nothing was old enough); 1 no retention period is set, or the
settings or the database are not usable (nothing is deleted then).
"""

from __future__ import annotations

import argparse
import sys

from netclarity import config
from netclarity.commands.database_arguments import add_database_argument, database_url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_database_argument(parser)


def run(args: argparse.Namespace) -> int:
    from netclarity.operations.retention import expire
    from netclarity.store import Store, StoreError

    try:
        days = config.retention_days()
    except config.ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    if days is None:
        print(
            "no retention period is set, so nothing expires: set retention_days in "
            f".streamlit/secrets.toml or {config.RETENTION_ENV_VAR}",
            file=sys.stderr,
        )
        return 1
    url = database_url(args)
    if url is None:
        return 1
    try:
        store = Store.open(url)
    except StoreError as error:
        print(f"cannot open the database: {error}", file=sys.stderr)
        return 1
    try:
        expired = expire(store.database, days)
    except StoreError as error:
        print(f"nothing deleted: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(
        f"deleted {expired.rounds} rounds, {expired.respondents} respondents and "
        f"{expired.workshops} workshops finished or closed before "
        f"{expired.cutoff:%Y-%m-%d %H:%M} UTC ({days} days)"
    )
    return 0
