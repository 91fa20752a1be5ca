"""The queue's calls to counter-central (part of ``HttpCentral``)."""

from __future__ import annotations


class QueueCalls:
    """Queue methods of ``CentralPort`` over HTTP; mixed into ``HttpCentral``."""
