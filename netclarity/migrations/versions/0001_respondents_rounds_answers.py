"""Respondents (hashed resume tokens), their rounds, and one row per answer.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "respondents",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_respondents"),
        sa.UniqueConstraint("token_hash", name="uq_respondents_token_hash"),
    )
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("respondent_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("questionnaire_id", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(128), nullable=True),
        sa.Column("page", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_rounds"),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondents.id"],
            name="fk_rounds_respondent_id_respondents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("respondent_id", "number", name="uq_rounds_respondent_id_number"),
    )
    op.create_table(
        "answers",
        sa.Column("round_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        # TEXT on SQLite: a column declared JSON gets numeric affinity there, which would turn
        # a stored 1.0 into 1 and 12345678901234567890 into a float. Queries still use JSON.
        sa.Column("value", sa.JSON().with_variant(sa.Text(), "sqlite"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("round_id", "key", name="pk_answers"),
        sa.ForeignKeyConstraint(
            ["round_id"], ["rounds.id"], name="fk_answers_round_id_rounds", ondelete="CASCADE"
        ),
    )


def downgrade() -> None:
    op.drop_table("answers")
    op.drop_table("rounds")
    op.drop_table("respondents")
