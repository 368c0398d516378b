"""The main window's pages in their stack, each built when first needed.

Only the first page shown (the workbench) is built with the window. Every other page is
built, and its module imported, when it is first shown or asked for, or else one at a time
once the window is on screen: at a million cases, importing and building all eleven before
the window showed was about half of the start-up. A page not yet built holds its place in
the stack with an empty widget, so a page's row in the navigation is its index in the stack.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.ui.common.page import Page
from app.ui.common.screen import scrolling

PAGES = (
    "workbench",
    "cases",
    "calls",
    "board",
    "lists",
    "disputes",
    "meetings",
    "statistics",
    "sync",
    "settings",
    "base_data",  # the administrator's, set up once: last, past the Ctrl+number keys
)
# where each page's class lives, imported when the page is built
PAGE_CLASSES = {
    "workbench": "app.ui.workbench.page:WorkbenchPage",
    "cases": "app.ui.cases.page:CasesPage",
    "calls": "app.ui.calls.page:CallsPage",
    "board": "app.ui.board.page:BoardPage",
    "lists": "app.ui.lists.page:ListsPage",
    "disputes": "app.ui.disputes.page:DisputesPage",
    "meetings": "app.ui.meetings.page:MeetingsPage",
    "statistics": "app.ui.statistics.page:StatisticsPage",
    "sync": "app.ui.sync.page:SyncPage",
    "settings": "app.ui.settings.page:SettingsPage",
    "base_data": "app.ui.base_data.page:BaseDataPage",
}
BUILD_REST_AFTER_MS = 300  # the first page's figures and the first paint come first

P = TypeVar("P", bound=Page)


def page_class(key: str) -> type[Page]:
    module, name = PAGE_CLASSES[key].split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


class PageOf(Generic[P]):
    """``window.cases`` and the like: the page, built if it was not yet."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, window: Any, owner: type | None = None) -> P:
        if window is None:  # asked of the class, not of a window
            return self  # type: ignore[return-value]
        return window.stack.page(self.key)  # type: ignore[no-any-return]


class PageStack(QStackedWidget):
    def __init__(self, build: Callable[[str], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build  # the window makes a page and connects it
        self.built: dict[str, Page] = {}
        self._holders: dict[str, QWidget] = {}
        for key in PAGES:
            self._holders[key] = QWidget()
            self.addWidget(self._holders[key])

    def page(self, key: str) -> Page:
        page = self.built.get(key)
        if page is None:
            page = self._build(key)
            self.built[key] = page
            holder = self._holders.pop(key)
            self.insertWidget(self.indexOf(holder), scrolling(page))
            self.removeWidget(holder)
            holder.deleteLater()
        return page

    def show_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.page(PAGES[row])
        self.setCurrentIndex(row)

    def build_the_rest(self, delay_ms: int = BUILD_REST_AFTER_MS) -> None:
        """Build the pages not yet asked for, one per turn of the event loop while the
        window is shown, so the first visit to each is as quick as before."""
        QTimer.singleShot(delay_ms, self, self._build_next)

    def _build_next(self) -> None:
        waiting = [key for key in PAGES if key not in self.built]
        if waiting and self.window().isVisible():
            self.page(waiting[0])
            QTimer.singleShot(0, self, self._build_next)
        elif not waiting:
            # every page built: what the program holds from now on (modules, classes,
            # widgets: ~100,000 objects) is left out of the garbage collector's full passes,
            # which took 30-40 ms each, stopping whatever the clerk had asked for then
            gc.freeze()
