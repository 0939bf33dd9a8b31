"""Loading files and folders: every problem of a file at once, and broken files never take
the good ones down."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netclarity.loading.loader import load_directory, load_file, questionnaire_files
from netclarity.loading.problems import QuestionnaireError, display_path
from tests.support.every_type import EVERY_TYPE

BROKEN = Path(__file__).resolve().parents[1] / "questionnaires" / "broken"
FUNCTIONS = (
    "alignment, answer, brought, delivered, gap, goal_weight, hours, hours_moved, is_obligation, "
    "is_top_goal, label, least_served_top_goal, mix_share, mode_share, money, nothing_share, "
    "obligation_share, outcome_share, places_used, served_share, top_channel, top_goal, "
    "total_hours, total_money, unserved_share"
)


def many_problems(name: str) -> list[str]:
    """What the loader reports for broken/many_problems.yaml, read as ``name``."""
    return [
        f"{name}:5: duplicate key 'title': each key may appear once in a mapping",
        f"{name}:12: fit.stands.learnin: unknown goal 'learnin' (known: leads, learning)",
        f"{name}:20: question 'met'.max: should be a number (got 'many')",
        f"{name}:24: question 'follow_up'.show_if.question: 'plans' is asked later; "
        "a condition can only look at earlier questions",
        f"{name}:28: question 'plans': missing required key 'label'",
        f"{name}:30: question 'plans': unknown key 'lable' — did you mean 'label'? (allowed: "
        "id, label, help, required, show_if, type, max_length, example, placeholder)",
        f"{name}:33: insight 'busy'.when: unknown function '__import__' (functions: {FUNCTIONS})",
    ]


def test_all_problems_of_a_file_are_reported_together_in_line_order() -> None:
    path = BROKEN / "many_problems.yaml"
    with pytest.raises(QuestionnaireError) as caught:
        load_file(path)

    assert [str(p) for p in caught.value.problems] == many_problems(display_path(path))
    assert str(caught.value) == "\n".join(many_problems(display_path(path)))


def test_the_file_is_named_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "questions").mkdir()
    shutil.copy(BROKEN / "not_yaml.yaml", tmp_path / "questions" / "draft.yaml")
    monkeypatch.chdir(tmp_path)

    with pytest.raises(QuestionnaireError) as caught:
        load_file(tmp_path / "questions" / "draft.yaml")

    assert caught.value.file == "questions/draft.yaml"


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        load_file(tmp_path / "gone.yaml")

    assert [p.message for p in caught.value.problems] == [
        "cannot read the file: No such file or directory"
    ]


def test_a_folder_gives_the_good_questionnaires_and_the_errors_of_the_bad(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EVERY_TYPE, tmp_path / "every_type.yaml")
    shutil.copy(BROKEN / "many_problems.yaml", tmp_path / "a_broken.yml")
    shutil.copy(BROKEN / "not_yaml.yaml", tmp_path / "z_draft.yaml")
    monkeypatch.chdir(tmp_path)

    catalogue = load_directory(tmp_path)

    assert list(catalogue.loaded) == ["every_type"]
    assert catalogue.get("every_type").title == "Team lunch planner"
    assert [str(error) for error in catalogue.errors] == [
        "\n".join(many_problems("a_broken.yml")),
        "z_draft.yaml:6: YAML syntax: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence that starts on line 5)",
    ]


def test_a_second_file_with_a_taken_id_is_an_error_and_the_first_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(EVERY_TYPE, tmp_path / "a.yaml")
    shutil.copy(EVERY_TYPE, tmp_path / "b.yaml")
    monkeypatch.chdir(tmp_path)

    catalogue = load_directory(tmp_path)

    assert catalogue.loaded["every_type"].path == tmp_path / "a.yaml"
    assert [str(error) for error in catalogue.errors] == [
        "b.yaml:1: id 'every_type' is already used by a.yaml"
    ]


def test_only_visible_yaml_files_directly_in_the_folder_count(tmp_path: Path) -> None:
    for name in ("b.yml", "a.yaml", ".#a.yaml", "notes.txt", "schema.json"):
        (tmp_path / name).write_text("id: x\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.yaml").write_text("id: x\n")
    (tmp_path / "folder.yaml").mkdir()

    assert [p.name for p in questionnaire_files(tmp_path)] == ["a.yaml", "b.yml"]


def test_a_missing_folder_has_no_questionnaires(tmp_path: Path) -> None:
    catalogue = load_directory(tmp_path / "missing")

    assert (catalogue.loaded, catalogue.errors) == ({}, [])
