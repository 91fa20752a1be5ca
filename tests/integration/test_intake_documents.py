"""The intake documents read back as a customer's or a teller's device reads them.

一次性告知书, 受理回执 and 办结单 are rendered to an A4 PDF (read with ``pdftotext``) and to
80 mm / 58 mm ESC/POS jobs (walked by the decoder of ``tests/readback.py``); their QR codes are
read by ``zbarimg`` from the PDF page and from the raster receipt. The expected facts are
written out here as a customer would read them, not taken from the templates.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from readback import (
    decode_escpos,
    needs_poppler,
    pdf_pages_png,
    pdftotext,
    scan_image,
    scan_pdf,
)
from standards import gb11643_id, gb32100_code

from counter_app.client.workstation import Workstation
from counter_app.domain.cases import ReviewLevel
from counter_app.domain.errors import PermissionDenied, ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.workdays import Deadline
from counter_app.printing.documents import Office
from counter_app.printing.escpos_render import EscposOptions, render_escpos
from counter_app.printing.fonts import find_font_chain
from counter_app.printing.intake_documents import (
    AcceptanceReceipt,
    Customer,
    IntakeItem,
    KeyFigure,
    MaterialForm,
    MaterialLine,
    MissingMaterialsNotice,
    ResultSlip,
)
from counter_app.printing.layout import Doc
from counter_app.printing.pdf import render_pdf
from counter_app.printing.verification import parse_code
from counter_app.services.document_printing import (
    DocumentPrinter,
    intake_doc,
    print_acceptance_receipt,
    print_missing_materials_notice,
    print_result_slip,
)

OFFICE = Office("示范区社会保险经办服务大厅", 3, "王柜员")
WHEN = dt.datetime(2026, 11, 24, 9, 30)
# A resident ID number with the check character GB 11643 gives it; printed, only its first
# six and last four characters may show.
ID_NUMBER = gb11643_id("11010519900101002")
MASKED = f"110105********002{ID_NUMBER[-1]}"
CREDIT_CODE = gb32100_code("91350100", "M000100Y")  # GB 32100 check character computed
PERSON = Customer.person("张三", IdNumber.parse(ID_NUMBER))
ENROLMENT = IntakeItem("002014003001", "缴费人员增减申报")
RETIREMENT = IntakeItem("002014005001", "职工正常退休(职)申请")
FUNERAL = IntakeItem("002014006008", "丧葬补助金、抚恤金申领")
CASE_NO = "HALL01-20261124-00012"
RARE = ("𠮷", "䶮")  # U+20BB7 (CJK extension B) and U+4DAE (extension A)
# Punctuation a Chinese line never begins with.
NO_LINE_START = "，。、；：？！）」』”》"


def begins_with_closing_punctuation(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip() and line.strip()[0] in NO_LINE_START]


def compact(text: str) -> str:
    """``text`` without any white space: a wrapped line reads as one."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def needs_fonts(*chars: str) -> None:
    chain = find_font_chain()
    if not chain.fonts:
        pytest.skip("no CJK TrueType font installed (fonts-wqy-microhei)")
    if any(chain.font_for(c) is None for c in chars):
        pytest.skip("no installed font covers the CJK extension characters (fonts-hanazono)")


def pdf_text(doc: Doc, folder: Path) -> str:
    # -layout keeps a label and its value on one line, as the page shows them.
    return pdftotext(render_pdf(doc, page="A4"), folder, layout=True)


def escpos_lines(doc: Doc, paper_mm: int = 80) -> list[str]:
    options = EscposOptions(paper_mm=80 if paper_mm == 80 else 58)
    job = decode_escpos(render_escpos(doc, options).data)
    assert job.cuts == 1  # one document, one receipt
    return job.lines


def escpos_qr(doc: Doc) -> list[str]:
    return [
        data.decode("utf-8")
        for data in decode_escpos(render_escpos(doc, EscposOptions()).data).qr_data
    ]


def raster_qr(doc: Doc, folder: Path, paper_mm: int = 80) -> list[str]:
    options = EscposOptions(paper_mm=80 if paper_mm == 80 else 58, raster=True)
    job = decode_escpos(render_escpos(doc, options, find_font_chain()).data)
    return scan_image(job.raster_image(), folder, f"raster-{paper_mm}")


def cells(line: str) -> int:
    """A line's width on a thermal printer's font A: wide characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


# ------------------------------------------------------------------ 一次性告知书

MISSING = (
    MaterialLine("居民身份证", MaterialForm.ORIGINAL, 1, "须在有效期内"),
    MaterialLine("劳动合同", MaterialForm.COPY, 2),
    MaterialLine("户口簿", MaterialForm.ORIGINAL_AND_COPY, 1, "户主页及本人页"),
    MaterialLine("参加社会保险人员基本情况表", MaterialForm.ELECTRONIC, 1),
)
# How each is printed: name, form and count, as a customer reads them.
MISSING_PRINTED = (
    "居民身份证：原件 1 份（须在有效期内）",
    "劳动合同：复印件 2 份",
    "户口簿：原件及复印件各 1 份（户主页及本人页）",
    "参加社会保险人员基本情况表：电子件 1 份",
)


def notice(**changes: Any) -> MissingMaterialsNotice:
    fields: dict[str, Any] = {
        "office": OFFICE,
        "issued_at": WHEN,
        "customer": PERSON,
        "item": ENROLMENT,
        "missing": MISSING,
        "optional": (MaterialLine("港澳台居民居住证", MaterialForm.parse("原件")),),
        "notice_no": "GZ-20261124-0007",
        "return_by": Deadline(dt.date(2026, 12, 8), provisional=False),
        "legal_basis": "《中华人民共和国社会保险法》第五十八条",
        "hall_contact": "0571-12333",
    }
    fields.update(changes)
    return MissingMaterialsNotice(**fields)


def assert_notice_facts(text: str) -> None:
    flat = compact(text)
    assert "一次性告知书" in flat and "示范区社会保险经办服务大厅" in flat
    for printed in MISSING_PRINTED:
        assert compact(printed) in flat, printed
    assert "需补齐的材料（共4项）" in flat
    assert compact("港澳台居民居住证：原件 1 份") in flat  # the optional one
    assert "缴费人员增减申报" in flat and "002014003001" in flat
    assert "张三" in flat and MASKED in flat and ID_NUMBER not in flat
    assert "告知书编号：GZ-20261124-0007" in flat
    assert "告知日期：2026-11-24" in flat
    assert "补齐期限：2026年12月08日前" in flat and "暂按" not in flat
    assert "《中华人民共和国社会保险法》第五十八条" in flat
    assert "3号窗口" in flat and "王柜员" in flat and "0571-12333" in flat


def test_the_notice_pdf_lists_every_missing_material_with_its_form_and_count(
    tmp_path: Path,
) -> None:
    needs_fonts()
    assert_notice_facts(pdf_text(notice().to_doc(), tmp_path))


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_the_notice_receipt_lists_the_same_facts_within_the_paper(paper_mm: int) -> None:
    lines = escpos_lines(notice().to_doc(), paper_mm)
    assert_notice_facts("\n".join(lines))
    columns = 48 if paper_mm == 80 else 32  # font A on 80 mm and 58 mm paper
    assert max(cells(line) for line in lines) <= columns
    assert begins_with_closing_punctuation(lines) == []


def test_the_notice_qr_carries_its_number_or_its_case(tmp_path: Path) -> None:
    needs_fonts()
    needs_poppler()
    by_notice = notice().to_doc()
    assert scan_pdf(render_pdf(by_notice), tmp_path, "notice") == [
        "COUNTER-NOTICE:GZ-20261124-0007"
    ]
    assert escpos_qr(by_notice) == ["COUNTER-NOTICE:GZ-20261124-0007"]
    assert raster_qr(by_notice, tmp_path) == ["COUNTER-NOTICE:GZ-20261124-0007"]
    # Accepted with materials to follow (容缺受理): the case number, which the panel reads.
    by_case = notice(case_no=CASE_NO).to_doc()
    assert scan_pdf(render_pdf(by_case), tmp_path, "case") == [f"COUNTER-CASE:{CASE_NO}"]
    assert "受理编号：" + CASE_NO in compact(by_case.plain_text())
    # Neither: no code to scan, and nothing pretends to be one.
    bare = notice(notice_no=None, return_by=None, legal_basis="", hall_contact="").to_doc()
    assert scan_pdf(render_pdf(bare), tmp_path, "bare") == []
    assert escpos_qr(bare) == []
    assert "补齐期限" not in bare.plain_text() and "咨询电话" not in bare.plain_text()


def test_a_notice_qr_is_not_taken_for_a_certificate_code() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_code("COUNTER-NOTICE:GZ-20261124-0007")
    assert caught.value.code == "format"


def test_a_provisional_return_date_says_so(tmp_path: Path) -> None:
    needs_fonts()
    doc = notice(return_by=Deadline(dt.date(2028, 1, 5), provisional=True)).to_doc()
    flat = compact(pdf_text(doc, tmp_path))
    assert "补齐期限：2028年01月05日前（暂按法定节假日推算，以国务院公布的放假安排为准）" in flat


def test_an_employer_is_named_with_its_credit_code(tmp_path: Path) -> None:
    needs_fonts()
    employer = Customer.employer("示范科技有限公司", CREDIT_CODE)
    flat = compact(pdf_text(notice(customer=employer).to_doc(), tmp_path))
    assert "单位名称：示范科技有限公司" in flat
    assert f"统一社会信用代码：{CREDIT_CODE}" in flat
    assert "证件号码" not in flat


def long_name(n: int) -> str:
    return (
        f"第{n}项 {RARE[n % 2]}氏宗亲{RARE[(n + 1) % 2]}关系证明材料"
        "（由户籍所在地村（居）民委员会出具并加盖公章）"
    )


# A long notice: twenty materials, rare characters, names and notes longer than a line.
LONG = tuple(
    MaterialLine(
        long_name(n),
        (MaterialForm.ORIGINAL, MaterialForm.COPY, MaterialForm.ORIGINAL_AND_COPY)[n % 3],
        n % 4 + 1,
        "须与原件核对一致，复印件请使用A4纸，一式两份" if n % 2 else "",
    )
    for n in range(1, 21)
)
LONG_FORMS = {1: "复印件", 2: "原件及复印件", 0: "原件"}


def long_printed(n: int) -> str:
    """Material ``n`` of ``LONG`` as printed, spelled out independently of the template."""
    name = long_name(n)
    each = "各" if n % 3 == 2 else ""
    note = "（须与原件核对一致，复印件请使用A4纸，一式两份）" if n % 2 else ""
    return compact(f"{name}：{LONG_FORMS[n % 3]}{each} {n % 4 + 1} 份{note}")


# Office printers leave a border of about 4-5 mm unprinted: a word there would be cut off.
PRINTABLE_INSET = 5 * 72 / 25.4  # 5 mm in PDF points


def words_outside_their_page(pdf: bytes, folder: Path) -> list[str]:
    """Every word ``pdftotext -bbox`` places (even partly) outside its page's printable area."""
    needs_poppler()
    source = folder / "bbox.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(source), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    outside, seen = [], 0
    for page in re.split(r"<page ", html)[1:]:
        width, height = (float(v) for v in re.findall(r'(?:width|height)="([\d.]+)"', page)[:2])
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
            page,
        ):
            inside = (
                min(float(x0), float(y0)) >= PRINTABLE_INSET
                and float(x1) <= width - PRINTABLE_INSET
                and float(y1) <= height - PRINTABLE_INSET
            )
            if not inside:
                outside.append(word)
            seen += 1
    assert seen > 0, "pdftotext -bbox placed no word: the check would prove nothing"
    return outside


def test_a_long_notice_breaks_its_page_and_loses_nothing(tmp_path: Path) -> None:
    needs_fonts(*RARE)
    needs_poppler()
    pdf = render_pdf(notice(missing=LONG).to_doc(), page="A4")
    pages = pdf_pages_png(pdf, tmp_path, "long")
    assert len(pages) >= 2  # the list goes on to the next page
    text = pdftotext(pdf, tmp_path, layout=True)
    flat = compact(text)
    for n in range(1, 21):
        assert long_printed(n) in flat, n
    assert flat.count("𠮷") == 20 and flat.count("䶮") == 20  # each name has both
    assert "需补齐的材料（共20项）" in flat and "打印时间：2026-11-24" in flat
    assert [page.count("页") for page in text.split("\f") if page.strip()] == [2] * len(pages)
    assert "第1页共2页" in flat and "第2页共2页" in flat  # the customer knows a page follows
    assert words_outside_their_page(pdf, tmp_path) == []
    # The wrapped lines break where Chinese lines break, and the QR code still scans.
    assert begins_with_closing_punctuation(text.splitlines()) == []
    assert scan_pdf(pdf, tmp_path, "long-qr") == ["COUNTER-NOTICE:GZ-20261124-0007"]


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_a_long_notice_wraps_on_the_receipt_and_loses_nothing(
    paper_mm: int, tmp_path: Path
) -> None:
    lines = escpos_lines(notice(missing=LONG).to_doc(), paper_mm)  # GB 18030 has 𠮷 and 䶮
    flat = compact("\n".join(lines))
    for n in range(1, 21):
        assert long_printed(n) in flat, n
    columns = 48 if paper_mm == 80 else 32
    assert max(cells(line) for line in lines) <= columns
    assert begins_with_closing_punctuation(lines) == []
    needs_fonts(*RARE)
    needs_poppler()
    assert raster_qr(notice(missing=LONG).to_doc(), tmp_path, paper_mm) == [
        "COUNTER-NOTICE:GZ-20261124-0007"
    ]


def test_a_word_longer_than_the_line_is_split_within_the_paper(tmp_path: Path) -> None:
    code = "ZJ" + "0123456789" * 7  # a reference longer than any receipt line
    doc = notice(missing=(MaterialLine("电子证照", MaterialForm.ELECTRONIC, 1, code),)).to_doc()
    for paper_mm, columns in ((80, 48), (58, 32)):
        lines = escpos_lines(doc, paper_mm)
        assert max(cells(line) for line in lines) <= columns
        assert compact(f"电子证照：电子件 1 份（{code}）") in compact("\n".join(lines))
    needs_fonts()
    pdf = render_pdf(doc)
    assert words_outside_their_page(pdf, tmp_path) == []
    assert code in compact(pdftotext(pdf, tmp_path, layout=True))


# ------------------------------------------------------------------ 受理回执


def receipt(**changes: Any) -> AcceptanceReceipt:
    fields: dict[str, Any] = {
        "office": OFFICE,
        "case_no": CASE_NO,
        "items": (RETIREMENT, FUNERAL),
        "customer": PERSON,
        "received": (
            MaterialLine("居民身份证", MaterialForm.ORIGINAL),
            MaterialLine("死亡证明", MaterialForm.COPY, 2),
        ),
        "accepted_at": WHEN,
        "promised_by": Deadline(dt.date(2026, 12, 15), provisional=False),
        "review_level": ReviewLevel.L3,
        "bundle_name": "退休“一件事”",
    }
    fields.update(changes)
    return AcceptanceReceipt(**fields)


def assert_receipt_facts(text: str) -> None:
    flat = compact(text)
    assert flat.count("受理回执") == 1  # one receipt for the whole bundle
    assert "受理编号：" + CASE_NO in flat
    assert "一件事一次办：退休“一件事”" in flat and "办理事项（共2项）" in flat
    assert compact("1. 职工正常退休(职)申请（事项编码：002014005001）") in flat
    assert compact("2. 丧葬补助金、抚恤金申领（事项编码：002014006008）") in flat
    assert "张三" in flat and MASKED in flat and ID_NUMBER not in flat
    assert "受理时间：2026-11-2409:30" in flat
    assert "办理方式：审批" in flat
    assert "承诺办结：2026年12月15日前" in flat and "暂按" not in flat
    assert "已收材料（共2项）" in flat
    assert compact("居民身份证：原件 1 份") in flat and compact("死亡证明：复印件 2 份") in flat
    assert "3号窗口" in flat and "王柜员" in flat


def test_a_bundle_receipt_pdf_names_both_items_on_one_page(tmp_path: Path) -> None:
    needs_fonts()
    needs_poppler()
    pdf = render_pdf(receipt().to_doc())
    assert len(pdf_pages_png(pdf, tmp_path, "receipt", dpi=60)) == 1
    assert_receipt_facts(pdftotext(pdf, tmp_path, layout=True))
    assert "第1页" not in compact(pdftotext(pdf, tmp_path))  # one page needs no number
    assert scan_pdf(pdf, tmp_path) == [f"COUNTER-CASE:{CASE_NO}"]


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_a_bundle_receipt_prints_both_items_on_one_slip(paper_mm: int) -> None:
    lines = escpos_lines(receipt().to_doc(), paper_mm)
    assert_receipt_facts("\n".join(lines))
    assert max(cells(line) for line in lines) <= (48 if paper_mm == 80 else 32)
    # A case number or item code is never split over two lines.
    assert any(CASE_NO in line for line in lines)
    assert any("002014005001" in line for line in lines)
    assert any("002014006008" in line for line in lines)


def test_the_receipt_qr_holds_the_case_number_in_every_output(tmp_path: Path) -> None:
    needs_fonts()
    doc = receipt().to_doc()
    assert escpos_qr(doc) == [f"COUNTER-CASE:{CASE_NO}"]
    assert raster_qr(doc, tmp_path) == [f"COUNTER-CASE:{CASE_NO}"]
    assert raster_qr(doc, tmp_path, 58) == [f"COUNTER-CASE:{CASE_NO}"]


def test_a_provisional_promise_says_so_and_a_single_item_has_no_bundle(tmp_path: Path) -> None:
    needs_fonts()
    doc = receipt(
        items=(ENROLMENT,),
        bundle_name="",
        promised_by=Deadline(dt.date(2028, 1, 5), provisional=True),
        review_level=ReviewLevel.L2,
    ).to_doc()
    for text in (pdf_text(doc, tmp_path), "\n".join(escpos_lines(doc))):
        flat = compact(text)
        assert (
            "承诺办结：2028年01月05日前（暂按法定节假日推算，以国务院公布的放假安排为准）" in flat
        )
        assert "办理事项：缴费人员增减申报" in flat and "事项编码：002014003001" in flat
        assert "办理方式：复核" in flat and "一件事一次办" not in flat


def test_an_item_done_on_the_spot_reads_as_such(tmp_path: Path) -> None:
    needs_fonts()
    doc = receipt(items=(ENROLMENT,), bundle_name="", promised_by=None, received=(),
                  review_level=ReviewLevel.L1).to_doc()  # fmt: skip
    flat = compact(pdf_text(doc, tmp_path))
    assert "办理方式：即办" in flat
    assert "承诺办结" not in flat and "已收材料" not in flat


# ------------------------------------------------------------------ 办结单


def slip() -> ResultSlip:
    # A back-payment worked out at the window: 12 months on a base of 4,000.00 yuan at the
    # 16 % employer pension rate (an illustration: 4000 × 0.16 × 12 = 7,680.00), and a late fee
    # of 0.05 % a day (社会保险法 art. 86) on 7,680.00 for 30 days = 115.20.
    principal = Decimal("4000.00") * Decimal("0.16") * 12
    late_fee = principal * Decimal("0.0005") * 30
    return ResultSlip(
        office=OFFICE,
        case_no="HALL01-20261124-00013",
        item=IntakeItem("", "社会保险费补缴申报"),
        customer=Customer.employer("示范科技有限公司", CREDIT_CODE),
        finished_at=dt.datetime(2026, 11, 24, 9, 42),
        figures=(
            KeyFigure("补缴本金", principal),
            KeyFigure("滞纳金", late_fee),
            KeyFigure("合计", principal + late_fee),
            KeyFigure("补缴月数", 12, "个月"),
        ),
        result="补缴核定完成",
    )


def assert_slip_facts(text: str) -> None:
    flat = compact(text)
    assert "办结单" in flat and "受理编号：HALL01-20261124-00013" in flat
    assert "办理事项：社会保险费补缴申报" in flat and "事项编码" not in flat
    assert "单位名称：示范科技有限公司" in flat
    assert "办结时间：2026-11-2409:42" in flat and "办理结果：补缴核定完成" in flat
    assert "补缴本金：¥7,680.00" in flat
    assert "滞纳金：¥115.20" in flat
    assert "合计：¥7,795.20" in flat
    assert "补缴月数：12个月" in flat
    assert "经办人：王柜员" in flat


def test_the_result_slip_reads_back_from_pdf_and_receipt(tmp_path: Path) -> None:
    needs_fonts()
    assert_slip_facts(pdf_text(slip().to_doc(), tmp_path))
    assert_slip_facts("\n".join(escpos_lines(slip().to_doc())))
    assert_slip_facts("\n".join(escpos_lines(slip().to_doc(), 58)))


def test_amounts_are_printed_to_the_fen_rounding_half_up() -> None:
    # 0.125 yuan is 12.5 fen: half up gives 0.13 (the rounding of money.py, as receipts show).
    figure = KeyFigure("退费金额", Decimal("1234.125"))
    assert figure.value_text == "¥1,234.13"
    with pytest.raises(TypeError):
        KeyFigure("金额", 1.5)  # type: ignore[arg-type]


# ------------------------------------------------------------------ the data


def test_the_documents_refuse_what_cannot_be_printed() -> None:
    with pytest.raises(ValueError):
        notice(missing=())
    with pytest.raises(ValueError):
        receipt(items=())
    with pytest.raises(ValueError):
        receipt(case_no=" ")
    with pytest.raises(ValueError):
        MaterialLine("居民身份证", MaterialForm.ORIGINAL, 0)
    with pytest.raises(ValueError):
        MaterialLine("居民身份证", "扫描件")  # type: ignore[arg-type]
    assert MaterialLine("户口簿", "原件及复印件").form is MaterialForm.ORIGINAL_AND_COPY  # type: ignore[arg-type]
    # An ID number handed over whole is masked all the same.
    assert Customer("李四", id_masked=ID_NUMBER).id_masked == MASKED
    # Lists are stored as tuples: the frozen document cannot change under the printer.
    listed = notice(missing=list(MISSING))
    assert isinstance(listed.missing, tuple) and listed.missing == MISSING


# ------------------------------------------------------------------ the print job path


@pytest.fixture
def ws(make_workstation: Any, tmp_path: Path) -> Workstation:
    ws: Workstation = make_workstation("WS-I")
    assert ws.sync_once().online
    ws.config.printers = [
        {"name": "receipt", "connection": "file", "path": str(tmp_path / "receipt.bin"),
         "paper_mm": 80},
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")},
    ]  # fmt: skip
    return ws


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_the_documents_print_and_are_logged_through_the_print_job_path(
    ws: Workstation, tmp_path: Path
) -> None:
    printer = DocumentPrinter(ws)
    job = print_acceptance_receipt(printer, receipt(), "receipt")
    assert (job.status, job.document_kind, job.reference) == (
        "printed",
        "acceptance_receipt",
        CASE_NO,
    )
    assert_receipt_facts("\n".join(decode_escpos((tmp_path / "receipt.bin").read_bytes()).lines))

    job = print_missing_materials_notice(printer, notice(), "a4")
    assert (job.document_kind, job.reference) == ("one_time_notice", "GZ-20261124-0007")
    (written,) = (tmp_path / "pdf").glob("a4-*.pdf")
    assert written.read_bytes() == job.data
    assert_notice_facts(pdftotext(job.data, tmp_path, layout=True))

    job = print_result_slip(printer, slip(), "receipt")
    assert (job.document_kind, job.reference) == ("result_slip", "HALL01-20261124-00013")
    assert_slip_facts("\n".join(decode_escpos(job.data).lines))

    # A reprint carries 补打 and needs a supervisor, as every reprint does.
    with pytest.raises(PermissionDenied):
        print_acceptance_receipt(printer, receipt(), "receipt", reprint=True)
    again = print_acceptance_receipt(
        printer, receipt(), "receipt", reprint=True, authorized_by="boss"
    )
    assert again.is_reprint and again.authorized_by == "boss"
    assert "【补打】" in decode_escpos(again.data).lines
    assert [j.reference for j in printer.store.recent()] == [
        CASE_NO, "HALL01-20261124-00013", "GZ-20261124-0007", CASE_NO,
    ]  # fmt: skip

    # What the preview takes: the document and the reference its job is logged with.
    doc, reference = intake_doc(notice(case_no=CASE_NO))
    assert (doc.kind, reference) == ("one_time_notice", CASE_NO)
