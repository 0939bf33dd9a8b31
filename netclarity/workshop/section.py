"""A paced workshop's discussion view of one section: who has finished it, what they said.

Definitions (the dashboard and the projector read a ``SectionView``):

* *finished* the section: completed, or moved on with Next from its last page
  (``rounds.pages_done``), whatever page they look at now: going back to change an answer
  does not take a person out of the count. *joined* as for the room. Both are live.
* What the room said comes from the section's published snapshot (``snapshot.Part``): the
  finishers as they were when at least ``threshold`` of them differed from the previous
  snapshot, read only once it holds ``threshold`` people (``visible``), like the room's.
* For each question of the section (as each person's own answers show it, ``show_if``):
  - choices, polls and Likert scales: how many people chose each option;
  - multiple choice: how many people chose each option (a person counts once per option);
  - allocations: the average amount per option over those who answered, largest first;
  - rankings: how many people put each option first;
  - choice matrices: how many people chose each column, per row, pairs nobody chose left out;
  - numbers and sliders: the median and how many answered;
  - free text: every answer, shuffled as the room's are (``room.shuffle_key``), no names.
* The discussion prompts are the questionnaire's room rules that read one of the section's
  questions (``functions.reads``), evaluated on the room of the section's published
  finishers with every answer they have given up to the end of the section.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netclarity import answers as answer_rules
from netclarity import scoring
from netclarity.insights import Finding
from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    Likert,
    MultipleChoice,
    NumberQuestion,
    Poll,
    Question,
    Questionnaire,
    Ranking,
    Section,
    SingleChoice,
    TextQuestion,
)
from netclarity.store.database import Database
from netclarity.workshop.data import Participant, load_participants
from netclarity.workshop.functions import section_prompts
from netclarity.workshop.room import shuffle_key, summarise
from netclarity.workshop.snapshot import Part, published_rounds
from netclarity.workshop.store import Workshop


@dataclass(frozen=True)
class Summary:
    """The room's answers to one question; which fields are filled depends on its type."""

    question: Question
    answered: int
    counts: tuple[tuple[str, float], ...] = ()
    """Rows of a bar chart as (label, value): counts, or averages for an allocation."""
    median: float | None = None
    texts: tuple[str, ...] = ()

    @property
    def averages(self) -> bool:
        return isinstance(self.question, Allocation)


@dataclass(frozen=True)
class SectionView:
    """One section of a paced workshop as the facilitator discusses it."""

    index: int
    sections: int
    section: Section
    threshold: int
    joined: int
    finished: int
    published: int
    summaries: tuple[Summary, ...]
    prompts: tuple[Finding, ...]

    @property
    def visible(self) -> bool:
        return self.published >= self.threshold


def section_part(questionnaire: Questionnaire, index: int) -> Part:
    """What the snapshot of section ``index`` is of (``snapshot.Part``)."""
    end = questionnaire.section_end(index)
    keys = frozenset(q.id for page in questionnaire.pages[:end] for q in page.questions)
    return Part(questionnaire.paced_sections[index].id, keys, end)


def read_section(
    database: Database, questionnaire: Questionnaire, workshop: Workshop, index: int
) -> SectionView:
    """Section ``index`` of ``workshop`` now: live counts, the rest from its snapshot."""
    part = section_part(questionnaire, index)
    shown = published_rounds(database, workshop, part)
    published = load_participants(database, workshop.id, part.keys, only=shown)
    everyone = load_participants(database, workshop.id, keys=())
    view = summarise_section(questionnaire, index, published, workshop)
    finished = sum(p.completed or (p.pages_done or 0) >= part.pages_done for p in everyone)
    return dataclasses.replace(view, joined=len(everyone), finished=finished)


def summarise_section(
    questionnaire: Questionnaire,
    index: int,
    participants: Sequence[Participant],
    workshop: Workshop,
) -> SectionView:
    """The view of section ``index`` over ``participants`` (its published finishers); its
    ``joined`` and ``finished`` count them too, until ``read_section`` puts in the live ones."""
    end = questionnaire.section_end(index)
    upto = questionnaire.model_copy(update={"pages": questionnaire.pages[:end]})
    given = [answer_rules.clean(upto, p.answers) for p in participants]
    visible = len(participants) >= workshop.threshold
    summaries: list[Summary] = []
    prompts: list[Finding] = []
    if visible:
        for page in questionnaire.section_pages(index):
            for question in page.questions:
                summary = summarise_question(questionnaire, question, participants, given, workshop)
                if summary.answered:
                    summaries.append(summary)
        finishers = [dataclasses.replace(p, completed=True) for p in participants]
        room = summarise(upto, finishers, threshold=workshop.threshold, seed=workshop.seed)
        keys = {q.id for page in questionnaire.section_pages(index) for q in page.questions}
        prompts = section_prompts(upto, room, keys)
    return SectionView(
        index=index,
        sections=len(questionnaire.paced_sections),
        section=questionnaire.paced_sections[index],
        threshold=workshop.threshold,
        joined=len(participants),
        finished=len(participants),
        published=len(participants),
        summaries=tuple(summaries),
        prompts=tuple(prompts),
    )


def summarise_question(
    questionnaire: Questionnaire,
    question: Question,
    participants: Sequence[Participant],
    given: Sequence[Mapping[str, Any]],
    workshop: Workshop,
) -> Summary:
    """The room's answers to ``question`` (``given``: each participant's cleaned answers)."""
    values = [
        answer[question.id] for answer in given if answer_rules.is_answered(answer.get(question.id))
    ]
    labels = {o.id: o.label for o in questionnaire.choices(question)}
    if isinstance(question, TextQuestion):
        written = sorted(
            (shuffle_key(workshop.seed, p.round_id, question.id), answer[question.id].strip())
            for p, answer in zip(participants, given, strict=True)
            if answer_rules.is_answered(answer.get(question.id))
        )
        return Summary(question, len(written), texts=tuple(text for _, text in written))
    if isinstance(question, NumberQuestion):
        numbers = [float(v) for v in values if isinstance(v, int | float)]
        median = statistics.median(numbers) if numbers else None
        return Summary(question, len(numbers), median=median)
    if isinstance(question, Likert):
        points = {str(i): point for i, point in enumerate(question.points)}
        if question.not_applicable:
            points["na"] = question.not_applicable
        return Summary(question, len(values), counts=_counted(points, [str(v) for v in values]))
    if isinstance(question, MultipleChoice):
        chosen = [c for v in values if isinstance(v, list) for c in set(v)]
        return Summary(question, len(values), counts=_counted(labels, chosen))
    if isinstance(question, Ranking):
        firsts = [v[0] for v in values if isinstance(v, list) and v]
        return Summary(question, len(values), counts=_counted(labels, firsts))
    if isinstance(question, Allocation):
        amounts = [v for v in values if isinstance(v, dict)]
        if not amounts:
            return Summary(question, 0)
        per_person = [scoring.amounts(a, list(labels)) for a in amounts]
        averages = [
            (label, sum(row[i] for row in per_person) / len(amounts))
            for i, label in enumerate(labels.values())
        ]
        averages.sort(key=lambda row: -row[1])  # stable: ties keep the questionnaire's order
        return Summary(question, len(amounts), counts=tuple(averages))
    if isinstance(question, ChoiceMatrix):
        matrices = [v for v in values if isinstance(v, dict)]
        pairs = [
            (f"{row}: {column.label}", sum(1 for m in matrices if m.get(row_id) == column.id))
            for row_id, row in labels.items()
            for column in question.columns
        ]
        return Summary(question, len(matrices), counts=tuple((n, c) for n, c in pairs if c))
    if isinstance(question, SingleChoice | Poll):
        return Summary(question, len(values), counts=_counted(labels, [str(v) for v in values]))
    return Summary(question, 0)


def _counted(labels: Mapping[str, str], chosen: Sequence[str]) -> tuple[tuple[str, float], ...]:
    """How often each option was chosen, every option in the questionnaire's order."""
    return tuple((label, chosen.count(option)) for option, label in labels.items())
