"""Workstation configuration: defaults, precise errors, and no secrets in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.config import ConfigError, load_config, parse_config

GOOD = """
[workstation]
id = "WS-01"
hall = "HALL01"
window = 3

[central]
url = "postgresql://counter@db.example.org:5432/counter"
auth = "keyring"

[ui]
language = "en"
"""


def test_first_start_writes_the_embedded_default(app_home: Path) -> None:
    config = load_config()
    assert config.path == app_home / "workstation.toml" and config.path.exists()
    assert config.central_is_embedded and config.demo and config.language == "zh_CN"
    again = load_config()
    assert again.workstation_id == config.workstation_id


def test_a_good_file_parses(tmp_path: Path) -> None:
    config = parse_config(tmp_path / "w.toml", GOOD)
    assert (config.workstation_id, config.window_number, config.language) == ("WS-01", 3, "en")
    assert not config.central_is_embedded


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[workstation\nid=1", "not valid TOML"),
        (GOOD.replace("window = 3", 'window = "three"'), "[workstation] window"),
        (GOOD.replace("window = 3", "window = 0"), "[workstation] window"),
        (GOOD.replace('id = "WS-01"', 'id = ""'), "[workstation] id"),
        (GOOD.replace("counter@db", "counter:secret@db"), "contains a password"),
        (GOOD.replace("postgresql://", "mysql://"), "sqlite:/// or postgresql://"),
        (GOOD.replace('auth = "keyring"', 'auth = "plain"'), "[central] auth"),
        (GOOD.replace('language = "en"', 'language = "fr"'), "[ui] language"),
    ],
)
def test_bad_files_name_the_key(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "w.toml"
    with pytest.raises(ConfigError) as caught:
        parse_config(path, text)
    assert fragment in caught.value.message
    assert str(path) in str(caught.value)


def test_binary_garbage_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_queue_and_printer_sections_are_checked_at_load(tmp_path: Path) -> None:
    bad_queue = GOOD + '\n[queue]\naging_minutes = "soon"\n'
    with pytest.raises(ConfigError, match=r"\[queue.aging_minutes\]"):
        parse_config(tmp_path / "w.toml", bad_queue)
    bad_printer = GOOD + '\n[[printers]]\nname = "p"\nhost = "h"\nencoding = "big5"\n'
    with pytest.raises(ConfigError, match=r"\[printers.encoding\]"):
        parse_config(tmp_path / "w.toml", bad_printer)
