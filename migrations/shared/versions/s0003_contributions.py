"""Contribution records: one line per person (or employer), month and insurance type.

Revision ID: s0003
Revises: s0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contributions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=True),
        sa.Column("credit_code", sa.String(18), nullable=True),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("insurance_type", sa.String(20), nullable=False),
        sa.Column("region", sa.String(60), nullable=False),
        sa.Column("base", sa.Numeric(14, 2), nullable=False),
        sa.Column("employer", sa.Numeric(14, 2), nullable=False),
        sa.Column("individual", sa.Numeric(14, 2), nullable=False),
        sa.Column("personal_account", sa.Numeric(14, 2), nullable=False),
        sa.Column("late_fee", sa.Numeric(14, 2), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("origin_case", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_contributions"),
    )
    with op.batch_alter_table("contributions") as batch:
        batch.create_index("ix_contributions_id_number", ["id_number"])
        batch.create_index("ix_contributions_credit_code", ["credit_code"])
        batch.create_index("ix_contributions_origin_case", ["origin_case"])


def downgrade() -> None:
    op.drop_table("contributions")
