"""The results screen: alignment, the four charts, the findings, the plan, the summary PDF.

Scores are computed from the saved answers on every run (they are cheap and pure), so the
page always shows what the database holds. The charts are not cheap — building them and
turning them into Vega-Lite specs is most of a run — and the plan editor below them reruns
the page on every change, so their views are kept per questionnaire and answers
(``_chart_views``). Findings can quote what a person typed, so they are shown as plain
text, never as Markdown.
"""

from __future__ import annotations

import streamlit as st

from netclarity import charts, first_step_words, insights, scoring
from netclarity.questionnaire import Questionnaire
from netclarity.ui import (
    checkin,
    context,
    flow,
    mydata,
    plan,
    resume,
    rounds,
    safe_text,
    saving,
    warmup,
    workshop_pace,
    workshop_participant,
)
from netclarity.ui.chart_view import ChartView, show_view, view_of

KEPT_CHART_SETS = 200
"""Chart views kept (a few tens of kB each): the results of this many sets of answers."""


def _missing(session: context.Session, scores: scoring.Scores) -> bool:
    """Tell the person which answers the results still need, and take them there."""
    texts = session.questionnaire.texts
    needed = [r for r in scores.missing if r in scoring.ESSENTIAL]
    if not needed:
        return False
    names = {"goals": texts.missing_goals, "mix": texts.missing_mix}
    st.warning(texts.missing_answers.format(what=", ".join(names[r] for r in needed)))
    question = session.questionnaire.question_with_role(needed[0])
    page = next(p for p in session.questionnaire.pages if question in p.questions)
    if st.button(texts.go_answer, type="primary", icon=":material/edit:"):
        flow.go_to(page)
        st.switch_page(flow.QUESTIONS_PAGE)
    return True


def _score_header(questionnaire: Questionnaire, scores: scoring.Scores) -> None:
    """The alignment, with one sentence that says what the number means."""
    texts = questionnaire.texts
    number, meaning = st.columns([1, 3], vertical_alignment="center")
    if scores.alignment is None:
        number.metric(texts.alignment_label, "–")
        meaning.markdown(texts.alignment_none)
        return
    alignment = round(scores.alignment)
    number.metric(texts.alignment_label, f"{alignment}/100")
    meaning.markdown(texts.alignment_meaning(alignment))


def _first_step(questionnaire: Questionnaire, scores: scoring.Scores) -> None:
    """The suggested first step in words; place names come from the file, shown as text."""
    words = first_step_words.describe(questionnaire, scores)
    if words is None:
        return
    with st.container(border=True):
        st.header(questionnaire.texts.first_step_title)
        safe_text.show(words.intro)
        for item in words.items:
            safe_text.show_item(item)


def _charts(session: context.Session, scores: scoring.Scores) -> None:
    views = _chart_views(session.digest, session.answers_digest, session.questionnaire, scores)
    for view in views:
        show_view(view)


@st.cache_data(max_entries=KEPT_CHART_SETS, show_spinner=False)
def _chart_views(
    questionnaire_digest: str,
    answers_digest: str,
    _questionnaire: Questionnaire,
    _scores: scoring.Scores,
) -> list[ChartView]:
    """The results' charts for one questionnaire (as loaded) and one set of answers.

    The two digests are the cache key: the scores follow from the answers, and the
    questionnaire's digest changes with any edit to its file (texts, fit table).
    """
    del questionnaire_digest, answers_digest  # the cache key only
    return [view_of(chart) for chart in charts.result_charts(_questionnaire, _scores)]


def _findings(questionnaire: Questionnaire, found: list[insights.Finding]) -> None:
    texts = questionnaire.texts
    st.header(texts.findings_title)
    if not found:
        st.info(texts.no_findings)
    for finding in found:
        with st.container(border=True):
            safe_text.show(finding.text)


def results_screen(session: context.Session) -> None:
    questionnaire, texts = session.questionnaire, session.questionnaire.texts
    answers = session.answers
    if not session.round.completed and workshop_pace.results_held(session):
        st.switch_page(flow.REVIEW_PAGE)  # a paced room sees its results together, at the end
    st.title(texts.results_title)
    st.markdown(texts.results_intro)
    saving.notice()
    warmup.settled()  # the charts below must not meet a half-imported pandas
    scores = scoring.score(questionnaire, answers)
    if not _missing(session, scores):
        _score_header(questionnaire, scores)
        _first_step(questionnaire, scores)
        checkin.since_last_time(session)
        _charts(session, scores)
        _findings(questionnaire, insights.findings(questionnaire, scores, answers))
        workshop_participant.room_section(session, scores)
    if st.button(texts.review, icon=":material/edit:", key="results-review"):
        st.switch_page(flow.REVIEW_PAGE)
    plan.plan_editor(session, scores)
    plan.summary_download(session)
    checkin.reminders(session, plan.current_plan())
    rounds.retake(session)
    resume.resume_box(session)
    mydata.data_section(session)
