"""The service's TOML configuration: where to listen, which database, which halls, which keys.

Secrets are never in this file: the database URL is refused if it carries a password (the
password comes from a credentials file or the OS keyring, see ``db_password``), and the TLS
key and anchor key are named by path only. Relative paths are relative to the file itself.
Every problem is reported as one ``SettingsError`` naming the file and the key.

Example::

    [server]
    host = "0.0.0.0"
    port = 8443
    tls_cert = "tls/server.crt"
    tls_key = "tls/server.key"
    workers = 2        # processes serving the port; one per core is a good start

    [database]
    url = "postgresql://counter_service@db.hall.example/counter"

    [service]
    halls = ["HALL01"]

    [anchor]
    key_file = "anchor.key"
"""

from __future__ import annotations

import ipaddress
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_PORT = 8443
DEFAULT_MAX_BODY = 1024 * 1024
DEFAULT_SKEW = 300
DEFAULT_SESSION_HOURS = 12
DEFAULT_ENROLMENT_HOURS = 72
MAX_WORKERS = 64

DbAuth = Literal["password", "none"]


class SettingsError(Exception):
    """The configuration is missing, malformed or unsafe; the message names file and key."""


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    tls_cert: Path | None = None
    tls_key: Path | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY
    clock_skew_seconds: int = DEFAULT_SKEW
    allow_plain_http: bool = False
    workers: int = 1  # service processes sharing the port (see cli.cmd_serve)

    @property
    def tls(self) -> bool:
        return self.tls_cert is not None

    @property
    def loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


@dataclass(frozen=True)
class DatabaseSettings:
    url: str
    auth: DbAuth = "password"
    password_file: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


@dataclass(frozen=True)
class Settings:
    path: Path
    server: ServerSettings
    database: DatabaseSettings
    halls: tuple[str, ...]
    anchor_key_file: Path
    session_hours: int = DEFAULT_SESSION_HOURS
    enrolment_hours: int = DEFAULT_ENROLMENT_HOURS
    log_level: str = "INFO"


class _Table:
    """One TOML table, read key by key; leftover keys are reported as unknown."""

    def __init__(self, path: Path, name: str, data: dict[str, Any]) -> None:
        self.path, self.name, self.data = path, name, dict(data)

    def fail(self, key: str, message: str) -> SettingsError:
        return SettingsError(f"{self.path}: [{self.name}] {key} {message}")

    def take(self, key: str, kind: type, default: Any = None, *, required: bool = False) -> Any:
        if key not in self.data:
            if required:
                raise self.fail(key, "is required")
            return default
        value = self.data.pop(key)
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(key, "must be an integer")
        if not isinstance(value, kind):
            raise self.fail(key, f"must be a {kind.__name__}")
        return value

    def take_int(self, key: str, default: int, low: int, high: int) -> int:
        value = cast(int, self.take(key, int, default))
        if not low <= value <= high:
            raise self.fail(key, f"must be between {low} and {high}")
        return value

    def take_path(self, key: str, *, required: bool = False) -> Path | None:
        value = self.take(key, str, None, required=required)
        if value is None or value == "":
            if required:
                raise self.fail(key, "is required")
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.path.parent / path)

    def done(self) -> None:
        if self.data:
            unknown = ", ".join(sorted(self.data))
            raise SettingsError(f"{self.path}: [{self.name}] has unknown keys: {unknown}")


def _server(table: _Table) -> ServerSettings:
    settings = ServerSettings(
        host=table.take("host", str, "127.0.0.1"),
        port=table.take_int("port", DEFAULT_PORT, 1, 65535),
        tls_cert=table.take_path("tls_cert"),
        tls_key=table.take_path("tls_key"),
        max_body_bytes=table.take_int("max_body_bytes", DEFAULT_MAX_BODY, 1024, 64 * 1024**2),
        clock_skew_seconds=table.take_int("clock_skew_seconds", DEFAULT_SKEW, 5, 3600),
        allow_plain_http=table.take("allow_plain_http", bool, False),
        workers=table.take_int("workers", 1, 1, MAX_WORKERS),
    )
    table.done()
    if (settings.tls_cert is None) != (settings.tls_key is None):
        raise table.fail("tls_cert", "and tls_key must be given together")
    if not settings.tls and not settings.loopback and not settings.allow_plain_http:
        raise table.fail(
            "host",
            f"is {settings.host!r}, not a loopback address, and no TLS certificate is "
            "configured: set tls_cert and tls_key (counter-central ca init makes them), or "
            "allow_plain_http = true behind a TLS-terminating proxy",
        )
    return settings


def _database(table: _Table) -> DatabaseSettings:
    url = table.take("url", str, required=True)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise table.fail("url", f"is not a database URL: {url!r}") from None
    if parsed.password is not None:
        raise table.fail(
            "url",
            "must not contain a password: put it in $CREDENTIALS_DIRECTORY/db-password or "
            "store it with counter-central db set-password",
        )
    auth = table.take("auth", str, "password")
    if auth not in ("password", "none"):
        raise table.fail("auth", 'must be "password" or "none"')
    settings = DatabaseSettings(
        url=url, auth=cast(DbAuth, auth), password_file=table.take_path("password_file")
    )
    table.done()
    return settings


def load_settings(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{path}: the configuration file does not exist") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot be read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: is not valid TOML: {exc}") from None
    root = _Table(path, "top level", data)
    sections: dict[str, _Table] = {}
    for name in ("server", "database", "service", "anchor"):
        section = root.take(name, dict, {})
        sections[name] = _Table(path, name, section)
    root.done()
    server = _server(sections["server"])
    database = _database(sections["database"])
    service = sections["service"]
    halls = service.take("halls", list, required=True)
    if not halls or not all(isinstance(h, str) and 0 < len(h) <= 16 for h in halls):
        raise service.fail("halls", "must list the served hall codes (1 to 16 characters each)")
    session_hours = service.take_int("session_hours", DEFAULT_SESSION_HOURS, 1, 24 * 7)
    enrolment_hours = service.take_int("enrolment_hours", DEFAULT_ENROLMENT_HOURS, 1, 24 * 30)
    log_level = str(service.take("log_level", str, "INFO")).upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise service.fail("log_level", "must be DEBUG, INFO, WARNING or ERROR")
    service.done()
    anchor = sections["anchor"]
    anchor_key = anchor.take_path("key_file") or (path.parent / "anchor.key")
    anchor.done()
    return Settings(
        path=path,
        server=server,
        database=database,
        halls=tuple(halls),
        anchor_key_file=anchor_key,
        session_hours=session_hours,
        enrolment_hours=enrolment_hours,
        log_level=log_level,
    )
