"""A paced workshop's discussion view of one section: who has finished it, what they said.

Definitions (the dashboard and the projector read a ``SectionView``):

* *finished* the section: completed, or moved on with Next from its last page
  (``rounds.pages_done``), whatever page they look at now: going back to change an answer
  does not take a person out of the count. *joined* as for the room. Both are live.
* What the room said comes from the section's published snapshot (``snapshot.Part``): the
  finishers as they were when at least ``threshold`` of them differed from the previous
  snapshot, read only once it holds ``threshold`` people (``visible``), like the room's.
* For each question of the section (as each person's own answers show it, ``show_if``), its
  type's ``summary`` over the answers given, in the room's shuffled order
  (``room.shuffle_key``): how many chose each option, average amounts, the median, or every
  free-text answer without names (see ``netclarity/question_types/``).
* The discussion prompts are the questionnaire's room rules that read one of the section's
  questions (``functions.reads``), evaluated on the room of the section's published
  finishers with every answer they have given up to the end of the section.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netclarity import answers as answer_rules
from netclarity.insights import Finding
from netclarity.question_types import type_of
from netclarity.question_types.base import RoomSummary
from netclarity.questionnaire import Question, Questionnaire, Section
from netclarity.store.database import Database
from netclarity.workshop.data import Participant, load_participants
from netclarity.workshop.functions import section_prompts
from netclarity.workshop.room import shuffle_key, summarise
from netclarity.workshop.snapshot import Part, Snapshot, read_published
from netclarity.workshop.store import Workshop


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
    summaries: tuple[RoomSummary, ...]
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

    def read(shown: Snapshot) -> list[Participant]:
        return load_participants(database, workshop.id, part.keys, only=shown.rounds)

    checked = read_published(database, workshop, read, part)
    published = [] if checked is None else checked[1]
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
    summaries: list[RoomSummary] = []
    prompts: list[Finding] = []
    if visible:
        for page in questionnaire.section_pages(index):
            for question in page.questions:
                summary = summarise_question(questionnaire, question, participants, given, workshop)
                if summary is not None:
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
) -> RoomSummary | None:
    """The room's answers to ``question`` by its type's ``summary`` (``given``: each
    participant's cleaned answers), in the room's shuffled order; None when nobody answered."""
    values = [
        value
        for _, value in sorted(
            (shuffle_key(workshop.seed, p.round_id, question.id), answer[question.id])
            for p, answer in zip(participants, given, strict=True)
            if answer_rules.is_answered(answer.get(question.id))
        )
    ]
    if not values:
        return None
    return type_of(question).summary(questionnaire, question, values)
