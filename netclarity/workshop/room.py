"""A workshop room's aggregate: who has joined and finished, and what the room said.

Definitions (the dashboard, the group PDF, the room rules and "me vs. the room" all read a
``Room``, so each quantity is defined once, here):

* *joined*: everyone who joined; *completed*: those who finished (saw their results);
  *in progress*: the rest. *Reached* a page: completed, or on that page or a later one, or
  moved on to it once with Next (``pages_done``) and gone back since.
* The aggregates are over the *published* participants only: the finished participants of
  the workshop's published snapshot (``netclarity.workshop.snapshot``), which changes only
  in steps of at least ``threshold`` people, so that no figure, and no pair of figures seen
  at different times, gives away one person's answers. They are shown only once the
  snapshot holds at least ``threshold`` people (``visible``). Progress (``joined``,
  ``completed``, ``reached``) is live. Each person's numbers are those ``netclarity.scoring``
  gives them (the same definitions, computed for the whole room at once):
  - ``stated`` / ``want`` / ``delivered``: the average stated weight (share of points), want
    (points as a share of the person's first goal's) and served share (how well their hours
    serve the goal, ``scoring.served``) per goal, over the completed participants who gave
    both goals and hours (``scored``);
  - ``hours_share``: the share of all the room's hours (``total_hours`` a month, of everyone
    completed who gave hours) that goes to each channel;
  - ``alignments``: every scored participant's alignment, sorted; ``median_alignment``;
  - ``obligations``: per channel, how many go there because they feel they should;
    ``with_obligation``: how many have at least one such place, out of ``motive_count``
    who answered the motive question;
  - ``unserved``: per goal, how many have it among their top goals yet are under-served on it
    (served below want by more than ``scoring.GAP``).
* *Polls* count the answers of the published participants; a poll's result is shown once
  ``threshold`` of them have answered it.
* *Free text* answers of the published participants, in an order that says nothing about who
  wrote them (a hash of a private seed and the participant), stable from one refresh to the
  next so a projected list does not jump about.

Everything runs on arrays: the answers are read into one matrix per role and the scores of
the whole room come from the same functions that score one person (``scoring.alignments``,
``scoring.served``, ``scoring.wants``, ``scoring.top_goals_mask``), so a person and a
one-person room always agree, and 10,000 responses aggregate in well under a second.
``read_room`` keeps the figures per published snapshot (``kept``), so a refresh between two
steps of the snapshot reads only the snapshot's state and the progress counts.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from netclarity import answers as answers_module
from netclarity import scoring
from netclarity.questionnaire import (
    ChoiceMatrix,
    Poll,
    Question,
    Questionnaire,
    TextQuestion,
)
from netclarity.store.database import Database
from netclarity.workshop.data import Participant, Progress, load_participants, load_progress
from netclarity.workshop.kept import Key, kept
from netclarity.workshop.snapshot import WITHHELD, Snapshot, published_snapshot, read_published
from netclarity.workshop.store import Workshop

Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]


@dataclass(frozen=True)
class PollResult:
    """Answers per option of one poll question, in the questionnaire's option order."""

    question_id: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, option_id: str) -> float:
        return self.counts.get(option_id, 0) / self.total if self.total else 0.0


@dataclass(frozen=True)
class Room:
    """The aggregate of one workshop (see the module docstring for every definition)."""

    threshold: int
    joined: int
    completed: int
    reached: tuple[tuple[str, int], ...]
    published: int
    scored: int
    stated: dict[str, float]
    want: dict[str, float]
    delivered: dict[str, float]
    hours_share: dict[str, float]
    total_hours: float
    alignments: tuple[float, ...]
    motive_count: int
    with_obligation: int
    obligations: dict[str, int]
    unserved: dict[str, int]
    polls: dict[str, PollResult]
    texts: dict[str, tuple[str, ...]]
    snapshot: str = ""
    """The identity of the published snapshot the figures are of (``read_room``), which the
    dashboard keeps their charts by; empty for a room summarised from participants given."""

    @property
    def in_progress(self) -> int:
        return self.joined - self.completed

    @property
    def visible(self) -> bool:
        """Enough people are published for the aggregates to be shown."""
        return self.published >= self.threshold

    def poll_visible(self, question_id: str) -> bool:
        poll = self.polls.get(question_id)
        return poll is not None and poll.total >= self.threshold

    @property
    def median_alignment(self) -> float | None:
        return float(np.median(self.alignments)) if self.alignments else None

    @property
    def obligation_share(self) -> float | None:
        """Share of the people who answered the motive question with at least one obligation."""
        return self.with_obligation / self.motive_count if self.motive_count else None

    def gap(self, goal_id: str) -> float:
        """Average served minus average want (the person's ``GoalScore.gap``, averaged)."""
        return self.delivered[goal_id] - self.want[goal_id]


def needed_keys(questionnaire: Questionnaire) -> set[str]:
    """The question keys the room reads, with every key their conditions depend on."""
    wanted: list[Question] = [
        q
        for q in questionnaire.questions
        if getattr(q, "role", None) in ("goals", "mix", "motive")
        or isinstance(q, Poll | TextQuestion)
    ]
    keys: set[str] = set()
    while wanted:
        question = wanted.pop()
        if question.id in keys:
            continue
        keys.add(question.id)
        subjects = [c.subject for c in question.conditions]
        if isinstance(question, ChoiceMatrix) and question.only_rows_used_in:
            subjects.append(question.only_rows_used_in)
        wanted += [questionnaire.question(s) for s in subjects if s not in keys]
    return keys


def read_room(database: Database, questionnaire: Questionnaire, workshop: Workshop) -> Room:
    """The room of ``workshop``: progress as it is now, figures from its published snapshot."""
    room = _published_figures(database, questionnaire, workshop)
    progress = load_progress(database, workshop.id)
    return dataclasses.replace(
        room,
        joined=sum(p.count for p in progress),
        completed=sum(p.count for p in progress if p.completed),
        reached=_reached(questionnaire, progress),
    )


def _published_figures(
    database: Database, questionnaire: Questionnaire, workshop: Workshop
) -> Room:
    """The figures of the published snapshot: kept ones while it is the same (``kept``).

    Read afresh (``snapshot.read_published``: the snapshot the same again after the answers
    were read, else the room shows nothing this time), and kept.
    """
    rooms = kept(database)
    snapshot = published_snapshot(database, workshop)
    room = rooms.get(Key.of(workshop, snapshot.identity), questionnaire)
    if room is not None:
        return room

    def read(shown: Snapshot) -> Room:
        keys = needed_keys(questionnaire)
        published = load_participants(database, workshop.id, keys, only=shown.rounds)
        return summarise(questionnaire, published, threshold=workshop.threshold, seed=workshop.seed)

    checked = read_published(database, workshop, read)
    if checked is None:
        room = summarise(questionnaire, [], threshold=workshop.threshold, seed=workshop.seed)
        return dataclasses.replace(room, snapshot=WITHHELD.identity)
    snapshot, room = checked
    room = dataclasses.replace(room, snapshot=snapshot.identity)
    rooms.put(Key.of(workshop, snapshot.identity), questionnaire, room)
    return room


def _reading(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire cut down to the questions the room reads, pages and order kept.

    ``answers.clean`` of it keeps exactly the answers the full questionnaire's would keep
    under those keys (their conditions only look at keys in ``needed_keys``), and it looks at
    a third of the questions: the visibility check is most of the room's time.
    """
    keys = needed_keys(questionnaire)
    pages = [
        page.model_copy(update={"questions": [q for q in page.questions if q.id in keys]})
        for page in questionnaire.pages
    ]
    return questionnaire.model_copy(update={"pages": [p for p in pages if p.questions]})


def summarise(
    questionnaire: Questionnaire,
    participants: Sequence[Participant],
    *,
    threshold: int,
    seed: str,
) -> Room:
    """The room of ``participants`` (read with at least ``needed_keys``); ``seed`` orders texts."""
    read = _reading(questionnaire)
    given = [answers_module.clean(read, p.answers) for p in participants]
    done = [answer for answer, p in zip(given, participants, strict=True) if p.completed]
    goal_ids = [g.id for g in questionnaire.goals]
    channel_ids = [c.id for c in questionnaire.channels]

    raw = _amounts(done, questionnaire.question_with_role("goals"), goal_ids)
    hours = _amounts(done, questionnaire.question_with_role("mix"), channel_ids)
    stated = scoring.normalised(raw)
    want = scoring.wants(raw)
    fit = scoring.fit_matrix(questionnaire)
    delivered = scoring.served(hours, fit)
    has_goals, has_mix = raw.sum(axis=1) > 0, hours.sum(axis=1) > 0
    scored = has_goals & has_mix

    alignments = scoring.alignments(stated[scored], hours[scored], fit)
    top = scoring.top_goals_mask(raw)
    under = (delivered - want) < -scoring.GAP
    motive_known, obligation = _obligations(questionnaire, done, channel_ids)
    mixed_hours = hours[has_mix].sum(axis=0)
    total_hours = float(mixed_hours.sum())

    return Room(
        threshold=threshold,
        joined=len(participants),
        completed=len(done),
        reached=_reached(
            questionnaire, [Progress(p.page, p.pages_done, p.completed) for p in participants]
        ),
        published=len(done),
        scored=int(scored.sum()),
        stated=_by_id(goal_ids, _mean(stated[scored], len(goal_ids))),
        want=_by_id(goal_ids, _mean(want[scored], len(goal_ids))),
        delivered=_by_id(goal_ids, _mean(delivered[scored], len(goal_ids))),
        hours_share=_by_id(
            channel_ids, mixed_hours / total_hours if total_hours else np.zeros(len(channel_ids))
        ),
        total_hours=total_hours,
        alignments=tuple(sorted(float(a) for a in alignments)),
        motive_count=int(motive_known.sum()),
        with_obligation=int(obligation.any(axis=1).sum()),
        obligations=_counts(channel_ids, obligation.sum(axis=0)),
        unserved=_counts(goal_ids, (top & under & scored[:, None]).sum(axis=0)),
        polls=_polls(questionnaire, given),
        texts=_texts(questionnaire, participants, given, seed),
    )


# --- the pieces -------------------------------------------------------------------------


def _amounts(
    given: Sequence[Mapping[str, Any]], question: Question | None, ids: Sequence[str]
) -> Floats:
    """One row per participant, one column per id: the amounts of an allocation answer
    (cleaned answers: plain numbers from 0 up, which numpy converts in one go)."""
    if question is None:
        return np.zeros((len(given), len(ids)), dtype=np.float64)
    rows = [scoring.amounts(answer.get(question.id), ids) for answer in given]
    return np.array(rows, dtype=np.float64).reshape(len(given), len(ids))


def _obligations(
    questionnaire: Questionnaire, given: Sequence[Mapping[str, Any]], channel_ids: Sequence[str]
) -> tuple[Flags, Flags]:
    """Who answered the motive matrix, and who goes where out of obligation (as ``scoring``).

    Only the rows the matrix shows count: with ``only_rows_used_in``, the channels given an
    amount above zero in that allocation.
    """
    question = questionnaire.question_with_role("motive")
    size = (len(given), len(channel_ids))
    if not isinstance(question, ChoiceMatrix):
        return np.zeros(len(given), dtype=bool), np.zeros(size, dtype=bool)
    columns = {c.id for c in question.columns}
    chosen = [answer.get(question.id) or {} for answer in given]
    if question.only_rows_used_in is None:
        shown = np.ones(size, dtype=bool)
    else:
        used = questionnaire.question(question.only_rows_used_in)
        shown = _amounts(given, used, channel_ids) > 0
    answered = np.array([[c.get(r) for r in channel_ids] for c in chosen], dtype=object)
    answered = answered.reshape(size)
    valid = np.zeros(size, dtype=bool)
    for column in columns:
        valid |= answered == column
    should = np.asarray(answered == scoring.OBLIGATION, dtype=bool)
    valid &= shown
    should &= shown
    return np.asarray(valid.any(axis=1), dtype=bool), should


def _reached(
    questionnaire: Questionnaire, progress: Sequence[Progress]
) -> tuple[tuple[str, int], ...]:
    """Per page: how many have completed, or are on that page or a later one, or have moved
    on from the page before it (and went back to change an answer)."""
    index = {page.id: i for i, page in enumerate(questionnaire.pages)}
    last = len(questionnaire.pages) - 1
    furthest = np.array(
        [
            last if p.completed else max(index.get(p.page or "", 0), min(p.pages_done or 0, last))
            for p in progress
        ],
        dtype=int,
    )
    counts = np.array([p.count for p in progress], dtype=int)
    return tuple(
        (page.id, int(counts[furthest >= i].sum())) for i, page in enumerate(questionnaire.pages)
    )


def _polls(
    questionnaire: Questionnaire, given: Sequence[Mapping[str, Any]]
) -> dict[str, PollResult]:
    results: dict[str, PollResult] = {}
    for question in questionnaire.questions:
        if not isinstance(question, Poll):
            continue
        options = [o.id for o in questionnaire.choices(question)]
        chosen = [answer.get(question.id) for answer in given]
        results[question.id] = PollResult(
            question.id, {o: sum(1 for c in chosen if c == o) for o in options}
        )
    return results


def _texts(
    questionnaire: Questionnaire,
    participants: Sequence[Participant],
    given: Sequence[Mapping[str, Any]],
    seed: str,
) -> dict[str, tuple[str, ...]]:
    texts: dict[str, tuple[str, ...]] = {}
    for question in questionnaire.questions:
        if not isinstance(question, TextQuestion):
            continue
        written = [
            (shuffle_key(seed, p.round_id, question.id), answer[question.id].strip())
            for p, answer in zip(participants, given, strict=True)
            if p.completed
            and isinstance(answer.get(question.id), str)
            and answer[question.id].strip()
        ]
        texts[question.id] = tuple(text for _, text in sorted(written))
    return texts


def shuffle_key(seed: str, round_id: int, question_id: str = "") -> str:
    """Where a participant's entry goes in a shuffled list: random-looking, but stable."""
    return hashlib.sha256(f"{seed}:{round_id}:{question_id}".encode()).hexdigest()


def _mean(rows: Floats, width: int) -> Floats:
    return rows.mean(axis=0) if len(rows) else np.zeros(width)


def _by_id(ids: Sequence[str], values: Floats) -> dict[str, float]:
    return {i: float(v) for i, v in zip(ids, values, strict=True)}


def _counts(ids: Sequence[str], values: NDArray[Any]) -> dict[str, int]:
    return {i: int(v) for i, v in zip(ids, values, strict=True)}
