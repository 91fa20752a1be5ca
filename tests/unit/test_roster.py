"""The staff roster reader (缴费人员增减申报名单): CSV in every encoding Excel writes, XLSX,
and rows as employers really fill them in — every row reported once, none stopping the rest.

ID numbers are built from GB 11643-1999 in ``tests/standards.py`` (a wrong check character
is the standard's character for the body changed to another one), never with our validator.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from standards import GB11643_CHECK_TABLE, gb11643_check, gb11643_id

from counter_app.catalogue.load import shipped_catalogue
from counter_app.services.roster import (
    COLUMNS,
    MAX_SHOWN,
    RosterReport,
    parse_roster,
    read_roster,
)

TODAY = dt.date(2026, 11, 25)
ITEM = shipped_catalogue().item("STAFF-CHANGE")
HEADER = [
    "姓名",
    "身份证号码",
    "户籍性质",
    "户籍所在地/城市",
    "缴费基数",
    "变动日期",
    "增减",
    "减员原因",
]
# The example of GB 11643-1999 itself, and bodies of our choosing with their check characters.
EXAMPLE = "11010519491231002X"
A = gb11643_id("44030519900307004")
B = gb11643_id("32010219770811003")
C = gb11643_id("11010519851224002")
D = gb11643_id("11010519851224004")


def wrong_check(number: str) -> str:
    """``number`` with a check character the standard does not give its body."""
    right = gb11643_check(number[:17])
    return number[:17] + next(c for c in GB11643_CHECK_TABLE if c != right)


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", header: bool = True) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # as Excel writes it
    if header:
        writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def parse(data: bytes, name: str = "roster.csv") -> RosterReport:
    return parse_roster(data, name, today=TODAY, item=ITEM)


def problems(report: RosterReport) -> dict[int, set[tuple[str, str]]]:
    return {line.line: {(p.column, p.code) for p in line.problems} for line in report.lines}


GOOD = [
    ["张三", EXAMPLE, "城镇", "北京", "6000", "2026-11-01", "增", ""],
    ["李四", A, "农村", "湖南邵阳", "4500.50", "2026/11/1", "增", ""],
    ["王五", B, "", "", "", "2026-11-20", "减", "辞职"],
]


# -- encodings -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),  # Excel's "CSV UTF-8"
        ("gbk", b"", "gb18030"),  # Excel's "CSV" on a Chinese Windows (code page 936)
    ],
)
def test_csv_in_each_encoding_gives_the_same_rows(
    encoding: str, prefix: bytes, expected: str
) -> None:
    report = parse(prefix + csv_bytes(GOOD, encoding))
    assert report.readable and report.encoding == expected and report.header_line == 1
    rows = report.valid_rows
    assert [r.line for r in rows] == [2, 3, 4]
    assert [(r.name, r.id_number, r.action) for r in rows] == [
        ("张三", EXAMPLE, "add"),
        ("李四", A, "add"),
        ("王五", B, "remove"),
    ]
    assert rows[0].base == Decimal("6000.00") and rows[1].base == Decimal("4500.50")
    assert rows[1].change_date == dt.date(2026, 11, 1) and rows[1].hukou_type == "农村"
    assert rows[2].reason == "resignation" and rows[2].base is None


def test_rare_characters_survive_gb18030_and_utf16() -> None:
    # 𠮷 (U+20BB7, CJK extension B) has no GBK code; GB 18030 encodes it in four bytes.
    rows = [["𠮷伟", A, "城镇", "深圳", "5000", "2026-11-01", "增", ""],
            ["刘䶮", B, "城镇", "深圳", "5000", "2026-11-01", "增", ""]]  # fmt: skip
    for data in (csv_bytes(rows, "gb18030"), csv_bytes(rows, "utf-16")):
        report = parse(data)
        assert [r.name for r in report.valid_rows] == ["𠮷伟", "刘䶮"], report.encoding


def test_excel_unicode_text_is_tab_separated_utf16() -> None:
    text = "\t".join(HEADER) + "\r\n" + "\t".join(GOOD[0]) + "\r\n"
    report = parse(text.encode("utf-16"), "roster.txt")
    assert report.encoding == "utf-16" and [r.id_number for r in report.valid_rows] == [EXAMPLE]


def test_bytes_that_are_no_text_are_a_problem_of_the_file() -> None:
    report = parse(b"\xff\xff\xfe\x00\x81")
    assert not report.readable and report.lines == ()
    assert report.file_problems[0].code == "encoding"


# -- XLSX -----------------------------------------------------------------------------------
def xlsx(rows: list[list[object]], *, title: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if title is not None:
        sheet.append([title])
        sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_with_typed_cells_and_a_title_row() -> None:
    data = xlsx(
        [
            ["张三", EXAMPLE, "城镇户口", "北京", 6000, dt.datetime(2026, 11, 1), "增员", None],
            ["李四", A, "本地农业", "深圳", 4500.5, "2026年11月2日", "增", None],
            ["王五", B, None, None, None, 46326, "减员", "合同到期"],  # 46326: Excel's serial
            # A number typed into a number cell keeps 15 digits in Excel: it is lost.
            ["赵六", 440305199003070000, "城镇", "深圳", 5000, "2026-11-01", "增", None],
        ],
        title="2026年11月缴费人员增减申报名单",
    )
    report = parse(data, "名单.xlsx")
    assert report.format == "xlsx" and report.header_line == 3
    assert report.blank_lines == () and len(report.lines) == 4
    first, second, third, fourth = report.lines
    assert first.row is not None and first.row.base == Decimal("6000.00")
    assert first.row.hukou_type == "城镇" and first.row.change_date == dt.date(2026, 11, 1)
    assert second.row is not None and second.row.base == Decimal("4500.50")
    assert second.row.hukou_type == "农村" and second.row.change_date == dt.date(2026, 11, 2)
    # Excel's 1900 date system counts day 1 as 1900-01-01 with a phantom 1900-02-29, so a
    # serial after February 1900 is the number of days since 1899-12-30.
    assert third.row is not None and third.row.change_date == dt.date(1899, 12, 30) + dt.timedelta(
        days=46326
    )
    assert third.row.reason == "contract_end"
    assert {(p.column, p.code) for p in fourth.problems} == {("id_number", "number_cell")}


def test_a_workbook_that_is_not_one() -> None:
    assert parse(b"PK\x03\x04broken", "a.xlsx").file_problems[0].code == "unreadable"
    assert parse(b"\xd0\xcf\x11\xe0" + bytes(100), "a.xls").file_problems[0].code == "old_excel"


def test_read_roster_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(xlsx([GOOD[0]]))
    report = read_roster(path, today=TODAY, item=ITEM)
    assert report.source == "名单.xlsx" and len(report.valid_rows) == 1
    assert read_roster(tmp_path / "missing.csv", today=TODAY).file_problems[0].code == "unreadable"


# -- rows as employers fill them in -----------------------------------------------------------
def test_every_bad_row_is_reported_and_the_good_ones_stay_valid() -> None:
    rows = [
        GOOD[0],
        ["李四", wrong_check(A), "城镇", "深圳", "5000", "2026-11-01", "增", ""],
        ["", "", "", "", "", "", "", ""],  # blank: listed apart
        ["王五", B, "城乡", "深圳", "-5", "2026-13-01", "加", ""],
        ["刘六", C, "城镇", "", "5000.123", "2026-11-01", "增", ""],
        ["陈七", EXAMPLE, "城镇", "北京", "5000", "2026-11-01", "增", ""],  # row 2's person again
        ["周八", A, "", "", "", "2026-11-01", "减", "跳槽"],
        ["吴九", D, "", "", "", "2026-11-01", "减", ""],
        ["郑十", C[:10] + "0230" + C[14:], "城镇", "深圳", "5000", "2026-11-01", "增", ""],
    ]
    report = parse(csv_bytes(rows))
    assert report.blank_lines == (4,)
    assert [line.line for line in report.lines] == [2, 3, 5, 6, 7, 8, 9, 10]
    found = problems(report)
    assert found[2] == set()
    assert found[3] == {("id_number", "check_digit")}
    assert found[5] == {("action", "choice"), ("change_date", "format")}
    assert found[6] == {("hukou_place", "required"), ("base", "format")}
    assert found[7] == {("id_number", "duplicate")}
    assert found[8] == {("reason", "choice")}
    assert found[9] == {("reason", "required")}
    assert found[10] == {("id_number", "birth_date")}  # 30 February
    assert [r.line for r in report.valid_rows] == [2]


def test_full_width_digits_are_read_as_digits() -> None:
    full = str.maketrans("0123456789X-", "０１２３４５６７８９Ｘ－")
    rows = [
        [
            "张三",
            EXAMPLE.translate(full),
            "城镇",
            "北京",
            "６０００",
            "２０２６－１１－０１",
            "增",
            "",
        ]
    ]
    (row,) = parse(csv_bytes(rows)).valid_rows
    assert row.id_number == EXAMPLE and row.base == Decimal("6000.00")
    assert row.change_date == dt.date(2026, 11, 1)


def test_invisible_and_control_characters_are_refused_where_they_hide_text() -> None:
    rows = [
        ["张\u202e三", A, "城镇", "北京", "6000", "2026-11-01", "增", ""],  # right-to-left override
        ["李\u200f四", B, "城镇", "北京", "6000", "2026-11-01", "增", ""],  # right-to-left mark
        ["王\x07五", C, "城镇", "北京", "6000", "2026-11-01", "增", ""],  # bell
        ["赵六", EXAMPLE, "城镇", "北\x00京", "6000", "2026-11-01", "增", ""],  # NUL
    ]
    report = parse(csv_bytes(rows))
    found = problems(report)
    assert found == {
        2: {("name", "character")},
        3: {("name", "character")},
        4: {("name", "character")},
        5: {("hukou_place", "character")},
    }
    assert report.lines[0].problems[0].params["codepoint"] == "U+202E"
    assert "\u202e" not in report.lines[0].name  # shown as a visible replacement


def test_an_invisible_mark_inside_an_id_number_is_dropped() -> None:
    """GB 11643 numbers are cleaned before checking (``ids.normalise``): spaces, hyphens and
    invisible format characters pasted with the number are not part of it."""
    rows = [["张三", "\u200f" + EXAMPLE[:6] + " " + EXAMPLE[6:], "城镇", "北京", "6000",
             "2026-11-01", "增", ""]]  # fmt: skip
    (row,) = parse(csv_bytes(rows)).valid_rows
    assert row.id_number == EXAMPLE


def test_very_long_text_is_refused_and_shown_shortened() -> None:
    long_name = "张" * 10_000
    rows = [
        [long_name, A, "城镇", "北京", "6000", "2026-11-01", "增", ""],
        ["李四", B, "城镇", "深" * 61, "6000", "2026-11-01", "增", ""],
        ["王五", C, "城镇", "北京", "9" * 40, "2026-11-01", "增", ""],
    ]
    report = parse(csv_bytes(rows))
    assert problems(report) == {
        2: {("name", "too_long")},
        3: {("hukou_place", "too_long")},
        4: {("base", "too_large")},
    }
    assert len(report.lines[0].name) == MAX_SHOWN


def test_headings_are_found_by_their_usual_variants_and_missing_ones_named() -> None:
    header = ["序号", "职工姓名", "公民身份号码", "户口性质", "户籍所在地", "缴费工资（元）",
              "增减日期", "增减标志", "原因"]  # fmt: skip
    text = ",".join(header) + "\n" + ",".join(["1", *GOOD[0]]) + "\n"
    report = parse(text.encode())
    assert [r.id_number for r in report.valid_rows] == [EXAMPLE]

    text = "姓名,身份证号码,变动日期\n张三," + EXAMPLE + ",2026-11-01\n"
    report = parse(text.encode())
    assert report.lines == () and report.file_problems[0].code == "missing_columns"
    assert (
        report.file_problems[0].params["columns"]
        == "户籍性质、户籍所在地/城市、缴费基数、增减、减员原因"
    )

    report = parse(b"a,b\n1,2\n")
    assert report.file_problems[0].code == "no_header" and report.lines == ()


def test_dates_far_ahead_and_minors_are_refused() -> None:
    child = gb11643_id("44030520150101002")
    rows = [
        ["张三", A, "城镇", "北京", "6000", "2027-06-01", "增", ""],
        ["小明", child, "城镇", "北京", "6000", "2026-11-01", "增", ""],
    ]
    assert problems(parse(csv_bytes(rows))) == {
        2: {("change_date", "range")},
        3: {("id_number", "age")},
    }


def test_every_heading_has_its_variants_unique() -> None:
    names = [name for names in COLUMNS.values() for name in names]
    assert len(names) == len(set(names))


# -- properties -------------------------------------------------------------------------------
_CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "增", "减", "城镇", "农村", "辞职", "6000", "2026-11-01", EXAMPLE, A]),
    st.builds(wrong_check, st.sampled_from([EXAMPLE, A, B, C])),
)
_ROW = st.lists(_CELL, min_size=0, max_size=10)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROW, max_size=30), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_the_reader_never_raises_and_reports_every_row_exactly_once(
    rows: list[list[str]], encoding: str
) -> None:
    data = csv_bytes(rows, encoding)
    report = parse(data)
    # What csv reads back is what was written (after the encoding's round trip).
    text = data.decode(encoding)
    records = list(csv.reader(io.StringIO(text, newline="")))
    data_lines = set(range(2, len(records) + 1))
    reported = [line.line for line in report.lines]
    assert len(reported) == len(set(reported))
    assert set(reported) | set(report.blank_lines) == data_lines
    assert not set(reported) & set(report.blank_lines)
    for line in report.lines:
        assert (line.row is None) == bool(line.problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a.xls"]))
def test_arbitrary_bytes_never_raise(data: bytes, name: str) -> None:
    report = parse(data, name)
    assert report.readable or report.lines == ()
