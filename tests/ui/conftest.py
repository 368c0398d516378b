"""Widget fixtures: the real application (font, style, Chinese translator) and a signed-in
main window over a private copy of the demo township."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.core.model import User
from app.store.reference import user_by_name
from app.ui.app import create_application, load_translator
from app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def chinese_app(qapp: QApplication) -> Iterator[QApplication]:
    """Every widget test runs in Simplified Chinese, the product's default language."""
    app = create_application([])
    assert load_translator(app, "zh_CN"), "the Chinese translation did not load"
    yield app
    load_translator(app, "zh_CN")


def open_window(qtbot, demo_path: Path, demo_db, username: str) -> MainWindow:
    user: User = user_by_name(demo_db, username)
    window = MainWindow(demo_path, demo_db, user)
    window.remember_geometry = False
    window.runner.error_handler = _raise_in_test
    qtbot.addWidget(window, before_close_func=_close_quietly)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close_quietly(window: MainWindow) -> None:
    """Tests leave half-typed intakes open: drop them without the "discard?" question."""
    if window.intake_dialog is not None:
        window.intake_dialog.done(0)
    window.runner.shutdown()


def _raise_in_test(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error dialog: {error!r}\n{details}")


@pytest.fixture
def window(qtbot, demo_path: Path, demo_db) -> MainWindow:
    return open_window(qtbot, demo_path, demo_db, "clerk")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A small real PNG, drawn with QImage."""
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    for x in range(64):
        image.setPixelColor(x, x * 48 // 64, QColor("#ffffff"))
    path = tmp_path / "现场照片.png"
    assert image.save(str(path), "PNG")
    return path


def type_chinese(widget, text: str) -> None:
    """Chinese arrives through the input method as committed text (QTest.keyClicks is
    ASCII only), so send exactly that: one commit per character, as a pinyin IME would."""
    from PySide6.QtGui import QInputMethodEvent

    for character in text:
        event = QInputMethodEvent()
        event.setCommitString(character)
        QApplication.sendEvent(widget, event)


def pending_suggesting(db, route, lead: str | None = None) -> str:
    """A case waiting for triage for which the three lists suggest ``route`` (and ``lead``):
    a test that takes that route follows the lists and needs no reason to override them."""
    from app.store.cases import case_by_number
    from app.store.routing import suggestion_for

    for (number,) in db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number"
    ).fetchall():
        suggestion = suggestion_for(db, case_by_number(db, number))
        if (
            suggestion is not None
            and suggestion.route == route
            and (lead is None or suggestion.lead == lead)
        ):
            return number
    raise AssertionError(f"the demo has no pending case the lists route {route} {lead or ''}")
