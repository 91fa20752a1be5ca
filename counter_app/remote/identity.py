"""The workstation's side of its identity: its Ed25519 key in the OS keyring, and signing.

This is what the teller application uses to talk to counter-central. ``enrol`` makes the
key pair, proves possession by signing the enrolment with it and, once the service has
accepted it, keeps the private key in the OS keyring (never in a file or the config).
``SignedAuth`` signs every request of an ``httpx`` client with it. If the workstation's
clock is off, ``SignedAuth.clock_offset`` (learnt from ``GET /v1/time`` or from a
``clock_skew`` refusal's ``server_time``) corrects the timestamps it signs.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
from collections.abc import Generator
from dataclasses import dataclass

import httpx
import keyring
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from keyring.errors import KeyringError, NoKeyringError

from counter_app.wire import b64u_decode, b64u_encode, public_key_text, sign_request

KEYRING_SERVICE = "counter-app"


class IdentityUnavailable(Exception):
    """No key for this workstation in the keyring, or no usable keyring; says what to do."""


class EnrolmentFailed(Exception):
    """The service refused the enrolment; ``code`` is its machine-readable reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


def keyring_account(workstation_id: str) -> str:
    return f"workstation-key:{workstation_id}"


@dataclass(frozen=True)
class WorkstationIdentity:
    workstation_id: str
    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls, workstation_id: str) -> WorkstationIdentity:
        return cls(workstation_id, Ed25519PrivateKey.generate())

    @property
    def public_key(self) -> str:
        return public_key_text(self.private_key.public_key())

    def headers(
        self, method: str, target: str, body: bytes, *, timestamp: int | None = None
    ) -> dict[str, str]:
        """The signature headers for one request (``target``: path and query as sent)."""
        return sign_request(
            self.private_key,
            self.workstation_id,
            method,
            target,
            body,
            timestamp=int(time.time()) if timestamp is None else timestamp,
            nonce=secrets.token_urlsafe(18),
        )

    def store(self) -> None:
        secret = b64u_encode(self.private_key.private_bytes_raw())
        try:
            keyring.set_password(KEYRING_SERVICE, keyring_account(self.workstation_id), secret)
        except (NoKeyringError, KeyringError) as exc:
            raise IdentityUnavailable(f"the workstation key cannot be stored: {exc}") from None

    @classmethod
    def load(cls, workstation_id: str) -> WorkstationIdentity:
        try:
            secret = keyring.get_password(KEYRING_SERVICE, keyring_account(workstation_id))
        except (NoKeyringError, KeyringError) as exc:
            raise IdentityUnavailable(f"the system keyring cannot be read: {exc}") from None
        if not secret:
            raise IdentityUnavailable(
                f"workstation {workstation_id} has no key in the system keyring: enrol it "
                "with the code from counter-central workstation add"
            )
        try:
            key = Ed25519PrivateKey.from_private_bytes(b64u_decode(secret))
        except ValueError:
            raise IdentityUnavailable("the workstation key in the keyring is damaged") from None
        return cls(workstation_id, key)


class SignedAuth(httpx.Auth):
    """Signs every request of an ``httpx.Client`` with the workstation's key."""

    requires_request_body = True

    def __init__(self, identity: WorkstationIdentity, clock_offset: float = 0.0) -> None:
        self.identity = identity
        self.clock_offset = clock_offset

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        timestamp = int(time.time() + self.clock_offset)
        target = request.url.raw_path.decode("ascii")
        request.headers.update(
            self.identity.headers(request.method, target, request.content, timestamp=timestamp)
        )
        yield request


def clock_offset(client: httpx.Client) -> float:
    """Seconds to add to this machine's clock to get the service's (from ``GET /v1/time``)."""
    before = time.time()
    response = client.get("/v1/time")
    response.raise_for_status()
    after = time.time()
    server = dt.datetime.fromisoformat(response.json()["now"]).timestamp()
    return server - (before + after) / 2


@dataclass(frozen=True)
class Enrolment:
    identity: WorkstationIdentity
    hall_code: str
    anchor_public_key: str
    anchor_key_id: str


def enrol(client: httpx.Client, workstation_id: str, code: str, *, store: bool = True) -> Enrolment:
    """Enrol this workstation with a one-time ``code``; the key goes to the keyring."""
    identity = WorkstationIdentity.generate(workstation_id)
    body = json.dumps(
        {"workstation_id": workstation_id, "code": code, "public_key": identity.public_key}
    ).encode("utf-8")
    auth = SignedAuth(identity, clock_offset(client))
    response = client.post(
        "/v1/enrol", content=body, headers={"Content-Type": "application/json"}, auth=auth
    )
    if response.status_code != 200:
        try:
            problem = response.json()
            raise EnrolmentFailed(str(problem.get("error")), str(problem.get("reason")))
        except ValueError:
            raise EnrolmentFailed("http_error", f"HTTP {response.status_code}") from None
    answer = response.json()
    if store:
        identity.store()
    return Enrolment(
        identity, answer["hall_code"], answer["anchor_public_key"], answer["anchor_key_id"]
    )
