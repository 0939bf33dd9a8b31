"""Facilitator-paced workshops: the pace and open section, how far each person got, and a
published snapshot per section.

Existing workshops stay self-paced with their first section open; existing rounds have no
``pages_done`` (the room then reads their current page, as before).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("pace", sa.String(20), nullable=False, server_default="self"))
        batch.add_column(sa.Column("open_section", sa.Integer, nullable=False, server_default="0"))
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(sa.Column("pages_done", sa.Integer, nullable=True))
    op.create_table(
        "workshop_section_snapshots",
        sa.Column("workshop_id", sa.Integer, nullable=False),
        sa.Column("section", sa.String(64), nullable=False),
        sa.Column("round_id", sa.Integer, nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint(
            "workshop_id", "section", "round_id", name="pk_workshop_section_snapshots"
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_workshop_section_snapshots_workshop_id_workshops",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("workshop_section_snapshots")
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("pages_done")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("open_section")
        batch.drop_column("pace")
