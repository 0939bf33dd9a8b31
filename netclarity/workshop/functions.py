"""The ``audience: room`` rule functions of ``rules.FUNCTIONS``, over a ``Room``.

They follow the room's privacy threshold: below it every function raises
``rules.NotAvailable``, so no discussion prompt can quote a room of two; a poll's share is
available once that poll has enough answers. A function whose inputs nobody gave (no one
shared out their hours, say) raises ``NotAvailable`` too, and the rule is skipped.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from netclarity.insights import Finding, compile_rules, evaluate_rules
from netclarity.questionnaire import Questionnaire
from netclarity.rules import NotAvailable, Rule
from netclarity.workshop.room import Room


def room_functions(questionnaire: Questionnaire, room: Room) -> dict[str, Callable[..., Any]]:
    """The value of every room function for ``room`` (see ``rules.FUNCTIONS`` for each)."""
    labels = {o.id: o.label for o in [*questionnaire.goals, *questionnaire.channels]}

    def visible() -> None:
        if not room.visible:
            raise NotAvailable(f"fewer than {room.threshold} participants have completed")

    def scored() -> None:
        visible()
        if not room.scored:
            raise NotAvailable("no participant gave both goals and hours")

    def goal(values: dict[str, float], goal_id: str) -> float:
        scored()
        if goal_id not in values:
            raise NotAvailable(f"unknown goal '{goal_id}'")
        return values[goal_id]

    def mix_share(channel_id: str) -> float:
        visible()
        if channel_id not in room.hours_share or not any(room.hours_share.values()):
            raise NotAvailable(f"no hours for '{channel_id}'")
        return room.hours_share[channel_id]

    def obligation_share() -> float:
        visible()
        if room.obligation_share is None:
            raise NotAvailable("nobody answered why they go")
        return room.obligation_share

    def alignment() -> float:
        scored()
        median = room.median_alignment
        if median is None:
            raise NotAvailable("no alignment scores")
        return median

    def poll_share(question_id: str, option_id: str) -> float:
        if not room.poll_visible(question_id):
            raise NotAvailable(f"fewer than {room.threshold} answers to '{question_id}'")
        return room.polls[question_id].share(option_id)

    def size() -> int:
        visible()
        return room.published

    return {
        "room_size": size,
        "room_goal_weight": lambda g: goal(room.stated, g),
        "room_delivered": lambda g: goal(room.delivered, g),
        "room_gap": lambda g: goal(room.delivered, g) - goal(room.want, g),
        "room_mix_share": mix_share,
        "room_obligation_share": obligation_share,
        "room_alignment": alignment,
        "poll_share": poll_share,
        "room_label": lambda value: labels.get(value, str(value)),
    }


ROLES_READ: dict[str, tuple[str, ...]] = {
    "room_goal_weight": ("goals",),
    "room_delivered": ("goals", "mix"),
    "room_gap": ("goals", "mix"),
    "room_alignment": ("goals", "mix"),
    "room_mix_share": ("mix",),
    "room_obligation_share": ("motive",),
}
"""The roles of the questions each room function reads (``poll_share`` reads its poll)."""


def reads(questionnaire: Questionnaire, rule: Rule) -> set[str]:
    """The ids of the questions whose answers a room rule's condition looks at."""
    found: set[str] = set()
    for node in ast.walk(rule.when):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id == "poll_share" and node.args:
            first = node.args[0]
            found.add(first.id if isinstance(first, ast.Name) else str(ast.literal_eval(first)))
        for role in ROLES_READ.get(node.func.id, ()):
            question = questionnaire.question_with_role(role)
            if question is not None:
                found.add(question.id)
    return found


def section_prompts(questionnaire: Questionnaire, room: Room, keys: set[str]) -> list[Finding]:
    """The prompts of the room rules that read one of the questions ``keys`` (a section's)."""
    rules = compile_rules(questionnaire, "room")
    wanted = {rule.id for rule in rules if reads(questionnaire, rule) & keys}
    return [found for found in prompts(questionnaire, room) if found.rule_id in wanted]


def prompts(questionnaire: Questionnaire, room: Room) -> list[Finding]:
    """The discussion prompts: the questionnaire's room rules that hold for this room."""
    return evaluate_rules(questionnaire, "room", room_functions(questionnaire, room))
