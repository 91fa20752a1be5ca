"""``counter-admin holidays``: an administrator checks and installs a year's arrangement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app import cli
from counter_app.domain import workdays

# A 2027 arrangement made up for the test (not the State Council's notice, which had not been
# published when this test was written); its lunar dates are the real ones (春节 2027-02-06).
# Only its shape matters here: after installing it, 2027 is no longer provisional and its
# extra days off count.
FILE_2027 = """\
year = 2027
notice = "test arrangement"

[[periods]]
name = "元旦"
first_day_off = 2027-01-01
last_day_off = 2027-01-03

[[periods]]
name = "春节"
first_day_off = 2027-02-05
last_day_off = 2027-02-12

[[periods]]
name = "清明节"
first_day_off = 2027-04-03
last_day_off = 2027-04-05

[[periods]]
name = "劳动节"
first_day_off = 2027-05-01
last_day_off = 2027-05-05

[[periods]]
name = "端午节"
first_day_off = 2027-06-09
last_day_off = 2027-06-09

[[periods]]
name = "中秋节"
first_day_off = 2027-09-15
last_day_off = 2027-09-15

[[periods]]
name = "国庆节"
first_day_off = 2027-10-01
last_day_off = 2027-10-07
"""


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
    draft.write_text(FILE_2027.replace("2027-01-03", "2026-12-30"), encoding="utf-8")
    assert cli.main(["holidays", "install", str(draft)]) == cli.EXIT_FAIL
    err = capsys.readouterr().err
    assert "refused" in err and "元旦" in err
    assert cli.main(["holidays", "check", str(tmp_path / "missing.toml")]) == cli.EXIT_FAIL
