"""The embedded central service: a real ``counter-central serve`` child on loopback.

Started in a fresh ``COUNTER_APP_HOME`` (the conftest gives each test its own), it creates
and seeds its SQLite central, enrols the workstation — with the key in a private file when
there is no keyring (``keyring.backends.fail.Keyring``, what a bare Debian has), in the
keyring when there is one — lets staff log in centrally, and stops with the application,
also when the application is killed.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from counter_app.client.embedded_centre import (
    EmbeddedCentre,
    EmbeddedCentreFailed,
    service_log_path,
    start_embedded_centre,
)
from counter_app.client.startup import NotEnrolled, service_centre
from counter_app.config import WorkstationConfig, load_config, parse_config
from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.remote.http_central import HttpCentral
from counter_app.remote.identity import IdentityUnavailable, keyring_account

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No usable keyring at all, as on a bare Debian."""
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def started() -> Iterator[list[EmbeddedCentre]]:
    """Every centre a test starts is stopped after it, whatever happened."""
    centres: list[EmbeddedCentre] = []
    yield centres
    for centre in centres:
        centre.stop()


def answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/v1/time", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def test_start_enrol_with_a_key_file_log_in_stop_and_start_again(
    app_home: Path,
    no_keyring: None,
    started: list[EmbeddedCentre],
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = load_config()
    assert config.embedded and config.demo
    with caplog.at_level(logging.INFO):
        first = start_embedded_centre(config)
    started.append(first)
    assert first.url.startswith("http://127.0.0.1:") and answers(first.url)
    assert first.seeded is not None and first.seeded.hall_code == "HALL01"
    key_file = app_home / "data" / "workstation.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert any("no usable system keyring" in r.getMessage() for r in caplog.records)
    for private in ("central.toml", "anchor.key"):
        assert stat.S_IMODE((app_home / "data" / "central" / private).stat().st_mode) == 0o600

    session = first.centre.login("teller1", "demo-teller1")
    assert (session.username, session.role, session.hall_code) == ("teller1", "teller", "HALL01")
    with pytest.raises(CentralRefused) as refused:
        first.centre.login("teller1", "not-the-password")
    assert refused.value.code == "bad_credentials"
    public_key = first.centre.identity.public_key
    process = first.service.process

    first.stop()
    assert process.poll() is not None and not answers(first.url)
    gone = HttpCentral(first.url, first.centre.identity, timeout=2)
    with pytest.raises(CentralUnavailable):
        gone.login("teller1", "demo-teller1")
    gone.close()

    with socket.socket() as squatter:  # another program has taken the port meanwhile
        squatter.bind(("127.0.0.1", int(first.url.rsplit(":", 1)[1])))
        squatter.listen()
        second = start_embedded_centre(load_config())
    started.append(second)
    assert second.url != first.url  # another port, and all is well
    assert second.seeded is None  # seeded once only
    assert second.centre.identity.public_key == public_key  # the key file is reused
    assert second.centre.login("teller2", "demo-teller2").username == "teller2"
    log_text = service_log_path().read_text(encoding="utf-8")
    assert log_text.count("--- started by counter-app") == 2
    assert log_text.count("enrolled workstation") == 1  # no second enrolment


def test_a_usable_keyring_keeps_the_key_and_no_file_is_written(
    app_home: Path, memory_keyring: keyring.backend.KeyringBackend, started: list[EmbeddedCentre]
) -> None:
    config = load_config()
    centre = start_embedded_centre(config)
    started.append(centre)
    assert memory_keyring.get_password("counter-app", keyring_account(config.workstation_id))
    assert not (app_home / "data" / "workstation.key").exists()


def test_a_lost_key_is_enrolled_anew(app_home: Path, started: list[EmbeddedCentre]) -> None:
    config = load_config()
    first = start_embedded_centre(config)
    old_key = first.centre.identity.public_key
    first.stop()
    keyring.delete_password("counter-app", keyring_account(config.workstation_id))
    second = start_embedded_centre(config)
    started.append(second)
    assert second.url == first.url  # the port of the last start, while it is free
    assert second.centre.identity.public_key != old_key
    assert second.centre.login("teller1", "demo-teller1").username == "teller1"


def test_the_child_stops_when_the_application_is_killed(app_home: Path, tmp_path: Path) -> None:
    script = (
        "import keyring, time\n"
        "from keyring.backends.fail import Keyring\n"
        "keyring.set_keyring(Keyring())\n"
        "from counter_app.config import load_config\n"
        "from counter_app.client.embedded_centre import start_embedded_centre\n"
        "centre = start_embedded_centre(load_config())\n"
        "print(centre.service.process.pid, centre.url, flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        env={**os.environ, "COUNTER_APP_HOME": str(app_home)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert parent.stdout is not None
        pid_text, url = parent.stdout.readline().split()
        assert answers(url)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        if parent.stdout is not None:
            parent.stdout.close()
    child = int(pid_text)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and Path(f"/proc/{child}").exists():
        status = Path(f"/proc/{child}/stat").read_text().split()
        if status[2] == "Z":  # a zombie has stopped; nobody reaps it until its new parent does
            break
        time.sleep(0.2)
    else:
        assert not Path(f"/proc/{child}").exists(), "the service outlived its application"
    assert not answers(url)
    assert "has ended without stopping the embedded service" in service_log_path().read_text(
        encoding="utf-8"
    )


def test_a_service_that_cannot_start_names_its_log(app_home: Path) -> None:
    config = load_config()
    config.hall_code = "A-HALL-CODE-TOO-LONG"  # the service's configuration refuses it
    with pytest.raises(EmbeddedCentreFailed) as failed:
        start_embedded_centre(config, timeout=60)
    assert str(service_log_path()) in str(failed.value)
    assert "halls" in str(failed.value)  # the service's own reason, from its log


def service_config(tmp_path: Path, central: str) -> WorkstationConfig:
    return parse_config(
        tmp_path / "workstation.toml",
        f'[workstation]\nid = "WS-REMOTE"\nhall = "HALL01"\nwindow = 2\n[central]\n{central}\n',
    )


def test_a_hall_workstation_without_a_keyring_is_told_what_to_install(
    tmp_path: Path, no_keyring: None
) -> None:
    (tmp_path / "ca.crt").write_text("-", encoding="utf-8")
    config = service_config(
        tmp_path, 'service_url = "https://central.hall01.example:8443"\nca_file = "ca.crt"'
    )
    with pytest.raises(IdentityUnavailable) as caught:
        service_centre(config)
    assert "No usable system keyring" in str(caught.value)
    assert "GNOME Keyring" in str(caught.value)


def test_a_hall_workstation_not_yet_enrolled_is_told_how(tmp_path: Path) -> None:
    (tmp_path / "ca.crt").write_text("-", encoding="utf-8")
    config = service_config(
        tmp_path, 'service_url = "https://central.hall01.example:8443"\nca_file = "ca.crt"'
    )
    with pytest.raises(NotEnrolled) as caught:
        service_centre(config)
    text = str(caught.value)
    assert "counter-admin enrol --url https://central.hall01.example:8443" in text
    assert "workstation add WS-REMOTE --hall HALL01" in text
