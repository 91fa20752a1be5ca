"""Loading a hall's existing registry of persons or employers from a CSV or XLSX file.

A hall opens with the registry it already keeps elsewhere; ``counter-central registry load``
(``cli_registry``) brings that registry into the central ``persons`` or ``employers``
table. The file is read as the staff roster import reads one (``services.roster``): an
``.xlsx`` workbook (streamed, read-only) or a CSV in UTF-8 with or without its byte-order
mark, GBK/GB 18030 or UTF-16, its columns found by their Chinese or English headings wherever
the heading row is among the first rows. A CSV is decoded whole by the roster's reader
(about four bytes of memory per character: some 90 MB for 200,000 persons, with the keys
kept to find repeats); the rows themselves stream to the database.

Every row is checked with the validators the windows use (GB 11643 ID numbers, GB 32100
credit codes, names, phone numbers, text without control or direction characters); a sex or
birth date given in the file must agree with the ID number, and a key repeated in the file
is a problem of its later rows. Each problem names its row, its column and why, and never
the ID number in full (it is masked as on receipts). Valid rows go through
``bootstrap.bulk_load``, the demo seed's path too: an upsert per batch, so loading the same
file again changes nothing and a load cut short is finished by running it again. Log lines
carry counts only, never an ID number, a name or a phone number.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine

from counter_app.catalogue.schema import FormField
from counter_app.centre.bootstrap import LoadCounts, bulk_load
from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber, Sex, Uscc, normalise
from counter_app.domain.people import validate_person_name, validate_phone
from counter_app.items.form_values import check_value
from counter_app.services.roster import (
    HEADER_SEARCH_ROWS,
    cell_text,
    csv_rows,
    decode_csv,
    find_heading,
    fold_heading,
    hukou_type_of,
    roster_date,
    shown,
)
from counter_app.storage.shared_models import EmployerRow, PersonRow

log = logging.getLogger(__name__)

Kind = Literal["persons", "employers"]
DEFAULT_BATCH = 5000


@dataclass(frozen=True)
class Column:
    """A column of the registry file: the table's column and the headings that name it."""

    name: str
    headings: tuple[str, ...]  # Chinese first; the English name is always accepted too
    required: bool = False

    @property
    def title(self) -> str:
        return f"{self.headings[0]}/{self.name}"


PERSON_COLUMNS = (
    Column("id_number", ("公民身份号码", "身份证号码", "身份证号", "证件号码"), required=True),
    Column("name", ("姓名",), required=True),
    Column("sex", ("性别",)),
    Column("birth_date", ("出生日期",)),
    Column("phone", ("联系电话", "电话", "手机号码")),
    Column("address", ("地址", "住址", "居住地址")),
    Column("hukou_type", ("户籍类型", "户籍性质", "户口性质", "户口类型")),
)
EMPLOYER_COLUMNS = (
    Column("credit_code", ("统一社会信用代码", "信用代码"), required=True),
    Column("name", ("单位名称",), required=True),
    Column("address", ("地址", "单位地址", "办公地址")),
    Column("contact_phone", ("联系电话", "电话")),
    Column("industry", ("行业", "行业类别")),
)
COLUMNS: dict[Kind, tuple[Column, ...]] = {"persons": PERSON_COLUMNS, "employers": EMPLOYER_COLUMNS}
MODELS: dict[Kind, type[PersonRow] | type[EmployerRow]] = {
    "persons": PersonRow,
    "employers": EmployerRow,
}

# Free text as the windows check it (no control or direction characters, one line), with
# the table's column widths as limits.
_TEXT = {
    "address": FormField(name="address", label_zh="地址", label_en="Address", type="text",
                         required=False, max_length=200),
    "employer_name": FormField(name="name", label_zh="单位名称", label_en="Name", type="text",
                               max_length=100),
    "industry": FormField(name="industry", label_zh="行业", label_en="Industry", type="text",
                          required=False, max_length=50),
}  # fmt: skip
_SEXES = {"男": Sex.MALE, "m": Sex.MALE, "male": Sex.MALE, "1": Sex.MALE,
          "女": Sex.FEMALE, "f": Sex.FEMALE, "female": Sex.FEMALE, "2": Sex.FEMALE}  # fmt: skip
_NUMBER_CELL = (
    "stored as a number in the workbook, which keeps only 15 digits; "
    "format the column as text and type the numbers again"
)
_SEX_WORDS = {Sex.MALE: "male (男)", Sex.FEMALE: "female (女)"}


class RegistryFileError(Exception):
    """The file cannot be read as a registry at all; the message is one line."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a row: ``column`` a table column or ``row``."""

    row: int  # the row number in the file (1 = its first row)
    column: str
    code: str
    reason: str  # English, without the ID number, the name or the phone number
    key: str  # the ID number masked, or the credit code, as read ("" when empty)


@dataclass
class LoadSummary:
    read: int = 0  # data rows (blank rows are skipped)
    bad: int = 0  # rows with at least one problem
    counts: LoadCounts = field(default_factory=LoadCounts)
    loaded: bool = False  # whether valid rows went to the database
    source: str = ""  # the format the file was read as

    @property
    def valid(self) -> int:
        return self.read - self.bad


ProblemSink = Callable[[Problem], None]


# -- reading the file ----------------------------------------------------------------------
@contextmanager
def open_rows(path: Path) -> Iterator[tuple[str, Iterator[Sequence[Any]]]]:
    """The format the file is read as ("xlsx", "csv, gb18030" …) and its rows of cells."""
    try:
        with path.open("rb") as stream:
            magic = stream.read(8)
    except OSError as exc:
        raise RegistryFileError(f"{path}: {exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if magic.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".xls":
        raise RegistryFileError(f"{path}: an Excel 97-2003 workbook; save it as .xlsx or CSV")
    if magic.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        with _xlsx_rows(path) as rows:
            yield "xlsx", rows
        return
    try:
        text, encoding = decode_csv(path.read_bytes())
    except OSError as exc:
        raise RegistryFileError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RegistryFileError(
            f"{path}: not text in UTF-8, UTF-16 or GBK/GB 18030; save it as CSV UTF-8"
        ) from None
    rows = csv_rows(text)
    del text  # the reader holds its own copy
    yield f"csv, {encoding}", _guarded(path, rows, csv.Error)


@contextmanager
def _xlsx_rows(path: Path) -> Iterator[Iterator[Sequence[Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    broken = (zipfile.BadZipFile, InvalidFileException, SyntaxError, KeyError, ValueError,
              TypeError, IndexError, EOFError)  # fmt: skip
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; none matters here.
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise RegistryFileError(f"{path}: {exc.strerror or exc}") from None
    except broken as exc:
        raise RegistryFileError(
            f"{path}: the workbook cannot be read ({type(exc).__name__})"
        ) from None
    try:
        sheet = book.worksheets[0]
        yield _guarded(path, sheet.iter_rows(values_only=True), (*broken, OSError))
    finally:
        book.close()


def _guarded(
    path: Path,
    rows: Iterator[Sequence[Any]],
    errors: type[Exception] | tuple[type[Exception], ...],
) -> Iterator[Sequence[Any]]:
    number = 0
    try:
        for number, cells in enumerate(rows, start=1):  # noqa: B007 - read after the loop
            yield cells
    except errors as exc:
        raise RegistryFileError(
            f"{path}: row {number + 1} cannot be read ({type(exc).__name__})"
        ) from None


def _find_columns(kind: Kind, rows: Iterator[Sequence[Any]]) -> tuple[int, dict[str, int]] | None:
    """The heading row's number and each column's index, from the first rows."""
    names = {
        find_heading(heading).lower(): column.name
        for column in COLUMNS[kind]
        for heading in (*column.headings, column.name)
    }
    required = [c.name for c in COLUMNS[kind] if c.required]
    for number, cells in enumerate(rows, start=1):
        found: dict[str, int] = {}
        for index, cell in enumerate(cells):
            name = names.get(find_heading(cell_text(cell)).lower())
            if name is not None and name not in found:
                found[name] = index
        if all(name in found for name in required):
            return number, found
        if number >= HEADER_SEARCH_ROWS:
            break
    return None


# -- checking one row ----------------------------------------------------------------------
def mask(id_text: str) -> str:
    """An ID number as a report shows it: the first six and the last four characters."""
    text = shown(normalise(id_text).upper())
    if len(text) < 10:
        return "*" * len(text)
    return f"{text[:6]}{'*' * (len(text) - 10)}{text[-4:]}"


def _reason(error: ValidationError) -> str:
    """The validator's words, without values that would identify the person."""
    if error.params.get("kind") == "id_number" and error.code == "birth_date":
        if error.params.get("reason") == "impossible":
            return "the birth date in the ID number is impossible"
        return "the birth date in the ID number is in the future or before 1880"
    if error.code == "format" and error.field in ("phone", "contact_phone"):
        return "neither an 11-digit mobile number nor a landline (0XX-XXXXXXXX)"
    return error.message


@dataclass
class _Row:
    """One data row being checked: its cells, the values found and the problems."""

    line: int
    cells: Sequence[Any]
    columns: Mapping[str, int]  # column name → index in the row
    today: dt.date
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # column, code, reason

    def raw(self, name: str) -> Any:
        index = self.columns.get(name)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def text(self, name: str) -> str:
        return cell_text(self.raw(name))

    def problem(self, column: str, code: str, reason: str) -> None:
        self.problems.append((column, code, reason))

    def attempt(self, column: str, check: Callable[[], str]) -> str:
        """The checked value of ``column`` ("" and a problem when ``check`` refuses it)."""
        try:
            return check()
        except ValidationError as exc:
            self.problem(column, exc.code, _reason(exc))
            return ""

    def take(self, column: str, check: Callable[[str], str]) -> None:
        """``column``'s checked value, if the file has that column."""
        if column in self.columns:
            self.values[column] = self.attempt(column, lambda: check(self.text(column)))

    def free_text(self, form: str) -> Callable[[str], str]:
        return lambda value: check_value(_TEXT[form], value, today=self.today)

    def key(self, name: str, parse: Callable[[str], str]) -> str:
        raw = self.raw(name)
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            # Excel keeps 15 significant digits of a number: an 18-digit one is never exact.
            self.problem(name, "number_cell", _NUMBER_CELL)
            return ""
        self.values[name] = self.attempt(name, lambda: parse(self.text(name)))
        return str(self.values[name])


def _phone(column: str) -> Callable[[str], str]:
    return lambda value: validate_phone(fold_heading(value), field=column, required=False)


def _check_person(row: _Row) -> None:
    key = row.key("id_number", lambda value: IdNumber.parse(value, today=row.today).value)
    row.values["name"] = row.attempt("name", lambda: validate_person_name(row.text("name")))
    id_number = IdNumber(key) if key else None
    if id_number is not None:
        row.values["sex"] = id_number.sex.value
        row.values["birth_date"] = id_number.birth_date
    sex_text = fold_heading(row.text("sex")).strip()
    if sex_text:
        sex = _SEXES.get(sex_text.lower())
        if sex is None:
            row.problem("sex", "choice", f"{shown(sex_text)!r} is not 男/女 or M/F")
        elif id_number is not None and sex is not id_number.sex:
            row.problem("sex", "mismatch", f"the ID number says {_SEX_WORDS[id_number.sex]}")
    if row.text("birth_date"):
        born = roster_date(row.raw("birth_date"), "birth_date")
        if not isinstance(born, dt.date):
            row.problem("birth_date", "format", "not a date (YYYY-MM-DD)")
        elif id_number is not None and born != id_number.birth_date:
            row.problem("birth_date", "mismatch", "not the birth date the ID number holds")
    row.take("phone", _phone("phone"))
    row.take("address", row.free_text("address"))
    if "hukou_type" in row.columns:
        hukou_text = row.text("hukou_type")
        hukou = hukou_type_of(hukou_text) if hukou_text else ""
        if hukou is None:
            row.problem("hukou_type", "choice", f"{shown(hukou_text)!r} is not 城镇 or 农村")
        row.values["hukou_type"] = hukou or ""


def _check_employer(row: _Row) -> None:
    row.key("credit_code", lambda value: Uscc.parse(value).value)
    row.values["name"] = row.attempt(
        "name", lambda: row.free_text("employer_name")(row.text("name"))
    )
    row.take("address", row.free_text("address"))
    row.take("contact_phone", _phone("contact_phone"))
    row.take("industry", row.free_text("industry"))


@dataclass
class _Checker:
    kind: Kind
    columns: Mapping[str, int]
    today: dt.date
    seen: dict[str, int] = field(default_factory=dict)  # key → the first row holding it

    def check(self, line: int, cells: Sequence[Any]) -> tuple[dict[str, Any] | None, list[Problem]]:
        """The row's values for the table, or ``None`` and every problem of the row."""
        row = _Row(line, cells, self.columns, self.today)
        if self.kind == "persons":
            key_name, words = "id_number", "ID number"
            _check_person(row)
        else:
            key_name, words = "credit_code", "credit code"
            _check_employer(row)
        key = row.values.get(key_name)
        if key:
            first = self.seen.setdefault(key, line)
            if first != line:
                row.problem(key_name, "duplicate", f"the same {words} as row {first}")
        if not row.problems:
            return row.values, []
        as_read = row.text(key_name)
        shown_key = mask(as_read) if self.kind == "persons" else shown(normalise(as_read).upper())
        found = [Problem(line, column, code, why, shown_key) for column, code, why in row.problems]
        return None, found


# -- loading -------------------------------------------------------------------------------
def _valid_rows(
    path: Path,
    kind: Kind,
    summary: LoadSummary,
    on_problem: ProblemSink,
    today: dt.date,
) -> Iterator[dict[str, Any]]:
    with open_rows(path) as (source, rows):
        summary.source = source
        header = _find_columns(kind, rows)
        if header is None:
            wanted = " and ".join(c.title for c in COLUMNS[kind] if c.required)
            raise RegistryFileError(
                f"{path}: no heading row with {wanted} among its first {HEADER_SEARCH_ROWS} rows"
            )
        header_line, columns = header
        log.info(
            "reading %s from %s (%s): columns %s",
            kind,
            path.name,
            source,
            ", ".join(name for name in columns),
        )
        checker = _Checker(kind, columns, today)
        for line, cells in enumerate(rows, start=header_line + 1):
            if all(cell_text(cell) == "" for cell in cells):
                continue
            summary.read += 1
            values, problems = checker.check(line, cells)
            if problems:
                summary.bad += 1
                for problem in problems:
                    on_problem(problem)
            elif values is not None:
                yield values


def load_registry(
    path: Path,
    kind: Kind,
    engine: Engine | None,
    *,
    on_problem: ProblemSink,
    batch: int = DEFAULT_BATCH,
    all_or_nothing: bool = False,
    today: dt.date | None = None,
) -> LoadSummary:
    """Check the registry file at ``path`` and load its valid rows into ``engine``.

    Without an engine (a dry run) the file is only checked. With ``all_or_nothing`` the file
    is checked whole first and nothing is loaded if a row is bad; the valid rows are then
    read again and loaded. Each problem goes to ``on_problem`` as it is found;
    ``RegistryFileError`` says why the file cannot be read at all.
    """
    day = today or dt.date.today()
    summary = LoadSummary()
    if engine is None or all_or_nothing:
        for _ in _valid_rows(path, kind, summary, on_problem, day):
            pass
        if engine is None or summary.bad:
            _log_summary(kind, summary)
            return summary
        summary = LoadSummary()

    def committed(counts: LoadCounts) -> None:
        log.info(
            "%s: batch of %d rows committed: %d inserted, %d updated, %d unchanged",
            kind,
            counts.total,
            counts.inserted,
            counts.updated,
            counts.unchanged,
        )

    summary.loaded = True
    summary.counts = bulk_load(
        engine,
        MODELS[kind],
        _valid_rows(path, kind, summary, on_problem, day),
        batch=batch,
        on_batch=committed,
    )
    _log_summary(kind, summary)
    return summary


def _log_summary(kind: Kind, summary: LoadSummary) -> None:
    counts = summary.counts
    log.info(
        "%s: %d rows read, %d bad, %d inserted, %d updated, %d unchanged%s",
        kind,
        summary.read,
        summary.bad,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        "" if summary.loaded else " (nothing loaded)",
    )
