"""A worked example room for the workshop tests, on ``tests/questionnaires/workshop.yaml``.

Five people joined: three finished, one is on the poll page, one has answered nothing.
Every room number the tests expect is worked out by hand here (fit: x serves a 3 and b 1,
y serves b 2 and c 2, z serves nothing):

1. finished: stated a .5, b .5; hours x 2, y 2, so delivered (6, 2, 0) + (0, 4, 4) over 16
   = a .375, b .375, c .25; goes to x out of obligation; votes yes.
2. finished: stated c 1; hours y 4, z 4, so delivered b .5, c .5 (z delivers nothing);
   goes to y and z out of obligation; votes no.
3. finished: stated a 1; hours x 5, so delivered a .75, b .25; votes yes.
4. on the poll page: stated b 1, hours x 1, votes maybe; wrote an idea (never shown).
5. joined, nothing answered yet.

Best matches: person 1 can reach 5/6 (two thirds of the fit weight on x), so alignment is
0.75 / (5/6) = 90; person 2 reaches the best 0.5 (y alone): 100; person 3 the best 0.75: 100.
"""

from __future__ import annotations

from pathlib import Path

from netclarity.loading.loader import load_file
from netclarity.questionnaire import Questionnaire
from netclarity.workshop.data import Participant

WORKSHOP_FILE = Path(__file__).resolve().parents[1] / "questionnaires" / "workshop.yaml"

ANSWERS = [
    {
        "weights": {"a": 50, "b": 50},
        "active": "yes",
        "hours": {"x": 2, "y": 2},
        "motive": {"x": "should", "y": "want"},
        "idea": "More coffee, fewer pitches",
        "vote": "yes",
    },
    {
        "weights": {"c": 100},
        "active": "yes",
        "hours": {"y": 4, "z": 4},
        "motive": {"y": "should", "z": "should"},
        "idea": '=HYPERLINK("http://example.com")',
        "vote": "no",
    },
    {
        "weights": {"a": 100},
        "active": "yes",
        "hours": {"x": 5},
        "motive": {"x": "want"},
        "vote": "yes",
    },
    {
        "weights": {"b": 100},
        "active": "yes",
        "hours": {"x": 1},
        "idea": "Not finished, so never shown",
        "vote": "maybe",
    },
    {},
]
PAGES = [None, None, None, "poll", None]
COMPLETED = [True, True, True, False, False]


def workshop_questionnaire() -> Questionnaire:
    return load_file(WORKSHOP_FILE).questionnaire


def participants() -> list[Participant]:
    return [
        Participant(round_id=10 + n, page=page, completed=done, answers=dict(answers))
        for n, (answers, page, done) in enumerate(zip(ANSWERS, PAGES, COMPLETED, strict=True))
    ]
