"""Where print bytes go: the one method a printer connection has, and how it fails.

Defined with the printing layer (the spooler sends through it) and implemented by
``devices.printers`` (TCP, USB, serial, file), so the spooler never imports a device.
"""

from __future__ import annotations

from typing import Protocol


class PrinterFault(Exception):
    """The printer could not take the job (offline, refused, out of paper, no device)."""


class Connection(Protocol):
    def send(self, data: bytes) -> None: ...
