"""The welcome screen: what this is, how long it takes, which questionnaire, start or resume."""

from __future__ import annotations

import streamlit as st

from netclarity.loading.loader import Catalogue
from netclarity.questionnaire import Texts
from netclarity.ui import checkin, context, flow, mydata, resume, saving, shell, workshop_access


def broken_files(catalogue: Catalogue, texts: Texts) -> None:
    """The questionnaire files that failed to load (the rest still work).

    Their problems are worded in English, for whoever maintains the files: they are listed
    under an English heading; under a translated one, only the files are named.
    """
    if not catalogue.errors:
        return
    english = texts.broken_questionnaires == Texts.model_fields["broken_questionnaires"].default
    with st.expander(texts.broken_questionnaires, icon=":material/warning:"):
        if english:
            lines = [str(e) for e in catalogue.errors]
        else:
            st.markdown(texts.broken_files)
            lines = [e.file for e in catalogue.errors]
        st.code("\n".join(lines), language=None, wrap_lines=True)


def welcome_screen() -> None:
    catalogue = context.catalogue()
    session = context.current()
    if session is not None:
        texts = session.questionnaire.texts
        st.title(session.questionnaire.title)
        st.success(texts.welcome_back, icon=":material/check_circle:")
        checkin.due(session)
        resume.resume_box(session, expanded=True)
        finished = session.round.completed  # a finished person comes back to their results
        if st.button(
            texts.see_results if finished else texts.resume,
            type="primary",
            width="stretch",
            icon=":material/arrow_forward:",
        ):
            st.switch_page(flow.RESULTS_PAGE if finished else flow.QUESTIONS_PAGE)
        if st.button(texts.start_over, width="stretch"):
            context.forget()
            st.rerun()
        st.caption(texts.start_over_note)
        mydata.data_section(session)
        return

    questionnaires = [loaded.questionnaire for loaded in catalogue.loaded.values()]
    texts = questionnaires[0].texts if questionnaires else Texts()
    if st.session_state.pop("deleted", False):
        st.success(texts.deleted, icon=":material/check_circle:")
    if st.session_state.get("unknown_token"):
        st.warning(texts.unknown_link, icon=":material/link_off:")
    if st.session_state.pop("unreachable", False):
        st.warning(texts.database_unreachable, icon=":material/cloud_off:")
    if not questionnaires:
        st.error(texts.broken_questionnaires)
        broken_files(catalogue, texts)
        return
    chosen = questionnaires[0]
    if len(questionnaires) > 1:
        by_id = {q.id: q for q in questionnaires}
        choice = st.radio(
            texts.choose_questionnaire,
            list(by_id),
            format_func=lambda i: by_id[i].title,
            key="choose",
        )
        chosen = by_id[choice or chosen.id]
    texts = chosen.texts
    shell.dress(chosen)
    st.title(chosen.title)
    if chosen.description:
        st.markdown(chosen.description)
    if chosen.minutes:
        st.caption(texts.minutes.format(minutes=chosen.minutes))
    with st.container(border=True):
        st.markdown(f"**{texts.overview}**")
        st.markdown("\n".join(f"{i}. {page.title}" for i, page in enumerate(chosen.pages, 1)))
        st.caption(texts.saved_as_you_go)
        kept = resume.kept_for(texts)
        if kept:
            st.caption(kept)
    if st.button(texts.start, type="primary", width="stretch", icon=":material/arrow_forward:"):
        with saving.unless_unreachable(texts):
            context.begin(chosen.id)
            st.switch_page(flow.QUESTIONS_PAGE)
    with st.expander(texts.import_answers, icon=":material/upload_file:"):
        mydata.import_box(texts)
    st.page_link(
        workshop_access.FACILITATE_PAGE, label=texts.run_workshop, icon=":material/groups:"
    )
    broken_files(catalogue, texts)
