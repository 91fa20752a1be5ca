"""The workstation's connection to counter-central: signed HTTPS requests with timeouts.

``HttpCentral`` implements both ports a workstation uses — ``services.central_port.CentralPort``
(queue, certificates, lookups, staff sessions) and ``sync.port.SyncPort`` (commands and the
journal) — over one ``httpx.Client``:

* every request is signed with the workstation's Ed25519 key (``remote.identity``);
* the service's certificate is checked against the hall CA pinned in the workstation's
  configuration, and nothing else; plain ``http://`` is accepted only to a loopback address;
* every call has a timeout; no answer, a timeout or a 5xx raise ``CentralUnavailable``;
* a business refusal arrives as the domain error the service raised (``domain_errors``),
  any other refusal as ``CentralRefused``;
* a ``clock_skew`` refusal makes it learn the service's clock and sign once more.

Staff sessions: ``login`` asks the service to check the password and keeps the session
token in memory only. A user who logged in offline is remembered (with the password, in
memory, for this process only) and logged in centrally as soon as the service answers, so
that the commands made meanwhile can be sent on that user's own session.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import ssl
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from counter_app.config import is_loopback_host as is_loopback_host
from counter_app.config import service_url_problem
from counter_app.domain.commands import Command, Verdict
from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.remote.authorization_calls import AuthorizationCalls
from counter_app.remote.counter_calls import CounterCalls
from counter_app.remote.domain_errors import raise_refusal
from counter_app.remote.identity import SignedAuth, WorkstationIdentity
from counter_app.remote.queue_calls import QueueCalls
from counter_app.remote.wire_models import parse_journal_page, parse_session
from counter_app.services.central_port import CentralSession
from counter_app.sync.port import JournalPage, NoSession

log = logging.getLogger(__name__)

SESSION_HEADER = "X-Counter-Session"
DEFAULT_TIMEOUT = 5.0
CONNECT_TIMEOUT = 3.0


class InsecureServiceUrl(ValueError):
    """A service URL that would send requests unprotected over a network."""


def check_service_url(url: str) -> str:
    """``url`` without a trailing slash; refuses anything but https, or http to loopback."""
    problem = service_url_problem(url)
    if problem is not None:
        raise InsecureServiceUrl(problem)
    return url.rstrip("/")


def pinned_context(ca_file: Path) -> ssl.SSLContext:
    """A TLS context that trusts exactly the hall CA in ``ca_file``."""
    context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=None)
    context.load_verify_locations(cafile=str(ca_file))
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class HttpCentral(QueueCalls, CounterCalls, AuthorizationCalls):
    def __init__(
        self,
        base_url: str,
        identity: WorkstationIdentity,
        *,
        ca_file: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = check_service_url(base_url)
        if self.base_url.startswith("https://") and ca_file is None and transport is None:
            raise InsecureServiceUrl(
                "an https:// service needs the hall CA file ([central] ca_file)"
            )
        self.identity = identity
        self.timeout = timeout
        self._auth = SignedAuth(identity)
        verify: ssl.SSLContext | bool = pinned_context(ca_file) if ca_file is not None else True
        self._client = httpx.Client(
            base_url=self.base_url,
            auth=self._auth,
            verify=verify,
            timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
            transport=transport,
            headers={"Accept": "application/json"},
        )
        self._lock = threading.Lock()
        self._sessions: dict[str, str] = {}  # username → token
        self._offline_logins: dict[str, str] = {}  # username → password, until the centre answers
        self.current_user: str | None = None
        # The service's anchor public key and its id, as learnt when this workstation was
        # enrolled (the launcher keeps it in the cache; signed journal heads are checked with it).
        self.anchor_key: tuple[str, str] | None = None

    # -- plumbing ----------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        body: object | None = None,
        params: Mapping[str, Any] | None = None,
        user: str | None = None,
        timeout: float | None = None,
    ) -> Any:
        """One signed request; the decoded JSON answer (``None`` for 204).

        ``user`` sends that user's session token (``NoSession`` when there is none).
        """
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if user is not None:
            headers[SESSION_HEADER] = self.session_token(user)
        content = (
            json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            if body is not None
            else None
        )
        for attempt in (1, 2):
            try:
                response = self._client.request(
                    method,
                    path,
                    content=content,
                    params=params,
                    headers=headers,
                    timeout=None
                    if timeout is None
                    else httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
                )
            except httpx.TimeoutException:
                raise CentralUnavailable(
                    f"the central service did not answer within {timeout or self.timeout:g} s"
                ) from None
            except httpx.TransportError as exc:
                raise CentralUnavailable(
                    f"the central service at {self.base_url} cannot be reached "
                    f"({type(exc).__name__}: {exc})"
                ) from None
            if response.status_code == 204:
                return None
            try:
                answer = response.json()
            except ValueError:
                answer = None
            if response.is_success:
                return answer
            if response.status_code >= 500:
                reason = answer.get("reason") if isinstance(answer, dict) else None
                raise CentralUnavailable(
                    f"the central service answered {response.status_code}"
                    + (f": {reason}" if reason else "")
                )
            if attempt == 1 and isinstance(answer, dict) and answer.get("error") == "clock_skew":
                self.learn_clock()
                continue
            if (
                response.status_code == 401
                and isinstance(answer, dict)
                and answer.get("error") == "session_invalid"
                and user is not None
            ):
                with self._lock:
                    self._sessions.pop(user, None)
            raise_refusal(response.status_code, answer)
        raise AssertionError("unreachable")

    def learn_clock(self) -> None:
        before = dt.datetime.now(dt.UTC).timestamp()
        try:
            response = self._client.get("/v1/time")
            response.raise_for_status()
            server = dt.datetime.fromisoformat(response.json()["now"]).timestamp()
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            raise CentralUnavailable(
                f"the central service's clock cannot be read ({exc})"
            ) from None
        after = dt.datetime.now(dt.UTC).timestamp()
        self._auth.clock_offset = server - (before + after) / 2

    def close(self) -> None:
        self._client.close()

    # -- staff sessions ----------------------------------------------------------------------
    def session_token(self, username: str) -> str:
        with self._lock:
            token = self._sessions.get(username)
            password = self._offline_logins.get(username)
        if token is not None:
            return token
        if password is not None:
            self.login(username, password)
            with self._lock:
                token = self._sessions.get(username)
            if token is not None:
                return token
        raise NoSession(username)

    def login(self, username: str, password: str) -> CentralSession:
        answer = self.request(
            "POST", "/v1/sessions", body={"username": username, "password": password}
        )
        session, token = parse_session(answer)
        with self._lock:
            previous = self._sessions.get(session.username)
            self._sessions[session.username] = token
            self._offline_logins.pop(session.username, None)
            self.current_user = session.username
        if previous is not None and previous != token:
            try:  # a screen unlock logs in again: end the session it replaces
                self.request("POST", "/v1/sessions/end", body={"token": previous})
            except (CentralUnavailable, CentralRefused) as exc:
                log.info("earlier central session of %s not ended: %s", session.username, exc)
        return session

    def remember_offline_login(self, username: str, password: str) -> None:
        """``username`` logged in from the cache; open the central session when possible."""
        with self._lock:
            self._offline_logins[username] = password
            self.current_user = username

    def act_as(self, username: str) -> None:
        """Make ``username`` (logged in here, online or offline) the user the calls are for."""
        with self._lock:
            if username not in self._sessions and username not in self._offline_logins:
                raise NoSession(username)
            self.current_user = username

    def has_session(self, username: str) -> bool:
        with self._lock:
            return username in self._sessions or username in self._offline_logins

    def release(self, username: str) -> str | None:
        """Forget ``username``'s session here at once (no network); returns its token for
        ``end_session``. A login made after this is not touched by the later ending."""
        with self._lock:
            token = self._sessions.pop(username, None)
            self._offline_logins.pop(username, None)
            if self.current_user == username:
                self.current_user = None
        return token

    def end_session(self, token: str) -> None:
        """End one session at the centre (best effort: it expires by itself anyway)."""
        try:
            self.request("POST", "/v1/sessions/end", body={"token": token})
        except (CentralUnavailable, CentralRefused) as exc:
            log.info("a central session was not ended at the centre: %s", exc)

    def logout(self, username: str) -> None:
        token = self.release(username)
        if token is not None:
            self.end_session(token)

    def user(self) -> str:
        """The user at this workstation now (for the calls made on their behalf)."""
        with self._lock:
            current = self.current_user
        if current is None:
            raise NoSession("(nobody)")
        return current

    def service_time(self) -> dt.datetime:
        answer = self.request("GET", "/v1/time")
        return dt.datetime.fromisoformat(answer["now"])

    # -- SyncPort ----------------------------------------------------------------------------
    def submit(self, commands: Sequence[Command]) -> list[Verdict]:
        if not commands:
            return []
        actor = commands[0].actor
        if any(c.actor != actor for c in commands):
            raise ValueError("a batch holds the commands of one actor")
        token = self.session_token(actor)
        body = {
            "session_token": token,
            "commands": [
                {
                    "uuid": c.uuid,
                    "kind": c.kind,
                    "payload": c.payload,
                    "actor": c.actor,
                    "client_time": c.client_time.astimezone().isoformat(),
                    "auth_ref": c.auth_ref,
                }
                for c in commands
            ],
        }
        answer = self.request("POST", "/v1/commands", body=body)
        verdicts = [
            Verdict(
                str(v["command_uuid"]),
                v["status"] == "applied",
                seq=v.get("seq"),
                reason_code=v.get("reason_code"),
                reason=v.get("reason"),
                duplicate=bool(v.get("duplicate")),
            )
            for v in answer["verdicts"]
        ]
        return verdicts

    def journal_page(
        self, after: int, *, limit: int = 500, wait_seconds: float = 0.0
    ) -> JournalPage:
        params: dict[str, Any] = {"after": after, "limit": limit}
        if wait_seconds > 0:
            params["wait"] = round(wait_seconds, 1)
        answer = self.request(
            "GET", "/v1/journal", params=params, timeout=self.timeout + wait_seconds
        )
        return parse_journal_page(answer)
