"""Load questionnaire files, reporting every problem as ``FILE:LINE: message``.

Checking happens in three passes over the same source map, and all their problems are
reported together: the YAML itself (syntax, encoding, duplicate keys), the shape
(pydantic models in ``netclarity.questionnaire``), and the references between parts
(unknown goals, channels and questions; duplicate ids; rule expressions). A broken file
never takes the others down: ``load_directory`` returns the good ones and the errors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from netclarity.loading import references
from netclarity.loading import yaml_source as yamlsource
from netclarity.loading.problems import Problem, QuestionnaireError, display_path
from netclarity.loading.shapes import explain, where
from netclarity.questionnaire import Questionnaire

SUFFIXES = (".yaml", ".yml")


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
    data = _read(path, name)
    return Loaded(parse(data, name), path, digest(data))


def digest(data: bytes) -> str:
    """A short fingerprint of a file's exact bytes, recorded with every response."""
    return hashlib.sha256(data).hexdigest()[:16]


def _read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise QuestionnaireError([Problem(name, 1, f"cannot read the file: {reason}")]) from None


def parse(data: bytes, name: str) -> Questionnaire:
    """Validate YAML bytes into a ``Questionnaire``; ``name`` is used in messages."""
    return parse_with_lines(data, name)[0]


def parse_with_lines(data: bytes, name: str) -> tuple[Questionnaire, yamlsource.SourceMap]:
    """Like ``parse``, also returning the line of every value (for later checks, e.g. walk)."""
    try:
        raw, source, duplicates = yamlsource.load(data)
    except yamlsource.YamlProblem as exc:
        raise QuestionnaireError(
            [Problem(name, line, message) for line, message in exc.all]
        ) from None

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
            Problem(name, source.line_for(line_path), f"{where(path, raw)}: {message}")
            for line_path, path, message in explain(exc, raw)
        ]
    problems += [
        Problem(name, source.line_for(path), f"{where(path, raw)}: {message}")
        for path, message in references.check(raw, source.line_for)
    ]
    if problems or questionnaire is None:
        raise QuestionnaireError(problems)
    return questionnaire, source


def questionnaire_files(folder: Path) -> list[Path]:
    """The questionnaire files directly inside ``folder`` (``*.yaml``, ``*.yml``), sorted.

    Hidden files (editor backups, lock files) are skipped; a missing folder has none.
    """
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


def load_files(paths: Iterable[Path]) -> Catalogue:
    """Load each file; a second file with an id already taken is an error, not a replacement."""
    catalogue = Catalogue()
    for path in paths:
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


def load_directory(folder: Path) -> Catalogue:
    """Every ``*.yaml``/``*.yml`` file in ``folder``: the valid ones, and the errors of the rest."""
    return load_files(questionnaire_files(folder))
