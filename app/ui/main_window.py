"""The main window: navigation on the left, pages in a stack, header and status bar."""

from __future__ import annotations

import base64
import sqlite3
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.model import Case, User
from app.core.permissions import REGISTER_CASE, may
from app.store.blobs import BlobStore
from app.store.case_list import CaseFilter
from app.store.reference import ReferenceData
from app.store.settings import WINDOW_GEOMETRY, read_setting, write_setting
from app.ui.background import BackgroundRunner
from app.ui.board_page import BoardPage
from app.ui.calls_page import CallsPage
from app.ui.case_detail import CaseDetailDialog
from app.ui.cases_page import CasesPage
from app.ui.disputes_page import DisputesPage
from app.ui.i18n import word
from app.ui.intake_dialog import IntakeDialog
from app.ui.lists_page import ListsPage
from app.ui.meetings_page import MeetingsPage
from app.ui.placeholder_page import PlaceholderPage, planned_title
from app.ui.settings_page import SettingsPage
from app.ui.sync_page import SyncPage
from app.ui.unlock_dialog import KeyRing
from app.ui.workbench import WorkbenchPage

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
)


class MainWindow(QMainWindow):
    data_changed = Signal()  # one app-level signal: something was written, pages re-read

    def __init__(self, db_path: Path, db: Database, user: User, clock: Clock) -> None:
        super().__init__()
        self.db_path, self.db, self.user = db_path, db, user
        self.ref = ReferenceData(db)
        self.blobs = BlobStore.beside(db_path)
        self.runner = BackgroundRunner(db_path, self)
        self.keyring = KeyRing(db, db_path, self.runner, self, clock, user)  # keys, once a session
        self.may_register = may(user.role, REGISTER_CASE)
        self.intake_dialog: IntakeDialog | None = None
        self.case_dialog: CaseDetailDialog | None = None
        self.remember_geometry = True  # off for screenshots, which must not write settings
        self.clock = clock  # the real one; tests hand a frozen one
        self.setWindowTitle(
            self.tr("TownDesk — {township}").format(township=self.ref.township.name)
        )
        self.setMinimumSize(QSize(1024, 640))
        self.workbench = WorkbenchPage(db, self.ref, self.may_register, clock, user)
        self.cases = CasesPage(db, self.ref, self.runner, self.may_register)
        self.settings = SettingsPage(db, db_path, user, self.runner)
        self.calls = CallsPage(db, self.ref, clock)
        self.board = BoardPage(db, self.blobs, self.ref, user, clock)
        self.sync = SyncPage(db, db_path, self.blobs, user, self.runner, self.keyring, clock)
        self.lists = ListsPage(db, self.ref, user, self.runner, clock)
        self.disputes = DisputesPage(db, self.ref, user, clock)
        self.meetings = MeetingsPage(db, self.ref, user, clock)
        pages: dict[str, QWidget] = {
            "workbench": self.workbench,
            "cases": self.cases,
            "calls": self.calls,
            "board": self.board,
            "lists": self.lists,
            "disputes": self.disputes,
            "meetings": self.meetings,
            "sync": self.sync,
            "settings": self.settings,
        }
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(140)
        for key in PAGES:
            page = pages.get(key) or PlaceholderPage(key)
            self.stack.addWidget(page)
            self.nav.addItem(QListWidgetItem(self.page_title(key)))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self._build_central()
        self._build_status_bar()
        self._connect()
        self._shortcuts()
        self.nav.setCurrentRow(0)
        self.restore_geometry()

    def page_title(self, key: str) -> str:
        titles = {
            "workbench": self.tr("Workbench"),
            "cases": self.tr("Cases"),
            "calls": self.tr("Call response"),
            "board": self.tr("Supervision"),
            "lists": self.tr("Three lists"),
            "disputes": self.tr("Duty disputes"),
            "meetings": self.tr("Joint meetings"),
            "sync": self.tr("Sync"),
            "settings": self.tr("Settings"),
        }
        return titles.get(key) or planned_title(key)

    def _build_central(self) -> None:
        header = QFrame()
        header.setObjectName("header")
        township = QLabel(self.ref.township.name)
        township.setObjectName("headerTownship")
        product = QLabel(self.tr("Comprehensive Enforcement Desk"))
        product.setObjectName("headerProduct")
        unit = self.ref.department_name(self.user.department_code)
        who = QLabel(f"{self.user.name} · {word(self.user.role)} · {unit}")
        who.setObjectName("headerUser")
        row = QHBoxLayout(header)
        row.setContentsMargins(18, 10, 18, 10)
        row.addWidget(township)
        row.addSpacing(10)
        row.addWidget(product)
        row.addStretch(1)
        row.addWidget(who)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(self.tr("Database: {path}").format(path=self.db_path))
        self.path_label.setObjectName("statusText")
        self.count_label = QLabel()
        self.count_label.setObjectName("statusText")
        self.statusBar().addPermanentWidget(self.path_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self._show_total(self.cases.total_cases)

    def _connect(self) -> None:
        self.workbench.new_case_requested.connect(self.open_intake)
        self.workbench.case_activated.connect(self.open_case)
        self.workbench.filter_requested.connect(self.show_filtered)
        self.cases.new_case_requested.connect(self.open_intake)
        self.cases.case_activated.connect(self.open_case)
        self.cases.count_changed.connect(self._show_total)
        self.calls.case_activated.connect(self.open_case)
        self.board.case_activated.connect(self.open_case)
        self.board.data_changed.connect(self.data_changed)
        self.settings.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.settings.data_changed.connect(self.data_changed)
        self.workbench.sync_requested.connect(lambda: self.show_page("sync"))
        self.sync.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.lists.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.lists.data_changed.connect(self.data_changed)
        self.disputes.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.disputes.data_changed.connect(self.data_changed)
        self.disputes.case_activated.connect(self.open_case)
        self.meetings.message.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.meetings.data_changed.connect(self.data_changed)
        self.meetings.case_activated.connect(self.open_case)
        self.sync.data_changed.connect(self._imported)
        self.sync.case_activated.connect(self.open_case)
        self.data_changed.connect(self.refresh)

    def _shortcuts(self) -> None:
        for number, key in enumerate(PAGES, start=1):  # Ctrl+1 … Ctrl+9, then Ctrl+0
            QShortcut(QKeySequence(f"Ctrl+{number % 10}"), self, lambda k=key: self.show_page(k))
        QShortcut(QKeySequence.StandardKey.New, self, self.open_intake)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)

    # -- navigation ------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGES.index(key))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def focus_search(self) -> None:
        self.show_page("cases")
        self.cases.focus_search()

    def refresh(self) -> None:
        self.workbench.refresh()
        self.cases.refresh()
        self.calls.refresh()
        self.board.refresh()
        self.lists.refresh()
        self.disputes.refresh()
        self.meetings.refresh()
        self.sync.refresh()

    def _imported(self) -> None:
        """A sync file may bring users, units or categories: read them again, in place, so
        every page that holds the reference data sees them."""
        fresh = ReferenceData(self.db)
        self.ref.__dict__.update(fresh.__dict__)
        self.data_changed.emit()

    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} cases in total").format(count=f"{total:,}"))

    # -- dialogs ---------------------------------------------------------------------------

    def open_intake(self) -> IntakeDialog | None:
        if not self.may_register:
            self.statusBar().showMessage(
                self.tr("A {role} does not register cases.").format(role=word(self.user.role)),
                8000,
            )
            return None
        if self.intake_dialog is not None and self.intake_dialog.isVisible():
            self.intake_dialog.activateWindow()
            return self.intake_dialog
        dialog = IntakeDialog(self.db, self.blobs, self.ref, self.user, self.clock, self)
        dialog.case_registered.connect(self._registered)
        dialog.open_case_requested.connect(self.open_case)
        dialog.open()
        self.intake_dialog = dialog
        return dialog

    def _registered(self, case: Case) -> None:
        self.statusBar().showMessage(
            self.tr("Case {number} registered.").format(number=case.number), 15_000
        )
        self.data_changed.emit()

    def open_case(self, case: Case) -> CaseDetailDialog:
        dialog = CaseDetailDialog(
            self.db, self.blobs, self.ref, self.user, case.id, self.clock, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_changed.connect(self._case_changed)
        dialog.show()
        self.case_dialog = dialog
        return dialog

    def _case_changed(self, case: Case) -> None:
        self.statusBar().showMessage(
            self.tr("Case {number}: {status}.").format(
                number=case.number, status=word(case.status)
            ),
            15_000,
        )
        self.data_changed.emit()

    def show_filtered(self, case_filter: CaseFilter) -> None:
        self.show_page("cases")
        self.cases.filters.set_filter(case_filter)

    # -- geometry --------------------------------------------------------------------------

    def restore_geometry(self) -> bool:
        saved = read_setting(self.db, WINDOW_GEOMETRY)
        restored = False
        if isinstance(saved, str):
            try:
                restored = self.restoreGeometry(QByteArray(base64.b64decode(saved)))
            except ValueError:
                restored = False
        if not restored:
            self.resize(1366, 800)
        return restored

    def save_geometry(self) -> None:
        data = bytes(self.saveGeometry().data())
        write_setting(self.db, WINDOW_GEOMETRY, base64.b64encode(data).decode("ascii"))

    def _unsaved_intake(self) -> bool:
        intake = self.intake_dialog
        with suppress(RuntimeError):  # the dialog may already be deleted
            return (
                intake is not None
                and intake.isVisible()
                and intake.registered is None
                and intake.is_dirty()
            )
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unsaved_intake() and not self.intake_dialog.confirm_discard():  # type: ignore[union-attr]
            event.ignore()  # a half-typed case is never lost by closing the window
            return
        if self.remember_geometry:
            with suppress(sqlite3.Error):  # the window size is not worth refusing to close
                self.save_geometry()
        for dialog in (self.intake_dialog, self.case_dialog):
            if dialog is not None:
                with suppress(RuntimeError):  # a detail dialog deletes itself on close
                    dialog.done(0)
        self.calls.timer.stop()
        self.runner.shutdown()
        super().closeEvent(event)
