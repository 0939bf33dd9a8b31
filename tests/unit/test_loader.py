"""Reading a questionnaire file: the valid one loads, unreadable YAML is named by line."""

from __future__ import annotations

import hashlib

from netclarity.loading.loader import load_file, parse
from netclarity.loading.yaml_source import MAX_BYTES
from tests.support.every_type import EVERY_TYPE, NAME, every_type_with, problems_after, problems_in


def test_every_type_loads_with_all_its_questions_in_order() -> None:
    loaded = load_file(EVERY_TYPE)

    questionnaire = loaded.questionnaire
    assert (questionnaire.id, questionnaire.version, questionnaire.title) == (
        "every_type",
        2,
        "Team lunch planner",
    )
    assert [q.id for q in questionnaire.questions] == [
        "day", "diet", "hunger", "people", "budget", "why",
        "time", "order", "feeling", "vote", "name", "notes",
    ]  # fmt: skip
    assert [p.id for p in questionnaire.pages] == ["basics", "priorities", "words"]
    assert questionnaire.texts.next == "Onward"
    assert loaded.path == EVERY_TYPE


def test_the_digest_is_the_start_of_the_sha256_of_the_exact_bytes() -> None:
    digest = load_file(EVERY_TYPE).digest

    assert digest == hashlib.sha256(EVERY_TYPE.read_bytes()).hexdigest()[:16]


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse(b"\xef\xbb\xbf" + EVERY_TYPE.read_bytes(), NAME).id == "every_type"


def test_broken_yaml_syntax_names_the_line_and_where_the_broken_part_started() -> None:
    assert problems_after("title: Team lunch planner", "title: [Team lunch planner") == [
        "every_type.yaml:6: YAML syntax: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence that starts on line 5)"
    ]


def test_an_unclosed_quote_points_at_where_the_text_started() -> None:
    assert problems_in(b'id: x\ntitle: "Team lunch\nversion: 1\n') == [
        "every_type.yaml:4: YAML syntax: found unexpected end of stream "
        "(while scanning a quoted scalar that starts on line 2)"
    ]


def test_bad_indentation_says_to_check_the_indentation() -> None:
    assert problems_after("  - id: basics\n", "  - id: basics\n   bad: indent\n") == [
        "every_type.yaml:19: YAML syntax: expected <block end>, but found "
        "'<block mapping start>' (while parsing a block collection that starts on line 18); "
        "check the indentation"
    ]


def test_a_tab_used_for_indentation_is_named_as_such() -> None:
    assert problems_after("    title: The basics", "\ttitle: The basics") == [
        "every_type.yaml:19: YAML syntax: a tab character; indent with spaces only"
    ]


def test_an_unquoted_colon_in_a_text_suggests_quotes() -> None:
    assert problems_after("label: Your name\n", "label: Name: first and last\n") == [
        "every_type.yaml:100: YAML syntax: mapping values are not allowed here; "
        "if a text contains ': ', put it in quotes"
    ]


def test_bytes_that_are_not_utf8_are_reported_on_their_line() -> None:
    assert problems_after(b"Plan the next", b"Plan the \xff next") == [
        "every_type.yaml:6: the file is not UTF-8 text; save it as UTF-8"
    ]


def test_an_empty_file_is_reported() -> None:
    assert problems_in(b"") == [
        "every_type.yaml:1: the file is empty; expected a questionnaire mapping"
    ]


def test_a_file_of_only_comments_counts_as_empty() -> None:
    assert problems_in(b"# to do: write the questions\n") == [
        "every_type.yaml:1: the file is empty; expected a questionnaire mapping"
    ]


def test_a_list_at_the_top_is_not_a_questionnaire() -> None:
    assert problems_in(b"- id: every_type\n- title: Lunch\n") == [
        "every_type.yaml:1: expected a mapping of keys (id, title, pages, ...) at the top"
    ]


def test_plain_text_at_the_top_is_not_a_questionnaire() -> None:
    assert problems_in(b"Team lunch planner\n") == [
        "every_type.yaml:1: expected a mapping of keys (id, title, pages, ...) at the top"
    ]


def test_a_key_given_twice_in_one_mapping_is_reported_at_the_second() -> None:
    assert problems_after("minutes: 3\n", "minutes: 3\nminutes: 4\n") == [
        "every_type.yaml:8: duplicate key 'minutes': each key may appear once in a mapping"
    ]


def test_the_same_key_in_different_mappings_is_fine() -> None:
    data = every_type_with("  video: {talk: 1}", "  video: {talk: 1, food: 0}")

    assert parse(data, NAME).fit_of("video", "food") == 0


def test_an_anchor_is_refused() -> None:
    assert problems_after("goals:\n", "goals: &goals\n") == [
        "every_type.yaml:8: anchors and aliases (&name / *name) are not supported; "
        "write the value out"
    ]


def test_an_alias_is_refused_on_its_own_line() -> None:
    data = b"id: x\nlabel: lunch\ntitle: *lunch\n"

    assert problems_in(data) == [
        "every_type.yaml:3: anchors and aliases (&name / *name) are not supported; "
        "write the value out"
    ]


def test_an_alias_bomb_is_refused_before_it_is_expanded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")

    assert problems_in("\n".join(lines).encode()) == [
        "every_type.yaml:1: anchors and aliases (&name / *name) are not supported; "
        "write the value out"
    ]


def test_a_file_over_the_size_limit_is_refused_without_reading_it() -> None:
    data = every_type_with("texts:", "# " + "x" * MAX_BYTES + "\ntexts:")

    assert problems_in(data) == [
        f"every_type.yaml:1: the file is {len(data):,} bytes; the limit is 500,000"
    ]


def test_deeply_nested_brackets_are_refused_as_soon_as_they_are_read() -> None:
    assert problems_in(b"id: x\ntitle: " + b"[" * 100_000) == [
        "every_type.yaml:2: the file is nested more than 50 levels deep; "
        "a questionnaire needs only a few"
    ]


def test_deeply_nested_indentation_is_refused_at_the_line_it_goes_too_deep() -> None:
    data = "".join(" " * depth + f"level{depth}:\n" for depth in range(60)).encode()

    assert problems_in(data) == [
        "every_type.yaml:51: the file is nested more than 50 levels deep; "
        "a questionnaire needs only a few"
    ]


def test_a_key_that_is_a_list_is_refused() -> None:
    assert problems_after("minutes: 3\n", "minutes: 3\n[a, b]: 4\n") == [
        "every_type.yaml:8: a mapping key must be plain text"
    ]
