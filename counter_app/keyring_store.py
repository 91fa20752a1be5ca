"""The central database password in the OS keyring, and what to say when there is none.

The password is looked up by a key made of user, host, port and database of the central URL.
Any keyring failure becomes ``SecretStoreUnavailable`` with advice a person can act on; the
application shows it instead of a traceback.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError
from sqlalchemy.engine import make_url

SERVICE = "counter-app"


class SecretStoreUnavailable(Exception):
    """No usable keyring, or no password stored for the central database."""


def _account(url: str) -> str:
    parsed = make_url(url)
    user, host = parsed.username or "", parsed.host or ""
    return f"central:{user}@{host}:{parsed.port or ''}/{parsed.database or ''}"


NO_KEYRING_ADVICE = (
    "No usable system keyring was found, so the central database password cannot be read. "
    "On Windows and macOS the system keyring is built in; on Linux install and unlock one "
    '(e.g. GNOME Keyring or KWallet), or set [central] auth = "none" if the server '
    "authenticates this workstation another way (certificate, peer). "
)


def get_central_password(url: str) -> str:
    try:
        password = keyring.get_password(SERVICE, _account(url))
    except NoKeyringError:
        raise SecretStoreUnavailable(NO_KEYRING_ADVICE) from None
    except KeyringError as exc:
        raise SecretStoreUnavailable(f"The system keyring failed: {exc}") from None
    if password is None:
        raise SecretStoreUnavailable(
            "No password is stored for the central database "
            f"({_account(url)}). Store it with: counter-admin secret set-central-password"
        )
    return password


def set_central_password(url: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, _account(url), password)
    except NoKeyringError:
        raise SecretStoreUnavailable(NO_KEYRING_ADVICE) from None
    except KeyringError as exc:
        raise SecretStoreUnavailable(f"The system keyring failed: {exc}") from None
