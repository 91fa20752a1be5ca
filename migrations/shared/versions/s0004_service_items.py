"""Service items: pension transfers, social security cards, medical claims and their invoices,
the consultation log and complaints.

Revision ID: s0004
Revises: s0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pension_transfers",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("item_code", sa.String(32), nullable=False),
        sa.Column("other_region", sa.String(60), nullable=False),
        sa.Column("other_agency", sa.String(100), nullable=False),
        sa.Column("period_from", sa.String(7), nullable=False),
        sa.Column("period_to", sa.String(7), nullable=False),
        sa.Column("contact_letter_no", sa.String(40), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("hall_code", sa.String(16), nullable=False),
        sa.Column("requested_by", sa.String(50), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pension_transfers"),
    )
    with op.batch_alter_table("pension_transfers") as batch:
        batch.create_index("ix_pension_transfers_id_number", ["id_number"])

    op.create_table(
        "social_cards",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("card_number", sa.String(20), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("bank", sa.String(60), nullable=False),
        sa.Column("replaces", sa.String(36), nullable=True),
        sa.Column("origin_command", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_social_cards"),
    )
    with op.batch_alter_table("social_cards") as batch:
        batch.create_index("ix_social_cards_id_number", ["id_number"])

    op.create_table(
        "medical_claims",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("total", sa.Numeric(14, 2), nullable=False),
        sa.Column("self_paid", sa.Numeric(14, 2), nullable=False),
        sa.Column("eligible", sa.Numeric(14, 2), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("hall_code", sa.String(16), nullable=False),
        sa.Column("submitted_by", sa.String(50), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_medical_claims"),
    )
    with op.batch_alter_table("medical_claims") as batch:
        batch.create_index("ix_medical_claims_id_number", ["id_number"])

    op.create_table(
        "medical_claim_lines",
        sa.Column("invoice_number", sa.String(40), nullable=False),
        sa.Column("claim_id", sa.String(36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("hospital", sa.String(100), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(14, 2), nullable=False),
        sa.Column("self_paid", sa.Numeric(14, 2), nullable=False),
        sa.PrimaryKeyConstraint("invoice_number", name="pk_medical_claim_lines"),
    )
    with op.batch_alter_table("medical_claim_lines") as batch:
        batch.create_index("ix_medical_claim_lines_claim_id", ["claim_id"])

    op.create_table(
        "consultations",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("topic", sa.String(32), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("referred", sa.Boolean(), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=True),
        sa.Column("hall_code", sa.String(16), nullable=False),
        sa.Column("window_number", sa.Integer(), nullable=False),
        sa.Column("logged_by", sa.String(50), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consultations"),
    )
    with op.batch_alter_table("consultations") as batch:
        batch.create_index("ix_consultations_id_number", ["id_number"])

    op.create_table(
        "complaints",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("about", sa.String(8), nullable=False),
        sa.Column("about_detail", sa.String(100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(50), nullable=False),
        sa.Column("contact_phone", sa.String(20), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("hall_code", sa.String(16), nullable=False),
        sa.Column("window_number", sa.Integer(), nullable=False),
        sa.Column("received_by", sa.String(50), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(50), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_complaints"),
    )
    with op.batch_alter_table("complaints") as batch:
        batch.create_index("ix_complaints_id_number", ["id_number"])
        batch.create_index("ix_complaints_status", ["status"])


def downgrade() -> None:
    for table in (
        "complaints",
        "consultations",
        "medical_claim_lines",
        "medical_claims",
        "social_cards",
        "pension_transfers",
    ):
        op.drop_table(table)
