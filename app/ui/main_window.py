"""The main window: navigation on the left, pages in a stack, header and status bar. It
builds the session and the pages, opens the case detail and intake dialogs the pages ask
for, and tells the status bar what happened; the pages read and write through the session."""

from __future__ import annotations

import base64
import gc
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.case_path.steps import Action
from app.core.clock import Clock
from app.core.holidays import year_to_enter
from app.core.model import Case, User
from app.core.permissions import REGISTER_CASE, may
from app.store import sqlite_driver
from app.store.case_list import CaseFilter, count_cases
from app.store.encryption import DatabaseFile
from app.store.settings import WINDOW_GEOMETRY, read_setting, write_setting
from app.sync.keys import DeviceKeys
from app.ui.account import QUIT, SIGN_OUT, SWITCH_USER, ChangePasswordDialog
from app.ui.common.i18n import word
from app.ui.common.keys import KeyRing
from app.ui.common.page import Page
from app.ui.common.runner import Operation
from app.ui.common.screen import fit_to_screen
from app.ui.common.session import Session
from app.ui.page_stack import PAGES, PageOf, PageStack, page_class
from app.ui.search_upkeep import SearchIndexUpkeep
from app.ui.window_header import WindowHeader
from app.ui.workbench.page import WorkbenchPage

if TYPE_CHECKING:  # the other pages and the dialogs are imported when first needed
    from app.ui.base_data.page import BaseDataPage
    from app.ui.board.page import BoardPage
    from app.ui.calls.page import CallsPage
    from app.ui.case_detail.dialog import CaseDetailDialog
    from app.ui.case_detail.steps.form import StepForm
    from app.ui.cases.intake import IntakeDialog
    from app.ui.cases.page import CasesPage
    from app.ui.disputes.page import DisputesPage
    from app.ui.lists.page import ListsPage
    from app.ui.meetings.page import MeetingsPage
    from app.ui.settings.holidays import HolidayScheduleDialog
    from app.ui.settings.page import SettingsPage
    from app.ui.statistics.page import StatisticsPage
    from app.ui.sync.page import SyncPage


class MainWindow(QMainWindow):
    # the window has closed: QUIT, SIGN_OUT or SWITCH_USER (ui/account.py), for the
    # sign-in loop (ui/app.py) to quit or ask who signs in next
    left = Signal(str)
    # the pages other than the workbench, as the window, the tests and the screenshots
    # reach them: built on first use (ui/page_stack.py)
    cases: PageOf[CasesPage] = PageOf("cases")
    calls: PageOf[CallsPage] = PageOf("calls")
    board: PageOf[BoardPage] = PageOf("board")
    lists: PageOf[ListsPage] = PageOf("lists")
    disputes: PageOf[DisputesPage] = PageOf("disputes")
    meetings: PageOf[MeetingsPage] = PageOf("meetings")
    statistics: PageOf[StatisticsPage] = PageOf("statistics")
    sync: PageOf[SyncPage] = PageOf("sync")
    settings: PageOf[SettingsPage] = PageOf("settings")
    base_data: PageOf[BaseDataPage] = PageOf("base_data")

    def __init__(
        self,
        db_path: Path | DatabaseFile,
        db: Database,
        user: User,
        clock: Clock,
        keys: DeviceKeys | None = None,
    ) -> None:
        super().__init__()
        self.session = Session(db_path, db, user, clock, self)  # tests hand a frozen clock
        # the device's keys, asked once a session for sync files, or already opened with an
        # encrypted database (then not asked again); they sign the chain head as we write
        self.keyring = KeyRing(self.session, self, opened=keys)
        self.may_register = may(user.role, REGISTER_CASE)
        self.intake_dialog: IntakeDialog | None = None
        self.case_dialog: CaseDetailDialog | None = None
        self.step_form: StepForm | None = None  # a step taken from a page (a supervision)
        self.password_dialog: ChangePasswordDialog | None = None
        self.leaving = QUIT  # why the window closes; signing out says otherwise
        self.remember_geometry = True  # off for screenshots, which must not write settings
        self.setWindowTitle(
            self.tr("TownDesk — {township}").format(township=self.session.ref.township.name)
        )
        self.setMinimumSize(QSize(1024, 640))
        self.stack = PageStack(self._new_page)  # each page built when first needed
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(140)
        for key in PAGES:
            self.nav.addItem(QListWidgetItem(self.page_title(key)))
        self.workbench: WorkbenchPage = self.stack.page("workbench")  # type: ignore[assignment]
        self.nav.currentRowChanged.connect(self.stack.show_row)
        self._build_central()
        self._build_status_bar()
        self._shortcuts()
        self.nav.setCurrentRow(0)
        self.restore_geometry()
        self.shown_once = False
        self.search_upkeep = SearchIndexUpkeep(self.runner, self)  # merges the index on idle

    # the session's parts, as the tests and the screenshots reach them
    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def db_path(self) -> Path:
        return self.session.db_path

    @property
    def user(self) -> User:
        return self.session.user

    @property
    def clock(self) -> Clock:
        return self.session.clock

    @property
    def runner(self):  # type: ignore[no-untyped-def]
        return self.session.runner

    @property
    def ref(self):  # type: ignore[no-untyped-def]
        return self.session.ref

    def _new_page(self, key: str) -> Page:
        kind = page_class(key)
        page = kind(self.session, self.keyring) if key == "sync" else kind(self.session)  # type: ignore[call-arg]
        self._connect(key, page)
        return page

    def page_title(self, key: str) -> str:
        titles = {
            "workbench": self.tr("Workbench"),
            "cases": self.tr("Cases"),
            "calls": self.tr("Call response"),
            "board": self.tr("Overdue watch"),
            "lists": self.tr("Three lists"),
            "disputes": self.tr("Duty disputes"),
            "meetings": self.tr("Joint meetings"),
            "statistics": self.tr("Statistics"),
            "sync": self.tr("Sync"),
            "settings": self.tr("Settings"),
            "base_data": self.tr("Base data"),
        }
        return titles[key]

    def _build_central(self) -> None:
        header = WindowHeader(self.session, self)  # ui/window_header.py
        self.account_button = header.account_button
        self.change_password_action = header.change_password_action
        self.change_password_action.triggered.connect(self.change_password)
        self.switch_user_action = header.switch_user_action
        self.switch_user_action.triggered.connect(lambda: self.sign_out(switch=True))
        self.sign_out_action = header.sign_out_action
        self.sign_out_action.triggered.connect(lambda: self.sign_out())
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
        column.addWidget(header.frame)
        column.addLayout(body, 1)
        self.setCentralWidget(central)
        self.nav.setFocus()  # not the account button, first in the chain: focus starts as before

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(self.tr("Database: {path}").format(path=self.db_path))
        self.path_label.setObjectName("statusText")
        self.count_label = QLabel()
        self.count_label.setObjectName("statusText")
        self.statusBar().addPermanentWidget(self.path_label)
        self.statusBar().addPermanentWidget(self.count_label)

    def _connect(self, key: str, page: Page) -> None:
        page.message.connect(self.show_message)
        page.case_activated.connect(self.open_case)
        if isinstance(page, WorkbenchPage):
            page.new_case_requested.connect(self.open_intake)
            page.filter_requested.connect(self.show_filtered)
            page.sync_requested.connect(lambda: self.show_page("sync"))
            page.page_requested.connect(self.show_page)
            page.holidays_requested.connect(self.open_holidays)
        elif key == "cases":
            page.new_case_requested.connect(self.open_intake)  # type: ignore[attr-defined]
            page.count_changed.connect(self._show_total)  # type: ignore[attr-defined]
        elif key == "board":
            page.supervise_requested.connect(self.supervise)  # type: ignore[attr-defined]
        elif key == "settings":
            page.holidays_requested.connect(self.open_holidays)  # type: ignore[attr-defined]

    def _shortcuts(self) -> None:
        for number, key in enumerate(PAGES[:10], start=1):  # Ctrl+1 … Ctrl+9, then Ctrl+0
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

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def _show_total(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} cases in total").format(count=f"{total:,}"))

    # -- dialogs ---------------------------------------------------------------------------

    def open_intake(self) -> IntakeDialog | None:
        if not self.may_register:
            self.show_message(
                self.tr("A {role} does not register cases.").format(role=word(self.user.role))
            )
            return None
        if self.intake_dialog is not None and self.intake_dialog.isVisible():
            self.intake_dialog.activateWindow()
            return self.intake_dialog
        from app.ui.cases.intake import IntakeDialog

        dialog = IntakeDialog(self.session, self)
        dialog.case_registered.connect(self._registered)
        dialog.open_case_requested.connect(self.open_case)
        dialog.open()
        self.intake_dialog = dialog
        return dialog

    def _registered(self, case: Case) -> None:
        self.show_message(self.tr("Case {number} registered.").format(number=case.number))

    def open_case(self, case: Case) -> CaseDetailDialog:
        from app.ui.case_detail.dialog import CaseDetailDialog

        dialog = CaseDetailDialog(self.session, case.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_changed.connect(self._case_changed)
        dialog.show()
        self.case_dialog = dialog
        return dialog

    def _case_changed(self, case: Case) -> None:
        self.show_message(
            self.tr("Case {number}: {status}.").format(number=case.number, status=word(case.status))
        )

    def supervise(self, case: Case) -> StepForm:
        """The overdue watch asks for a supervision notice: the step's own form."""
        from app.ui.case_detail.steps.registry import open_step

        self.step_form = open_step(self.session, case, Action.SUPERVISE, self)
        return self.step_form

    def open_holidays(self, year: int = 0) -> HolidayScheduleDialog:
        """A year's holiday schedule (administrator); 0: the year most likely due."""
        from app.ui.settings.holidays import HolidayScheduleDialog

        year = year or year_to_enter(self.session.clock.today())
        dialog = HolidayScheduleDialog(self.session, year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        saved = self.tr("Holiday schedule saved; deadlines of {count} open cases recounted.")
        dialog.saved.connect(lambda moved: self.show_message(saved.format(count=f"{moved:,}")))
        dialog.open()
        return dialog

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(
            lambda _none: self.show_message(self.tr("Your password was changed."))
        )
        dialog.open()
        self.password_dialog = dialog
        return dialog

    # -- leaving ---------------------------------------------------------------------------

    def sign_out(self, switch: bool = False) -> bool:
        """Close the window for the sign-in to come back (asking about an unsaved intake
        as closing does); ``switch``: for another user's name. False if it stayed open."""
        self.leaving = SWITCH_USER if switch else SIGN_OUT
        closed = self.close()
        if not closed:
            self.leaving = QUIT
        return closed

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
            fit_to_screen(self, 1366, 800)
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.shown_once:  # once the window is on screen: the total, the other pages
            self.shown_once = True
            # counting a million cases reads a whole index: on the worker; a figure of the
            # status bar is not worth an error dialog (the pages say what failed)
            count = Operation(
                lambda db, _p: count_cases(db, CaseFilter()), self._show_total, lambda _e: None
            )
            self.runner.run(count)
            self.stack.build_the_rest()
            self.search_upkeep.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unsaved_intake() and not self.intake_dialog.confirm_discard():  # type: ignore[union-attr]
            event.ignore()  # a half-typed case is never lost by closing the window
            self.leaving = QUIT
            return
        if self.remember_geometry:
            with suppress(sqlite_driver.Error):  # the window size is not worth refusing to close
                self.save_geometry()
        for dialog in (self.intake_dialog, self.case_dialog, self.password_dialog):
            if dialog is not None:
                with suppress(RuntimeError):  # a detail dialog deletes itself on close
                    dialog.done(0)
        if "calls" in self.stack.built:
            self.calls.timer.stop()
        self.search_upkeep.stop()
        gc.unfreeze()  # what this window held may be collected again (app/ui/page_stack.py)
        self.session.close()
        super().closeEvent(event)
        self.left.emit(self.leaving)
