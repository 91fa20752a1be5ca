"""The login window's cheap reading of the configuration agrees with the full one, and the
modules of the first window import neither a database library nor the central service's
client (both come with the preparation behind the window)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from counter_app import config
from counter_app.ui import early_config


def test_the_folders_and_keys_match_the_configuration_module(tmp_path: Path) -> None:
    assert early_config.config_path() == config.config_path()
    assert early_config.data_dir() == config.data_dir()
    assert early_config.APP_NAME == config.APP_NAME
    assert early_config.LANGUAGES == config.LANGUAGES
    path = tmp_path / "workstation.toml"
    written = config.default_config(path)
    written.language, written.window_number = "en", 17
    config.save_config(written)
    assert early_config.read_early_settings(path) == early_config.EarlySettings("en", 17)


def test_a_service_workstation_file_is_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "workstation.toml"
    path.write_text(
        '[workstation]\nid = "WS-2"\nhall = "HALL01"\nwindow = 4\n'
        '[central]\nservice_url = "https://central.hall:8443"\nca_file = "ca.crt"\n'
        '[ui]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    full = config.load_config(path, create=False)
    early = early_config.read_early_settings(path)
    assert (early.language, early.window_number) == (full.language, full.window_number)


def test_a_broken_or_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert early_config.read_early_settings(tmp_path / "none.toml") == early_config.EarlySettings()
    broken = tmp_path / "broken.toml"
    broken.write_text("[workstation\nwindow = 3\n", encoding="utf-8")
    assert early_config.read_early_settings(broken) == early_config.EarlySettings()
    odd = tmp_path / "odd.toml"
    odd.write_text("ui = 3\n[workstation]\nwindow = true\n", encoding="utf-8")
    assert early_config.read_early_settings(odd) == early_config.EarlySettings()


def test_the_login_window_modules_import_nothing_heavy() -> None:
    heavy = ("sqlalchemy", "alembic", "httpx", "counter_central", "counter_app.client.launch")
    code = (
        "import sys, counter_app.ui.app, counter_app.ui.login_dialog, counter_app.ui.ops\n"
        "import counter_app.ui.i18n, counter_app.ui.early_config\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
