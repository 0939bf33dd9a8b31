"""questions/schema.json: generated from the models, current, and accepting what the loader
accepts, so editors check questionnaires while they are typed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from netclarity.commands import cli, schema
from netclarity.loading.loader import questionnaire_files
from tests.support.every_type import EVERY_TYPE, every_type_with

QUESTIONS = schema.SCHEMA_PATH.parent


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema.render()))


def test_the_committed_schema_is_current() -> None:
    assert schema.is_current(), (
        "questions/schema.json is out of date with netclarity/questionnaire.py: "
        "run `python -m netclarity schema` and commit the result"
    )


def test_the_schema_is_json_schema_2020_12_with_a_trailing_newline() -> None:
    text = schema.render()
    document = json.loads(text)

    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert text.endswith("}\n")
    jsonschema.Draft202012Validator.check_schema(document)


def test_the_schema_uses_the_key_names_written_in_yaml() -> None:
    condition = json.loads(schema.render())["$defs"]["Condition"]["properties"]

    assert "in" in condition
    assert "in_" not in condition


@pytest.mark.parametrize(
    "path", [EVERY_TYPE, *questionnaire_files(QUESTIONS)], ids=lambda p: Path(p).name
)
def test_valid_questionnaires_satisfy_the_schema(path: Path) -> None:
    document: Any = yaml.safe_load(path.read_text(encoding="utf-8"))

    assert [error.message for error in validator().iter_errors(document)] == []


def test_the_schema_rejects_an_unknown_key_like_the_loader() -> None:
    document = yaml.safe_load(every_type_with("    intro: A few", "    intor: A few"))

    assert [error.message for error in validator().iter_errors(document)] == [
        "Additional properties are not allowed ('intor' was unexpected)"
    ]


def test_schema_check_fails_on_a_stale_file_and_says_how_to_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "schema.json"
    stale.write_text("{}\n", encoding="utf-8")

    status = cli.main(["schema", "--check", "--output", str(stale)])

    assert status == 1
    assert capsys.readouterr().err == (
        f"{stale} is out of date: run `python -m netclarity schema`\n"
    )


def test_schema_writes_the_file_then_finds_it_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schema.json"

    assert cli.main(["schema", "--output", str(target)]) == 0
    assert cli.main(["schema", "--check", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema.render()
    assert capsys.readouterr().out == f"wrote {target}\n{target} is up to date\n"


def test_schema_into_a_missing_folder_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "schema.json"

    assert cli.main(["schema", "--output", str(target)]) == 1
    assert capsys.readouterr().err == f"cannot write {target}: No such file or directory\n"
