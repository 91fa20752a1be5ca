"""Case intake: the catalogue version, form details, materials and bundle of a case; the
published catalogue versions.

Revision ID: s0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("catalogue_version", sa.String(32), nullable=True))
        batch.add_column(sa.Column("details", sa.Text(), nullable=False, server_default="{}"))
        batch.add_column(sa.Column("materials", sa.Text(), nullable=False, server_default="{}"))
        batch.add_column(sa.Column("bundle_id", sa.String(36), nullable=True))
        batch.create_index("ix_cases_bundle_id", ["bundle_id"])
    op.create_table(
        "catalogue_versions",
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by", sa.String(50), nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_catalogue_versions"),
    )


def downgrade() -> None:
    op.drop_table("catalogue_versions")
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_bundle_id")
        batch.drop_column("bundle_id")
        batch.drop_column("materials")
        batch.drop_column("details")
        batch.drop_column("catalogue_version")
