"""The ten-question page written by hand with plain Streamlit: the interaction baseline.

It draws the same widgets, with the same keys, labels and layout, as the app draws for
``benchmarks/ten_questions.yaml`` — but from literal code, with no questionnaire model, no
answer bookkeeping and no database. What the app costs beyond this is what its
questionnaire-driven rendering and saving every answer cost.
"""

import streamlit as st

GOALS = {"clients": "Win clients", "learning": "Learn something", "community": "Build a community"}
CHANNELS = {"events": "Paid events", "linkedin": "LinkedIn", "coffee": "One-to-one coffees"}
ENJOY = ["Not at all", "A little", "Somewhat", "Quite", "Very much"]
RANKED = {"clients": "Clients", "friends": "Friends", "ideas": "Ideas"}
ROLES = {"freelancer": "Freelancer", "owner": "Small-business owner", "sales": "Sales"}
GIVE = {"introductions": "Introductions", "advice": "Advice", "referrals": "Referrals"}
MOTIVE = {"want": "Want", "should": "Should"}


def amounts(key: str, labels: dict[str, str], upper: float) -> float:
    columns = st.columns(2)
    total = 0.0
    for index, (option, label) in enumerate(labels.items()):
        with columns[index % 2]:
            total += st.number_input(
                label, 0.0, upper, 0.0, 1.0, format="%.0f", key=f"{key}-{option}"
            )
    return total


def move(index: int, step: int) -> None:
    order = st.session_state["order"]
    order[index], order[index + step] = order[index + step], order[index]


st.progress(1.0, text="Page 1 of 1")
st.title("Your networking in ten questions")
st.markdown("Every answer is saved as you give it.")
with st.container(border=True):
    st.radio(
        "**What best describes you?** *(required)*",
        list(ROLES),
        index=None,
        key="q-role",
        format_func=ROLES.__getitem__,
    )
with st.container(border=True):
    st.pills(
        "**What do you offer others?**",
        list(GIVE),
        selection_mode="multi",
        key="q-give",
        format_func=GIVE.__getitem__,
    )
with st.container(border=True):
    st.radio(
        "**How much do you enjoy networking?**",
        list(range(len(ENJOY))),
        index=None,
        key="q-enjoy",
        format_func=ENJOY.__getitem__,
        horizontal=True,
    )
with st.container(border=True):
    st.number_input(
        "**How many connections do you have?** (people)",
        0.0,
        30000.0,
        None,
        1.0,
        format="%.0f",
        key="q-connections",
    )
with st.container(border=True):
    st.slider("**Events per month** (events)", 0.0, 20.0, 0.0, 1.0, "%.0f", key="q-events_month")
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
        st.segmented_control(
            label, list(MOTIVE), key=f"q-motive-{channel}", format_func=MOTIVE.__getitem__
        )
with st.container(border=True):
    st.text_area("**Anything else?**", key="q-notes", max_chars=2000)
_, _, forward = st.columns([1, 1, 1])
forward.button(
    "Review my answers",
    key="nav_next",
    type="primary",
    width="stretch",
    icon=":material/arrow_forward:",
)
