"""PDF output: Chinese (rare characters too) extractable, fonts embedded, CFF refused, CID
fallback, QR codes that scan, receipts that add up."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from readback import pdftotext, scan_pdf

from counter_app.printing import documents as d
from counter_app.printing.fonts import FontChain, FontError, check_truetype, find_font_chain
from counter_app.printing.pdf import fix_to_unicode_cmap, register_fonts, render_pdf, utf16_hex
from counter_app.printing.verification import make_code, parse_code

OFFICE = d.Office("示范区社会保险经办服务大厅", 3, "王柜员")
WHEN = dt.datetime(2026, 11, 24, 9, 30)
CONTENT = {
    "name": "欧阳晓峰",
    "id_number_masked": "110105********0022",
    "insured_number": "202600000001",
    "category": "flexible",
    "employer_code": "",
    "insurance": [{"type": "pension", "status": "active", "since": "2026-11-24"}],
    "as_of": "2026-11-24",
}


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def needs_font() -> FontChain:
    chain = find_font_chain()
    if not chain.fonts:
        pytest.skip("no CJK TrueType font installed (fonts-wqy-microhei)")
    return chain


def test_proof_of_insurance_pdf_holds_the_chinese_facts_and_embeds_its_fonts() -> None:
    needs_font()
    pdf = render_pdf(d.proof_of_insurance_personal(OFFICE, CONTENT, "3RJ3Q-7YM38N", WHEN))
    text = text_of(pdf)
    for expected in (
        "社会保险参保证明",
        "欧阳晓峰",
        "110105********0022",
        "养老保险",
        "3RJ3Q-7YM38N",
    ):
        assert expected in text
    assert b"/FontFile2" in pdf  # TrueType outlines embedded
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages[0].rects) > 50  # the QR code's modules


def test_bold_is_real_in_the_pdf() -> None:
    needs_font()
    doc = d.Doc("t", "t").add(d.Text("粗体", bold=True), d.Text("常规"))
    content = render_pdf(doc, page="A5", compress=False)
    assert content.count(b"2 Tr") == 1  # fill+stroke for the bold line only
    assert content.count(b"\nq\n") >= 2 and content.count(b"\nQ\n") >= 2


def test_acceptance_receipt_on_a5() -> None:
    needs_font()
    doc = d.acceptance_receipt(
        OFFICE, "HALL01-20261124-00001", "个人参保登记", "张三", "110105********0022",
        ["居民身份证（原件）", "户口簿"], dt.date(2026, 11, 27), WHEN,
    )  # fmt: skip
    text = text_of(render_pdf(doc, page="A5"))
    assert "受理回执" in text and "户口簿" in text and "2026年11月27日前" in text


def test_a_cff_font_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    fake = tmp_path / "NotoSansCJK.otf"
    fake.write_bytes(b"OTTO" + b"\x00" * 64)
    with pytest.raises(FontError, match="PostScript"):
        check_truetype(fake)
    with pytest.raises(FontError, match="does not exist"):
        check_truetype(tmp_path / "missing.ttf")


def test_without_any_truetype_font_the_cid_fallback_is_used() -> None:
    fonts = register_fonts(FontChain([]))
    assert fonts.names == ["STSong-Light"]
    pdf = render_pdf(d.Doc("t", "t").add(d.Text("参保证明")), fonts=fonts)
    assert "参保证明" in text_of(pdf)


def test_reprint_is_marked_in_the_pdf() -> None:
    needs_font()
    doc = d.result_notice(OFFICE, "HALL01-1", "个人参保登记", "张三", "已办结", WHEN)
    doc.reprint = True
    assert "补打" in text_of(render_pdf(doc))


# ---- read back with poppler (pdftotext, pdftoppm) and zbarimg: tests/readback.py ----

RARE_NAME = "王𠮷䶮𡒄"  # U+20BB7 and U+21484 lie beyond the BMP; U+4DAE is in Extension A


def test_rare_characters_extract_as_themselves(tmp_path: Path) -> None:
    chain = needs_font()
    if any(chain.font_for(c) is None for c in RARE_NAME):
        pytest.skip("no installed font covers the CJK extension characters (fonts-hanazono)")
    content = {**CONTENT, "name": RARE_NAME}
    doc = d.proof_of_insurance_personal(OFFICE, content, "3RJ3Q-7YM38N", WHEN)
    for compress in (True, False):
        text = pdftotext(render_pdf(doc, compress=compress), tmp_path)
        assert RARE_NAME in text
        for char in "𠮷𡒄䶮":
            assert char in text
        assert "₻" not in text and "ⅈ" not in text  # the old five-digit CMap entries


def test_the_to_unicode_cmap_writes_surrogate_pairs() -> None:
    assert utf16_hex(0x20BB7) == "D842DFB7" and utf16_hex(0x4E2D) == "4E2D"
    broken = "2 beginbfchar\n<00> <4E2D>\n<01> <20BB7>\nendbfchar"
    fixed = fix_to_unicode_cmap(broken)
    assert fixed == "2 beginbfchar\n<00> <4E2D>\n<01> <D842DFB7>\nendbfchar"
    assert fix_to_unicode_cmap(fixed) == fixed


def test_payment_receipt_pdf_total_is_the_sum_of_the_printed_lines(tmp_path: Path) -> None:
    needs_font()
    lines = [("养老保险", Decimal("0.005")), ("医疗保险", Decimal("0.005"))]
    doc = d.payment_receipt(OFFICE, "R-1", "张三", lines, WHEN)
    text = pdftotext(render_pdf(doc, page="A5"), tmp_path, layout=True)
    amounts = {
        label.strip(): Decimal(amount.replace(",", ""))
        for label, amount in re.findall(r"^\s*(\S+?)\s+¥([\d,]+\.\d\d)\s*$", text, re.M)
    }
    assert amounts == {"养老保险": Decimal("0.01"), "医疗保险": Decimal("0.01"),
                       "合计：": Decimal("0.02")}  # fmt: skip


def test_the_certificate_qr_scans_from_the_rendered_page(tmp_path: Path) -> None:
    needs_font()
    code = make_code("proof_personal", "n", "h")
    for page in ("A4", "A5"):
        pdf = render_pdf(d.proof_of_insurance_personal(OFFICE, CONTENT, code, WHEN), page=page)
        (scanned,) = scan_pdf(pdf, tmp_path, page)
        assert scanned == f"COUNTER-VERIFY:{code}" and parse_code(scanned) == code
