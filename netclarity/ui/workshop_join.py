"""Joining a workshop: by link or QR code (``?join=CODE``) or by typing the code.

A participant is an ordinary respondent with the workshop's id (``context.begin``), so the
questionnaire, autosave, resume link and results work exactly as for anyone else. A closed
workshop takes no one new. Everything here is worded by the workshop's questionnaire.
"""

from __future__ import annotations

import streamlit as st

from netclarity.questionnaire import Questionnaire, Texts
from netclarity.ui import context, flow, safe_text, shell
from netclarity.ui.workshop_access import JOIN_PARAM, questionnaire_of, workshops
from netclarity.workshop import codes
from netclarity.workshop.store import Workshop


def _questionnaire(workshop: Workshop | None) -> Questionnaire | None:
    """The workshop's questionnaire; before a code is known, the first questionnaire."""
    questionnaire = questionnaire_of(workshop) if workshop is not None else None
    if questionnaire is not None:
        return questionnaire
    loaded = list(context.catalogue().loaded.values())
    return loaded[0].questionnaire if loaded else None


def join_screen() -> None:
    typed = st.query_params.get(JOIN_PARAM, "")
    code = codes.normalise(typed)
    workshop = workshops().find(code) if code else None
    questionnaire = _questionnaire(workshop)
    texts = questionnaire.texts if questionnaire is not None else Texts()
    words = texts.workshop
    if questionnaire is not None and context.current() is None:
        shell.dress(questionnaire, title=words.join_title)
    st.title(words.join_title)
    if workshop is not None and _already_joined(workshop, texts):
        return
    if workshop is not None and workshop.is_open():
        safe_text.show(words.joining.format(title=workshop.title))  # typed by the facilitator
    else:
        st.markdown(words.join_intro)
    said = bool(typed) and not (workshop is not None and workshop.is_open())
    if said:
        _problem(typed, code, workshop, texts)
    linked = workshop is not None and workshop.is_open()
    with st.form("join"):
        entered = (
            workshop.code
            if linked and workshop is not None
            else st.text_input(
                words.code_label,
                value=typed,
                max_chars=20,
                placeholder=words.code_placeholder,
                key="join-code",
            )
        )
        name = st.text_input(words.name_label, max_chars=200, key="join-name")
        st.caption(words.name_help)
        joined = st.form_submit_button(words.join_button, type="primary", width="stretch")
    if joined:
        # the link's code, already said to be unusable above: not said a second time
        _join(entered, name, quiet=said and entered == typed)


def _problem(typed: str, code: str | None, workshop: Workshop | None, texts: Texts) -> None:
    """Say why ``typed`` cannot be joined (a bad code, an unknown or a closed workshop)."""
    words = texts.workshop
    if code is None:
        st.error(words.bad_code.format(length=codes.LENGTH), icon=":material/error:")
    elif workshop is None:
        st.error(words.unknown_code.format(code=code), icon=":material/error:")
    elif not workshop.is_open():
        st.error(words.closed, icon=":material/lock:")


def _join(typed: str, name: str, *, quiet: bool) -> None:
    code = codes.normalise(typed)
    workshop = workshops().find(code) if code else None
    if workshop is None or not workshop.is_open():
        if not quiet:
            shown = _questionnaire(workshop)
            _problem(typed, code, workshop, shown.texts if shown is not None else Texts())
        return
    questionnaire = questionnaire_of(workshop)
    if questionnaire is None:
        shown = _questionnaire(workshop)  # another questionnaire's words, in its language
        texts = shown.texts if shown is not None else Texts()
        st.error(texts.broken_questionnaires, icon=":material/error:")
        return
    context.begin(questionnaire.id, name=name.strip() or None, workshop_id=workshop.id)
    st.switch_page(flow.QUESTIONS_PAGE)


def _already_joined(workshop: Workshop, texts: Texts) -> bool:
    """Someone who joined in this tab and opens the link again continues instead of rejoining."""
    session = context.current()
    if session is None or session.round.workshop_id != workshop.id:
        return False
    st.success(texts.welcome_back, icon=":material/check_circle:")
    if session.round.completed:
        if st.button(texts.workshop.to_results, type="primary", width="stretch"):
            st.switch_page(flow.RESULTS_PAGE)
    elif st.button(texts.resume, type="primary", width="stretch"):
        st.switch_page(flow.QUESTIONS_PAGE)
    return True
