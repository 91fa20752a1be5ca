"""Card readers at the window: the resident ID card and the social security card.

The customer panel asks a ``CardReader`` for the card on it when the teller presses "Read
card". A real reader (a GB/T 20944-compliant ID card reader module, a social security card
reader through the vendor's library) implements the same protocol; ``SimulatedCardReader``
serves a queue of cards, for tests and demonstrations. Readers that work as a keyboard wedge
(they type the number followed by Enter into the focused field) need no driver at all: the
panel's input field accepts what they type.

Which reader a workstation uses comes from the ``[devices]`` settings of its configuration,
``card_reader = "simulator"`` (or ``"none"``); the demo e-card key the QR code check uses is
``ecard_demo_key`` in the same table (see ``counter_app.domain.ecard_qr``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from counter_app.domain.ecard_qr import DemoEcardVerifier, EcardVerifier

log = logging.getLogger(__name__)

CardSource = Literal["id_card", "ss_card"]


@dataclass(frozen=True)
class CardRead:
    """What a card said: the holder's ID number and name, and which card it was."""

    id_number: str
    name: str
    source: CardSource


class CardReaderError(Exception):
    """The reader failed (not connected, card unreadable); the message says which."""


class CardReader(Protocol):
    def read(self) -> CardRead | None:
        """The card on the reader now; ``None`` when there is none."""
        ...


class SimulatedCardReader:
    """A reader that hands out the cards put on it, one per read, in order."""

    def __init__(self, cards: Iterable[CardRead] = ()) -> None:
        self._cards: deque[CardRead] = deque(cards)

    def put(self, card: CardRead) -> None:
        self._cards.append(card)

    def read(self) -> CardRead | None:
        return self._cards.popleft() if self._cards else None


def reader_from_settings(settings: Mapping[str, object]) -> CardReader | None:
    """The reader the ``[devices]`` settings name; ``None`` for none (or one not known)."""
    kind = settings.get("card_reader", "none")
    if kind == "simulator":
        return SimulatedCardReader()
    if kind not in ("none", "", None):
        log.warning("card reader %r is not known; the panel works without one", kind)
    return None


def ecard_verifier_from_settings(settings: Mapping[str, object]) -> EcardVerifier | None:
    """The demo e-card verifier keyed by ``ecard_demo_key``; ``None`` without a key."""
    key = settings.get("ecard_demo_key")
    if not isinstance(key, str) or len(key.encode("utf-8")) < 16:
        return None
    return DemoEcardVerifier(key.encode("utf-8"))
