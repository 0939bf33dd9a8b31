"""Turn pydantic's validation errors into plain words about places in the YAML file.

Pydantic reports where an error is as a ``loc`` that mixes keys of the data with names of
union members it tried (``show_if`` is a condition *or* a list of them; ``rows`` is
``goals``/``channels`` *or* a list). We follow each ``loc`` through the model's type
annotations, so we know which parts are keys in the file and which are alternatives; then
we keep only the errors of the alternative the author evidently meant (the one whose kind
of value matches what they wrote), or, when no alternative fits at all, say in one line
what would have been accepted.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from netclarity.questionnaire import QUESTION_TYPES, Questionnaire

DataPath = tuple[str | int, ...]
Choice = tuple[DataPath, str]
"""A union pydantic tried: where it is in the data, and the member's name in ``loc``."""


@dataclass(frozen=True)
class _Place:
    """Where a ``loc`` points in the data, which union members it went through, its model."""

    path: DataPath
    choices: tuple[Choice, ...]
    model: type[BaseModel] | None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip ``Annotated``; say whether its metadata makes a union discriminated."""
    discriminated = False
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        discriminated |= any(
            isinstance(m, FieldInfo) and m.discriminator is not None for m in args[1:]
        )
        annotation = args[0]
    return annotation, discriminated


def _union_members(annotation: Any) -> list[Any]:
    """The members of a union (``None`` left out: pydantic names no member for it)."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return []
    members = [m for m in typing.get_args(annotation) if m is not type(None)]
    return members if len(members) > 1 else []


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _member(members: list[Any], tag: str, discriminated: bool) -> Any:
    """The union member pydantic calls ``tag`` in a ``loc``, or ``None`` if unrecognised."""
    for member in members:
        plain, _ = _unwrap(member)
        origin = typing.get_origin(plain)
        if discriminated:
            type_field = plain.model_fields.get("type") if _is_model(plain) else None
            if type_field is not None and tag in typing.get_args(type_field.annotation):
                return member
        elif _is_model(plain):
            if tag == plain.__name__ or tag.endswith(f", {plain.__name__}]"):
                return member
        elif origin is typing.Literal:
            if tag.startswith("literal["):
                return member
        elif origin is not None:
            if tag.startswith(f"{origin.__name__}["):
                return member
        elif isinstance(plain, type) and tag == plain.__name__:
            return member
    return None


def _child(annotation: Any, part: str | int) -> Any:
    """The annotation of ``part`` inside a value annotated ``annotation`` (``None``: unknown)."""
    if _is_model(annotation):
        for name, info in annotation.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
        return None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[0] if part == "[key]" else args[1]
    return None


def follow(loc: Sequence[str | int]) -> _Place:
    """Follow a pydantic ``loc`` from the top of a questionnaire through its annotations."""
    annotation: Any = Questionnaire
    path: list[str | int] = []
    choices: list[Choice] = []
    for part in loc:
        annotation, discriminated = _unwrap(annotation)
        members = _union_members(annotation)
        if members:
            if not discriminated:
                choices.append((tuple(path), str(part)))
            annotation = _member(members, str(part), discriminated)
            continue
        if part == "[key]" and path:  # the key itself is wrong, not its value
            path[-1] = str(path[-1])
        else:
            path.append(part)
        annotation = _child(annotation, part)
    annotation, _ = _unwrap(annotation)
    return _Place(tuple(path), tuple(choices), annotation if _is_model(annotation) else None)


MAX_LISTED_KEYS = 40
"""Up to this many allowed keys are listed after an unknown one; the interface texts have
over a hundred, and a line that long helps nobody, so there only the closest few are named."""


def allowed_keys(loc: Sequence[str | int]) -> list[str]:
    """The keys the mapping at ``loc`` accepts, as written in YAML (aliases, not names)."""
    model = follow(loc).model
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


# --- one error in plain words -----------------------------------------------------------

_KIND_OF_VALUE = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys and values",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
}
"""Errors that mean "this is not even the right kind of value", and what kind was expected."""


def _describe(value: Any) -> str:
    """A value as the author wrote it, short enough for one line."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = str(value)
        return text if len(text) < 40 else "a very long number"
    if isinstance(value, str):
        return repr(value) if len(value) < 40 else f"a text of {len(value):,} characters"
    return str(value) if len(str(value)) < 40 else type(value).__name__


def _got(error: ErrorDetails) -> str:
    return f" (got {_describe(error['input'])})" if "input" in error else ""


def _message(error: ErrorDetails, loc: tuple[str | int, ...], key: str | int) -> str:
    """What is wrong, in words a questionnaire author understands."""
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return f"missing required key '{key}'"
    if kind == "extra_forbidden":
        allowed = allowed_keys(loc[:-1])
        hint = difflib.get_close_matches(str(key), allowed, n=1)
        message = f"unknown key '{key}'" + (f" — did you mean '{hint[0]}'?" if hint else "")
        if len(allowed) > MAX_LISTED_KEYS:
            close = difflib.get_close_matches(str(key), allowed, n=5, cutoff=0.5)
            closest = f"closest: {', '.join(close)}; " if close else ""
            return message + f" ({closest}all {len(allowed)} keys are in questions/schema.json)"
        return message + (f" (allowed: {', '.join(allowed)})" if allowed else "")
    if kind == "union_tag_invalid":
        hint = difflib.get_close_matches(str(ctx.get("tag")), QUESTION_TYPES, n=1)
        message = f"unknown question type '{ctx.get('tag')}'"
        message += f" — did you mean '{hint[0]}'?" if hint else ""
        return message + f" (types: {', '.join(QUESTION_TYPES)})"
    if kind == "union_tag_not_found":
        return f"missing required key 'type' (types: {', '.join(QUESTION_TYPES)})"
    if kind == "literal_error":
        return f"{_describe(error['input'])} is not allowed; expected {ctx['expected']}"
    if kind == "string_pattern_mismatch":
        return (
            f"{_describe(error['input'])} is not a valid id: use lower-case letters, "
            "digits and underscores, starting with a letter"
        )
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "invalid_key":
        return f"{_describe(error['input'])} is not a valid key: keys are names such as 'title'"
    if kind in _KIND_OF_VALUE:
        return f"should be {_KIND_OF_VALUE[kind]}{_got(error)}"
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "should not be empty"
    if kind == "string_too_long":
        return f"is too long: at most {ctx['max_length']:,} characters{_got(error)}"
    if kind == "too_short":
        return f"should list at least {ctx['min_length']} item(s), not {ctx['actual_length']}"
    if kind == "too_long":
        return f"should list at most {ctx['max_length']} item(s), not {ctx['actual_length']}"
    message = str(error["msg"])
    message = (message[:1].lower() + message[1:]).replace("input should", "should")
    if "input" in error and not isinstance(error["input"], dict | list):
        message += _got(error)
    return message


# --- choosing between the alternatives of a union ---------------------------------------


@dataclass(frozen=True)
class _Error:
    error: ErrorDetails
    place: _Place


def _wrong_kind(item: _Error, tag: str) -> bool:
    """The member ``tag`` failed only because the value is not its kind (e.g. not a list)."""
    loc = item.error["loc"]
    return bool(loc) and loc[-1] == tag and item.error["type"] in (*_KIND_OF_VALUE, "literal_error")


def _expected(item: _Error) -> list[str]:
    if item.error["type"] == "literal_error":
        return re.split(r", | or ", str(item.error.get("ctx", {}).get("expected", "")))
    return [_KIND_OF_VALUE[item.error["type"]]]


def _one_of(words: list[str]) -> str:
    unique = list(dict.fromkeys(words))
    if "a number" in unique and "a whole number" in unique:  # int | float: any number
        unique.remove("a whole number")
    return unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} or {unique[-1]}"


def _choose(errors: list[_Error], depth: int = 0) -> list[tuple[DataPath, str, _Error]]:
    """Errors worth reporting, as ``(path, message override or '', error)``.

    At each union: if some member got past "wrong kind of value", only those members'
    errors are about what the author meant; if none did, one line lists what would do.
    """
    kept: list[tuple[DataPath, str, _Error]] = []
    unions: dict[DataPath, dict[str, list[_Error]]] = {}
    for item in errors:
        if len(item.place.choices) <= depth:
            kept.append((item.place.path, "", item))
        else:
            at, tag = item.place.choices[depth]
            unions.setdefault(at, {}).setdefault(tag, []).append(item)
    for at, members in unions.items():
        meant = [
            item
            for tag, items in members.items()
            if not all(_wrong_kind(i, tag) for i in items)
            for item in items
        ]
        if meant:
            kept += _choose(meant, depth + 1)
        else:
            first = next(iter(members.values()))[0]
            words = [w for items in members.values() for w in _expected(items[0])]
            kept.append((at, f"should be {_one_of(words)}{_got(first.error)}", first))
    return kept


def explain(exc: ValidationError, raw: Any) -> list[tuple[DataPath, DataPath, str]]:
    """Each error as ``(path of its line, path it is about, message in plain words)``.

    A missing or unknown key is about its parent mapping, and the message names the key;
    an unknown key has a line of its own, a missing one is reported at its parent's line.
    """
    errors = [_Error(error, follow(tuple(error["loc"]))) for error in exc.errors(include_url=False)]
    out: list[tuple[DataPath, DataPath, str]] = []
    for path, override, item in _choose(errors):
        loc = tuple(item.error["loc"])
        kind = item.error["type"]
        line_path = path
        if not override and kind in ("missing", "extra_forbidden", "invalid_key") and path:
            key, path = path[-1], path[:-1]
            if kind == "missing":
                line_path = path
            elif kind == "invalid_key":  # the source map knows keys as text
                line_path = (*path, str(key))
        else:
            key = path[-1] if path else ""
        message = override or _message(item.error, loc, key)
        if (line_path, path, message) not in out:
            out.append((line_path, path, message))
    return out


# --- naming a place ---------------------------------------------------------------------

_KINDS = {
    "pages": "page",
    "questions": "question",
    "goals": "goal",
    "channels": "channel",
    "options": "option",
    "columns": "column",
    "rows": "row",
    "insights": "insight",
    "sections": "section",
}


_PARTS = ("option", "row", "column")
"""Kinds whose ids are unique only within their question, so the question is named too."""


def where(path: DataPath, raw: Any) -> str:
    """Name a place the way a person reads the file: ``question 'day'.label``, ``fit.blog``,
    ``question 'day', option 'monday'``."""
    label, rest = "", list(path)
    node = raw
    for i, part in enumerate(path):
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
        # a section's ``pages`` lists page ids, not pages: only the top-level list is pages
        listed_pages = path[i - 1] == "pages" and i != 1 if i else False
        if isinstance(part, int) and i and str(path[i - 1]) in _KINDS and not listed_pages:
            kind = _KINDS[str(path[i - 1])]
            named = isinstance(node, dict) and isinstance(node.get("id"), str)
            this = f"{kind} '{node['id']}'" if named else f"{kind} {part + 1}"
            label = f"{label}, {this}" if kind in _PARTS and label else this
            rest = list(path[i + 1 :])
    tail = ".".join(str(p) for p in rest)
    if label:
        return f"{label}.{tail}" if tail else label
    return tail or "top level"
