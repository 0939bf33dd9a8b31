"""Participant: join a workshop by link, QR code or typed code."""

from netclarity.ui import shell
from netclarity.ui.workshop_join import join_screen

shell.through_app()

join_screen()
