"""Every question type is one unit: a model in the YAML's union, a module with every facet,
a widget, and no id that collides with what the store keeps beside the answers."""

from __future__ import annotations

import dataclasses
import typing

from netclarity.loading import references
from netclarity.question_types import TYPES
from netclarity.question_types.base import QuestionType
from netclarity.questionnaire import QUESTION_TYPES, Question
from netclarity.store.tables import PLAN_KEY


def yaml_types() -> set[str]:
    """The ``type:`` values the questionnaire's models accept."""
    members = typing.get_args(typing.get_args(Question)[0])
    return {
        name for model in members for name in typing.get_args(model.model_fields["type"].annotation)
    }


def test_every_type_the_yaml_accepts_has_a_module() -> None:
    assert set(TYPES) == yaml_types() == set(QUESTION_TYPES)


def test_every_module_provides_every_facet() -> None:
    facets = [f.name for f in dataclasses.fields(QuestionType) if f.name != "names"]
    for name, question_type in TYPES.items():
        missing = [f for f in facets if not callable(getattr(question_type, f))]
        assert missing == [], f"{name} lacks {missing}"


def test_the_plans_key_is_reserved_in_questionnaires() -> None:
    assert PLAN_KEY in references.RESERVED_QUESTION_IDS
