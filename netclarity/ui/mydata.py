"""Own your data: download the answers as JSON, continue from such a file, delete everything.

The JSON is ``netclarity.response.Response`` — the same format ``python -m netclarity score``
and ``report`` read — one document per round, so a download is a complete, portable copy.
An uploaded file is untrusted: it is validated before anything is stored.
"""

from __future__ import annotations

import json
import math

import streamlit as st
from pydantic import ValidationError

from netclarity.loader import Catalogue
from netclarity.questionnaire import Texts
from netclarity.response import (
    ChannelPlan,
    ItemReview,
    Plan,
    PlanGoal,
    PlanReview,
    Response,
    known_answers,
)
from netclarity.store import InvalidValue
from netclarity.ui import context, saving

MAX_UPLOAD_BYTES = 2_000_000


def export_json(token: str) -> str:
    """Every round under the token, oldest first, as one JSON document."""
    rounds = [r.model_dump(mode="json") for r in context.store().export(token)]
    return json.dumps({"rounds": rounds}, ensure_ascii=False, indent=2)


def parse_upload(data: bytes) -> list[Response]:
    """An uploaded export (all rounds) or a single response, validated; raises ValueError.

    The message of the error is shown as Markdown, so it never repeats text from the file:
    a key such as ``![x](http://…)`` would become an image. Places in the file are named by
    the format's own field names, anything else as ``…``.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValueError(
            f"the file is larger than {MAX_UPLOAD_BYTES / 1_000_000:.0f} MB, "
            "the most an answers file can be"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    try:
        document = json.loads(text, parse_int=_whole_number, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("it is nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"it is not JSON ({exc})") from None
    _check_plain(document)
    items = (
        document.get("rounds")
        if isinstance(document, dict) and "rounds" in document
        else [document]
    )
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise ValueError("it holds no answers")
    try:
        return [Response.model_validate(item) for item in items]
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        reason = _reason(first["type"], first["loc"])
        if reason is not None:
            raise ValueError(f"it is not an answers file from this app ({reason})") from None
        where = ".".join(
            str(p) if isinstance(p, int) or p in _FIELDS else "…" for p in first["loc"]
        )
        raise ValueError(f"{where}: {first['msg']}") from None


_NAMES = {
    "format": "format",
    "questionnaire": "questionnaire",
    "version": "version number",
    "round": "round number",
}
_REASONS = {
    "missing": "no {name}",
    "less_than_equal": "{name} too large",
    "greater_than_equal": "{name} too small",
    "int_parsing": "{name} not a whole number",
    "int_type": "{name} not a whole number",
    "int_from_float": "{name} not a whole number",
    "literal_error": "unknown {name}",
    "string_type": "{name} not text",
}


def _reason(kind: str, where: tuple[int | str, ...]) -> str | None:
    """A few words on what is wrong with one of the file's top-level fields, if it is one."""
    field = where[-1] if where else None
    name = _NAMES.get(field) if isinstance(field, str) else None
    template = _REASONS.get(kind)
    if name is None or template is None:
        return None
    return template.format(name=name)


MAX_DEPTH = 16
"""An export nests eight levels at most (rounds, a round, its review, the reviewed plan,
channels, one channel, its decision); anything much deeper is not an export, and could
exhaust recursion further on."""
_FIELDS = frozenset().union(
    *(m.model_fields for m in (Response, Plan, PlanGoal, ChannelPlan, PlanReview, ItemReview))
)


def _whole_number(digits: str) -> int:
    if len(digits) > 30:
        raise ValueError(f"a number has {len(digits):,} digits")
    return int(digits)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _check_plain(document: object) -> None:
    """Refuse nesting deeper than any export and text no page could show (lone surrogates)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError("it is nested too deeply")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in [*value, *value.values()])
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise ValueError("a number is too large")
        elif isinstance(value, str) and not _is_unicode(value):
            raise ValueError("it holds text with an unpaired surrogate, which is not Unicode")


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def known_only(responses: list[Response], catalogue: Catalogue) -> list[Response] | None:
    """Each round with only the answers its questionnaire asks for; None if one is not here."""
    if any(r.questionnaire not in catalogue.loaded for r in responses):
        return None
    return [
        known_answers(r, {q.id for q in catalogue.get(r.questionnaire).questions})
        for r in responses
    ]


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
        responses = parse_upload(upload.getvalue())
    except ValueError as exc:
        st.error(import_failure(texts, exc), icon=":material/error:")
        return
    responses = known_only(responses, context.catalogue())
    if responses is None:
        st.error(texts.import_other_questionnaire, icon=":material/error:")
        return
    with saving.unless_unreachable(texts):
        try:
            token = context.store().import_responses(responses)
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
