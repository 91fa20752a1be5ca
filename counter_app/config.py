"""Per-workstation configuration: one TOML file under the platform's config folder.

It says which central service to use (its URL and the hall CA pinned for it — never a
database URL), which hall and window this is, the workstation id, the UI language and the
printers. Secrets never live here: the workstation's key is in the OS keyring. With
``embedded = true`` the workstation starts the central service itself, on a loopback port,
over a SQLite file in its data folder (the single-PC and demo set-up). ``COUNTER_APP_HOME``
moves both the config and the data folder (tests, several workstations on one machine,
portable use).
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
import tomli_w

APP_NAME = "counter-app"
CONFIG_FILE = "workstation.toml"
LANGUAGES = ("zh_CN", "en")
MODES = ("teller", "kiosk", "display")

# English names of the usual queue categories, keyed by their Chinese name, for a [queue]
# table (or the built-in default) that gives no ``name_en``.
QUEUE_CATEGORY_NAMES_EN = {
    "优先": "Priority",
    "个人业务": "Personal business",
    "单位业务": "Employer business",
    "咨询": "Enquiries",
    "预约": "Appointments",
}


class ConfigError(Exception):
    """The configuration file is missing a value, malformed or unsafe; names file and key."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def is_loopback_host(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def service_url_problem(url: str) -> str | None:
    """Why ``url`` may not be a central service's address, or ``None``: only https, or plain
    http to this machine's loopback address, and never with a user name or password."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return f"{url!r} is not an http(s) URL of the central service"
    if parts.username or parts.password:
        return "the service URL must not contain a user or password"
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return (
            f"{url!r} uses plain http to another machine; use https:// with the hall CA in "
            "ca_file (plain http is only for this machine's loopback address, 127.0.0.1)"
        )
    return None


def config_dir() -> Path:
    home = os.environ.get("COUNTER_APP_HOME")
    return Path(home) if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    home = os.environ.get("COUNTER_APP_HOME")
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


@dataclass
class WorkstationConfig:
    path: Path
    workstation_id: str
    hall_code: str
    window_number: int
    service_url: str = ""  # https://central.hall:8443, or http:// to a loopback address
    ca_file: Path | None = None  # the hall CA the service's certificate must chain to
    embedded: bool = False  # this workstation runs the central service on loopback itself
    language: str = "zh_CN"
    demo: bool = False
    printers: list[dict[str, Any]] = field(default_factory=list)
    queue: dict[str, Any] = field(default_factory=dict)

    @property
    def local_url(self) -> str:
        return f"sqlite:///{data_dir() / 'local-cache.db'}"

    @property
    def central_is_embedded(self) -> bool:
        return self.embedded

    @property
    def embedded_central_url(self) -> str:
        """The embedded central database (a SQLite file beside the cache)."""
        return f"sqlite:///{data_dir() / 'central.db'}"

    def _central_table(self) -> dict[str, Any]:
        table: dict[str, Any] = {"embedded": self.embedded}
        if self.service_url:
            table["service_url"] = self.service_url
        if self.ca_file is not None:
            table["ca_file"] = str(self.ca_file)
        return table

    def to_toml(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "workstation": {
                "id": self.workstation_id,
                "hall": self.hall_code,
                "window": self.window_number,
            },
            "central": self._central_table(),
            "ui": {"language": self.language},
            "demo": {"enabled": self.demo},
        }
        if self.printers:
            doc["printers"] = self.printers
        if self.queue:
            doc["queue"] = self.queue
        return doc


def default_config(path: Path) -> WorkstationConfig:
    """The embedded default: this workstation starts the central service on loopback, over a
    SQLite file in the data folder, with demo data."""
    return WorkstationConfig(
        path=path,
        workstation_id=f"WS-{uuid.uuid4().hex[:8].upper()}",
        hall_code="HALL01",
        window_number=1,
        embedded=True,
        demo=True,
    )


def save_config(config: WorkstationConfig) -> None:
    config.path.parent.mkdir(parents=True, exist_ok=True)
    tmp = config.path.with_suffix(".tmp")
    tmp.write_bytes(tomli_w.dumps(config.to_toml()).encode("utf-8"))
    tmp.replace(config.path)


def _table(doc: dict[str, Any], path: Path, name: str) -> dict[str, Any]:
    value = doc.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(path, f"[{name}] must be a table")
    return value


def parse_config(path: Path, text: str) -> WorkstationConfig:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"the file is not valid TOML ({exc})") from None
    ws = _table(doc, path, "workstation")
    central = _table(doc, path, "central")
    ui = _table(doc, path, "ui")
    demo = _table(doc, path, "demo")

    def need_str(table: dict[str, Any], section: str, key: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(path, f"[{section}] {key} must be a non-empty string")
        return value.strip()

    window = ws.get("window")
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 999:
        raise ConfigError(path, "[workstation] window must be a whole number from 1 to 999")
    legacy_url = central.get("url")
    if legacy_url is not None and not (
        isinstance(legacy_url, str)
        and legacy_url.startswith("sqlite")
        and "embedded" not in central
    ):
        raise ConfigError(
            path,
            "[central] url is no longer used: workstations do not connect to the central "
            "database. Set [central] service_url (and ca_file for https), or embedded = true",
        )
    # An older embedded default (url = "sqlite:///…") is the embedded service now.
    embedded = central.get("embedded", legacy_url is not None)
    if not isinstance(embedded, bool):
        raise ConfigError(path, "[central] embedded must be true or false")
    service_url = central.get("service_url", "")
    if not isinstance(service_url, str):
        raise ConfigError(path, "[central] service_url must be a string")
    service_url = service_url.strip()
    if not embedded and not service_url:
        raise ConfigError(path, "[central] service_url is required unless embedded = true")
    problem = service_url_problem(service_url) if service_url else None
    if problem is not None:
        raise ConfigError(path, f"[central] service_url: {problem}")
    ca_value = central.get("ca_file")
    ca_file: Path | None = None
    if ca_value is not None:
        if not isinstance(ca_value, str) or not ca_value.strip():
            raise ConfigError(path, "[central] ca_file must be a file name")
        ca_file = Path(ca_value)
        if not ca_file.is_absolute():
            ca_file = path.parent / ca_file
    if service_url.startswith("https://") and ca_file is None:
        raise ConfigError(path, "[central] ca_file (the hall CA certificate) is required for https")
    language = ui.get("language", "zh_CN")
    if language not in LANGUAGES:
        raise ConfigError(path, f"[ui] language must be one of {', '.join(LANGUAGES)}")
    printers = doc.get("printers", [])
    if not isinstance(printers, list) or not all(isinstance(p, dict) for p in printers):
        raise ConfigError(path, "printers must be written as [[printers]] tables")
    queue = _table(doc, path, "queue")
    _check_sections(path, queue, printers)
    return WorkstationConfig(
        path=path,
        workstation_id=need_str(ws, "workstation", "id"),
        hall_code=need_str(ws, "workstation", "hall"),
        window_number=window,
        service_url=service_url,
        ca_file=ca_file,
        embedded=embedded,
        language=language,
        demo=bool(demo.get("enabled", False)),
        printers=printers,
        queue=queue,
    )


def queue_category_names(queue: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each queue category's name per UI language: ``{"A": {"zh_CN": …, "en": …}}``.

    A ``[queue]`` category is ``{code = "A", name = "个人业务", name_en = "Personal business"}``;
    ``name`` is the Chinese form. Without ``name_en`` a usual name gets its usual English form,
    a name without Chinese characters is used as written, and any other becomes "Category A".
    """
    from counter_app.domain.queue import QueueSettings

    names: dict[str, dict[str, str]] = {}
    items = queue.get("categories", [])
    raw = {
        str(item.get("code", "")).upper(): item
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict)
    }
    for category in QueueSettings.from_dict(queue).categories:
        english = raw.get(category.code, {}).get("name_en")
        if not isinstance(english, str) or not english.strip():
            english = QUEUE_CATEGORY_NAMES_EN.get(category.name) or (
                category.name
                if category.name and not any("\u3400" <= ch <= "\u9fff" for ch in category.name)
                else f"Category {category.code}"
            )
        names[category.code] = {"zh_CN": category.name or category.code, "en": english.strip()}
    return names


def _check_sections(path: Path, queue: dict[str, Any], printers: list[dict[str, Any]]) -> None:
    """Validate the [queue] and [[printers]] tables now, so a typo is named at start-up."""
    from counter_app.domain.errors import ValidationError
    from counter_app.domain.queue import QueueSettings

    items = queue.get("categories", [])
    for item in items if isinstance(items, list) else []:
        english = item.get("name_en") if isinstance(item, dict) else None
        if english is not None and (not isinstance(english, str) or not english.strip()):
            raise ConfigError(path, "[queue.categories] name_en must be a non-empty string")
    try:
        QueueSettings.from_dict(queue)
        if printers:
            from counter_app.devices.printers import PrinterConfig

            for printer in printers:
                PrinterConfig.from_dict(dict(printer))
    except ValidationError as exc:
        raise ConfigError(path, f"[{exc.field}] {exc.message}") from None


def load_config(path: Path | None = None, *, create: bool = True) -> WorkstationConfig:
    """Read the config file; on first start write the embedded default and return it."""
    path = path or config_path()
    if not path.exists():
        if not create:
            raise ConfigError(path, "the configuration file does not exist")
        config = default_config(path)
        save_config(config)
        return config
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, "the file is not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(path, f"the file cannot be read ({exc.strerror})") from None
    return parse_config(path, text)
