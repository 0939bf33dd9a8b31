"""Process-wide resources and the current person's session, shared by every page.

Streamlit forgets ``st.session_state`` on a browser refresh, so the database is the source of
truth: the resume token in the URL (``?resume=TOKEN``) identifies the respondent, and the
session only mirrors their latest round. ``app.py`` calls ``restore()`` on every run, which
also puts the token back in the URL (a page switch clears the query string).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from netclarity import answers as answer_rules
from netclarity import config
from netclarity.loading.loader import Catalogue, load_directory
from netclarity.questionnaire import Questionnaire
from netclarity.store import StoreUnavailable

# The store (and with it SQLAlchemy) is imported when first opened: a new visitor's welcome
# page reads nothing from it (benchmarks/bench_cold_start.py); the warm-up imports it next.
if TYPE_CHECKING:
    from netclarity.store import Round, Store

TOKEN = "resume_token"  # noqa: S105 - the session-state key, not a secret
FITTED_TO = "answers_fitted_to"
"""The digest of the questionnaire version the session's answers were last fitted to."""


@st.cache_data(ttl=2, show_spinner=False)
def _fingerprint(folder: Path) -> tuple[tuple[str, float, int], ...]:
    """Names, times and sizes of the questionnaire files: a changed file reloads the catalogue.

    Looked at no more than every two seconds: a page asks for the catalogue several times
    per rerun, and listing the folder each time was a measurable part of every interaction.
    """
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return tuple((p.name, p.stat().st_mtime, p.stat().st_size) for p in files)


@st.cache_resource(show_spinner=False)
def _catalogue(folder: str, fingerprint: tuple[tuple[str, float, int], ...]) -> Catalogue:
    del fingerprint  # part of the cache key only
    return load_directory(Path(folder))


def catalogue() -> Catalogue:
    """All questionnaires in ``questions/`` (or ``NETCLARITY_QUESTIONS``), reloaded when edited."""
    folder = _questions_dir()
    return _catalogue(str(folder), _fingerprint(folder))


def _questions_dir() -> Path:
    return config.questions_dir()


def retention_days() -> int | None:
    """The retention period in days; None when none is set, or when the setting is unusable.

    A bad value is the operator's to fix (``doctor`` and ``expire`` report it); a person's
    page then promises nothing rather than failing.
    """
    try:
        return config.retention_days()
    except config.ConfigError:
        return None


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """One store (engine and connection pool) per server process."""
    from netclarity.store import Store

    return Store.open()


@dataclass(frozen=True)
class Session:
    """The person in this browser tab: their token, their latest round and its questionnaire."""

    token: str
    round: Round
    questionnaire: Questionnaire
    digest: str

    @property
    def answers(self) -> dict[str, Any]:
        answers: dict[str, Any] = st.session_state.setdefault("answers", {})
        return answers

    @property
    def answers_digest(self) -> str:
        """A short stable name for the answers as they are now: what the results' charts
        are kept under (the same answers in any order give the same name)."""
        text = json.dumps(self.answers, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()


def restore() -> None:
    """Reconnect this tab to its respondent from the URL, and keep the token in the URL."""
    token = st.query_params.get("resume") or st.session_state.get(TOKEN)
    if token and token != st.session_state.get(TOKEN):
        try:
            round_ = store().load(token)
        except StoreUnavailable:
            # Not "unknown": the link stays in the URL and the next run or a reload tries again.
            st.session_state["unreachable"] = True
            return
        if round_ is None:
            st.session_state["unknown_token"] = True
            st.query_params.pop("resume", None)
            return
        _adopt(token, round_)
    if st.session_state.get(TOKEN):
        st.query_params["resume"] = st.session_state[TOKEN]


def _adopt(token: str, round_: Round) -> None:
    st.session_state[TOKEN] = token
    st.session_state["round"] = round_
    st.session_state["answers"] = dict(round_.answers)
    st.session_state.pop(FITTED_TO, None)
    st.session_state["plan"] = round_.plan
    st.session_state["page"] = round_.page
    st.session_state.pop("unknown_token", None)
    st.session_state.pop("unreachable", None)


def adopt_token(token: str) -> None:
    """Connect this tab to an existing respondent (e.g. one just imported from a file)."""
    round_ = store().load(token)
    if round_ is not None:
        _adopt(token, round_)
        st.query_params["resume"] = token


def begin(
    questionnaire_id: str, *, name: str | None = None, workshop_id: int | None = None
) -> None:
    """Start a new respondent on a questionnaire and remember them in this tab and the URL."""
    loaded = catalogue().loaded[questionnaire_id]
    q = loaded.questionnaire
    token, round_ = store().start(
        q.id, q.version, loaded.digest, name=name, workshop_id=workshop_id
    )
    _adopt(token, round_)
    st.query_params["resume"] = token


def current() -> Session | None:
    """The respondent in this tab, or None before they start."""
    token = st.session_state.get(TOKEN)
    round_ = st.session_state.get("round")
    if not token or round_ is None:
        return None
    loaded = catalogue().loaded.get(round_.questionnaire_id)
    if loaded is None:
        return None
    if st.session_state.get(FITTED_TO) != loaded.digest:
        # The answers as read back, or the questionnaire edited since: the widgets and
        # everything after them read answers this version can hold (``answers.fitted``).
        given = st.session_state.get("answers", {})
        st.session_state["answers"] = answer_rules.fitted(loaded.questionnaire, given)
        st.session_state[FITTED_TO] = loaded.digest
    return Session(token, round_, loaded.questionnaire, loaded.digest)


def forget() -> None:
    """Disconnect this tab (after deleting data, or to start afresh)."""
    for key in (TOKEN, "round", "answers", FITTED_TO, "plan", "page", "pending", "show_errors"):
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if str(k).startswith(("q-", "review-"))]:
        del st.session_state[key]  # widget values of the person who left
    st.query_params.pop("resume", None)
