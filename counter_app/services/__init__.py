"""Use cases: every user action is a command applied in one transaction with its outbox row."""
