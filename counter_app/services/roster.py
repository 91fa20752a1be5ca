"""Reading a staff roster (缴费人员增减申报名单) from an Excel workbook or a CSV file.

Employers bring the roster as an ``.xlsx`` workbook or as a CSV file — UTF-8 with or without
a byte-order mark, or GBK as Excel writes "CSV" on a Chinese Windows (read here as GB 18030,
its superset, so rare characters such as 𠮷 survive too), or UTF-16 with tabs as Excel's
"Unicode text". The columns are found by their headings (姓名, 身份证号码, 户籍性质,
户籍所在地/城市, 缴费基数, 变动日期, 增减, 减员原因, with the usual variants), wherever the
heading row is among the first rows.

Every data row is reported exactly once, with its row number in the file and either its
checked ``StaffRow`` or every problem of the row (each naming its column, a stable code and
the details a screen words it from); blank rows are listed apart. Reading never stops at a
bad row: the teller sees the whole report and sends the valid rows (or none until the file is
fixed). A file that cannot be read at all, or lacks a column, is a problem of the file.

Qt-free: the screen runs it on the database worker, the benchmark and the tests call it
directly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from counter_app.catalogue.schema import Item
from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.money import CENT, MAX_AMOUNT
from counter_app.items.staff_change import (
    HUKOU_TYPES,
    Action,
    StaffRow,
    removal_reasons,
    row_problems,
)

# Columns of a roster: field name → the headings that name it (compared after folding
# full-width forms, dropping spaces, "*" marks and a trailing unit in brackets).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "职工姓名", "人员姓名"),
    "id_number": ("身份证号码", "身份证号", "公民身份号码", "证件号码", "身份证件号码"),
    "hukou_type": ("户籍性质", "户口性质", "户籍类型", "户口类型"),
    "hukou_place": (
        "户籍所在地/城市", "户籍所在地", "户籍所在城市", "城市", "户籍地", "户口所在地",
    ),
    "base": ("缴费基数", "月缴费基数", "缴费工资", "申报工资", "申报基数"),
    "change_date": ("变动日期", "增减日期", "变更日期", "日期"),
    "action": ("增减", "增减标志", "增减类型", "变动类型", "增/减"),
    "reason": ("减员原因", "原因", "停保原因"),
}  # fmt: skip
# The heading printed for a column (in a "missing column" problem).
COLUMN_HEADINGS = {name: headings[0] for name, headings in COLUMNS.items()}
COLUMN_HEADINGS["hukou_place"] = "户籍所在地/城市"

ACTIONS: dict[str, Action] = {
    "增": "add", "增员": "add", "新增": "add", "增加": "add", "+": "add", "add": "add",
    "减": "remove", "减员": "remove", "减少": "remove", "停保": "remove", "-": "remove",
    "remove": "remove",
}  # fmt: skip
_HUKOU = {
    "城镇": "城镇", "非农业": "城镇", "非农": "城镇", "城市": "城镇", "居民": "城镇",
    "农村": "农村", "农业": "农村",
}  # fmt: skip
_HUKOU_PREFIXES = ("本地", "外地", "本市", "外市", "本省", "外省")
_HUKOU_SUFFIXES = ("户口", "户籍", "户")
# Everyday words for the catalogue's removal reasons.
REASON_ALIASES = {
    "合同到期": "contract_end", "合同期满": "contract_end", "劳动合同到期": "contract_end",
    "终止劳动合同": "contract_end", "终止合同": "contract_end",
    "离职": "resignation", "主动离职": "resignation",
    "辞退": "dismissal", "解除合同": "dismissal", "开除": "dismissal",
    "调动": "transfer", "转出": "transfer",
    "去世": "death", "身故": "death",
}  # fmt: skip

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
HEADER_SEARCH_ROWS = 20
MAX_SHOWN = 40  # characters of a cell shown in the report

_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (serials > 60)
_FORMULA_TEXT = re.compile(r'^="(.*)"$')  # ="110105…" keeps a number as text in a CSV
_BRACKETED = re.compile(r"[(（][^)）]*[)）]$")


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with a row (or, with ``column`` "file", with the whole file)."""

    column: str  # a field name of ``COLUMNS``, "row" or "file"
    code: str
    message: str  # English, for the log; a screen words it from ``code`` and ``params``
    params: Mapping[str, str] = field(default_factory=dict)

    def as_error(self) -> ValidationError:
        return ValidationError(self.column, self.code, self.message, dict(self.params))

    @classmethod
    def of(cls, error: ValidationError, column: str | None = None) -> RowProblem:
        return cls(column or error.field, error.code, error.message, dict(error.params))


@dataclass(frozen=True)
class RosterLine:
    """One data row as read: ``row`` when valid, else its ``problems`` (never both)."""

    line: int  # the row number in the file (1 = the file's first row)
    row: StaffRow | None
    problems: tuple[RowProblem, ...]
    name: str  # as read, shortened and with invisible characters made visible
    id_number: str
    action: str

    @property
    def ok(self) -> bool:
        return self.row is not None


@dataclass(frozen=True)
class RosterReport:
    source: str  # the file's name
    format: str  # "xlsx" or "csv"
    encoding: str  # a CSV's encoding ("" for a workbook)
    header_line: int | None
    lines: tuple[RosterLine, ...]
    blank_lines: tuple[int, ...] = ()
    file_problems: tuple[RowProblem, ...] = ()

    @property
    def valid_rows(self) -> tuple[StaffRow, ...]:
        return tuple(line.row for line in self.lines if line.row is not None)

    @property
    def bad_lines(self) -> tuple[RosterLine, ...]:
        return tuple(line for line in self.lines if line.row is None)

    @property
    def readable(self) -> bool:
        return not self.file_problems


# -- cells -------------------------------------------------------------------------------------
def fold_heading(text: str) -> str:
    """Full-width forms (an input method left in full-width mode) folded to ASCII."""
    return unicodedata.normalize("NFKC", text) if not text.isascii() else text


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        match = _FORMULA_TEXT.match(text)
        return match.group(1).strip() if match else text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def shown(text: str) -> str:
    """A cell as the report shows it: invisible and control characters made visible, cut."""
    visible = "".join(
        "\N{REPLACEMENT CHARACTER}" if unicodedata.category(c) in ("Cc", "Cf") else c
        for c in text[: MAX_SHOWN + 1]
    )
    return visible if len(visible) <= MAX_SHOWN else visible[: MAX_SHOWN - 1] + "…"


def _bad_character(text: str) -> tuple[int, str] | None:
    for position, c in enumerate(text, start=1):
        if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn"):
            return position, c
    return None


def _character_problem(column: str, text: str) -> RowProblem | None:
    found = _bad_character(text)
    if found is None:
        return None
    position, c = found
    return RowProblem(
        column,
        "character",
        f"character {position} (U+{ord(c):04X}) is invisible or a control character",
        {"position": str(position), "codepoint": f"U+{ord(c):04X}"},
    )


def roster_date(value: Any, column: str = "change_date") -> dt.date | RowProblem:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A workbook cell holding a date without a date format: Excel's day serial.
        if 61 <= value <= 2_958_465:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        return RowProblem(column, "format", f"{value} is not a date", {"value": shown(str(value))})
    text = fold_heading(cell_text(value))
    if not text:
        return RowProblem(column, "required", "the date of the change is required")
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    return RowProblem(column, "format", f"{text!r} is not a date", {"value": shown(text)})


def _money(value: Any) -> Decimal | RowProblem | None:
    if isinstance(value, bool):
        return RowProblem("base", "format", "not an amount", {"value": str(value)})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # A workbook stores numbers as binary floats; the shortest text that reads back as
        # the same float is what the cell showed, and it is read as a decimal from there.
        return Decimal(repr(value))
    text = fold_heading(cell_text(value))
    for mark in (",", "，", "¥", "￥", "元", " "):
        text = text.replace(mark, "")
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return RowProblem("base", "format", f"{text!r} is not an amount", {"value": shown(text)})
    if not amount.is_finite():
        return RowProblem("base", "format", f"{text!r} is not an amount", {"value": shown(text)})
    return amount


def hukou_type_of(text: str) -> str | None:
    value = fold_heading(text).replace(" ", "")
    for prefix in _HUKOU_PREFIXES:
        value = value.removeprefix(prefix)
    for suffix in _HUKOU_SUFFIXES:
        value = value.removesuffix(suffix)
    return _HUKOU.get(value)


def _reason(text: str, reasons: Mapping[str, tuple[str, str]]) -> str | None:
    value = fold_heading(text).strip()
    if value in reasons:
        return value
    for code, (zh, en) in reasons.items():
        if value in (zh, en) or value.lower() == en.lower():
            return code
    alias = REASON_ALIASES.get(value)
    return alias if alias in reasons else None


def find_heading(text: str) -> str:
    folded = fold_heading(text).replace(" ", "").replace("*", "").replace("＊", "")
    return _BRACKETED.sub("", folded)


def _columns(cells: Sequence[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    headings = [find_heading(cell_text(c)) for c in cells]
    for name, names in COLUMNS.items():
        for index, heading in enumerate(headings):
            if heading in names and index not in found.values():
                found[name] = index
                break
    return found


# -- one row ---------------------------------------------------------------------------------
@dataclass
class _Context:
    today: dt.date
    reasons: dict[str, tuple[str, str]]
    seen: dict[str, int] = field(default_factory=dict)  # ID number → first row


def _read_line(
    line: int, cells: Sequence[Any], columns: Mapping[str, int], ctx: _Context
) -> RosterLine:
    def cell(name: str) -> Any:
        index = columns[name]
        return cells[index] if index < len(cells) else None

    problems: list[RowProblem] = []
    failed: set[str] = set()

    def problem(p: RowProblem) -> None:
        problems.append(p)
        failed.add(p.column)

    name_text = cell_text(cell("name"))
    bad = _character_problem("name", name_text)
    if bad is not None:
        problem(bad)
    elif len(name_text) > 40:
        problem(
            RowProblem("name", "too_long", "a name has at most 40 characters",
                       {"limit": "40", "length": str(len(name_text))})
        )  # fmt: skip

    raw_id = cell("id_number")
    id_text = cell_text(raw_id)
    id_number = ""
    if isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool):
        try:
            id_number = IdNumber.parse(id_text, today=ctx.today).value
        except ValidationError:
            problem(
                RowProblem(
                    "id_number",
                    "number_cell",
                    "the ID number is stored as a number in the workbook, which keeps only "
                    "15 digits; format the column as text and type the numbers again",
                    {"value": shown(id_text)},
                )
            )
    else:
        try:
            id_number = IdNumber.parse(id_text, today=ctx.today).value
        except ValidationError as exc:
            problem(RowProblem.of(exc, "id_number"))
    if id_number:
        first = ctx.seen.setdefault(id_number, line)
        if first != line:
            problem(
                RowProblem(
                    "id_number",
                    "duplicate",
                    f"the same person as row {first}",
                    {"first": str(first)},
                )
            )

    action_text = fold_heading(cell_text(cell("action"))).strip()
    action = ACTIONS.get(action_text.lower())
    if action is None:
        code = "required" if not action_text else "choice"
        problem(
            RowProblem("action", code, "增 (add) or 减 (remove)", {"value": shown(action_text)})
        )

    change_date = roster_date(cell("change_date"))
    if isinstance(change_date, RowProblem):
        problem(change_date)
        change_date = ctx.today

    hukou_type = hukou_place = reason = ""
    base: Decimal | None = None
    if action == "add":
        hukou_text = cell_text(cell("hukou_type"))
        if hukou_text:
            hukou = hukou_type_of(hukou_text)
            if hukou is None:
                problem(
                    RowProblem("hukou_type", "choice", "城镇 or 农村", {"value": shown(hukou_text)})
                )
            else:
                hukou_type = hukou
        hukou_place = cell_text(cell("hukou_place"))
        bad = _character_problem("hukou_place", hukou_place)
        if bad is not None:
            problem(bad)
        amount = _money(cell("base"))
        if isinstance(amount, RowProblem):
            problem(amount)
        elif amount is not None and abs(amount) <= MAX_AMOUNT and amount == amount.quantize(CENT):
            base = amount.quantize(CENT)  # yuan and fen, as stored
        else:
            base = amount
    elif action == "remove":
        reason_text = cell_text(cell("reason"))
        if reason_text:
            reason_code = _reason(reason_text, ctx.reasons)
            if reason_code is None:
                problem(
                    RowProblem(
                        "reason", "choice", "not a removal reason", {"value": shown(reason_text)}
                    )
                )
            else:
                reason = reason_code

    candidate = StaffRow(
        line=line,
        action=action or "remove",
        name=name_text,
        id_number=id_number,
        change_date=change_date,
        hukou_type=hukou_type,
        hukou_place=hukou_place,
        base=base,
        reason=reason,
    )
    checks = row_problems(candidate, today=ctx.today, reasons=ctx.reasons)
    for error in checks:
        column = error.field
        if column in failed or (column == "id_number" and not id_number):
            continue  # already reported, or a consequence of what was
        if action is None and column not in ("name", "id_number", "change_date"):
            continue  # the action decides what the row needs
        problems.append(RowProblem.of(error, column))
    return RosterLine(
        line=line,
        row=None if problems else candidate,
        problems=tuple(problems),
        name=shown(name_text),
        id_number=shown(id_text),
        action=shown(action_text),
    )


# -- files -----------------------------------------------------------------------------------
def _report(
    source: str,
    kind: str,
    encoding: str,
    rows: Iterable[Sequence[Any]],
    ctx: _Context,
) -> RosterReport:
    header_line: int | None = None
    columns: dict[str, int] = {}
    lines: list[RosterLine] = []
    blank: list[int] = []
    file_problems: list[RowProblem] = []
    for number, cells in enumerate(rows, start=1):
        if header_line is None:
            found = _columns(cells)
            if "name" in found and "id_number" in found:
                header_line, columns = number, found
                missing = [COLUMN_HEADINGS[c] for c in COLUMNS if c not in columns]
                if missing:
                    file_problems.append(
                        RowProblem(
                            "file",
                            "missing_columns",
                            f"the roster has no column {', '.join(missing)}",
                            {"columns": "、".join(missing)},
                        )
                    )
                    break
                continue
            if number >= HEADER_SEARCH_ROWS:
                break
            continue
        if all(cell_text(c) == "" for c in cells):
            blank.append(number)
            continue
        if len(lines) >= MAX_ROWS:
            file_problems.append(
                RowProblem(
                    "file",
                    "too_many_rows",
                    f"a roster has at most {MAX_ROWS} rows",
                    {"limit": str(MAX_ROWS)},
                )
            )
            break
        lines.append(_read_line(number, cells, columns, ctx))
    if header_line is None and not file_problems:
        file_problems.append(
            RowProblem(
                "file",
                "no_header",
                "no heading row with 姓名 and 身份证号码 was found",
                {"columns": "姓名、身份证号码"},
            )
        )
    return RosterReport(
        source=source,
        format=kind,
        encoding=encoding,
        header_line=header_line,
        lines=tuple(lines),
        blank_lines=tuple(blank),
        file_problems=tuple(file_problems),
    )


def _unreadable(source: str, kind: str, code: str, message: str) -> RosterReport:
    return RosterReport(source, kind, "", None, (), (), (RowProblem("file", code, message),))


def decode_csv(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with (``UnicodeDecodeError``
    when it is none of UTF-8, UTF-16 with its byte-order mark or GB 18030)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def csv_rows(text: str) -> Iterator[list[str]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def parse_csv(
    data: bytes, source: str, *, today: dt.date, item: Item | None = None
) -> RosterReport:
    try:
        text, encoding = decode_csv(data)
    except UnicodeDecodeError:
        return _unreadable(
            source, "csv", "encoding", "the file is neither UTF-8 nor GBK/GB 18030 text"
        )
    ctx = _Context(today, removal_reasons(item))
    try:
        return _report(source, "csv", encoding, csv_rows(text), ctx)
    except csv.Error as exc:
        return _unreadable(source, "csv", "unreadable", f"the CSV file cannot be read: {exc}")


def parse_xlsx(
    data: bytes, source: str, *, today: dt.date, item: Item | None = None
) -> RosterReport:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    ctx = _Context(today, removal_reasons(item))
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; none matters here.
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                rows = book.worksheets[0].iter_rows(values_only=True)
                return _report(source, "xlsx", "", rows, ctx)
            finally:
                book.close()
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        SyntaxError,  # xml.etree's ParseError: a damaged part of the workbook
        KeyError,
        ValueError,
        TypeError,
        OSError,
        IndexError,
        EOFError,
    ) as exc:
        return _unreadable(
            source, "xlsx", "unreadable", f"the workbook cannot be read ({type(exc).__name__})"
        )


def parse_roster(
    data: bytes, source: str, *, today: dt.date, item: Item | None = None
) -> RosterReport:
    """The report of roster ``data`` (the file's bytes; ``source`` its name)."""
    suffix = Path(source).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        return _unreadable(
            source, suffix.lstrip(".") or "csv", "too_large", "the file is larger than 50 MB"
        )
    if data.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        return parse_xlsx(data, source, today=today, item=item)
    if data.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".xls":
        return _unreadable(
            source, "xls", "old_excel", "an Excel 97-2003 workbook; save it as .xlsx or CSV"
        )
    return parse_csv(data, source, today=today, item=item)


def read_roster(path: Path, *, today: dt.date, item: Item | None = None) -> RosterReport:
    """The report of the roster file at ``path``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _unreadable(path.name, "csv", "too_large", "the file is larger than 50 MB")
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(path.name, "csv", "unreadable", f"the file cannot be read: {exc}")
    return parse_roster(data, path.name, today=today, item=item)


__all__ = [
    "COLUMNS",
    "HUKOU_TYPES",
    "RosterLine",
    "RosterReport",
    "RowProblem",
    "decode_csv",
    "parse_csv",
    "parse_roster",
    "parse_xlsx",
    "read_roster",
]
