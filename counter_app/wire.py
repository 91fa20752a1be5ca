"""The signed-request wire format, shared by the service and the workstation client.

A request is signed with the workstation's Ed25519 key over one message that binds the
workstation, the method, the exact request target (path and query as sent), a timestamp, a
nonce and the SHA-256 of the body, so nothing of it can be changed, replayed later or
replayed elsewhere. Journal anchors are signed the same way with the service's anchor key.
Everything binary travels as unpadded base64url.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

REQUEST_SCHEME = "COUNTER-CENTRAL-REQUEST-V1"
ANCHOR_SCHEME = "COUNTER-CENTRAL-ANCHOR-V1"

HEADER_WORKSTATION = "X-Counter-Workstation"
HEADER_TIMESTAMP = "X-Counter-Timestamp"
HEADER_NONCE = "X-Counter-Nonce"
HEADER_SIGNATURE = "X-Counter-Signature"
SIGNATURE_HEADERS = (HEADER_WORKSTATION, HEADER_TIMESTAMP, HEADER_NONCE, HEADER_SIGNATURE)

WORKSTATION_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$"
NONCE_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
PUBLIC_KEY_PATTERN = r"^[A-Za-z0-9_-]{43}$"
SIGNATURE_PATTERN = r"^[A-Za-z0-9_-]{86}$"

_WORKSTATION_ID = re.compile(WORKSTATION_ID_PATTERN)


def is_workstation_id(value: str) -> bool:
    return bool(_WORKSTATION_ID.fullmatch(value))


def b64u_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64u_decode(text: str) -> bytes:
    """Decode unpadded base64url; ``ValueError`` for anything else."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as exc:
        raise ValueError("not base64url") from exc


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def request_message(
    workstation_id: str, method: str, target: str, timestamp: int, nonce: str, body: bytes
) -> bytes:
    """The bytes a workstation signs for one request."""
    lines = [
        REQUEST_SCHEME,
        workstation_id,
        method.upper(),
        target,
        str(timestamp),
        nonce,
        body_digest(body),
    ]
    return "\n".join(lines).encode("utf-8")


def sign_request(
    key: Ed25519PrivateKey,
    workstation_id: str,
    method: str,
    target: str,
    body: bytes,
    *,
    timestamp: int,
    nonce: str,
) -> dict[str, str]:
    """The four signature headers for one request."""
    message = request_message(workstation_id, method, target, timestamp, nonce, body)
    return {
        HEADER_WORKSTATION: workstation_id,
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: b64u_encode(key.sign(message)),
    }


def public_key_text(key: Ed25519PublicKey) -> str:
    return b64u_encode(key.public_bytes_raw())


def load_public_key(text: str) -> Ed25519PublicKey:
    """``ValueError`` unless ``text`` is a base64url raw Ed25519 public key."""
    raw = b64u_decode(text)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def signature_valid(public_key: Ed25519PublicKey, signature_text: str, message: bytes) -> bool:
    try:
        signature = b64u_decode(signature_text)
        public_key.verify(signature, message)
    except (ValueError, InvalidSignature):
        return False
    return True


def key_id(public_key: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_key.public_bytes_raw()).hexdigest()[:16]


def anchor_message(seq: int, head_hash: str, signed_at: str) -> bytes:
    """The bytes the service signs to anchor the journal head."""
    return "\n".join([ANCHOR_SCHEME, str(seq), head_hash, signed_at]).encode("utf-8")
