"""Own your data: download the answers as JSON, continue from such a file, delete everything.

The JSON is ``netclarity.response.Response`` — the same format ``python -m netclarity score``
and ``report`` read — one document per round, so a download is a complete, portable copy.
An uploaded file is untrusted: it is validated before anything is stored.
"""

from __future__ import annotations

import json

import streamlit as st
from pydantic import ValidationError

from netclarity.questionnaire import Texts
from netclarity.response import Response
from netclarity.store import InvalidValue
from netclarity.ui import context

MAX_UPLOAD_BYTES = 2_000_000


def export_json(token: str) -> str:
    """Every round under the token, oldest first, as one JSON document."""
    rounds = [r.model_dump(mode="json") for r in context.store().export(token)]
    return json.dumps({"rounds": rounds}, ensure_ascii=False, indent=2)


def parse_upload(data: bytes) -> list[Response]:
    """An uploaded export (all rounds) or a single response, validated; raises ValueError."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValueError(f"the file is larger than {MAX_UPLOAD_BYTES:,} bytes")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"it is not JSON ({exc})") from None
    items = (
        document.get("rounds")
        if isinstance(document, dict) and "rounds" in document
        else [document]
    )
    if not isinstance(items, list) or not items:
        raise ValueError("it holds no answers")
    try:
        return [Response.model_validate(item) for item in items]
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{where}: {first['msg']}") from None


def import_box(texts: Texts) -> None:
    """Upload a previously downloaded file and continue from it with a new resume link."""
    upload = st.file_uploader(texts.import_answers, type=["json"], key="import_file")
    if upload is None:
        return
    try:
        responses = parse_upload(upload.getvalue())
    except ValueError as exc:
        st.error(texts.import_failed.format(problem=exc), icon=":material/error:")
        return
    if responses[-1].questionnaire not in context.catalogue().loaded:
        st.error(texts.import_other_questionnaire, icon=":material/error:")
        return
    try:
        token = context.store().import_responses(responses)
    except InvalidValue as exc:
        st.error(texts.import_failed.format(problem=exc), icon=":material/error:")
        return
    context.adopt_token(token)
    st.rerun()


def data_section(session: context.Session) -> None:
    """Download, import and delete, for the person in this tab."""
    texts = session.questionnaire.texts
    with st.expander(texts.your_data, icon=":material/folder_shared:"):
        st.caption(texts.your_data_intro)
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
            context.store().delete(session.token)
            context.forget()
            st.session_state["deleted"] = True
            st.switch_page("pages/welcome.py")
