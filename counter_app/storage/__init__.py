"""Persistence: ORM models, engines, migrations and units of work (SQLAlchemy 2)."""
