"""The promises of the alignment score and the rebalance, checked on generated examples.

Hours and points are whole numbers, so "delivered equals stated" can be built exactly:
stating the very totals a mix delivers (``sum_c h_c * fit(c, g)``) as the goal points.
The best match is found by a solver, so these checks also hold it to being the best: no mix
may match better, and the suggested mix must reach it.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from netclarity import scoring
from netclarity.questionnaire import Questionnaire

GOALS = ["g0", "g1", "g2", "g3"]
CHANNELS = ["c0", "c1", "c2", "c3", "c4"]


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    """Up to four goals and five channels with any fit matrix."""
    goals = GOALS[: draw(st.integers(1, len(GOALS)))]
    channels = CHANNELS[: draw(st.integers(1, len(CHANNELS)))]
    fit = {c: {g: draw(st.integers(0, 3)) for g in goals} for c in channels}
    return Questionnaire.model_validate(
        {
            "id": "generated",
            "version": 1,
            "title": "Generated",
            "goals": [{"id": g, "label": g} for g in goals],
            "channels": [{"id": c, "label": c, "mode": "online"} for c in channels],
            "fit": fit,
            "pages": [
                {
                    "id": "p",
                    "title": "P",
                    "questions": [
                        {"id": "w", "type": "allocation", "label": "W", "of": "goals",
                         "role": "goals"},
                        {"id": "h", "type": "allocation", "label": "H", "of": "channels",
                         "role": "mix"},
                    ],
                }
            ],
        }
    )  # fmt: skip


def amounts(ids: list[str], draw: st.DrawFn) -> dict[str, int]:
    """Whole amounts 0-20, at least one above zero."""
    values = draw(st.lists(st.integers(0, 20), min_size=len(ids), max_size=len(ids)))
    if not any(values):
        values[draw(st.integers(0, len(ids) - 1))] = draw(st.integers(1, 20))
    return dict(zip(ids, values, strict=True))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, Any]]:
    questionnaire = draw(questionnaires())
    goals = [g.id for g in questionnaire.goals]
    channels = [c.id for c in questionnaire.channels]
    return questionnaire, {"w": amounts(goals, draw), "h": amounts(channels, draw)}


def delivered_totals(questionnaire: Questionnaire, hours: dict[str, float]) -> dict[str, float]:
    return {
        g.id: sum(h * questionnaire.fit_of(c, g.id) for c, h in hours.items())
        for g in questionnaire.goals
    }


@given(cases())
def test_alignment_is_between_0_and_100(case: tuple[Questionnaire, dict[str, Any]]) -> None:
    questionnaire, answers = case
    alignment = scoring.score(questionnaire, answers).alignment
    assert alignment is not None
    assert 0.0 <= alignment <= 100.0


@given(cases(), st.floats(0.01, 100))
def test_scaling_all_hours_keeps_the_alignment(
    case: tuple[Questionnaire, dict[str, Any]], factor: float
) -> None:
    questionnaire, answers = case
    scaled = {**answers, "h": {c: h * factor for c, h in answers["h"].items()}}
    before = scoring.score(questionnaire, answers).alignment
    after = scoring.score(questionnaire, scaled).alignment
    assert before is not None
    assert after is not None
    assert abs(before - after) < 1e-9


@given(cases())
def test_stating_what_a_mix_delivers_makes_it_an_exact_match_scoring_100(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    questionnaire, answers = case
    totals = delivered_totals(questionnaire, answers["h"])
    if not any(totals.values()):
        return
    scores = scoring.score(questionnaire, {**answers, "w": totals})
    assert abs((scores.best or 0.0) - 1.0) < 1e-9
    assert scores.alignment == 100.0


@given(cases())
def test_alignment_is_100_exactly_when_the_match_reaches_the_best(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    questionnaire, answers = case
    scores = scoring.score(questionnaire, answers)
    assert scores.match is not None
    assert scores.best is not None
    reached = scores.best > 0 and scores.match >= scores.best * (1 - scoring.PRECISION)
    assert (scores.alignment == 100.0) == reached


@given(cases(), st.data())
def test_no_mix_matches_better_than_the_best(
    case: tuple[Questionnaire, dict[str, Any]], data: st.DataObject
) -> None:
    """Every single channel, and any mix of them, against the solver's best."""
    questionnaire, answers = case
    channels = [c.id for c in questionnaire.channels]
    mixes = [{c: 1} for c in channels] + [amounts(channels, data.draw)]
    best = scoring.score(questionnaire, answers).best
    assert best is not None
    for mix in mixes:
        matched = scoring.score(questionnaire, {**answers, "h": mix}).match
        assert matched is not None
        assert matched <= best + 1e-9


@given(questionnaires(), st.data())
def test_every_hour_in_the_most_focused_channel_for_a_single_goal_scores_100(
    questionnaire: Questionnaire, data: st.DataObject
) -> None:
    """The most focused channel puts the largest share of its fit on the goal."""
    goal = data.draw(st.sampled_from([g.id for g in questionnaire.goals]))

    def focus(channel: str) -> float:
        total = sum(questionnaire.fit_of(channel, g.id) for g in questionnaire.goals)
        return questionnaire.fit_of(channel, goal) / total if total else 0.0

    channel = max((c.id for c in questionnaire.channels), key=focus)
    if focus(channel) == 0:
        return
    hours = data.draw(st.integers(1, 20))
    scores = scoring.score(questionnaire, {"w": {goal: 100}, "h": {channel: hours}})
    assert scores.alignment == 100.0


@given(cases(), st.data())
def test_moving_the_mix_toward_one_that_delivers_the_goals_never_lowers_alignment(
    case: tuple[Questionnaire, dict[str, Any]], data: st.DataObject
) -> None:
    """The ideal mix is drawn first and the goals are stated as exactly what it delivers."""
    questionnaire, answers = case
    channels = [c.id for c in questionnaire.channels]
    ideal = amounts(channels, data.draw)
    totals = delivered_totals(questionnaire, ideal)
    if not any(totals.values()):
        return
    steps = sorted(data.draw(st.lists(st.floats(0, 1), min_size=2, max_size=5)))
    alignments = []
    for t in [*steps, 1.0]:
        mix = {c: (1 - t) * answers["h"][c] + t * ideal[c] for c in channels}
        alignment = scoring.score(questionnaire, {"w": totals, "h": mix}).alignment
        assert alignment is not None
        alignments.append(alignment)
    assert all(a <= b + 1e-9 for a, b in itertools.pairwise(alignments))
    assert alignments[-1] == 100.0


@given(cases(), st.data())
def test_moving_the_mix_toward_the_suggestion_never_lowers_alignment(
    case: tuple[Questionnaire, dict[str, Any]], data: st.DataObject
) -> None:
    """The suggestion is a best mix for any goals, so the same promise holds toward it."""
    questionnaire, answers = case
    scores = scoring.score(questionnaire, answers)
    suggested = {c.id: c.suggested_hours or 0.0 for c in scores.channels}
    steps = sorted(data.draw(st.lists(st.floats(0, 1), min_size=2, max_size=5)))
    alignments = []
    for t in [0.0, *steps, 1.0]:
        mix = {c: (1 - t) * answers["h"].get(c, 0) + t * h for c, h in suggested.items()}
        alignment = scoring.score(questionnaire, {**answers, "h": mix}).alignment
        assert alignment is not None
        alignments.append(alignment)
    assert all(a <= b + 1e-9 for a, b in itertools.pairwise(alignments))


@given(cases())
def test_the_suggestion_scores_100_unless_nothing_can_be_improved(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    questionnaire, answers = case
    scores = scoring.score(questionnaire, answers)
    assert scores.alignment is not None
    if scores.best:
        assert scores.suggested_alignment == 100.0
    else:
        assert scores.suggested_alignment == scores.alignment == 0.0
        assert [c.suggested_hours for c in scores.channels] == [c.hours for c in scores.channels]


@given(cases())
def test_the_suggestion_keeps_the_total_and_scores_what_it_says(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    questionnaire, answers = case
    scores = scoring.score(questionnaire, answers)
    suggested = {c.id: c.suggested_hours or 0.0 for c in scores.channels}
    assert abs(sum(suggested.values()) - scores.total_hours) < 1e-9
    assert all(h >= 0 for h in suggested.values())
    rescored = scoring.score(questionnaire, {**answers, "h": suggested})
    assert rescored.alignment == scores.suggested_alignment
