"""Render a ``Doc`` to ESC/POS bytes for 58 mm and 80 mm thermal printers.

Text mode sends the text in the printer's configured encoding, explicitly: ``ESC @`` starts
every job, ``FS &`` selects the Chinese character mode when the printer wants it (``FS .``
cancels it otherwise), and characters the encoding cannot carry are replaced by a visible
``?`` and logged — text mode never crashes on a rare name. Raster mode draws the whole receipt
as an image with the CJK font chain, for printers without Chinese fonts and for names outside
the printer's character set. python-escpos assembles the commands (alignment, emphasis,
QR codes, cut) on a ``Dummy`` printer, whose bytes are the job.

Character size is set with ``GS ! n`` (bits 4-7: width multiplier - 1, bits 0-3: height
multiplier - 1), which applies to every character, Chinese included. python-escpos's
``set(double_width=..., double_height=...)`` sends ``ESC ! n`` instead, which strict
Epson-compatible printers apply to alphanumeric characters only: a Chinese title would print
at normal size beside double-size digits.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from typing import Literal, cast

import qrcode
from escpos.printer import Dummy
from PIL import Image, ImageDraw, ImageFont

from counter_app.printing.fonts import FontChain, find_font_chain
from counter_app.printing.layout import Doc, KeyValue, QrCode, Rule, Spacer, Text, break_line

log = logging.getLogger(__name__)

ESC_INIT = b"\x1b@"
FS_CHINESE_ON = b"\x1c&"
FS_CHINESE_OFF = b"\x1c."
GS_SIZE = b"\x1d!"  # GS ! n: character size for all characters (alphanumeric and Kanji)
SIZE_NORMAL = 0x00
SIZE_DOUBLE = 0x11  # double width (bit 4) and double height (bit 0)
Encoding = Literal["gb18030", "gbk", "utf-8"]
COLUMNS = {58: 32, 80: 48}  # font A, in single-width (ASCII) cells
DOTS = {58: 384, 80: 576}  # printable width at 203 dpi


@dataclass
class EscposOptions:
    paper_mm: Literal[58, 80] = 80
    encoding: Encoding = "gb18030"
    chinese_mode: bool = True
    raster: bool = False


@dataclass
class EscposJob:
    data: bytes
    replaced: list[str] = field(default_factory=list)  # characters printed as "?"


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def wrap_cells(text: str, columns: int) -> list[str]:
    lines, current, width = [], "", 0
    for char in text:
        w = cell_width(char)
        if current and width + w > columns:
            line, current = break_line(current, char, lambda t: cell_width(t) <= columns)
            lines.append(line)
            width = cell_width(current)
        current += char
        width += w
    return [*lines, current] if current or not lines else lines


def wrap_marked(marker: str, text: str, columns: int) -> list[str]:
    """``marker`` + ``text`` in lines of ``columns`` cells, wrapped lines indented by the
    marker's width (a hanging list number)."""
    hang = cell_width(marker)
    if not marker or hang * 2 > columns:
        return wrap_cells(marker + text, columns)
    parts = wrap_cells(text, columns - hang)
    return [marker + parts[0], *(" " * hang + part for part in parts[1:])]


class _TextRenderer:
    def __init__(self, options: EscposOptions) -> None:
        self.options = options
        self.printer = Dummy()
        self.columns = COLUMNS[options.paper_mm]
        self.replaced: list[str] = []
        self.size = SIZE_NORMAL  # ESC @ leaves the printer at normal size

    def set_size(self, n: int) -> None:
        if n != self.size:
            self.printer._raw(GS_SIZE + bytes([n]))
            self.size = n

    def encode(self, text: str) -> bytes:
        out = bytearray()
        for char in text:
            try:
                out += char.encode(self.options.encoding)
            except UnicodeEncodeError:
                self.replaced.append(char)
                out += b"?"
        return bytes(out)

    def raw_line(self, text: str) -> None:
        self.printer._raw(self.encode(text) + b"\n")

    def render(self, doc: Doc) -> EscposJob:
        p = self.printer
        p._raw(ESC_INIT)
        p._raw(FS_CHINESE_ON if self.options.chinese_mode else FS_CHINESE_OFF)
        if doc.reprint:
            p.set(align="right", bold=True)
            self.raw_line("【补打】")
        for block in doc.blocks:
            if isinstance(block, Text):
                big = block.size == 2
                p.set(align=block.align, bold=block.bold)
                self.set_size(SIZE_DOUBLE if big else SIZE_NORMAL)
                columns = self.columns // (2 if big else 1)
                lines = (
                    wrap_marked(block.marker, block.text, columns)
                    if block.align == "left"
                    else wrap_cells(block.marker + block.text, columns)
                )
                for line in lines:
                    self.raw_line(line)
            elif isinstance(block, KeyValue):
                p.set(align="left", bold=False)
                self.set_size(SIZE_NORMAL)
                for line in wrap_cells(block.key + block.value, self.columns):
                    self.raw_line(line)
            elif isinstance(block, Rule):
                p.set(align="left", bold=False)
                self.set_size(SIZE_NORMAL)
                self.raw_line("-" * self.columns)
            elif isinstance(block, QrCode):
                p.set(align="center")
                self.set_size(SIZE_NORMAL)
                p.qr(block.data, size=6, native=True)
                for line in wrap_cells(block.caption, self.columns) if block.caption else []:
                    self.raw_line(line)
            elif isinstance(block, Spacer):
                p._raw(b"\n" * block.lines)
        p.set(align="left", bold=False)
        self.set_size(SIZE_NORMAL)
        p.cut()
        if self.replaced:
            log.warning(
                "printer encoding %s cannot print %s; printed as '?' (use raster mode)",
                self.options.encoding,
                "".join(sorted(set(self.replaced))),
            )
        return EscposJob(p.output, self.replaced)


def render_raster_image(doc: Doc, paper_mm: Literal[58, 80], chain: FontChain) -> Image.Image:
    """The whole document drawn as a 1-bit image as wide as the paper's printable area."""
    width = DOTS[paper_mm]
    if not chain.fonts:
        raise RuntimeError("raster printing needs a CJK TrueType font (none was found)")
    fonts: dict[tuple[int, int], ImageFont.FreeTypeFont] = {}

    def font(position: int | None, size: int) -> ImageFont.FreeTypeFont:
        key = (position or 0, size)
        if key not in fonts:
            f = chain.fonts[key[0]]
            fonts[key] = ImageFont.truetype(str(f.path), size, index=f.index)
        return fonts[key]

    rows: list[tuple[str, object, int, bool, str]] = []  # kind, payload, size, bold, align
    if doc.reprint:
        rows.append(("text", "【补打】", 24, True, "right"))
    for block in doc.blocks:
        if isinstance(block, Text):
            size = 44 if block.size == 2 else 24
            if block.marker and block.align == "left":
                rows.append(("marked", (block.marker, block.text), size, block.bold, "left"))
            else:
                rows.append(("text", block.marker + block.text, size, block.bold, block.align))
        elif isinstance(block, KeyValue):
            rows.append(("text", block.key + block.value, 24, False, "left"))
        elif isinstance(block, Rule):
            rows.append(("rule", None, 12, False, "left"))
        elif isinstance(block, QrCode):
            rows.append(("qr", block.data, 0, False, "center"))
            if block.caption:
                rows.append(("text", block.caption, 22, False, "center"))
        elif isinstance(block, Spacer):
            rows.append(("space", None, 24 * block.lines, False, "left"))

    def measure(text: str, size: int) -> int:
        return int(sum(font(pos, size).getlength(run) for pos, run in chain.runs(text)))

    def wrap(text: str, size: int, room: int = width - 8) -> list[str]:
        lines, current = [], ""
        for char in text:
            if current and measure(current + char, size) > room:
                line, current = break_line(current, char, lambda t: measure(t, size) <= room)
                lines.append(line)
            current += char
        return [*lines, current] if current or not lines else lines

    qr_images = {}
    height = 8
    laid: list[tuple[str, object, int, bool, str]] = []  # a text's payload: (indent, line)
    for kind, payload, size, bold, align in rows:
        if kind == "text":
            for line in wrap(str(payload), size):
                laid.append(("text", (0, line), size, bold, align))
                height += int(size * 1.3)
        elif kind == "marked":
            marker, text = cast(tuple[str, str], payload)
            hang = measure(marker, size)
            lines = wrap(text, size, width - 8 - hang)
            laid.append(("text", (0, marker + lines[0]), size, bold, align))
            laid.extend(("text", (hang, line), size, bold, align) for line in lines[1:])
            height += int(size * 1.3) * len(lines)
        elif kind == "qr":
            image = qrcode.make(str(payload), box_size=5, border=1).get_image().convert("1")
            qr_images[str(payload)] = image
            laid.append((kind, payload, size, bold, align))
            height += image.height + 6
        else:
            laid.append((kind, payload, size, bold, align))
            height += size
    canvas = Image.new("1", (width, height + 8), 1)
    draw = ImageDraw.Draw(canvas)
    y = 8
    for kind, payload, size, bold, align in laid:
        if kind == "text":
            indent, text = cast(tuple[int, str], payload)
            w = measure(text, size)
            x = {"left": 4 + indent, "center": (width - w) // 2, "right": width - w - 4}[align]
            for pos, run in chain.runs(text):
                draw.text((x, y), run, font=font(pos, size), fill=0)
                if bold:  # a second pass one dot to the right: crisp bold on 1-bit paper
                    draw.text((x + 1, y), run, font=font(pos, size), fill=0)
                x += int(font(pos, size).getlength(run))
            y += int(size * 1.3)
        elif kind == "rule":
            draw.line((4, y + size // 2, width - 4, y + size // 2), fill=0, width=2)
            y += size
        elif kind == "qr":
            image = qr_images[str(payload)]
            canvas.paste(image, ((width - image.width) // 2, y))
            y += image.height + 6
        else:
            y += size
    return canvas


def render_escpos(doc: Doc, options: EscposOptions, chain: FontChain | None = None) -> EscposJob:
    """The ESC/POS bytes of ``doc`` for a printer configured by ``options``."""
    if not options.raster:
        return _TextRenderer(options).render(doc)
    image = render_raster_image(doc, options.paper_mm, chain or find_font_chain())
    printer = Dummy()
    printer._raw(ESC_INIT)
    printer.image(image, impl="bitImageRaster")
    printer.cut()
    return EscposJob(printer.output)
