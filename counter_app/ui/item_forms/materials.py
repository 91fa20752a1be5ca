"""The materials checklist of one item or a life event's items (一件事: one shared list).

Each required material is a tick box showing its name, form (原件/复印件 …) and count; those
that may follow later (容缺) say so; optional ones are listed apart. What is ticked goes into
the command as material codes; the handler decides (``items.case_records.check_materials``)
whether the case is accepted or waits for materials with a one-time notification.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from counter_app.catalogue.schema import Item, Material
from counter_app.ui.roles_text import text_of


def material_form_label(form: str) -> str:
    return {
        "original": text_of("原件", "original"),
        "copy": text_of("复印件", "copy"),
        "original_and_copy": text_of("原件及复印件", "original and copy"),
        "electronic": text_of("电子证照", "electronic"),
    }.get(form, form)


def material_text(material: Material) -> str:
    parts = [text_of(material.name_zh, material.name_en), material_form_label(material.form)]
    if material.count > 1:
        parts.append(text_of(f"{material.count}份", f"{material.count} copies"))
    if material.deferrable:
        parts.append(text_of("可容缺后补", "may follow later"))
    return text_of("（", " (").join([parts[0], "、".join(parts[1:])]) + text_of("）", ")")


class MaterialsChecklist(QGroupBox):
    """Tick boxes for the materials of ``items`` (deduplicated by code, in list order)."""

    changed = Signal()

    def __init__(self, items: Iterable[Item] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("materialsChecklist")
        self.setTitle(self.tr("Materials"))
        self._layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        self.materials: dict[str, Material] = {}
        self.set_items(items)

    def set_items(self, items: Iterable[Item]) -> None:
        """Show the materials of ``items``; every box starts unticked."""
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.boxes.clear()
        self.materials.clear()
        optional: list[Material] = []
        for item in items:
            for material in item.materials:
                if material.code in self.materials:
                    continue
                self.materials[material.code] = material
                if not material.required:
                    optional.append(material)
                    continue
                self._add_box(material)
        if optional:
            heading = QLabel(self.tr("Optional:"))
            heading.setObjectName("optionalMaterialsHeading")
            self._layout.addWidget(heading)
            for material in optional:
                self._add_box(material)
        if not self.materials:
            self._layout.addWidget(QLabel(self.tr("No materials are required.")))
        self.setVisible(True)

    def _add_box(self, material: Material) -> None:
        box = QCheckBox(material_text(material))
        box.setObjectName(f"material_{material.code}")
        box.toggled.connect(lambda _checked: self.changed.emit())
        self.boxes[material.code] = box
        self._layout.addWidget(box)

    def received(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def missing_required(self) -> list[Material]:
        """Mandatory materials not ticked that may not follow later (the one-time notice)."""
        return [
            m
            for code, m in self.materials.items()
            if m.required and not m.deferrable and not self.boxes[code].isChecked()
        ]

    def tick_all(self) -> None:
        for box in self.boxes.values():
            box.setChecked(True)

    def clear(self) -> None:
        for box in self.boxes.values():
            box.setChecked(False)
