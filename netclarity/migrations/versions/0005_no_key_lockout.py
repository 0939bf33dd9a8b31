"""Wrong facilitator keys are no longer counted per workshop, so they cannot lock it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("failed_attempts")
        batch.drop_column("locked_until")


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(
            sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
