"""The frame the item forms with a handler of their own share (registry, service and money
forms), so that each form keeps only its own inputs and rules.

``item_headings`` puts the item's name and its line (code, level, time limit) on top;
``button_row`` right-aligns the form's buttons; ``scrolled`` puts the form's body in a
frameless scroll area filling the form; ``submit_keys`` binds Ctrl+Enter (and Ctrl+P to print
the outcome's document); ``show_refusal`` words a refusal of the use case: field errors are
marked by the form, a business refusal and anything else are said in the outcome line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from counter_app.catalogue.schema import Item
from counter_app.domain.errors import DomainError, ValidationError, ValidationErrors
from counter_app.ui.errors import describe
from counter_app.ui.item_forms.generic_form import (
    ERROR_COLOUR,
    heading_label,
    item_line,
    refusal_text,
)
from counter_app.ui.roles_text import text_of


def item_headings(layout: QVBoxLayout, item: Item) -> None:
    """The item's name, then its line (code, level, time limit)."""
    layout.addWidget(heading_label(text_of(item.name_zh, item.name_en)))
    layout.addWidget(heading_label(item_line(item), 0))


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """``buttons`` side by side at the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def scrolled(form: QWidget, body: QWidget, *, horizontal: bool = True) -> None:
    """Lay ``body`` out in a frameless scroll area filling ``form``."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    outer = QVBoxLayout(form)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)


def submit_keys(
    form: QWidget,
    submit: Callable[[], None],
    print_document: Callable[[], None] | None = None,
) -> None:
    """Ctrl+Enter (either Enter key) submits; Ctrl+P prints the outcome's document."""
    for sequence in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(sequence), form, submit)
    if print_document is not None:
        QShortcut(QKeySequence("Ctrl+P"), form, print_document)


def show_refusal(
    exc: BaseException,
    mark: Callable[[Sequence[ValidationError]], None],
    say: Callable[[str, str], None],
    kind: str,
    *,
    business: type[DomainError] = DomainError,
) -> None:
    """Field errors to ``mark``; a ``business`` refusal in the words of the command ``kind``,
    anything else described, both to ``say`` in the error colour."""
    if isinstance(exc, ValidationErrors):
        mark(exc.errors)
    elif isinstance(exc, ValidationError):
        mark([exc])
    elif isinstance(exc, business):
        say(refusal_text(exc, kind), ERROR_COLOUR)
    else:
        say(describe(exc), ERROR_COLOUR)
