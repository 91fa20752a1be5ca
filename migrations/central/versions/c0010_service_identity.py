"""service identity: workstations, enrolment codes, nonces, sessions, login throttling, anchors

The tables of the counter-central service (``counter_app.storage.service_models``).

Revision ID: c0010
Revises: c0007
Create Date: 2026-11-24 09:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c0010"
down_revision: str | None = "c0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_workstations",
        sa.Column("id", sa.String(length=50), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_workstations")),
    )
    op.create_table(
        "service_enrolment_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("workstation_id", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_service_enrolment_codes")),
    )
    with op.batch_alter_table("service_enrolment_codes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_enrolment_codes_workstation_id"),
            ["workstation_id"],
            unique=False,
        )

    op.create_table(
        "service_nonces",
        sa.Column("workstation_id", sa.String(length=50), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("workstation_id", "nonce", name=op.f("pk_service_nonces")),
    )
    with op.batch_alter_table("service_nonces", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_nonces_expires_at"), ["expires_at"], unique=False
        )

    op.create_table(
        "service_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("workstation_id", sa.String(length=50), nullable=False),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_service_sessions")),
    )
    with op.batch_alter_table("service_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_sessions_workstation_id"), ["workstation_id"], unique=False
        )

    op.create_table(
        "service_login_throttle",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_service_login_throttle")),
    )
    op.create_table(
        "service_anchors",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_service_anchors")),
    )


def downgrade() -> None:
    op.drop_table("service_anchors")
    op.drop_table("service_login_throttle")
    with op.batch_alter_table("service_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_sessions_workstation_id"))
    op.drop_table("service_sessions")
    with op.batch_alter_table("service_nonces", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_nonces_expires_at"))
    op.drop_table("service_nonces")
    with op.batch_alter_table("service_enrolment_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_enrolment_codes_workstation_id"))
    op.drop_table("service_enrolment_codes")
    op.drop_table("service_workstations")
