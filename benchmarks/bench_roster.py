"""Time to read and report a 10,000-row staff roster (缴费人员增减申报名单), CSV and XLSX.

The roster has about 2 % bad rows (wrong check digits, missing bases, unknown reasons, the
same person twice). Each format is measured beside a bare baseline in the same run: for the
CSV, decoding and ``csv.reader`` over every row; for the workbook, openpyxl's read-only
iteration over every row's values — both without any validation. The goal is a report of the
whole roster in under 5 seconds; it is printed, never asserted.

    .venv/bin/python benchmarks/bench_roster.py [--rows N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, summary, write

from counter_app.catalogue.load import shipped_catalogue
from counter_app.domain.ids import resident_check_digit
from counter_app.services.roster import parse_roster

TODAY = dt.date(2026, 11, 25)
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
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def rows(count: int, bad_share: float, seed: int = 7) -> list[list[object]]:
    rng = random.Random(seed)
    out: list[list[object]] = []
    for n in range(count):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(16_000))
        body = f"440305{born:%Y%m%d}{n % 1000:03d}"
        number = body + resident_check_digit(body)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if rng.random() < 0.8:
            base = f"{rng.randrange(3000, 30000)}.00"
            hukou = rng.choice(["城镇", "农村"])
            row: list[object] = [name, number, hukou, "深圳", base, "2026-11-01", "增", ""]
        else:
            row = [name, number, "", "", "", "2026-11-01", "减", rng.choice(["辞职", "退休"])]
        if rng.random() < bad_share:
            flaw = rng.randrange(3)
            if flaw == 0:
                row[1] = number[:17] + ("0" if number[17] != "0" else "1")  # check digit
            elif flaw == 1:
                row[6], row[7] = "减", "跳槽"  # not a removal reason
            else:
                row[5] = "2026-13-01"  # no such month
        out.append(row)
    return out


def csv_data(table: list[list[object]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(table)
    return text.getvalue().encode("gb18030")


def xlsx_data(table: list[list[object]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def bare_csv(data: bytes) -> int:
    return sum(1 for _ in csv.reader(io.StringIO(data.decode("gb18030"), newline="")))


def bare_xlsx(data: bytes) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()


def time_it(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm imports and caches
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--bad", type=float, default=0.02)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    item = shipped_catalogue().item("STAFF-CHANGE")
    table = rows(args.rows, args.bad)
    data = {"csv": csv_data(table), "xlsx": xlsx_data(table)}
    report = parse_roster(data["csv"], "bench.csv", today=TODAY, item=item)
    bad = len(report.bad_lines)
    assert len(report.lines) == args.rows, "every row is reported"

    subjects: dict[str, Callable[[], object]] = {
        "csv_ours": lambda: parse_roster(data["csv"], "bench.csv", today=TODAY, item=item),
        "csv_bare_reader": lambda: bare_csv(data["csv"]),
        "xlsx_ours": lambda: parse_roster(data["xlsx"], "bench.xlsx", today=TODAY, item=item),
        "xlsx_bare_openpyxl": lambda: bare_xlsx(data["xlsx"]),
    }
    results = {name: summary(time_it(fn, args.repeat)) for name, fn in subjects.items()}
    lines = [
        f"{args.rows} rows, {bad} bad ({bad / args.rows:.1%}); goal: under 5 s per report",
        "",
        "| subject | median (s) | p90 (s) | rows/s |",
        "|---|---|---|---|",
        *(
            f"| {name} | {r['median']:.3f} | {r['p90']:.3f} | {args.rows / r['median']:,.0f} |"
            for name, r in results.items()
        ),
        "",
        f"CSV, ours / bare: "
        f"{results['csv_ours']['median'] / results['csv_bare_reader']['median']:.1f}×",
        f"XLSX, ours / bare: "
        f"{results['xlsx_ours']['median'] / results['xlsx_bare_openpyxl']['median']:.1f}×",
        "(ours checks every ID number, date, amount and reason, and reports each row)",
    ]
    write(
        "roster",
        {"machine": machine(), "rows": args.rows, "bad": bad, "repeat": args.repeat,
         "seconds": results, "bytes": {k: len(v) for k, v in data.items()}},
        "\n".join(lines) + "\n",
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
