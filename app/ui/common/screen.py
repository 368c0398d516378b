"""Windows sized for the screen they open on: the township office PC is 1366×768 with a
40 px taskbar, so a window asks for its preferred size and gets at most what is free."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32  # the window manager's title bar and frame, which the size does not include


def available_size(widget: QWidget) -> tuple[int, int]:
    """Width and height free for ``widget`` on its screen (taskbars left out)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return 1366, 728
    free = screen.availableGeometry()
    return free.width(), free.height()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or to what the screen has room for."""
    free_width, free_height = available_size(widget)
    widget.resize(min(width, free_width), min(height, free_height - TITLE_BAR))
