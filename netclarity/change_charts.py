"""Before and after, in pictures: what changed between a person's previous round and now.

Pure builders like ``netclarity.charts`` (scores in, Altair chart out, words and number
conventions from the questionnaire), with the same finishing, colours and one-list rule:
``change_charts`` is the list the results page and the PDF's "Since last time" both draw.
The previous round is always reddish purple and the current one the dark grey of "you, now"
(``charts.PALETTE``), in every change chart.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt

from netclarity import charts
from netclarity.charts import BEFORE, TEXT, YOU, Measure, Width
from netclarity.questionnaire import Questionnaire
from netclarity.scoring import Scores

THEN = BEFORE
"""The previous round."""
NOW = YOU
"""The current round: the person as they are now, the colour "you" has in every chart."""


def round_names(questionnaire: Questionnaire, before: int, now: int) -> tuple[str, str]:
    """The two rounds as the charts name them ("Round 1", "Round 2")."""
    name = questionnaire.texts.compare_before
    return name.format(n=before), name.format(n=now)


def hours_change_chart(
    questionnaire: Questionnaire,
    before: Scores,
    now: Scores,
    rounds: tuple[int, int],
    *,
    width: Width = "container",
) -> alt.LayerChart:
    """Hours per place in the previous round beside this one, places with most hours first."""
    texts, numbers = questionnaire.texts, questionnaire.texts.numbers
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    rows = [
        (c.id, round(before.channel(c.id).hours, 1), round(c.hours, 1))
        for c in now.channels
        if c.hours > 0 or before.channel(c.id).hours > 0
    ]
    rows.sort(key=lambda row: -max(row[1], row[2]))
    hours = Measure(
        "hours",
        texts.charts.hours_axis,
        ",.1~f",
        lambda v: texts.charts.hours_label.format(hours=numbers.amount(v)),
        floor=1.0,
        headroom=1.25,
    )
    return charts.paired_bars(
        questionnaire,
        [(labels[channel_id], then, hours_now) for channel_id, then, hours_now in rows],
        round_names(questionnaire, *rounds),
        hours,
        category=("channel", texts.compare_where),
        title=texts.checkin.hours_title,
        subtitle=texts.checkin.hours_subtitle.format(before=rounds[0], now=rounds[1]),
        colours=(THEN, NOW),
        width=width,
    )


def goals_change_chart(
    questionnaire: Questionnaire,
    before: Scores,
    now: Scores,
    rounds: tuple[int, int],
    *,
    width: Width = "container",
) -> alt.LayerChart:
    """Per goal, then and now: how well the hours serve it (bars) and how much it is wanted
    (a mark on the same scale), so a gap that closed, or a goal that grew, shows at a glance.

    Goals given points in either round are shown, most wanted now first.
    """
    texts = questionnaire.texts
    labels = {g.id: g.chart_label for g in questionnaire.goals}
    series = round_names(questionnaire, *rounds)
    shown = [g for g in now.goals if g.stated > 0 or before.goal(g.id).stated > 0]
    shown.sort(key=lambda g: (-g.want, -before.goal(g.id).want))
    data: list[dict[str, str | float]] = [
        {
            "goal": labels[g.id],
            "series": name,
            "served": scored.served,
            "want": scored.want,
            "label": texts.numbers.percent(scored.served),
        }
        for g in shown
        for name, scored in ((series[0], before.goal(g.id)), (series[1], g))
    ]
    pairs = [(before.goal(g.id), g) for g in shown]
    top = max(
        [1.0, *(s.want for pair in pairs for s in pair), *(s.served for p in pairs for s in p)]
    )
    base = alt.Chart({"values": data}).encode(
        y=alt.Y("goal:N", sort=[labels[g.id] for g in shown], title=None),
        yOffset=alt.YOffset("series:N", sort=list(series)),
        tooltip=[
            alt.Tooltip("goal:N", title=texts.compare_goal),
            alt.Tooltip("series:N", title=" "),
            alt.Tooltip("served:Q", title=texts.charts.delivered, format=".0%"),
            alt.Tooltip("want:Q", title=texts.charts.stated, format=".0%"),
        ],
    )
    scale = alt.Scale(domain=[0, top * 1.18])
    bars = base.mark_bar().encode(
        x=alt.X(
            "served:Q",
            title=texts.charts.share,
            axis=alt.Axis(format="%", tickCount=5),
            scale=scale,
        ),
        color=alt.Color(
            "series:N",
            scale=alt.Scale(domain=list(series), range=[THEN, NOW]),
            legend=charts.LEGEND,
        ),
    )
    wanted = base.mark_tick(color=TEXT, thickness=2, size=14).encode(x=alt.X("want:Q", scale=scale))
    values = base.mark_text(align="left", dx=3, fontSize=10, color=TEXT).encode(
        x=alt.X("served:Q", scale=scale), text="label:N"
    )
    return charts.finish(
        questionnaire,
        [bars, wanted, values],
        texts.checkin.goals_title,
        texts.checkin.goals_subtitle,
        width,
        len(shown),
    )


def change_charts(
    questionnaire: Questionnaire,
    history: Sequence[tuple[int, Scores]],
    *,
    width: Width = "container",
) -> list[alt.LayerChart]:
    """The before/after charts for ``history`` (round number and scores, oldest first, at
    least two): alignment round by round, then hours and goals of the last two rounds.

    Charts with nothing to compare are left out: alignment needs a score in some round, hours
    some hours in either round, goals some points in either.
    """
    (before_number, before), (now_number, now) = history[-2], history[-1]
    rounds = (before_number, now_number)
    shown: list[alt.LayerChart] = []
    scored = [(number, s.alignment) for number, s in history if s.alignment is not None]
    if scored:
        name = questionnaire.texts.compare_before
        shown.append(
            charts.alignment_over_time(
                questionnaire,
                [(name.format(n=number), value) for number, value in scored],
                width=width,
            )
        )
    if now.total_hours > 0 or before.total_hours > 0:
        shown.append(hours_change_chart(questionnaire, before, now, rounds, width=width))
    if any(g.stated > 0 for g in (*before.goals, *now.goals)):
        shown.append(goals_change_chart(questionnaire, before, now, rounds, width=width))
    return shown
