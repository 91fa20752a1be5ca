"""Time to produce an acceptance receipt PDF and a queue ticket's ESC/POS bytes.

Each is measured beside a bare baseline doing the same text in the same run: a reportlab
canvas drawing the receipt's lines with the same embedded TrueType CJK font, and a
python-escpos Dummy job sending the ticket's lines encoded in GB18030. Reported as medians
over many repetitions and as ratios (ours / bare).

    .venv/bin/python benchmarks/bench_printing.py [--repeat N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from escpos.printer import Dummy
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, summary, write

from counter_app.printing import documents as d
from counter_app.printing.escpos_render import EscposOptions, render_escpos
from counter_app.printing.pdf import register_fonts, render_pdf

WHEN = dt.datetime(2026, 11, 24, 9, 30)
OFFICE = d.Office("示范区社会保险经办服务大厅", 3, "王柜员")


def receipt() -> d.Doc:
    return d.acceptance_receipt(
        OFFICE, "HALL01-20261124-00001", "个人参保登记", "张三", "110105********0022",
        ["居民身份证（原件）", "户口簿"], dt.date(2026, 11, 27), WHEN,
    )  # fmt: skip


def ticket() -> d.Doc:
    return d.queue_ticket("示范区社会保险经办服务大厅", "A012", "个人业务", 5, 12, WHEN)


def time_it(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm caches (font registration, imports)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    fonts = register_fonts()
    doc, tick = receipt(), ticket()
    receipt_lines = doc.plain_text().splitlines()
    ticket_lines = tick.plain_text().splitlines()

    def bare_pdf() -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A5, pageCompression=1)
        y = 560.0
        for line in receipt_lines:
            canvas.setFont(fonts.names[0], 11)
            canvas.drawString(40, y, line)
            y -= 16
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    def bare_escpos() -> bytes:
        printer = Dummy()
        printer._raw(b"\x1b@\x1c&")
        for line in ticket_lines:
            printer._raw(line.encode("gb18030") + b"\n")
        printer.cut()
        return printer.output

    subjects = {
        "receipt_pdf_ours": lambda: render_pdf(doc, page="A5", fonts=fonts),
        "receipt_pdf_bare_reportlab": bare_pdf,
        "ticket_escpos_ours": lambda: render_escpos(tick, EscposOptions(paper_mm=58)).data,
        "ticket_escpos_bare_python_escpos": bare_escpos,
    }
    results = {name: summary(time_it(fn, args.repeat)) for name, fn in subjects.items()}
    pdf_ratio = (
        results["receipt_pdf_ours"]["median"] / results["receipt_pdf_bare_reportlab"]["median"]
    )
    pos_ratio = (
        results["ticket_escpos_ours"]["median"]
        / results["ticket_escpos_bare_python_escpos"]["median"]
    )
    table = "\n".join(
        [
            "| subject | median (ms) | p90 (ms) |",
            "|---|---|---|",
            *(f"| {name} | {r['median']:.3f} | {r['p90']:.3f} |" for name, r in results.items()),
            "",
            f"acceptance receipt PDF, ours / bare reportlab: {pdf_ratio:.2f}×",
            f"ticket ESC/POS, ours / bare python-escpos: {pos_ratio:.2f}×",
            "(ours adds the QR code, layout, wrapping and per-character font fallback)",
        ]
    )
    write(
        "printing",
        {"machine": machine(), "repeat": args.repeat, "ms": results,
         "ratios": {"receipt_pdf": pdf_ratio, "ticket_escpos": pos_ratio}},
        table + "\n",
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
