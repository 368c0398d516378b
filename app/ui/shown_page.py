"""A page that reads the store only while it is shown: a refresh asked for while it is hidden
waits for the next showing (the window starts without reading every page)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ShownPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stale = True  # read when first shown

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read again now when shown; otherwise on the next show."""
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        self.reread()

    def reread(self) -> None:
        """What the page reads and shows: each page says."""
        raise NotImplementedError
