"""The ``score`` command: a response's scores and findings as JSON on standard output.

``python -m netclarity score ANSWERS.json [--questionnaire PATH]`` reads a response file
(``netclarity.response.Response``), loads the questionnaire it names from ``questions/``
(or the file given), and prints what the results page shows: alignment (with the match and
the best it is measured against, and the sentence that explains it), each goal's stated share,
want, served share and gap, the flags, the suggested first step (its kind, hours, moves with
their reasons, the words the results page shows, and the alignment it reaches) and the
findings. Numbers are rounded here, for reading;
``netclarity.scoring`` keeps them exact. Exit status: 0 scored, 1 the response or
questionnaire has problems (reported as ``FILE:LINE: message``).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from netclarity import first_step_words, insights, scoring
from netclarity.commands import response_input as command_input
from netclarity.loading.problems import QuestionnaireError
from netclarity.questionnaire import Questionnaire


def add_arguments(parser: argparse.ArgumentParser) -> None:
    command_input.add_response_arguments(parser)


def run(args: argparse.Namespace) -> int:
    try:
        response, questionnaire = command_input.response_and_questionnaire(
            args.answers, args.questionnaire, args.round
        )
    except QuestionnaireError as exc:
        return command_input.fail(*exc.problems)
    scores = scoring.score(questionnaire, response.answers)
    found = insights.findings(questionnaire, scores, response.answers)
    print(json.dumps(as_json(questionnaire, scores, found), indent=2, ensure_ascii=False))
    return 0


def as_json(
    questionnaire: Questionnaire, scores: scoring.Scores, found: list[insights.Finding]
) -> dict[str, Any]:
    """The scores as plain JSON values, rounded for reading (shares to 0.001, hours to 0.1).

    Channels are listed when they have hours, money or suggested hours.
    """
    step = scores.first_step
    words = first_step_words.describe(questionnaire, scores)
    channels = [
        c
        for c in scores.channels
        if c.hours > 0 or (c.money or 0) > 0 or _hours(c.suggested_hours) > 0
    ]
    return {
        "questionnaire": questionnaire.id,
        "version": questionnaire.version,
        "alignment": _round(scores.alignment, 1),
        "alignment_text": (
            questionnaire.texts.alignment_none
            if scores.alignment is None
            else questionnaire.texts.alignment_meaning(scores.alignment)
        ),
        "match": _round(scores.match, 3),
        "best": _round(scores.best, 3),
        "missing": list(scores.missing),
        "top_goals": list(scores.top_goals),
        "goals": [
            {
                "id": g.id,
                "stated": _round(g.stated, 3),
                "want": _round(g.want, 3),
                "served": _round(g.served, 3),
                "delivered": _round(g.delivered, 3),
                "gap": _round(g.gap, 3),
                "status": g.status,
                "top": g.top,
            }
            for g in scores.goals
        ],
        "channels": [
            {
                "id": c.id,
                "hours": _hours(c.hours),
                "share": _round(c.share, 3),
                "money": _round(c.money, 2),
                "cost_per_hour": _round(c.cost_per_hour, 2),
                "serves_top_goal": c.serves_top_goal,
                "obligation": c.obligation,
                "outcome": c.outcome,
                "suggested_hours": _hours(c.suggested_hours),
                "value": _round(c.value, 3),
            }
            for c in channels
        ],
        "flags": {
            "unserved_channels": list(scores.unserved_channels),
            "unserved_share": _round(scores.unserved_share, 3),
            "obligations": list(scores.obligations),
            "obligation_share": _round(scores.obligation_share, 3),
            "nothing_delivered": scores.nothing_delivered,
            "nothing_share": _round(scores.nothing_share, 3),
            "places_used": len(scores.used),
        },
        "money": {
            "total": _round(scores.total_money, 2),
            "outcomes": scores.outcomes_count,
            "cost_per_outcome": _round(scores.cost_per_outcome, 2),
        },
        "suggested": {
            "kind": None if step is None else step.kind,
            "target": None,
            "alignment": _round(scores.suggested_alignment, 1),
            "moved": _round(scores.hours_moved, 1),
            "hours": {c.id: _hours(c.suggested_hours) for c in channels},
            "moves": [
                {"from": m.source, "to": m.target, "hours": _hours(m.hours), "trial": m.trial}
                for m in (step.moves if step is not None else ())
            ],
            "reasons": {} if step is None else {k: list(v) for k, v in step.reasons.items()},
            "text": None if words is None else {"intro": words.intro, "items": list(words.items)},
        },
        "findings": [{"rule": f.rule_id, "text": f.text} for f in found],
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits) + 0.0


def _hours(value: float | None) -> float:
    return round(value or 0.0, 1) + 0.0
