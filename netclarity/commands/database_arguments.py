"""What every operator command shares: ``--database`` and the app's own settings."""

from __future__ import annotations

import argparse
import sys

from netclarity import config


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="the database URL (default: the app's, see netclarity.config)",
    )


def database_url(args: argparse.Namespace) -> str | None:
    """``--database`` or the app's URL; None after printing why the settings are unusable."""
    try:
        given: str | None = args.database
        return config.normalise(given) if given else config.database_url()
    except config.ConfigError as error:
        print(error, file=sys.stderr)
        return None
