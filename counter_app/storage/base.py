"""Declarative bases and the naming convention shared by every schema.

There are three metadata collections: ``SharedBase`` holds the business tables that exist in
both the central database and every workstation's cache (the cache is a mirror of central
rows in the workstation's scope); ``CentralBase`` holds what only the centre has (journal,
rejections, counters); ``LocalBase`` what only a workstation has (outbox, sync cursor,
login throttling). Alembic's two environments each combine the shared collection with their own.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class SharedBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CentralBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class LocalBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
