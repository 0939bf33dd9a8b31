"""What every question type provides, and the few rules all of them share.

A question type is the unit of change: its module (one per type, next to this one) says how
a stored answer must look (``check``), what stops a person going on (``problems``), how the
answer reads on the review page and in the PDF (``lines``), how it fills the workshop's CSV
(``columns``/``cells``), which answers the questionnaire walker tries (``samples``), what a
dead-end message says about its answers (``hint``), how a stored answer is fitted to the
questionnaire as it is now (``repair``) and how a workshop room's answers to it are summed
up for discussion (``summary``). Its widget is one function in
``netclarity/ui/widgets.py``. ``netclarity.question_types.TYPES`` ties them together.

Answers are plain JSON values keyed by question id (see each module for its shape), so the
same dictionary is stored, exported, imported and scored without conversion. Two facets make
that safe, each used at one boundary: ``check`` refuses an answer from outside the app (an
imported file, a command's input) that does not fit, naming the problem; ``repair`` fits an
answer read back from the database, which may have been given to an older version of the
questionnaire, by leaving out what this version cannot hold (``answers.clean`` for
everything that reads answers, ``answers.fitted`` for a person's own session). Readers
further on — widgets, scoring, the room, exports — rely on the shape and do not re-check.
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
Repair = Callable[[Any], Any]
"""Fits one stored answer to a question as it is now: what it can still hold, or None.
Made once per question (``QuestionType.repair``), since a room's thousands of answers go
through it on every read."""
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
    repair: Callable[[Questionnaire, Question], Repair]
    summary: Callable[[Questionnaire, Question, Sequence[Any]], RoomSummary]


@dataclass(frozen=True)
class RoomSummary:
    """A room's answers to one question, for a paced workshop's discussion of a section;
    which fields are filled depends on the question's type."""

    question: Question
    answered: int
    counts: tuple[tuple[str, float], ...] = ()
    """Rows of a bar chart as (label, value): how many chose each, or average amounts."""
    averages: bool = False
    """``counts`` holds average amounts (an allocation), not numbers of people."""
    median: float | None = None
    texts: tuple[str, ...] = ()


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


def no_columns(questionnaire: Questionnaire, question: Question) -> list[str]:
    """The CSV facet of a type whose answer fills one column, named after the question."""
    return []


def joined_labels(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    """The CSV facet of a list answer: its labels, in order, in one cell joined by ``"; "``."""
    if not is_answered(value):
        return [""]
    found = labels(questionnaire, question)
    return ["; ".join(found[v] for v in value)]


def kept_when(fits: Callable[[Any], bool]) -> Repair:
    """The repair of a one-part answer: kept when it ``fits``, else None (not given: the
    person answers it again)."""
    return lambda value: value if fits(value) else None


def known_items(ids: Sequence[str]) -> Repair:
    """The repair of a list answer: only the options ``ids`` still has, each once, in order."""
    known = frozenset(ids)

    def repair(value: Any) -> Any:
        if not isinstance(value, list):
            return None
        return [v for v in dict.fromkeys(v for v in value if isinstance(v, str)) if v in known]

    return repair


def known_entries(keys: Sequence[str], fits: Callable[[Any], bool]) -> Repair:
    """The repair of an object answer: only the entries under ``keys`` whose values ``fits``;
    an empty one stays an empty one (free amounts left at zero are an answer)."""
    known = frozenset(keys)

    def repair(value: Any) -> Any:
        if not isinstance(value, dict):
            return None
        return {key: item for key, item in value.items() if key in known and fits(item)}

    return repair


def listed_options(questionnaire: Questionnaire, question: Question) -> Repair:
    """The ``repair`` facet of a list of options (a multiple choice, a ranking): the options
    still offered, each once, in the person's order (a ranking's new ones follow, as shown)."""
    return known_items(option_ids(questionnaire, question))


def one_of_options(questionnaire: Questionnaire, question: Question) -> Repair:
    """The ``repair`` facet of a single choice: an option it still offers."""
    ids = frozenset(option_ids(questionnaire, question))
    return kept_when(lambda value: isinstance(value, str) and value in ids)


def counted(
    question: Question, names: Mapping[str, str], chosen: Sequence[Any], answered: int
) -> RoomSummary:
    """How many times each of ``names`` (id: label) was chosen, every one in order."""
    picked = [str(c) for c in chosen]
    counts = tuple((label, picked.count(key)) for key, label in names.items())
    return RoomSummary(question, answered, counts=counts)


def counted_choices(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> RoomSummary:
    """The ``summary`` facet of a single choice: how many chose each option."""
    return counted(question, labels(questionnaire, question), values, len(values))
