"""Where a workstation keeps its Ed25519 key: the OS keyring, or a private file on one PC.

The key that signs every request to counter-central belongs in the OS keyring (Windows
Credential Manager, macOS Keychain, Secret Service). A bare Linux installation has no
keyring backend at all, though, and the single-PC (embedded) set-up must still start there.
Its service listens on this machine's loopback address only, and its central database is a
file in the same data folder; a key file beside it, readable by its owner only (mode 0600),
protects no less than that. So:

* a usable keyring always holds the key (``KeyringKeyStore``);
* without one, a workstation whose service is on loopback keeps it in
  ``data_dir()/workstation.key`` (``FileKeyStore``) and says so in the log;
* a workstation that talks to a service over the network refuses to start without a
  keyring, with a message that says what to install (``IdentityUnavailable``).
"""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path
from typing import Protocol

import keyring
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from keyring.errors import KeyringError, NoKeyringError

from counter_app.remote.identity import (
    KEYRING_SERVICE,
    IdentityUnavailable,
    WorkstationIdentity,
    keyring_account,
)
from counter_app.wire import b64u_decode, b64u_encode

log = logging.getLogger(__name__)

KEY_FILE = "workstation.key"

NO_KEYRING_ADVICE = (
    "No usable system keyring was found, so this workstation's key cannot be kept. A "
    "workstation that talks to a central service over the network keeps its key only in the "
    "system keyring: on Windows and macOS it is built in; on Linux install and unlock one "
    "(e.g. GNOME Keyring or KWallet, with the Secret Service), then enrol again with "
    "counter-admin enrol."
)


class KeyStore(Protocol):
    """Loads and saves the key of one workstation."""

    @property
    def where(self) -> str:
        """Where the key is kept, in words for the log and for messages."""
        ...

    def load(self, workstation_id: str) -> WorkstationIdentity | None:
        """The stored key of ``workstation_id``, or None when there is none."""
        ...

    def save(self, identity: WorkstationIdentity) -> None: ...


def _decode(workstation_id: str, secret: str, where: str) -> WorkstationIdentity:
    try:
        return WorkstationIdentity(
            workstation_id, Ed25519PrivateKey.from_private_bytes(b64u_decode(secret))
        )
    except ValueError:
        raise IdentityUnavailable(
            f"the workstation key in {where} is damaged: enrol again with counter-admin enrol"
        ) from None


def _encode(identity: WorkstationIdentity) -> str:
    return b64u_encode(identity.private_key.private_bytes_raw())


class KeyringKeyStore:
    """The OS keyring: service ``counter-app``, account ``workstation-key:<id>``."""

    where = "the system keyring"

    def load(self, workstation_id: str) -> WorkstationIdentity | None:
        try:
            secret = keyring.get_password(KEYRING_SERVICE, keyring_account(workstation_id))
        except NoKeyringError:
            raise IdentityUnavailable(NO_KEYRING_ADVICE) from None
        except KeyringError as exc:
            raise IdentityUnavailable(f"the system keyring cannot be read: {exc}") from None
        return _decode(workstation_id, secret, self.where) if secret else None

    def save(self, identity: WorkstationIdentity) -> None:
        try:
            keyring.set_password(
                KEYRING_SERVICE, keyring_account(identity.workstation_id), _encode(identity)
            )
        except NoKeyringError:
            raise IdentityUnavailable(NO_KEYRING_ADVICE) from None
        except KeyringError as exc:
            raise IdentityUnavailable(f"the workstation key cannot be stored: {exc}") from None


class FileKeyStore:
    """A JSON file ``{"workstation_id": …, "private_key": …}`` only its owner may read."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def where(self) -> str:
        return f"the file {self.path}"

    def load(self, workstation_id: str) -> WorkstationIdentity | None:
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return None
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise IdentityUnavailable(
                f"the workstation key file {self.path} is readable by other users "
                f"(mode {stat.S_IMODE(mode):o}); make it private with: chmod 600 {self.path}"
            )
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IdentityUnavailable(
                f"the workstation key file {self.path} cannot be read ({exc})"
            ) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("private_key"), str):
            raise IdentityUnavailable(f"the workstation key file {self.path} is damaged")
        if doc.get("workstation_id") != workstation_id:
            return None  # the key of another workstation id: this one is not enrolled
        return _decode(workstation_id, doc["private_key"], self.where)

    def save(self, identity: WorkstationIdentity) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(
            {"workstation_id": identity.workstation_id, "private_key": _encode(identity)}
        )
        tmp = self.path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)


def keyring_usable() -> bool:
    """Whether the selected keyring backend can keep a secret at all.

    The ``fail`` backend (no backend found) and the ``null`` one have a priority of zero or
    less; a backend that is present but cannot be reached raises on a read.
    """
    backend = keyring.get_keyring()
    try:
        if float(getattr(backend, "priority", 1)) <= 0:
            return False
        backend.get_password(KEYRING_SERVICE, "probe")
    except (KeyringError, NoKeyringError):
        return False
    except Exception:  # a broken third-party backend: not usable either
        log.debug("the keyring backend failed its probe", exc_info=True)
        return False
    return True


def key_store_for(key_file: Path, workstation_id: str, *, loopback: bool) -> KeyStore:
    """The keyring when it is usable; else, for a loopback service only, ``key_file``.

    On loopback, a key already kept in ``key_file`` stays in use there as long as the
    keyring holds none (a keyring may have been installed after the set-up was enrolled).
    """
    if keyring_usable():
        store = KeyringKeyStore()
        if loopback and key_file.exists() and store.load(workstation_id) is None:
            return FileKeyStore(key_file)
        return store
    if not loopback:
        raise IdentityUnavailable(NO_KEYRING_ADVICE)
    log.info(
        "no usable system keyring: the workstation key of this single-PC set-up (service on "
        "loopback only) is kept in %s, readable by its owner only",
        key_file,
    )
    return FileKeyStore(key_file)
