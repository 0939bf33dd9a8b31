"""The room's charts: the same look as a person's results (``netclarity.charts``), room data.

Three shapes cover every room chart: two bars per row (the room's stated goals against
what its time delivers; a participant against the room), one bar per row with its count
(poll answers, obligations, unserved goals, how far people have got), and the spread of
alignment scores in bands of ten. Participants see the "you and the room" and poll charts,
whose words come from the questionnaire (``texts.workshop``, ``texts.charts``); the other
charts are the facilitator's and use the English below.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import altair as alt

from netclarity import charts
from netclarity.charts import COUNT_FORMAT, ROOM, ROW, SERVED, TEXT, WANT, YOU, Width, finish
from netclarity.question_types.base import RoomSummary
from netclarity.questionnaire import Poll, Questionnaire, Ranking
from netclarity.scoring import Scores
from netclarity.workshop.room import Room

# The facilitator's words (their screens and the group PDF are in English).
ROOM_GOALS_TITLE = "What the room wants from networking, and how well its hours serve it"
ROOM_GOALS_SUBTITLE = (
    "Averages over the {count} people who finished: how much each goal is wanted (a "
    "person's first goal = 100%) and how well their hours serve it (100% = every hour in "
    "the best place for it). A served bar well short of the wanted bar is a gap."
)
ROOM_WANTS, ROOM_DELIVERS = "How much the room wants it", "How well its hours serve it"
ROOM_HOURS_TITLE = "Where the room's hours go"
ROOM_HOURS_SUBTITLE = "Share of all {hours} hours a month the room gave."
ALIGNMENT_TITLE = "How well time and goals line up, person by person"
ALIGNMENT_SUBTITLE = "Alignment out of 100 in bands of ten. Half the room is at {median} or below."
ALIGNMENT_AXIS, PEOPLE_AXIS = "Alignment (bands of ten)", "People"
OBLIGATIONS_TITLE = "Where people go because they feel they should"
OBLIGATIONS_SUBTITLE = "{count} of {people} people go somewhere out of obligation."
UNSERVED_TITLE = "Top goals that get less time than people want"
UNSERVED_SUBTITLE = "People for whom the goal is a top goal but whose hours serve it little."
PROGRESS_TITLE = "How far everyone has got"
PROGRESS_SUBTITLE = "People on each page or past it; finished people count for every page."
POLL_SUBTITLE = "{count} answers."
SHARE_AXIS = "Share"
LABEL_CHARACTERS, LABEL_LINES = 26, 3
"""Row labels are broken into lines of about this many characters (three at most): a line
that long fits the room ``netclarity.charts`` gives axis labels."""
LINE = 12
"""Pixels a row grows by for each line its label has beyond the first."""
AXIS_LABELS = 180
"""That room, in pixels (``labelLimit``), which the projector version enlarges."""
LINE_BREAK = "\n"
"""Where a row label breaks: Vega splits the label there into lines."""
PROJECTOR_SCALE = 1.6
BANDS = tuple(f"{low}+" for low in range(0, 100, 10))
"""Bands of ten alignment points, named by where they start; 100 is in the top band."""


def paired_bars(
    questionnaire: Questionnaire,
    rows: Sequence[tuple[str, float, float]],
    series: tuple[str, str],
    *,
    title: str,
    subtitle: str,
    axis: str,
    colours: tuple[str, str] = (WANT, SERVED),
    width: Width = "container",
) -> alt.LayerChart:
    """Two shares (0-1) per row, side by side, rows in the order given."""
    return charts.paired_bars(
        questionnaire,
        rows,
        series,
        charts.share_measure(axis, questionnaire.texts.numbers, headroom=1.18),
        category=("row", " "),
        title=title,
        subtitle=subtitle,
        colours=colours,
        width=width,
    )


def counted_bars(
    questionnaire: Questionnaire,
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    subtitle: str,
    axis: str,
    total: int | None = None,
    highlight: str | None = None,
    width: Width = "container",
    written: Callable[[float], str] | None = None,
) -> alt.LayerChart:
    """One bar per row with its count (and share of ``total``); ``highlight`` stands out.

    Long row labels (poll answers, page titles) are broken into lines rather than cut.
    ``written`` writes a bar's value when it is not a count (an average, say); counts are
    written, on the bars, the axis and in the tooltip, in the questionnaire's conventions.
    """
    numbers = questionnaire.texts.numbers
    data = [
        {
            "row": _wrapped(label),
            "count": count,
            "label": written(count)
            if written
            else f"{numbers.count(count)} ({numbers.percent(count / total)})"
            if total
            else numbers.count(count),
            "kind": "highlight" if label == highlight and highlight is not None else "other",
        }
        for label, count in rows
    ]
    base = alt.Chart({"values": data}).encode(
        y=alt.Y(
            "row:N",
            sort=[_wrapped(label) for label, _ in rows],
            title=None,
            axis=alt.Axis(labelExpr="split(datum.label, '\\n')"),
        ),
        x=alt.X(
            "count:Q",
            title=axis,
            axis=alt.Axis(tickMinStep=1, format=COUNT_FORMAT),
            scale=alt.Scale(domain=[0, max([1, *(c for _, c in rows)]) * 1.3]),
        ),
        tooltip=[
            alt.Tooltip("row:N", title=" "),
            alt.Tooltip("count:Q", title=axis, format=COUNT_FORMAT if written is None else ",.1f"),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=["other", "highlight"], range=[ROOM, YOU]),
            legend=None,
        )
    )
    values = base.mark_text(align="left", dx=3, fontSize=10, color=TEXT).encode(text="label:N")
    chart = finish(questionnaire, [bars, values], title, subtitle, width, len(rows))
    extra_lines = max([0, *(_wrapped(label).count(LINE_BREAK) for label, _ in rows)])
    if extra_lines:  # room for labels of several lines
        chart = chart.properties(height=len(rows) * (ROW + LINE * extra_lines) + 10)
    return chart


# --- the facilitator's charts ---------------------------------------------------------------


def room_goals_chart(
    questionnaire: Questionnaire, room: Room, *, width: Width = "container"
) -> alt.LayerChart:
    labels = {g.id: g.chart_label for g in questionnaire.goals}
    ordered = sorted(labels, key=lambda g: (-room.want[g], -room.delivered[g]))
    return paired_bars(
        questionnaire,
        [(labels[g], room.want[g], room.delivered[g]) for g in ordered],
        (ROOM_WANTS, ROOM_DELIVERS),
        title=ROOM_GOALS_TITLE,
        subtitle=ROOM_GOALS_SUBTITLE.format(count=questionnaire.texts.numbers.count(room.scored)),
        axis=SHARE_AXIS,
        width=width,
    )


def room_hours_chart(
    questionnaire: Questionnaire, room: Room, *, width: Width = "container"
) -> alt.LayerChart:
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    used = sorted(
        (c for c in labels if room.hours_share[c] > 0), key=lambda c: -room.hours_share[c]
    )
    numbers = questionnaire.texts.numbers
    data = [
        {
            "row": labels[c],
            "share": room.hours_share[c],
            "label": numbers.percent(room.hours_share[c]),
        }
        for c in used
    ]
    base = alt.Chart({"values": data}).encode(
        y=alt.Y("row:N", sort=[labels[c] for c in used], title=None),
        x=alt.X(
            "share:Q",
            title=SHARE_AXIS,
            axis=alt.Axis(format="%", tickCount=5),
            scale=alt.Scale(domain=[0, max([0.1, *(room.hours_share[c] for c in used)]) * 1.2]),
        ),
        tooltip=[alt.Tooltip("row:N", title=" "), alt.Tooltip("share:Q", format=".0%")],
    )
    layers = [
        base.mark_bar(color=ROOM),
        base.mark_text(align="left", dx=3, fontSize=10, color=TEXT).encode(text="label:N"),
    ]
    subtitle = ROOM_HOURS_SUBTITLE.format(hours=numbers.format_number(room.total_hours, ",.0f"))
    return finish(questionnaire, layers, ROOM_HOURS_TITLE, subtitle, width, len(used))


def alignment_chart(
    questionnaire: Questionnaire, room: Room, *, width: Width = "container"
) -> alt.LayerChart:
    """How many people fall in each band of ten alignment points (100 joins the top band)."""
    numbers = questionnaire.texts.numbers
    counts = [0] * len(BANDS)
    for value in room.alignments:
        counts[min(int(value // 10), len(BANDS) - 1)] += 1
    data: list[dict[str, Any]] = [
        {"band": band, "people": count, "label": numbers.count(count) if count else ""}
        for band, count in zip(BANDS, counts, strict=True)
    ]
    base = alt.Chart({"values": data}).encode(
        x=alt.X("band:N", sort=list(BANDS), title=ALIGNMENT_AXIS, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "people:Q",
            title=PEOPLE_AXIS,
            axis=alt.Axis(tickMinStep=1, format=COUNT_FORMAT),
            scale=alt.Scale(domain=[0, max([1, *counts]) * 1.2]),
        ),
        tooltip=[
            alt.Tooltip("band:N", title=ALIGNMENT_AXIS),
            alt.Tooltip("people:Q", title=PEOPLE_AXIS, format=COUNT_FORMAT),
        ],
    )
    layers = [
        base.mark_bar(color=ROOM),
        base.mark_text(dy=-8, fontSize=10, color=TEXT).encode(text="label:N"),
    ]
    median = room.median_alignment
    subtitle = ALIGNMENT_SUBTITLE.format(
        median="–" if median is None else numbers.format_number(median, ".0f")
    )
    return finish(questionnaire, layers, ALIGNMENT_TITLE, subtitle, width, None)


def obligations_chart(
    questionnaire: Questionnaire, room: Room, *, most: int = 6, width: Width = "container"
) -> alt.LayerChart:
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    numbers = questionnaire.texts.numbers
    return counted_bars(
        questionnaire,
        _most(room.obligations, labels, most),
        title=OBLIGATIONS_TITLE,
        subtitle=OBLIGATIONS_SUBTITLE.format(
            count=numbers.count(room.with_obligation), people=numbers.count(room.motive_count)
        ),
        axis=PEOPLE_AXIS,
        total=room.motive_count,
        width=width,
    )


def unserved_chart(
    questionnaire: Questionnaire, room: Room, *, most: int = 6, width: Width = "container"
) -> alt.LayerChart:
    labels = {g.id: g.chart_label for g in questionnaire.goals}
    return counted_bars(
        questionnaire,
        _most(room.unserved, labels, most),
        title=UNSERVED_TITLE,
        subtitle=UNSERVED_SUBTITLE,
        axis=PEOPLE_AXIS,
        total=room.scored,
        width=width,
    )


def progress_chart(
    questionnaire: Questionnaire, room: Room, *, width: Width = "container"
) -> alt.LayerChart:
    titles = {p.id: f"{i}. {p.title}" for i, p in enumerate(questionnaire.pages, start=1)}
    return counted_bars(
        questionnaire,
        [(titles[page], count) for page, count in room.reached],
        title=PROGRESS_TITLE,
        subtitle=PROGRESS_SUBTITLE,
        axis=PEOPLE_AXIS,
        total=room.joined,
        width=width,
    )


def poll_chart(
    questionnaire: Questionnaire,
    room: Room,
    question: Poll,
    *,
    subtitle: str | None = None,
    axis: str = PEOPLE_AXIS,
    mine: str | None = None,
    width: Width = "container",
) -> alt.LayerChart:
    """A poll's answers, every option in the questionnaire's order; ``mine`` highlighted."""
    result = room.polls[question.id]
    labels = {o.id: o.label for o in questionnaire.choices(question)}
    answers = POLL_SUBTITLE.format(count=questionnaire.texts.numbers.count(result.total))
    return counted_bars(
        questionnaire,
        [(labels[o], result.counts[o]) for o in labels],
        title=question.label,
        subtitle=subtitle if subtitle is not None else answers,
        axis=axis,
        total=result.total,
        highlight=labels.get(mine or ""),
        width=width,
    )


def section_chart(
    questionnaire: Questionnaire, summary: RoomSummary, *, width: Width = "container"
) -> alt.LayerChart:
    """The room's answers to one question of a paced section (``workshop.section``): people
    per option, or the average amount per option of an allocation."""
    words, numbers = questionnaire.texts.pace, questionnaire.texts.numbers
    answered = numbers.count(summary.answered)
    if summary.averages:
        return counted_bars(
            questionnaire,
            summary.counts,
            title=summary.question.label,
            subtitle=words.averaged.format(count=answered),
            axis=words.average,
            width=width,
            written=lambda value: numbers.format_number(value, ",.1f"),
        )
    return counted_bars(
        questionnaire,
        summary.counts,
        title=summary.question.label,
        subtitle=words.answered.format(count=answered),
        axis=words.put_first if isinstance(summary.question, Ranking) else words.people,
        total=summary.answered,
        width=width,
    )


# --- a participant beside the room --------------------------------------------------------


def me_goals_chart(
    questionnaire: Questionnaire, room: Room, scores: Scores, *, width: Width = "container"
) -> alt.LayerChart:
    """The person's stated goals beside the room's average, their heaviest goal first."""
    texts = questionnaire.texts
    labels = {g.id: g.chart_label for g in questionnaire.goals}
    ordered = sorted(scores.goals, key=lambda g: (-g.stated, -room.stated[g.id]))
    return paired_bars(
        questionnaire,
        [(labels[g.id], g.stated, room.stated[g.id]) for g in ordered],
        (texts.workshop.you, texts.workshop.the_room),
        title=texts.workshop.goals_title,
        subtitle=texts.workshop.goals_subtitle,
        axis=texts.charts.share,
        colours=(YOU, ROOM),
        width=width,
    )


def me_hours_chart(
    questionnaire: Questionnaire, room: Room, scores: Scores, *, width: Width = "container"
) -> alt.LayerChart:
    """The person's share of hours per place beside the room's, places either uses."""
    texts = questionnaire.texts
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    used = [c for c in scores.channels if c.share > 0 or room.hours_share[c.id] > 0]
    used.sort(key=lambda c: (-c.share, -room.hours_share[c.id]))
    return paired_bars(
        questionnaire,
        [(labels[c.id], c.share, room.hours_share[c.id]) for c in used],
        (texts.workshop.you, texts.workshop.the_room),
        title=texts.workshop.hours_title,
        subtitle=texts.workshop.hours_subtitle,
        axis=texts.charts.share,
        colours=(YOU, ROOM),
        width=width,
    )


def for_projector(chart: alt.LayerChart) -> alt.LayerChart:
    """The same chart with its words and rows ``PROJECTOR_SCALE`` times larger, for a room.

    Only what is drawn changes size: the data, order, colours and titles stay the same.
    """
    big = chart.copy(deep=True)
    for layer in big.layer:
        mark = getattr(layer, "mark", None)
        if isinstance(mark, alt.MarkDef) and mark.type == "text":
            mark.fontSize = round(float(mark.fontSize) * PROJECTOR_SCALE)
    if isinstance(big.height, int | float):
        big.height = round(big.height * PROJECTOR_SCALE)
    font = round(11 * PROJECTOR_SCALE)
    enlarged: alt.LayerChart = big.configure_axis(
        labelFontSize=font,
        titleFontSize=font,
        labelLimit=round(AXIS_LABELS * PROJECTOR_SCALE),
        grid=False,
        labelColor=TEXT,
        titleColor=TEXT,
    ).configure_legend(
        labelFontSize=font,
        symbolType="square",
        symbolSize=200,
        labelLimit=500,
        columns=1,
        labelColor=TEXT,
    )
    return enlarged


def _wrapped(label: str) -> str:
    """``label`` in at most ``LABEL_LINES`` of ``LABEL_CHARACTERS``, joined by ``LINE_BREAK``."""
    lines = textwrap.wrap(label, LABEL_CHARACTERS, max_lines=LABEL_LINES, placeholder=" …")
    return LINE_BREAK.join(lines or [label])


def _most(counts: dict[str, int], labels: dict[str, str], most: int) -> list[tuple[str, int]]:
    """The ``most`` largest counts above zero, largest first (questionnaire order on ties)."""
    ranked = sorted((i for i in counts if counts[i] > 0), key=lambda i: -counts[i])
    return [(labels[i], counts[i]) for i in ranked[:most]]
