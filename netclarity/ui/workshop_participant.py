"""A participant's side of a workshop: a closed workshop's notice, and "you and the room".

Closing a workshop stops new answers: ``app.py`` asks ``answers_closed`` before running the
questions or review page, and a participant of a closed workshop sees a notice with the way
to their results instead of the questions, so nothing they type is saved. Their results,
plan and summary stay theirs. Only the workshop round (the first) is closed; a retake months
later is the person's own.

On the results page, ``room_section`` sets the person's stated goals and hours beside the
room's, and shows the room's poll result, from the published snapshot (which holds at least
the privacy threshold's number of finished people and changes only in such steps).
The room is read at most every few seconds per server (``st.cache_data``), so a
room of people finishing at once costs one aggregate, not one each.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import streamlit as st

from netclarity.questionnaire import Poll
from netclarity.ui import context, flow, safe_text
from netclarity.ui.workshop_access import workshop_of, workshops

# app.py imports this module on every start: the room, its charts and scoring (numpy,
# Altair) are imported where used, so the first page shows sooner (bench_cold_start.py).
if TYPE_CHECKING:
    from netclarity import scoring
    from netclarity.workshop.room import Room

ROOM_SECONDS = 5
ANSWER_PAGES = ("questions", "review")


@st.cache_data(ttl=ROOM_SECONDS, show_spinner=False)
def cached_room(
    workshop_id: int, questionnaire_id: str, digest: str, finished: datetime | None
) -> Room | None:
    """The room now, shared by the sessions of this server for a few seconds.

    ``digest`` and ``finished`` (when the person asking finished) are part of the key only:
    an edited questionnaire is read afresh, and so is the room for someone who has just
    finished, who would otherwise be shown a room read moments before, without them ("the
    room's results appear once 3 have finished; so far: 2" to the third). Everyone who
    finished at the same moment, and every rerun of one person's page, still share a read.
    """
    from netclarity.workshop.room import read_room

    del digest, finished
    workshop = workshops().get(workshop_id)
    loaded = context.catalogue().loaded.get(questionnaire_id)
    if workshop is None or loaded is None:
        return None
    return read_room(context.store().database, loaded.questionnaire, workshop)


def answers_closed(url_path: str) -> bool:
    """On a page where answers are given, tell a participant of a closed workshop so.

    Returns True when the page must not run.
    """
    session = context.current()
    if url_path not in ANSWER_PAGES or session is None:
        return False
    workshop = workshop_of(session)
    if workshop is None or workshop.is_open():
        return False
    texts = session.questionnaire.texts
    st.title(session.questionnaire.title)
    st.warning(texts.workshop.closed_answers, icon=":material/lock:")
    if st.button(texts.workshop.to_results, type="primary", width="stretch"):
        st.switch_page(flow.RESULTS_PAGE)
    return True


def room_section(session: context.Session, scores: scoring.Scores) -> None:
    """The person beside the room, for a participant with results; nothing for anyone else."""
    from netclarity.ui.chart_view import show_chart
    from netclarity.workshop import charts as room_charts

    workshop = workshop_of(session)
    if workshop is None:
        return
    room = cached_room(
        workshop.id, session.questionnaire.id, session.digest, session.round.completed_at
    )
    if room is None:
        return
    questionnaire = session.questionnaire
    words, numbers = questionnaire.texts.workshop, questionnaire.texts.numbers
    st.header(words.room_title)
    if not room.visible:
        st.info(
            words.room_waiting.format(
                threshold=numbers.count(room.threshold), completed=numbers.count(room.completed)
            ),
            icon=":material/groups:",
        )
    else:
        safe_text.show(
            words.room_intro.format(count=numbers.count(room.published), title=workshop.title)
        )
        median = room.median_alignment
        if scores.alignment is not None and median is not None:
            st.markdown(
                words.alignment.format(
                    you=numbers.format_number(scores.alignment, ".0f"),
                    room=numbers.format_number(median, ".0f"),
                )
            )
        if "goals" in scores.known and room.scored:
            show_chart(room_charts.me_goals_chart(questionnaire, room, scores))
        if "mix" in scores.known and room.scored:
            show_chart(room_charts.me_hours_chart(questionnaire, room, scores))
    for question in questionnaire.questions:
        mine = session.answers.get(question.id)
        if isinstance(question, Poll) and isinstance(mine, str):
            _poll(session, room, question, mine)


def _poll(session: context.Session, room: Room, question: Poll, mine: str) -> None:
    """The room's answers to a poll the person answered, theirs picked out."""
    from netclarity.ui.chart_view import show_chart
    from netclarity.workshop import charts as room_charts

    words, count = session.questionnaire.texts.workshop, session.questionnaire.texts.numbers.count
    if not room.poll_visible(question.id):
        st.info(words.poll_waiting.format(threshold=count(room.threshold)), icon=":material/poll:")
        return
    labels = {o.id: o.label for o in session.questionnaire.choices(question)}
    subtitle = words.poll_subtitle.format(
        count=count(room.polls[question.id].total), answer=labels.get(mine, mine)
    )
    show_chart(
        room_charts.poll_chart(
            session.questionnaire, room, question, subtitle=subtitle, axis=words.people, mine=mine
        )
    )
