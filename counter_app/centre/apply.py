"""Applying commands on the centre: idempotent, re-validated, journaled, or rejected.

A batch of commands (a workstation's push; the admin CLI and the certificate service send a
batch of one) is applied in one transaction. It takes the lock on the one-row
``journal_head`` first (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite transactions here start
with ``BEGIN IMMEDIATE``) and keeps it to the commit. Under that lock the UUIDs of the whole
batch are looked up at once (journal and rejections) — a command already applied or rejected
gets its first verdict again, one whose UUID was used for another command can be refused as
``uuid_conflict`` — then each new command runs against central state: the actor's permission
(the user row is read once per batch and kept by the session), the authorization, the
handler. A handler whose spec is ``batchable`` runs in the batch's shared write set
(``BatchWrites``): the rows the spec's ``reads`` names are loaded for the run of such commands
with one query per table, what an earlier command wrote is found by a later one without a
query, a business rule violation reverts exactly that command's writes and counter values.
Any other command (one reading through ``ctx.session``, or carrying an authorization) runs
in a savepoint of its own after the write set so far has been written; its violation rolls
back its savepoint. Success chains a journal entry to the one before (the next ``seq``, the
hash over the previous hash); a violation records a rejection with its reason. The write
set's rows (one ``executemany`` per table), the entries and rejections are written together
at the end, the head moves once, and one commit makes the batch visible. A payload the
handler cannot read may be answered without recording anything (``malformed`` decides; its
writes are reverted or its savepoint rolled back, and the rest of the batch goes on). A
statement the database refuses while the write set is used (a value too long for its column)
throws the attempt away: the batch is applied again with a savepoint per command, where
``malformed`` answers the guilty command. Any other error — a lost connection, a failing
statement outside a command — rolls back the whole batch, which is then not acknowledged, so
a retry applies every command exactly once.

A command carrying an ``auth_ref`` is checked against the ``authorizations`` the service
recorded: an online authorization must be bound to this very command, granted at this
workstation and not used yet (it is marked used in the same transaction); anything else — a
forged reference, a replay, one bound to another command — is rejected as
``authorization_invalid``. A reference ``offline:<supervisor>`` (a supervisor's password
checked only by the workstation's cache) is accepted and recorded as an offline
authorization, listed for the supervisors of the hall to confirm.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sqlalchemy import Engine, Table, insert, select
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command, Verdict
from counter_app.domain.errors import Conflict, DomainError, PermissionDenied, ValidationErrors
from counter_app.domain.roles import Permission, Role, permissions_of, require
from counter_app.items.apply_context import (
    ApplyContext,
    BatchWrites,
    NeedsSavepoint,
    any_values,
    insert_rows,
)
from counter_app.items.registry import spec_for
from counter_app.items.spec import ItemSpec
from counter_app.storage.base import SharedBase
from counter_app.storage.central_models import JournalHeadRow, JournalRow, RejectionRow
from counter_app.storage.journal_hash import JournalEntry, entry_hash
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.service_models import AUTH_PURPOSE_COMMAND, AuthorizationRow
from counter_app.storage.shared_models import UserRow

SYSTEM_ACTOR = "system"
AUTHORIZATION_INVALID = "authorization_invalid"
UUID_CONFLICT = "uuid_conflict"
OFFLINE_PREFIX = "offline:"

# Decides about an exception (not a business rule violation) a command's handler raised: a
# verdict answers the command with nothing recorded and the batch goes on; ``None`` lets the
# exception roll back the whole batch.
Malformed = Callable[[Command, Exception], Verdict | None]
_JOURNAL_TABLE: Table = JournalRow.__table__  # type: ignore[assignment]
_JOURNAL_COLUMNS = tuple(column.key for column in _JOURNAL_TABLE.columns)


def rejection_reason(exc: DomainError) -> tuple[str, str]:
    code = getattr(exc, "code", type(exc).__name__)
    if isinstance(exc, ValidationErrors):
        code = exc.errors[0].code if len(exc.errors) == 1 else "invalid"
    message = getattr(exc, "message", None) or str(exc)
    return str(code), str(message)


def _check_actor(
    session: Session,
    command: Command,
    permission: object,
    trusted: bool,
    users: dict[str, UserRow],
) -> None:
    """Whether ``command``'s actor may do it. ``users`` keeps the rows read in this batch:
    the session's identity map holds its rows only while something refers to them, and a
    batch checks the same actor again and again. Kept rows stay current: a command of the
    batch that changes a user writes the very object kept here (``put`` finds it in the
    identity map), and a savepoint rolled back expires what it changed."""
    if command.actor == SYSTEM_ACTOR:
        if not trusted:
            raise PermissionDenied(command.actor, "system commands come only from the admin CLI")
        return
    user = users.get(command.actor)  # the session's own object: expired, it is read again
    if user is None:
        user = session.get(UserRow, command.actor)
        if user is not None:
            users[command.actor] = user
    if user is None or not user.active:
        raise PermissionDenied(command.actor, "an active account")
    require(command.actor, Role(user.role), permission)  # type: ignore[arg-type]


def _invalid_authorization() -> Conflict:
    return Conflict(
        AUTHORIZATION_INVALID,
        "the authorization is not one the centre granted for this command at this workstation",
    )


def _check_authorization(session: Session, command: Command, now_utc: dt.datetime) -> None:
    """Consume the online authorization bound to ``command`` or record an offline one."""
    ref = command.auth_ref
    if not ref:
        return
    if ref.startswith(OFFLINE_PREFIX):
        supervisor = session.get(UserRow, ref[len(OFFLINE_PREFIX) :])
        if (
            supervisor is None
            or supervisor.username == command.actor
            or supervisor.hall_code != command.hall_code
            or Permission.AUTHORIZE not in _permissions(supervisor)
        ):
            raise _invalid_authorization()
        session.add(
            AuthorizationRow(
                id=secrets.token_urlsafe(16),
                supervisor=supervisor.username,
                requested_by=command.actor,
                workstation_id=command.workstation,
                hall_code=command.hall_code,
                purpose=AUTH_PURPOSE_COMMAND,
                bound_to=command.uuid,
                detail=command.kind[:50],
                created_at=now_utc,
                used_at=now_utc,
                offline=True,
                confirmed_by=None,
                confirmed_at=None,
            )
        )
        return
    row = session.get(AuthorizationRow, ref, with_for_update=True)
    if (
        row is None
        or row.offline
        or row.purpose != AUTH_PURPOSE_COMMAND
        or row.bound_to != command.uuid
        or row.workstation_id != command.workstation
        or row.used_at is not None
    ):
        raise _invalid_authorization()
    row.used_at = now_utc
    row.detail = command.kind[:50]


def _permissions(user: UserRow) -> frozenset[Permission]:
    return permissions_of(Role(user.role))


class _Origin(Protocol):
    """Where a recorded command came from: a command, a journal row, a rejection."""

    @property
    def workstation(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class _Recorded:
    """What the centre holds under a command UUID: its journal entry or its rejection."""

    verdict: Verdict  # the first verdict, given again (``duplicate`` set)
    workstation: str
    actor: str
    kind: str
    # payload (canonical JSON), client time (ISO) and auth_ref of a journal entry
    entry: tuple[str, str, str | None] | None

    @classmethod
    def of(
        cls,
        verdict: Verdict,
        who: _Origin,
        entry: tuple[str, str, str | None] | None = None,
    ) -> _Recorded:
        """What ``verdict`` (given the first time) leaves recorded for ``who``'s command."""
        return cls(replace(verdict, duplicate=True), who.workstation, who.actor, who.kind, entry)

    def is_same(self, command: Command) -> bool:
        """Whether ``command`` is the very command recorded (not another under its UUID)."""
        if (self.workstation, self.actor, self.kind) != (
            command.workstation,
            command.actor,
            command.kind,
        ):
            return False
        return self.entry is None or self.entry == (
            canonical_json(command.payload),
            command.client_time.isoformat(),
            command.auth_ref,
        )


def _uuid_in(session: Session, column: Any, uuids: list[str]) -> tuple[Any, dict[str, Any]]:
    """``column IN uuids`` and its parameters (on PostgreSQL one array: ``= ANY``)."""
    if session.get_bind().dialect.name == "postgresql":
        return any_values(column), {"values": uuids}
    return column.in_(uuids), {}


def _recorded(session: Session, uuids: list[str]) -> dict[str, _Recorded]:
    """The journal entries and rejections already under ``uuids`` (two queries)."""
    found: dict[str, _Recorded] = {}
    where, params = _uuid_in(session, JournalRow.command_uuid, uuids)
    for row in session.execute(
        select(
            JournalRow.command_uuid,
            JournalRow.seq,
            JournalRow.workstation,
            JournalRow.actor,
            JournalRow.kind,
            JournalRow.payload,
            JournalRow.client_time,
            JournalRow.auth_ref,
        ).where(where),
        params,
    ):
        found[row.command_uuid] = _Recorded.of(
            Verdict(row.command_uuid, True, seq=row.seq),
            row,
            (row.payload, row.client_time, row.auth_ref),
        )
    rest = [u for u in uuids if u not in found]
    if rest:
        where, params = _uuid_in(session, RejectionRow.command_uuid, rest)
        for rejection in session.scalars(select(RejectionRow).where(where), params):
            found[rejection.command_uuid] = _Recorded.of(
                Verdict(
                    rejection.command_uuid,
                    False,
                    reason_code=rejection.reason_code,
                    reason=rejection.reason,
                ),
                rejection,
            )
    return found


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def reused_uuid(command: Command) -> Verdict:
    """The verdict on a command whose UUID the centre holds for a different command."""
    return Verdict(
        command.uuid,
        False,
        reason_code=UUID_CONFLICT,
        reason="this command id was already used for a different command",
    )


def apply_centrally(engine: Engine, command: Command, *, trusted: bool = False) -> Verdict:
    """Apply ``command`` to the central database and return the verdict (a batch of one).

    Connection and database errors propagate (the caller keeps the command for retry), and
    so does a payload the handler cannot read; business-rule violations become a recorded
    rejection.
    """
    (verdict,) = apply_batch(engine, [command], trusted=trusted)
    return verdict


def apply_batch(
    engine: Engine,
    commands: Sequence[Command],
    *,
    trusted: bool = False,
    clock: Callable[[], dt.datetime] = _local_now,
    malformed: Malformed | None = None,
    refuse_reused: bool = False,
) -> list[Verdict]:
    """Apply ``commands`` in order in one transaction; one verdict per command.

    ``clock`` gives the central time (time-zone aware) each command is applied at.
    ``malformed`` decides about a command whose handler raised something other than a
    business rule violation (without it, or when it answers ``None``, the exception rolls
    back the whole batch and propagates). With ``refuse_reused`` a UUID the centre holds
    for a different command gets ``uuid_conflict`` instead of the first verdict.

    The batch is first applied through its shared write set; when that meets a statement
    the database refuses (a value too long for its column, a duplicate key: what ``malformed``
    answers per command) or a row it cannot foresee, nothing of it is kept and the batch is
    applied again with a savepoint per command, which tells the guilty command apart.
    """
    if not commands:
        return []
    try:
        return _apply(engine, commands, trusted, clock, malformed, refuse_reused, batched=True)
    except _SavepointsNeeded:
        return _apply(engine, commands, trusted, clock, malformed, refuse_reused, batched=False)


class _SavepointsNeeded(Exception):
    """The batch's write set met what only a savepoint per command can sort out."""


@dataclass(frozen=True)
class _Applied:
    scope: str
    payload: str
    effects: str


@dataclass(frozen=True)
class _Rejected:
    error: DomainError


_Outcome = _Applied | _Rejected | Verdict  # a bare verdict: answered with nothing recorded


def _statement_error(exc: Exception) -> bool:
    """A statement the database refused, the connection still good (not a lost server)."""
    return (
        isinstance(exc, DBAPIError)
        and not exc.connection_invalidated
        and not isinstance(exc, OperationalError | InterfaceError)
    )


def _spec(kind: str) -> ItemSpec[Any] | None:
    try:
        return spec_for(kind)
    except LookupError:
        return None  # the savepoint path raises it where it always did


def _run_isolated(
    session: Session,
    command: Command,
    now: dt.datetime,
    trusted: bool,
    users: dict[str, UserRow],
    malformed: Malformed | None,
) -> _Outcome:
    """Apply ``command`` inside a savepoint of its own, through the session."""
    ctx = ApplyContext(side="central", session=session, now=now)
    try:
        with session.begin_nested():
            handler = spec_for(command.kind)
            _check_actor(session, command, handler.permission, trusted, users)
            _check_authorization(session, command, now.astimezone(dt.UTC).replace(tzinfo=None))
            handler.run(ctx, command)
            return _Applied(
                handler.scope_of(command),
                canonical_json(command.payload),
                canonical_json(ctx.effects),
            )
    except DomainError as exc:
        return _Rejected(exc)
    except Exception as exc:
        answer = malformed(command, exc) if malformed is not None else None
        if answer is None:
            raise
        return answer  # rolled back with its savepoint: nothing recorded


def _run_batched(
    session: Session,
    writes: BatchWrites,
    handler: ItemSpec[Any],
    command: Command,
    now: dt.datetime,
    trusted: bool,
    users: dict[str, UserRow],
    malformed: Malformed | None,
) -> _Outcome:
    """Apply ``command`` in the batch's write set; a rejection reverts its writes there."""
    ctx = ApplyContext(side="central", session=session, now=now, batch=writes)
    writes.begin()
    try:
        _check_actor(session, command, handler.permission, trusted, users)
        handler.run(ctx, command)
        return _Applied(
            handler.scope_of(command), canonical_json(command.payload), canonical_json(ctx.effects)
        )
    except DomainError as exc:
        writes.revert()
        return _Rejected(exc)
    except NeedsSavepoint as exc:
        raise _SavepointsNeeded from exc
    except Exception as exc:
        if isinstance(exc, DBAPIError):
            # A refused statement ends the transaction on PostgreSQL: start over.
            if malformed is not None and _statement_error(exc):
                raise _SavepointsNeeded from exc
            raise
        answer = malformed(command, exc) if malformed is not None else None
        if answer is None:
            raise
        writes.revert()
        return answer


def _write(writes: BatchWrites, malformed: Malformed | None) -> None:
    """Send the write set; a refused statement means some command must be told apart."""
    try:
        writes.write()
    except DBAPIError as exc:
        if malformed is not None and _statement_error(exc):
            raise _SavepointsNeeded from exc
        raise


def _batch_reads(
    commands: Sequence[Command], recorded: dict[str, _Recorded]
) -> list[tuple[type[SharedBase], tuple[Any, ...]]]:
    """The rows the batchable commands at the head of ``commands`` say they will read."""
    wanted: list[tuple[type[SharedBase], tuple[Any, ...]]] = []
    for command in commands:
        handler = _spec(command.kind)
        if handler is None or not handler.batchable or command.auth_ref:
            break
        if command.uuid not in recorded:
            wanted += handler.keys_read(command)
    return wanted


def _apply(
    engine: Engine,
    commands: Sequence[Command],
    trusted: bool,
    clock: Callable[[], dt.datetime],
    malformed: Malformed | None,
    refuse_reused: bool,
    *,
    batched: bool,
) -> list[Verdict]:
    verdicts: list[Verdict] = []
    with Session(engine) as session, session.begin():
        head = session.scalars(
            select(JournalHeadRow).where(JournalHeadRow.id == 1).with_for_update()
        ).one()
        recorded = _recorded(session, list(dict.fromkeys(c.uuid for c in commands)))
        last_seq, last_hash = head.last_seq, head.last_hash
        entries: list[tuple[Any, ...]] = []
        rejections: list[dict[str, Any]] = []
        users: dict[str, UserRow] = {}
        writes = BatchWrites(session) if batched else None
        load = True  # the rows of the next batchable run of commands are still to be read
        for index, command in enumerate(commands):
            before = recorded.get(command.uuid)
            if before is not None:
                reused = refuse_reused and not before.is_same(command)
                verdicts.append(reused_uuid(command) if reused else before.verdict)
                continue
            now = clock()
            handler = _spec(command.kind)
            if (
                writes is not None
                and handler is not None
                and handler.batchable
                and not command.auth_ref  # an authorization is used through the session
            ):
                if load:
                    writes.load(_batch_reads(commands[index:], recorded))
                    load = False
                outcome = _run_batched(
                    session, writes, handler, command, now, trusted, users, malformed
                )
            else:
                if writes is not None:
                    _write(writes, malformed)  # what the savepoint's queries must see
                    load = True
                outcome = _run_isolated(session, command, now, trusted, users, malformed)
            if isinstance(outcome, Verdict):
                verdicts.append(outcome)
                continue
            if isinstance(outcome, _Rejected):
                code, message = rejection_reason(outcome.error)
                rejections.append(
                    {
                        "command_uuid": command.uuid,
                        "kind": command.kind,
                        "actor": command.actor,
                        "workstation": command.workstation,
                        "reason_code": code,
                        "reason": message,
                        "rejected_at": now.astimezone(dt.UTC).replace(tzinfo=None),
                    }
                )
                verdict = Verdict(command.uuid, False, reason_code=code, reason=message)
                recorded[command.uuid] = _Recorded.of(verdict, command)
                verdicts.append(verdict)
                continue
            entry = JournalEntry(
                seq=last_seq + 1,
                command_uuid=command.uuid,
                kind=command.kind,
                scope=outcome.scope,
                actor=command.actor,
                workstation=command.workstation,
                client_time=command.client_time.isoformat(),
                central_time=now.isoformat(),
                auth_ref=command.auth_ref,
                payload=outcome.payload,
                effects=outcome.effects,
                prev_hash=last_hash,
                hash="",
            )
            entry = replace(entry, hash=entry_hash(entry))
            entries.append(tuple(getattr(entry, name) for name in _JOURNAL_COLUMNS))
            last_seq, last_hash = entry.seq, entry.hash
            verdict = Verdict(command.uuid, True, seq=entry.seq)
            recorded[command.uuid] = _Recorded.of(
                verdict, command, (outcome.payload, entry.client_time, command.auth_ref)
            )
            verdicts.append(verdict)
        if writes is not None:
            _write(writes, malformed)
        if entries:
            session.flush()  # nothing is pending after a savepoint; kept safe all the same
            insert_rows(session.connection(), _JOURNAL_TABLE, entries)
            head.last_seq = last_seq
            head.last_hash = last_hash
        if rejections:
            session.execute(insert(RejectionRow), rejections)
    return verdicts
