"""The QApplication, the translator, and the window's way in: the first start's choices,
then sign in, the main window, and signing in again after signing out (``Desk``)."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDir,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.paths import resource
from app.store import sqlite_driver
from app.store.db_file import storage_error
from app.store.devices import is_office
from app.store.encryption import DatabaseFile, needs_key
from app.store.reference import must_change_password, township
from app.store.settings import LANGUAGE, LAST_USERNAME, read_setting, write_setting
from app.store.setup import open_database
from app.ui.account import SIGN_OUT, SWITCH_USER, ChangePasswordDialog
from app.ui.common.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    error_text,
    make_translator,
    qt_translator,
    set_current_language,
)
from app.ui.common.preload import preload
from app.ui.common.session import Session
from app.ui.signin import SignInDialog

if TYPE_CHECKING:
    from app.sync.keys import DeviceKeys
    from app.ui.main_window import MainWindow

# The first Chinese UI font found: Debian/UOS/Kylin, Windows, other Linux, macOS.
FONT_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC")
FONT_POINT_SIZE = 10
# The sign-in dialog is painted before the charts' import starts (no one types a password
# this quickly)
PRELOAD_AFTER_MS = 300
# Harmless notices of the offscreen platform (screenshots, self-test, CI) that would
# otherwise clutter every command's output.
_QUIET_MESSAGES = ("propagateSizeHints",)


# Qt 6.5+ names the one library its X11 plugin most often misses on a bare machine.
NO_WINDOW_PLUGIN = (
    "TownDesk 无法打开窗口：缺少图形界面的系统库，请先安装 libxcb-cursor0 等软件包"
    "（如 sudo apt install libxcb-cursor0 libxkbcommon-x11-0）。"
)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(quiet in message for quiet in _QUIET_MESSAGES):
        print(message, file=sys.stderr)
    if "xcb-cursor0" in message:  # said just before Qt gives up on the platform plugin
        print(NO_WINDOW_PLUGIN, file=sys.stderr)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the Chinese font, the style sheet and the translator."""
    qInstallMessageHandler(_qt_message)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("TownDesk")
    app.setOrganizationName("TownDesk")
    app.setApplicationDisplayName("TownDesk")
    # the window's icon and the installed menu entry's (packaging/debian/towndesk.desktop),
    # so the taskbar shows the same shield as the menu, not a blank window icon
    app.setDesktopFileName("towndesk")
    icon = resource("icons", "towndesk.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    installed = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in installed), None)
    if family:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    QDir.addSearchPath("towndesk", str(resource()))  # the style sheet's url(towndesk:icons/…)
    style = resource("style.qss")
    sheet = style.read_text(encoding="utf-8") if style.is_file() else ""
    if app.styleSheet() != sheet:  # setting it again re-polishes every widget there is
        app.setStyleSheet(sheet)
    load_translator(app, DEFAULT_LANGUAGE)
    return app


def load_translator(app: QApplication, language: str) -> bool:
    """Switch the interface language; English (the source language) needs no translator.

    Returns True when a translation is installed (always True for English).
    """
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if getattr(app, "_towndesk_language", None) == language:
        return True  # installing again would make every widget translate itself again
    for previous in getattr(app, "_towndesk_translators", ()):
        app.removeTranslator(previous)
    app._towndesk_translators = []  # type: ignore[attr-defined]
    app._towndesk_language = None  # type: ignore[attr-defined]
    set_current_language(language)
    translator = make_translator(language)
    if translator is None:
        return language == "en"
    qt_own = qt_translator(language)
    for installed in (qt_own, translator):  # ours last: it wins where both translate
        if installed is not None:
            app.installTranslator(installed)
            app._towndesk_translators.append(installed)  # type: ignore[attr-defined]
    app._towndesk_language = language  # type: ignore[attr-defined]
    return True


def chosen_language(db: Database, language: str | None) -> str:
    """The language asked for on the command line, else the one saved in the database."""
    if language in LANGUAGES:
        return language  # type: ignore[return-value]
    saved = read_setting(db, LANGUAGE, DEFAULT_LANGUAGE)
    return saved if saved in LANGUAGES else DEFAULT_LANGUAGE


def run_window(
    db_path: Path, clock: Clock, language: str | None = None, username: str | None = None
) -> int:
    """The first start's choices if there is no database yet, then the sign-in loop
    (``Desk``) until the user quits. Returns the exit code."""
    app = create_application(sys.argv[:1])
    if not db_path.exists():
        from app.ui.setup.first_run import FirstRunDialog

        first = FirstRunDialog(db_path, clock)
        if first.exec() != QDialog.DialogCode.Accepted:
            return 1
        username = username or first.username
    opened = unlocked(db_path)
    if opened is None:
        return 1
    database, keys = opened
    try:
        db = open_database(database, wall=clock.wall)
    except (DomainError, sqlite_driver.Error, OSError) as error:
        return _refused_at_start(app, storage_error(error, db_path))
    try:
        load_translator(app, chosen_language(db, language))
        desk = Desk(database, db, clock, keys)
        desk.start(username or read_setting(db, LAST_USERNAME, "") or "")
    except (sqlite_driver.Error, OSError) as error:  # damage found past the file's header
        db.close()
        return _refused_at_start(app, storage_error(error, db_path))
    desk.finished.connect(app.exit)
    quits_alone = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # between signing out and in, no window is open
    try:
        return app.exec()
    finally:
        app.setQuitOnLastWindowClosed(quits_alone)
        db.close()


def _refused_at_start(app: QApplication, error: DomainError) -> int:
    """The one plain message, in a box, when the database cannot be opened; no traceback.
    Modal and held here until closed: a parentless box shown with ``open()`` would be
    deleted with its last Python reference, leaving an event loop with nothing on screen."""
    box = QMessageBox(QMessageBox.Icon.Warning, app.applicationDisplayName(), error_text(error))
    box.exec()
    return 1


def unlocked(db_path: Path) -> tuple[Path | DatabaseFile, DeviceKeys | None] | None:
    """The database to open, and the device keys if its password was asked: an encrypted
    one asks for the device password first (None: the user closed the unlock dialog); a
    plain one is opened by its path."""
    if not needs_key(db_path):
        return db_path, None
    from app.ui.unlock import DeviceUnlockDialog

    dialog = DeviceUnlockDialog(db_path)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
        return None
    return dialog.database, dialog.keys


def _preload_the_window() -> None:
    preload("app.ui.main_window")  # the window and its first page (0.1 s)
    preload("pyqtgraph")  # the statistics page's charts (0.5 s), with numpy


class Desk(QObject):
    """The way in, round and round: sign in; choose a new password if the administrator
    set the one used; the window; and when the user signs out or switches user, sign in
    again, in the same process, until the window is closed or a sign-in is cancelled.

    Each step is a dialog or window opened without blocking, so tests drive it as a user
    would; ``finished`` carries the exit code (0 once someone has worked, else 1)."""

    finished = Signal(int)

    def __init__(
        self,
        db_path: Path | DatabaseFile,
        db: Database,
        clock: Clock,
        keys: DeviceKeys | None = None,
    ) -> None:
        super().__init__()
        self.db_path, self.db, self.clock = db_path, db, clock  # with its key if encrypted
        self.keys = keys  # opened with the database: every window signs as it writes
        self.signin: SignInDialog | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.window: MainWindow | None = None
        self.worked = False  # someone got as far as the window

    def start(self, username: str = "") -> SignInDialog:
        """The sign-in dialog, the name filled in (or empty, for another user)."""
        dialog = SignInDialog(self.db, township(self.db).name, self.clock, username)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._signed_in(dialog.user, dialog.password.text()))
        dialog.rejected.connect(self._not_signed_in)
        self.signin = dialog
        dialog.show()
        dialog.activateWindow()
        # what the window needs, imported while the password is typed: once the dialog
        # is on screen (begun with it, the imports' Python held the dialog back as long)
        QTimer.singleShot(PRELOAD_AFTER_MS, _preload_the_window)
        return dialog

    def _not_signed_in(self) -> None:
        """The sign-in was closed: that is quitting."""
        self.signin = None
        self.finished.emit(0 if self.worked else 1)

    def _signed_in(self, user: User | None, password: str) -> None:
        self.signin = None
        if user is None:  # (accepted means signed in; never without a user)
            self.finished.emit(1)
            return
        write_setting(self.db, LAST_USERNAME, user.username)
        # passwords are changed on the office PC only (a laptop's user record would be
        # refused there): on a field laptop the user changes it at the office
        if must_change_password(self.db, user.id) and is_office(self.db):
            self._new_password(user, password)
        else:
            self._open_window(user)

    def _new_password(self, user: User, current: str) -> ChangePasswordDialog:
        """The administrator's password for this user is only a way in: the user chooses
        their own before the window opens; Cancel signs out."""
        session = Session(self.db_path, self.db, user, self.clock)
        dialog = ChangePasswordDialog(session, None, forced=True, current=current)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            session.close()
            session.deleteLater()
            self.password_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self._open_window(user)
            else:
                self.start(user.username)

        dialog.finished.connect(finished)
        self.password_dialog = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _open_window(self, user: User) -> None:
        from app.ui.main_window import MainWindow

        try:
            window = MainWindow(self.db_path, self.db, user, self.clock, self.keys)
        except Exception as error:  # the user must hear of it, and may try again
            from app.ui.common.runner import show_error_dialog

            show_error_dialog(None, error, traceback.format_exc())
            self.start(user.username)
            return
        window.left.connect(lambda reason: self._left(window, reason))
        self.window = window
        self.worked = True
        window.show()
        window.activateWindow()

    def _left(self, window: MainWindow, reason: str) -> None:
        window.left.disconnect()
        window.deleteLater()
        self.window = None
        if reason == SIGN_OUT:
            self.start(window.user.username)
        elif reason == SWITCH_USER:
            self.start("")
        else:
            self.finished.emit(0)
