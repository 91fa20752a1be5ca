"""A small document model shared by every renderer (ESC/POS text, ESC/POS raster, PDF).

Templates build a ``Doc`` of blocks; renderers decide how each block looks on 58 mm or 80 mm
paper or on an A4/A5 page. Keeping layout apart from output means one template prints the
same facts on a thermal printer and in a PDF.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    text: str
    align: Align = "left"
    bold: bool = False
    size: Literal[1, 2] = 1  # 2 = double width and height on thermal paper, larger in PDF
    # Printed before ``text`` (a list number, "  1. "); a left-aligned text's wrapped lines
    # are indented by its width, so a long list entry stays clear of the numbers.
    marker: str = ""


@dataclass(frozen=True)
class KeyValue:
    key: str
    value: str


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class QrCode:
    data: str
    caption: str = ""


@dataclass(frozen=True)
class Spacer:
    lines: int = 1


Block = Text | KeyValue | Rule | QrCode | Spacer

# Punctuation that may not begin a line, and brackets that may not end one (the common
# line-breaking rules for Chinese text): a break there takes one more character along.
NO_LINE_START = frozenset("，。、；：？！）」』”’》〉】〕…—%,.;:?!)]}")
NO_LINE_END = frozenset("（「『“‘《〈【〔([{")
# Characters of a Latin word or a number (codes, case numbers, amounts): kept on one line.
WORD_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_.,*/")


def _bad_break(before: str, after: str) -> bool:
    return after[0] in NO_LINE_START or before[-1] in NO_LINE_END


def break_line(
    current: str, char: str, fits: Callable[[str], bool] = lambda _: True
) -> tuple[str, str]:
    """Where a line ends when ``char`` no longer fits after ``current``: the finished line
    and what starts the next one before ``char``.

    Normally that is ``current`` and nothing. A word or number that ``char`` continues moves
    down whole; and when the next line would begin with punctuation (，。) or this one end
    with an opening bracket, one or two more characters move down. Nothing moves down that
    would not ``fit`` on the next line together with ``char``.
    """
    keep, carried = current, ""
    if char in WORD_CHARACTERS:
        start = len(keep)
        while start > 0 and keep[start - 1] in WORD_CHARACTERS:
            start -= 1
        if keep[:start].strip():
            keep, carried = keep[:start], keep[start:]
    # Punctuation: move one or two characters down, where that gives a line that may begin
    # so (a run of full stops gains nothing by moving).
    kept, moved = keep, carried
    for _ in range(2):
        if len(kept) > 1 and _bad_break(kept, moved or char):
            kept, moved = kept[:-1], kept[-1] + moved
    if not _bad_break(kept, moved or char):
        keep, carried = kept, moved
    return (keep, carried) if fits(carried + char) else (current, "")


@dataclass
class Doc:
    kind: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    reprint: bool = False

    def add(self, *blocks: Block) -> Doc:
        self.blocks.extend(blocks)
        return self

    def plain_text(self) -> str:
        """Every character the document prints, for tests and logs."""
        parts = [self.title]
        for block in self.blocks:
            if isinstance(block, Text):
                parts.append(block.marker + block.text)
            elif isinstance(block, KeyValue):
                parts.append(f"{block.key}{block.value}")
            elif isinstance(block, QrCode):
                parts.append(block.caption)
        return "\n".join(parts)
