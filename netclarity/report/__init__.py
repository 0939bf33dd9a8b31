"""The PDF summary of a person's answers (and the page template a group summary reuses)."""

from netclarity.report.summary import build_pdf

__all__ = ["build_pdf"]
