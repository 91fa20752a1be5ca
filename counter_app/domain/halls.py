"""Halls (服务大厅) and their numbered windows (窗口)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hall:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Window:
    hall_code: str
    number: int
    label: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 999:
            raise ValueError("window numbers run from 1 to 999")
