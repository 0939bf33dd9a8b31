"""Check the references between the parts of a questionnaire, on the raw YAML data.

Working on the raw data (not the validated models) means reference problems are reported
in the same run as shape problems, so a coach sees everything wrong with a file at once.
Every check tolerates malformed surroundings: shape errors are the models' business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from netclarity import rules

Path_ = tuple[str | int, ...]
Mistake = tuple[Path_, str]
LineOf = Callable[[Path_], int]

ROLE_SOURCES = {"goals": "goals", "mix": "channels", "money": "channels"}
SOURCES = ("goals", "channels")
LIST_ANSWERS = ("multiple_choice", "ranking")
NUMBER_ANSWERS = ("likert", "number", "slider", "allocation")
RESERVED_QUESTION_IDS = {"plan": "the person's plan"}
"""Keys the store keeps beside the answers (``netclarity.store.tables.PLAN_KEY``): a
question with such an id would overwrite them, or be overwritten."""


def _items(raw: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _ids(raw: Any, key: str) -> list[str]:
    return [str(item["id"]) for _, item in _items(raw, key) if "id" in item]


def _duplicates(
    items: list[tuple[Path_, dict[str, Any]]], what: str, line_of: LineOf
) -> Iterator[Mistake]:
    """Items (with their paths) whose ``id`` repeats an earlier one."""
    seen: dict[str, Path_] = {}
    for path, item in items:
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            first = line_of((*seen[item_id], "id"))
            yield (*path, "id"), f"duplicate {what} id '{item_id}' (first used on line {first})"
        else:
            seen[item_id] = path


def _listed(raw: Any, key: str) -> list[tuple[Path_, dict[str, Any]]]:
    return [((key, i), item) for i, item in _items(raw, key)]


def _questions(raw: Any) -> list[tuple[Path_, dict[str, Any]]]:
    found: list[tuple[Path_, dict[str, Any]]] = []
    for p, page in _items(raw, "pages"):
        for q, question in _items(page, "questions"):
            found.append((("pages", p, "questions", q), question))
    return found


def check(raw: dict[str, Any], line_of: LineOf) -> list[Mistake]:
    """Everything in ``raw`` that refers to something missing, repeated or misplaced.

    ``line_of`` gives the line of a path; it lets a duplicate name where the first one is.
    """
    goals, channels = set(_ids(raw, "goals")), set(_ids(raw, "channels"))
    findings: list[Mistake] = []
    for key, what in (
        ("goals", "goal"),
        ("channels", "channel"),
        ("pages", "page"),
        ("sections", "section"),
        ("insights", "insight"),
    ):
        findings += _duplicates(_listed(raw, key), what, line_of)
    questions = _questions(raw)
    findings += _duplicates(questions, "question", line_of)
    findings += [
        (
            (*path, "id"),
            f"'{q['id']}' is kept for {RESERVED_QUESTION_IDS[q['id']]}: "
            "give the question another id",
        )
        for path, q in questions
        if isinstance(q.get("id"), str) and q["id"] in RESERVED_QUESTION_IDS
    ]
    findings += _check_fit(raw, goals, channels)
    findings += _check_sections(raw)
    findings += _check_questions(questions, goals, channels, line_of)
    findings += _check_insights(raw, goals, channels, {str(q.get("id")) for _, q in questions})
    return findings


def _check_fit(raw: dict[str, Any], goals: set[str], channels: set[str]) -> Iterator[Mistake]:
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


def _check_sections(raw: dict[str, Any]) -> Iterator[Mistake]:
    """Sections name known pages, each page once, in the pages' order, leaving none out.

    A paced workshop opens the sections one after another and a person moves through the
    pages in file order, so a section of scattered pages could never be opened as a whole.
    """
    listed = _listed(raw, "sections")
    if not listed:
        return
    page_ids = _ids(raw, "pages")
    owner: dict[str, str] = {}
    in_order = True  # one order problem is enough to say
    for path, section in listed:
        pages = section.get("pages")
        if not isinstance(pages, list):
            continue
        for index, page_id in enumerate(pages):
            where = (*path, "pages", index)
            if not isinstance(page_id, str):
                continue
            if page_id not in page_ids:
                yield where, f"unknown page '{page_id}'{_known(set(page_ids))}"
            elif page_id in owner:
                yield where, f"page '{page_id}' is already in section '{owner[page_id]}'"
            else:
                expected = page_ids[len(owner)]  # the next page no section has named yet
                owner[page_id] = str(section.get("id"))
                if in_order and page_id != expected:
                    in_order = False
                    order = "sections list the pages in the order of 'pages'"
                    yield where, f"expected page '{expected}' here: {order}"
    missing = [p for p in page_ids if p not in owner]
    if missing:
        names = ", ".join(f"'{p}'" for p in missing)
        yield ("sections",), f"no section holds the page {names}: each page must be in one"


def _known(names: set[str]) -> str:
    return f" (known: {', '.join(sorted(names))})" if names else " (none are defined)"


def _check_questions(
    questions: list[tuple[Path_, dict[str, Any]]],
    goals: set[str],
    channels: set[str],
    line_of: LineOf,
) -> Iterator[Mistake]:
    earlier: dict[str, dict[str, Any]] = {}
    later = {str(q.get("id")) for _, q in questions}
    roles: dict[str, str] = {}
    sources = {"goals": goals, "channels": channels}
    for path, question in questions:
        qid = str(question.get("id"))
        for key in ("of", "rows"):
            source = question.get(key)
            if isinstance(source, str) and source in sources and not sources[source]:
                yield (*path, key), f"{key}: {source}, but the questionnaire defines no {source}"
        for key in ("options", "columns"):
            options = question.get(key)
            if isinstance(options, list):
                pairs = [((*path, key, i), o) for i, o in enumerate(options) if isinstance(o, dict)]
                yield from _duplicates(pairs, "option", line_of)
        yield from _check_shows(path, question, goals)
        yield from _check_role(path, question, roles)
        yield from _check_rows_used_in(path, question, earlier, later)
        yield from _check_conditions(path, question, earlier, later, sources)
        earlier[qid] = question


def _check_shows(path: Path_, question: dict[str, Any], goals: set[str]) -> Iterator[Mistake]:
    """An outcome column's ``shows`` names goals, and only an outcomes matrix has them."""
    columns = question.get("columns")
    if not isinstance(columns, list):
        return
    for index, column in enumerate(columns):
        shows = column.get("shows") if isinstance(column, dict) else None
        if not isinstance(shows, list) or not shows:
            continue
        where = (*path, "columns", index, "shows")
        if question.get("role") != "outcomes":
            yield where, "only the columns of a matrix with role: outcomes can show goals"
        for goal_id in shows:
            if goal_id not in goals:
                yield where, f"unknown goal '{goal_id}'{_known(goals)}"


def _check_role(path: Path_, question: dict[str, Any], roles: dict[str, str]) -> Iterator[Mistake]:
    """A role marks the one answer scoring reads, so it needs the right options and is unique.

    Only allocations and choice matrices have roles; on other types ``role`` is an unknown
    key, which the shape check reports.
    """
    role, kind = question.get("role"), question.get("type")
    if not isinstance(role, str) or kind not in ("allocation", "choice_matrix"):
        return
    if role in roles:
        yield (*path, "role"), f"role '{role}' is already given to question '{roles[role]}'"
    roles[role] = str(question.get("id"))
    wanted = ROLE_SOURCES.get(role)
    of = question.get("of")
    if kind == "allocation" and wanted and of != wanted and (of is None or of in SOURCES):
        yield (*path, "role"), f"a question with role '{role}' must use 'of: {wanted}'"
    if kind == "choice_matrix" and role in ("motive", "outcomes"):
        if question.get("rows") != "channels":
            yield (*path, "role"), f"a question with role '{role}' must use 'rows: channels'"
        if role == "motive" and not _has_column(question, ("want", "should")):
            yield (*path, "role"), "role 'motive' needs columns with ids 'want' and 'should'"


def _check_rows_used_in(
    path: Path_, question: dict[str, Any], earlier: dict[str, dict[str, Any]], later: set[str]
) -> Iterator[Mistake]:
    used_in, rows = question.get("only_rows_used_in"), question.get("rows")
    if not isinstance(used_in, str):
        return
    where = (*path, "only_rows_used_in")
    target = earlier.get(used_in)
    if isinstance(rows, list):
        yield where, "only_rows_used_in needs 'rows: goals' or 'rows: channels', not a list"
    elif target is None:
        yield where, _unknown_question(used_in, later)
    elif rows in SOURCES and (target.get("type") != "allocation" or target.get("of") != rows):
        yield where, f"'{used_in}' must be an allocation with 'of: {rows}', like these rows"


def _has_column(question: dict[str, Any], ids: tuple[str, ...]) -> bool:
    columns = question.get("columns")
    present = (
        {c.get("id") for c in columns if isinstance(c, dict) and isinstance(c.get("id"), str)}
        if isinstance(columns, list)
        else set()
    )
    return all(i in present for i in ids)


def _unknown_question(name: str, later: set[str]) -> str:
    if name in later:
        return f"'{name}' is asked later; a condition can only look at earlier questions"
    return f"unknown question '{name}'"


def _option_ids(question: dict[str, Any], sources: dict[str, set[str]]) -> set[str] | None:
    """The ids a choice question's answer is made of, or ``None`` for other questions."""
    if question.get("type") not in ("single_choice", "multiple_choice", "ranking", "poll"):
        return None
    options, source = question.get("options"), question.get("of")
    if isinstance(options, list):
        return {str(o.get("id")) for o in options if isinstance(o, dict)}
    if isinstance(source, str) and source in sources:
        return sources[source]
    return None


def _check_conditions(
    path: Path_,
    question: dict[str, Any],
    earlier: dict[str, dict[str, Any]],
    later: set[str],
    sources: dict[str, set[str]],
) -> Iterator[Mistake]:
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
        if target is not None:
            yield from _check_test(where, condition, target, sources)


def _check_test(
    where: Path_, condition: dict[str, Any], target: dict[str, Any], sources: dict[str, set[str]]
) -> Iterator[Mistake]:
    """A condition's test must suit the kind of answer the question it looks at gives."""
    name, kind = condition.get("question"), target.get("type")
    for test in ("greater_than", "less_than"):
        if test in condition and kind not in NUMBER_ANSWERS:
            yield where, f"'{test}' compares numbers, but '{name}' is a {kind} question"
    if "includes" in condition and kind not in LIST_ANSWERS:
        yield where, f"'includes' tests a multiple_choice answer; '{name}' is {kind}: use 'equals'"
    for test in ("equals", "in"):
        if test in condition and kind in LIST_ANSWERS:
            yield where, f"'{name}' is {kind}, so its answer is a list: use 'includes'"
    ids = _option_ids(target, sources)
    if ids is None:
        return
    tested = [condition[k] for k in ("equals", "not_equals", "includes") if k in condition]
    tested += condition["in"] if isinstance(condition.get("in"), list) else []
    for value in tested:
        if isinstance(value, str | int | float) and value not in ids:  # others: shape errors
            yield (
                where,
                f"'{value}' is not an option of '{name}' (options: {', '.join(sorted(ids))})",
            )


def _check_insights(
    raw: dict[str, Any], goals: set[str], channels: set[str], questions: set[str]
) -> Iterator[Mistake]:
    names = rules.Names(frozenset(goals), frozenset(channels), frozenset(questions))
    for index, insight in _items(raw, "insights"):
        when, say = insight.get("when"), insight.get("say")
        if not isinstance(when, str) or not isinstance(say, str):
            continue
        audience = insight.get("audience", "person")
        for key, message in rules.problems(when, say, names, str(audience)):
            yield ("insights", index, key), message
