"""What would only break when a person reaches it is reported when the file is loaded.

A ``{placeholder:format}`` is tried on a value of the kind the app fills in, YAML mistakes
get a message that names the actual mistake (and all of them at once), and ``validate
--walk`` warns about a questionnaire whose results can never be shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netclarity.commands import cli
from netclarity.loading.loader import parse
from netclarity.loading.problems import QuestionnaireError
from netclarity.loading.yaml_source import unquoted_colons
from tests.support.every_type import EVERY_TYPE, every_type_with, problems_after

NEXT = "  next: Onward"


def with_text(line: str) -> list[str]:
    """The problems of every_type.yaml with one more line under ``texts:``."""
    return problems_after(NEXT, f"{NEXT}\n{line}")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (
            '  charts:\n    hours_label: "{hours:.1f} ساعة"',
            "every_type.yaml:113: texts.charts.hours_label: '{hours:.1f}': the format ':.1f' "
            "does not fit {hours}, which the app fills with text; write {hours}",
        ),
        (
            '  progress: "{page:s}"',
            "every_type.yaml:112: texts.progress: '{page:s}': the format ':s' does not fit "
            "{page}, which the app fills with a whole number; write {page}",
        ),
        (
            '  progress: "{page!z} / {pages}"',
            "every_type.yaml:112: texts.progress: '{page!z}': '!z' is not a conversion; "
            "write {page}",
        ),
        (
            '  report:\n    date_format: "{day} {month:x} {year}"',
            "every_type.yaml:113: texts.report.date_format: '{month:x}': the format ':x' does "
            "not fit {month}, which the app fills with text; write {month}",
        ),
        (
            '  workshop:\n    room_waiting: "{completed:s} von {threshold}"',
            "every_type.yaml:113: texts.workshop.room_waiting: '{completed:s}': the format "
            "':s' does not fit {completed}, which the app fills with a whole number; write "
            "{completed}",
        ),
    ],
)
def test_a_placeholder_format_that_would_fail_when_shown_is_reported_at_load(
    line: str, problem: str
) -> None:
    assert with_text(line) == [problem]


@pytest.mark.parametrize(
    "line",
    [
        '  progress: "{page:d} / {pages:>3}"',
        '  report:\n    date_format: "{day:02d}.{month:>10}.{year:d}"',
        '  charts:\n    hours_label: "{hours:>6} h"',
    ],
)
def test_a_format_that_suits_its_value_is_accepted(line: str) -> None:
    assert parse(every_type_with(NEXT, f"{NEXT}\n{line}"), "every_type.yaml").id == "every_type"


SAY = "say: You want to talk but {mix_share(video):.0%} of your time is on video."


@pytest.mark.parametrize(
    ("placeholder", "problem"),
    [
        (
            "{obligation_share():.0q}",
            "'{obligation_share():.0q}': the format ':.0q' does not fit a number "
            "(e.g. :.0f, :.1f, :,.0f or :.0%)",
        ),
        ("{top_goal():.0%}", "'{top_goal():.0%}': the format ':.0%' does not fit text"),
        (
            "{mix_share(video) > 0.5:.2s}",
            "'{mix_share(video) > 0.5:.2s}': the format ':.2s' does not fit true or false",
        ),
    ],
)
def test_a_finding_whose_format_does_not_fit_its_value_is_reported(
    placeholder: str, problem: str
) -> None:
    assert problems_after(SAY, f"say: 'It is {placeholder}.'") == [
        f"every_type.yaml:109: insight 'talkers'.say: {problem}"
    ]


def test_a_finding_may_format_an_answer_of_any_kind() -> None:
    changed = every_type_with(SAY, "say: 'You said {answer(budget):,.0f}.'")

    assert parse(changed, "every_type.yaml").insights[0].say == "You said {answer(budget):,.0f}."


def test_an_operator_the_rules_do_not_have_is_named() -> None:
    assert problems_after(
        "when: goal_weight(talk) > 0.5 and mix_share(video) > 0.5",
        "when: mix_share(video) >> 0.5",
    ) == [
        "every_type.yaml:108: insight 'talkers'.when: 'mix_share(video) >> 0.5': '>>' is not "
        "an operator of the rule language (operators: <, <=, >, >=, ==, !=, in, not in, and, "
        "or, not, +, -, *, /)"
    ]


def test_a_mis_indented_key_is_called_an_indentation_mistake_not_a_missing_quote() -> None:
    assert problems_after(
        "    title: The basics\n", "    title: The basics\n      intro: Say hello\n"
    ) == [
        "every_type.yaml:20: YAML syntax: this line is indented further than the key above it, "
        "so it reads as more of that key's text; line its key up with the keys beside it"
    ]


def test_every_text_that_needs_quotes_for_its_colon_is_reported_at_once() -> None:
    text = EVERY_TYPE.read_text(encoding="utf-8")
    broken = (
        text.replace("title: Team lunch planner", "title: Lunch: the planner")
        .replace("label: Your name\n", "label: Name: first and last\n")
        .replace(NEXT, "  next: On: ward")
    )

    with pytest.raises(QuestionnaireError) as caught:
        parse(broken.encode(), "every_type.yaml")

    quote = (
        "YAML syntax: mapping values are not allowed here; if a text contains ': ', put it in "
        "quotes"
    )
    assert [str(p) for p in caught.value.problems] == [
        f"every_type.yaml:5: {quote}",
        f"every_type.yaml:100: {quote}",
        f"every_type.yaml:111: {quote}",
    ]


def test_a_colon_inside_a_block_text_or_a_bracketed_mapping_needs_no_quotes() -> None:
    text = EVERY_TYPE.read_text(encoding="utf-8")
    broken = text.replace("title: Team lunch planner", "title: Lunch: the planner").replace(
        "description:",
        "intro_text: >-\n  Note: fine here\nchannels_note:\n  {a: 1,\n   b: 2}\ndescription:",
        1,
    )

    assert unquoted_colons(broken) == [5]


def test_a_python_tag_is_refused_by_name() -> None:
    assert problems_after(
        "title: Team lunch planner", "title: !!python/object/apply:os.system ['ls']"
    ) == [
        "every_type.yaml:5: the tag '!!python/object/apply:os.system' is not allowed: a "
        "questionnaire holds only text, numbers, true/false, lists and mappings"
    ]


def test_walk_warns_when_no_question_gives_goals_or_hours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EVERY_TYPE.read_text(encoding="utf-8")
    (tmp_path / "lunch.yaml").write_text(text.replace("role: mix", "role: money"))
    monkeypatch.chdir(tmp_path)

    status = cli.main(["validate", "--walk", "lunch.yaml"])

    assert (status, capsys.readouterr().err) == (
        1,
        f"lunch.yaml:{text[: text.index('pages:')].count(chr(10)) + 1}: warning: no question "
        "has 'role: mix' (where their hours go), so the results, charts and findings can "
        "never be shown; mark the allocation that asks it\n"
        "1 of 1 files have problems\n",
    )
