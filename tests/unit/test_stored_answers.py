"""Answers read back from the database are fitted to the questionnaire as it is now: what
this version can no longer hold (it was given to an older one) is left out, the rest kept,
so widgets, scores, the room and exports can read them without checking again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netclarity import answers
from netclarity.loading.loader import load_file

EVERY_TYPE = load_file(Path(__file__).parents[1] / "questionnaires/every_type.yaml").questionnaire


@pytest.mark.parametrize(
    ("question_id", "stored", "kept"),
    [
        ("day", "friday", "friday"),
        ("day", "sunday", None),  # an option since removed
        ("day", ["friday"], None),  # the shape of another type
        ("diet", ["vegan", "paleo", "vegan"], ["vegan"]),
        ("diet", "vegan", None),
        ("hunger", 4, 4),
        ("hunger", "na", "na"),
        ("hunger", 5, None),  # a scale that had six points
        ("hunger", True, None),
        ("hunger", [4], None),
        ("people", 12, 12),
        ("people", 41, None),  # above today's maximum
        ("people", "12", None),
        ("budget", 5.5, 5.5),
        ("why", {"food": 7, "talk": 3}, {"food": 7, "talk": 3}),
        ("why", {"food": 70, "talk": 3}, {"talk": 3}),  # more than the points to share
        ("time", {"canteen": 4, "gym": 2, "video": -1}, {"canteen": 4}),
        ("time", {}, {}),  # free amounts all left at zero are an answer
        ("time", {"canteen": "4"}, {}),
        ("order", ["salad", "kebab", "pasta"], ["salad", "pasta"]),
        ("feeling", {"canteen": "want", "video": "maybe"}, {"canteen": "want"}),
        ("feeling", ["want"], None),
        ("vote", "meh", "meh"),
        ("name", "<b>Sam</b> =1+1 🎉", "<b>Sam</b> =1+1 🎉"),
        ("notes", 42, None),
    ],
)
def test_a_stored_answer_keeps_only_what_its_question_can_hold_now(
    question_id: str, stored: Any, kept: Any
) -> None:
    fitted = answers.fitted(EVERY_TYPE, {question_id: stored})

    assert fitted.get(question_id) == kept


def test_answers_to_questions_this_version_does_not_have_stay_as_they_are() -> None:
    """They stay in storage unread: a later version may ask them again."""
    assert answers.fitted(EVERY_TYPE, {"retired": {"x": 1}}) == {"retired": {"x": 1}}


def test_scores_and_exports_read_answers_fitted_by_clean() -> None:
    cleaned = answers.clean(EVERY_TYPE, {"time": {"canteen": 4, "gym": 2}, "retired": 1})

    assert cleaned == {"time": {"canteen": 4}}
