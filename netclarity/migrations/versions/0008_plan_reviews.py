"""Plan reviews: a check-in round's look back at the previous round's plan.

One row per round that has a review (a retake whose previous round had a plan). Rounds and
plans already stored are untouched: a round without a row simply has no review.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "plan_reviews",
        sa.Column("round_id", sa.Integer, nullable=False),
        # TEXT on SQLite for the same reason as answers.value (migration 0001).
        sa.Column("value", sa.JSON().with_variant(sa.Text(), "sqlite"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("round_id", name="pk_plan_reviews"),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["rounds.id"],
            name="fk_plan_reviews_round_id_rounds",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("plan_reviews")
