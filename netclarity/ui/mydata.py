"""Own your data: download the answers as JSON, continue from such a file, delete everything.

The JSON is ``{"rounds": [...]}``, one ``netclarity.response.Response`` per round, so a
download is a complete, portable copy; ``python -m netclarity score`` and ``report`` read it
as it is. An uploaded file is untrusted: ``netclarity.response_file`` checks it, as it does
for the commands, before anything is stored.
"""

from __future__ import annotations

import json

import streamlit as st

from netclarity import response_file
from netclarity.loading.loader import Catalogue
from netclarity.questionnaire import Texts
from netclarity.response import Response
from netclarity.response_file import Fitted, ResponseFileError
from netclarity.store import InvalidValue
from netclarity.ui import context, saving


def export_json(token: str) -> str:
    """Every round under the token, oldest first, as one JSON document."""
    rounds = [r.model_dump(mode="json") for r in context.store().export(token)]
    return json.dumps({"rounds": rounds}, ensure_ascii=False, indent=2)


def fitted(responses: list[Response], catalogue: Catalogue) -> list[Fitted] | None:
    """Each round checked against its questionnaire (``response_file.fit``); None if one
    answers a questionnaire that is not here. Raises ``ResponseFileError``."""
    if any(r.questionnaire not in catalogue.loaded for r in responses):
        return None
    return [response_file.fit(r, catalogue.get(r.questionnaire)) for r in responses]


def import_failure(texts: Texts, problem: Exception) -> str:
    """Why a file could not be imported, in the questionnaire's language.

    The problem itself is worded in English (it comes from the checks above and the store);
    a questionnaire that translates ``import_failed`` gets its ``import_problem`` instead.
    """
    english = texts.import_failed == Texts.model_fields["import_failed"].default
    return texts.import_failed.format(problem=problem if english else texts.import_problem)


def import_box(texts: Texts) -> None:
    """Upload a previously downloaded file and continue from it with a new resume link."""
    upload = st.file_uploader(texts.import_answers, type=["json"], key="import_file")
    if upload is None:
        return
    try:
        checked = fitted(response_file.parse(upload.getvalue()), context.catalogue())
    except ResponseFileError as exc:
        st.error(import_failure(texts, exc), icon=":material/error:")
        return
    if checked is None:
        st.error(texts.import_other_questionnaire, icon=":material/error:")
        return
    with saving.unless_unreachable(texts):
        try:
            token = context.store().import_responses([f.response for f in checked])
        except InvalidValue as exc:
            st.error(import_failure(texts, exc), icon=":material/error:")
            return
        context.adopt_token(token)
        st.rerun()


def data_section(session: context.Session) -> None:
    """Download, import and delete, for the person in this tab."""
    texts = session.questionnaire.texts
    with st.expander(texts.your_data, icon=":material/folder_shared:"):
        st.caption(texts.your_data_intro)
        with saving.unless_unreachable(texts):
            st.download_button(
                texts.download_answers,
                data=export_json(session.token),
                file_name=texts.answers_file.format(id=session.questionnaire.id),
                mime="application/json",
                on_click="ignore",
                icon=":material/download:",
            )
        st.divider()
        confirm = st.checkbox(texts.delete_confirm, key="delete_confirm")
        if st.button(texts.delete_everything, disabled=not confirm, icon=":material/delete:"):
            with saving.unless_unreachable(texts):
                context.store().delete(session.token)
                context.forget()
                st.session_state["deleted"] = True
                st.switch_page("pages/welcome.py")
