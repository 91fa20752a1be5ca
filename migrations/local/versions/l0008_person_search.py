"""person search index (name, full pinyin, initials) of the cached persons

The index rows of persons already in the cache are computed here, so an upgraded cache finds
them at once; from then on the cache keeps the index current itself
(``counter_app.storage.search_models``).

Revision ID: l0008
Revises: l0007
Create Date: 2026-11-30 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from counter_app.domain.pinyin import full_pinyin, initials

revision: str = "l0008"
down_revision: str | None = "l0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def upgrade() -> None:
    search = op.create_table(
        "person_search",
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("pinyin", sa.String(length=200), nullable=False),
        sa.Column("initials", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id_number", name=op.f("pk_person_search")),
    )
    with op.batch_alter_table("person_search", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_search_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_search_pinyin"), ["pinyin"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_search_initials"), ["initials"], unique=False)

    connection = op.get_bind()
    if not sa.inspect(connection).has_table("persons"):
        return
    persons = sa.table("persons", sa.column("id_number", sa.String), sa.column("name", sa.String))
    after = ""
    while True:
        chunk = connection.execute(
            sa.select(persons.c.id_number, persons.c.name)
            .where(persons.c.id_number > after)
            .order_by(persons.c.id_number)
            .limit(BATCH)
        ).all()
        if not chunk:
            return
        connection.execute(
            sa.insert(search),
            [
                {
                    "id_number": id_number,
                    "name": name,
                    "pinyin": full_pinyin(name)[:200],
                    "initials": initials(name)[:50],
                }
                for id_number, name in chunk
            ],
        )
        after = chunk[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("person_search", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_search_initials"))
        batch_op.drop_index(batch_op.f("ix_person_search_pinyin"))
        batch_op.drop_index(batch_op.f("ix_person_search_name"))
    op.drop_table("person_search")
