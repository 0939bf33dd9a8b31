"""The room's best matches come from a vertex table and equal ``scoring.best_match``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netclarity import scoring
from netclarity.loader import load_file, parse
from netclarity.workshop.best import TABLE_GOALS, best_matches, table_best, vertex_table

ROOT = Path(__file__).resolve().parents[2]
NETWORKING = load_file(ROOT / "questions" / "networking_clarity.yaml").questionnaire


def profiles(count: int, goals: int, seed: int) -> np.ndarray:
    """Stated goals as people give them: whole points on a few goals, normalised."""
    rng = np.random.default_rng(seed)
    points = rng.integers(0, 4, size=(count, goals)) * rng.integers(0, 2, size=(count, goals))
    points[points.sum(axis=1) == 0, 0] = 1
    return points / points.sum(axis=1, keepdims=True)


def test_the_networking_questionnaire_matches_scoring_for_every_profile() -> None:
    stated = profiles(300, len(NETWORKING.goals), seed=1)
    goal_ids = [g.id for g in NETWORKING.goals]

    expected = [scoring.best_match(NETWORKING, dict(zip(goal_ids, s, strict=True))) for s in stated]

    assert best_matches(NETWORKING, stated) == pytest.approx(expected, abs=1e-9)


def with_fit(fit: tuple[tuple[int, ...], ...]) -> str:
    """A questionnaire with goals a, b, c, one channel per row of ``fit``."""
    channels = "\n".join(f"  - {{id: c{n}, label: C{n}, mode: online}}" for n in range(len(fit)))
    rows = "\n".join(
        f"  c{n}: {{a: {row[0]}, b: {row[1]}, c: {row[2]}}}" for n, row in enumerate(fit)
    )
    return f"""
id: generated
version: 1
title: Generated
goals: [{{id: a, label: A}}, {{id: b, label: B}}, {{id: c, label: C}}]
channels:
{channels}
fit:
{rows}
pages:
  - id: p
    title: P
    questions:
      - {{id: w, type: allocation, label: W, of: goals, role: goals}}
"""


@settings(max_examples=40, deadline=None)
@given(
    fit=st.lists(st.lists(st.integers(0, 3), min_size=3, max_size=3), min_size=1, max_size=5).map(
        lambda rows: tuple(tuple(r) for r in rows)
    ),
    seed=st.integers(0, 10_000),
)
def test_any_fit_matrix_gives_the_linear_programs_answer(
    fit: tuple[tuple[int, ...], ...], seed: int
) -> None:
    questionnaire = parse(with_fit(fit).encode(), "generated.yaml")
    stated = profiles(12, 3, seed)

    expected = [scoring.best_match(questionnaire, dict(zip("abc", s, strict=True))) for s in stated]

    assert table_best(vertex_table(fit), stated) == pytest.approx(expected, abs=1e-9)


def test_when_no_channel_serves_any_goal_nothing_can_be_matched() -> None:
    table = vertex_table(((0, 0), (0, 0)))

    assert table_best(table, np.array([[0.5, 0.5], [1.0, 0.0]])).tolist() == [0.0, 0.0]


def many_goals() -> str:
    goals = "\n".join(f"  - {{id: g{n}, label: G{n}}}" for n in range(TABLE_GOALS + 1))
    return f"""
id: many
version: 1
title: Many goals
goals:
{goals}
channels:
  - {{id: x, label: X, mode: online}}
  - {{id: y, label: Y, mode: online}}
fit:
  x: {{g0: 3, g1: 1}}
  y: {{g1: 2, g9: 2}}
pages:
  - id: p
    title: P
    questions:
      - {{id: w, type: allocation, label: W, of: goals, role: goals}}
"""


def test_a_questionnaire_too_large_for_the_table_solves_each_distinct_profile() -> None:
    questionnaire = parse(many_goals().encode(), "many.yaml")
    stated = profiles(5, TABLE_GOALS + 1, seed=3)
    stated = np.vstack([stated, stated[:2]])
    goal_ids = [g.id for g in questionnaire.goals]

    expected = [
        scoring.best_match(questionnaire, dict(zip(goal_ids, s, strict=True))) for s in stated
    ]

    assert best_matches(questionnaire, stated).tolist() == pytest.approx(expected)
