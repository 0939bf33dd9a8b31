"""The anonymised CSV: a row per finished participant, a column per answer, formulas neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from netclarity.workshop.data import Participant
from netclarity.workshop.export import csv_bytes, header, neutralise, rows
from tests.support.workshop import participants, workshop_questionnaire

QUESTIONNAIRE = workshop_questionnaire()


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2", "'-2"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Plain words", "Plain words"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_text_cell_a_spreadsheet_could_run_gets_a_quote_in_front(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_the_header_has_one_column_per_answer_and_per_option_of_a_matrix_or_allocation() -> None:
    assert header(QUESTIONNAIRE) == [
        "participant",
        "weights.a",
        "weights.b",
        "weights.c",
        "active",
        "hours.x",
        "hours.y",
        "hours.z",
        "motive.x",
        "motive.y",
        "motive.z",
        "idea",
        "vote",
    ]


def test_each_finished_participant_is_one_row_with_labels_numbers_and_text() -> None:
    table = rows(QUESTIONNAIRE, participants())
    by_vote = {row[12]: row[1:] for row in table[1:]}

    assert len(table) == 4
    assert [row[0] for row in table[1:]] == ["1", "2", "3"]
    assert by_vote["No"] == [
        "", "", "100", "Yes", "", "4", "4", "", "Should", "Should",
        "'=HYPERLINK(\"http://example.com\")", "No",
    ]  # fmt: skip


def test_someone_who_has_not_finished_is_never_in_the_file() -> None:
    data = csv_bytes(QUESTIONNAIRE, participants()).decode("utf-8-sig")

    assert "Not finished, so never shown" not in data
    assert "Maybe" not in data


def test_rows_are_sorted_by_what_they_hold_so_their_place_tells_nothing_about_who() -> None:
    table = rows(QUESTIONNAIRE, participants())

    assert [row[1:] for row in table[1:]] == sorted(row[1:] for row in table[1:])


def test_hidden_answers_are_left_out() -> None:
    quiet = Participant(
        1, None, True, {"weights": {"a": 100}, "active": "no", "hours": {"x": 3}, "vote": "no"}
    )

    (row,) = rows(QUESTIONNAIRE, [quiet])[1:]

    assert row[4:8] == ["No", "", "", ""]


def test_numbers_are_written_in_full_and_never_quoted() -> None:
    points = Participant(1, None, True, {"weights": {"a": 62.5, "b": 0.5, "c": 37}})

    (row,) = rows(QUESTIONNAIRE, [points])[1:]

    assert row[1:4] == ["62.5", "0.5", "37"]


def test_a_stored_amount_this_version_cannot_hold_is_left_out() -> None:
    """Saved under an older version (more points, another option): not exported as given."""
    older = Participant(1, None, True, {"weights": {"a": 250, "b": 40, "gone": 60}})

    (row,) = rows(QUESTIONNAIRE, [older])[1:]

    assert row[1:4] == ["", "40", ""]


def test_the_order_of_rows_does_not_follow_the_order_of_joining() -> None:
    forwards = rows(QUESTIONNAIRE, participants())
    backwards = rows(QUESTIONNAIRE, list(reversed(participants())))

    assert forwards == backwards


def test_the_file_is_utf8_with_a_byte_order_mark_and_reads_back_as_the_rows() -> None:
    data = csv_bytes(QUESTIONNAIRE, participants())

    assert data.startswith(b"\xef\xbb\xbfparticipant,weights.a,")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert parsed == rows(QUESTIONNAIRE, participants())


def test_no_name_token_or_id_is_exported() -> None:
    data = csv_bytes(QUESTIONNAIRE, participants()).decode("utf-8-sig")

    for round_id in ("10", "11", "12", "13", "14"):
        assert f",{round_id}," not in data
