"""Verifying a signed request: headers, clock window, workstation state, signature, nonce.

The checks run in that order, and the nonce is stored only for a request whose signature is
valid. Nonces live in the database (primary key: workstation, nonce) so that a request
replayed to another service process is refused there too; each is kept for twice the clock
window, after which its timestamp alone refuses it. The workstation's state is read on every
request, so a revocation takes effect on the next one, in every process.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.storage.service_models import WS_ACTIVE, WS_REVOKED, NonceRow, WorkstationRow
from counter_app.wire import (
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    HEADER_WORKSTATION,
    NONCE_PATTERN,
    SIGNATURE_PATTERN,
    is_workstation_id,
    load_public_key,
    request_message,
    signature_valid,
)
from counter_central.clock import ServiceClock
from counter_central.refusals import Refusal

NONCE_PURGE_INTERVAL = 60.0


@dataclass(frozen=True)
class CallerWorkstation:
    """A workstation whose signature on this request was verified."""

    id: str
    hall_code: str


@dataclass(frozen=True)
class SignedHeaders:
    workstation_id: str
    timestamp: int
    nonce: str
    signature: str


def parse_signed_headers(headers: Mapping[str, str]) -> SignedHeaders:
    """The four signature headers (names lower-case), format-checked; ``Refusal`` otherwise."""
    values = [
        headers.get(name.lower())
        for name in (HEADER_WORKSTATION, HEADER_TIMESTAMP, HEADER_NONCE, HEADER_SIGNATURE)
    ]
    if all(v is None for v in values):
        raise Refusal(401, "unsigned", "the request is not signed")
    workstation_id, timestamp, nonce, signature = values
    if (
        workstation_id is None
        or not is_workstation_id(workstation_id)
        or timestamp is None
        or not re.fullmatch(r"[0-9]{1,12}", timestamp)
        or nonce is None
        or not re.fullmatch(NONCE_PATTERN, nonce)
        or signature is None
        or not re.fullmatch(SIGNATURE_PATTERN, signature)
    ):
        raise Refusal(401, "bad_signature", "the signature headers are incomplete or malformed")
    return SignedHeaders(workstation_id, int(timestamp), nonce, signature)


def check_clock(clock: ServiceClock, timestamp: int, window: int) -> None:
    now = clock.now()
    skew = timestamp - now.timestamp()
    if abs(skew) > window:
        raise Refusal(
            401,
            "clock_skew",
            f"the request's timestamp is {abs(round(skew))} s "
            f"{'ahead of' if skew > 0 else 'behind'} the service's clock (allowed: {window} s)",
            extra={"server_time": now.isoformat()},
        )


def remember_nonce(
    engine: Engine, workstation_id: str, nonce: str, now_utc: dt.datetime, window: int
) -> None:
    """Store the nonce; a nonce already stored means this request is a replay."""
    try:
        with Session(engine) as session, session.begin():
            session.add(
                NonceRow(
                    workstation_id=workstation_id,
                    nonce=nonce,
                    expires_at=now_utc + dt.timedelta(seconds=2 * window),
                )
            )
    except IntegrityError:
        raise Refusal(401, "replayed", "this request was already received (nonce reused)") from None


class NoncePurger:
    """Deletes expired nonces, at most once a minute per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = 0.0

    def maybe_purge(self, engine: Engine, now_utc: dt.datetime) -> None:
        with self._lock:
            if time.monotonic() - self._last < NONCE_PURGE_INTERVAL:
                return
            self._last = time.monotonic()
        with Session(engine) as session, session.begin():
            session.execute(delete(NonceRow).where(NonceRow.expires_at < now_utc))


def authenticate(
    engine: Engine,
    clock: ServiceClock,
    *,
    window: int,
    halls: tuple[str, ...],
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: bytes,
) -> CallerWorkstation:
    """The verified workstation behind this request, or a ``Refusal`` saying why not."""
    signed = parse_signed_headers(headers)
    check_clock(clock, signed.timestamp, window)
    with Session(engine) as session:
        row = session.get(WorkstationRow, signed.workstation_id)
        if row is None:
            raise Refusal(401, "unknown_workstation", "no workstation is registered under this id")
        if row.status == WS_REVOKED:
            raise Refusal(
                403, "revoked", f"workstation {row.id} has been revoked", workstation=row.id
            )
        if row.status != WS_ACTIVE or row.public_key is None:
            raise Refusal(
                403,
                "not_enrolled",
                f"workstation {row.id} has not completed enrolment",
                workstation=row.id,
            )
        caller = CallerWorkstation(row.id, row.hall_code)
        public_key_text = row.public_key
    message = request_message(
        signed.workstation_id, method, target, signed.timestamp, signed.nonce, body
    )
    if not signature_valid(load_public_key(public_key_text), signed.signature, message):
        raise Refusal(
            401,
            "bad_signature",
            f"the signature does not verify for {caller.id}",
            workstation=caller.id,
        )
    if caller.hall_code not in halls:
        raise Refusal(
            403,
            "hall_not_served",
            f"hall {caller.hall_code} is not served here",
            workstation=caller.id,
        )
    try:
        remember_nonce(engine, caller.id, signed.nonce, clock.utc(), window)
    except Refusal as refusal:
        refusal.workstation = caller.id
        raise
    return caller
