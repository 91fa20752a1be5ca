"""Integrated-teller client for social-insurance service halls (社保综合柜员系统).

The package is layered: ``domain`` (pure rules), ``storage`` (SQLAlchemy), ``services``
(use cases as commands), ``sync`` (outbox push / journal pull), ``printing`` and ``devices``
(Qt-free output), and ``ui`` (PySide6, thin). See docs/architecture.md.
"""

__version__ = "0.1.0"
