"""The best match (``scoring.best_match``) of many stated goal profiles at once.

A room's alignment scores need ``best(s)`` for every participant. ``scoring`` solves one
small linear program per profile, about a millisecond each: right for one person, ten
seconds for 10,000. For questionnaires of ordinary size the same number comes here from a
table computed once per fit matrix, after which 10,000 profiles take a fraction of a second.

Why a table works. With ``P`` the profiles of the channels with some fit (one row per
channel, ``fit(c, .) / F_c``) and ``sum_g s_g = 1``, write ``min(a, b)`` as
``min over u in [0, 1] of (1 - u) a + u b`` and swap max and min (minimax theorem: the
channel weights range over a simplex, ``u`` over a cube)::

    best(s) = max_{l in simplex} sum_g min(s_g, (l P)_g)
            = min_{u in [0,1]^G} ( sum_g s_g (1 - u_g) + max_c (P u)_c )
            = 1 + min_{(u, z) in Q} (z - s . u),   Q = {0 <= u <= 1, (P u)_c <= z for all c}

The objective is linear in ``(u, z)`` and bounded below on ``Q`` (``z >= 0``), so its minimum
is at a vertex of ``Q`` -- and the vertices depend on ``P`` only. They are found once with
Qhull (``scipy.spatial.HalfspaceIntersection``, which needs a bounded region, so ``z <= 2``
is added: the vertices that adds have ``2 - s . u >= 1``, never below the ``0`` of the vertex
``u = 0, z = 0``). Then ``best`` for N profiles is one matrix product and a minimum per row,
equal to ``scoring.best_match`` to within 1e-12 (``tests/unit/test_workshop_best.py``).

The number of vertices grows steeply with the number of goals and channels (9 goals and
12 channels: about 8,000, found in 0.2 s; 10 and 15: 40,000 in a second; 12 and 15:
300,000 in half a minute), so the table is used up to ``TABLE_GOALS`` goals and
``TABLE_CHANNELS`` channels, and larger questionnaires solve one program per distinct
profile with ``scoring.best_match``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from scipy.spatial import HalfspaceIntersection

from netclarity import scoring
from netclarity.questionnaire import Questionnaire

TABLE_GOALS = 9
TABLE_CHANNELS = 20
CHUNK = 2000
"""Profiles per matrix product: keeps the temporary (profiles x vertices) array small."""

Fits = tuple[tuple[int, ...], ...]
Floats = NDArray[np.float64]


def fits(questionnaire: Questionnaire) -> Fits:
    """The fit matrix, one row per channel, one column per goal, in questionnaire order."""
    return tuple(
        tuple(questionnaire.fit_of(c.id, g.id) for g in questionnaire.goals)
        for c in questionnaire.channels
    )


def best_matches(questionnaire: Questionnaire, stated: Floats) -> Floats:
    """``best(s)`` for every row of ``stated`` (rows sum to 1, goals in questionnaire order)."""
    if len(stated) == 0:
        return np.zeros(0)
    distinct, inverse = np.unique(stated, axis=0, return_inverse=True)
    matrix = fits(questionnaire)
    goals, channels = len(questionnaire.goals), len(questionnaire.channels)
    if goals <= TABLE_GOALS and channels <= TABLE_CHANNELS:
        values = table_best(vertex_table(matrix), distinct)
    else:
        goal_ids = [g.id for g in questionnaire.goals]
        values = np.array(
            [
                scoring.best_match(questionnaire, dict(zip(goal_ids, row.tolist(), strict=True)))
                for row in distinct
            ]
        )
    return np.asarray(values[inverse.reshape(-1)], dtype=np.float64)


def table_best(table: Floats, stated: Floats) -> Floats:
    """``1 + min over the vertices of (z - s . u)`` for every row ``s`` of ``stated``.

    ``table`` holds one column per vertex: ``-u`` then ``z``; an empty table (no channel
    serves any goal) means nothing can be delivered, so ``best`` is 0.
    """
    if table.shape[1] == 0:
        return np.zeros(len(stated))
    augmented = np.hstack([stated, np.ones((len(stated), 1))])
    result = np.empty(len(stated))
    for start in range(0, len(stated), CHUNK):
        result[start : start + CHUNK] = (augmented[start : start + CHUNK] @ table).min(axis=1)
    return np.asarray(np.clip(result + 1.0, 0.0, 1.0), dtype=np.float64)


@lru_cache(maxsize=16)
def vertex_table(matrix: Fits) -> Floats:
    """The vertices of ``Q`` for this fit matrix as ``table_best`` reads them (see above)."""
    fit = np.array(matrix, dtype=np.float64)
    if fit.size == 0:
        return np.zeros((0, 0))
    fit = fit[fit.sum(axis=1) > 0]
    goals = fit.shape[1]
    if len(fit) == 0:
        return np.zeros((goals + 1, 0))
    profiles = fit / fit.sum(axis=1, keepdims=True)
    halfspaces = _halfspaces(profiles)
    inside = np.append(np.full(goals, 0.5), 1.5)  # strictly inside: every u_g in (0, 1), z > 1
    vertices = HalfspaceIntersection(halfspaces, inside).intersections
    vertices = np.unique(vertices[vertices[:, goals] < 1.5].round(12), axis=0)
    return np.asarray(np.hstack([-vertices[:, :goals], vertices[:, goals:]]).T, dtype=np.float64)


def _halfspaces(profiles: Floats) -> Floats:
    """``Q`` and ``z <= 2`` as Qhull's rows ``[a, b]`` meaning ``a . (u, z) + b <= 0``."""
    channels, goals = profiles.shape
    rows: list[Sequence[float]] = []
    for g in range(goals):
        unit = np.zeros(goals + 1)
        unit[g] = 1.0
        rows.append([*(-unit), 0.0])  # -u_g <= 0
        rows.append([*unit, -1.0])  # u_g - 1 <= 0
    for c in range(channels):
        rows.append([*profiles[c], -1.0, 0.0])  # (P u)_c - z <= 0
    cap = np.zeros(goals + 1)
    cap[goals] = 1.0
    rows.append([*cap, -2.0])  # z - 2 <= 0
    return np.array(rows, dtype=np.float64)
