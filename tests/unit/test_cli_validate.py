"""`python -m netclarity validate`: one OK line per good file, every problem as FILE:LINE on
stderr, exit status 0 / 1 / 2, and never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netclarity.commands import cli

REPO = Path(__file__).resolve().parents[2]
BROKEN = REPO / "tests" / "questionnaires" / "broken"
EVERY_TYPE = REPO / "tests" / "questionnaires" / "every_type.yaml"
OK_LUNCH = "OK questions/lunch.yaml (Team lunch planner, 3 pages, 12 questions)\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with questions/lunch.yaml, as the working directory, and the app's
    questions folder (``NETCLARITY_QUESTIONS``)."""
    (tmp_path / "questions").mkdir()
    shutil.copy(EVERY_TYPE, tmp_path / "questions" / "lunch.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETCLARITY_QUESTIONS", "questions")
    return tmp_path


def add(workdir: Path, fixture: str, as_name: str) -> None:
    shutil.copy(BROKEN / fixture, workdir / "questions" / as_name)


def test_valid_files_get_one_ok_line_each_and_exit_0(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["validate"])

    assert (status, capsys.readouterr()) == (0, (OK_LUNCH, ""))


def test_a_file_can_be_named_directly(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["validate", "questions/lunch.yaml"])

    assert (status, capsys.readouterr().out) == (0, OK_LUNCH)


def test_every_problem_is_a_file_line_message_on_stderr_and_exit_1(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(workdir, "not_yaml.yaml", "draft.yaml")

    status = cli.main(["validate", "questions"])

    output = capsys.readouterr()
    assert status == 1
    assert output.out == OK_LUNCH
    assert output.err == (
        "questions/draft.yaml:6: YAML syntax: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence that starts on line 5)\n"
        "1 of 2 files have problems\n"
    )


def test_all_problems_of_a_broken_file_are_listed(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(workdir, "many_problems.yaml", "fair.yaml")

    status = cli.main(["validate", "questions/fair.yaml"])

    lines = capsys.readouterr().err.splitlines()
    assert status == 1
    assert [line.split(": ")[0] for line in lines] == [
        "questions/fair.yaml:5",
        "questions/fair.yaml:12",
        "questions/fair.yaml:20",
        "questions/fair.yaml:24",
        "questions/fair.yaml:28",
        "questions/fair.yaml:30",
        "questions/fair.yaml:33",
        "1 of 1 files have problems",
    ]


def test_two_files_with_one_id_in_a_folder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(EVERY_TYPE, workdir / "questions" / "lunch_copy.yaml")

    status = cli.main(["validate"])

    assert (status, capsys.readouterr()) == (
        1,
        (
            OK_LUNCH,
            "questions/lunch_copy.yaml:1: id 'every_type' is already used by "
            "questions/lunch.yaml\n1 of 2 files have problems\n",
        ),
    )


def test_walk_reports_dead_ends_as_warnings_and_exits_1(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(workdir, "never_shown.yaml", "offsite.yaml")

    status = cli.main(["validate", "--walk"])

    assert (status, capsys.readouterr()) == (
        1,
        (
            OK_LUNCH,
            "questions/offsite.yaml:20: warning: question 'hotel' can never be shown: no answer "
            "to 'nights' makes {question: nights, greater_than: 3} hold; its answers go from "
            "1 to 3\n"
            "questions/offsite.yaml:33: warning: question 'motive' can never show a row: "
            "whenever it is shown, no amount above zero can have been given in 'hours'\n"
            "questions/offsite.yaml:8: warning: no question has 'role: goals' (what the person "
            "networks for), so the results, charts and findings can never be shown; mark the "
            "allocation that asks it\n"
            "questions/offsite.yaml:8: warning: no question has 'role: mix' (where their hours "
            "go), so the results, charts and findings can never be shown; mark the allocation "
            "that asks it\n"
            "1 of 2 files have problems\n",
        ),
    )


def test_without_walk_a_file_with_dead_ends_is_valid(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(workdir, "never_shown.yaml", "offsite.yaml")

    status = cli.main(["validate", "questions/offsite.yaml"])

    assert (status, capsys.readouterr().out) == (
        0,
        "OK questions/offsite.yaml (Team offsite, 1 page, 4 questions)\n",
    )


def test_a_folder_without_questionnaires_is_a_problem(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "empty").mkdir()

    status = cli.main(["validate", "empty"])

    assert (status, capsys.readouterr()) == (
        1,
        ("", "empty: no questionnaire files (*.yaml, *.yml)\n"),
    )


def test_a_path_that_does_not_exist_is_a_usage_error(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["validate", "questoins"])

    assert status == 2
    assert capsys.readouterr().err.endswith(
        "python -m netclarity validate: error: argument PATH: no such file or folder: questoins\n"
    )


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main([])

    assert status == 2
    assert capsys.readouterr().err.endswith(
        "python -m netclarity: error: the following arguments are required: COMMAND\n"
    )


def test_help_lists_the_commands_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["--help"])

    out = capsys.readouterr().out
    assert status == 0
    assert "    validate  check questionnaire files and report every problem\n" in out
    assert all(f"    {command.name} " in out for command in cli.COMMANDS)


def test_python_dash_m_reports_problems_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "netclarity", "validate", "tests/questionnaires/broken"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(
        "tests/questionnaires/broken/many_problems.yaml:5: duplicate key 'title'"
    )
    assert result.stdout == (
        "OK tests/questionnaires/broken/never_shown.yaml (Team offsite, 1 page, 4 questions)\n"
    )
