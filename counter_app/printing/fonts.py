"""Finding TrueType CJK fonts for PDF and raster printing, with per-character fallback.

reportlab embeds only TrueType outlines, so a PostScript-outline font (CFF, ``OTTO``) is
refused with a clear message. Common CJK fonts lack the rare characters of the CJK extension
planes (𠮷 is U+20BB7), so a ``FontChain`` picks, for every character, the first font whose
character map has it (e.g. WenQuanYi, then HanaMin B).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from fontTools.ttLib import TTFont

log = logging.getLogger(__name__)

CANDIDATES = (
    # Windows
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/simsunb.ttf",
    # Linux (Debian/Ubuntu packages fonts-wqy-microhei, fonts-wqy-zenhei, fonts-hanazono)
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
    # macOS
    "/Library/Fonts/Arial Unicode.ttf",
)


class FontError(Exception):
    """A configured font cannot be used; the message says why and what to do."""


def outline_kind(path: Path) -> str:
    """``"truetype"`` or ``"cff"`` (PostScript outlines), read from the file header."""
    with path.open("rb") as handle:
        head = handle.read(16)
        if head[:4] == b"ttcf":
            offset = int.from_bytes(head[12:16], "big")
            handle.seek(offset)
            head = handle.read(4)
    if head[:4] == b"OTTO":
        return "cff"
    if head[:4] in (b"\x00\x01\x00\x00", b"true"):
        return "truetype"
    raise FontError(f"{path} is not a TrueType or OpenType font")


def check_truetype(path: Path) -> Path:
    if not path.is_file():
        raise FontError(f"font file {path} does not exist")
    if outline_kind(path) != "truetype":
        raise FontError(
            f"{path} has PostScript (CFF) outlines, which PDF output cannot embed; "
            "configure a TrueType CJK font such as SimSun, Microsoft YaHei or WenQuanYi"
        )
    return path


@dataclass
class FontFile:
    path: Path
    index: int = 0

    @cached_property
    def codepoints(self) -> frozenset[int]:
        font = TTFont(str(self.path), lazy=True, fontNumber=self.index)
        try:
            return frozenset(font.getBestCmap() or {})
        finally:
            font.close()

    def has(self, char: str) -> bool:
        return ord(char) in self.codepoints


@dataclass
class FontChain:
    """Fonts in order of preference; ``font_for`` picks one per character."""

    fonts: list[FontFile] = field(default_factory=list)

    def font_for(self, char: str) -> int | None:
        for position, font in enumerate(self.fonts):
            if font.has(char):
                return position
        return None

    def runs(self, text: str) -> list[tuple[int | None, str]]:
        """Split ``text`` into runs that one font can draw (``None``: no font has it)."""
        runs: list[tuple[int | None, str]] = []
        for char in text:
            position = 0 if char.isspace() or ord(char) < 0x80 else self.font_for(char)
            if runs and runs[-1][0] == position:
                runs[-1] = (position, runs[-1][1] + char)
            else:
                runs.append((position, char))
        return runs


def find_font_chain(configured: str | None = None) -> FontChain:
    """The configured font (checked) first, then every TrueType CJK font found on the system."""
    fonts: list[FontFile] = []
    if configured:
        fonts.append(FontFile(check_truetype(Path(configured))))
    for candidate in CANDIDATES:
        path = Path(candidate)
        if path.is_file() and all(f.path != path for f in fonts):
            try:
                if outline_kind(path) == "truetype":
                    fonts.append(FontFile(path))
            except (OSError, FontError):
                log.warning("skipping unreadable font %s", path)
    return FontChain(fonts)
