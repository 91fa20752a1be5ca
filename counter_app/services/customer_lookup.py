"""Finding the customer at the window, and what the customer panel shows about them.

The panel's one input takes whatever the teller has: a full ID number (typed, or typed by a
keyboard-wedge card reader), its first digits, the name or part of it, the pinyin of the name
or the initials of its syllables (张三: ``zhangsan``, ``zs``). ``classify`` decides which from
the text itself and ``search_persons`` answers from this workstation's cache through the
``person_search`` index (``counter_app.storage.search_models``), every search an index range
scan (``col >= :p AND col < :p_next``) — never ``LIKE '%…'`` over the cache, except the
name-substring fallback, which runs only when the name prefix found fewer than were asked for.
The statements are module constants so that the benchmark times the very same SQL bare.

Around the person: employers by credit code or name, this window's recent customers, one
line per insurance type, the open cases with their promised dates, and the journaled
``person.reveal`` that must precede showing an ID number or phone in full. (The contribution
history is ``counter_app.services.contribution_records``.)
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, event, select, text
from sqlalchemy.orm import Session

from counter_app.domain.cases import CaseStatus
from counter_app.domain.commands import Command
from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import DIGITS, IdNumber, Uscc, normalise
from counter_app.domain.insurance import InsuranceType
from counter_app.domain.people import StaffUser
from counter_app.items.person_reveal import KIND as REVEAL_KIND
from counter_app.items.person_reveal import SPEC as REVEAL_SPEC
from counter_app.items.person_reveal import RevealPayload
from counter_app.services import command_bus
from counter_app.services.command_bus import Accepted
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage import search_models  # noqa: F401  (keeps the index current)
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import (
    CaseRow,
    EmployerRow,
    InsuranceStatusRow,
    PersonRow,
)

__all__ = [
    "Accepted",
    "EmployerHit",
    "InsuranceLine",
    "OpenCase",
    "PersonHit",
    "Query",
    "QueryKind",
    "RecentCustomer",
    "classify",
    "find_employer",
    "insurance_summary",
    "open_cases",
    "recent_customers",
    "reveal",
    "search_persons",
]

MIN_ID_PREFIX = 6  # fewer digits than a region code would list half the cache

# -- the statements (the benchmark runs the same text bare) ---------------------------------------
_PERSON = "p.id_number, p.name, p.sex, p.birth_date"
ID_EXACT_SQL = f"SELECT {_PERSON} FROM persons AS p WHERE p.id_number = :id"
ID_PREFIX_SQL = (
    f"SELECT {_PERSON} FROM persons AS p WHERE p.id_number >= :p AND p.id_number < :p_next "
    "ORDER BY p.id_number LIMIT :limit"
)
_INDEXED = (
    f"SELECT {_PERSON} FROM person_search AS s JOIN persons AS p ON p.id_number = s.id_number "
)
NAME_PREFIX_SQL = _INDEXED + "WHERE s.name >= :p AND s.name < :p_next ORDER BY s.name LIMIT :limit"
NAME_SUBSTRING_SQL = _INDEXED + "WHERE instr(s.name, :q) > 1 LIMIT :limit"
INITIALS_PREFIX_SQL = (
    _INDEXED + "WHERE s.initials >= :p AND s.initials < :p_next ORDER BY s.initials LIMIT :limit"
)
PINYIN_PREFIX_SQL = (
    _INDEXED + "WHERE s.pinyin >= :p AND s.pinyin < :p_next ORDER BY s.pinyin LIMIT :limit"
)


# A search runs on every pause in typing, so it reads through a connection kept open for it
# (one per engine and thread, closed when the engine is disposed) with the driver in autocommit:
# each SELECT reads its own WAL snapshot and takes no lock, where a connection of the cache's
# engine would be opened afresh for every query (it pools nothing) and begin ``IMMEDIATE``,
# waiting behind a pull that is writing.
_KEPT: weakref.WeakKeyDictionary[Engine, dict[int, Any]] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def _close_kept(engine: Engine) -> None:
    with _KEPT_LOCK:
        connections = _KEPT.pop(engine, {})
    for connection in connections.values():
        connection.close()


def _kept_connection(engine: Engine) -> Any:
    thread = threading.get_ident()
    with _KEPT_LOCK:
        per_thread = _KEPT.get(engine)
        if per_thread is None:
            per_thread = _KEPT[engine] = {}
            event.listen(engine, "engine_disposed", _close_kept)
        connection = per_thread.get(thread)
        if connection is None:
            connection = per_thread[thread] = engine.raw_connection()
    return connection


def read_rows(engine: Engine, sql: str, params: Mapping[str, object]) -> list[tuple[Any, ...]]:
    """The rows of one search statement on ``engine``'s database."""
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), dict(params))]
    cursor = _kept_connection(engine).cursor()
    try:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    finally:
        cursor.close()
    return rows


def next_prefix(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (for
    ``col >= prefix AND col < next_prefix(prefix)``; SQLite compares text by code point)."""
    while prefix:
        last = ord(prefix[-1])
        if last < 0x10FFFF:
            return prefix[:-1] + chr(last + 1)
        prefix = prefix[:-1]
    return "\U0010ffff"


# -- what was typed -------------------------------------------------------------------------------
class QueryKind(StrEnum):
    ID = "id"  # a whole ID number (or something meant as one): exact, after validation
    ID_PREFIX = "id_prefix"  # its first digits (at least MIN_ID_PREFIX)
    NAME = "name"  # Chinese characters: the name's beginning, else anywhere in it
    PINYIN = "pinyin"  # Latin letters: the initials' or the full pinyin's beginning
    NONE = "none"  # too short or nothing to search by


@dataclass(frozen=True)
class Query:
    kind: QueryKind
    term: str  # the text searched for, cleaned


def _is_han(c: str) -> bool:
    code = ord(c)
    return (
        code == 0x3007
        or 0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def classify(query: str) -> Query:
    """What the teller typed: full-width forms, spaces and hyphens are folded away first."""
    cleaned = normalise(query)
    if not cleaned:
        return Query(QueryKind.NONE, "")
    if any(_is_han(c) for c in cleaned):
        return Query(QueryKind.NAME, query.strip())
    if all(c.isdigit() or c in "Xx" for c in cleaned):
        ascii_digits = all(c in DIGITS for c in cleaned)
        if len(cleaned) < 18 and ascii_digits:
            if len(cleaned) >= MIN_ID_PREFIX:
                return Query(QueryKind.ID_PREFIX, cleaned)
            return Query(QueryKind.NONE, cleaned)
        if len(cleaned) < 17 and cleaned.isascii():
            return Query(QueryKind.NONE, cleaned)  # an X among a few digits: not yet a number
        return Query(QueryKind.ID, cleaned)  # validated by the search, which says what is wrong
    if cleaned.isascii() and cleaned.isalpha():
        return Query(QueryKind.PINYIN, cleaned.lower())
    return Query(QueryKind.NONE, cleaned)


# -- persons --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonHit:
    id_number: str
    name: str
    masked_id: str
    sex: str
    birth_date: dt.date


def _hits(rows: Iterable[tuple[Any, ...]]) -> list[PersonHit]:
    return [
        PersonHit(
            id_number,
            name,
            IdNumber(id_number).masked(),
            sex,
            birth if isinstance(birth, dt.date) else dt.date.fromisoformat(birth),
        )
        for id_number, name, sex, birth in rows
    ]


def search_persons(ws: Workstation, query: str, limit: int = 20) -> list[PersonHit]:
    """The cached persons ``query`` names, at most ``limit``, in index order.

    A whole ID number is validated first: ``ValidationError`` says what is wrong with it
    (a full-width form is accepted, a wrong check digit is not). Only the cache is searched;
    ``queries.find_person`` asks the centre for a whole ID number the cache does not hold.
    """
    parsed = classify(query)
    if parsed.kind is QueryKind.NONE or limit <= 0:
        return []
    engine = ws.local
    if parsed.kind is QueryKind.ID:
        number = IdNumber.parse(query).value
        return _hits(read_rows(engine, ID_EXACT_SQL, {"id": number}))
    term = parsed.term
    bounds = {"p": term, "p_next": next_prefix(term), "limit": limit}
    if parsed.kind is QueryKind.ID_PREFIX:
        return _hits(read_rows(engine, ID_PREFIX_SQL, bounds))
    if parsed.kind is QueryKind.NAME:
        found = _hits(read_rows(engine, NAME_PREFIX_SQL, bounds))
        if len(found) < limit:
            found += _hits(read_rows(engine, NAME_SUBSTRING_SQL, {"q": term, "limit": limit}))
        return found[:limit]
    found = _hits(read_rows(engine, INITIALS_PREFIX_SQL, bounds))
    if len(found) < limit:
        seen = {hit.id_number for hit in found}
        more = _hits(read_rows(engine, PINYIN_PREFIX_SQL, bounds))
        found += [hit for hit in more if hit.id_number not in seen]
    return found[:limit]


# -- employers ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EmployerHit:
    credit_code: str
    name: str
    address: str


def find_employer(ws: Workstation, query: str, limit: int = 20) -> list[EmployerHit]:
    """Cached employers by credit code (18 characters, validated: ``ValidationError`` says
    what is wrong), by the code's first characters (at least six) or by part of the name."""
    cleaned = normalise(query)
    if not cleaned or limit <= 0:
        return []
    code_like = cleaned.isascii() and cleaned.isalnum() and any(c.isdigit() for c in cleaned)
    with Session(ws.local) as session:
        if code_like and len(cleaned) >= 18:
            code = Uscc.parse(query).value
            row = session.get(EmployerRow, code)
            rows: Sequence[EmployerRow] = [row] if row is not None else []
        elif code_like and len(cleaned) >= MIN_ID_PREFIX:
            prefix = cleaned.upper()
            rows = session.scalars(
                select(EmployerRow)
                .where(EmployerRow.credit_code >= prefix)
                .where(EmployerRow.credit_code < next_prefix(prefix))
                .order_by(EmployerRow.credit_code)
                .limit(limit)
            ).all()
        elif code_like:
            return []
        else:
            rows = session.scalars(
                select(EmployerRow)
                .where(EmployerRow.name.contains(query.strip(), autoescape=True))
                .order_by(EmployerRow.name)
                .limit(limit)
            ).all()
        return [EmployerHit(r.credit_code, r.name, r.address) for r in rows]


def employer_name(ws: Workstation, credit_code: str) -> str | None:
    with Session(ws.local) as session:
        row = session.get(EmployerRow, credit_code)
        return row.name if row is not None else None


# -- this window's recent customers ---------------------------------------------------------------
@dataclass(frozen=True)
class RecentCustomer:
    id_number: str
    name: str  # "" when the cache does not hold the person
    masked_id: str
    at: dt.datetime  # naive local time of the latest business with them


_SCANNED = 200  # newest outbox rows and cases looked at


def _username(user: StaffUser | str) -> str:
    return user if isinstance(user, str) else user.username


def _valid_id(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return IdNumber.parse(value).value
    except ValidationError:
        return None


def recent_customers(
    ws: Workstation, user: StaffUser | str, limit: int = 10
) -> list[RecentCustomer]:
    """The persons ``user`` did business with at this workstation, newest first, each once:
    cases they accepted at this hall's window of this workstation and the commands they sent
    from it (still pending ones included)."""
    username = _username(user)
    config = ws.config
    seen: dict[str, dt.datetime] = {}

    def note(id_number: str | None, at: dt.datetime) -> None:
        if id_number is None:
            return
        at = at.replace(tzinfo=None) if at.tzinfo is not None else at
        if id_number not in seen or seen[id_number] < at:
            seen[id_number] = at

    with Session(ws.local) as session:
        cases = session.execute(
            select(CaseRow.id_number, CaseRow.accepted_at)
            .where(CaseRow.hall_code == config.hall_code)
            .where(CaseRow.window_number == config.window_number)
            .where(CaseRow.accepted_by == username)
            .where(CaseRow.id_number.is_not(None))
            .order_by(CaseRow.accepted_at.desc())
            .limit(_SCANNED)
        ).all()
        for id_number, at in cases:
            note(_valid_id(id_number), at)
        sent = session.execute(
            select(OutboxRow.payload, OutboxRow.created_at)
            .where(OutboxRow.workstation == config.workstation_id)
            .where(OutboxRow.actor == username)
            .order_by(OutboxRow.position.desc())
            .limit(_SCANNED)
        ).all()
        for payload, at in sent:
            try:
                data = json.loads(payload)
            except ValueError:
                continue
            if isinstance(data, dict):
                note(_valid_id(data.get("id_number")) or _valid_id(data.get("subject")), at)
        newest = sorted(seen.items(), key=lambda item: item[1], reverse=True)[:limit]
        found = session.execute(
            select(PersonRow.id_number, PersonRow.name).where(
                PersonRow.id_number.in_([n for n, _ in newest])
            )
        )
        names = {id_number: name for id_number, name in found}
    return [RecentCustomer(n, names.get(n, ""), IdNumber(n).masked(), at) for n, at in newest]


# -- the person's insurance, cases and contributions ----------------------------------------------
@dataclass(frozen=True)
class InsuranceLine:
    insurance_type: str  # an InsuranceType value
    held: bool
    status: str | None  # as recorded ("active" …); None: no record
    since: dt.date | None
    employer_code: str | None
    employer_name: str | None


ACTIVE = "active"


def insurance_summary(
    ws: Workstation, id_number: str, *, known_types: Iterable[str] = ()
) -> list[InsuranceLine]:
    """One line per insurance type, in the order of ``InsuranceType``.

    From the cache's records; ``known_types`` are the types the central registry says the
    person holds when the cache has no record of them (a person found only centrally): held,
    with the start date and employer unknown here.
    """
    known = set(known_types)
    with Session(ws.local) as session:
        rows = {
            r.insurance_type: r
            for r in session.scalars(
                select(InsuranceStatusRow).where(InsuranceStatusRow.id_number == id_number)
            )
        }
        codes = {r.employer_code for r in rows.values() if r.employer_code}
        names: dict[str, str] = {}
        if codes:
            found = session.execute(
                select(EmployerRow.credit_code, EmployerRow.name).where(
                    EmployerRow.credit_code.in_(codes)
                )
            )
            names = {code: name for code, name in found}
    lines = []
    for insurance in InsuranceType:
        row = rows.get(insurance.value)
        if row is None:
            held = insurance.value in known
            lines.append(InsuranceLine(insurance.value, held, None, None, None, None))
            continue
        code = row.employer_code or None
        lines.append(
            InsuranceLine(
                insurance.value,
                row.status == ACTIVE,
                row.status,
                row.start_date,
                code,
                names.get(code) if code else None,
            )
        )
    return lines


@dataclass(frozen=True)
class OpenCase:
    id: str
    case_no: str | None
    item_code: str
    status: str
    summary: str
    accepted_at: dt.datetime
    promised_date: dt.date | None
    promised_provisional: bool


CLOSED = (CaseStatus.COMPLETED.value, CaseStatus.REJECTED.value)


def open_cases(ws: Workstation, id_number: str) -> list[OpenCase]:
    """The person's cases that are not finished (completed or rejected), newest first;
    cases waiting for materials are open, and have no promised date yet."""
    with Session(ws.local) as session:
        rows = session.scalars(
            select(CaseRow)
            .where(CaseRow.id_number == id_number)
            .where(CaseRow.status.not_in(CLOSED))
            .order_by(CaseRow.accepted_at.desc())
        ).all()
        return [
            OpenCase(
                r.id,
                r.case_no,
                r.item_code,
                r.status,
                r.summary,
                r.accepted_at,
                r.promised_date,
                bool(r.promised_provisional),
            )
            for r in rows
        ]


# -- showing a value in full ----------------------------------------------------------------------
def reveal(ws: Workstation, user: StaffUser, id_number: str, what: str, reason: str) -> Accepted:
    """Send ``person.reveal`` (the journal records who saw what of whom, and why); the caller
    shows the full value only once this returned. Raises ``PermissionDenied`` for a user
    without ``VIEW_FULL_ID`` and ``ValidationError`` without a reason."""
    if what not in ("id_number", "phone"):
        raise ValidationError("what", "choice", f"{what!r} cannot be revealed")
    payload = RevealPayload(
        id_number=IdNumber.parse(id_number).value,
        what="id_number" if what == "id_number" else "phone",
        reason=reason.strip(),
    )
    command = Command(
        kind=REVEAL_KIND,
        payload=REVEAL_SPEC.encode(payload),
        actor=user.username,
        workstation=ws.config.workstation_id,
        hall_code=ws.config.hall_code,
    )
    return command_bus.execute(ws.local, command)
