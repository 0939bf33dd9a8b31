"""A file of answers is read the same way by the app's import and by ``score`` and ``report``:
the app's own download is accepted everywhere, and every bad file is refused everywhere with
the problem named (``FILE: answers.hours.meetups: ...``), exit status 1 and no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from netclarity import response_file
from netclarity.commands import cli
from netclarity.loading.loader import load_directory
from netclarity.response_file import ResponseFileError
from netclarity.ui.mydata import fitted

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = load_directory(REPO / "questions")
GOOD = {"goal_weights": {"clients": 60, "learning": 40}, "hours": {"meetups": 10}}


def response(answers: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"questionnaire": "networking_clarity", "version": 1, "answers": answers, **fields}


def file_with(answers: str) -> bytes:
    """A response whose answers are written as raw JSON text (to hold NaN, huge numbers)."""
    head = json.dumps(response({}))[: -len("{}}")]
    return f"{head}{answers}}}".encode()


def as_file(document: Any) -> bytes:
    return json.dumps(document).encode()


BAD_FILES = [
    pytest.param(
        as_file(response({**GOOD, "hours": {"meetups": "10"}})),
        "answers.hours.meetups: must be a number, not text",
        id="an amount written as text",
    ),
    pytest.param(
        as_file(response({**GOOD, "hours": {"meetups": -5}})),
        "answers.hours.meetups: must be at least 0",
        id="a negative amount",
    ),
    pytest.param(
        as_file(response({**GOOD, "hours": {"meetups": 1e308}})),
        "answers.hours.meetups: must be at most 100",
        id="1e308 hours",
    ),
    pytest.param(
        as_file(response({**GOOD, "hours": {"yachting": 3}})),
        "answers.hours: 'yachting' is not one of its options (breakfast_clubs, paid_events,",
        id="a place the questionnaire does not have",
    ),
    pytest.param(
        as_file(response({**GOOD, "goals_clear": ["yes"]})),
        "answers.goals_clear: must be the id of one of its options, not a list",
        id="a list for a single choice",
    ),
    pytest.param(
        as_file(response({**GOOD, "motive": {"meetups": "sometimes"}})),
        "answers.motive.meetups: 'sometimes' is not one of its columns",
        id="a matrix column that does not exist",
    ),
    pytest.param(
        as_file(response({**GOOD, "success": 42})),
        "answers.success: must be text, not a number",
        id="a number for a text answer",
    ),
    pytest.param(
        file_with('{"hours": {"meetups": NaN}}'),
        "it is not JSON (NaN is not a number JSON allows",
        id="NaN",
    ),
    pytest.param(
        file_with('{"hours": {"meetups": Infinity}}'),
        "it is not JSON (Infinity is not a number JSON allows",
        id="Infinity",
    ),
    pytest.param(
        file_with('{"hours": {"meetups": 1' + "0" * 400 + "}}"),
        "it is not JSON (a number has 401 digits",
        id="a 401-digit number",
    ),
    pytest.param(
        file_with('{"hours": {"meetups": 1e400}}'),
        "a number is too large",
        id="a number beyond floating point",
    ),
    pytest.param(
        as_file(response({"success": "x" * response_file.MAX_BYTES})),
        "the file is larger than 2 MB, the most an answers file can be",
        id="a file over the size limit",
    ),
]


@pytest.mark.parametrize(("data", "problem"), BAD_FILES)
def test_the_app_refuses_a_bad_file_and_names_the_problem(data: bytes, problem: str) -> None:
    with pytest.raises(ResponseFileError) as refused:
        fitted(response_file.parse(data), CATALOGUE)

    assert any(p.startswith(problem) for p in refused.value.problems), refused.value.problems


@pytest.mark.parametrize(("data", "problem"), BAD_FILES)
@pytest.mark.parametrize("command", ["score", "report"])
def test_the_commands_refuse_a_bad_file_and_name_the_problem(
    command: str,
    data: bytes,
    problem: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(data)
    extra = ["-o", str(tmp_path / "summary.pdf")] if command == "report" else []

    status = cli.main([command, str(answers), *extra])

    output = capsys.readouterr()
    assert (status, output.out) == (1, "")
    assert f"{answers}: {problem}" in output.err
    assert "Traceback" not in output.err
    assert not (tmp_path / "summary.pdf").exists()


def test_the_apps_download_of_several_rounds_is_scored_at_its_newest_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = {
        "rounds": [
            response({**GOOD, "hours": {"meetups": 10}}, round=1),
            response({**GOOD, "hours": {"one_to_ones": 6}}, round=2),
        ]
    }
    answers = tmp_path / "networking_clarity-answers.json"
    answers.write_text(json.dumps(export))

    status = cli.main(["score", str(answers)])

    result = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [c["id"] for c in result["channels"] if c["hours"]] == ["one_to_ones"]


def test_an_earlier_round_of_a_download_can_be_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = {"rounds": [response(GOOD, round=1), response({}, round=2)]}
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(export))

    status = cli.main(["score", str(answers), "--round", "1"])

    result = json.loads(capsys.readouterr().out)
    assert status == 0
    assert [c["id"] for c in result["channels"] if c["hours"]] == ["meetups"]


def test_a_round_the_download_does_not_hold_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"rounds": [response(GOOD, round=1)]}))

    status = cli.main(["score", str(answers), "--round", "3"])

    assert status == 1
    assert f"{answers}: it has no round 3 (rounds: 1)" in capsys.readouterr().err


def test_the_apps_download_makes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"rounds": [response(GOOD, round=1)]}))
    pdf = tmp_path / "summary.pdf"

    status = cli.main(["report", str(answers), "-o", str(pdf)])

    assert status == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_answers_to_questions_the_questionnaire_lacks_are_ignored_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(response({**GOOD, "favourite_colour": "teal"})))

    status = cli.main(["score", str(answers)])

    assert status == 0
    assert capsys.readouterr().err == (
        f"{answers}: note: answers: ignored 1 answer(s) to questions 'networking_clarity' "
        "version 1 does not have: 'favourite_colour'\n"
    )


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """``score F | head``: the reader may close the pipe before the scores are written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "netclarity", "score", str(REPO / "examples" / "answers.json")],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # before Python has even started: every write finds no reader

    _, err = process.communicate(timeout=60)

    assert (process.returncode, err.decode()) == (1, "")
