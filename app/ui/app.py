"""The QApplication, the translator, and the window's way in: sign in, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.paths import resource
from app.store.reference import township
from app.store.settings import LANGUAGE, LAST_USERNAME, read_setting, write_setting
from app.store.setup import open_database
from app.ui.common.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    make_translator,
    qt_translator,
    set_current_language,
)

# The first Chinese UI font found: Debian/UOS/Kylin, Windows, other Linux, macOS.
FONT_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC")
FONT_POINT_SIZE = 10
# Harmless notices of the offscreen platform (screenshots, self-test, CI) that would
# otherwise clutter every command's output.
_QUIET_MESSAGES = ("propagateSizeHints",)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not any(quiet in message for quiet in _QUIET_MESSAGES):
        print(message, file=sys.stderr)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the Chinese font, the style sheet and the translator."""
    qInstallMessageHandler(_qt_message)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("TownDesk")
    app.setOrganizationName("TownDesk")
    app.setApplicationDisplayName("TownDesk")
    installed = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in installed), None)
    if family:
        app.setFont(QFont(family, FONT_POINT_SIZE))
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
    """Sign in, then the main window until it closes. Returns the exit code."""
    from app.ui.common.runner import show_error_dialog
    from app.ui.main_window import MainWindow
    from app.ui.signin import SignInDialog

    app = create_application(sys.argv[:1])
    if not db_path.exists():
        from app.ui.setup.first_run import FirstRunDialog

        if FirstRunDialog(db_path, clock).exec() != QDialog.DialogCode.Accepted:
            return 1
        username = username or "clerk"
    try:
        db = open_database(db_path)
    except DomainError as error:
        show_error_dialog(None, error)
        app.exec()  # until the message is closed
        return 1
    load_translator(app, chosen_language(db, language))
    name = username or read_setting(db, LAST_USERNAME, "") or ""
    dialog = SignInDialog(db, township(db).name, clock, name)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
        db.close()
        return 1
    write_setting(db, LAST_USERNAME, dialog.user.username)
    window = MainWindow(db_path, db, dialog.user, clock)
    window.show()
    code = app.exec()
    db.close()
    return code
