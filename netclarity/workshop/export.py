"""The anonymised CSV of a workshop: one row per finished participant, one column per answer.

It follows the room's privacy rule (``netclarity.workshop.snapshot``): the rows are the
published snapshot's participants — people who finished, never someone halfway through —
and there are none until the snapshot holds the privacy threshold. So two downloads differ
by at least that many people, and the rows are sorted by what they hold, so a row's place
says nothing about when its writer joined or finished, or which rows are new. Anonymised:
no names, tokens, ids or times; the rows are numbered 1, 2, 3... after sorting. Hidden
answers (a question whose condition no longer holds) are left out, as on the review page.

Columns: ``participant``, then per question in questionnaire order its id; an allocation
gets one column per option (``hours.meetups``, a number) and a
choice matrix one per row (``motive.meetups``, the chosen column's label). Choices are
written as their labels, several choices (multiple choice, ranking in order) joined with
``"; "``, Likert answers as the point's label, numbers as numbers.

Formula injection: a spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as
a formula (and a leading tab or carriage return can hide one), so every *text* cell that
begins with one of those gets a single quote in front (``'=1+1``), which spreadsheets show
as text. Numbers the export writes itself are left as they are, so ``-5`` stays a number.
The file is UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from netclarity import answers as answers_module
from netclarity.question_types import type_of
from netclarity.questionnaire import Question, Questionnaire
from netclarity.store.database import Database
from netclarity.workshop.data import Participant, load_participants
from netclarity.workshop.snapshot import Snapshot, read_published
from netclarity.workshop.store import Workshop

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text``, with a leading single quote if a spreadsheet could take it for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def header(questionnaire: Questionnaire) -> list[str]:
    columns = ["participant"]
    for question in questionnaire.questions:
        parts = type_of(question).columns(questionnaire, question)
        columns += [f"{question.id}.{part}" for part in parts] if parts else [question.id]
    return columns


def rows(questionnaire: Questionnaire, participants: Sequence[Participant]) -> list[list[str]]:
    """The header and one row per finished participant, sorted by content, as the CSV holds it."""
    answered = []
    for participant in participants:
        if not participant.completed:
            continue
        given = answers_module.clean(questionnaire, participant.answers)
        cells: list[str] = []
        for question in questionnaire.questions:
            cells += _cells(questionnaire, question, given.get(question.id))
        answered.append(cells)
    numbered = [[str(n), *cells] for n, cells in enumerate(sorted(answered), start=1)]
    return [header(questionnaire), *numbered]


def csv_bytes(questionnaire: Questionnaire, participants: Sequence[Participant]) -> bytes:
    """The CSV file (UTF-8 with BOM)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows(questionnaire, participants))
    return buffer.getvalue().encode("utf-8-sig")


def _cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    return [_cell(v) for v in type_of(question).cells(questionnaire, question, value)]


def _cell(value: Any) -> str:
    """A number the export writes as a number; anything else as text, neutralised."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:.15g}"
    return "" if value is None else neutralise(str(value))


def export_csv(database: Database, questionnaire: Questionnaire, workshop: Workshop) -> bytes:
    """The CSV of ``workshop``'s published snapshot: no rows below the privacy threshold."""

    def read(shown: Snapshot) -> list[Participant]:
        if len(shown.rounds) < workshop.threshold:
            return []
        return load_participants(database, workshop.id, only=shown.rounds)

    checked = read_published(database, workshop, read)
    return csv_bytes(questionnaire, [] if checked is None else checked[1])
