"""The suggested first step: a few hours moved the way a networking coach would move them.

A coach does not hand a person the mix that maximises a score; people abandon plans that
reorganise their life. A first step takes time back where the person's own answers say it is
wasted and puts it where they already like to be and their goals are served. The rules, each
a property the tests check:

* Total hours are kept (except the *starter plan* for someone with no hours yet: a few hours,
  ``STARTER_HOURS`` each, in the two places that serve their goals best).
* Hours leave *questionable* places first: where the person goes because they feel they
  *should*, or that brought *nothing much yet* (``DUTY_SHARE`` of its hours for each of the two
  reasons, so half for a place that is both), and places that serve the person's goals poorly
  (an hour there is worth less than ``KEEP`` of an hour in the best place for their goals:
  up to ``LOW_SHARE`` of its hours, rising smoothly as its value falls, so a nudge in an answer
  never turns a "keep" into a "move everything"; half that for a place that brought
  something, the last to touch). Questionable places give first. A questionable place never
  gains hours and is never protected.
* A place the person wants to be in, that brought something, and that serves one of their top
  goals as well as any place can, or whose outcome shows it serving a top goal (a breakfast
  club that brought clients, for someone who wants clients), is *protected*: it keeps its
  hours whatever its value for the other goals (the protection fades in smoothly as a goal
  becomes a top goal).
* Hours go to *receivers*: places that are not questionable and serve the person's goals well
  (value at least ``KEEP``, fading in over ``RAMP``, or protected): first the places the
  person already uses, best first, then new places, best first. Each takes at most as many
  hours as it has now, and at least ``TRIAL_HOURS``: an existing habit grows, at most
  doubling, and a place not used yet gets a trial. When the person has nothing to build on
  (``foundation`` below ``BUILD_ON`` hours), the best places take what the step moves,
  without that limit.
* An hour only moves to a place at least nearly as good for the person's goals: hours from a
  duty or nothing-yet place to one at most ``SLACK`` (of the best place's value) worse, and
  then only part of them, fading out smoothly; hours from any other place only to a better
  one, fully once it is ``SLACK`` better. So a nudge that makes a receiver a hair better or
  worse cannot switch a move on or off at once.
  A first step lowers alignment by at most ``100 * SLACK`` times the share of hours moved, and
  only when it takes hours out of a place the person goes to out of duty or that brought
  nothing, which a coach would move whatever the fit table says.
* At most ``MOST_PLACES`` places give hours and at most as many receive them.
* Amounts are rounded down to the questionnaire's step (half an hour by default).
* Someone in good shape (no questionable place, nothing that serves their goals poorly) is told
  to keep going: nothing moves.

The function is pure and deterministic: the same answers always give the same step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MOST_PLACES = 3
"""A first step takes hours from at most this many places and puts them into at most this
many: the ones with the most to give (duty and nothing-yet places first among equals) and
the best receivers. A step that touches every place in the diary is a reshuffle, not a step."""
STARTER_HOURS = 2.0
"""Hours a month in each of the two places of a starter plan."""
TRIAL_HOURS = 2.0
"""The most hours a first step puts into a place the person does not use yet."""
BUILD_ON = 2.0
"""Hours a month in places to build on (``foundation``) from which a new place gets only a
trial; with none, new places take whatever the step moves."""
DUTY_SHARE = 0.25
"""Share of a place's hours taken for each of "you feel you should" and "nothing much yet"."""
LOW_SHARE = 0.5
"""Share of a place's hours taken when an hour there is worth nothing for the person's goals."""
PRODUCTIVE_SHARE = 0.5
"""A wanted place that brought something is the last to touch: it gives at most this share of
what a place serving the goals as poorly but bringing nothing would give."""
KEEP = 0.6
"""Value (relative to the best place for the person's goals) at which a place serves them
well enough to keep all its hours, and to receive hours."""
SLACK = 0.2
"""How much worse (relative to the best place's value) a receiver may be than the place the
hours leave."""
RAMP = 0.4
"""How far above ``KEEP`` a receiver's value climbs before it can take its full share: the
better a place serves the person's goals, the more of the moved hours it may take."""

Kind = Literal["starter", "keep_going", "rebalance", "no_move"]
Reason = Literal["should", "nothing", "low"]


@dataclass(frozen=True)
class Place:
    """What the first step needs to know about one place (a channel) for one person.

    ``value``: how well an hour there serves the person's goals, relative to the best place
    (0-1). ``protection``: 1 when it is a wanted, productive place serving a top goal as well
    as any place can (0-1, fading in). ``should``/``nothing``: the person goes because they
    feel they should / it brought nothing much yet; ``productive``: it brought something.
    """

    id: str
    hours: float
    value: float
    should: bool = False
    nothing: bool = False
    productive: bool = False
    protection: float = 0.0

    @property
    def questionable(self) -> bool:
        return self.should or self.nothing

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why hours leave: the person's own answers when they give a reason (duty, nothing
        back), else that an hour there does less for their goals than elsewhere."""
        found: list[Reason] = []
        if self.should:
            found.append("should")
        if self.nothing:
            found.append("nothing")
        return tuple(found) or ("low",)


@dataclass(frozen=True)
class Move:
    """Hours a month taken from ``source`` and put into ``target``."""

    source: str
    target: str
    hours: float
    trial: bool


@dataclass(frozen=True)
class FirstStep:
    """The suggestion: its kind, the hours per place afterwards, and the moves, largest first."""

    kind: Kind
    hours: dict[str, float]
    moves: tuple[Move, ...]
    reasons: dict[str, tuple[Reason, ...]]
    foundation: float = 0.0

    @property
    def moved(self) -> float:
        return sum(m.hours for m in self.moves)


def suggest(places: Sequence[Place], step: float = 0.5) -> FirstStep:
    """The first step for these places (in questionnaire order; see the module docstring)."""
    now = {p.id: p.hours for p in places}
    if sum(now.values()) <= 0:
        return _starter(places)
    receivers = _receivers(places)[:MOST_PLACES]
    moves: list[Move] = []
    room = {p.id: capacity for p, capacity in receivers}
    reasons: dict[str, tuple[Reason, ...]] = {}
    # the places with the most to give, whatever they are: a duty place too small to give
    # even one step must not crowd out a large place that serves the goals poorly
    givers = sorted(
        (p for p in places if _floor(p.hours * _share_taken(p), step) > 0),
        key=lambda p: (-_floor(p.hours * _share_taken(p), step), not p.questionable),
    )[:MOST_PLACES]
    for donor in sorted(givers, key=lambda p: (not p.questionable, p.value)):
        wanted = _floor(donor.hours * _share_taken(donor), step)
        for receiver, _ in receivers:
            if wanted <= 0:
                break
            if receiver.id == donor.id:
                continue
            better = (receiver.value - donor.value) / SLACK
            # duty and nothing-yet hours may go to a place nearly as good; others only to a
            # clearly better one: both fade in, so no nudge switches a move on or off at once
            nearly = _clamp(better + 1.0 if donor.questionable else better)
            if nearly <= 0:
                continue
            amount = _floor(min(wanted, room[receiver.id] * nearly), step)
            if amount <= 0:
                continue
            room[receiver.id] -= amount
            wanted -= amount
            moves.append(Move(donor.id, receiver.id, amount, trial=receiver.hours <= 0))
        if any(m.source == donor.id for m in moves):
            reasons[donor.id] = donor.reasons
    after = dict(now)
    for move in moves:
        after[move.source] -= move.hours
        after[move.target] += move.hours
    if moves:
        kind: Kind = "rebalance"
    elif any(_share_taken(p) > 0 for p in places if p.hours > 0):
        kind = "no_move"
    else:
        kind = "keep_going"
    ordered = sorted(moves, key=lambda m: -m.hours)
    return FirstStep(kind, after, tuple(ordered), reasons, foundation(places))


def _share_taken(place: Place) -> float:
    """The share of a place's hours the step would like to take back (module docstring)."""
    if place.hours <= 0:
        return 0.0
    duty = DUTY_SHARE * (int(place.should) + int(place.nothing))
    protection = 0.0 if place.questionable else place.protection
    last_to_touch = PRODUCTIVE_SHARE if place.productive else 1.0
    low = _clamp((KEEP - place.value) / KEEP) * LOW_SHARE * last_to_touch * (1.0 - protection)
    return max(duty, low)


def foundation(places: Sequence[Place]) -> float:
    """Hours a month in places to build on: places in use that could take more hours (not
    attended out of duty, bringing something or not asked about, and serving the person's
    goals well or protected), each hour counted as fully as the place may receive. A place the
    step takes hours from is not one to build on, however many hours it has, and a nudge never
    makes a foundation appear at once."""
    return sum(p.hours * _strength(p) for p in places if p.hours > 0)


def _receivers(places: Sequence[Place]) -> list[tuple[Place, float]]:
    """The places that may take hours, each with the most it may take: first the places in
    use, best first, then new ones, best first.

    A place may double its hours and take at least ``TRIAL_HOURS`` (a new place: a trial);
    while the person has less than ``BUILD_ON`` hours to build on, it may also take what those
    few hours cannot, smoothly less as they grow. A place used for half an hour counts the same
    as an unused one, so starting to use it never shuts it out of the step.
    """
    strength = {p.id: _strength(p) for p in places}
    candidates = [p for p in places if strength[p.id] > 0]
    ranked = sorted(candidates, key=lambda p: (p.hours <= 0, -p.value, places.index(p)))
    unbuilt = 1.0 - _clamp(foundation(places) / BUILD_ON)
    everything = sum(p.hours for p in places)
    least = TRIAL_HOURS + unbuilt * everything
    return [(p, max(p.hours, least) * strength[p.id]) for p in ranked]


def _strength(place: Place) -> float:
    """How fully a place may receive hours (0-1): not at all when it is questionable or gives
    hours itself; fully when it serves the person's goals well (fading in over ``RAMP`` above
    ``KEEP``) or is protected."""
    if place.questionable or place.value <= 0 or _share_taken(place) > 0:
        return 0.0
    return max(_clamp((place.value - KEEP) / RAMP), place.protection)


def _starter(places: Sequence[Place]) -> FirstStep:
    """A few hours in the two places that serve the person's goals best."""
    best = sorted((p for p in places if p.value > 0), key=lambda p: (-p.value, places.index(p)))
    hours = {p.id: 0.0 for p in places}
    for place in best[:2]:
        hours[place.id] = STARTER_HOURS
    return FirstStep("starter", hours, (), {})


def _floor(hours: float, step: float) -> float:
    """Hours rounded down to the step (with a hair of tolerance for float sums)."""
    return math.floor(hours / step + 1e-9) * step


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))
