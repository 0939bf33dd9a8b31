"""Welcome: what this is, and start or continue."""

from netclarity.ui.welcome import welcome_screen

welcome_screen()
