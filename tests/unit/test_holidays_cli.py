"""``counter-admin holidays``: an administrator checks and installs a year's arrangement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_holiday_files import GOOD_2027

from counter_app import cli
from counter_app.domain import workdays

# The made-up 2027 arrangement of the file-format tests (every statutory day of 2027 off).
FILE_2027 = GOOD_2027


@pytest.fixture(autouse=True)
def _fresh_calendar(app_home: Path):
    workdays.set_default_calendar(None)
    yield
    workdays.set_default_calendar(None)


def test_check_install_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "2027.toml"
    draft.write_text(FILE_2027, encoding="utf-8")
    assert workdays.deadline(dt.date(2026, 12, 31), 1).provisional

    assert cli.main(["holidays", "check", str(draft)]) == cli.EXIT_OK
    assert "2027" in capsys.readouterr().out

    assert cli.main(["holidays", "status", "2027"]) == cli.EXIT_OK
    assert "provisional" in capsys.readouterr().out

    assert cli.main(["holidays", "install", str(draft)]) == cli.EXIT_OK
    capsys.readouterr()
    # 2027-01-01 (Fri) is off by law; the file also gives Sat 2 and Sun 3: next working day 4th.
    due = workdays.deadline(dt.date(2026, 12, 31), 1)
    assert due.date == dt.date(2027, 1, 4) and not due.provisional

    assert cli.main(["holidays", "status", "2027"]) == cli.EXIT_OK
    assert "provisional" not in capsys.readouterr().out


def test_a_broken_file_is_refused_with_the_entry_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "2027.toml"
    draft.write_text(FILE_2027.replace("2027-01-03", "2026-12-30", 1), encoding="utf-8")
    assert cli.main(["holidays", "install", str(draft)]) == cli.EXIT_FAIL
    err = capsys.readouterr().err
    assert "refused" in err and "元旦" in err
    assert cli.main(["holidays", "check", str(tmp_path / "missing.toml")]) == cli.EXIT_FAIL
