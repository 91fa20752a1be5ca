"""The service's Ed25519 anchor key: made once, kept in a private file, shared by all processes.

Anchors are signed with it, so whoever can read the central database (even its owner)
cannot forge one. The file is PKCS#8 PEM, created readable by the service user only and
refused when others can read it. Its public half is given to every workstation at enrolment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from counter_app.wire import key_id, public_key_text
from counter_central.file_secrets import SecretFileError, read_private, write_private


class AnchorKeyError(Exception):
    """The anchor key file is missing, unreadable, unsafe or not an Ed25519 key."""


@dataclass(frozen=True)
class AnchorKey:
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def public_text(self) -> str:
        return public_key_text(self.public_key)

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)


def create_anchor_key(path: Path) -> AnchorKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        write_private(path, pem)
    except SecretFileError as exc:
        raise AnchorKeyError(str(exc)) from None
    return AnchorKey(key)


def load_anchor_key(path: Path) -> AnchorKey:
    try:
        pem = read_private(path, "the anchor key")
    except SecretFileError as exc:
        raise AnchorKeyError(f"{exc} (create it with: counter-central anchor init)") from None
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise AnchorKeyError(f"the anchor key {path} is not an unencrypted PEM key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise AnchorKeyError(f"the anchor key {path} is not an Ed25519 key")
    return AnchorKey(key)
