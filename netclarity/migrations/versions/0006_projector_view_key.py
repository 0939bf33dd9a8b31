"""The projector's view-only key (its hash), so the facilitator link stays off the screen.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("view_key_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("view_key_hash")
