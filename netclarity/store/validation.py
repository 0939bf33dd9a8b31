"""What the store accepts, checked in Python so SQLite and PostgreSQL behave the same.

Answer values are JSON (``database.json_text``): any string is kept exactly — 100,000
characters, markup, formulas, right-to-left and zero-width characters, emoji, even NUL —
because it is stored escaped. Numbers must be finite; tuples come back as lists.

Plain text columns (name, page, question key, questionnaire id, digest) are different:
PostgreSQL cannot store NUL in text and neither database can store a lone surrogate, so such
text is refused on every database with ``InvalidValue`` rather than failing on one of them.
Lengths are checked here too, as SQLite would not enforce them.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from netclarity.response import Plan, PlanReview
from netclarity.store.database import json_text
from netclarity.store.errors import InvalidValue
from netclarity.store.tables import MAX_KEY, PLAN_KEY


def text(value: str, field: str, max_length: int) -> str:
    """``value`` if it fits a text column, else ``InvalidValue`` naming the field."""
    if not isinstance(value, str):
        raise InvalidValue(f"{field} must be text, not {type(value).__name__}")
    if len(value) > max_length:
        raise InvalidValue(f"{field} is longer than {max_length} characters")
    if "\x00" in value:
        raise InvalidValue(f"{field} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidValue(f"{field} contains an unpaired surrogate") from error
    return value


def optional_text(value: str | None, field: str, max_length: int) -> str | None:
    return None if value is None else text(value, field, max_length)


def answer(key: str, value: Any) -> Any:
    """The value to store under ``key``: the plan is validated as a ``Plan``, the rest as JSON."""
    text(key, "question key", MAX_KEY)
    if key == PLAN_KEY:
        return plan(value)
    try:
        json_text(value)
    except (TypeError, ValueError) as error:
        raise InvalidValue(f"answer {key!r} is not storable as JSON: {error}") from error
    return value


def plan(value: Any) -> dict[str, Any]:
    """A plan (``Plan`` or its JSON form) as the JSON object stored under ``PLAN_KEY``."""
    try:
        return Plan.model_validate(value).model_dump(mode="json")
    except ValidationError as error:
        raise InvalidValue(f"not a valid plan: {error}") from error


def review(value: Any) -> PlanReview:
    """A plan review (``PlanReview`` or its JSON form), validated, else ``InvalidValue``."""
    try:
        checked = PlanReview.model_validate(value)
        json_text(checked.model_dump(mode="json"))
    except (ValidationError, ValueError) as error:
        raise InvalidValue(f"not a valid plan review: {error}") from error
    return checked
