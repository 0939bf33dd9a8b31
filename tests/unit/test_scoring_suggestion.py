"""The suggested rebalance for realistic people on the networking questionnaire.

Each docstring works the suggestion out by hand. The bookkeeping: with a target match
``r = 0.9 * best`` and only under-served goals (delivered below stated), the match of a mix
is ``N / D``, where ``N`` sums hours x fit over those goals and ``D`` over all goals, so the
target is reached when ``N - r * D >= 0``. An hour moved from channel x to channel y changes
``N - r * D`` by ``(n_y - r * F_y) - (n_x - r * F_x)``, with ``n`` a channel's fit on those
goals and ``F`` its total fit. The cheapest move takes hours where this gain per price is
highest: price 1 from an obligation or a channel serving no top goal, 2 from any other, and
none from a channel that serves a top goal as well as any channel can (fit 3 here).

Fit (total) of the channels used below, in the order community, camaraderie, learning,
thinking, new people, a specific person, clients, partners, mutual help:
breakfast clubs 2 2 1 0 2 1 1 2 2 (13); paid events 1 2 1 1 3 1 1 1 1 (12); charity events
2 3 1 1 2 1 1 1 2 (14); meet-ups 3 3 2 2 2 1 1 1 2 (17); one-to-ones 1 1 2 2 1 3 3 3 3 (19);
calls and visits 0 0 1 0 2 2 3 2 1 (11); LinkedIn 2 1 2 1 2 2 2 2 2 (16); Twitter 2 2 2 1 3 1
1 1 1 (14); Facebook 3 3 1 0 1 1 1 0 2 (12); own content 3 1 2 3 2 0 2 1 2 (16).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from netclarity import loader, scoring
from netclarity.questionnaire import Questionnaire

NETWORKING = Path(__file__).parents[2] / "questions" / "networking_clarity.yaml"

SAM_GOALS = {"clients": 40, "community": 20, "learning": 20, "mutual_help": 10, "camaraderie": 10}
SAM_HOURS = {"breakfast_clubs": 8, "paid_events": 6, "linkedin": 4, "one_to_ones": 2, "meetups": 2}
"""The README's example (examples/answers.json)."""


HOURS_TOLERANCE = 1e-6
"""The solver meets a target to within a billionth of it, so hours that are 0 by hand may
come out as 1e-7."""


@pytest.fixture(scope="module")
def networking() -> Questionnaire:
    return loader.load_file(NETWORKING).questionnaire


def person(
    goals: dict[str, int], hours: dict[str, int], should: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Answers with the channels in ``should`` gone to out of obligation, the rest wanted."""
    motive = {c: "should" if c in should else "want" for c in hours}
    return {"goal_weights": goals, "hours": hours, "motive": motive}


def suggestion(scores: scoring.Scores) -> dict[str, float]:
    """Suggested hours of the channels with hours now or suggested."""
    return {
        c.id: c.suggested_hours or 0.0
        for c in scores.channels
        if c.hours > 0 or (c.suggested_hours or 0.0) > HOURS_TOLERANCE
    }


def test_sam_drops_paid_events_and_trims_breakfast_clubs_for_his_own_content(
    networking: Questionnaire,
) -> None:
    """Sam (test_scoring_command: alignment 100 * 401/494 = 81.17, best 19/30): target 90,
    a match of r = 0.9 * 19/30 = 0.57. Top goals clients, community, learning.

    Kept: one-to-ones (clients 3) and meet-ups (community 3). Price 1: paid events and
    breakfast clubs (obligations; paid events also serve no top goal). Price 2: LinkedIn.
    Paid events give all 6 h, breakfast clubs the rest, LinkedIn keeps its 4 h. With b, o, f
    the hours of breakfast clubs, own content and Facebook (b + o + f = 14), the fixed 2 h
    meet-ups, 2 h one-to-ones and 4 h LinkedIn give community 16, camaraderie 12, learning 16,
    clients 16, mutual help 18, total fit 136, so
    D = 136 + 13b + 16o + 12f. Mutual help stays above its 10% (0.1 D counts), and the
    cheapest mix puts camaraderie exactly at its 10%:
    12 + 2b + o + 3f = 0.1 D, i.e. 0.7b - 0.6o + 1.8f = 1.6. The match reaches 0.57 when
    community + camaraderie + learning + clients = 0.47 D:
    60 + 6b + 8o + 8f = 0.47 D, i.e. -0.11b + 0.48o + 2.36f = 3.92.
    Solved: b = 1276/193 = 6.61, o = 1313/193 = 6.80, f = 113/193 = 0.59; 1426/193 = 7.39 h
    move, all from the obligations.

    Moving the fewest hours alone (7.1 h) would have taken 1.1 h from one-to-ones, the
    channel that serves his top goal best, and left the breakfast clubs as they are; the
    whole way to 100 moves all 22 h to own content 16.5 h and Facebook 5.5 h.
    """
    answers = person(SAM_GOALS, SAM_HOURS, should=("breakfast_clubs", "paid_events"))
    scores = scoring.score(networking, answers)
    assert scores.alignment == pytest.approx(100 * 401 / 494)
    assert suggestion(scores) == pytest.approx(
        {
            "breakfast_clubs": 1276 / 193,
            "paid_events": 0.0,
            "meetups": 2.0,
            "one_to_ones": 2.0,
            "linkedin": 4.0,
            "facebook": 113 / 193,
            "own_content": 1313 / 193,
        },
        abs=HOURS_TOLERANCE,
    )
    assert (scores.suggested_target, scores.suggested_alignment) == (90.0, pytest.approx(90.0))
    assert scores.hours_moved == pytest.approx(1426 / 193)


def test_the_hours_sam_feels_he_should_spend_are_the_ones_that_move(
    networking: Questionnaire,
) -> None:
    """Sam again, but LinkedIn is the obligation and he enjoys the breakfast clubs.

    Price 1 now: paid events and LinkedIn; breakfast clubs (serving community) cost 2 and keep
    their 8 h. Paid events give all 6 h, LinkedIn l of its 4, own content gets o = 10 - l.
    LinkedIn and own content both have 16 fit points, so D = 176 + 160 = 336 whatever l is,
    and an hour moved from one to the other changes only community (2 -> 3). Camaraderie
    (24 + 10 = 34) and mutual help (26 + 20 = 46) stay above their 10% (33.6); learning and
    clients are 36 each. The match reaches 0.57 * 336 = 191.52 when community
    = 191.52 - 33.6 - 36 - 36 - 33.6 = 52.32 = 24 + 2l + 3o = 44 + o: o = 8.32, l = 1.68.
    """
    answers = person(SAM_GOALS, SAM_HOURS, should=("paid_events", "linkedin"))
    scores = scoring.score(networking, answers)
    assert suggestion(scores) == pytest.approx(
        {
            "breakfast_clubs": 8.0,
            "paid_events": 0.0,
            "meetups": 2.0,
            "one_to_ones": 2.0,
            "linkedin": 1.68,
            "own_content": 8.32,
        },
        abs=HOURS_TOLERANCE,
    )
    assert scores.hours_moved == pytest.approx(8.32)


def test_a_clients_only_person_in_breakfast_clubs_moves_to_calls_and_visits(
    networking: Questionnaire,
) -> None:
    """Clients 100, 10 h a month in breakfast clubs out of obligation. Match 1/13; best 3/11,
    calls and visits alone (the largest share of fit on clients): alignment 100 * 11/39
    = 28.21. Target r = 0.9 * 3/11 = 27/110.

    Only calls and visits put more than 27/110 of their fit on clients (3/11 = 30/110; the
    next, one-to-ones, 3/19), so every hour moved goes there, each gaining
    (3 - 11r) - (1 - 13r) = 2 + 2r = 274/110. Today N - rD = 10 - 130r = -2410/110, so
    2410/274 = 1205/137 = 8.80 h move: breakfast clubs 165/137 = 1.20 h, calls and visits
    8.80 h.
    """
    answers = person({"clients": 100}, {"breakfast_clubs": 10}, should=("breakfast_clubs",))
    scores = scoring.score(networking, answers)
    assert scores.alignment == pytest.approx(100 * 11 / 39)
    assert suggestion(scores) == pytest.approx(
        {"breakfast_clubs": 165 / 137, "calls_visits": 1205 / 137},
        abs=HOURS_TOLERANCE,
    )
    assert scores.suggested_alignment == pytest.approx(90.0)


def test_a_community_person_all_on_twitter_moves_a_third_to_facebook(
    networking: Questionnaire,
) -> None:
    """Community 60, camaraderie 20, learning 20; 12 h on Twitter. Top goal: community.
    Twitter gives 2 points of its 14 to each of the three: match 6/14 = 3/7. Facebook alone
    delivers community 3/12, camaraderie 3/12 (more than its 0.2) and learning 1/12: best
    0.25 + 0.2 + 1/12 = 8/15. Alignment 100 * (3/7) / (8/15) = 100 * 45/56 = 80.36.

    Target r = 0.9 * 8/15 = 0.48; today N - rD = 72 - 0.48 * 168 = -8.64. Per hour moved
    from Twitter (n = 6, F = 14): to Facebook (n = 7, F = 12) gains 1 + 0.96 = 1.96, to online
    communities (9, 18) 1.08, to meet-ups (8, 17) 0.56, to own content (6, 16) nothing. So
    8.64 / 1.96 = 216/49 = 4.41 h go to Facebook and Twitter keeps 372/49 = 7.59 h
    (camaraderie 24 + 216/49 = 28.4 stays under its 0.2 D = 31.8).
    """
    answers = person({"community": 60, "camaraderie": 20, "learning": 20}, {"twitter": 12})
    scores = scoring.score(networking, answers)
    assert scores.top_goals == ("community",)
    assert scores.alignment == pytest.approx(100 * 45 / 56)
    assert suggestion(scores) == pytest.approx(
        {"twitter": 372 / 49, "facebook": 216 / 49}, abs=HOURS_TOLERANCE
    )


def test_an_obligation_heavy_person_drops_events_and_keeps_one_to_ones(
    networking: Questionnaire,
) -> None:
    """Clients 50, partners 30, learning 20; breakfast clubs 10 h, paid events 6 h, charity
    events 4 h (all three out of obligation), one-to-ones 4 h, LinkedIn 2 h: 26 h, 77% of
    them obligations. Top goals clients and partners.

    Every channel delivers these goals less than stated, so the match is the share of fit on
    them: today 114/366 = 19/61. Calls and visits have the largest share, 6/11 = best, so
    alignment = 100 * (19/61) / (6/11) = 100 * 209/366 = 57.10, and r = 27/55.

    Hours go to calls and visits, the only channel gaining from them (6 - 11r = 33/55).
    Gain per hour taken: charity events 33/55 - (3 - 14r) = 246/55, paid events 192/55,
    breakfast clubs 164/55 (all price 1), LinkedIn 135/55 at price 2; one-to-ones are kept
    (clients and partners 3). Today N - rD = 114 - 366r = -3612/55: charity 4 h
    (984/55) and paid events 6 h (1152/55) leave 1476/55, which is 1476/164 = 9 h of breakfast
    clubs. 19 h move, all from obligations, to calls and visits.
    """
    hours = {
        "breakfast_clubs": 10,
        "paid_events": 6,
        "charity_events": 4,
        "one_to_ones": 4,
        "linkedin": 2,
    }
    answers = person(
        {"clients": 50, "partners": 30, "learning": 20},
        hours,
        should=("breakfast_clubs", "paid_events", "charity_events"),
    )
    scores = scoring.score(networking, answers)
    assert scores.alignment == pytest.approx(100 * 209 / 366)
    assert suggestion(scores) == pytest.approx(
        {
            "breakfast_clubs": 1.0,
            "paid_events": 0.0,
            "charity_events": 0.0,
            "one_to_ones": 4.0,
            "calls_visits": 19.0,
            "linkedin": 2.0,
        },
        abs=HOURS_TOLERANCE,
    )
    assert scores.hours_moved == pytest.approx(19.0)


def test_a_person_at_90_is_shown_the_rest_of_the_way(networking: Questionnaire) -> None:
    """Sam's goals; own content 12 h, Facebook 3 h, one-to-ones 3 h, breakfast clubs 2 h (out
    of obligation). Community 52, camaraderie 28, learning 35, clients 38 of 311 fit points,
    all under their stated share; mutual help 43 is over its 10%: match 153/311 + 0.1, and
    alignment (153/311 + 1/10) / (19/30) = 100 * 5523/5909 = 93.47.

    From 90 on the target is 100, and the only best mix is own content and Facebook in hours
    3 : 1 (test_scoring_command): 15 h and 5 h of the 20. One-to-ones serve clients best,
    but the target cannot be reached while keeping them, so their 3 h move too.
    """
    answers = person(
        SAM_GOALS,
        {"own_content": 12, "facebook": 3, "one_to_ones": 3, "breakfast_clubs": 2},
        should=("breakfast_clubs",),
    )
    scores = scoring.score(networking, answers)
    assert scores.alignment == pytest.approx(100 * 5523 / 5909)
    assert suggestion(scores) == pytest.approx(
        {"breakfast_clubs": 0.0, "one_to_ones": 0.0, "facebook": 5.0, "own_content": 15.0},
        abs=HOURS_TOLERANCE,
    )
    assert (scores.suggested_target, scores.suggested_alignment) == (100.0, 100.0)
    assert scores.hours_moved == pytest.approx(5.0)
