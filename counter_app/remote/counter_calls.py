"""Certificate and registry calls to counter-central (part of ``HttpCentral``)."""

from __future__ import annotations


class CounterCalls:
    """Certificate and lookup methods of ``CentralPort`` over HTTP; mixed into ``HttpCentral``."""
