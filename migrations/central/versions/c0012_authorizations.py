"""authorizations: on-the-spot authorizations checked by the service, and offline ones

Revision ID: c0012
Revises: c0011
Create Date: 2026-11-24 23:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0012"
down_revision: str | None = "c0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "authorizations",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("supervisor", sa.String(length=50), nullable=False),
        sa.Column("requested_by", sa.String(length=50), nullable=False),
        sa.Column("workstation_id", sa.String(length=50), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("bound_to", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("offline", sa.Boolean(), nullable=False),
        sa.Column("confirmed_by", sa.String(length=50), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authorizations")),
    )
    with op.batch_alter_table("authorizations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_authorizations_hall_code"), ["hall_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_authorizations_bound_to"), ["bound_to"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("authorizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_authorizations_bound_to"))
        batch_op.drop_index(batch_op.f("ix_authorizations_hall_code"))
    op.drop_table("authorizations")
