"""One Streamlit widget per question type, all driven by the questionnaire.

Each widget is seeded from the saved answer the first time it is drawn on a page (Streamlit
drops a widget's state when it is not drawn, so coming back to a page re-seeds it). The
saved answers have been fitted to this version of the questionnaire (``answers.fitted``),
so every value a widget is seeded with is one it can show. Saving
does not rely on ``on_change`` callbacks: when a person types quickly, Streamlit merges
reruns and a callback can be skipped, which would lose an answer. Instead every renderer
returns the answer its widgets show *now*, and ``render`` saves it whenever it differs from
what is stored — so whatever the screen shows is what the database holds after each run.

All wording comes from the questionnaire, so a German file shows no English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from netclarity import answers as answer_rules
from netclarity.question_types import allocation as allocation_type
from netclarity.question_types import choice_matrix as choice_matrix_type
from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    Likert,
    MultipleChoice,
    NumberQuestion,
    Question,
    Questionnaire,
    Ranking,
    TextQuestion,
)
from netclarity.ui import saving

Renderer = Callable[[Questionnaire, Any, dict[str, Any]], Any]


def _key(question_id: str, part: str = "") -> str:
    """Widget keys double as CSS classes (``st-key-q-hours-blog``), so they avoid ``:``."""
    return f"q-{question_id}-{part}" if part else f"q-{question_id}"


def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _heading(questionnaire: Questionnaire, question: Question, suffix: str = "") -> str:
    """Show the question in bold above its widget; return the plain label for the widget.

    The widget gets the plain text with its own label hidden: a screen reader announces
    the widget by that label, and would read Markdown's asterisks out loud. The help text
    is shown under the question rather than behind a "?": on a phone a tooltip is hard to
    open, and each "?" would be a tiny extra tab stop named only "Help".
    """
    mark = f" *{questionnaire.texts.required_mark}*" if question.required else ""
    st.markdown(f"**{question.label}{suffix}**{mark}")
    if question.help:
        st.caption(question.help)
    return f"{question.label}{suffix}"


HIDDEN: dict[str, Any] = {"label_visibility": "collapsed"}


def _number_format(step: float) -> str:
    """Amounts as a person writes them: ``30`` not ``30.00``, ``6`` not ``6.0``, ``2.5``."""
    if float(step).is_integer():
        return "%.0f"
    return "%g"


def single_choice(questionnaire: Questionnaire, question: Any, answers: dict[str, Any]) -> Any:
    options = questionnaire.choices(question)
    labels = {o.id: o.label for o in options}
    key = _key(question.id)
    _seed(key, answers.get(question.id))
    return st.radio(
        _heading(questionnaire, question),
        list(labels),
        key=key,
        format_func=labels.__getitem__,
        horizontal=getattr(question, "horizontal", False),
        **HIDDEN,
    )


def multiple_choice(
    questionnaire: Questionnaire, question: MultipleChoice, answers: dict[str, Any]
) -> list[str]:
    labels = {o.id: o.label for o in questionnaire.choices(question)}
    key = _key(question.id)
    _seed(key, answers.get(question.id, []))
    chosen = st.pills(
        _heading(questionnaire, question),
        list(labels),
        key=key,
        selection_mode="multi",
        format_func=labels.__getitem__,
        **HIDDEN,
    )
    return [o for o in labels if o in (chosen or [])]  # questionnaire order, not click order


def likert(questionnaire: Questionnaire, question: Likert, answers: dict[str, Any]) -> Any:
    choices: list[int | str] = list(range(len(question.points)))
    if question.not_applicable:
        choices.append("na")
    key = _key(question.id)
    _seed(key, answers.get(question.id))

    def fmt(choice: int | str) -> str:
        if choice == "na":
            return question.not_applicable or ""
        return question.points[int(choice)]

    with st.container(key=f"scale-{question.id}"):  # one row of equal cells (ui/style.py)
        return st.radio(
            _heading(questionnaire, question),
            choices,
            key=key,
            format_func=fmt,
            horizontal=True,
            **HIDDEN,
        )


def number(
    questionnaire: Questionnaire, question: NumberQuestion, answers: dict[str, Any]
) -> float | None:
    key = _key(question.id)
    given = answers.get(question.id)
    saved = None if given is None else float(given)
    label = _heading(questionnaire, question, f" ({question.unit})" if question.unit else "")
    common: dict[str, Any] = {
        "min_value": float(question.min),
        "max_value": float(question.max),
        "step": float(question.step),
        "format": _number_format(question.step),
        "key": key,
        **HIDDEN,
    }
    if question.type == "number":
        _seed(key, saved)
        typed: float | None = st.number_input(label, **common)
        return typed
    # A slider always shows a value; until the person moves it, its resting place at the
    # minimum is not an answer.
    _seed(key, saved if saved is not None else float(question.min))
    value = float(st.slider(label, **common))
    return value if saved is not None or value != question.min else None


def allocation(
    questionnaire: Questionnaire, question: Allocation, answers: dict[str, Any]
) -> dict[str, float]:
    """Amounts per option, two to a row (``render`` adds the running total under them)."""
    options = questionnaire.choices(question)
    saved = answers.get(question.id, {})
    _heading(questionnaire, question)
    upper = allocation_type.most(question)
    values: dict[str, float] = {}
    for index, option in enumerate(options):
        key = _key(question.id, option.id)
        _seed(key, float(saved.get(option.id, 0)))
        if index % 2 == 0:  # a row of two at a time: reading and Tab order follow the file
            row = st.columns(2)
        with row[index % 2]:
            values[option.id] = float(
                st.number_input(
                    option.label,
                    min_value=0.0,
                    max_value=float(upper),
                    step=float(question.step),
                    format=_number_format(question.step),
                    key=key,
                    help=option.help,
                )
                or 0
            )
    return {k: v for k, v in values.items() if v}


def _allocation_counter(
    questionnaire: Questionnaire, question: Allocation, shown: dict[str, float], *, alarm: bool
) -> None:
    """The running total under an allocation, kept in view while typing (``ui/style.py``).

    With a total to share out it is the question's one message: what is left (an error once
    the person has tried to go on), too many, or all shared out.
    """
    texts = questionnaire.texts
    unit = question.unit or texts.allocation_unit
    total = sum(shown.values())

    def number(value: float) -> str:
        return allocation_type.amount_text(questionnaire, question, value)

    with st.container(key=f"total-{question.id}"):
        if question.total is None:
            st.caption(texts.allocation_total.format(total=number(total), unit=unit))
        elif total < question.total:
            left = texts.allocation_left.format(left=number(question.total - total), unit=unit)
            if alarm:
                _problems(question, [left])
            else:
                st.info(left)
        elif total > question.total:
            over = texts.allocation_over.format(over=number(total - question.total), unit=unit)
            _problems(question, [over])
        else:
            st.success(texts.allocation_done.format(total=number(question.total), unit=unit))


def ranking(questionnaire: Questionnaire, question: Ranking, answers: dict[str, Any]) -> Any:
    """Tap arrows to move an option up or down: works on a phone, no dragging."""
    labels = {o.id: o.label for o in questionnaire.choices(question)}
    saved = answers.get(question.id, [])
    order = saved + [o for o in labels if o not in saved]
    _heading(questionnaire, question)
    st.caption(questionnaire.texts.rank_hint)

    def move(index: int, step: int) -> None:
        new = list(order)
        new[index], new[index + step] = new[index + step], new[index]
        saving.save(question.id, new)

    for index, option_id in enumerate(order):
        text, up, down = st.columns([8, 1, 1], vertical_alignment="center")
        text.markdown(f"{index + 1}. {labels[option_id]}")
        up.button(
            ":material/arrow_upward:",
            key=_key(question.id, f"up-{option_id}"),
            help=questionnaire.texts.rank_up,
            disabled=index == 0,
            on_click=move,
            args=(index, -1),
        )
        down.button(
            ":material/arrow_downward:",
            key=_key(question.id, f"down-{option_id}"),
            help=questionnaire.texts.rank_down,
            disabled=index == len(order) - 1,
            on_click=move,
            args=(index, 1),
        )
    return answers.get(question.id)  # an order is an answer once the person has moved something


def choice_matrix(
    questionnaire: Questionnaire, question: ChoiceMatrix, answers: dict[str, Any]
) -> dict[str, str]:
    """One row per option (e.g. channel), one tap-friendly choice per row."""
    rows = {o.id: o.label for o in questionnaire.options_for(question.rows)}
    columns = {c.id: c.label for c in question.columns}
    saved = answers.get(question.id, {})
    _heading(questionnaire, question)
    values: dict[str, str] = {}
    for row_id in choice_matrix_type.row_options(questionnaire, question, answers):
        key = _key(question.id, row_id)
        _seed(key, saved.get(row_id))
        with st.container(key=f"scale-{question.id}-{row_id}"):  # a row of cells (ui/style.py)
            choice = st.radio(
                rows[row_id],
                list(columns),
                key=key,
                format_func=columns.__getitem__,
                horizontal=True,
            )
        if choice is not None:
            values[row_id] = choice
    # Rows hidden because their channel no longer has hours keep their saved choice.
    return {**{r: c for r, c in saved.items() if r not in values and r in rows}, **values}


def text(questionnaire: Questionnaire, question: TextQuestion, answers: dict[str, Any]) -> str:
    """A text box that takes any length; ``render`` says at once when it is over the limit.

    Streamlit's ``max_chars`` is not used: in the browser it silently drops a paste that
    would go over the limit (all of it, not just the excess), and on the server it cuts a
    longer value — one imported from a file, or saved before a coach lowered the limit —
    without a word. Here the whole text stays visible and saved, with the ``too_long``
    message until the person shortens it.

    An example answer is shown as text, not as the box's placeholder: a placeholder longer
    than the box is cut on a phone and disappears at the first letter typed.
    """
    key = _key(question.id)
    saved = answers.get(question.id)
    _seed(key, saved or "")
    widget = st.text_input if question.type == "short_text" else st.text_area
    label = _heading(questionnaire, question)
    if question.above_box:  # above the box: still in view when a phone's keyboard is open
        st.caption(question.above_box)
    value: str = widget(
        label,
        key=key,
        placeholder=question.inside_box,
        **HIDDEN,
    )
    if question.type == "long_text":
        texts = questionnaire.texts
        limit = texts.numbers.count(question.max_length)
        st.caption(texts.text_limit.format(max=limit))
    return value


RENDERERS: dict[str, Renderer] = {
    "single_choice": single_choice,
    "poll": single_choice,
    "multiple_choice": multiple_choice,
    "likert": likert,
    "number": number,
    "slider": number,
    "allocation": allocation,
    "ranking": ranking,
    "choice_matrix": choice_matrix,
    "short_text": text,
    "long_text": text,
}
"""By the ``type`` written in the YAML (every type in ``QUESTION_TYPES`` has a widget)."""


def render(
    questionnaire: Questionnaire, question: Question, answers: dict[str, Any], *, check: bool
) -> None:
    """Draw a question, save what it shows if that changed, and (``check``) its problems.

    The question's box and its messages are keyed (``question-…``, ``problem-…``): after Next
    focus moves to the first question with a message (``ui/focus.py``).
    """
    with st.container(border=True, key=f"question-{question.id}"):
        shown = RENDERERS[question.type](questionnaire, question, answers)
        if isinstance(question, Allocation):
            _allocation_counter(questionnaire, question, shown, alarm=check)
        stored = answers.get(question.id)
        zero_given = stored is None and allocation_type.accepts_zero(question)
        if shown != stored and (
            answer_rules.is_answered(shown) or answer_rules.is_answered(stored) or zero_given
        ):
            saving.save(question.id, shown)
        if (check or _over_limit(question, shown)) and not _counts_itself(question):
            _problems(question, answer_rules.problems(questionnaire, question, answers))


def _problems(question: Question, messages: list[str]) -> None:
    """A question's messages, in the container focus looks for after Next."""
    if messages:
        with st.container(key=f"problem-{question.id}"):
            for message in messages:
                st.error(message, icon=":material/error:")


def _counts_itself(question: Question) -> bool:
    """Points to share out: the live counter under the widget already says what is left or
    too many, so the same problem is not said a second time."""
    return isinstance(question, Allocation) and question.total is not None


def _over_limit(question: Question, shown: Any) -> bool:
    """Text over its limit is pointed out at once, not only when the person presses Next."""
    return (
        isinstance(question, TextQuestion)
        and isinstance(shown, str)
        and len(shown) > question.max_length
    )
