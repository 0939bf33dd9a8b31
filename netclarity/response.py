"""A person's response as a portable document: answers, plan, and what they answered.

This is the JSON a person downloads ("own your data"), imports elsewhere, and that
``python -m netclarity score`` and ``report`` read. It is untrusted when imported, so it
is validated like everything else that comes from outside.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT: Final = "netclarity-response/1"
MAX_PLAN_TEXT = 2000
MAX_NUMBER: Final = 2**31 - 1
"""The largest version or round number a database integer column holds (PostgreSQL's
``integer``); a larger one in a file would fail where it is saved, not where it is read."""
Decision = Literal["keep", "grow", "reduce", "stop"]
Outcome = Literal["done", "partly", "not_yet", "changed"]
"""How a commitment of the previous plan went: done, partly, not yet, or changed my mind."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanGoal(_Model):
    """One goal of the plan: what, how it will be measured, by when (ISO date or free text)."""

    what: str = Field("", max_length=MAX_PLAN_TEXT)
    measure: str = Field("", max_length=MAX_PLAN_TEXT)
    by: str = Field("", max_length=100)


class ChannelPlan(_Model):
    """Barbara's test: decide where you will and will not go, and what you hope to get there."""

    decision: Decision
    hope: str = Field("", max_length=MAX_PLAN_TEXT)


class Plan(_Model):
    goals: list[PlanGoal] = Field(default_factory=list, max_length=3)
    channels: dict[str, ChannelPlan] = Field(default_factory=dict)
    give: str = Field(
        "", max_length=MAX_PLAN_TEXT, description="what I will give to my relationships"
    )


class ItemReview(_Model):
    """How one commitment of the previous plan went, in the person's own judgement."""

    outcome: Outcome | None = None
    note: str = Field("", max_length=MAX_PLAN_TEXT)


class PlanReview(_Model):
    """A check-in's look back at the previous round's plan.

    It holds that plan as it was when the new round started, so the review reads the same
    after the person rewrites their plan, and an imported file carries it whole. ``goals``
    follows ``plan.goals`` item by item; ``channels`` is keyed like ``plan.channels``.
    """

    of_round: int = Field(ge=1, description="the round whose plan is reviewed")
    plan: Plan
    goals: list[ItemReview] = Field(default_factory=list, max_length=3)
    channels: dict[str, ItemReview] = Field(default_factory=dict)


class Response(_Model):
    """Everything one person gave in one round of one questionnaire."""

    format: Literal["netclarity-response/1"] = FORMAT
    questionnaire: str
    version: int = Field(ge=1, le=MAX_NUMBER)
    digest: str | None = Field(None, description="hash of the questionnaire file answered")
    name: str | None = Field(None, max_length=200)
    answers: dict[str, Any] = Field(default_factory=dict)
    plan: Plan = Field(default_factory=Plan)
    page: str | None = Field(None, description="the page the person was on")
    round: int = Field(1, ge=1, le=MAX_NUMBER)
    review: PlanReview | None = Field(
        None, description="how the previous round's plan went (a check-in round only)"
    )


def known_answers(response: Response, question_ids: Collection[str]) -> Response:
    """``response`` keeping only the answers to questions its questionnaire has.

    An imported file can hold any number of answer keys (a 2 MB file, over 100,000); those
    no question asks are never shown, scored or exported, so they are dropped before the
    database rather than written in one long transaction that every other save waits for.
    """
    kept = {key: value for key, value in response.answers.items() if key in question_ids}
    return (
        response
        if len(kept) == len(response.answers)
        else response.model_copy(update={"answers": kept})
    )
