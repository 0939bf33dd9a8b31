"""Check the references between the parts of a questionnaire, on the raw YAML data.

Working on the raw data (not the validated models) means reference problems are reported
in the same run as shape problems, so a coach sees everything wrong with a file at once.
Every check tolerates malformed surroundings: shape errors are the models' business.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netclarity import rules

Path_ = tuple[str | int, ...]
Finding = tuple[Path_, str]

ROLE_SOURCES = {"goals": "goals", "mix": "channels", "money": "channels"}


def _items(raw: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _ids(raw: Any, key: str) -> list[str]:
    return [str(item["id"]) for _, item in _items(raw, key) if "id" in item]


def _duplicates(items: list[tuple[Path_, dict[str, Any]]], what: str) -> Iterator[Finding]:
    """Items (with their paths) whose ``id`` repeats an earlier one."""
    seen: dict[str, int] = {}
    for number, (path, item) in enumerate(items, start=1):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            yield (
                (*path, "id"),
                f"duplicate {what} id '{item_id}' (already used by {what} {seen[item_id]})",
            )
        else:
            seen[item_id] = number


def _listed(raw: Any, key: str) -> list[tuple[Path_, dict[str, Any]]]:
    return [((key, i), item) for i, item in _items(raw, key)]


def _questions(raw: Any) -> list[tuple[Path_, dict[str, Any]]]:
    found: list[tuple[Path_, dict[str, Any]]] = []
    for p, page in _items(raw, "pages"):
        for q, question in _items(page, "questions"):
            found.append((("pages", p, "questions", q), question))
    return found


def check(raw: dict[str, Any]) -> list[Finding]:
    """Everything in ``raw`` that refers to something missing, repeated or misplaced."""
    goals, channels = set(_ids(raw, "goals")), set(_ids(raw, "channels"))
    findings: list[Finding] = []
    for key, what in (
        ("goals", "goal"),
        ("channels", "channel"),
        ("pages", "page"),
        ("insights", "insight"),
    ):
        findings += _duplicates(_listed(raw, key), what)
    questions = _questions(raw)
    findings += _duplicates(questions, "question")
    findings += _check_fit(raw, goals, channels)
    findings += _check_questions(raw, questions, goals, channels)
    findings += _check_insights(raw, goals, channels, {str(q.get("id")) for _, q in questions})
    return findings


def _check_fit(raw: dict[str, Any], goals: set[str], channels: set[str]) -> Iterator[Finding]:
    fit = raw.get("fit")
    if not isinstance(fit, dict):
        return
    for channel_id, row in fit.items():
        if channel_id not in channels:
            yield ("fit", str(channel_id)), f"unknown channel '{channel_id}'{_known(channels)}"
        if not isinstance(row, dict):
            continue
        for goal_id in row:
            if goal_id not in goals:
                yield (
                    ("fit", str(channel_id), str(goal_id)),
                    f"unknown goal '{goal_id}'{_known(goals)}",
                )


def _known(names: set[str]) -> str:
    return f" (known: {', '.join(sorted(names))})" if names else " (none are defined)"


def _check_questions(
    raw: dict[str, Any],
    questions: list[tuple[Path_, dict[str, Any]]],
    goals: set[str],
    channels: set[str],
) -> Iterator[Finding]:
    earlier: dict[str, dict[str, Any]] = {}
    later = {str(q.get("id")) for _, q in questions}
    roles: dict[str, str] = {}
    sources = {"goals": goals, "channels": channels}
    for path, question in questions:
        qid = str(question.get("id"))
        for key in ("of", "rows"):
            source = question.get(key)
            if source in sources and not sources[source]:
                yield (*path, key), f"{key}: {source}, but the questionnaire defines no {source}"
        for key in ("options", "columns"):
            options = question.get(key)
            if isinstance(options, list):
                pairs = [((*path, key, i), o) for i, o in enumerate(options) if isinstance(o, dict)]
                yield from _duplicates(pairs, "option")
        role = question.get("role")
        if isinstance(role, str):
            if role in roles:
                yield (*path, "role"), f"role '{role}' is already given to question '{roles[role]}'"
            roles[role] = qid
            wanted = ROLE_SOURCES.get(role)
            if wanted and question.get("of") != wanted:
                yield (*path, "role"), f"a question with role '{role}' must use 'of: {wanted}'"
            if role in ("motive", "outcomes") and question.get("rows") != "channels":
                yield (*path, "role"), f"a question with role '{role}' must use 'rows: channels'"
            if role == "motive" and not _has_column(question, ("want", "should")):
                yield (*path, "role"), "role 'motive' needs columns with ids 'want' and 'should'"
        used_in = question.get("only_rows_used_in")
        if isinstance(used_in, str):
            target = earlier.get(used_in)
            if target is None:
                yield (*path, "only_rows_used_in"), _unknown_question(used_in, later)
            elif target.get("type") != "allocation" or target.get("of") != question.get("rows"):
                yield (
                    (*path, "only_rows_used_in"),
                    f"'{used_in}' must be an allocation over the same {question.get('rows')}",
                )
        yield from _check_conditions(path, question, earlier, later)
        earlier[qid] = question


def _has_column(question: dict[str, Any], ids: tuple[str, ...]) -> bool:
    columns = question.get("columns")
    present = (
        {c.get("id") for c in columns if isinstance(c, dict)}
        if isinstance(columns, list)
        else set()
    )
    return all(i in present for i in ids)


def _unknown_question(name: str, later: set[str]) -> str:
    if name in later:
        return f"'{name}' is asked later; a condition can only look at earlier questions"
    return f"unknown question '{name}'"


def _check_conditions(
    path: Path_, question: dict[str, Any], earlier: dict[str, dict[str, Any]], later: set[str]
) -> Iterator[Finding]:
    show_if = question.get("show_if")
    conditions = show_if if isinstance(show_if, list) else [show_if]
    for index, condition in enumerate(conditions):
        if not isinstance(condition, dict):
            continue
        where = (*path, "show_if", index) if isinstance(show_if, list) else (*path, "show_if")
        for key in ("question", "answered"):
            name = condition.get(key)
            if isinstance(name, str) and name not in earlier:
                yield (*where, key), _unknown_question(name, later)
        target = earlier.get(str(condition.get("question")))
        options = target.get("options") if target else None
        if isinstance(options, list):
            ids = {o.get("id") for o in options if isinstance(o, dict)}
            tested = [condition[k] for k in ("equals", "not_equals", "includes") if k in condition]
            tested += condition.get("in") or [] if isinstance(condition.get("in"), list) else []
            for value in tested:
                if value not in ids:
                    yield (
                        where,
                        f"'{value}' is not an option of '{condition.get('question')}'"
                        f" (options: {', '.join(sorted(str(i) for i in ids))})",
                    )


def _check_insights(
    raw: dict[str, Any], goals: set[str], channels: set[str], questions: set[str]
) -> Iterator[Finding]:
    names = rules.Names(frozenset(goals), frozenset(channels), frozenset(questions))
    for index, insight in _items(raw, "insights"):
        when, say = insight.get("when"), insight.get("say")
        if not isinstance(when, str) or not isinstance(say, str):
            continue
        audience = insight.get("audience", "person")
        for key, message in rules.problems(when, say, names, str(audience)):
            yield ("insights", index, key), message
