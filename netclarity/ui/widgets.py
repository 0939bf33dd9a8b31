"""One Streamlit widget per question type, all driven by the questionnaire.

Each widget is seeded from the saved answer the first time it is drawn on a page (Streamlit
drops a widget's state when it is not drawn, so coming back to a page re-seeds it), and
saves on every change through ``saving.save`` — the database, not the widget, holds the
answer. All wording comes from the questionnaire, so a German file shows no English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from netclarity import answers as answer_rules
from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    Likert,
    MultipleChoice,
    NumberQuestion,
    Poll,
    Question,
    Questionnaire,
    Ranking,
    SingleChoice,
    TextQuestion,
)
from netclarity.ui import saving

Renderer = Callable[[Questionnaire, Any, dict[str, Any]], None]


def _key(question_id: str, part: str = "") -> str:
    return f"q:{question_id}:{part}" if part else f"q:{question_id}"


def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def _label(questionnaire: Questionnaire, question: Question) -> str:
    mark = f" *{questionnaire.texts.required_mark}*" if question.required else ""
    return f"**{question.label}**{mark}"


def _saver(
    question_id: str, key: str, convert: Callable[[Any], Any] = lambda v: v
) -> Callable[[], None]:
    def on_change() -> None:
        saving.save(question_id, convert(st.session_state[key]))

    return on_change


def single_choice(questionnaire: Questionnaire, question: Any, answers: dict[str, Any]) -> None:
    options = questionnaire.choices(question)
    ids = [o.id for o in options]
    labels = {o.id: o.label for o in options}
    key = _key(question.id)
    saved = answers.get(question.id)
    _seed(key, saved if saved in ids else None)
    st.radio(
        _label(questionnaire, question),
        ids,
        key=key,
        format_func=labels.__getitem__,
        help=question.help,
        horizontal=getattr(question, "horizontal", False),
        on_change=_saver(question.id, key),
    )


def multiple_choice(
    questionnaire: Questionnaire, question: MultipleChoice, answers: dict[str, Any]
) -> None:
    options = questionnaire.choices(question)
    labels = {o.id: o.label for o in options}
    key = _key(question.id)
    saved = answers.get(question.id) or []
    _seed(key, [v for v in saved if v in labels])
    st.pills(
        _label(questionnaire, question),
        list(labels),
        key=key,
        selection_mode="multi",
        format_func=labels.__getitem__,
        help=question.help,
        on_change=_saver(question.id, key, lambda v: [o for o in labels if o in (v or [])]),
    )


def likert(questionnaire: Questionnaire, question: Likert, answers: dict[str, Any]) -> None:
    choices: list[int | str] = list(range(len(question.points)))
    if question.not_applicable:
        choices.append("na")
    key = _key(question.id)
    saved = answers.get(question.id)
    _seed(key, saved if saved in choices else None)

    def fmt(choice: int | str) -> str:
        if choice == "na":
            return question.not_applicable or ""
        return question.points[int(choice)]

    st.radio(
        _label(questionnaire, question),
        choices,
        key=key,
        format_func=fmt,
        help=question.help,
        horizontal=True,
        on_change=_saver(question.id, key),
    )


def number(questionnaire: Questionnaire, question: NumberQuestion, answers: dict[str, Any]) -> None:
    key = _key(question.id)
    saved = answers.get(question.id)
    label = _label(questionnaire, question) + (f" ({question.unit})" if question.unit else "")
    if question.type == "slider":
        _seed(key, float(saved) if saved is not None else float(question.min))
        st.slider(
            label,
            min_value=float(question.min),
            max_value=float(question.max),
            step=float(question.step),
            key=key,
            help=question.help,
            on_change=_saver(question.id, key),
        )
        return
    _seed(key, float(saved) if saved is not None else None)
    st.number_input(
        label,
        min_value=float(question.min),
        max_value=float(question.max),
        step=float(question.step),
        key=key,
        help=question.help,
        on_change=_saver(question.id, key),
    )


def allocation(questionnaire: Questionnaire, question: Allocation, answers: dict[str, Any]) -> None:
    """Amounts per option; with a ``total``, a live counter of what is left to share out."""
    texts = questionnaire.texts
    options = questionnaire.choices(question)
    saved = answers.get(question.id) or {}
    unit = question.unit or texts.allocation_unit
    st.markdown(_label(questionnaire, question), help=question.help)

    def on_change() -> None:
        values = {o.id: float(st.session_state[_key(question.id, o.id)] or 0) for o in options}
        saving.save(question.id, {k: v for k, v in values.items() if v})

    upper = question.total if question.total is not None else question.max_each
    columns = st.columns(2)
    for index, option in enumerate(options):
        key = _key(question.id, option.id)
        _seed(key, float(saved.get(option.id, 0) or 0))
        with columns[index % 2]:
            st.number_input(
                option.label,
                min_value=0.0,
                max_value=float(upper),
                step=float(question.step),
                key=key,
                help=option.help,
                on_change=on_change,
            )
    total = sum(float(st.session_state[_key(question.id, o.id)] or 0) for o in options)
    if question.total is None:
        st.caption(texts.allocation_total.format(total=f"{total:g}", unit=unit))
    elif total < question.total:
        st.info(texts.allocation_left.format(left=f"{question.total - total:g}", unit=unit))
    elif total > question.total:
        st.error(texts.allocation_over.format(over=f"{total - question.total:g}", unit=unit))
    else:
        st.success(texts.allocation_done.format(total=f"{question.total:g}", unit=unit))


def ranking(questionnaire: Questionnaire, question: Ranking, answers: dict[str, Any]) -> None:
    """Tap arrows to move an option up or down: works on a phone, no dragging."""
    options = questionnaire.choices(question)
    labels = {o.id: o.label for o in options}
    saved = [v for v in (answers.get(question.id) or []) if v in labels]
    order = saved + [o for o in labels if o not in saved]
    st.markdown(_label(questionnaire, question), help=question.help)
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
            key=_key(question.id, f"up:{option_id}"),
            help=questionnaire.texts.rank_up,
            disabled=index == 0,
            on_click=move,
            args=(index, -1),
        )
        down.button(
            ":material/arrow_downward:",
            key=_key(question.id, f"down:{option_id}"),
            help=questionnaire.texts.rank_down,
            disabled=index == len(order) - 1,
            on_click=move,
            args=(index, 1),
        )


def choice_matrix(
    questionnaire: Questionnaire, question: ChoiceMatrix, answers: dict[str, Any]
) -> None:
    """One row per option (e.g. channel), one tap-friendly choice per row."""
    rows = {o.id: o.label for o in questionnaire.options_for(question.rows)}
    columns = {c.id: c.label for c in question.columns}
    shown = answer_rules.row_options(questionnaire, question, answers)
    saved = answers.get(question.id) or {}
    st.markdown(_label(questionnaire, question), help=question.help)

    def on_change() -> None:
        values = {r: st.session_state[_key(question.id, r)] for r in shown}
        saving.save(question.id, {r: v for r, v in values.items() if v})

    for row_id in shown:
        key = _key(question.id, row_id)
        _seed(key, saved.get(row_id))
        st.segmented_control(
            rows[row_id],
            list(columns),
            key=key,
            format_func=columns.__getitem__,
            on_change=on_change,
        )


def text(questionnaire: Questionnaire, question: TextQuestion, answers: dict[str, Any]) -> None:
    key = _key(question.id)
    _seed(key, answers.get(question.id) or "")
    widget = st.text_input if question.type == "short_text" else st.text_area
    widget(
        _label(questionnaire, question),
        key=key,
        max_chars=question.max_length,
        placeholder=question.placeholder,
        help=question.help,
        on_change=_saver(question.id, key),
    )


RENDERERS: dict[type, Renderer] = {
    SingleChoice: single_choice,
    Poll: single_choice,
    MultipleChoice: multiple_choice,
    Likert: likert,
    NumberQuestion: number,
    Allocation: allocation,
    Ranking: ranking,
    ChoiceMatrix: choice_matrix,
    TextQuestion: text,
}


def render(
    questionnaire: Questionnaire, question: Question, answers: dict[str, Any], errors: list[str]
) -> None:
    """Draw a question with its inline problems (shown after a failed Next)."""
    with st.container(border=True):
        RENDERERS[type(question)](questionnaire, question, answers)
        for message in errors:
            st.error(message, icon=":material/error:")
