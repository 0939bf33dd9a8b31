"""What every question type provides, and the few rules all of them share.

A question type is the unit of change: its module (one per type, next to this one) says how
a stored answer must look (``check``), what stops a person going on (``problems``), how the
answer reads on the review page and in the PDF (``lines``), how it fills the workshop's CSV
(``columns``/``cells``), which answers the questionnaire walker tries (``samples``) and what a
dead-end message says about its answers (``hint``). Its widget is one function in
``netclarity/ui/widgets.py``. ``netclarity.question_types.TYPES`` ties them together.

Answers are plain JSON values keyed by question id (see each module for its shape), so the
same dictionary is stored, exported, imported and scored without conversion. ``check`` is
what makes that safe: every answer that comes from outside the widgets (an imported file, a
command's input) is checked once, at the boundary, and readers further on can rely on it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netclarity.questionnaire import Condition, Question, Questionnaire

Answers = Mapping[str, Any]
Issue = tuple[str, str]
"""A problem with a stored answer: where inside it (an option or row id, or "") and what."""

_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


@dataclass(frozen=True)
class QuestionType:
    """The facets of one question type (see the module docstring); ``names`` are the
    ``type:`` values written in the YAML that it handles."""

    names: tuple[str, ...]
    check: Callable[[Questionnaire, Question, Any], list[Issue]]
    problems: Callable[[Questionnaire, Question, Any, Answers], list[str]]
    lines: Callable[[Questionnaire, Question, Any], list[str]]
    columns: Callable[[Questionnaire, Question], list[str]]
    cells: Callable[[Questionnaire, Question, Any], list[Any]]
    samples: Callable[[Questionnaire, Question, Sequence[Condition], Answers], list[Any]]
    hint: Callable[[Questionnaire, Question], str]


def is_answered(value: Any) -> bool:
    """An answer counts as given when it holds something: not None, empty text or all zeros."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list):
        return len(value) > 0
    if isinstance(value, dict):
        return any(v not in (None, 0, "") for v in value.values())
    return True


def required(questionnaire: Questionnaire, question: Question) -> list[str]:
    """The problem of an unanswered question: none unless it is required."""
    return [questionnaire.texts.required] if question.required else []


def unanswered_problems(
    questionnaire: Questionnaire, question: Question, value: Any, answers: Answers
) -> list[str]:
    """The ``problems`` facet of a type with no rule beyond "answer it if it is required"."""
    return [] if is_answered(value) else required(questionnaire, question)


def not_answered(questionnaire: Questionnaire) -> list[str]:
    return [questionnaire.texts.not_answered]


def option_ids(questionnaire: Questionnaire, question: Question) -> list[str]:
    return [o.id for o in questionnaire.choices(question)]


def labels(questionnaire: Questionnaire, question: Question) -> dict[str, str]:
    return {o.id: o.label for o in questionnaire.choices(question)}


def is_number(value: Any) -> bool:
    """A finite JSON number (``True`` is not one, although Python counts it as 1)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return isinstance(value, int) or math.isfinite(value)


def number_issue(value: Any, low: float, high: float, where: str = "") -> list[Issue]:
    """Why ``value`` is not a number from ``low`` to ``high`` (no issue: it is one).

    Whole numbers are compared as they are, so a 400-digit one is "too large", not an
    overflow on its way to a float.
    """
    if not is_number(value):
        return [(where, f"must be a number, not {kind(value)}")]
    if value < low:
        return [(where, f"must be at least {low:g}")]
    if value > high:
        return [(where, f"must be at most {high:g}")]
    return []


def one_of(value: Any, ids: Sequence[str], where: str = "", what: str = "options") -> list[Issue]:
    """Why ``value`` is not one of ``ids``."""
    if not isinstance(value, str):
        return [(where, f"must be the id of one of its {what}, not {kind(value)}")]
    if value not in ids:
        return [(where, f"{shown(value)} is not one of its {what} ({', '.join(ids)})")]
    return []


def list_of(value: Any, ids: Sequence[str], what: str = "options") -> list[Issue]:
    """Why ``value`` is not a list of distinct ids from ``ids``."""
    if not isinstance(value, list):
        return [("", f"must be a list of its {what}, not {kind(value)}")]
    found = [issue for item in value for issue in one_of(item, ids, what=what)]
    if not found and len(set(value)) < len(value):
        found.append(("", f"names one of its {what} twice"))
    return found


def mapping_of(
    value: Any,
    keys: Sequence[str],
    check_value: Callable[[Any, str], list[Issue]],
    what: str = "options",
) -> list[Issue]:
    """Why ``value`` is not an object from ids in ``keys`` to values ``check_value`` accepts."""
    if not isinstance(value, dict):
        return [("", f"must be an object with an entry per {what[:-1]}, not {kind(value)}")]
    found: list[Issue] = []
    for key, item in value.items():
        if key not in keys:
            found.append(("", f"{shown(key)} is not one of its {what} ({', '.join(keys)})"))
        else:
            found += check_value(item, key)
    return found


def kind(value: Any) -> str:
    """What a JSON value is, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    return "an object"


def shown(key: Any) -> str:
    """A value from an untrusted file, quoted when it is a plain id, else "an unknown id".

    Messages reach pages that render Markdown; an id (lower-case letters, digits and
    underscores) reads the same there, anything else could become a link or an image.
    """
    return f"'{key}'" if isinstance(key, str) and _ID.fullmatch(key) else "an unknown id"


def as_list(value: Any) -> list[Any]:
    """A list answer as a list; a value of another shape (kept from an older version of the
    questionnaire) as a list of itself, so it is shown rather than breaking a page."""
    return value if isinstance(value, list) else [value]


def label_of(labels: Mapping[str, str], value: Any) -> str:
    """An option's label; a value that names no option (an older version's) as it is."""
    return labels.get(value, value) if isinstance(value, str) else str(value)


def no_columns(questionnaire: Questionnaire, question: Question) -> list[str]:
    """The CSV facet of a type whose answer fills one column, named after the question."""
    return []


def joined_labels(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    """The CSV facet of a list answer: its labels, in order, in one cell joined by ``"; "``."""
    if not is_answered(value):
        return [""]
    found = labels(questionnaire, question)
    return ["; ".join(label_of(found, v) for v in as_list(value))]
