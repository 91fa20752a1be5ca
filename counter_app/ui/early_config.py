"""What the login window needs before the workstation is prepared, read cheaply.

The full configuration load validates every section (the queue's categories and the
printers go through the domain modules) and reports each problem as an error; the login
window must neither wait for that nor fail on it. This module reads only what the first
window needs — the data folder (for the log), the UI language and the window number — from
the same TOML file with the standard library, best effort: anything missing or malformed
falls back to the default, and the full load in the background (which also starts the
central service) names the problem.

It mirrors ``counter_app.config`` (``COUNTER_APP_HOME``, the platform folders, the keys);
``tests/unit/test_early_config.py`` keeps the two in step.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "counter-app"
CONFIG_FILE = "workstation.toml"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


@dataclass(frozen=True)
class EarlySettings:
    language: str = DEFAULT_LANGUAGE
    window_number: int = 1


def config_path() -> Path:
    home = os.environ.get("COUNTER_APP_HOME")
    folder = Path(home) if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return folder / CONFIG_FILE


def data_dir() -> Path:
    home = os.environ.get("COUNTER_APP_HOME")
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def read_early_settings(path: Path | None = None) -> EarlySettings:
    """Language and window number from the configuration file, or the defaults."""
    try:
        doc = tomllib.loads((path or config_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return EarlySettings()
    ui = _table(doc, "ui")
    workstation = _table(doc, "workstation")
    language = ui.get("language", DEFAULT_LANGUAGE)
    window = workstation.get("window", 1)
    return EarlySettings(
        language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
        window_number=(
            window
            if isinstance(window, int) and not isinstance(window, bool) and 1 <= window <= 999
            else 1
        ),
    )


def _table(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc.get(name, {})
    return value if isinstance(value, dict) else {}
