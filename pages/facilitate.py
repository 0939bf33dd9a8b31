"""Facilitator: create a workshop and share its join code, link and QR code."""

from netclarity.ui import shell
from netclarity.ui.workshop_create import create_screen

shell.through_app()

create_screen()
