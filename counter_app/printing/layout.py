"""A small document model shared by every renderer (ESC/POS text, ESC/POS raster, PDF).

Templates build a ``Doc`` of blocks; renderers decide how each block looks on 58 mm or 80 mm
paper or on an A4/A5 page. Keeping layout apart from output means one template prints the
same facts on a thermal printer and in a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    text: str
    align: Align = "left"
    bold: bool = False
    size: Literal[1, 2] = 1  # 2 = double width and height on thermal paper, larger in PDF


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
                parts.append(block.text)
            elif isinstance(block, KeyValue):
                parts.append(f"{block.key}{block.value}")
            elif isinstance(block, QrCode):
                parts.append(block.caption)
        return "\n".join(parts)
