"""The projector: the room's views in large type (view-only link, no controls, no exports)."""

from netclarity.ui import shell
from netclarity.ui.workshop_dashboard import present_screen

shell.through_app()

present_screen()
