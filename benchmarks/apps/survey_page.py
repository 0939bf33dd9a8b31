"""The ten-question page built with the ``streamlit-survey`` package: the peer to compare with.

Only the benchmark environment (``benchmarks/.venv``) has the package: its licence adds the
Commons Clause, so the app must never depend on it. The page draws the same widgets, keys
and layout as ``handwritten_page.py``, each input through the survey object (which keeps
every answer in the session). The package has no ranking input, so the ranking is drawn
with plain buttons, as the hand-written page does; navigation is the package's own.
"""

import streamlit as st
from streamlit_survey import StreamlitSurvey

GOALS = {"clients": "Win clients", "learning": "Learn something", "community": "Build a community"}
CHANNELS = {"events": "Paid events", "linkedin": "LinkedIn", "coffee": "One-to-one coffees"}
ENJOY = ["Not at all", "A little", "Somewhat", "Quite", "Very much"]
RANKED = {"clients": "Clients", "friends": "Friends", "ideas": "Ideas"}
ROLES = {"freelancer": "Freelancer", "owner": "Small-business owner", "sales": "Sales"}
GIVE = {"introductions": "Introductions", "advice": "Advice", "referrals": "Referrals"}
MOTIVE = {"want": "Want", "should": "Should"}

survey = StreamlitSurvey("ten_questions")


def amounts(key: str, labels: dict[str, str], upper: float) -> float:
    columns = st.columns(2)
    total = 0.0
    for index, (option, label) in enumerate(labels.items()):
        with columns[index % 2]:
            total += survey.number_input(
                label,
                id=f"{key}-{option}",
                min_value=0.0,
                max_value=upper,
                value=0.0,
                step=1.0,
                format="%.0f",
                key=f"{key}-{option}",
            )
    return total


def move(index: int, step: int) -> None:
    order = st.session_state["order"]
    order[index], order[index + step] = order[index + step], order[index]


st.progress(1.0, text="Page 1 of 1")
st.title("Your networking in ten questions")
st.markdown("Every answer is saved as you give it.")
with survey.pages(1, on_submit=lambda: None):
    with st.container(border=True):
        survey.radio(
            "**What best describes you?** *(required)*",
            id="role",
            options=list(ROLES),
            index=None,
            key="q-role",
            format_func=ROLES.__getitem__,
        )
    with st.container(border=True):
        survey.pills(
            "**What do you offer others?**",
            id="give",
            options=list(GIVE),
            selection_mode="multi",
            key="q-give",
            format_func=GIVE.__getitem__,
        )
    with st.container(border=True):
        survey.radio(
            "**How much do you enjoy networking?**",
            id="enjoy",
            options=list(range(len(ENJOY))),
            index=None,
            key="q-enjoy",
            format_func=ENJOY.__getitem__,
            horizontal=True,
        )
    with st.container(border=True):
        survey.number_input(
            "**How many connections do you have?** (people)",
            id="connections",
            min_value=0.0,
            max_value=30000.0,
            value=None,
            step=1.0,
            format="%.0f",
            key="q-connections",
        )
    with st.container(border=True):
        survey.slider(
            "**Events per month** (events)",
            id="events_month",
            min_value=0.0,
            max_value=20.0,
            value=0.0,
            step=1.0,
            format="%.0f",
            key="q-events_month",
        )
    with st.container(border=True):
        st.markdown("**Share 100 points between your goals**")
        shared = amounts("q-goal_weights", GOALS, 100.0)
        if shared < 100:
            st.info(f"{100 - shared:g} points left to share out")
        elif shared > 100:
            st.error(f"{shared - 100:g} points too many: take some away")
        else:
            st.success("All 100 points shared out")
    with st.container(border=True):
        st.markdown("**Hours per month on each**")
        st.caption(f"Total: {amounts('q-hours', CHANNELS, 1000.0):g} hours")
    with st.container(border=True):
        st.markdown("**Rank what you want most**")
        st.caption("Use the arrows to put the most important first.")
        order = st.session_state.setdefault("order", list(RANKED))
        for index, option in enumerate(order):
            text, up, down = st.columns([8, 1, 1], vertical_alignment="center")
            text.markdown(f"{index + 1}. {RANKED[option]}")
            up.button(
                ":material/arrow_upward:",
                key=f"q-priorities-up-{option}",
                help="Move up",
                disabled=index == 0,
                on_click=move,
                args=(index, -1),
            )
            down.button(
                ":material/arrow_downward:",
                key=f"q-priorities-down-{option}",
                help="Move down",
                disabled=index == len(order) - 1,
                on_click=move,
                args=(index, 1),
            )
    with st.container(border=True):
        st.markdown("**Do you go because you want to, or because you should?**")
        for channel, label in CHANNELS.items():
            survey.segmented_control(
                label,
                id=f"motive-{channel}",
                options=list(MOTIVE),
                key=f"q-motive-{channel}",
                format_func=MOTIVE.__getitem__,
            )
    with st.container(border=True):
        survey.text_area("**Anything else?**", id="notes", key="q-notes", max_chars=2000)
