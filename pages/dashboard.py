"""Facilitator: the workshop's live dashboard, controls and exports (facilitator key only)."""

from netclarity.ui import shell
from netclarity.ui.workshop_dashboard import dashboard_screen

shell.through_app()

dashboard_screen()
