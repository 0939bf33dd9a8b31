"""Facilitator sign-ins that outlive a server: a short-lived grant instead of the key.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "facilitator_grants",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("workshop_id", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_facilitator_grants"),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_facilitator_grants_workshop_id_workshops",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("facilitator_grants")
