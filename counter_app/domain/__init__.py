"""Pure business rules: entities, value objects and validation. No Qt, no SQLAlchemy, no I/O."""
