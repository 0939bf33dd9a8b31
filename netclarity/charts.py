"""The results as Altair charts: scores in, chart out, for the results page and the PDF.

Each builder takes the questionnaire (for goal and channel ``chart_label``s) and the
``Scores``, and returns a chart whose data is inline, so the same object is shown by
Streamlit (``width="container"`` fills the column) and rendered offline by vl-convert for
the PDF (give a width in pixels there). Colours are from the Okabe–Ito palette, which stays
distinguishable with every common kind of colour blindness, and no chart relies on colour
alone: bars are labelled and every mark has a tooltip. Titles say what to look at. The
words and the way numbers are written come from the questionnaire (``texts.charts`` and
``texts.numbers``, English by default), so a chart of a German questionnaire is all German.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import altair as alt

from netclarity import bidi
from netclarity.questionnaire import Questionnaire
from netclarity.scoring import Scores
from netclarity.texts import NumberTexts

Width = int | Literal["container"]

# One meaning per colour on every screen and in the PDF, a person's and a room's alike. The
# hues are Okabe & Ito's (2008, "Color Universal Design"), told apart with every common kind
# of colour blindness; the orange is darkened and the greys differ in lightness, so every
# bar has at least 3:1 against white (WCAG 1.4.11) and no two meanings share a colour.
WANT = "#0072B2"
"""How much someone wants a goal (blue)."""
SERVED = "#009E73"
"""How well hours serve goals, and places that serve a top goal (bluish green)."""
SERVES_NONE = "#D55E00"
"""Places that serve none of the person's top goals (vermillion)."""
SUGGESTED = "#B36B00"
"""The hours of the suggested first step (dark orange)."""
YOU = "#4D4D4D"
"""The person as they are now: today's hours, their own answer, their alignment (dark grey)."""
ROOM = "#8C8C8C"
"""The workshop room (mid grey)."""
BEFORE = "#CC79A7"
"""A previous round, beside the person now (reddish purple)."""
NOW = YOU
PALETTE = {
    "want": WANT,
    "served": SERVED,
    "serves none": SERVES_NONE,
    "suggested": SUGGESTED,
    "you, now": YOU,
    "the room": ROOM,
    "a previous round": BEFORE,
}
TEXT = "#333333"
"""Labels, values and axes: 12.6:1 on white."""

ROW = 28
"""Height in pixels of one labelled row (a goal or channel): room for a pair of bars, and
for labels that never overlap; charts grow with the number of goals or channels."""
TITLE_SIZE, SUBTITLE_SIZE = 14, 11
CONTAINER_GUESS = 640
"""The plot width assumed for breaking titles into lines when the chart fills its container."""
AXIS_LABELS = 150
"""Room the labels of the vertical axis take beside the plot, roughly."""
COUNT_FORMAT = ",d"
"""Vega's d3-format for a count on an axis or in a tooltip: whole, thousands grouped in the
chart's locale (``_locale``), as ``NumberTexts.count`` writes counts in the text."""
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
LEGEND = alt.Legend(title=None, orient="top", direction="vertical")
"""Legend entries one under another above the plot: a long label in any language stays whole
on a phone, where side by side they would be cut off."""


@dataclass(frozen=True)
class Measure:
    """What the bars of a paired chart measure, and how it is written and scaled."""

    field: str
    title: str
    tooltip_format: str
    label: Callable[[float], str]
    floor: float
    headroom: float
    axis_format: str | None = None


def share_measure(title: str, numbers: NumberTexts, *, headroom: float = 1.15) -> Measure:
    """Shares 0–1, written as percentages in the questionnaire's conventions."""
    return Measure("share", title, ".0%", numbers.percent, 0.1, headroom, axis_format="%")


def paired_bars(
    questionnaire: Questionnaire,
    rows: Sequence[tuple[str, float, float]],
    series: tuple[str, str],
    measure: Measure,
    *,
    category: tuple[str, str],
    title: str,
    subtitle: str,
    colours: tuple[str, str],
    width: Width,
) -> alt.LayerChart:
    """Two values per row (``label, first, second``) side by side, rows in the order given.

    ``category`` is the data field and tooltip title of the rows (e.g. ``("goal", "Goal")``).
    One builder for every "this beside that" chart: stated vs delivered, now vs suggested,
    a person vs the room.
    """
    field, heading = category
    data = [
        {field: label, "series": name, measure.field: value, "label": measure.label(value)}
        for label, first, second in rows
        for name, value in zip(series, (first, second), strict=True)
    ]
    top = _top([measure.floor, *(value for _, first, second in rows for value in (first, second))])
    axis = (
        alt.Axis(format=measure.axis_format, tickCount=5) if measure.axis_format else alt.Undefined
    )
    base = alt.Chart({"values": data}).encode(
        y=alt.Y(f"{field}:N", sort=[label for label, _, _ in rows], title=None),
        yOffset=alt.YOffset("series:N", sort=list(series)),
        x=alt.X(
            f"{measure.field}:Q",
            title=measure.title,
            axis=axis,
            scale=alt.Scale(domain=[0, top * measure.headroom]),
        ),
        tooltip=[
            alt.Tooltip(f"{field}:N", title=heading),
            alt.Tooltip("series:N", title=" "),
            alt.Tooltip(f"{measure.field}:Q", title=measure.title, format=measure.tooltip_format),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "series:N",
            scale=alt.Scale(domain=list(series), range=list(colours)),
            legend=LEGEND,
        )
    )
    values = base.mark_text(align="left", dx=3, fontSize=10, color=TEXT).encode(text="label:N")
    return finish(questionnaire, [bars, values], title, subtitle, width, len(rows))


def goals_chart(
    questionnaire: Questionnaire,
    scores: Scores,
    *,
    width: Width = "container",
) -> alt.LayerChart:
    """Per goal given points: how much it is wanted and how well the hours serve it (0-100%).

    Both bars are on one scale, so a goal wanted much and served little stands out. Goals
    given no points are left out: what the hours happen to give them is not a result.
    """
    texts = questionnaire.texts.charts
    labels = {g.id: g.chart_label for g in questionnaire.goals}
    ordered = sorted(
        (g for g in scores.goals if g.stated > 0), key=lambda g: (-g.stated, -g.served)
    )
    return paired_bars(
        questionnaire,
        [(labels[g.id], g.want, g.served) for g in ordered],
        (texts.stated, texts.delivered),
        share_measure(texts.share, questionnaire.texts.numbers, headroom=1.18),
        category=("goal", texts.goal),
        title=texts.goals_title,
        subtitle=texts.goals_subtitle,
        colours=(WANT, SERVED),
        width=width,
    )


def hours_chart(
    questionnaire: Questionnaire,
    scores: Scores,
    *,
    width: Width = "container",
) -> alt.LayerChart:
    """Hours per channel, most first, coloured by whether the channel serves a top goal."""
    texts, numbers = questionnaire.texts.charts, questionnaire.texts.numbers
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    used = sorted((c for c in scores.channels if c.hours > 0), key=lambda c: -c.hours)
    goals_known = "goals" in scores.known
    rows = [
        {
            "channel": labels[c.id],
            "hours": c.hours,
            "share": c.share,
            "kind": (texts.serves if c.serves_top_goal else texts.serves_none)
            if goals_known
            else texts.hours_all,
            "obligation": texts.yes if c.obligation else texts.no,
            "money": c.money,
            "label": (texts.obligation_label if c.obligation else texts.hours_label).format(
                hours=_number(c.hours, numbers)
            ),
        }
        for c in used
    ]
    kinds = [texts.serves, texts.serves_none] if goals_known else [texts.hours_all]
    tooltip = [
        alt.Tooltip("channel:N", title=texts.channel),
        alt.Tooltip("hours:Q", title=texts.hours_axis, format=",.1~f"),
        alt.Tooltip("share:Q", title=texts.share, format=".0%"),
        alt.Tooltip("kind:N", title=" "),
    ]
    if "motive" in scores.known:
        tooltip.append(alt.Tooltip("obligation:N", title=texts.obligation))
    if "money" in scores.known:
        tooltip.append(alt.Tooltip("money:Q", title=texts.money, format="$,.0f"))
    base = alt.Chart({"values": rows}).encode(
        y=alt.Y("channel:N", sort=[labels[c.id] for c in used], title=None),
        x=alt.X(
            "hours:Q",
            title=texts.hours_axis,
            # room beside the longest bar for its label, even on a phone
            scale=alt.Scale(domain=[0, max([1.0, *(c.hours for c in used)]) * 1.8]),
        ),
        tooltip=tooltip,
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind:N",
            scale=alt.Scale(domain=kinds, range=[SERVED, SERVES_NONE][: len(kinds)]),
            legend=LEGEND,
        )
    )
    values = base.mark_text(align="left", dx=3, fontSize=10, color=TEXT).encode(text="label:N")
    subtitle = (
        ""
        if not goals_known
        else texts.hours_subtitle_all
        if not scores.unserved_channels
        else texts.hours_subtitle.format(unserved=numbers.percent(scores.unserved_share))
    )
    return finish(questionnaire, [bars, values], texts.hours_title, subtitle, width, len(used))


def mix_chart(
    questionnaire: Questionnaire,
    scores: Scores,
    *,
    width: Width = "container",
) -> alt.LayerChart:
    """Hours per channel now and after the suggested first step, side by side."""
    texts, numbers = questionnaire.texts.charts, questionnaire.texts.numbers
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    shown = [c for c in scores.channels if c.hours > 0 or _rounded(c.suggested_hours) > 0]
    shown.sort(key=lambda c: -max(c.hours, c.suggested_hours or 0.0))
    hours = Measure(
        "hours",
        texts.hours_axis,
        ",.1~f",
        lambda v: texts.hours_label.format(hours=_number(v, numbers)),
        floor=1.0,
        headroom=1.2,
    )
    subtitle = (
        texts.mix_subtitle_starter
        if scores.first_step is not None and scores.first_step.kind == "starter"
        else texts.mix_subtitle.format(
            hours=_number(scores.total_hours, numbers),
            moved=_number(scores.hours_moved, numbers),
            alignment=_score(scores.alignment, numbers),
            suggested=_score(scores.suggested_alignment, numbers),
        )
    )
    return paired_bars(
        questionnaire,
        [(labels[c.id], _rounded(c.hours), _rounded(c.suggested_hours)) for c in shown],
        (texts.now, texts.suggested),
        hours,
        category=("channel", texts.channel),
        title=texts.mix_title,
        subtitle=subtitle,
        colours=(NOW, SUGGESTED),
        width=width,
    )


def result_charts(
    questionnaire: Questionnaire, scores: Scores, *, width: Width = "container"
) -> list[alt.LayerChart]:
    """The charts of a person's results, in order: the one list the page and the PDF draw.

    Goals and hours need some hours; the first step's chart shows only when it moves hours
    (or is a starter plan): "keep going" needs no chart.
    """
    shown: list[alt.LayerChart] = []
    if scores.total_hours > 0:
        shown += [
            goals_chart(questionnaire, scores, width=width),
            hours_chart(questionnaire, scores, width=width),
        ]
    step = scores.first_step
    if step is not None and (step.moves or (step.kind == "starter" and any(step.hours.values()))):
        shown.append(mix_chart(questionnaire, scores, width=width))
    return shown


def alignment_over_time(
    questionnaire: Questionnaire,
    rounds: Sequence[tuple[str, float]],
    *,
    width: Width = "container",
) -> alt.LayerChart:
    """Alignment per round (``(round label, alignment)``, oldest first) on a fixed 0-100 scale."""
    texts, numbers = questionnaire.texts.charts, questionnaire.texts.numbers
    rows = [
        {"round": label, "alignment": value, "label": _score(value, numbers)}
        for label, value in rounds
    ]
    base = alt.Chart({"values": rows}).encode(
        x=alt.X(
            "round:N",
            sort=[label for label, _ in rounds],
            title=texts.round,
            axis=alt.Axis(labelAngle=0),
        ),
        y=alt.Y("alignment:Q", title=texts.alignment, scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("round:N", title=texts.round),
            alt.Tooltip("alignment:Q", title=texts.alignment, format=".0f"),
        ],
    )
    line = base.mark_line(color=YOU, strokeWidth=2)
    points = base.mark_point(color=YOU, filled=True, size=70, opacity=1)
    values = base.mark_text(dy=-12, fontSize=11, color=TEXT).encode(text="label:N")
    return finish(
        questionnaire,
        [line, points, values],
        texts.over_time_title,
        texts.over_time_subtitle,
        width,
        None,
    )


# --- shared finishing ---------------------------------------------------------------------


def finish(
    questionnaire: Questionnaire,
    layers: list[alt.Chart],
    title: str,
    subtitle: str,
    width: Width,
    rows: int | None,
) -> alt.LayerChart:
    """Layered, titled and sized with a consistent look; height follows the number of rows.

    Numbers that Vega formats (axes, tooltips) follow the questionnaire's conventions.
    """
    height = 220 if rows is None else max(rows, 1) * ROW + 10
    chart: alt.LayerChart = (
        alt.LayerChart(layer=layers)
        .properties(
            title=alt.TitleParams(
                _lines(title, width, TITLE_SIZE),
                subtitle=_lines(subtitle, width, SUBTITLE_SIZE) if subtitle else alt.Undefined,
                anchor="start",
                fontSize=TITLE_SIZE,
            ),
            width=width,
            height=height,
            # Fill the container's width only: with plain "fit" the title and legend would be
            # squeezed into the given height and the bars flattened.
            autosize=alt.AutoSizeParams(
                type="fit-x" if width == "container" else "pad", contains="padding"
            ),
        )
        .configure(font=FONT, locale=_locale(questionnaire.texts.numbers))
        .configure_axis(
            labelFontSize=11,
            titleFontSize=11,
            labelLimit=180,
            grid=False,
            labelColor=TEXT,
            titleColor=TEXT,
            domainColor=TEXT,
            tickColor=TEXT,
        )
        .configure_legend(labelFontSize=11, symbolType="square", labelLimit=260, labelColor=TEXT)
        .configure_title(subtitleFontSize=SUBTITLE_SIZE, subtitleColor="#555555", color=TEXT)
        .configure_view(stroke=None)
    )
    if questionnaire.right_to_left:  # its words, not its settings (the locale's currency)
        spec = chart.to_dict()
        words = bidi.laid_out_right_to_left({k: v for k, v in spec.items() if k != "config"})
        words["title"]["anchor"] = "end"  # titles start at the right, as the text does
        laid_out = alt.LayerChart.from_dict({**words, "config": spec["config"]})
        laid_out.title = alt.TitleParams(**words["title"])  # plain strings, as pages read them
        return laid_out
    return chart


def _lines(text: str, width: Width, font_size: int) -> list[str]:
    """A title broken into lines that fit the chart (Vega-Lite does not wrap titles).

    A title spans the plot and its axis labels; a character is about 0.6 of the font size.
    """
    pixels = (CONTAINER_GUESS if width == "container" else width) + AXIS_LABELS
    return textwrap.wrap(text, max(30, int(pixels / (0.6 * font_size))))


def _top(values: Sequence[Any]) -> float:
    return max(float(v) for v in values)


def _score(value: float | None, numbers: NumberTexts) -> str:
    if value is None:
        return "–"
    return numbers.format_number(value, ".0f")


def _rounded(hours: float | None) -> float:
    return round(hours or 0.0, 1)


def _number(hours: float | None, numbers: NumberTexts) -> str:
    return numbers.amount(_rounded(hours))


def _locale(numbers: NumberTexts) -> alt.Locale:
    """Vega's number locale (d3-format) for the questionnaire's decimal mark and separator."""
    return alt.Locale(
        number=alt.NumberLocale(
            decimal=numbers.decimal_mark,
            thousands=numbers.thousands_separator,
            grouping=[3],
            currency=list(numbers.currency_affixes()),
        )
    )
