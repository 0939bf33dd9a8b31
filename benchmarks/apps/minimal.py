"""The same journey in plain Streamlit: the baseline of the browser benchmark.

Two pages of plain widgets, as many per page as the app's first two question pages have
(a choice, two text boxes and nine amounts; then twice twelve amounts), a Next button
between them, "Show me my results" opening a page of four simple Altair bar charts, and a
one-page PDF built with fpdf2 when its button is clicked. No questionnaire model, no
database, no scoring: what the app costs beyond this is what it does beyond this.
"""

import altair as alt
import pandas as pd
import streamlit as st

GOALS = [f"Goal {n}" for n in range(1, 10)]
PLACES = [f"Place {n}" for n in range(1, 13)]


def first_page() -> None:
    st.title("What are you networking for?")
    st.radio("Are your goals clear?", ["Yes", "Partly", "No"], index=None, key="clear")
    st.text_input("What decides where you go?", key="decides")
    columns = st.columns(2)
    for index, goal in enumerate(GOALS):
        columns[index % 2].number_input(goal, 0, 100, 0, key=f"goal-{index}")
    st.text_area("What would success look like?", key="success")
    if st.button("Next", type="primary", key="nav_next"):
        st.session_state["page"] = 2
        st.rerun()


def second_page() -> None:
    st.title("Where your time and money go")
    for kind in ("hours", "money"):
        columns = st.columns(2)
        for index, place in enumerate(PLACES):
            columns[index % 2].number_input(f"{place} ({kind})", 0, 200, 0, key=f"{kind}-{index}")
    if st.button("Show me my results", type="primary", key="see_results"):
        st.switch_page(results)


def questions() -> None:
    if st.session_state.get("page", 1) == 1:
        first_page()
    else:
        second_page()


def chart(title: str, labels: list[str]) -> alt.Chart:
    data = pd.DataFrame({"label": labels, "value": range(1, len(labels) + 1)})
    return alt.Chart(data, title=title).mark_bar().encode(x="value:Q", y="label:N")


def summary_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text="Your results")
    pdf.ln(12)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "\n".join(f"{goal}: {n * 10}" for n, goal in enumerate(GOALS)))
    return bytes(pdf.output())


def results_page() -> None:
    st.title("Your results")
    st.altair_chart(chart("Your goals", GOALS), width="stretch")
    st.altair_chart(chart("Your hours", PLACES), width="stretch")
    st.altair_chart(chart("Your money", PLACES), width="stretch")
    st.altair_chart(chart("Your first step", PLACES[:6]), width="stretch")
    st.download_button(
        "Download my summary (PDF)",
        data=summary_pdf,
        file_name="summary.pdf",
        mime="application/pdf",
        on_click="ignore",
        type="primary",
    )


questions_page = st.Page(questions, title="Questions", url_path="questions", default=True)
results = st.Page(results_page, title="Results", url_path="results")
st.navigation([questions_page, results], position="hidden").run()
