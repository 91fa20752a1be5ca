"""Reading and writing secret files that only their owner may read.

The database password (systemd credentials), the anchor signing key and the private keys
``ca init`` makes are files; each is refused when group or others can read it, because a
secret another local account can read is no longer a secret of the service user. On
Windows, where POSIX modes mean nothing, access is left to the folder's ACL.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class SecretFileError(Exception):
    """A secret file is missing, unreadable or readable by others; the message says which."""


def _posix() -> bool:
    return os.name == "posix"


def check_private(path: Path, what: str) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise SecretFileError(f"{what} {path} does not exist") from None
    except OSError as exc:
        raise SecretFileError(f"{what} {path} cannot be read: {exc.strerror}") from None
    if _posix() and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretFileError(
            f"{what} {path} is readable by other users (mode {stat.S_IMODE(mode):o}); "
            f"make it private with: chmod 600 {path}"
        )


def read_private(path: Path, what: str) -> bytes:
    """The contents of ``path``, refused unless only its owner may read it."""
    check_private(path, what)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SecretFileError(f"{what} {path} cannot be read: {exc.strerror}") from None


def write_private(path: Path, data: bytes) -> None:
    """Create ``path`` readable by its owner only; an existing file is never overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SecretFileError(f"{path} already exists; it is not overwritten") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
