"""A page of the main window. It reads the store when it is shown, and again when a write
changed what it shows (``shows``: kinds of records, store/changes.py): at once if it is on
screen, else when it is next shown. One mechanism for every page, so the window starts
without reading every page and a write re-reads only the pages that show its records."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.store.changes import Changes
from app.ui.common.session import Session

# Above this many cases a page reads on the worker thread (the cases page every count and
# page, the workbench its figures), so neither typing, scrolling nor starting waits for SQLite.
LARGE_DATABASE = 50_000


class Page(QWidget):
    shows: ClassVar[frozenset[str]] = frozenset()  # the kinds of records on this page
    message = Signal(str)  # for the status bar
    case_activated = Signal(object)  # Case: open its detail

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stale = True  # read when first shown
        session.changed.connect(self.on_changed)

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(self.shows):
            self.refresh()

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
