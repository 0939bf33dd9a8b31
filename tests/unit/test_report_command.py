"""``python -m netclarity report``: a response file in, a PDF file out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from netclarity.commands.cli import main

ROOT = Path(__file__).resolve().parents[2]
LUNCH = ROOT / "tests" / "questionnaires" / "every_type.yaml"


def write_response(folder: Path, **fields: object) -> Path:
    response = {
        "format": "netclarity-response/1",
        "questionnaire": "every_type",
        "version": 2,
        "name": "Robin Ødegård",
        "answers": {"day": "monday", "why": {"food": 5, "talk": 5}},
        **fields,
    }
    path = folder / "answers.json"
    path.write_text(json.dumps(response), encoding="utf-8")
    return path


def test_writes_the_summary_of_a_response(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers, pdf = write_response(tmp_path), tmp_path / "summary.pdf"

    status = main(["report", str(answers), "-o", str(pdf), "--questionnaire", str(LUNCH)])

    assert status == 0
    assert capsys.readouterr().out.strip().endswith("summary.pdf")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Prepared for Robin Ødegård" in cover
    assert "Which day suits you? Monday" in " ".join(
        " ".join(page.extract_text() for page in reader.pages).split()
    )


def test_name_and_paper_can_be_chosen(tmp_path: Path) -> None:
    answers, pdf = write_response(tmp_path), tmp_path / "summary.pdf"

    status = main(
        [
            "report",
            str(answers),
            "-o",
            str(pdf),
            "--questionnaire",
            str(LUNCH),
            "--name",
            "R. Ø.",
            "--paper",
            "letter",
        ]
    )

    assert status == 0
    page = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0]
    assert "Prepared for R. Ø." in page.extract_text()
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)


def test_a_broken_response_file_is_reported_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers, pdf = write_response(tmp_path, version="two"), tmp_path / "summary.pdf"

    status = main(["report", str(answers), "-o", str(pdf), "--questionnaire", str(LUNCH)])

    assert status == 1
    assert (
        "answers.json: it is not an answers file from this app (version number not a whole number)"
        in capsys.readouterr().err
    )
    assert not pdf.exists()


def test_answers_for_another_questionnaire_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write_response(tmp_path, questionnaire="networking_clarity")

    status = main(
        ["report", str(answers), "-o", str(tmp_path / "x.pdf"), "--questionnaire", str(LUNCH)]
    )

    assert status == 1
    assert "'networking_clarity', not 'every_type'" in capsys.readouterr().err
