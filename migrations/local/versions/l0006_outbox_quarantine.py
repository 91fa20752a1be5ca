"""outbox quarantine

Revision ID: l0006
Revises: l0005
Create Date: 2026-11-24 20:45:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "l0006"
down_revision: str | None = "l0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing rows were never quarantined: the three columns stay empty.
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quarantine_code", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("quarantine_detail", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("quarantined_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # Quarantined rows go back to pending so that no command is lost by a downgrade.
    op.execute("UPDATE outbox SET status = 'pending' WHERE status = 'quarantined'")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("quarantined_at")
        batch_op.drop_column("quarantine_detail")
        batch_op.drop_column("quarantine_code")
