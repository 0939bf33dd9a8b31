"""Respondents remember the workshop they joined (the workshops table comes later).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("respondents") as batch:
        batch.add_column(sa.Column("workshop_id", sa.Integer, nullable=True))
        batch.create_index("ix_respondents_workshop_id", ["workshop_id"])


def downgrade() -> None:
    with op.batch_alter_table("respondents") as batch:
        batch.drop_index("ix_respondents_workshop_id")
        batch.drop_column("workshop_id")
