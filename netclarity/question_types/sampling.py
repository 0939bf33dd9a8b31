"""Helpers for the answers the questionnaire walker tries (``QuestionType.samples``).

The walker (``netclarity.loading.walk``) only branches over answers a later condition can tell
apart: the values conditions name and the numbers either side of their thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netclarity.questionnaire import Condition


def named(conditions: Sequence[Condition]) -> list[Any]:
    """Every value a condition compares an answer with (not the thresholds)."""
    found: list[Any] = []
    for c in conditions:
        found += [v for v in (c.equals, c.not_equals, c.includes) if v is not None]
        found += c.in_ or []
    return found


def thresholds(conditions: Sequence[Condition]) -> list[float]:
    return [t for c in conditions for t in (c.greater_than, c.less_than) if t is not None]


def numbers(
    low: float, high: float, step: float, conditions: Sequence[Condition], grid: bool
) -> list[float]:
    """The ends of the range, each threshold with the steps either side of it, and each
    value named by an ``equals``/``in`` that a respondent can enter."""
    values = {low, high}
    for threshold in thresholds(conditions):
        below = low + math.floor((threshold - low) / step) * step
        values.update(below + k * step for k in (-1, 0, 1))
    for value in named(conditions):
        if isinstance(value, int | float) and not isinstance(value, bool):
            on_grid = math.isclose((value - low) / step, round((value - low) / step))
            if on_grid or not grid:
                values.add(float(value))
    return sorted(round(v, 9) for v in values if low <= v <= high)


def named_first(ids: Sequence[str], conditions: Sequence[Condition]) -> list[str]:
    """Each option a condition names, and one it does not."""
    mentioned = [i for i in ids if i in named(conditions)]
    return mentioned + [i for i in ids if i not in mentioned][:1]


def options_hint(ids: Sequence[str]) -> str:
    return f"; its options are {', '.join(ids)}"
