"""case promised date

Revision ID: c0006
Revises: c0005
Create Date: 2026-11-24 19:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0006"
down_revision: str | None = "c0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Cases accepted before this revision have no recorded promise: the date stays empty
    # rather than being invented afterwards.
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("promised_date", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "promised_provisional", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("promised_provisional")
        batch_op.drop_column("promised_date")
