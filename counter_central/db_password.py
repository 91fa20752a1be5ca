"""Where the service's database password comes from: a private credentials file or the keyring.

Never the command line (other local users can read it in the process list) and never the
configuration file. In order: ``$CREDENTIALS_DIRECTORY/db-password`` (systemd's
``LoadCredential=``), the ``[database] password_file`` of the configuration, then the OS
keyring. A file readable by group or others is refused. A missing password is one
``PasswordUnavailable`` whose message says how to provide it.
"""

from __future__ import annotations

import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError, NoKeyringError
from sqlalchemy.engine import make_url

from counter_central.file_secrets import SecretFileError, read_private
from counter_central.settings import DatabaseSettings

KEYRING_SERVICE = "counter-central"
CREDENTIAL_NAME = "db-password"


class PasswordUnavailable(Exception):
    """No usable database password; the message says where it was looked for and what to do."""


def keyring_account(url: str) -> str:
    parsed = make_url(url)
    return (
        f"db:{parsed.username or ''}@{parsed.host or ''}:{parsed.port or ''}/"
        f"{parsed.database or ''}"
    )


def _from_file(path: Path, what: str) -> str:
    try:
        text = read_private(path, what).decode("utf-8")
    except SecretFileError as exc:
        raise PasswordUnavailable(str(exc)) from None
    except UnicodeDecodeError:
        raise PasswordUnavailable(f"{what} {path} is not UTF-8 text") from None
    password = text.rstrip("\r\n")
    if not password:
        raise PasswordUnavailable(f"{what} {path} is empty")
    return password


def read_db_password(database: DatabaseSettings) -> str | None:
    """The password for ``database``, or ``None`` when it needs none (SQLite, auth = none)."""
    if database.is_sqlite or database.auth == "none":
        return None
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials:
        path = Path(credentials) / CREDENTIAL_NAME
        if path.exists():
            return _from_file(path, "the credential")
    if database.password_file is not None:
        return _from_file(database.password_file, "the password file")
    try:
        password = keyring.get_password(KEYRING_SERVICE, keyring_account(database.url))
    except NoKeyringError:
        password = None
    except KeyringError as exc:
        raise PasswordUnavailable(f"the system keyring failed: {exc}") from None
    if password:
        return password
    raise PasswordUnavailable(
        "no database password was found. Provide it as a systemd credential "
        f"(LoadCredential={CREDENTIAL_NAME}:/path/to/file, read from "
        f"$CREDENTIALS_DIRECTORY/{CREDENTIAL_NAME}), as [database] password_file "
        "(a file only the service user can read), or in the OS keyring with: "
        "counter-central db set-password --config FILE"
    )


def store_db_password(database: DatabaseSettings, password: str) -> str:
    """Put ``password`` in the OS keyring; returns the keyring account it is stored under."""
    account = keyring_account(database.url)
    try:
        keyring.set_password(KEYRING_SERVICE, account, password)
    except NoKeyringError:
        raise PasswordUnavailable(
            "no usable system keyring: use a credentials file instead "
            "([database] password_file or systemd LoadCredential=)"
        ) from None
    except KeyringError as exc:
        raise PasswordUnavailable(f"the system keyring failed: {exc}") from None
    return account
