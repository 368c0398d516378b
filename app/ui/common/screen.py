"""Windows sized for the screen they open on: the township office PC is 1366×768 with a
40 px taskbar, so a window asks for its preferred size and gets at most what is free.

Qt sizes a window it shows for the first time to its size hint, but never taller than two
thirds of the screen: 485 of the office PC's 728 free pixels. A taller dialog then gets its
minimum height, which leaves out how many lines its wrapped texts take at its width, and its
fields are squeezed over each other. ``FittedDialog`` takes the height its contents need at
its width instead (``fit_to_contents``), up to what the screen has room for."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget

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


def fit_to_contents(widget: QWidget, shrink: bool = True) -> None:
    """Resize a window to the height its contents need at its width (wrapped texts
    included), or to what the screen has room for. ``shrink`` False: never smaller than it
    is (a message shown under a form the user made taller)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # parts just shown
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    width = widget.width() if widget.isVisible() else widget.sizeHint().width()
    width = max(min(width, widget.maximumWidth()), widget.minimumWidth())
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = widget.sizeHint().height()
    height = max(min(height, widget.maximumHeight()), widget.minimumHeight())
    if not shrink:
        height = max(height, widget.height())
    fit_to_screen(widget, width, height)


class FittedDialog(QDialog):
    """A dialog that opens as tall as its contents need (see the module's note) and grows
    when a message appears in it (``refit``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the first time: reopened, it keeps the size it had
            self._fitted = True
            if not self.testAttribute(Qt.WidgetAttribute.WA_Resized):  # not sized on purpose
                fit_to_contents(self)

    def refit(self, shrink: bool = False) -> None:
        """After a part was shown or hidden: the height the contents need now (an unshown
        dialog is fitted when it is shown)."""
        if self.isVisible():
            fit_to_contents(self, shrink)


def scrolling(page: QWidget) -> QScrollArea:
    """A page as tall as the window allows; on a small screen it scrolls rather than push
    the window past the screen's bottom (the sync page needs about 660 pixels)."""
    scroll = QScrollArea()
    scroll.setObjectName(f"{page.objectName() or type(page).__name__}Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll
