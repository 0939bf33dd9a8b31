"""The command line: ``python -m netclarity COMMAND [options]`` (``--help`` lists commands).

Exit status, for every command: 0 done and fine, 1 the input has problems (each reported
as ``FILE:LINE: message`` on standard error where it concerns a file), 2 wrong usage.

Adding a command (``score``, ``report``, ``export``, ...) takes a few lines:

1. In a module of this package, e.g. ``netclarity/commands/report.py``, write::

       def add_arguments(parser: argparse.ArgumentParser) -> None:
           parser.add_argument("response", type=Path, help="a response JSON file")

       def run(args: argparse.Namespace) -> int:
           ...  # results on stdout, problems on stderr
           return 0  # the exit status

   Import heavy libraries (fpdf, altair, pandas) inside ``run``, not at the top of the
   module, so that ``validate`` and ``--help`` stay quick.
2. Import the module here and add one line to ``COMMANDS``::

       Command("report", "build the PDF summary of a response", report),

Every module beside this one is a command written this way.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from netclarity.commands import (
    backup,
    doctor,
    expire,
    export,
    report,
    restore,
    schema,
    score,
    validate,
)


class CommandModule(Protocol):
    """What a command's module provides (mypy checks a module against this)."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, one line of help, and the module with its two functions."""

    name: str
    help: str
    module: CommandModule


COMMANDS = (
    Command("validate", "check questionnaire files and report every problem", validate),
    Command("schema", "write questions/schema.json for editors (--check: is it current?)", schema),
    Command("report", "build the PDF summary of a response", report),
    Command("score", "print a response's scores and findings as JSON", score),
    Command("export", "write a workshop's anonymised answers as CSV", export),
    Command("doctor", "check this deployment and say what to fix", doctor),
    Command("backup", "write a consistent copy of the database, while people answer", backup),
    Command("restore", "load a backup into an empty database", restore),
    Command("expire", "delete what is older than the retention period", expire),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m netclarity", description="Networking Clarity on the command line."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.module.add_arguments(sub)
        sub.set_defaults(command_to_run=command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (argparse's 2 for usage errors)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    command: Command = args.command_to_run
    try:
        status = command.module.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``score F | head``): that is its choice, not an error worth a
        # traceback. Point stdout at nothing so that Python's own flush at exit is quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
