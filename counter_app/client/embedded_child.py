"""How the embedded central service's child process is recognised when the application starts.

From a Python installation the child is started as ``python -m
counter_app.client.embedded_centre …``. A frozen (PyInstaller) build has no interpreter that
takes ``-m``: its ``sys.executable`` is the application itself, so the child is started as
the application with ``CHILD_FLAG`` as its first argument, and the application's entry
(``counter_app/__main__.py``) hands such a start to the child's ``main`` before it imports
Qt or anything else the service does not need.

This module stays tiny and imports nothing at module level: the entry reads it on every
start of the application.
"""

from __future__ import annotations

from collections.abc import Sequence

CHILD_FLAG = "--embedded-centre-child"
CHILD_MODULE = "counter_app.client.embedded_centre"


def is_child_start(argv: Sequence[str]) -> bool:
    """Whether the command line ``argv`` (without the program) starts the service's child."""
    return len(argv) > 0 and argv[0] == CHILD_FLAG


def run_child(argv: Sequence[str]) -> int:
    """Run the child with the arguments after ``CHILD_FLAG`` (``--parent-pid N serve …``)."""
    from counter_app.client.embedded_centre import main

    return main(list(argv))
