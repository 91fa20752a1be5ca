"""queue claim indexes: partial indexes over the waiting tickets in issue order

Call-next walks them (one ``LIMIT 1`` probe each) instead of sorting every waiting ticket.

Revision ID: c0011
Revises: c0010
Create Date: 2026-11-24 21:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0011"
down_revision: str | None = "c0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_tickets_waiting", ["hall_code", "business_day", "issued_at", "id"], "state = 'waiting'"),
    (
        "ix_tickets_waiting_transfer",
        ["hall_code", "business_day", "target_window", "issued_at", "id"],
        "state = 'waiting' AND target_window IS NOT NULL",
    ),
    (
        "ix_tickets_waiting_category",
        ["hall_code", "business_day", "category", "issued_at", "id"],
        "state = 'waiting' AND target_window IS NULL",
    ),
)


def upgrade() -> None:
    for name, columns, where in INDEXES:
        op.create_index(
            name,
            "tickets",
            columns,
            unique=False,
            postgresql_where=sa.text(where),
            sqlite_where=sa.text(where),
        )


def downgrade() -> None:
    for name, _, _ in reversed(INDEXES):
        op.drop_index(name, table_name="tickets")
