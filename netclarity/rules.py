"""The small rule language of insights and discussion prompts, evaluated without ``eval``.

A coach writes conditions such as ``mix_share(paid_events) > 0.3 and goal_weight(camaraderie)
< 0.1`` and findings such as ``"{label(top_goal())} is your first goal, but only
{served_share(top_goal()):.0%} of your hours go where it is served."``. Expressions are parsed
with Python's ``ast`` module and then *interpreted* over a whitelist of node types and
functions, so a questionnaire file (untrusted input) can never run code. Every name is
checked against the questionnaire when it loads, with a message that says what is allowed.
"""

from __future__ import annotations

import ast
import difflib
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from netclarity.texts import NumberTexts

ArgKind = Literal["goal", "channel", "question", "option", "value"]


@dataclass(frozen=True)
class Function:
    args: tuple[ArgKind, ...]
    audience: Literal["person", "room"]
    help: str


FUNCTIONS: dict[str, Function] = {
    # person: one respondent's scores (netclarity.scoring)
    "goal_weight": Function(("goal",), "person", "stated weight of a goal, 0–1"),
    "delivered": Function(
        ("goal",), "person", "how well the hours serve a goal, vs the best place for it, 0–1"
    ),
    "gap": Function(("goal",), "person", "delivered minus want (points vs the first goal's)"),
    "is_top_goal": Function(("goal",), "person", "the goal is among the person's top goals"),
    "top_goal": Function((), "person", "id of the goal with the largest stated weight"),
    "served_share": Function(
        ("goal",), "person", "share of hours in channels that serve the goal well"
    ),
    "mix_share": Function(("channel",), "person", "share of hours spent in a channel, 0–1"),
    "hours": Function(("channel",), "person", "hours per month in a channel"),
    "money": Function(("channel",), "person", "money per month in a channel"),
    "is_obligation": Function(("channel",), "person", "attended because they feel they should"),
    "top_channel": Function((), "person", "id of the channel with the most hours"),
    "total_hours": Function((), "person", "hours per month in all channels"),
    "total_money": Function((), "person", "money per month in all channels"),
    "places_used": Function((), "person", "how many channels have hours"),
    "nothing_share": Function((), "person", "share of hours in channels that brought nothing"),
    "outcome_share": Function(
        ("value",), "person", "share of hours in channels whose outcome is this column id"
    ),
    "mode_share": Function(
        ("value",), "person", "share of hours in channels of a mode (face_to_face, online…)"
    ),
    "hours_moved": Function((), "person", "hours a month the suggested first step moves"),
    "least_served_top_goal": Function((), "person", "id of the top goal the hours serve least"),
    "brought": Function(("channel",), "person", "the outcome column id a channel brought"),
    "alignment": Function((), "person", "alignment score, 0–100"),
    "obligation_share": Function(
        (), "person", "share of hours in channels attended out of obligation"
    ),
    "unserved_share": Function((), "person", "share of hours in channels serving no top goal"),
    "answer": Function(("question",), "person", "the answer to a question (or none)"),
    "label": Function(("value",), "person", "the label of a goal or channel id"),
    # room: a workshop's aggregate (netclarity.workshop)
    "room_size": Function((), "room", "participants who completed"),
    "room_goal_weight": Function(("goal",), "room", "average stated weight of a goal, 0–1"),
    "room_delivered": Function(("goal",), "room", "average delivered share of a goal, 0–1"),
    "room_gap": Function(("goal",), "room", "average delivered minus stated, -1–1"),
    "room_mix_share": Function(("channel",), "room", "share of the room's hours in a channel"),
    "room_obligation_share": Function((), "room", "share of people with at least one obligation"),
    "room_alignment": Function((), "room", "median alignment score, 0–100"),
    "poll_share": Function(("question", "option"), "room", "share of poll answers for an option"),
    "room_label": Function(("value",), "room", "the label of a goal or channel id"),
}

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_ARITHMETIC: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: lambda a, b: a / b if b else 0.0,
}
OPERATORS = "<, <=, >, >=, ==, !=, in, not in, and, or, not, +, -, *, /"
_OPERATOR_NAMES: dict[type[ast.AST], str] = {
    ast.RShift: ">>", ast.LShift: "<<", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
    ast.Mod: "%", ast.FloorDiv: "//", ast.Pow: "**", ast.MatMult: "@", ast.Invert: "~",
    ast.UAdd: "unary +", ast.Is: "is", ast.IsNot: "is not",
}  # fmt: skip


def _operator_name(op: ast.AST) -> str:
    name = _OPERATOR_NAMES.get(type(op))
    return f"'{name}'" if name else f"the operator {type(op).__name__}"


_PLACEHOLDER = re.compile(r"\{([^{}:]+)(?::([^{}]*))?\}")
MAX_EXPRESSION = 500


class RuleError(ValueError):
    """An expression that is not valid in the rule language."""


class NotAvailable(LookupError):
    """Raised by a rule function whose value cannot be known, e.g. ``hours()`` before any
    hours were given. A rule that meets it does not apply; it is skipped, not an error."""


@dataclass(frozen=True)
class Names:
    """The ids a rule may mention, taken from its questionnaire."""

    goals: frozenset[str]
    channels: frozenset[str]
    questions: frozenset[str]


def parse(expression: str) -> ast.expr:
    """Parse one expression; raise ``RuleError`` for syntax the language does not have."""
    if len(expression) > MAX_EXPRESSION:
        raise RuleError(f"the expression is longer than {MAX_EXPRESSION} characters")
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError as exc:
        raise RuleError(f"cannot read '{expression.strip()}': {exc.msg}") from None
    _check_syntax(tree)
    return tree


def _check_syntax(node: ast.AST) -> None:
    allowed = (
        ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.USub, ast.Compare, ast.BinOp,
        ast.Call, ast.Name, ast.Constant, ast.List, ast.Tuple, ast.Load,
        *_COMPARE, *_ARITHMETIC,
    )  # fmt: skip
    for child in ast.walk(node):
        if isinstance(child, ast.BinOp | ast.UnaryOp | ast.BoolOp | ast.Compare):
            ops = child.ops if isinstance(child, ast.Compare) else [child.op]
            for op in ops:
                if not isinstance(op, allowed):
                    raise RuleError(
                        f"'{ast.unparse(child)}': {_operator_name(op)} is not an operator of "
                        f"the rule language (operators: {OPERATORS})"
                    )
        if not isinstance(child, allowed):
            raise RuleError(f"'{ast.unparse(child)}' is not allowed in a rule")
        if isinstance(child, ast.Call) and (not isinstance(child.func, ast.Name) or child.keywords):
            raise RuleError(f"'{ast.unparse(child)}': call a function by name, e.g. hours(blog)")
        if isinstance(child, ast.Constant) and not isinstance(
            child.value, int | float | str | bool
        ):
            raise RuleError(f"'{ast.unparse(child)}' is not a number, text or true/false")


def check(tree: ast.expr, names: Names, audience: str) -> list[str]:
    """Every unknown function, wrong argument or unknown id in a parsed expression."""
    problems: list[str] = []
    kinds: dict[str, frozenset[str]] = {
        "goal": names.goals,
        "channel": names.channels,
        "question": names.questions,
    }
    call_args: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id  # type: ignore[attr-defined]  # checked by _check_syntax
        call_args.add(id(node.func))
        function = FUNCTIONS.get(name)
        if function is None or function.audience != audience:
            call_args.update(id(arg) for arg in node.args if isinstance(arg, ast.Name))
            usable = sorted(n for n, f in FUNCTIONS.items() if f.audience == audience)
            close = difflib.get_close_matches(name, usable, n=1)
            hint = f" — did you mean '{close[0]}'?" if close else ""
            problems.append(f"unknown function '{name}'{hint} (functions: {', '.join(usable)})")
            continue
        if len(node.args) != len(function.args):
            problems.append(
                f"{name}() takes {len(function.args)} argument(s), got {len(node.args)}"
            )
            continue
        for arg, kind in zip(node.args, function.args, strict=True):
            if isinstance(arg, ast.Name):
                call_args.add(id(arg))
                if kind in kinds and arg.id not in kinds[kind]:
                    problems.append(f"{name}(): unknown {kind} '{arg.id}'")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and id(node) not in call_args and node.id not in _WORDS:
            problems.append(f"'{node.id}' on its own means nothing here; use it inside a function")
    return problems


_WORDS = {"true": True, "false": False, "none": None}


def problems(when: str, say: str, names: Names, audience: str) -> list[tuple[str, str]]:
    """Problems in one insight's condition and text, as ``(key, message)`` pairs."""
    found: list[tuple[str, str]] = []
    for key, expression, spec in [("when", when, None)] + [
        ("say", m.group(1), m.group(2)) for m in _PLACEHOLDER.finditer(say)
    ]:
        try:
            tree = parse(expression)
        except RuleError as exc:
            found.append((key, str(exc)))
            continue
        messages = check(tree, names, audience)
        found += [(key, msg) for msg in messages]
        if spec and not messages:
            problem = _format_problem(tree, spec)
            if problem:
                found.append((key, f"'{{{expression}:{spec}}}': {problem}"))
    return found


TEXT_FUNCTIONS = frozenset(
    {"top_goal", "top_channel", "least_served_top_goal", "brought", "label", "room_label"}
)
YES_NO_FUNCTIONS = frozenset({"is_top_goal", "is_obligation"})


def _sample(tree: ast.expr) -> Any:
    """A value of the kind ``tree`` gives (a number, a text, true/false), or None if any."""
    if isinstance(tree, ast.Constant):
        return tree.value
    if isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name):
        name = tree.func.id
        if name in TEXT_FUNCTIONS:
            return "text"
        if name in YES_NO_FUNCTIONS:
            return True
        return None if name == "answer" else 0.25
    if isinstance(tree, ast.BinOp | ast.UnaryOp) and not isinstance(
        getattr(tree, "op", None), ast.Not
    ):
        return 0.25
    if isinstance(tree, ast.Compare | ast.BoolOp | ast.UnaryOp):
        return True
    return None


def _format_problem(tree: ast.expr, spec: str) -> str | None:
    """Why ``:spec`` cannot format what ``tree`` gives, or None if it can (or may)."""
    sample = _sample(tree)
    if sample is None:
        return None
    try:
        format(sample, spec)
    except (ValueError, TypeError):
        kind = (
            "true or false"
            if isinstance(sample, bool)
            else "a number"
            if isinstance(sample, float)
            else "text"
        )
        example = " (e.g. :.0f, :.1f, :,.0f or :.0%)" if kind == "a number" else ""
        return f"the format ':{spec}' does not fit {kind}{example}"
    return None


def evaluate(tree: ast.expr, functions: Mapping[str, Callable[..., Any]]) -> Any:
    """Interpret a checked expression; ``functions`` supplies the values by name."""

    def value(node: ast.expr) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return _WORDS.get(node.id, node.id)
        if isinstance(node, ast.List | ast.Tuple):
            return [value(e) for e in node.elts]
        if isinstance(node, ast.UnaryOp):
            operand = value(node.operand)
            return (not operand) if isinstance(node.op, ast.Not) else -operand
        if isinstance(node, ast.BoolOp):
            results = (value(v) for v in node.values)
            return all(results) if isinstance(node.op, ast.And) else any(results)
        if isinstance(node, ast.BinOp):
            return _ARITHMETIC[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.Compare):
            left = value(node.left)
            for op, right_node in zip(node.ops, node.comparators, strict=True):
                right = value(right_node)
                try:
                    if not _COMPARE[type(op)](left, right):
                        return False
                except TypeError:  # e.g. comparing an unanswered question with a number
                    return False
                left = right
            return True
        if isinstance(node, ast.Call):
            name = node.func.id  # type: ignore[attr-defined]
            return functions[name](*[value(a) for a in node.args])
        raise RuleError(f"'{ast.unparse(node)}' is not allowed in a rule")

    return value(tree)


@dataclass(frozen=True)
class Rule:
    """A compiled insight: its condition and the parsed placeholders of its text."""

    id: str
    when: ast.expr
    say: str

    @classmethod
    def compile(cls, rule_id: str, when: str, say: str) -> Rule:
        return cls(rule_id, parse(when), say)

    def holds(self, functions: Mapping[str, Callable[..., Any]]) -> bool:
        return bool(evaluate(self.when, functions))

    def text(
        self, functions: Mapping[str, Callable[..., Any]], numbers: NumberTexts | None = None
    ) -> str:
        """The finding with every ``{expression[:format]}`` filled in.

        Numbers are written in the questionnaire's conventions (``numbers``), and an amount of
        money (see ``is_money``) with its currency, so a coach writes ``{money(x):,.0f}`` and
        a German reader sees ``1.500 €``.
        """
        conventions = numbers or NumberTexts()

        def fill(match: re.Match[str]) -> str:
            tree = parse(match.group(1))
            return conventions.format_value(
                evaluate(tree, functions), match.group(2) or "", money=is_money(tree)
            )

        return _PLACEHOLDER.sub(fill, self.say)


MONEY_FUNCTIONS = frozenset({"money", "total_money"})


def is_money(tree: ast.expr) -> bool:
    """Whether an expression is an amount of money: a money function, sums and differences
    of them, or one scaled by a plain number (``money(a) * 12``)."""
    if isinstance(tree, ast.Call):
        return isinstance(tree.func, ast.Name) and tree.func.id in MONEY_FUNCTIONS
    if isinstance(tree, ast.UnaryOp) and isinstance(tree.op, ast.USub):
        return is_money(tree.operand)
    if isinstance(tree, ast.BinOp):
        left, right = is_money(tree.left), is_money(tree.right)
        if isinstance(tree.op, ast.Add | ast.Sub):
            return left and right
        if isinstance(tree.op, ast.Mult):
            return left != right
        if isinstance(tree.op, ast.Div):
            return left and not right
    return False
