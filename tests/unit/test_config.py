"""Workstation configuration: the embedded default, the service URL rules, precise errors,
and no secrets (nor database URLs) in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.config import ConfigError, load_config, parse_config, save_config

GOOD = """
[workstation]
id = "WS-01"
hall = "HALL01"
window = 3

[central]
service_url = "https://central.hall01.example:8443"
ca_file = "hall-ca.crt"

[ui]
language = "en"
"""

HEAD = '[workstation]\nid = "WS-01"\nhall = "HALL01"\nwindow = 3\n'


def test_first_start_writes_the_embedded_default(app_home: Path) -> None:
    config = load_config()
    assert config.path == app_home / "workstation.toml" and config.path.exists()
    assert config.embedded and config.central_is_embedded and config.demo
    assert config.language == "zh_CN" and config.service_url == ""
    assert config.embedded_central_url == f"sqlite:///{app_home / 'data' / 'central.db'}"
    again = load_config()
    assert again.workstation_id == config.workstation_id and again.embedded
    text = config.path.read_text(encoding="utf-8")
    assert "url =" not in text.replace("service_url", "")  # no database URL is written


def test_a_service_workstation_parses_with_its_ca_beside_the_file(tmp_path: Path) -> None:
    config = parse_config(tmp_path / "w.toml", GOOD)
    assert (config.workstation_id, config.window_number, config.language) == ("WS-01", 3, "en")
    assert not config.embedded
    assert config.service_url == "https://central.hall01.example:8443"
    assert config.ca_file == tmp_path / "hall-ca.crt"  # relative to the configuration file


def test_a_saved_service_configuration_reads_back(tmp_path: Path) -> None:
    config = parse_config(tmp_path / "w.toml", GOOD)
    save_config(config)
    again = load_config(config.path, create=False)
    assert (again.service_url, again.ca_file, again.embedded) == (
        config.service_url,
        config.ca_file,
        False,
    )


def test_plain_http_is_accepted_to_loopback_only(tmp_path: Path) -> None:
    local = parse_config(
        tmp_path / "w.toml", HEAD + '[central]\nservice_url = "http://127.0.0.1:8080"\n'
    )
    assert local.service_url == "http://127.0.0.1:8080" and local.ca_file is None
    with pytest.raises(ConfigError) as caught:
        parse_config(
            tmp_path / "w.toml", HEAD + '[central]\nservice_url = "http://192.168.1.20:8443"\n'
        )
    assert "plain http to another machine" in caught.value.message
    assert "https://" in caught.value.message and "ca_file" in caught.value.message


def test_https_needs_the_hall_ca(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ca_file .*required for https"):
        parse_config(tmp_path / "w.toml", GOOD.replace('ca_file = "hall-ca.crt"\n', ""))


def test_an_old_embedded_sqlite_url_means_the_embedded_service(tmp_path: Path) -> None:
    old = HEAD + '[central]\nurl = "sqlite:///somewhere/central.db"\n'
    config = parse_config(tmp_path / "w.toml", old)
    assert config.embedded and config.service_url == ""


def test_an_old_database_url_is_a_clear_error(tmp_path: Path) -> None:
    old = (
        HEAD + '[central]\nurl = "postgresql://counter@db.example.org/counter"\nauth = "keyring"\n'
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(tmp_path / "w.toml", old)
    message = caught.value.message
    assert "no longer used" in message and "service_url" in message and "embedded" in message
    assert "db.example.org" not in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[workstation\nid=1", "not valid TOML"),
        (GOOD.replace("window = 3", 'window = "three"'), "[workstation] window"),
        (GOOD.replace("window = 3", "window = 0"), "[workstation] window"),
        (GOOD.replace('id = "WS-01"', 'id = ""'), "[workstation] id"),
        (GOOD.replace("https://central", "https://user:secret@central"), "user or password"),
        (GOOD.replace("https://", "ftp://"), "is not an http(s) URL"),
        (HEAD + "[central]\nembedded = false\n", "service_url is required"),
        (HEAD + '[central]\nembedded = "yes"\n', "[central] embedded"),
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
