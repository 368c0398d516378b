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
from tests.clock import TestClock, frozen


@pytest.fixture(autouse=True)
def chinese_app(qapp: QApplication) -> Iterator[QApplication]:
    """Every widget test runs in Simplified Chinese, the product's default language."""
    app = create_application([])
    assert load_translator(app, "zh_CN"), "the Chinese translation did not load"
    yield app
    load_translator(app, "zh_CN")


def open_window(
    qtbot, demo_path: Path, demo_db, username: str, clock: TestClock | None = None
) -> MainWindow:
    """The signed-in window; on its own frozen clock unless the test shares one."""
    user: User = user_by_name(demo_db, username)
    window = MainWindow(demo_path, demo_db, user, clock or TestClock())
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
def window(qtbot, demo_path: Path, demo_db, clock: TestClock) -> MainWindow:
    return open_window(qtbot, demo_path, demo_db, "clerk", clock)


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


def fresh_case(db, path: Path, route, lead: str | None = None, username: str = "clerk") -> str:
    """Register a new case in the first problem category the three lists route to ``route``
    (and ``lead``), and return its number: a test that takes that route follows the lists and
    needs no reason to override them. Fresh, so no step of the demo's is in its history."""
    from app.core.intake import IntakeRequest
    from app.core.routing import suggest
    from app.store.blobs import BlobStore
    from app.store.cases import register_case
    from app.store.reference import ReferenceData
    from app.store.routing import boundary_entries, power_entries

    ref = ReferenceData(db)
    for category in ref.categories.values():
        if not category.is_leaf:
            continue
        code = category.code
        suggestion = suggest(
            category, boundary_entries(db, code), power_entries(db, code), ref.departments
        )
        if suggestion is None or suggestion.route != route:
            continue
        if lead is not None and suggestion.lead != lead:
            continue
        request = IntakeRequest(
            code, next(iter(ref.grids)), f"{category.name}：群众来电反映，请核实处理"
        )
        case = register_case(
            db, BlobStore.beside(path), user_by_name(db, username), request, wall=frozen
        )
        return case.number
    raise AssertionError(f"the three lists route no category to {route} {lead or ''}")
