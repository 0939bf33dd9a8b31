"""Published room snapshots: which finished participants the room views read.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workshop_snapshots",
        sa.Column("workshop_id", sa.Integer, nullable=False),
        sa.Column("round_id", sa.Integer, nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("workshop_id", "round_id", name="pk_workshop_snapshots"),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_workshop_snapshots_workshop_id_workshops",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("workshop_snapshots")
