"""``python -m netclarity``: see ``netclarity.commands.cli``."""

from netclarity.commands.cli import main

raise SystemExit(main())
