"""One file per schema revision, applied in ``down_revision`` order."""
