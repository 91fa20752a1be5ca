"""Verifying a signed request: headers, clock window, workstation state, signature, nonce.

The checks run in that order, and the nonce is stored only for a request whose signature is
valid. Nonces live in the database (primary key: workstation, nonce) so that a request
replayed to another service process is refused there too; each is kept for twice the clock
window, after which its timestamp alone refuses it. The workstation's state is read on every
request, so a revocation takes effect on the next one, in every process.

This runs before every signed request, so it is kept to one pooled connection and two
statements in SQLAlchemy Core: the workstation's row, then the nonce. A hot route that does
its work in one statement (call-next) uses the parts that need no database
(``signed_request``, ``known_key``) and checks the workstation and stores the nonce in that
statement itself, falling back on ``authenticate`` whenever it cannot decide alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, DateTime, Engine, TextClause, bindparam, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

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


# ``INSERT … ON CONFLICT DO NOTHING RETURNING`` per dialect, built once.
_NONCE_INSERT = {
    "postgresql": postgresql.insert(NonceRow).on_conflict_do_nothing().returning(NonceRow.nonce),
    "sqlite": sqlite.insert(NonceRow).on_conflict_do_nothing().returning(NonceRow.nonce),
}


def store_nonce(
    connection: Connection, workstation_id: str, nonce: str, now_utc: dt.datetime, window: int
) -> None:
    """Store the nonce on ``connection`` (its caller commits); a nonce already stored means
    this request is a replay. ``ON CONFLICT DO NOTHING`` rather than a caught unique
    violation, so the transaction stays usable either way."""
    stored = connection.execute(
        _NONCE_INSERT[connection.dialect.name],
        {
            "workstation_id": workstation_id,
            "nonce": nonce,
            "expires_at": now_utc + dt.timedelta(seconds=2 * window),
        },
    ).first()
    if stored is None:
        raise Refusal(401, "replayed", "this request was already received (nonce reused)")


def remember_nonce(
    engine: Engine, workstation_id: str, nonce: str, now_utc: dt.datetime, window: int
) -> None:
    """Store the nonce in a transaction of its own; ``Refusal`` ``replayed`` if it was seen."""
    with engine.begin() as connection:
        store_nonce(connection, workstation_id, nonce, now_utc, window)


class NoncePurger:
    """Deletes expired nonces, at most once a minute per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last = 0.0

    def due(self) -> bool:
        """Whether this process should purge now (then not again for a minute)."""
        with self._lock:
            if time.monotonic() - self._last < NONCE_PURGE_INTERVAL:
                return False
            self._last = time.monotonic()
            return True

    def maybe_purge(self, engine: Engine, now_utc: dt.datetime) -> None:
        if self.due():
            with engine.begin() as connection:
                purge_nonces(connection, now_utc)


def purge_nonces(connection: Connection, now_utc: dt.datetime) -> None:
    connection.execute(delete(NonceRow).where(NonceRow.expires_at < now_utc))


_WORKSTATION = select(
    WorkstationRow.id, WorkstationRow.hall_code, WorkstationRow.status, WorkstationRow.public_key
).where(WorkstationRow.id == bindparam("id"))

# PostgreSQL's fast path: the nonce is stored only if the workstation is active, of a served
# hall and still holds the key the signature was verified with — checked by the same
# statement that stores it. No row back: something about the workstation differs from what
# this process knew, and the full check says what.
_FAST_PATH = """
    WITH workstation AS (
        SELECT id, hall_code FROM service_workstations
        WHERE id = :id AND status = :active AND public_key = :public_key
              AND hall_code IN ({halls})
    ), stored AS (
        INSERT INTO service_nonces (workstation_id, nonce, expires_at)
        SELECT id, :nonce, :expires_at FROM workstation
        ON CONFLICT DO NOTHING
        RETURNING workstation_id
    )
    SELECT hall_code, EXISTS (SELECT 1 FROM stored) AS stored FROM workstation
"""


@functools.lru_cache(maxsize=16)
def _fast_path_statement(halls: int) -> TextClause:
    names = ", ".join(f":hall{i}" for i in range(halls))
    return text(_FAST_PATH.format(halls=names)).bindparams(
        bindparam("expires_at", type_=DateTime())
    )


# Workstation id → the public key text a request of it last verified with, and its hall, in
# this process. Only a hint for the fast paths, which check it against the row (in the same
# statement that stores the nonce); never trusted alone.
_known_keys: dict[str, tuple[str, str]] = {}
KNOWN_KEYS_LIMIT = 10_000


@functools.lru_cache(maxsize=4096)
def _public_key(text: str) -> Ed25519PublicKey:
    """The key object for a stored key text (keyed by the text, so a re-enrolled
    workstation's new key is never confused with its old one)."""
    return load_public_key(text)


@dataclass(frozen=True)
class SignedRequest:
    """A request whose signature headers are well-formed and whose timestamp is in the
    window: what is left to check is the workstation, the signature and the nonce."""

    signed: SignedHeaders
    message: bytes
    halls: tuple[str, ...]
    expires_at: dt.datetime  # naive UTC: until when its nonce is kept


def signed_request(
    clock: ServiceClock,
    *,
    window: int,
    halls: tuple[str, ...],
    method: str,
    target: str,
    headers: Mapping[str, str],
    body: bytes,
) -> SignedRequest:
    """The checks that need no database (headers, clock window); ``Refusal`` otherwise."""
    signed = parse_signed_headers(headers)
    check_clock(clock, signed.timestamp, window)
    return SignedRequest(
        signed,
        request_message(
            signed.workstation_id, method, target, signed.timestamp, signed.nonce, body
        ),
        halls,
        clock.utc() + dt.timedelta(seconds=2 * window),
    )


@dataclass(frozen=True)
class KnownKey:
    """The key (and hall) this process last verified a workstation's requests with."""

    public_key: str
    hall_code: str


def known_key(request: SignedRequest) -> KnownKey | None:
    """The key this process knows for the request's workstation, if the signature verifies
    with it; ``None`` otherwise (the full check decides). A hint only: the caller's statement
    must check it against the workstation's row (active, same key, same hall), as
    ``_FAST_PATH`` does, before anything of the request is acted on."""
    signed = request.signed
    known = _known_keys.get(signed.workstation_id)
    if (
        known is None
        or known[1] not in request.halls
        or not signature_valid(_public_key(known[0]), signed.signature, request.message)
    ):
        return None
    return KnownKey(*known)


def _fast_path(connection: Connection, request: SignedRequest) -> CallerWorkstation | None:
    """One statement for a workstation this process knows (PostgreSQL): ``None`` when it
    does not apply and the full check must run."""
    signed = request.signed
    known = known_key(request) if connection.dialect.name == "postgresql" else None
    if known is None:
        return None
    params: dict[str, object] = {
        "id": signed.workstation_id,
        "active": WS_ACTIVE,
        "public_key": known.public_key,
        "nonce": signed.nonce,
        "expires_at": request.expires_at,
    }
    params.update({f"hall{i}": hall for i, hall in enumerate(request.halls)})
    row = connection.execute(_fast_path_statement(len(request.halls)), params).first()
    if row is None:
        return None
    if not row.stored:
        raise replayed(signed.workstation_id)
    return CallerWorkstation(signed.workstation_id, row.hall_code)


def replayed(workstation_id: str) -> Refusal:
    return Refusal(
        401,
        "replayed",
        "this request was already received (nonce reused)",
        workstation=workstation_id,
    )


def _full_check(connection: Connection, request: SignedRequest) -> CallerWorkstation:
    """Read the workstation, check its state, the signature and the hall, store the nonce;
    each failure refused with its own reason."""
    signed = request.signed
    row = connection.execute(_WORKSTATION, {"id": signed.workstation_id}).first()
    if row is None:
        raise Refusal(401, "unknown_workstation", "no workstation is registered under this id")
    if row.status == WS_REVOKED:
        raise Refusal(403, "revoked", f"workstation {row.id} has been revoked", workstation=row.id)
    if row.status != WS_ACTIVE or row.public_key is None:
        raise Refusal(
            403,
            "not_enrolled",
            f"workstation {row.id} has not completed enrolment",
            workstation=row.id,
        )
    caller = CallerWorkstation(row.id, row.hall_code)
    if not signature_valid(_public_key(row.public_key), signed.signature, request.message):
        raise Refusal(
            401,
            "bad_signature",
            f"the signature does not verify for {caller.id}",
            workstation=caller.id,
        )
    if caller.hall_code not in request.halls:
        raise Refusal(
            403,
            "hall_not_served",
            f"hall {caller.hall_code} is not served here",
            workstation=caller.id,
        )
    stored = connection.execute(
        _NONCE_INSERT[connection.dialect.name],
        {"workstation_id": caller.id, "nonce": signed.nonce, "expires_at": request.expires_at},
    ).first()
    if stored is None:
        raise replayed(caller.id)
    if len(_known_keys) >= KNOWN_KEYS_LIMIT:
        _known_keys.clear()
    _known_keys[caller.id] = (row.public_key, caller.hall_code)
    return caller


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
    purger: NoncePurger | None = None,
) -> CallerWorkstation:
    """The verified workstation behind this request, or a ``Refusal`` saying why not.

    On one pooled connection, in autocommit on PostgreSQL (no BEGIN or COMMIT round trips;
    every statement stands alone) and in one transaction on SQLite. A workstation this
    process has seen before costs one statement on PostgreSQL (``_FAST_PATH``); otherwise,
    or when that statement finds the workstation changed, the row is read and checked and
    the nonce stored (``_full_check``). With ``purger``, expired nonces are deleted on the
    same connection when due.

    The pool does not ping a connection before lending it (a round trip on every request).
    When a statement finds the connection dead — the database restarted or ended it —
    SQLAlchemy invalidates the whole pool and the check runs once more on a new connection.
    (Should the database have stored the nonce just before the connection broke, the repeat
    is refused as a replay: a refused request, never an accepted one.)
    """
    request = signed_request(
        clock, window=window, halls=halls, method=method, target=target, headers=headers, body=body
    )
    now = request.expires_at - dt.timedelta(seconds=2 * window)
    for attempt in (1, 2):
        with engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection.execution_options(isolation_level="AUTOCOMMIT")
            try:
                caller = _fast_path(connection, request) or _full_check(connection, request)
                if purger is not None and purger.due():
                    purge_nonces(connection, now)
                connection.commit()
                return caller
            except DBAPIError as exc:
                if attempt == 2 or not exc.connection_invalidated:
                    raise
    raise AssertionError("unreachable")
