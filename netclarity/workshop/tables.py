"""The workshop tables, in the store's ``metadata``: the shape migrations 0003–0009 create.

A participant is an ordinary respondent whose ``respondents.workshop_id`` names the
workshop; the round they answer in the workshop is their first (a retake months later is
their own). There is no foreign key from ``respondents.workshop_id``: the store records the
id it is given, and the workshop code checks the workshop before anyone joins it.

``closes_at`` is the closing time the facilitator may set in advance, ``closed_at`` when
they closed it by hand; either closes it. Wrong facilitator keys are not counted here (they
were until migration 0005): a count shared by everyone let anyone lock the facilitator out.
``view_key_hash`` is the SHA-256 of the projector's view-only key (``keys.view_key``); a
workshop created before migration 0006 gets it when its facilitator next signs in.

``workshop_snapshots`` is the published snapshot (``netclarity.workshop.snapshot``): the
rounds the room views read, each with the time its answers last changed when it was
published. ``round_id`` has no foreign key on purpose: a round deleted since must still be
seen as missing from the snapshot, not vanish from it unnoticed.

``pace`` is ``self`` (everyone at their own speed) or ``facilitator`` (the room moves section
by section); ``open_section`` is the index of the section open last (0: the first), and the
number of sections or more means the facilitator has ended the sections. The pace lives
here, not in any server's memory, so every app server moves its participants on.
``workshop_section_snapshots`` is the published snapshot of each section's finishers
(``snapshot``, per section id), the same rule as the room's.

``facilitator_grants`` holds what a signed-in facilitator's address carries instead of the
key (``Workshops.grant``): the SHA-256 of a random token, its workshop and when it expires.
"""

from __future__ import annotations

import sqlalchemy as sa

from netclarity.store.tables import MAX_QUESTIONNAIRE_ID, Timestamp, metadata
from netclarity.workshop.codes import LENGTH

MAX_TITLE = 200
KEY_HASH_LENGTH = 64
MAX_SECTION = 64

workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(LENGTH), nullable=False, unique=True),
    sa.Column("title", sa.String(MAX_TITLE), nullable=False),
    sa.Column("questionnaire_id", sa.String(MAX_QUESTIONNAIRE_ID), nullable=False),
    sa.Column("threshold", sa.Integer, nullable=False),
    sa.Column("key_hash", sa.String(KEY_HASH_LENGTH), nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("closes_at", Timestamp, nullable=True),
    sa.Column("closed_at", Timestamp, nullable=True),
    sa.Column("view_key_hash", sa.String(KEY_HASH_LENGTH), nullable=True),
    sa.Column("pace", sa.String(20), nullable=False, server_default="self"),
    sa.Column("open_section", sa.Integer, nullable=False, server_default="0"),
)

workshop_snapshots = sa.Table(
    "workshop_snapshots",
    metadata,
    sa.Column(
        "workshop_id",
        sa.Integer,
        sa.ForeignKey("workshops.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("round_id", sa.Integer, primary_key=True),
    sa.Column("answered_at", Timestamp, nullable=True),
)

workshop_section_snapshots = sa.Table(
    "workshop_section_snapshots",
    metadata,
    sa.Column(
        "workshop_id",
        sa.Integer,
        sa.ForeignKey("workshops.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("section", sa.String(MAX_SECTION), primary_key=True),
    sa.Column("round_id", sa.Integer, primary_key=True),
    sa.Column("answered_at", Timestamp, nullable=True),
)

facilitator_grants = sa.Table(
    "facilitator_grants",
    metadata,
    sa.Column("token_hash", sa.String(KEY_HASH_LENGTH), primary_key=True),
    sa.Column(
        "workshop_id",
        sa.Integer,
        sa.ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("expires_at", Timestamp, nullable=False),
)
