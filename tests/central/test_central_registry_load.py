"""``counter-central registry load``: a hall's registry of persons and employers brought in.

Against an embedded SQLite file and the real PostgreSQL (as the service's least-privilege
role, from the service's own configuration). The ID numbers and credit codes are computed
here from the standards (``standards``), the files written in the encodings a hall has
(GBK, UTF-16 as Excel's "Unicode text", XLSX).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook
from service_harness import run_cli
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from standards import gb11643_id, gb11643_valid, gb32100_check, gb32100_code, gb32100_valid

from counter_app.centre import bootstrap
from counter_app.centre.demo_seed import seed_demo
from counter_app.storage import migrate
from counter_app.storage.engines import make_engine
from counter_app.storage.shared_models import EmployerRow, PersonRow
from counter_central.cli import main

# GB 11643-1999's own example: born 1949-12-31, sequence 002 (even: a woman).
STANDARD_EXAMPLE = "11010519491231002X"
PERSON_2 = gb11643_id("44052418800101001")  # the standard's other example, a man
PERSON_3 = gb11643_id("32010219800515123")  # a man born 1980-05-15
PERSON_4 = gb11643_id("31011519920606062")  # a woman born 1992-06-06
BORN_1975 = gb11643_id("21010219751120451")  # a man born 1975-11-20
WOMAN_1972 = gb11643_id("44010319721006108")  # a woman born 1972-10-06
_GOOD = gb11643_id("51010719560207978")
BAD_CHECK = _GOOD[:17] + ("0" if _GOOD[17] != "0" else "1")  # one check digit off

EMPLOYER_1 = gb32100_code("91110108", "59834467")
EMPLOYER_2 = gb32100_code("93440103", "MA5U2K3D")
_CODE = gb32100_code("91310115", "32413370")
BAD_CODE = _CODE[:17] + ("1" if _CODE[17] != "1" else "2")  # the check character off

PERSON_HEADINGS = ("公民身份号码", "姓名", "性别", "出生日期", "联系电话", "地址", "户籍类型")
SUMMARY = re.compile(r"read (\d+), bad (\d+), inserted (\d+), updated (\d+), unchanged (\d+)")


def test_the_test_data_follows_the_standards() -> None:
    assert gb11643_id("11010519491231002") == STANDARD_EXAMPLE
    assert PERSON_2 == "440524188001010014"
    assert all(gb11643_valid(n) for n in (PERSON_3, PERSON_4, BORN_1975, WOMAN_1972))
    assert not gb11643_valid(BAD_CHECK)
    assert gb32100_valid(EMPLOYER_1) and gb32100_valid(EMPLOYER_2)
    assert not gb32100_valid(BAD_CODE) and gb32100_check(BAD_CODE[:17]) != BAD_CODE[17]


# -- the central database and the service's configuration ----------------------------------
@dataclass
class Central:
    config: Path
    engine: Engine  # the schema owner's, to read what was loaded

    def persons(self) -> dict[str, PersonRow]:
        with Session(self.engine) as session:
            return {row.id_number: row for row in session.scalars(select(PersonRow))}

    def employers(self) -> dict[str, EmployerRow]:
        with Session(self.engine) as session:
            return {row.credit_code: row for row in session.scalars(select(EmployerRow))}


def _config(directory: Path, url: str) -> Path:
    config = directory / "central.toml"
    config.write_text(
        f'[database]\nurl = {json.dumps(url)}\nauth = "none"\n\n[service]\nhalls = ["HALL01"]\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Central]:
    """A migrated central database and a service configuration naming it (PostgreSQL: the
    service's least-privilege role, as an installation has it)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'central.db'}"
        engine = make_engine(url)
        migrate.upgrade(engine, "central")
        yield Central(_config(tmp_path, url), engine)
        engine.dispose()
        return
    template = request.getfixturevalue("_pg_template")
    with template.database() as db:
        yield Central(_config(tmp_path, db.service_url), db.owner)


Load = Callable[..., tuple[int, str]]


@pytest.fixture
def load(central: Central, capsys: pytest.CaptureFixture[str]) -> Load:
    """``counter-central registry load KIND FILE --config …`` in this process."""

    def run(kind: str, path: Path, *options: str) -> tuple[int, str]:
        code = main(
            ["registry", "load", kind, str(path), "--config", str(central.config), *options]
        )
        return code, capsys.readouterr().out

    return run


def counts(output: str) -> tuple[int, ...]:
    found = SUMMARY.search(output)
    assert found, output
    return tuple(int(n) for n in found.groups())


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], encoding: str, delimiter: str = ","
) -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def report_rows(path: Path) -> list[tuple[int, str, str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return [(int(r["row"]), r["column"], r["code"], r["key"]) for r in rows]


PERSONS = [
    PERSON_HEADINGS,
    (
        STANDARD_EXAMPLE,
        "张三",
        "女",
        "1949-12-31",
        "13800138000",
        "北京市西城区金融街1号",
        "非农业",
    ),
    (PERSON_2, "李四", "男", "1880/01/01", "", "广东省揭阳市", "农村"),
    (PERSON_3, "王五", "", "", "010-62751234", "", ""),
    (BAD_CHECK, "赵六", "男", "", "13900139000", "", ""),
    (BORN_1975, "钱七", "男", "1975-11-21", "13700137000", "", "城镇"),
    (WOMAN_1972, "孙八", "男", "1972-10-06", "13600136000", "", ""),
]
BAD_PERSON_ROWS = {
    (5, "id_number", "check_digit", f"{BAD_CHECK[:6]}********{BAD_CHECK[-4:]}"),
    (6, "birth_date", "mismatch", f"{BORN_1975[:6]}********{BORN_1975[-4:]}"),
    (7, "sex", "mismatch", f"{WOMAN_1972[:6]}********{WOMAN_1972[-4:]}"),
}


# -- the command line ----------------------------------------------------------------------
def test_a_gbk_roster_of_persons_is_checked_and_loaded_by_the_command(
    central: Central, tmp_path: Path
) -> None:
    registry = write_csv(tmp_path / "persons.csv", PERSONS, "gbk")
    report = tmp_path / "problems.csv"
    result = run_cli(
        "registry", "load", "persons", str(registry),
        "--config", str(central.config), "--report", str(report),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert counts(result.stdout) == (6, 3, 3, 0, 0)
    assert "gb18030" in result.stdout  # read as GBK's superset
    assert set(report_rows(report)) == BAD_PERSON_ROWS
    for row, column, _, key in BAD_PERSON_ROWS:
        assert f"row {row}, {column} ({key}):" in result.stdout
    assert "the check digit is" in result.stdout

    stored = central.persons()
    assert set(stored) == {STANDARD_EXAMPLE, PERSON_2, PERSON_3}
    example = stored[STANDARD_EXAMPLE]
    assert (example.name, example.sex, example.birth_date) == ("张三", "F", dt.date(1949, 12, 31))
    assert (example.phone, example.hukou_type) == ("13800138000", "城镇")  # 非农业 is 城镇
    assert (stored[PERSON_2].sex, stored[PERSON_2].hukou_type) == ("M", "农村")
    assert stored[PERSON_3].phone == "010-62751234" and stored[PERSON_3].sex == "M"

    # The log (standard error) counts rows; it names no person, ID number or phone.
    assert "batch of 3 rows committed" in result.stderr
    full_numbers = [row[0] for row in PERSONS[1:]]
    for secret in (*full_numbers, "张三", "钱七", "13800138000", "13900139000"):
        assert secret not in result.stderr
    # Standard output and the report show ID numbers masked only.
    for number in full_numbers:
        assert number not in result.stdout and number not in report.read_text("utf-8-sig")


def test_a_second_load_changes_nothing_and_a_changed_phone_is_one_update(
    central: Central, load: Load, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="counter_central")
    # Excel's "Unicode text": UTF-16 with its byte-order mark, tab-separated; English headings.
    rows = [
        ("id_number", "name", "sex", "birth_date", "phone", "address", "hukou_type"),
        (STANDARD_EXAMPLE, "张三", "F", "19491231", "13800138000", "北京市西城区", "城镇"),
        (PERSON_2, "李四", "M", "1880-01-01", "13800138002", "", "农村"),
        (PERSON_3, "Ahmad Ali", "male", "", "", "江苏省南京市", ""),
        (PERSON_4, "阿依古丽·买买提", "女", "1992年6月6日", "0991-4567890", "", ""),
    ]
    registry = write_csv(tmp_path / "persons.txt", rows, "utf-16", "\t")
    assert registry.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")

    assert counts(load("persons", registry, "--batch", "3")[1]) == (4, 0, 4, 0, 0)
    again = load("persons", registry, "--batch", "3")
    assert again[0] == 0 and counts(again[1]) == (4, 0, 0, 0, 4)

    rows[2] = (PERSON_2, "李四", "M", "1880-01-01", "13911112222", "", "农村")
    write_csv(registry, rows, "utf-16", "\t")
    changed = load("persons", registry)
    assert changed[0] == 0 and counts(changed[1]) == (4, 0, 0, 1, 3)
    stored = central.persons()
    assert stored[PERSON_2].phone == "13911112222"
    assert stored[PERSON_4].name == "阿依古丽·买买提" and stored[PERSON_4].phone == "0991-4567890"

    # A file without a phone column leaves the phones stored as they are.
    names_only = write_csv(tmp_path / "names.csv", [r[:2] for r in rows], "utf-8-sig")
    assert counts(load("persons", names_only)[1]) == (4, 0, 0, 0, 4)
    assert central.persons()[PERSON_2].phone == "13911112222"

    logged = caplog.text
    assert "committed" in logged and "rows read" in logged
    for secret in (STANDARD_EXAMPLE, PERSON_2, PERSON_3, PERSON_4, "张三", "13911112222"):
        assert secret not in logged


def test_employers_from_a_workbook_with_a_bad_credit_code(
    central: Central, load: Load, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位参保名册"])  # a title above the headings
    sheet.append(["统一社会信用代码", "单位名称", "地址", "联系电话", "行业"])
    sheet.append(
        [EMPLOYER_1, "北京示范科技有限公司", "北京市海淀区中关村大街1号", 13800138000, "I"]
    )
    sheet.append([BAD_CODE, "上海示范贸易有限公司", "上海市浦东新区", "", "批发和零售业"])
    sheet.append([None, None, None, None, None])  # a blank row is skipped
    sheet.append([EMPLOYER_2, "广州示范农业专业合作社", "", "020-83331234", "农业"])
    sheet.append([EMPLOYER_1.lower(), "重复的单位", "", "", ""])  # the same code again
    sheet.append([gb32100_code("91110108", "10001000"), "名称\u202e反转", "", "", ""])
    workbook = tmp_path / "employers.xlsx"
    book.save(workbook)
    report = tmp_path / "problems.csv"

    code, output = load("employers", workbook, "--report", str(report))
    assert code == 1
    assert counts(output) == (5, 3, 2, 0, 0)  # the blank row is not counted
    assert {(r, c, k) for r, c, k, _ in report_rows(report)} == {
        (4, "credit_code", "check_digit"),
        (7, "credit_code", "duplicate"),
        (8, "name", "control_character"),
    }
    assert f"row 4, credit_code ({BAD_CODE}): the check character is" in output
    assert "row 7, credit_code" in output and "the same credit code as row 3" in output
    stored = central.employers()
    assert set(stored) == {EMPLOYER_1, EMPLOYER_2}
    assert stored[EMPLOYER_1].contact_phone == "13800138000"  # a number cell, read as text
    assert stored[EMPLOYER_2].industry == "农业"


def test_a_workbook_of_persons_with_date_cells_and_an_id_stored_as_a_number(
    central: Central, load: Load, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(PERSON_HEADINGS))
    sheet.append([STANDARD_EXAMPLE, "张三", "女", dt.datetime(1949, 12, 31), 13800138000, "", ""])
    sheet.append([int(PERSON_3), "王五", "男", dt.datetime(1980, 5, 15), None, None, None])
    sheet.append([PERSON_4, "周九", "女", dt.datetime(1992, 6, 7), None, None, None])
    workbook = tmp_path / "persons.xlsx"
    book.save(workbook)
    code, output = load("persons", workbook)
    assert code == 1 and counts(output) == (3, 2, 1, 0, 0)
    assert "row 3, id_number" in output and "stored as a number" in output
    assert "row 4, birth_date" in output
    assert set(central.persons()) == {STANDARD_EXAMPLE}


def test_all_or_nothing_loads_nothing_while_one_row_is_bad(
    central: Central, load: Load, tmp_path: Path
) -> None:
    registry = write_csv(tmp_path / "persons.csv", PERSONS, "gbk")
    code, output = load("persons", registry, "--all-or-nothing")
    assert code == 1
    assert counts(output) == (6, 3, 0, 0, 0) and "nothing loaded" in output
    assert "row 5, id_number" in output
    assert central.persons() == {}

    good = write_csv(tmp_path / "good.csv", PERSONS[:4], "gbk")
    code, output = load("persons", good, "--all-or-nothing")
    assert code == 0 and counts(output) == (3, 0, 3, 0, 0)
    assert set(central.persons()) == {STANDARD_EXAMPLE, PERSON_2, PERSON_3}


def test_a_dry_run_writes_nothing(central: Central, load: Load, tmp_path: Path) -> None:
    registry = write_csv(tmp_path / "persons.csv", PERSONS, "gbk")
    code, output = load("persons", registry, "--dry-run")
    assert code == 1 and counts(output) == (6, 3, 0, 0, 0)
    assert "row 6, birth_date" in output and "nothing written" in output
    good = write_csv(tmp_path / "good.csv", PERSONS[:4], "utf-8")
    code, output = load("persons", good, "--dry-run")
    assert code == 0 and "3 valid rows checked" in output
    assert central.persons() == {}


def test_a_load_cut_short_keeps_whole_batches_and_a_rerun_finishes_it(
    central: Central, load: Load, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [("公民身份号码", "姓名")] + [
        (gb11643_id(f"1101051990010100{n}"), f"测试{'一二三四五六七八九'[n]}") for n in range(5)
    ]
    # A cell beyond the CSV reader's field limit: the file cannot be read past row 7.
    broken = [*rows, ("x" * 200_000, "坏行"), (gb11643_id("11010519900101015"), "晚到")]
    registry = write_csv(tmp_path / "persons.csv", broken, "utf-8")
    command = ["registry", "load", "persons", str(registry), "--config", str(central.config)]
    assert main([*command, "--batch", "2"]) == 2
    error = capsys.readouterr().err
    assert "row 7 cannot be read" in error and "Traceback" not in error
    assert len(error.strip().splitlines()) == 1
    assert len(central.persons()) == 4  # two whole batches of two; the fifth row was not sent

    write_csv(registry, [*rows, broken[-1]], "utf-8")
    code, output = load("persons", registry, "--batch", "2")
    assert code == 0 and counts(output) == (6, 0, 2, 0, 4)
    assert len(central.persons()) == 6


# -- what cannot be loaded at all: one line, exit code 2 -------------------------------------
def test_unusable_files_and_settings_are_one_line_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "central")
    engine.dispose()
    config = _config(tmp_path, url)

    def refused(kind: str, path: Path, expected: str, config: Path = config) -> None:
        code = main(["registry", "load", kind, str(path), "--config", str(config)])
        err = capsys.readouterr().err
        assert code == 2, err
        assert expected in err and len(err.strip().splitlines()) == 1, err

    refused("persons", tmp_path / "missing.csv", "no such file")
    garbled = tmp_path / "garbled.csv"
    garbled.write_bytes("公民身份号码,姓名\n".encode() + b"\x80\x80\x80,\xff\n")
    refused("persons", garbled, "not text in UTF-8, UTF-16 or GBK")
    no_heading = write_csv(tmp_path / "plain.csv", [("身份证", "名字"), (PERSON_3, "王五")], "gbk")
    refused("persons", no_heading, "no heading row with 公民身份号码/id_number and 姓名/name")
    refused("employers", write_csv(tmp_path / "p.csv", PERSONS, "gbk"), "统一社会信用代码")
    old_excel = tmp_path / "old.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    refused("persons", old_excel, "save it as .xlsx or CSV")
    fake_workbook = tmp_path / "fake.xlsx"
    fake_workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    refused("persons", fake_workbook, "the workbook cannot be read")

    # The password comes from the service's secret stores, never from the command line.
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    with_password = tmp_path / "pg.toml"
    with_password.write_text(
        '[database]\nurl = "postgresql://svc@127.0.0.1:9/central"\n[service]\nhalls = ["H1"]\n',
        encoding="utf-8",
    )
    good = write_csv(tmp_path / "good.csv", PERSONS[:2], "gbk")
    refused("persons", good, "no database password was found", with_password)

    (tmp_path / "empty").mkdir()
    unmigrated = _config(tmp_path / "empty", f"sqlite:///{tmp_path / 'empty.db'}")
    refused("persons", good, "counter-central db migrate", unmigrated)


# -- the demo seed shares the loading path ------------------------------------------------------
def test_the_demo_seed_and_bulk_load_share_the_idempotent_upsert(central: Central) -> None:
    report = seed_demo(central.engine, persons=40, employers=4)
    assert (report.persons, report.employers) == (40, 4)
    with Session(central.engine) as session:
        assert session.scalar(select(func.count()).select_from(PersonRow)) == 40
        assert session.scalar(select(func.count()).select_from(EmployerRow)) == 4

    given = [
        {"id_number": PERSON_4, "name": "周九", "sex": "F", "birth_date": dt.date(1992, 6, 6)},
        {"id_number": PERSON_3, "name": "王五", "sex": "M", "birth_date": dt.date(1980, 5, 15)},
    ]
    first = bootstrap.bulk_load(central.engine, PersonRow, given, batch=1)
    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    assert central.persons()[PERSON_4].phone == ""  # not named: the column's default
    again = bootstrap.bulk_load(central.engine, PersonRow, given)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    renamed = [{**given[0], "name": "周玖"}, given[1]]
    changed = bootstrap.bulk_load(central.engine, PersonRow, renamed)
    assert (changed.inserted, changed.updated, changed.unchanged) == (0, 1, 1)
    assert central.persons()[PERSON_4].name == "周玖"
