"""Read printed documents back the way a customer's or a teller's device would.

Nothing here uses the application's own code: QR codes are read by ``zbarimg`` from a PNG (a
PDF page rendered by ``pdftoppm``, or a receipt image), PDF text comes from ``pdftotext``, and
ESC/POS jobs are walked by ``EscposDecoder``, written from the Epson ESC/POS command reference
and modelling what a strict Epson-compatible printer does with character sizes:

* ``ESC ! n`` (select print mode) sizes alphanumeric characters only: bit 4 double height,
  bit 5 double width, bit 3 emphasis.
* ``FS ! n`` (select print mode for Kanji) sizes Kanji only: bit 2 double width, bit 3
  double height.
* ``GS ! n`` (select character size) sizes all characters: bits 4-7 width multiplier - 1,
  bits 0-3 height multiplier - 1.
* For each character class the command received last is in effect; ``ESC @`` resets all.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from PIL import Image


def needs_zbarimg() -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (Debian package zbar-tools): cannot read QR codes")


def needs_poppler() -> None:
    for program in ("pdftoppm", "pdftotext"):
        if shutil.which(program) is None:
            pytest.skip(f"{program} is not installed (Debian package poppler-utils)")


def scan_png(path: Path) -> list[str]:
    """Every barcode ``zbarimg`` reads in the image at ``path`` (empty if none)."""
    needs_zbarimg()
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", str(path)], capture_output=True, timeout=60, check=False
    )
    if done.returncode not in (0, 4):  # 4: no symbol found
        raise RuntimeError(f"zbarimg failed on {path}: {done.stderr.decode(errors='replace')}")
    return [line for line in done.stdout.decode("utf-8").splitlines() if line]


def scan_image(image: Image.Image, folder: Path, name: str = "image") -> list[str]:
    path = folder / f"{name}.png"
    image.save(path)
    return scan_png(path)


def pdf_pages_png(pdf: bytes, folder: Path, name: str = "doc", dpi: int = 150) -> list[Path]:
    """Render every page of ``pdf`` with ``pdftoppm``; returns the PNG files in page order."""
    needs_poppler()
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(source), str(folder / name)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return sorted(folder.glob(f"{name}-*.png"))


def scan_pdf(pdf: bytes, folder: Path, name: str = "doc") -> list[str]:
    return [data for page in pdf_pages_png(pdf, folder, name) for data in scan_png(page)]


def pdftotext(pdf: bytes, folder: Path, *, layout: bool = False, name: str = "text") -> str:
    needs_poppler()
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(source), "-"]
    done = subprocess.run(args, check=True, capture_output=True, timeout=60)
    return done.stdout.decode("utf-8")


# ---------------------------------------------------------------- ESC/POS


@dataclass(frozen=True)
class PrintState:
    kanji_mode: bool = False  # FS & / FS .
    ascii_size: tuple[int, int] = (1, 1)  # (width, height) from the last ESC ! or GS !
    kanji_size: tuple[int, int] = (1, 1)  # (width, height) from the last FS ! or GS !
    gs_size: int = 0  # the last GS ! n
    emphasis: bool = False
    align: int = 0  # ESC a: 0 left, 1 centre, 2 right

    def size_of(self, char: str) -> tuple[int, int]:
        """The size a printer prints ``char`` at in this state."""
        if self.kanji_mode and ord(char) >= 0x80:
            return self.kanji_size
        return self.ascii_size


@dataclass(frozen=True)
class TextRun:
    text: str
    state: PrintState


@dataclass
class DecodedJob:
    items: list[tuple[str, object]] = field(default_factory=list)  # (kind, payload) in order
    lines: list[str] = field(default_factory=list)  # printed text lines
    runs: list[TextRun] = field(default_factory=list)
    qr_data: list[bytes] = field(default_factory=list)  # stored with GS ( k fn 80
    rasters: list[Image.Image] = field(default_factory=list)  # GS v 0 images
    cuts: int = 0
    final_state: PrintState = field(default_factory=PrintState)

    def runs_containing(self, text: str) -> list[TextRun]:
        return [run for run in self.runs if text in run.text]

    def raster_image(self) -> Image.Image:
        """All raster images of the job stacked as they come out of the printer."""
        width = max(image.width for image in self.rasters)
        height = sum(image.height for image in self.rasters)
        paper = Image.new("1", (width, height), 1)
        y = 0
        for image in self.rasters:
            paper.paste(image, (0, y))
            y += image.height
        return paper


ESC, FS, GS, LF = 0x1B, 0x1C, 0x1D, 0x0A
# Commands with a fixed number of parameter bytes, by (prefix, command byte).
_FIXED = {
    (ESC, ord("@")): 0,
    (ESC, ord("!")): 1,
    (ESC, ord("E")): 1,
    (ESC, ord("G")): 1,
    (ESC, ord("-")): 1,
    (ESC, ord("a")): 1,
    (ESC, ord("M")): 1,
    (ESC, ord("{")): 1,
    (ESC, ord("r")): 1,
    (ESC, ord("d")): 1,
    (ESC, ord("J")): 1,
    (ESC, ord("t")): 1,
    (ESC, ord("R")): 1,
    (ESC, ord("2")): 0,
    (ESC, ord("3")): 1,
    (GS, ord("!")): 1,
    (GS, ord("B")): 1,
    (GS, ord("b")): 1,
    (GS, ord("|")): 1,
    (GS, ord("L")): 2,
    (GS, ord("W")): 2,
    (FS, ord("&")): 0,
    (FS, ord(".")): 0,
    (FS, ord("!")): 1,
    (FS, ord("-")): 1,
}
_NAMES = {ESC: "ESC", FS: "FS", GS: "GS"}


def _gs_size(n: int) -> tuple[int, int]:
    return ((n >> 4) + 1, (n & 0x0F) + 1)


def decode_escpos(data: bytes, encoding: str = "gb18030") -> DecodedJob:
    """Walk an ESC/POS byte stream; unknown commands raise, so nothing passes unexamined."""
    job = DecodedJob()
    state = PrintState()
    pending = bytearray()
    line: list[str] = []
    i = 0

    def flush() -> None:
        if pending:
            text = bytes(pending).decode(encoding)
            run = TextRun(text, state)
            job.runs.append(run)
            job.items.append(("text", run))
            line.append(text)
            pending.clear()

    def end_line() -> None:
        flush()
        job.lines.append("".join(line))
        line.clear()

    while i < len(data):
        byte = data[i]
        if byte == LF:
            end_line()
            i += 1
            continue
        if byte not in (ESC, FS, GS):
            if byte < 0x20 and byte not in (0x09, 0x0D):
                raise ValueError(f"unexpected control byte 0x{byte:02X} at {i}")
            pending.append(byte)
            i += 1
            continue
        flush()
        command = data[i + 1]
        name = f"{_NAMES[byte]} {chr(command)}"
        key = (byte, command)
        if key in _FIXED:
            count = _FIXED[key]
            params = data[i + 2 : i + 2 + count]
            i += 2 + count
            job.items.append(("command", (name, bytes(params))))
            n = params[0] if params else 0
            if key == (ESC, ord("@")):
                state = PrintState()
            elif key == (ESC, ord("!")):
                state = replace(
                    state,
                    ascii_size=(2 if n & 0x20 else 1, 2 if n & 0x10 else 1),
                    emphasis=bool(n & 0x08),
                )
            elif key == (ESC, ord("E")):
                state = replace(state, emphasis=bool(n & 1))
            elif key == (ESC, ord("a")):
                state = replace(state, align=n % 48 if n >= 48 else n)
            elif key == (ESC, ord("d")):
                if line or pending:
                    end_line()
                job.lines.extend([""] * max(n - 1, 0))
            elif key == (GS, ord("!")):
                size = _gs_size(n)
                state = replace(state, gs_size=n, ascii_size=size, kanji_size=size)
            elif key == (FS, ord("!")):
                state = replace(state, kanji_size=(2 if n & 0x04 else 1, 2 if n & 0x08 else 1))
            elif key == (FS, ord("&")):
                state = replace(state, kanji_mode=True)
            elif key == (FS, ord(".")):
                state = replace(state, kanji_mode=False)
            continue
        if key == (GS, ord("V")):  # cut: m in 0, 1, 48, 49; or m in 65, 66, 97, 98 plus n
            m = data[i + 2]
            i += 3 + (1 if m in (65, 66, 97, 98, 103, 104) else 0)
            job.cuts += 1
            job.items.append(("cut", m))
            continue
        if key == (GS, ord("(")):  # GS ( k / GS ( L pL pH payload
            kind = chr(data[i + 2])
            length = data[i + 3] + 256 * data[i + 4]
            payload = data[i + 5 : i + 5 + length]
            i += 5 + length
            if kind == "k" and payload[:2] == b"1P":  # cn 49 (QR), fn 80: store the data
                job.qr_data.append(bytes(payload[3:]))
            job.items.append((f"GS ( {kind}", bytes(payload)))
            continue
        if key == (GS, ord("v")) and data[i + 2] == ord("0"):  # GS v 0 m xL xH yL yH d…
            width_bytes = data[i + 4] + 256 * data[i + 5]
            height = data[i + 6] + 256 * data[i + 7]
            start = i + 8
            bits = data[start : start + width_bytes * height]
            i = start + width_bytes * height
            # A set bit is a printed (black) dot; PIL's "1;I" raw mode reads 1 as black.
            image = Image.frombytes("1", (width_bytes * 8, height), bytes(bits), "raw", "1;I")
            job.rasters.append(image)
            job.items.append(("raster", image))
            continue
        raise ValueError(f"unknown ESC/POS command {name!r} (0x{command:02X}) at byte {i}")
    if pending or line:
        end_line()
    job.final_state = state
    return job
