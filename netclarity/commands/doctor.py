"""The ``doctor`` command: check a deployment from the server it runs on.

``python -m netclarity doctor``

Run it as the app's user, in the app's folder and with the app's environment (the same
``NETCLARITY_*`` variables), so that it sees what the app sees. It prints one line per
finding (``ok``, ``warning`` or ``problem``, what it concerns, and what to do) and changes
nothing. Exit status: 0 no problems (warnings allowed); 1 something to fix.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: it checks the deployment it runs in


def run(args: argparse.Namespace) -> int:
    from netclarity.operations.doctor import Deployment, examine, problems

    del args
    findings = examine(Deployment())
    for finding in findings:
        print(finding)
    count = problems(findings)
    if count:
        print(f"doctor: {count} problem{'s' if count > 1 else ''} to fix", file=sys.stderr)
        return 1
    print("doctor: no problems found")
    return 0
