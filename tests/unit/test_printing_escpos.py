"""ESC/POS bytes: explicit encodings, Chinese mode, rare characters, raster mode, QR, cut."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from escpos.printer import Dummy
from readback import decode_escpos, needs_zbarimg, scan_image

from counter_app.printing import documents as d
from counter_app.printing.escpos_render import (
    ESC_INIT,
    FS_CHINESE_OFF,
    FS_CHINESE_ON,
    EscposOptions,
    render_escpos,
    render_raster_image,
    wrap_cells,
)
from counter_app.printing.fonts import find_font_chain
from counter_app.printing.verification import make_code, parse_code

OFFICE = d.Office("示范区社会保险经办服务大厅", 3, "王柜员")
WHEN = dt.datetime(2026, 11, 24, 9, 30)
RARE = "𠮷䶮𡒄"
CERTIFICATE = {
    "name": "张三",
    "id_number_masked": "110105********0022",
    "insured_number": "202600000001",
    "category": "flexible",
    "employer_code": "",
    "insurance": [{"type": "pension", "status": "active", "since": "2026-11-24"}],
    "as_of": "2026-11-24",
}


def receipt(name: str = "张三") -> d.Doc:
    return d.acceptance_receipt(
        OFFICE, "HALL01-20261124-00001", "个人参保登记", name, "110105********0022",
        ["居民身份证（原件）"], dt.date(2026, 11, 27), WHEN,
    )  # fmt: skip


def test_every_job_starts_with_init_and_the_chinese_mode_setting() -> None:
    on = render_escpos(receipt(), EscposOptions(chinese_mode=True)).data
    off = render_escpos(receipt(), EscposOptions(chinese_mode=False)).data
    assert on.startswith(ESC_INIT + FS_CHINESE_ON)
    assert off.startswith(ESC_INIT + FS_CHINESE_OFF)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8"])
def test_chinese_text_is_sent_in_the_configured_encoding(encoding: str) -> None:
    data = render_escpos(receipt(), EscposOptions(encoding=encoding)).data  # type: ignore[arg-type]
    assert "受理回执".encode(encoding) in data
    assert "个人参保登记".encode(encoding) in data
    other = "gbk" if encoding == "utf-8" else "utf-8"
    assert "个人参保登记".encode(other) not in data


def test_rare_characters_fall_back_visibly_in_gbk_and_are_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    job = render_escpos(receipt(f"王{RARE}"), EscposOptions(encoding="gbk"))
    assert "王".encode("gbk") + b"???" in job.data
    assert "".join(job.replaced) == RARE  # GBK has none of the three
    assert "cannot print" in caplog.text


def test_gb18030_carries_the_rare_characters() -> None:
    job = render_escpos(receipt(f"王{RARE}"), EscposOptions(encoding="gb18030"))
    assert job.replaced == []
    assert f"王{RARE}".encode("gb18030") in job.data


def test_qr_code_and_cut_are_sent() -> None:
    data = render_escpos(receipt(), EscposOptions()).data
    assert b"\x1d(k" in data  # native QR code
    assert b"\x1dV" in data  # paper cut


def test_reprints_are_marked() -> None:
    doc = receipt()
    doc.reprint = True
    assert "补打".encode("gb18030") in render_escpos(doc, EscposOptions()).data


def test_lines_wrap_by_display_width() -> None:
    assert wrap_cells("一二三四五", 6) == ["一二三", "四五"]
    assert wrap_cells("ab一二", 4) == ["ab一", "二"]


def test_raster_mode_sends_an_image_as_wide_as_the_paper() -> None:
    chain = find_font_chain()
    if not chain.fonts:
        pytest.skip("no CJK TrueType font installed")
    data = render_escpos(receipt(), EscposOptions(paper_mm=58, raster=True), chain).data
    assert data.startswith(ESC_INIT)
    assert b"\x1dv0" in data  # GS v 0 raster bit image
    image = render_raster_image(receipt(), 80, chain)
    assert image.width == 576


def test_raster_mode_draws_rare_characters_with_a_font_that_has_them() -> None:
    chain = find_font_chain()
    if any(chain.font_for(c) is None for c in RARE):
        pytest.skip("no installed font covers the CJK extension characters (fonts-hanazono)")
    plain = render_raster_image(d.Doc("t", "t").add(d.Text("王")), 58, chain)
    rare = render_raster_image(d.Doc("t", "t").add(d.Text(f"王{RARE}")), 58, chain)

    def inked(image: object) -> int:
        histogram = image.convert("L").histogram()  # type: ignore[attr-defined]
        return sum(histogram[:128])  # dark pixels

    assert inked(rare) > inked(plain) * 2  # three more glyphs drawn, not blanks


# ---- character size, read back with an ESC/POS decoder (tests/readback.py) ----


def test_double_size_chinese_is_sent_with_gs_exclamation_and_reset_after() -> None:
    job = decode_escpos(render_escpos(receipt(), EscposOptions()).data)
    (title,) = job.runs_containing("受理回执")
    assert title.state.kanji_mode and title.state.gs_size == 0x11
    assert title.state.size_of("受") == (2, 2)  # the Chinese title really prints double
    after = job.runs[job.runs.index(title) + 1 :]
    assert after and all(run.state.size_of("受") == (1, 1) for run in after)
    assert all(run.state.gs_size == 0 for run in after)
    assert job.final_state.gs_size == 0 and job.cuts == 1


@pytest.mark.parametrize("paper_mm", [58, 80])
def test_double_size_digits_and_chinese_share_one_size(paper_mm: int) -> None:
    ticket = d.queue_ticket("示范大厅", "A012", "个人业务", 3, 9, WHEN)
    options = EscposOptions(paper_mm=paper_mm)  # type: ignore[arg-type]
    job = decode_escpos(render_escpos(ticket, options).data)
    (number,) = job.runs_containing("A012")
    assert number.state.size_of("A") == (2, 2)
    (hall,) = job.runs_containing("示范大厅")
    assert hall.state.size_of("示") == (1, 1)


def test_the_decoder_knows_esc_exclamation_leaves_chinese_at_normal_size() -> None:
    """The reason for GS !: what python-escpos's own double size does to a Chinese line."""
    printer = Dummy()
    printer._raw(ESC_INIT + FS_CHINESE_ON)
    printer.set(double_width=True, double_height=True)
    printer._raw("受理回执A1\n".encode("gb18030"))
    (run,) = decode_escpos(printer.output).runs
    assert run.state.size_of("A") == (2, 2) and run.state.size_of("受") == (1, 1)


def test_payment_receipt_total_is_the_sum_of_the_printed_lines() -> None:
    lines = [("养老保险", Decimal("0.005")), ("医疗保险", Decimal("0.005")),
             ("失业保险", Decimal("12.344")), ("工伤保险", Decimal("1000.125"))]  # fmt: skip
    doc = d.payment_receipt(OFFICE, "R-1", "张三", lines, WHEN)
    printed = decode_escpos(render_escpos(doc, EscposOptions()).data).lines
    amounts = {
        label: Decimal(m[1].replace(",", ""))
        for line in printed
        if (m := re.search(r"¥([\d,]+\.\d\d)$", line))
        for label in [line[: m.start()].strip()]
    }
    assert amounts.pop("合计：") == sum(amounts.values()) == Decimal("1012.49")
    assert amounts == {
        "养老保险": Decimal("0.01"),
        "医疗保险": Decimal("0.01"),
        "失业保险": Decimal("12.34"),
        "工伤保险": Decimal("1000.13"),
    }


def test_the_certificate_qr_in_text_mode_carries_the_verification_payload() -> None:
    code = make_code("proof_personal", "n", "h")
    doc = d.proof_of_insurance_personal(OFFICE, CERTIFICATE, code, WHEN)
    job = decode_escpos(render_escpos(doc, EscposOptions()).data)
    assert [data.decode() for data in job.qr_data] == [f"COUNTER-VERIFY:{code}"]
    assert parse_code(job.qr_data[0].decode()) == code


def test_the_raster_receipt_qr_scans_to_a_code_that_parses(tmp_path: Path) -> None:
    needs_zbarimg()
    chain = find_font_chain()
    if not chain.fonts:
        pytest.skip("no CJK TrueType font installed")
    code = make_code("proof_personal", "n", "h")
    doc = d.proof_of_insurance_personal(OFFICE, CERTIFICATE, code, WHEN)
    job = decode_escpos(render_escpos(doc, EscposOptions(raster=True), chain).data)
    (scanned,) = scan_image(job.raster_image(), tmp_path, "receipt")
    assert parse_code(scanned) == code
