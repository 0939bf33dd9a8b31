"""Realistic people and a coach's expectations of the scores, the first step and the findings.

Each person is two files side by side in this folder: ``<id>.json``, a complete response in
the app's own format (``netclarity-response/1``), and ``<id>.yaml``, the coach's notes::

    who: one paragraph on who they are and how they network
    coach: what an experienced coach would tell them
    expect:                                  # every key optional
      alignment: {at_least: 80, at_most: 100}
      ranks_above: [other_id, ...]           # alignment strictly higher than theirs
      same_alignment_as: [other_id, ...]     # the same alignment (the same mix at any scale)
      first_step:
        kind: keep_going | rebalance | starter | no_move
        takes_from: [channel, ...]           # must lose hours in the suggestion
        never_gains: [channel, ...]          # must not gain hours
        keeps: [channel, ...]                # keep at least their hours
        gives_to_any_of: [channel, ...]      # at least one of them gains hours
        moved_at_least: 1                    # hours taken out of places, at least
        moved_at_most: 6                     # ... and at most
      findings:
        must: [rule_id, ...]
        must_not: [rule_id, ...]

The standard the notes follow is ``COACHING.md`` (how a coach reads answers). Each kind of
expectation is one parametrized test with the person's id as the test id, so a failure names
the person and what the coach expected, and its message quotes the coach's note.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from netclarity import answers as answers_module
from netclarity import insights, scoring
from netclarity.commands import cli
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire
from netclarity.response import Response

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
NETWORKING = ROOT / "questions" / "networking_clarity.yaml"
TOLERANCE = 0.01
"""Hours within this of each other count as unchanged (a place "gains" or "loses" beyond it)."""

TOPICS = frozenset(
    {
        "no_clear_goals",
        "goals_not_written_down",
        "top_goal_underserved",
        "top_goal_well_served",
        "high_alignment",
        "low_alignment",
        "obligation_heavy",
        "top_channel_obligation",
        "paid_events_without_client_goal",
        "paid_events_for_clients",
        "spend_without_return",
        "unserved_hours",
        "every_hour_counts",
        "community_without_content",
        "specific_person_without_one_to_ones",
        "thinking_time_short",
        "many_connections_few_relationships",
        "giving_not_yet",
        "no_hours_yet",
        "very_few_hours",
        "very_many_hours",
        "spread_thin",
        "mostly_nothing_yet",
        "builds_on_clients",
        "prefers_face_to_face",
        "prefers_online",
        "help_without_giving",
        "company_found",
    }
)
"""The finding topics a persona may name; each is one rule id of the questionnaire."""

PRAISE = frozenset({"top_goal_well_served", "high_alignment", "every_hour_counts"})
EXPECT_KEYS = frozenset({"alignment", "ranks_above", "same_alignment_as", "first_step", "findings"})
FIRST_STEP_KEYS = frozenset(
    {
        "kind",
        "takes_from",
        "never_gains",
        "keeps",
        "gives_to_any_of",
        "moved_at_least",
        "moved_at_most",
    }
)
KINDS = frozenset({"keep_going", "rebalance", "starter", "no_move"})


def _load_notes() -> dict[str, dict[str, Any]]:
    notes = {}
    for path in sorted(HERE.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(document, dict), f"{path.name}: not a mapping"
        notes[path.stem] = document
    return notes


NOTES = _load_notes()
PERSONAS = sorted(NOTES)


def expect(persona: str) -> dict[str, Any]:
    return NOTES[persona].get("expect") or {}


def step(persona: str) -> dict[str, Any]:
    return expect(persona).get("first_step") or {}


def found(persona: str) -> dict[str, Any]:
    return expect(persona).get("findings") or {}


def having(select: Any) -> list[str]:
    """The personas for which ``select(persona)`` holds: the parameters of one test."""
    return [p for p in PERSONAS if select(p)]


def coach(persona: str) -> str:
    """The coach's note, for failure messages."""
    return f"{persona}: the coach says: {' '.join(str(NOTES[persona].get('coach', '')).split())}"


@cache
def questionnaire() -> Questionnaire:
    return loader.load_file(NETWORKING).questionnaire


@cache
def response(persona: str) -> Response:
    return Response.model_validate_json((HERE / f"{persona}.json").read_bytes())


def answers(persona: str) -> Mapping[str, Any]:
    return response(persona).answers


@cache
def scores(persona: str) -> Any:
    return scoring.score(questionnaire(), answers(persona))


@cache
def rule_ids(persona: str) -> frozenset[str]:
    return frozenset(
        f.rule_id for f in insights.findings(questionnaire(), scores(persona), answers(persona))
    )


def hours_given(persona: str) -> dict[str, float]:
    given = answers(persona).get("hours") or {}
    return {c: float(h) for c, h in given.items() if h}


def channel_hours(persona: str) -> dict[str, tuple[float, float]]:
    """Each channel's (hours now, suggested hours); channels not listed have neither."""
    return {
        c.id: (float(c.hours or 0.0), float(c.suggested_hours or 0.0))
        for c in scores(persona).channels
    }


def now_and_suggested(persona: str, channel: str) -> tuple[float, float]:
    return channel_hours(persona).get(channel, (0.0, 0.0))


def alignment(persona: str) -> float:
    value = scores(persona).alignment
    assert value is not None, f"{persona} has hours, so an alignment. {coach(persona)}"
    return float(value)


# --- the files themselves -------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_notes_are_complete_and_use_known_names(persona: str) -> None:
    note = NOTES[persona]
    assert (HERE / f"{persona}.json").exists(), f"{persona}.yaml has no {persona}.json beside it"
    assert str(note.get("who", "")).strip(), f"{persona}: who is this?"
    assert str(note.get("coach", "")).strip(), f"{persona}: what would the coach say?"
    assert set(expect(persona)) <= EXPECT_KEYS, f"{persona}: unknown expectation"
    assert set(step(persona)) <= FIRST_STEP_KEYS, f"{persona}: unknown first_step key"
    assert step(persona).get("kind", "rebalance") in KINDS, f"{persona}: unknown kind"
    channels = {c.id for c in questionnaire().channels}
    for key in ("takes_from", "never_gains", "keeps", "gives_to_any_of"):
        assert set(step(persona).get(key, [])) <= channels, f"{persona}: {key} names no channel"
    topics = {*found(persona).get("must", []), *found(persona).get("must_not", [])}
    assert topics <= TOPICS, f"{persona}: unknown finding topics {sorted(topics - TOPICS)}"
    assert not set(found(persona).get("must", [])) & set(found(persona).get("must_not", []))
    others = {
        *expect(persona).get("ranks_above", []),
        *expect(persona).get("same_alignment_as", []),
    }
    assert others <= set(PERSONAS), (
        f"{persona}: compares with unknown {sorted(others - set(PERSONAS))}"
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_answers_are_a_complete_valid_response(persona: str) -> None:
    """Every page could be left as answered (a person with no hours may leave hours empty)."""
    given = answers(persona)
    q = questionnaire()
    assert response(persona).questionnaire == q.id
    assert response(persona).version == q.version
    weights = given["goal_weights"]
    assert sum(weights.values()) == 100, f"{persona}: goal points must add up to 100"
    assert all(v % 5 == 0 for v in weights.values()), f"{persona}: points in steps of 5"
    assert all(v * 2 == int(v * 2) and 0 <= v <= 100 for v in given["hours"].values())
    assert all(v % 5 == 0 and 0 <= v <= 2000 for v in given.get("money", {}).values())
    used = set(hours_given(persona))
    assert set(given.get("motive", {})) == used, f"{persona}: a motive for each place with hours"
    assert set(given.get("outcomes", {})) == used, f"{persona}: an outcome for each such place"
    for page in q.pages:
        problems = answers_module.page_problems(q, page, given)
        if not used:
            problems.pop("hours", None)
        assert problems == {}, f"{persona}: page {page.id}: {problems}"


# --- alignment ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", having(lambda p: "alignment" in expect(p)))
def test_alignment(persona: str) -> None:
    bounds = expect(persona)["alignment"]
    value = alignment(persona)
    if "at_least" in bounds:
        assert value >= bounds["at_least"], (
            f"alignment {value:.1f} < {bounds['at_least']}. {coach(persona)}"
        )
    if "at_most" in bounds:
        assert value <= bounds["at_most"], (
            f"alignment {value:.1f} > {bounds['at_most']}. {coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: expect(p).get("ranks_above")))
def test_ranks_above(persona: str) -> None:
    mine = alignment(persona)
    for other in expect(persona)["ranks_above"]:
        theirs = alignment(other)
        assert mine > theirs, (
            f"alignment {mine:.1f} is not above {other}'s {theirs:.1f}. {coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: expect(p).get("same_alignment_as")))
def test_same_alignment_as(persona: str) -> None:
    mine = alignment(persona)
    for other in expect(persona)["same_alignment_as"]:
        theirs = alignment(other)
        assert mine == pytest.approx(theirs, abs=1e-6), (
            f"alignment {mine:.4f}, but {other} (the same mix shape and goals) has "
            f"{theirs:.4f}. {coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: not hours_given(p)))
def test_no_hours_means_no_alignment(persona: str) -> None:
    assert scores(persona).alignment is None, f"no hours, nothing to align. {coach(persona)}"


# --- the first step -------------------------------------------------------------------------


@pytest.mark.parametrize("persona", having(lambda p: "kind" in step(p)))
def test_first_step_kind(persona: str) -> None:
    kind = scores(persona).first_step.kind
    assert kind == step(persona)["kind"], (
        f"first step is {kind!r}, expected {step(persona)['kind']!r}. {coach(persona)}"
    )
    if kind == "starter":
        suggested = sum(s for _, s in channel_hours(persona).values())
        assert suggested > 0, f"a starter plan suggests some hours. {coach(persona)}"


@pytest.mark.parametrize("persona", having(hours_given))
def test_first_step_keeps_total_hours(persona: str) -> None:
    """A first step moves hours between places; it never adds or removes any."""
    now = sum(hours_given(persona).values())
    suggested = sum(s for _, s in channel_hours(persona).values())
    assert suggested == pytest.approx(now, abs=TOLERANCE), (
        f"{now:g} h a month now, {suggested:g} h suggested. {coach(persona)}"
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_first_step_kind_is_one_of_three(persona: str) -> None:
    kind = scores(persona).first_step.kind
    assert kind in KINDS, f"first step {kind!r} is none of {sorted(KINDS)}. {coach(persona)}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_keep_going_moves_nothing(persona: str) -> None:
    if scores(persona).first_step.kind != "keep_going":
        return
    changed = {c: v for c, v in channel_hours(persona).items() if abs(v[0] - v[1]) > TOLERANCE}
    assert not changed, f"'keep going', yet hours change: {changed}. {coach(persona)}"
    assert float(scores(persona).hours_moved or 0.0) <= TOLERANCE


def duty_without_return(persona: str) -> list[str]:
    """Places attended because the person should, that brought nothing much yet."""
    motive = answers(persona).get("motive") or {}
    outcomes = answers(persona).get("outcomes") or {}
    return [
        c
        for c in hours_given(persona)
        if motive.get(c) == "should" and outcomes.get(c) == "nothing_yet"
    ]


def builds_on_something(persona: str) -> bool:
    """Some place the person wants to be in has brought something."""
    motive = answers(persona).get("motive") or {}
    outcomes = answers(persona).get("outcomes") or {}
    return any(
        motive.get(c) in ("want", "both") and outcomes.get(c) not in (None, "nothing_yet")
        for c in hours_given(persona)
    )


@pytest.mark.parametrize("persona", having(duty_without_return))
def test_duty_that_brought_nothing_never_gains(persona: str) -> None:
    """COACHING.md: never advise more time where someone goes out of duty for nothing."""
    for channel in duty_without_return(persona):
        now, suggested = now_and_suggested(persona, channel)
        assert suggested <= now + TOLERANCE, (
            f"{channel} (out of duty, brought nothing) gains: {now:g} h -> {suggested:g} h. "
            f"{coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(builds_on_something))
def test_a_new_place_gets_a_trial_only(persona: str) -> None:
    """COACHING.md: try a new place for a couple of hours before committing to it."""
    for channel, (now, suggested) in channel_hours(persona).items():
        if now <= 0:
            assert suggested <= 2 + TOLERANCE, (
                f"{channel} is new to them, yet gets {suggested:g} h. {coach(persona)}"
            )


@pytest.mark.parametrize("persona", having(hours_given))
def test_a_first_step_is_small(persona: str) -> None:
    """COACHING.md: move a few hours, not the whole diary (at most about half of a place)."""
    for channel, (now, suggested) in channel_hours(persona).items():
        assert now - suggested <= now / 2 + 0.25 + TOLERANCE, (
            f"{channel} loses {now - suggested:g} of its {now:g} h. {coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: step(p).get("takes_from")))
def test_takes_from(persona: str) -> None:
    for channel in step(persona)["takes_from"]:
        now, suggested = now_and_suggested(persona, channel)
        assert suggested < now - TOLERANCE, (
            f"{channel} should lose hours: {now:g} h now, {suggested:g} h suggested. "
            f"{coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: step(p).get("never_gains")))
def test_never_gains(persona: str) -> None:
    for channel in step(persona)["never_gains"]:
        now, suggested = now_and_suggested(persona, channel)
        assert suggested <= now + TOLERANCE, (
            f"{channel} must not gain hours: {now:g} h now, {suggested:g} h suggested. "
            f"{coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: step(p).get("keeps")))
def test_keeps(persona: str) -> None:
    for channel in step(persona)["keeps"]:
        now, suggested = now_and_suggested(persona, channel)
        assert suggested >= now - TOLERANCE, (
            f"{channel} should keep its hours: {now:g} h now, {suggested:g} h suggested. "
            f"{coach(persona)}"
        )


@pytest.mark.parametrize("persona", having(lambda p: step(p).get("gives_to_any_of")))
def test_gives_to_any_of(persona: str) -> None:
    places = step(persona)["gives_to_any_of"]
    changes = {c: now_and_suggested(persona, c) for c in places}
    assert any(s > n + TOLERANCE for n, s in changes.values()), (
        f"none of {places} gains hours (now, suggested: {changes}). {coach(persona)}"
    )


@pytest.mark.parametrize(
    "persona", having(lambda p: {"moved_at_least", "moved_at_most"} & set(step(p)))
)
def test_hours_moved(persona: str) -> None:
    moved = float(scores(persona).hours_moved or 0.0)
    if "moved_at_least" in step(persona):
        assert moved >= step(persona)["moved_at_least"] - TOLERANCE, (
            f"only {moved:g} h moved, expected at least {step(persona)['moved_at_least']}. "
            f"{coach(persona)}"
        )
    if "moved_at_most" in step(persona):
        assert moved <= step(persona)["moved_at_most"] + TOLERANCE, (
            f"{moved:g} h moved, expected a small step of at most "
            f"{step(persona)['moved_at_most']}. {coach(persona)}"
        )


# --- findings -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", having(lambda p: found(p).get("must")))
def test_findings_must(persona: str) -> None:
    missing = sorted(set(found(persona)["must"]) - rule_ids(persona))
    assert not missing, (
        f"missing findings {missing} (got {sorted(rule_ids(persona))}). {coach(persona)}"
    )


@pytest.mark.parametrize("persona", having(lambda p: found(p).get("must_not")))
def test_findings_must_not(persona: str) -> None:
    unwanted = sorted(set(found(persona)["must_not"]) & rule_ids(persona))
    assert not unwanted, f"unwanted findings {unwanted}. {coach(persona)}"


@pytest.mark.parametrize(
    "persona",
    having(lambda p: answers(p).get("goals_clear") == "no" or not hours_given(p)),
)
def test_no_praise_without_goals_or_hours(persona: str) -> None:
    """COACHING.md: never congratulate someone who said they have no goals, or has no hours."""
    praise = sorted(PRAISE & rule_ids(persona))
    assert not praise, f"praise {praise} for someone with no goals or no hours. {coach(persona)}"


CONTRADICTIONS = (
    ("high_alignment", "low_alignment"),
    ("very_few_hours", "very_many_hours"),
    ("no_hours_yet", "very_few_hours"),
    ("prefers_face_to_face", "prefers_online"),
    ("help_without_giving", "giving_not_yet"),
    ("paid_events_for_clients", "paid_events_without_client_goal"),
    ("no_clear_goals", "goals_not_written_down"),
    ("every_hour_counts", "unserved_hours"),
    ("every_hour_counts", "spread_thin"),
    *((praise, "no_clear_goals") for praise in sorted(PRAISE)),
    *((praise, "mostly_nothing_yet") for praise in sorted(PRAISE)),
)
"""Findings that must never be shown together (COACHING.md: findings never contradict)."""


@pytest.mark.parametrize("persona", PERSONAS)
def test_findings_never_contradict_each_other(persona: str) -> None:
    shown = rule_ids(persona)
    clashes = [pair for pair in CONTRADICTIONS if set(pair) <= shown]
    assert not clashes, f"contradictory findings {clashes}. {coach(persona)}"


# --- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_score_command_reads_the_answers(
    persona: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this process; the command run as its own program is tested in test_answer_files."""
    monkeypatch.chdir(ROOT)
    code = cli.main(["score", str(HERE / f"{persona}.json")])
    done = capsys.readouterr()
    assert code == 0, f"{persona}: exit {code}: {done.err}"
    result = json.loads(done.out)
    assert "alignment" in result
    assert isinstance(result["suggested"]["hours"], dict)
    assert isinstance(result["findings"], list)
    for finding in result["findings"]:
        assert set(finding) >= {"rule", "text"}, f"{persona}: {finding}"
        assert finding["text"].strip(), f"{persona}: finding {finding['rule']} says nothing"
