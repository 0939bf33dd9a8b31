"""One error type for a questionnaire file that cannot be used.

Every problem is reported as ``FILE:LINE: message`` so that a coach editing YAML in any
editor can jump straight to the spot; a file is checked completely before it is rejected,
so all of its problems arrive together rather than one per attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one line (1-based), or in the file as a whole
    (``None``: JSON files, whose problems are named by their place in the data)."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        """One line, always: a message quoting the file's text must not break the format."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {' '.join(self.message.splitlines())}"

    def sort_key(self) -> tuple[str, int, str]:
        """By file, then line (a whole-file problem first), then message."""
        return (self.file, self.line or 0, self.message)


class QuestionnaireError(Exception):
    """A questionnaire file failed to load; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> str:
        return self.problems[0].file if self.problems else ""


def display_path(path: Path) -> str:
    """A path as a person would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
