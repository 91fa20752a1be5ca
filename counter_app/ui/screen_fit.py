"""Window sizes that fit the screen a window opens on.

Service-hall laptops often have 1366×768 screens, at 100 % or at 150 % scaling (911×512
logical pixels); hall displays and kiosks are 1920×1080 or portrait touch screens. A window
asks for its preferred size and gets at most what the screen's available area holds, with
room left for the frame the window manager adds (title bar, borders). Full-screen windows
(kiosk, hall display) cover the whole screen and scale their fonts with its height.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# What a window manager typically adds around a window: borders and a title bar.
FRAME_ALLOWANCE = QSize(16, 40)


def screen_of(widget: QWidget) -> QScreen:
    """The screen ``widget``'s window is on, or will open on (a dialog: its parent's screen).

    Found by position rather than with ``QWidget.screen()``: PySide ties the screen object
    that call returns to the widget, so it dies with a closed dialog.
    """
    anchor = widget.window()
    parent = anchor.parentWidget()
    if parent is not None and not anchor.isVisible():
        anchor = parent.window()  # a dialog opens centred over its parent
    screen = QGuiApplication.screenAt(anchor.geometry().center())
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    assert screen is not None, "no screen: is a QGuiApplication running?"
    return screen


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without panels and taskbars)."""
    return screen_of(widget).availableGeometry()


def fitted_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, shrunk to what the screen holds with the frame around it."""
    room = available_area(widget).size() - FRAME_ALLOWANCE
    return QSize(width, height).boundedTo(room)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the preferred size, never larger than the screen; centre a top-level window.

    A dialog with a parent is left where Qt puts it (centred over its parent).
    """
    size = fitted_size(widget, width, height)
    widget.resize(size)
    if widget.parentWidget() is None:
        area = available_area(widget)
        x = area.x() + max(0, (area.width() - size.width() - FRAME_ALLOWANCE.width()) // 2)
        y = area.y() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2)
        widget.move(x, y)


def show_full_screen(widget: QWidget, screen: QScreen | None = None) -> None:
    """Show ``widget`` covering ``screen`` (default: its own) entirely.

    The geometry is set before the full-screen request as well, so a window manager that
    ignores or delays the request still shows the window at the screen's full size.
    """
    target = screen or screen_of(widget)
    widget.setScreen(target)
    widget.setGeometry(target.geometry())
    widget.showFullScreen()


def pixel_font(base: QFont, pixels: int, *, bold: bool = False) -> QFont:
    """A copy of ``base`` at a size in pixels (at least 8), so it scales with the screen."""
    font = QFont(base)
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    return font


def fitting_px(base: QFont, text: str, most: int, room: float, *, bold: bool = True) -> int:
    """The largest pixel size up to ``most`` at which ``text`` fits ``room`` pixels across."""
    probe = pixel_font(base, 100, bold=bold)
    advance = max(1, QFontMetrics(probe).horizontalAdvance(text))
    return max(8, min(most, int(100 * room / advance)))
