"""The tables, as SQLAlchemy Core metadata: the shape the newest migration produces.

A *respondent* is one person behind one resume token; a *round* is one pass through one
questionnaire version (round 2 is the retake in 90 days); an *answer* is one row per
(round, question key), so each autosave is a one-row upsert and two tabs saving different
questions at once never overwrite each other. The plan is the answer under ``PLAN_KEY``; a
check-in round's review of the previous plan is its row in ``plan_reviews``.

This module describes the schema for queries; ``netclarity/migrations`` creates and changes
it. Change both together (see ``netclarity.store.migrate``).
"""

from __future__ import annotations

import sqlalchemy as sa

PLAN_KEY = "plan"
MAX_KEY = 200
MAX_NAME = 200
MAX_QUESTIONNAIRE_ID = 200
MAX_DIGEST = 128
MAX_PAGE = 200

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Timestamp = sa.DateTime(timezone=True)

respondents = sa.Table(
    "respondents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(MAX_NAME), nullable=True),
    sa.Column("created_at", Timestamp, nullable=False),
    # Which workshop the person joined; the workshops table and its foreign key come later.
    sa.Column("workshop_id", sa.Integer, nullable=True, index=True),
)

rounds = sa.Table(
    "rounds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "respondent_id",
        sa.Integer,
        sa.ForeignKey("respondents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("questionnaire_id", sa.String(MAX_QUESTIONNAIRE_ID), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("digest", sa.String(MAX_DIGEST), nullable=True),
    sa.Column("page", sa.String(MAX_PAGE), nullable=True),
    # How many pages the person has moved on from with Next (never goes down): a paced
    # workshop counts who has finished a section by it, whatever page they look at now.
    sa.Column("pages_done", sa.Integer, nullable=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
    sa.Column("completed_at", Timestamp, nullable=True),
    sa.UniqueConstraint("respondent_id", "number"),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column(
        "round_id",
        sa.Integer,
        sa.ForeignKey("rounds.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("key", sa.String(MAX_KEY), primary_key=True),
    # Created as TEXT on SQLite (see migration 0001); read and written as JSON everywhere.
    sa.Column("value", sa.JSON, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

plan_reviews = sa.Table(
    "plan_reviews",
    metadata,
    sa.Column(
        "round_id",
        sa.Integer,
        sa.ForeignKey("rounds.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # A ``netclarity.response.PlanReview`` as JSON (TEXT on SQLite, see migration 0004).
    sa.Column("value", sa.JSON, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)
