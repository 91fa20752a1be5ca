"""The person search index of a workstation's cache: name, full pinyin and initials per person.

A teller finds a customer by what they hear or read: the ID number or its first digits, the
name, its pinyin (``zhangsan``) or the initials of its syllables (``zs``). ``persons`` holds
the name only, and a search by pinyin cannot be answered from it without computing the pinyin
of every row, so each cached person has a row in ``person_search`` with both keys, computed by
``counter_app.domain.pinyin``. Only caches have the table (it is ``LocalBase``); the central
registry is searched by ID number.

Every column is indexed for prefix search: a query asks ``col >= :p AND col < :p_next`` (the
prefix and the prefix with its last character incremented), which SQLite answers with an
index range scan, where ``LIKE 'p%'`` would not use the index under its default case-insensitive
``LIKE`` and ``LIKE '%p%'`` never can.

The index follows ``persons`` by itself: one ``after_flush`` listener on every ORM session
upserts (or deletes) the index rows of the ``persons`` rows the flush wrote. Commands applied
at the window (``ApplyContext.put``), journal entries a pull applies (``rowcodec.apply_effect``)
and the undo of a rejected command all write ``persons`` through the ORM, so none of them can
leave the index behind. The listener acts only on a database that has the ``person_search``
table (a migrated cache), which it learns once per engine; the central database has no such
table and is left alone.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import Connection, Engine, String, delete, event, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from counter_app.domain.pinyin import full_pinyin, initials
from counter_app.storage.base import LocalBase
from counter_app.storage.shared_models import PersonRow

TABLE = "person_search"


class PersonSearchRow(LocalBase):
    __tablename__ = TABLE

    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    pinyin: Mapped[str] = mapped_column(String(200), index=True)
    initials: Mapped[str] = mapped_column(String(50), index=True)


def search_values(id_number: str, name: str) -> dict[str, str]:
    """The index row of one person."""
    return {
        "id_number": id_number,
        "name": name,
        "pinyin": full_pinyin(name)[:200],
        "initials": initials(name)[:50],
    }


_HAS_INDEX: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def has_search_index(connection: Connection) -> bool:
    """Whether the database of ``connection`` keeps the person search index.

    Learnt once per engine; a SQLite database without the table is asked again next time
    (a cache may be migrated after it was opened, and asking SQLite costs next to nothing),
    a server database is not (the centre never has the table).
    """
    engine = connection.engine
    known = _HAS_INDEX.get(engine)
    if known is None:
        known = inspect(connection).has_table(TABLE)
        if known or connection.dialect.name != "sqlite":
            _HAS_INDEX[engine] = known
    return known


def _upsert(dialect: str, rows: list[dict[str, str]]) -> Any:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(PersonSearchRow).values(rows)
    return stmt.on_conflict_do_update(
        index_elements=[PersonSearchRow.id_number],
        set_={
            "name": stmt.excluded.name,
            "pinyin": stmt.excluded.pinyin,
            "initials": stmt.excluded.initials,
        },
    )


@event.listens_for(Session, "after_flush")
def _follow_persons(session: Session, _context: object) -> None:
    written = [o for o in (*session.new, *session.dirty) if isinstance(o, PersonRow)]
    removed = [o.id_number for o in session.deleted if isinstance(o, PersonRow)]
    if not written and not removed:
        return
    connection = session.connection()
    if not has_search_index(connection):
        return
    if written:
        rows = {o.id_number: search_values(o.id_number, o.name) for o in written}
        connection.execute(_upsert(connection.dialect.name, list(rows.values())))
    if removed:
        connection.execute(delete(PersonSearchRow).where(PersonSearchRow.id_number.in_(removed)))
