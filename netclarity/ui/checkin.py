"""The check-in: start the next round, review the previous plan, see what changed, remind me.

A new round starts from the previous plan (``Store.new_round`` copies it and opens a review
of it). This module draws the review screen, the "Since last time" part of the results, the
calendar reminders, and the way back in: the check-in link (the resume link with
``checkin=1``), which the welcome page answers with a "Start my check-in" button. The words
and the judgement live in ``netclarity.checkin``; here they are only laid out.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from netclarity import answers as answer_rules
from netclarity import checkin as follow
from netclarity.response import Outcome, Plan, PlanReview, Response
from netclarity.ui import context, flow, resume, safe_text, saving

if TYPE_CHECKING:
    from netclarity.store import Round

CHECKIN_PAGE = "pages/checkin.py"
CHECKIN_PARAM = "checkin"


def checkin_url(token: str) -> str:
    """The resume link that opens the check-in (printed in calendar events)."""
    parts = urlsplit(resume.resume_url(token))
    query = urlencode({"resume": token, CHECKIN_PARAM: "1"})
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def start_round(session: context.Session) -> None:
    """The next round: to the review of the previous plan when there was one, else the
    questions."""
    loaded = context.catalogue().loaded[session.questionnaire.id]
    q = loaded.questionnaire
    texts = q.texts
    with saving.unless_unreachable(texts):
        started = context.store().new_round(session.token, q.id, q.version, loaded.digest)
        context.adopt_token(session.token)
        if started.review is not None:
            st.switch_page(CHECKIN_PAGE)
        flow.go_to(q.pages[0])
        st.switch_page(flow.QUESTIONS_PAGE)


def ready(round_: Round) -> bool:
    """A round can be followed by a check-in once finished, or once it has a plan: a plan is
    written on the results page, and a round imported from a file carries no finishing time."""
    return round_.completed or round_.plan != Plan()


def due(session: context.Session) -> None:
    """On the welcome page: a finished round can start its check-in right here."""
    if not ready(session.round):
        return
    texts = session.questionnaire.texts.checkin
    st.info(texts.due, icon=":material/event_repeat:")
    primary = st.query_params.get(CHECKIN_PARAM) == "1"
    if st.button(
        texts.start,
        type="primary" if primary else "secondary",
        width="stretch",
        icon=":material/replay:",
    ):
        start_round(session)


# -- the review of the previous plan -----------------------------------------------------


def _history(session: context.Session) -> list[Round]:
    """Every round of this questionnaire under the token, oldest first ([] if out of reach)."""
    history: list[Round] = []
    with saving.unless_unreachable(session.questionnaire.texts):
        history = context.store().rounds(session.token)
    return [r for r in history if r.questionnaire_id == session.questionnaire.id]


def _save_review(session: context.Session, review: PlanReview) -> None:
    with saving.unless_unreachable(session.questionnaire.texts):
        context.store().save_review(session.token, review)
        st.session_state["round"] = dataclasses.replace(session.round, review=review)


def _commitment(session: context.Session, item: follow.Commitment, review: PlanReview) -> None:
    """One goal or decision of the previous plan, as the person wrote it (plain text)."""
    questionnaire = session.questionnaire
    texts = questionnaire.texts
    if item.kind == "goal":
        goal = review.plan.goals[int(item.key)]
        st.markdown(f"**{texts.checkin.goal.format(n=int(item.key) + 1)}**")
        safe_text.show(goal.what)
        if goal.measure.strip():
            safe_text.show(texts.checkin.measure.format(measure=goal.measure))
        if goal.by.strip():
            from netclarity import reminder  # imported here: see reminders()

            day = reminder.goal_day(goal)
            written = texts.report.format_date(day) if day else goal.by
            safe_text.show(texts.checkin.by.format(by=written))
    else:
        labels = {c.id: c.label for c in questionnaire.channels}
        decision = review.plan.channels[item.key]
        st.markdown(f"**{getattr(texts, decision.decision)}: {labels[item.key]}**")
        if decision.hope.strip():
            safe_text.show(decision.hope)


def review_screen(session: context.Session) -> None:
    """Each commitment of the previous plan marked done, partly, not yet or changed my mind,
    saved as it is given; then on to the questions, from the previous answers if wished."""
    review = session.round.review
    questionnaire = session.questionnaire
    if review is None:
        st.switch_page(flow.QUESTIONS_PAGE)
        return
    texts = questionnaire.texts.checkin
    st.title(texts.review_title)
    st.markdown(texts.review_intro.format(round=review.of_round))
    saving.notice()
    names = {o: getattr(texts, o) for o in follow.OUTCOMES}
    shown = review
    for item in follow.commitments(questionnaire, review):
        # the round in the key: a later round's review never shows this one's marks
        key = f"review-{session.round.number}-{item.kind}-{item.key}"
        with st.container(border=True):
            _commitment(session, item, review)
            if key not in st.session_state:
                st.session_state[key] = item.review.outcome
                st.session_state[f"{key}-note"] = item.review.note
            outcome: Outcome | None = st.segmented_control(
                texts.outcome,
                list(follow.OUTCOMES),
                key=key,
                format_func=names.__getitem__,
            )
            note = st.text_input(texts.note, key=f"{key}-note", max_chars=2000)
        shown = follow.with_outcome(shown, item, outcome, note)
    if shown != review:
        _save_review(session, shown)
    _to_questions(session)


def _to_questions(session: context.Session) -> None:
    """Answer again, starting from the previous round's answers when the person wants to."""
    texts = session.questionnaire.texts.checkin
    previous = [r for r in _history(session) if r.number < session.round.number]
    offer = bool(previous and previous[-1].answers and not session.answers)
    reuse = offer and st.checkbox(
        texts.previous_answers.format(round=previous[-1].number),
        value=True,
        key="checkin-reuse",
        help=texts.previous_answers_help,
    )
    if st.button(
        texts.continue_to_questions,
        type="primary",
        width="stretch",
        icon=":material/arrow_forward:",
    ):
        if reuse:
            # as this version of the questionnaire can hold them (it may have changed since)
            carried = answer_rules.fitted(session.questionnaire, previous[-1].answers)
            with saving.unless_unreachable(session.questionnaire.texts):
                context.store().save_answers(session.token, carried)
                session.answers.update(carried)
        flow.go_to(session.questionnaire.pages[0])
        st.switch_page(flow.QUESTIONS_PAGE)


def prefilled_notice(session: context.Session, page_questions: list[str]) -> None:
    """On a question page: say which answers are the previous round's, kept as given."""
    if session.round.number < 2 or session.round.review is None:
        return
    this = (session.token, session.round.number)
    previous = st.session_state.get("previous-answers")
    if previous is None or previous[0] != this:
        earlier = [r for r in _history(session) if r.number < session.round.number]
        if not earlier:
            return
        previous = (this, earlier[-1].number, earlier[-1].answers)
        st.session_state["previous-answers"] = previous
    _, number, answers = previous
    if any(q in answers and session.answers.get(q) == answers[q] for q in page_questions):
        st.info(
            session.questionnaire.texts.checkin.prefilled.format(round=number),
            icon=":material/history:",
        )


def previous_response(session: context.Session) -> Response | None:
    """The round before this one, for the check-in PDF (None in round 1 or out of reach)."""
    if session.round.number < 2:
        return None
    earlier = [r for r in _history(session) if r.number < session.round.number and r.answers]
    return earlier[-1].response() if earlier else None


# -- since last time, on the results page ------------------------------------------------


def since_last_time(session: context.Session) -> None:
    """The plan's completion, what changed in words, and the before/after charts.

    Scoring and the charts are imported here, not with the module: ``app.py`` and every
    questions page import this module, and numpy and Altair would add most of a second to
    the server's first page (the results page, the only caller, has them already).
    """
    from netclarity import change_charts, scoring
    from netclarity.ui.chart_view import show_chart

    questionnaire, texts = session.questionnaire, session.questionnaire.texts
    history = [r for r in _history(session) if r.answers]
    if len(history) < 2:
        return
    scored = [(r.number, scoring.score(questionnaire, r.answers)) for r in history]
    (before_number, before), (now_number, now) = scored[-2], scored[-1]
    review = session.round.review
    with st.container(border=True):
        st.header(texts.compare_title)
        st.caption(texts.compare_intro.format(now=now_number, before=before_number))
        if review is not None:
            done = follow.completion(questionnaire, review)
            if done.total:
                numbers = texts.numbers
                # a bar rather than a metric: its words wrap on a phone instead of being cut
                st.markdown(f"**{texts.checkin.completion_label}**")
                st.progress(
                    done.done / done.total,
                    text=texts.checkin.completion.format(
                        done=numbers.count(done.done), total=numbers.count(done.total)
                    ),
                )
                st.caption(
                    texts.checkin.completion_detail.format(
                        partly=numbers.count(done.partly),
                        not_yet=numbers.count(done.not_yet),
                        changed=numbers.count(done.changed),
                    )
                )
            if st.button(texts.checkin.back_to_review, icon=":material/checklist:"):
                st.switch_page(CHECKIN_PAGE)
        for sentence in follow.change_sentences(questionnaire, before, now, review):
            safe_text.show_item(sentence)
        for chart in change_charts.change_charts(questionnaire, scored):
            show_chart(chart)


# -- calendar reminders --------------------------------------------------------------------


def _today() -> date:
    """Today where the person is (their browser's time zone; UTC if unknown)."""
    try:
        zone = ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone).date()


def reminders(session: context.Session, plan: Plan) -> None:
    """The check-in as a calendar event on a date the person picks (90 days by default), and
    each plan goal that has a date as its own event.

    The calendar module is imported here, not with this module (which ``app.py`` imports):
    icalendar is a few hundredths of a second of a fresh server's first page, which has no
    calendar; the warm-up imports it after that page.
    """
    from netclarity import reminder

    questionnaire = session.questionnaire
    texts = questionnaire.texts.checkin
    link = checkin_url(session.token)
    with st.container(border=True):
        st.subheader(texts.reminder)
        st.caption(texts.reminder_help)
        today = _today()
        day = st.date_input(
            texts.reminder_date,
            value=reminder.check_in_day(today),
            min_value=today,
            key="checkin-day",
            format="YYYY-MM-DD",
        )
        st.download_button(
            texts.reminder_download,
            data=reminder.check_in_event(questionnaire, day, link),
            file_name=texts.reminder_file.format(id=questionnaire.id),
            mime="text/calendar",
            on_click="ignore",
            icon=":material/event:",
            key="checkin-ics",
        )
        for number, goal in enumerate(plan.goals, start=1):
            event = reminder.goal_event(questionnaire, goal, number, link)
            if event is None:
                continue
            st.download_button(
                texts.reminder_goal_download.format(n=number),
                data=event,
                file_name=texts.reminder_goal_file.format(id=questionnaire.id, n=number),
                mime="text/calendar",
                on_click="ignore",
                icon=":material/flag:",
                key=f"goal-ics-{number}",
            )
