"""python -m netclarity export: a workshop's CSV from the database, with no facilitator key."""

from __future__ import annotations

from pathlib import Path

import pytest

from netclarity.commands.cli import main
from netclarity.store import Store
from netclarity.workshop.store import Workshops
from tests.support.workshop import ANSWERS, WORKSHOP_FILE


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workshop.db'}"


def make_workshop(url: str) -> str:
    store = Store.open(url)
    workshop, _ = Workshops(store.database).create("Friday breakfast club", "workshop", threshold=2)
    for answers in ANSWERS[:2]:
        token, _ = store.start("workshop", 1, "digest", name="Ann Example", workshop_id=workshop.id)
        store.save_answers(token, answers)
        store.complete(token)
    store.close()
    return workshop.code


def test_export_writes_the_anonymised_csv(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = make_workshop(database)
    output = tmp_path / "answers.csv"

    status = main(
        ["export", "--workshop", code.lower(), "-o", str(output), "--database", database,
         "--questionnaire", str(WORKSHOP_FILE)]
    )  # fmt: skip

    lines = output.read_text(encoding="utf-8-sig").splitlines()
    assert status == 0
    assert capsys.readouterr().out.strip().endswith("answers.csv")
    assert lines[0].startswith("participant,weights.a,")
    assert len(lines) == 3
    assert "Ann Example" not in output.read_text(encoding="utf-8-sig")


def test_an_unknown_code_writes_nothing_and_says_so(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_workshop(database)
    output = tmp_path / "answers.csv"

    status = main(["export", "--workshop", "ZZZZZZ", "-o", str(output), "--database", database])

    assert status == 1
    assert capsys.readouterr().err == "no workshop has the code 'ZZZZZZ'\n"
    assert not output.exists()


def test_a_workshop_on_a_questionnaire_that_is_gone_is_reported_by_file_and_line(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = make_workshop(database)

    status = main(
        ["export", "--workshop", code, "-o", str(tmp_path / "a.csv"), "--database", database]
    )

    assert status == 1
    assert "no questionnaire with id 'workshop'" in capsys.readouterr().err
