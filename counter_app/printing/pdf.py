"""Render a ``Doc`` to PDF (A4 or A5) with reportlab, embedding TrueType CJK fonts.

Every character is drawn with the first font of the chain that has it, so rare characters
(𠮷, 䶮, 𡒄) come out right when any installed font covers them. Bold is real in the PDF:
the glyphs are filled and stroked (text render mode 2), since CJK fonts rarely ship a bold
face. With no TrueType CJK font at all, the built-in CID font STSong-Light is used (not
embedded: the reader must supply it) and a warning is logged.

Search and copy need each glyph's Unicode text, which the font's ToUnicode CMap gives.
reportlab writes the code point there as plain hex (``<20BB7>``), but a CMap's destination is
UTF-16BE, so characters beyond the Basic Multilingual Plane (𠮷, 𡒄) must be written as a
surrogate pair (``<D842DFB7>``); ``CmapFixedTTFont`` rewrites those entries.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing.fonts import FontChain, find_font_chain
from counter_app.printing.layout import Doc, KeyValue, QrCode, Rule, Spacer, Text, break_line

log = logging.getLogger(__name__)
_CMAP_PREFIX = "toUnicodeCMap:"  # the names reportlab gives the ToUnicode streams
_WIDE_ENTRY = re.compile(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{5,6})>")
CID_FALLBACK = "STSong-Light"
PAGES = {"A4": A4, "A5": A5}
KEEP_TOGETHER_LINES = 6  # a wrapped block of up to this many lines is not split by a page


def utf16_hex(code_point: int) -> str:
    """``code_point`` as the UTF-16BE hex string a ToUnicode CMap destination wants."""
    return chr(code_point).encode("utf-16-be").hex().upper()


def fix_to_unicode_cmap(cmap: str) -> str:
    """Rewrite ``bfchar`` entries whose destination is a bare code point above U+FFFF."""
    return _WIDE_ENTRY.sub(lambda m: f"<{m[1]}> <{utf16_hex(int(m[2], 16))}>", cmap)


class CmapFixedTTFont(TTFont):  # type: ignore[misc]  # reportlab ships no types
    """A reportlab ``TTFont`` whose ToUnicode CMaps map supplementary-plane characters right."""

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        for name, obj in doc.idToObject.items():
            if str(name).startswith(_CMAP_PREFIX) and isinstance(
                getattr(obj, "content", None), str
            ):
                obj.content = fix_to_unicode_cmap(obj.content)


@dataclass
class PdfFonts:
    names: list[str]
    chain: FontChain | None

    def runs(self, text: str) -> list[tuple[str, str]]:
        if self.chain is None:
            return [(self.names[0], text)]
        return [
            (self.names[position if position is not None else 0], run)
            for position, run in self.chain.runs(text)
        ]


def register_fonts(chain: FontChain | None = None) -> PdfFonts:
    chain = chain if chain is not None else find_font_chain()
    names = []
    for position, font in enumerate(chain.fonts):
        name = f"CounterCJK{position}-{font.path.stem}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(CmapFixedTTFont(name, str(font.path), subfontIndex=font.index))
        names.append(name)
    if names:
        return PdfFonts(names, chain)
    log.warning("no TrueType CJK font found; using the non-embedded CID font %s", CID_FALLBACK)
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return PdfFonts([CID_FALLBACK], None)


class _Writer:
    def __init__(
        self, canvas: Canvas, fonts: PdfFonts, page: tuple[float, float], total_pages: int = 1
    ) -> None:
        self.c = canvas
        self.fonts = fonts
        self.width, self.height = page
        self.margin = 20 * mm if page == A4 else 14 * mm
        self.y = self.height - self.margin
        self.page = 1
        self.total_pages = total_pages

    @property
    def usable(self) -> float:
        return float(self.width - 2 * self.margin)

    def width_of(self, text: str, size: float) -> float:
        return float(
            sum(pdfmetrics.stringWidth(run, name, size) for name, run in self.fonts.runs(text))
        )

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        lines, current = [], ""
        for char in text:
            if current and self.width_of(current + char, size) > width:
                line, current = break_line(current, char, lambda t: self.width_of(t, size) <= width)
                lines.append(line)
            current += char
        return [*lines, current] if current or not lines else lines

    def need(self, height: float) -> None:
        if self.y - height < self.margin:
            self.end_page()
            self.y = self.height - self.margin

    def end_page(self) -> None:
        """Finish the page; in a document of several pages, number it (第 1 页 共 2 页)."""
        if self.total_pages > 1:
            text = f"第 {self.page} 页 共 {self.total_pages} 页"
            size = 9.0
            saved, self.y = self.y, self.margin / 2
            self.line(text, size, (self.width - self.width_of(text, size)) / 2)
            self.y = saved
        self.c.showPage()
        self.page += 1

    def keep_together(self, lines: int, size: float) -> None:
        """Start a new page now unless a few wrapped lines (a list entry, a short paragraph)
        all fit on this one: a long text still breaks anywhere."""
        if 1 < lines <= KEEP_TOGETHER_LINES:
            self.need(size * 1.5 * (lines - 1) + size * 1.6)

    def line(self, text: str, size: float, x: float, bold: bool = False) -> None:
        # The render mode is graphics state in PDF, so a bold line is wrapped in q … Q.
        self.c.saveState()
        obj = self.c.beginText(x, self.y)
        if bold:
            obj.setTextRenderMode(2)  # fill and stroke: a real, visible bold
            self.c.setLineWidth(size * 0.04)
        for name, run in self.fonts.runs(text):
            obj.setFont(name, size)
            obj.textOut(run)
        self.c.drawText(obj)
        self.c.restoreState()

    def text(self, block: Text) -> None:
        size = 18.0 if block.size == 2 else 11.0
        if block.marker and block.align == "left":
            # A list entry: the marker, then the text wrapped in the column beside it.
            hang = self.width_of(block.marker, size)
            parts = self.wrap(block.text, size, self.usable - hang)
            self.keep_together(len(parts), size)
            for index, part in enumerate(parts):
                self.need(size * 1.6)
                self.y -= size * 1.5
                if index == 0:
                    self.line(block.marker, size, self.margin, bold=block.bold)
                self.line(part, size, self.margin + hang, bold=block.bold)
            return
        parts = self.wrap(block.marker + block.text, size, self.usable)
        self.keep_together(len(parts), size)
        for part in parts:
            self.need(size * 1.6)
            self.y -= size * 1.5
            width = self.width_of(part, size)
            x = {
                "left": self.margin,
                "center": (self.width - width) / 2,
                "right": self.width - self.margin - width,
            }[block.align]
            self.line(part, size, x, bold=block.bold)

    def key_value(self, block: KeyValue) -> None:
        size = 11.0
        key_width = max(self.width_of(block.key, size), 30 * mm)
        parts = self.wrap(block.value, size, self.usable - key_width) or [""]
        self.keep_together(len(parts), size)
        for index, part in enumerate(parts):
            self.need(size * 1.6)
            self.y -= size * 1.5
            if index == 0:
                self.line(block.key, size, self.margin, bold=True)
            self.line(part, size, self.margin + key_width)

    def rule(self) -> None:
        self.need(10)
        self.y -= 7
        self.c.setLineWidth(0.6)
        self.c.line(self.margin, self.y, self.width - self.margin, self.y)
        self.y -= 3

    def qr(self, block: QrCode) -> None:
        side = 32 * mm
        self.need(side + 20)
        widget = QrCodeWidget(block.data)
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        self.y -= side + 4
        renderPDF.draw(drawing, self.c, (self.width - side) / 2, self.y)
        if block.caption:
            self.text(Text(block.caption, align="center"))


def render_pdf(
    doc: Doc, *, page: str = "A4", fonts: PdfFonts | None = None, compress: bool = True
) -> bytes:
    """The PDF bytes of ``doc`` on A4 or A5 pages; several pages are numbered."""
    fonts = fonts or register_fonts()
    data, pages = _render_pdf(doc, PAGES[page], fonts, compress, total_pages=1)
    if pages > 1:  # laid out again, now that the number of pages is known
        data, _ = _render_pdf(doc, PAGES[page], fonts, compress, total_pages=pages)
    return data


def _render_pdf(
    doc: Doc, size: tuple[float, float], fonts: PdfFonts, compress: bool, total_pages: int
) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, pageCompression=1 if compress else 0)
    canvas.setTitle(doc.title + ("（补打）" if doc.reprint else ""))
    canvas.setCreator("counter-app")
    writer = _Writer(canvas, fonts, size, total_pages)
    if doc.reprint:
        writer.text(Text("补打", align="right", bold=True))
    for block in doc.blocks:
        if isinstance(block, Text):
            writer.text(block)
        elif isinstance(block, KeyValue):
            writer.key_value(block)
        elif isinstance(block, Rule):
            writer.rule()
        elif isinstance(block, QrCode):
            writer.qr(block)
        elif isinstance(block, Spacer):
            writer.y -= 11 * block.lines
    writer.end_page()
    canvas.save()
    return buffer.getvalue(), writer.page - 1
