"""Employer registration details and the employers' staff rosters.

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "employer_details",
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("employer_number", sa.String(20), nullable=True),
        sa.Column("employer_type", sa.String(30), nullable=False),
        sa.Column("legal_representative", sa.String(50), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(50), nullable=False),
        sa.Column("hall_code", sa.String(16), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("origin_command", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("credit_code", name="pk_employer_details"),
        sa.UniqueConstraint("employer_number", name="uq_employer_details_employer_number"),
    )
    op.create_table(
        "employer_staff",
        sa.Column("credit_code", sa.String(18), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(20), nullable=False),
        sa.Column("base", sa.Numeric(14, 2), nullable=True),
        sa.Column("hukou_type", sa.String(10), nullable=False),
        sa.Column("hukou_place", sa.String(60), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("credit_code", "id_number", name="pk_employer_staff"),
    )
    op.create_index("ix_employer_staff_id_number", "employer_staff", ["id_number"])


def downgrade() -> None:
    op.drop_index("ix_employer_staff_id_number", table_name="employer_staff")
    op.drop_table("employer_staff")
    op.drop_table("employer_details")
