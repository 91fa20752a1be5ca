"""The workstation's connection to counter-central: signed HTTPS requests with timeouts.

``HttpCentral`` implements both ports a workstation uses — ``services.central_port.CentralPort``
(queue, certificates, lookups, staff sessions) and ``sync.port.SyncPort`` (commands and the
journal) — over kept-alive HTTP/1.1 connections of its own (``KeptConnections``: a request
costs a fraction of the CPU it does through ``httpx``, which matters on a workstation that
calls the queue all day, and on the service's machine when it is shared with workstations),
or over an ``httpx`` transport when one is given:

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

import contextlib
import datetime as dt
import json
import logging
import select
import socket
import ssl
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import httptools
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
_HEADERS = {"Accept": "application/json"}
_BODY_HEADERS = {**_HEADERS, "Content-Type": "application/json"}
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


class _Timeout(Exception):
    """No answer within the timeout."""


class _Unreachable(Exception):
    """The request could not be sent or its answer not read; ``cause`` says why."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")


def _dropped(sock: socket.socket) -> bool:
    """Whether an idle kept-alive connection was closed by the service (or holds data it
    should not: either way it cannot carry another request)."""
    if isinstance(sock, ssl.SSLSocket) and sock.pending():
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class _Closed(Exception):
    """The service closed the connection before the answer was complete."""


class _Answer:
    """One response as httptools' parser reports it."""

    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        self.body: list[bytes] = []
        self.keep_alive = False
        self.complete = False

    def on_headers_complete(self) -> None:
        self.keep_alive = self.parser.should_keep_alive()

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.complete = True


class KeptConnections:
    """Kept-alive HTTP/1.1 connections to one service: plain sockets (TLS-wrapped for
    ``https``) and httptools' response parser, so a request costs little CPU.

    Thread-safe: each request takes an idle connection (or opens one) for itself and gives it
    back when its answer is read. ``https`` connections verify the service's certificate and
    name with ``ssl_context`` (the pinned hall CA). Connecting waits at most
    ``connect_timeout``, an answer at most the request's timeout. An idle connection the
    service has closed meanwhile (its keep-alive ran out) is found before use and replaced;
    should it close one just as a request went out — nothing of an answer read — the same
    signed bytes are sent once more on a new connection (the service refuses them as a replay
    if it had in fact received the first).
    """

    def __init__(
        self, base_url: str, ssl_context: ssl.SSLContext | None, connect_timeout: float
    ) -> None:
        parts = urlsplit(base_url)
        self.https = parts.scheme == "https"
        self.host = parts.hostname or ""
        self.port = parts.port or (443 if self.https else 80)
        self.prefix = parts.path.rstrip("/")
        self.host_header = parts.netloc.rpartition("@")[2]
        self.ssl_context = ssl_context or (ssl.create_default_context() if self.https else None)
        self.connect_timeout = connect_timeout
        self._idle: list[socket.socket] = []
        self._open_sockets: set[socket.socket] = set()  # idle and in use
        self._closed = False
        self._lock = threading.Lock()

    def _take(self) -> tuple[socket.socket, bool]:
        while True:
            with self._lock:
                if self._closed:
                    raise _Unreachable(RuntimeError("the connection to the service was closed"))
                sock = self._idle.pop() if self._idle else None
            if sock is None:
                return self._open(), False
            if not _dropped(sock):
                return sock, True
            self._discard(sock)

    def _open(self) -> socket.socket:
        sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.ssl_context is not None:
                sock = self.ssl_context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        with self._lock:
            self._open_sockets.add(sock)
        return sock

    def _discard(self, sock: socket.socket) -> None:
        with self._lock:
            self._open_sockets.discard(sock)
        sock.close()

    def _give_back(self, sock: socket.socket) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(sock)
                return
        self._discard(sock)

    def send(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes, timeout: float
    ) -> tuple[int, bytes]:
        """Send one request (``target``: path and query); its status and body."""
        lines = [f"{method} {self.prefix}{target} HTTP/1.1", f"Host: {self.host_header}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append(f"Content-Length: {len(body)}\r\n\r\n")
        request = "\r\n".join(lines).encode("latin-1") + body
        for attempt in (1, 2):
            received = False
            try:
                sock, reused = self._take()
            except TimeoutError:
                raise _Timeout() from None
            except OSError as exc:
                raise _Unreachable(exc) from None
            answer = _Answer()
            try:
                sock.settimeout(timeout)
                sock.sendall(request)
                while not answer.complete:
                    data = sock.recv(65536)
                    if not data:
                        raise _Closed("the service closed the connection")
                    received = True
                    answer.parser.feed_data(data)
            except TimeoutError:
                self._discard(sock)
                raise _Timeout() from None
            except (_Closed, BrokenPipeError, ConnectionResetError) as exc:
                self._discard(sock)
                if reused and not received and attempt == 1:
                    continue  # closed by the service as the request went out: once more
                raise _Unreachable(exc) from None
            except (OSError, httptools.HttpParserError) as exc:
                self._discard(sock)
                raise _Unreachable(exc) from None
            if answer.keep_alive:
                self._give_back(sock)
            else:
                self._discard(sock)
            return answer.parser.get_status_code(), b"".join(answer.body)
        raise AssertionError("unreachable")

    def __del__(self) -> None:
        # Forgotten without ``close`` (as an ``httpx.Client`` may be): no socket is left open.
        with contextlib.suppress(Exception):
            self.close()

    def close(self) -> None:
        """Close every connection, those in use too (their requests fail at once)."""
        with self._lock:
            self._closed = True
            sockets, self._open_sockets, self._idle = self._open_sockets, set(), []
        for sock in sockets:
            with contextlib.suppress(OSError):  # not connected any more
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


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
        context = pinned_context(ca_file) if ca_file is not None else None
        # Through ``transport`` when one is given (``httpx``), else on kept connections.
        self._client: httpx.Client | None = None
        self._kept: KeptConnections | None = None
        if transport is not None:
            self._client = httpx.Client(
                base_url=self.base_url,
                auth=self._auth,
                verify=context or True,
                timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
                transport=transport,
                headers={"Accept": "application/json"},
            )
        else:
            self._kept = KeptConnections(self.base_url, context, min(CONNECT_TIMEOUT, timeout))
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
        headers = _BODY_HEADERS if body is not None else _HEADERS
        if user is not None:
            headers = {**headers, SESSION_HEADER: self.session_token(user)}
        content = (
            json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            if body is not None
            else b""
        )
        if params:
            path = f"{path}?{urlencode(params, quote_via=quote)}"
        for attempt in (1, 2):
            try:
                status, data = self._send(method, path, headers, content, timeout)
            except _Timeout:
                raise CentralUnavailable(
                    f"the central service did not answer within {timeout or self.timeout:g} s"
                ) from None
            except _Unreachable as exc:
                raise CentralUnavailable(
                    f"the central service at {self.base_url} cannot be reached ({exc})"
                ) from None
            if status == 204:
                return None
            try:
                answer = json.loads(data) if data else None
            except ValueError:
                answer = None
            if 200 <= status < 300:
                return answer
            if status >= 500:
                reason = answer.get("reason") if isinstance(answer, dict) else None
                raise CentralUnavailable(
                    f"the central service answered {status}" + (f": {reason}" if reason else "")
                )
            if attempt == 1 and isinstance(answer, dict) and answer.get("error") == "clock_skew":
                self.learn_clock()
                continue
            if (
                status == 401
                and isinstance(answer, dict)
                and answer.get("error") == "session_invalid"
                and user is not None
            ):
                with self._lock:
                    self._sessions.pop(user, None)
            raise_refusal(status, answer)
        raise AssertionError("unreachable")

    def _send(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        content: bytes,
        timeout: float | None,
    ) -> tuple[int, bytes]:
        """One signed request (``target``: path and query, as signed); status and body."""
        if self._kept is None:
            assert self._client is not None
            try:
                response = self._client.request(
                    method,
                    target,
                    content=content,
                    headers=headers,
                    timeout=None
                    if timeout is None
                    else httpx.Timeout(timeout, connect=CONNECT_TIMEOUT),
                )
            except httpx.TimeoutException:
                raise _Timeout() from None
            except httpx.TransportError as exc:
                raise _Unreachable(exc) from None
            return response.status_code, response.content
        stamp = int(time.time() + self._auth.clock_offset)
        signed = self.identity.headers(method, target, content, timestamp=stamp)
        return self._kept.send(
            method,
            target,
            {**headers, **signed},
            content,
            self.timeout if timeout is None else timeout,
        )

    def learn_clock(self) -> None:
        before = dt.datetime.now(dt.UTC).timestamp()
        try:
            status, data = self._send("GET", "/v1/time", _HEADERS, b"", None)
            if status != 200:
                raise ValueError(f"HTTP {status}")
            server = dt.datetime.fromisoformat(json.loads(data)["now"]).timestamp()
        except (_Timeout, _Unreachable, ValueError, KeyError, TypeError) as exc:
            raise CentralUnavailable(
                f"the central service's clock cannot be read ({exc})"
            ) from None
        after = dt.datetime.now(dt.UTC).timestamp()
        self._auth.clock_offset = server - (before + after) / 2

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._kept is not None:
            self._kept.close()

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
