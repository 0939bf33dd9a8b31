"""Load questionnaire files, reporting every problem as ``FILE:LINE: message``.

Checking happens in three passes over the same source map, and all their problems are
reported together: the YAML itself (syntax, encoding, duplicate keys), the shape
(pydantic models in ``netclarity.questionnaire``), and the references between parts
(unknown goals, channels and questions; duplicate ids; rule expressions). A broken file
never takes the others down: ``load_directory`` returns the good ones and the errors.
"""

from __future__ import annotations

import difflib
import hashlib
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from netclarity import references, yamlsource
from netclarity.problems import Problem, QuestionnaireError, display_path
from netclarity.questionnaire import QUESTION_TYPES, Questionnaire


@dataclass(frozen=True)
class Loaded:
    """A valid questionnaire with where it came from; ``digest`` identifies the exact text."""

    questionnaire: Questionnaire
    path: Path
    digest: str


@dataclass
class Catalogue:
    """Everything found in a folder: usable questionnaires by id, and the files that failed."""

    loaded: dict[str, Loaded] = field(default_factory=dict)
    errors: list[QuestionnaireError] = field(default_factory=list)

    def get(self, questionnaire_id: str) -> Questionnaire:
        return self.loaded[questionnaire_id].questionnaire


def load_file(path: Path) -> Loaded:
    """Load and validate one file; raises ``QuestionnaireError`` listing all its problems."""
    name = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuestionnaireError(
            [Problem(name, 1, f"cannot read the file: {exc.strerror}")]
        ) from None
    return Loaded(parse(data, name), path, hashlib.sha256(data).hexdigest()[:16])


def parse(data: bytes, name: str) -> Questionnaire:
    """Validate YAML bytes into a ``Questionnaire``; ``name`` is used in messages."""
    try:
        raw, source, duplicates = yamlsource.load(data)
    except yamlsource.YamlProblem as exc:
        raise QuestionnaireError([Problem(name, exc.line, exc.message)]) from None

    problems = [
        Problem(name, line, f"duplicate key '{key}': each key may appear once in a mapping")
        for line, key in duplicates
    ]
    if not isinstance(raw, dict):
        problems.append(
            Problem(name, 1, "expected a mapping of keys (id, title, pages, ...) at the top")
        )
        raise QuestionnaireError(problems)

    questionnaire: Questionnaire | None = None
    try:
        questionnaire = Questionnaire.model_validate(raw)
    except ValidationError as exc:
        problems += [
            Problem(name, source.line_for(line_path), f"{_where(path, raw)}: {message}")
            for line_path, path, message in _explain(exc, raw)
        ]
    problems += [
        Problem(name, source.line_for(path), f"{_where(path, raw)}: {message}")
        for path, message in references.check(raw)
    ]
    if problems or questionnaire is None:
        raise QuestionnaireError(problems)
    return questionnaire


def load_directory(folder: Path) -> Catalogue:
    """Every ``*.yaml``/``*.yml`` file in ``folder``: the valid ones, and the errors of the rest."""
    catalogue = Catalogue()
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            loaded = load_file(path)
        except QuestionnaireError as exc:
            catalogue.errors.append(exc)
            continue
        qid = loaded.questionnaire.id
        if qid in catalogue.loaded:
            other = display_path(catalogue.loaded[qid].path)
            catalogue.errors.append(
                QuestionnaireError(
                    [Problem(display_path(path), 1, f"id '{qid}' is already used by {other}")]
                )
            )
            continue
        catalogue.loaded[qid] = loaded
    return catalogue


# --- turning pydantic's errors into plain words ---------------------------------------------


DataPath = tuple[str | int, ...]


def _data_path(loc: Iterable[Any], raw: Any) -> tuple[DataPath, list[str]]:
    """Map pydantic's ``loc`` to a path in the data, dropping union-member names.

    Returns the path and the names that were dropped (they say which alternative failed).
    """
    path: list[str | int] = []
    dropped: list[str] = []
    node = raw
    for part in loc:
        if (isinstance(node, dict) and part in node) or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and (part in QUESTION_TYPES or "[" in part):
            dropped.append(part)
        else:
            path.append(part)
            node = None
    return tuple(path), dropped


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models mentioned anywhere in a type annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found += [m for m in _models_in(arg) if m not in found]
    return found


def _question_models() -> dict[str, type[BaseModel]]:
    by_tag: dict[str, type[BaseModel]] = {}
    for model in _models_in(Questionnaire.model_fields["pages"].annotation):
        for sub in _models_in(model.model_fields["questions"].annotation):
            for tag in typing.get_args(sub.model_fields["type"].annotation):
                by_tag[tag] = sub
    return by_tag


def _allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """The keys the model at ``loc`` accepts (for 'did you mean' on unknown keys)."""
    by_tag = _question_models()
    model: type[BaseModel] | None = Questionnaire
    for part in loc:
        if part in by_tag:
            model = by_tag[part]
        elif isinstance(part, int) or model is None:
            continue
        elif part in model.model_fields:
            candidates = _models_in(model.model_fields[part].annotation)
            model = candidates[0] if len(candidates) == 1 else None
        else:
            model = None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


_KINDS = {
    "pages": "page",
    "questions": "question",
    "goals": "goal",
    "channels": "channel",
    "options": "option",
    "columns": "column",
    "rows": "row",
    "insights": "insight",
}


def _where(path: tuple[str | int, ...], raw: Any) -> str:
    """Name a place the way a person reads the file: ``question 'day'.label``, ``fit.blog``."""
    label, rest = "", list(path)
    node = raw
    for i, part in enumerate(path):
        node = (
            node.get(part)
            if isinstance(node, dict)
            else (
                node[part]
                if isinstance(node, list) and isinstance(part, int) and part < len(node)
                else None
            )
        )
        if isinstance(part, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            kind = _KINDS.get(str(path[i - 1]), "item") if i else "item"
            label, rest = f"{kind} '{node['id']}'", list(path[i + 1 :])
    tail = ".".join(str(p) for p in rest)
    if label:
        return f"{label}.{tail}" if tail else label
    return tail or "top level"


def _explain(exc: ValidationError, raw: Any) -> list[tuple[DataPath, DataPath, str]]:
    """Each pydantic error as ``(path of its line, path it is about, message in plain words)``.

    A missing or unknown key is about its parent mapping, and the message names the key;
    an unknown key has a line of its own, a missing one is reported at its parent's line.
    """
    out: list[tuple[DataPath, DataPath, str]] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        path, _ = _data_path(loc, raw)
        line_path = path
        kind = error["type"]
        if kind == "missing":
            path = line_path = path[:-1]
            message = f"missing required key '{loc[-1]}'"
        elif kind == "extra_forbidden":
            key = str(path[-1])
            path, allowed = path[:-1], _allowed_keys(loc[:-1])
            hint = difflib.get_close_matches(key, allowed, n=1)
            message = f"unknown key '{key}'" + (f" — did you mean '{hint[0]}'?" if hint else "")
            if allowed:
                message += f" (allowed: {', '.join(allowed)})"
        elif kind == "union_tag_invalid":
            ctx = error.get("ctx", {})
            hint = difflib.get_close_matches(str(ctx.get("tag")), QUESTION_TYPES, n=1)
            message = f"unknown question type '{ctx.get('tag')}'"
            message += f" — did you mean '{hint[0]}'?" if hint else ""
            message += f" (types: {', '.join(QUESTION_TYPES)})"
        elif kind == "union_tag_not_found":
            message = f"missing required key 'type' (types: {', '.join(QUESTION_TYPES)})"
        elif kind == "literal_error":
            message = (
                f"{_describe(error['input'])} is not allowed; expected {error['ctx']['expected']}"
            )
        elif kind == "string_pattern_mismatch":
            message = (
                f"{_describe(error['input'])} is not a valid id: use lower-case letters, "
                "digits and underscores, starting with a letter"
            )
        elif kind == "value_error":
            message = str(error["msg"]).removeprefix("Value error, ")
        else:
            message = _lower_first(str(error["msg"])).replace("input should", "should")
            if "input" in error and not isinstance(error["input"], dict | list):
                message += f" (got {_describe(error['input'])})"
        if (line_path, path, message) not in out:
            out.append((line_path, path, message))
    return out


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value) if len(repr(value)) < 40 else f"{type(value).__name__}"
