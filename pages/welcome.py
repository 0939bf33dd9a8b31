"""Welcome: what this is, and start or continue."""

from netclarity.ui import shell
from netclarity.ui.welcome import welcome_screen

shell.through_app()

welcome_screen()
