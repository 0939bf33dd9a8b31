"""Moving through the questionnaire: one screen per YAML page, Back/Next, progress, review.

The current page is part of the saved round, so a resume link returns the person to
where they were. Next checks the page first (required answers, allocations that must add
up) and shows the problems inline instead of moving on, with keyboard focus on the first
(``ui/focus.py``). In a facilitator-paced workshop only the open pages are shown
(``workshop_pace``): Next from the last open page leads to the waiting screen, and the results
wait on the review page until the facilitator ends.
"""

from __future__ import annotations

import streamlit as st

from netclarity import answers as answer_rules
from netclarity.questionnaire import Page, Questionnaire
from netclarity.ui import checkin, context, focus, resume, safe_text, saving, widgets, workshop_pace

QUESTIONS_PAGE = "pages/questions.py"
REVIEW_PAGE = "pages/review.py"
RESULTS_PAGE = "pages/results.py"
WELCOME_PAGE = "pages/welcome.py"


def page_index(questionnaire: Questionnaire) -> int:
    ids = [p.id for p in questionnaire.pages]
    current = st.session_state.get("page")
    return ids.index(current) if current in ids else 0


def go_to(page: Page) -> None:
    st.session_state.pop("show_errors", None)
    focus.moved()
    saving.set_page(page.id)


def _accept_default_rankings(questionnaire: Questionnaire, page: Page) -> None:
    """A ranking left untouched means the person accepts the order shown."""
    session = context.current()
    if session is None:
        return
    for question_id, value in answer_rules.accepted_as_shown(
        questionnaire, page, session.answers
    ).items():
        saving.save(question_id, value)


def questions_screen(session: context.Session) -> None:
    """The current questionnaire page with progress and navigation."""
    questionnaire, answers, texts = (
        session.questionnaire,
        session.answers,
        session.questionnaire.texts,
    )
    index = page_index(questionnaire)
    if index >= workshop_pace.open_pages(session):
        workshop_pace.waiting_screen(session, results=False)
        return
    page = questionnaire.pages[index]
    total = len(questionnaire.pages)
    # the bar shows the pages behind the person: full only once the review is reached
    st.progress(index / total, text=texts.progress.format(page=index + 1, pages=total))
    st.title(page.title)
    if page.intro:
        st.markdown(page.intro)
    saving.notice()
    checkin.prefilled_notice(session, [q.id for q in page.questions])

    check = bool(st.session_state.get("show_errors"))
    for question in page.questions:
        # Visibility is decided question by question: an answer given above on this page
        # (saved while drawing it) can reveal the next question in the same run.
        if answer_rules.is_visible(question, answers):
            widgets.render(questionnaire, question, answers, check=check)
    if check and answer_rules.page_problems(questionnaire, page, answers):
        st.error(texts.fix_before_next, icon=":material/error:")

    back, _, forward = st.columns([1, 1, 1])
    if index > 0 and back.button(
        texts.back, key="nav_back", width="stretch", icon=":material/arrow_back:"
    ):
        go_to(questionnaire.pages[index - 1])
        st.rerun()
    last = index == total - 1
    label = texts.review if last else texts.next
    if forward.button(
        label, key="nav_next", type="primary", width="stretch", icon=":material/arrow_forward:"
    ):
        _accept_default_rankings(questionnaire, page)
        if answer_rules.page_problems(questionnaire, page, answers):
            st.session_state["show_errors"] = True
            focus.moved(to_problem=True)
            st.rerun()
        following = page if last else questionnaire.pages[index + 1]
        st.session_state.pop("show_errors", None)
        focus.moved()
        saving.move_on(following.id, index + 1)
        if last:
            st.switch_page(REVIEW_PAGE)
        st.rerun()
    resume.resume_box(session)
    focus.place()


def review_screen(session: context.Session) -> None:
    """Every answer, page by page, with a way to jump back and edit."""
    questionnaire, texts = session.questionnaire, session.questionnaire.texts
    answers = session.answers
    if workshop_pace.open_pages(session) < len(questionnaire.pages):
        st.switch_page(QUESTIONS_PAGE)  # some pages are not open yet: nothing to review
    held = workshop_pace.results_held(session)
    if held:  # the waiting screen is the page's title; the answers below stay to change
        workshop_pace.waiting_screen(session, results=True)
    else:
        if workshop_pace.released(session) and _complete(session):
            # the facilitator has ended: their results open by themselves
            workshop_pace.open_results(RESULTS_PAGE, texts.see_results)
        st.title(texts.review_title)
    st.markdown(texts.review_intro)
    saving.notice()
    incomplete = False
    for page in questionnaire.pages:
        problems = answer_rules.page_problems(questionnaire, page, answers)
        incomplete |= bool(problems)
        with st.container(border=True):
            heading, edit = st.columns([4, 1], vertical_alignment="center")
            heading.header(page.title)
            if edit.button(
                texts.edit, key=f"edit:{page.id}", width="stretch", icon=":material/edit:"
            ):
                go_to(page)
                st.switch_page(QUESTIONS_PAGE)
            for question in answer_rules.visible_questions(page, answers):
                st.markdown(f"**{question.label}**")
                lines = answer_rules.display_lines(
                    questionnaire, question, answers.get(question.id)
                )
                safe_text.show("\n".join(lines))
                for message in problems.get(question.id, []):
                    st.error(message, icon=":material/error:")
    if held:
        return
    see = st.button(texts.see_results, type="primary", disabled=incomplete, width="stretch")
    if see and _complete(session):
        st.switch_page(RESULTS_PAGE)


def _complete(session: context.Session) -> bool:
    """Complete the round, unless an answer still needs attention (or the database is out
    of reach, which the page then says): False, and the review stays."""
    questionnaire = session.questionnaire
    if any(
        answer_rules.page_problems(questionnaire, p, session.answers) for p in questionnaire.pages
    ):
        return False
    with saving.unless_unreachable(questionnaire.texts):
        context.store().complete(session.token)
        context.adopt_token(session.token)  # the round now carries its completion time
        return True
    return False
