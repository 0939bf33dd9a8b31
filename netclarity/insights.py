"""Turn scores into plain-language findings with the questionnaire's insight rules.

The rules are written by a coach in the questionnaire file (``insights:``) and checked when
it loads; here they are compiled once per set of rules and evaluated against a mapping of
rule functions. A person's results use ``scoring.person_functions``; a workshop room uses
the same ``evaluate_rules`` with the room's functions. A rule that cannot be evaluated for
these answers (e.g. it asks for hours nobody gave) does not apply and is skipped, so one
rule never keeps the others from showing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from netclarity import scoring
from netclarity.questionnaire import Insight, Questionnaire
from netclarity.rules import NotAvailable, Rule

Audience = Literal["person", "room"]

# What a rule can meet on real answers: a missing value, or a value of the wrong kind
# (text where a number is compared, dividing an unanswered question). Anything else is a
# bug and is not hidden.
_SKIPPED = (NotAvailable, TypeError, ValueError, ArithmeticError)


@dataclass(frozen=True)
class Finding:
    """One finding, with the id of the rule that produced it."""

    rule_id: str
    text: str


@lru_cache(maxsize=64)
def _compiled(insights: tuple[Insight, ...], audience: Audience) -> tuple[Rule, ...]:
    return tuple(Rule.compile(i.id, i.when, i.say) for i in insights if i.audience == audience)


def compile_rules(questionnaire: Questionnaire, audience: Audience) -> tuple[Rule, ...]:
    """The questionnaire's rules for ``audience``, in file order (compiled once, cached)."""
    return _compiled(tuple(questionnaire.insights), audience)


def evaluate_rules(
    questionnaire: Questionnaire,
    audience: Audience,
    functions: Mapping[str, Callable[..., Any]],
) -> list[Finding]:
    """The findings of every rule for ``audience`` whose condition holds, in file order."""
    found: list[Finding] = []
    for rule in compile_rules(questionnaire, audience):
        try:
            if rule.holds(functions):
                found.append(Finding(rule.id, rule.text(functions, questionnaire.texts.numbers)))
        except _SKIPPED:
            continue
    return found


def findings(
    questionnaire: Questionnaire, scores: scoring.Scores, answers: Mapping[str, Any]
) -> list[Finding]:
    """A person's findings: the ``audience: person`` rules against their scores."""
    functions = scoring.person_functions(questionnaire, scores, answers)
    return evaluate_rules(questionnaire, "person", functions)
