"""``python -m netclarity``: see ``netclarity.cli``."""

from netclarity.cli import main

raise SystemExit(main())
