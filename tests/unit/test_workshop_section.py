"""A paced section's view: the room's answers to each question type, and the prompts whose
rules read the section. Three people answer ``every_type.yaml`` (worked out by hand below);
the workshop's threshold is 3, so they are just enough to be shown."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from netclarity.loading.loader import load_file
from netclarity.question_types.base import RoomSummary
from netclarity.rules import Rule
from netclarity.workshop.data import Participant
from netclarity.workshop.functions import reads
from netclarity.workshop.section import summarise_section
from netclarity.workshop.store import Pace, Workshop
from tests.support.every_type import EVERY_TYPE
from tests.support.workshop import WORKSHOP_FILE

EVERY = load_file(EVERY_TYPE).questionnaire
ROOM = load_file(WORKSHOP_FILE).questionnaire
WORKSHOP = Workshop(
    id=1,
    code="K7QX2M",
    title="Lunch lab",
    questionnaire_id="every_type",
    threshold=3,
    created_at=datetime(2026, 3, 6, 9, 0, tzinfo=UTC),
    closes_at=None,
    closed_at=None,
    pace=Pace.FACILITATOR,
)
ANSWERS: list[dict[str, Any]] = [
    {
        "day": "friday",
        "diet": ["vegetarian", "vegan"],
        "hunger": 4,
        "people": 12,
        "budget": 20,
        "why": {"food": 6, "talk": 4},
        "time": {"canteen": 30},
        "order": ["curry", "pasta", "salad"],
        "feeling": {"canteen": "should"},
        "vote": "great",
        "name": "Ann <b>bold</b>",
    },
    {
        "day": "monday",
        "diet": ["none"],
        "hunger": "na",
        "people": 4,
        "budget": 50,  # hidden: the slider shows on Fridays only
        "why": {"talk": 10},
        "time": {"canteen": 10, "video": 20},
        "order": ["curry", "salad", "pasta"],
        "feeling": {"canteen": "want", "video": "should"},
        "vote": "meh",
    },
    {
        "day": "friday",
        "diet": ["vegetarian"],
        "hunger": 4,
        "people": 30,
        "why": {"food": 10},
        "order": ["salad", "curry", "pasta"],
        "vote": "great",
        "name": "  ",
    },
]


def view(index: int, answers: list[dict[str, Any]] = ANSWERS) -> dict[str, RoomSummary]:
    people = [
        Participant(round_id=n, page="words", completed=False, answers=a, pages_done=3)
        for n, a in enumerate(answers)
    ]
    section = summarise_section(EVERY, index, people, WORKSHOP)
    return {s.question.id: s for s in section.summaries}


def test_choices_count_people_per_option_in_the_questionnaires_order() -> None:
    basics = view(0)

    assert basics["day"].counts == (("Monday", 1), ("Friday", 2))
    assert basics["diet"].counts == (("None", 1), ("Vegetarian", 2), ("Vegan", 1))
    assert basics["hunger"].counts == (
        ("Not at all", 0),
        ("A little", 0),
        ("Quite", 0),
        ("Very", 0),
        ("Starving", 2),
        ("I skip lunch", 1),
    )


def test_numbers_give_their_median_counting_only_answers_the_person_was_shown() -> None:
    basics = view(0)

    assert (basics["people"].median, basics["people"].answered) == (12, 3)
    assert (basics["budget"].median, basics["budget"].answered) == (20, 1)
    assert basics["people"].counts == ()


def test_allocations_average_per_person_largest_first_and_rankings_count_first_places() -> None:
    priorities = view(1)

    assert priorities["why"].counts == (("Eat well", 16 / 3), ("Talk to colleagues", 14 / 3))
    assert priorities["why"].averages
    assert priorities["time"].counts == (("The canteen", 20.0), ("A video call lunch", 10.0))
    assert priorities["time"].answered == 2
    assert priorities["order"].counts == (("Pasta", 0), ("Curry", 2), ("Salad", 1))


def test_a_matrix_counts_each_row_and_column_chosen_and_leaves_out_pairs_nobody_chose() -> None:
    priorities = view(1)

    assert priorities["feeling"].counts == (
        ("The canteen: Want", 1),
        ("The canteen: Should", 1),
        ("A video call lunch: Should", 1),
    )
    assert priorities["vote"].counts == (("Great", 2), ("Meh", 1))


def test_free_text_is_kept_as_written_without_blank_answers() -> None:
    words = view(2)

    assert words["name"].texts == ("Ann <b>bold</b>",)
    assert "notes" not in words  # nobody answered it


def test_an_allocation_nobody_answered_is_left_out() -> None:
    priorities = view(1, [{k: v for k, v in a.items() if k != "time"} for a in ANSWERS])

    assert "time" not in priorities


def test_below_the_threshold_nothing_of_the_section_is_shown() -> None:
    people = [Participant(round_id=1, page="words", completed=False, answers=ANSWERS[0])]

    section = summarise_section(EVERY, 0, people, WORKSHOP)

    assert (section.visible, section.summaries, section.prompts) == (False, (), ())


def test_a_rule_reads_the_questions_of_the_roles_and_polls_its_functions_look_at() -> None:
    def read(when: str) -> set[str]:
        return reads(ROOM, Rule.compile("r", when, "say"))

    assert read("room_gap(a) < -0.1") == {"weights", "hours"}
    assert read("room_goal_weight(a) > 0.5") == {"weights"}
    assert read("poll_share(vote, yes) >= 0.5") == {"vote"}
    assert read("room_obligation_share() > 0.5 and room_size() > 3") == {"motive"}


def test_a_section_shows_only_the_prompts_whose_rules_read_it() -> None:
    everyone = [
        Participant(
            round_id=n, page="poll", completed=False, answers={**a, "active": "yes"}, pages_done=3
        )
        for n, a in enumerate(
            [
                {"weights": {"a": 100}, "hours": {"z": 4}, "vote": "yes"},
                {"weights": {"a": 100}, "hours": {"y": 4}, "vote": "yes"},
                {"weights": {"b": 100}, "hours": {"x": 4}, "vote": "no"},
            ]
        )
    ]
    room = dataclasses.replace(WORKSHOP, questionnaire_id="workshop")

    prompts = {
        index: [p.rule_id for p in summarise_section(ROOM, index, everyone, room).prompts]
        for index in range(3)
    }

    # room_wants_more_a reads goals and hours: it can hold only once the hours are in
    assert prompts == {0: [], 1: ["room_wants_more_a"], 2: ["room_votes_yes"]}
