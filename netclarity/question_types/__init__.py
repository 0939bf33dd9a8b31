"""Every question type, by the ``type:`` written in the YAML (see ``base.QuestionType``).

Adding a type: its model in ``netclarity.questionnaire`` (the YAML's shape, one union), a
module here with its facets, one entry below, and its widget in ``netclarity/ui/widgets.py``.
``tests/unit/test_question_types.py`` fails while any of them is missing.
"""

from __future__ import annotations

from netclarity.question_types import (
    allocation,
    choice,
    choice_matrix,
    likert,
    multiple_choice,
    number,
    ranking,
    text,
)
from netclarity.question_types.base import QuestionType
from netclarity.questionnaire import Question

TYPES: dict[str, QuestionType] = {
    name: module.TYPE
    for module in (
        choice,
        multiple_choice,
        likert,
        number,
        allocation,
        ranking,
        choice_matrix,
        text,
    )
    for name in module.TYPE.names
}


def type_of(question: Question) -> QuestionType:
    """The facets of ``question``'s type."""
    return TYPES[question.type]
