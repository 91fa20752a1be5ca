"""The service's configuration, its secret files and its password sources, refused when unsafe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from service_harness import run_cli

from counter_central.anchor_key import create_anchor_key
from counter_central.db_password import PasswordUnavailable, read_db_password, store_db_password
from counter_central.file_secrets import SecretFileError, read_private, write_private
from counter_central.settings import SettingsError, load_settings

POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")

GOOD = """
[server]
host = "0.0.0.0"
port = 9443
tls_cert = "tls/server.crt"
tls_key = "tls/server.key"

[database]
url = "postgresql://counter_service@db.example/counter"

[service]
halls = ["HALL01", "HALL02"]
session_hours = 8

[anchor]
key_file = "keys/anchor.key"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "central.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_paths_beside_it(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD))
    assert settings.server.port == 9443 and settings.server.tls
    assert settings.server.tls_key == tmp_path / "tls" / "server.key"
    assert settings.anchor_key_file == tmp_path / "keys" / "anchor.key"
    assert settings.halls == ("HALL01", "HALL02") and settings.session_hours == 8


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (("counter_service@", "counter_service:secret@"), "must not contain a password"),
        (('tls_key = "tls/server.key"\n', ""), "tls_key must be given together"),
        (('tls_cert = "tls/server.crt"\ntls_key = "tls/server.key"\n', ""), "not a loopback"),
        (("port = 9443", "port = 99999"), "[server] port must be between"),
        (("session_hours = 8", "session_hours = 8\nsesion_hours = 9"), "unknown keys: sesion"),
        (('halls = ["HALL01", "HALL02"]', "halls = []"), "[service] halls"),
        (("[anchor]", "[anchor\n"), "not valid TOML"),
    ],
)
def test_bad_files_are_named(tmp_path: Path, change: tuple[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=None) as caught:
        load_settings(write(tmp_path, GOOD.replace(*change)))
    assert named in str(caught.value) and str(tmp_path) in str(caught.value)


def test_plain_http_off_loopback_needs_saying_so(tmp_path: Path) -> None:
    text = GOOD.replace('tls_cert = "tls/server.crt"\ntls_key = "tls/server.key"\n', "")
    settings = load_settings(
        write(tmp_path, text.replace("port = 9443", "port = 9443\nallow_plain_http = true"))
    )
    assert not settings.server.tls


@POSIX
def test_a_secret_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    write_private(path, b"s3cret\n")
    assert read_private(path, "the secret") == b"s3cret\n"
    path.chmod(0o640)
    with pytest.raises(SecretFileError, match="chmod 600"):
        read_private(path, "the secret")
    with pytest.raises(SecretFileError, match="not overwritten"):
        write_private(path, b"other")


@POSIX
def test_the_password_comes_from_the_credentials_directory_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(write(tmp_path, GOOD))
    credentials = tmp_path / "credentials"
    write_private(credentials / "db-password", b"from-systemd\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    store_db_password(settings.database, "from-keyring")
    assert read_db_password(settings.database) == "from-systemd"
    (credentials / "db-password").chmod(0o644)
    with pytest.raises(PasswordUnavailable, match="readable by other users"):
        read_db_password(settings.database)
    monkeypatch.delenv("CREDENTIALS_DIRECTORY")
    assert read_db_password(settings.database) == "from-keyring"


def test_a_missing_password_says_where_to_put_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    settings = load_settings(write(tmp_path, GOOD))
    with pytest.raises(PasswordUnavailable) as caught:
        read_db_password(settings.database)
    assert "LoadCredential=db-password" in str(caught.value)
    assert "counter-central db set-password" in str(caught.value)


def test_serve_without_a_password_is_one_clear_line(tmp_path: Path) -> None:
    text = GOOD.replace('host = "0.0.0.0"', 'host = "127.0.0.1"')
    text = text.replace('tls_cert = "tls/server.crt"\ntls_key = "tls/server.key"\n', "")
    create_anchor_key(tmp_path / "keys" / "anchor.key")
    result = run_cli("serve", "--config", str(write(tmp_path, text)))
    assert result.returncode == 2
    assert result.stderr.startswith("counter-central: no database password was found")
    assert "Traceback" not in result.stderr


def test_a_password_on_the_command_line_is_not_even_possible() -> None:
    result = run_cli("serve", "--config", "x.toml", "--password", "secret")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr
