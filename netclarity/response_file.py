"""Reading a file of answers: the one reader for the app's import and every command.

A file is what the results page lets a person download — ``{"rounds": [...]}``, every round
of one person — or a single response (``netclarity.response.Response``). It comes from
outside, so it is untrusted: it is refused above ``MAX_BYTES``, parsed without accepting
NaN, Infinity, numbers of absurd length or nesting deeper than an export ever has, validated
as ``Response`` documents, and then (``fit``) each answer is checked against the question it
answers, by that question's type. After that, every reader can rely on the answers' shapes.

Messages never repeat arbitrary text from the file (they are shown on pages that render
Markdown, where a key such as ``![x](http://…)`` would become an image): places in it are
named by the format's own field names and by ids, and anything else as ``…``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from netclarity.answers import value_problems
from netclarity.question_types.base import shown
from netclarity.questionnaire import Questionnaire
from netclarity.response import (
    ChannelPlan,
    ItemReview,
    Plan,
    PlanGoal,
    PlanReview,
    Response,
    known_answers,
)

MAX_BYTES = 2_000_000
"""The largest answers file accepted, in the app and by the commands alike: a whole export
of many rounds with long plans is a few hundred kilobytes."""
MAX_DEPTH = 16
"""An export nests eight levels at most (rounds, a round, its review, the reviewed plan,
places, one place, its decision); anything much deeper is not an export, and could exhaust
recursion further on."""
MAX_DIGITS = 30
MAX_NAMED = 5
"""Ignored answers named in a note; the rest are counted."""


class ResponseFileError(ValueError):
    """The file cannot be used; ``problems`` says each thing wrong, ``where: what``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Fitted:
    """A response checked against its questionnaire: only the answers to its questions,
    and a note for what was left out (answers to questions it does not have)."""

    response: Response
    notes: list[str]


def read(path: Path) -> list[Response]:
    """The responses in the file at ``path`` (see ``parse``); raises ``ResponseFileError``."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ResponseFileError([f"cannot read the file: {exc.strerror}"]) from None
    return parse(data)


def parse(data: bytes) -> list[Response]:
    """An export (all rounds) or a single response, validated; raises ``ResponseFileError``."""
    if len(data) > MAX_BYTES:
        raise ResponseFileError(
            [
                f"the file is larger than {MAX_BYTES / 1_000_000:.0f} MB, "
                "the most an answers file can be"
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResponseFileError(["it is not UTF-8 text"]) from None
    try:
        document = json.loads(text, parse_int=_whole_number, parse_constant=_no_constant)
    except RecursionError:
        raise ResponseFileError(["it is nested too deeply"]) from None
    except ValueError as exc:
        raise ResponseFileError([f"it is not JSON ({exc})"]) from None
    _check_plain(document)
    items = (
        document.get("rounds")
        if isinstance(document, dict) and "rounds" in document
        else [document]
    )
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise ResponseFileError(["it holds no answers"])
    try:
        return [Response.model_validate(item) for item in items]
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        reason = _reason(first["type"], first["loc"])
        if reason is not None:
            raise ResponseFileError(
                [f"it is not an answers file from this app ({reason})"]
            ) from None
        where = ".".join(
            str(p) if isinstance(p, int) or p in _FIELDS else "…" for p in first["loc"]
        )
        raise ResponseFileError([f"{where}: {first['msg']}"]) from None


def fit(response: Response, questionnaire: Questionnaire) -> Fitted:
    """``response`` with only the answers ``questionnaire`` asks for, each checked by its
    question's type; raises ``ResponseFileError`` listing every answer that does not fit.

    Answers to questions the questionnaire does not have (an older or newer version's, or
    anything else) are left out with a note, as the app has always done; an answer of the
    wrong shape, an unknown option or an amount out of range is a problem.
    """
    problems = value_problems(questionnaire, response.answers)
    if problems:
        raise ResponseFileError(problems)
    kept = known_answers(response, {q.id for q in questionnaire.questions})
    ignored = [key for key in response.answers if key not in kept.answers]
    notes = []
    if ignored:
        named = ", ".join(shown(key) for key in ignored[:MAX_NAMED])
        more = f" and {len(ignored) - MAX_NAMED:,} more" if len(ignored) > MAX_NAMED else ""
        notes.append(
            f"answers: ignored {len(ignored):,} answer(s) to questions "
            f"'{questionnaire.id}' version {questionnaire.version} does not have: {named}{more}"
        )
    return Fitted(kept, notes)


_NAMES = {
    "format": "format",
    "questionnaire": "questionnaire",
    "version": "version number",
    "round": "round number",
}
_REASONS = {
    "missing": "no {name}",
    "less_than_equal": "{name} too large",
    "greater_than_equal": "{name} too small",
    "int_parsing": "{name} not a whole number",
    "int_type": "{name} not a whole number",
    "int_from_float": "{name} not a whole number",
    "literal_error": "unknown {name}",
    "string_type": "{name} not text",
}
_FIELDS = frozenset().union(
    *(m.model_fields for m in (Response, Plan, PlanGoal, ChannelPlan, PlanReview, ItemReview))
)


def _reason(kind: str, where: tuple[int | str, ...]) -> str | None:
    """A few words on what is wrong with one of the file's top-level fields, if it is one."""
    field = where[-1] if where else None
    name = _NAMES.get(field) if isinstance(field, str) else None
    template = _REASONS.get(kind)
    if name is None or template is None:
        return None
    return template.format(name=name)


def _whole_number(digits: str) -> int:
    if len(digits) > MAX_DIGITS:
        raise ValueError(f"a number has {len(digits):,} digits")
    return int(digits)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _check_plain(document: Any) -> None:
    """Refuse nesting deeper than any export and text no page could show (lone surrogates)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ResponseFileError(["it is nested too deeply"])
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in [*value, *value.values()])
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise ResponseFileError(["a number is too large"])
        elif isinstance(value, str) and not _is_unicode(value):
            raise ResponseFileError(
                ["it holds text with an unpaired surrogate, which is not Unicode"]
            )


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
