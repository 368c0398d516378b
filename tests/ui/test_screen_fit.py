"""Everything fits the township office PC: a 1366×768 screen less a 40 px taskbar, which is
the tests' offscreen screen (tests/office_screen.json). Every page and every dialog opens
within 1366×728 with its title bar, and no two visible widgets of one parent overlap."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QStackedWidget,
    QWidget,
)

from app.core.case_path.steps import Action
from app.core.lists import ListKind
from app.core.model import Route
from app.reports.spreadsheets import read_sheet
from app.store.cases import case_by_number
from app.ui.common.screen import TITLE_BAR
from app.ui.main_window import PAGES, MainWindow
from tests.ui.conftest import fresh_case, open_window

WIDTH, HEIGHT = 1366, 728 - TITLE_BAR
LISTS = Path(__file__).parents[2] / "resources" / "lists"


def test_the_tests_screen_is_the_office_pc() -> None:
    free = QApplication.primaryScreen().availableGeometry()
    assert (free.width(), free.height()) == (1366, 728)


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible sibling widgets whose rectangles cross (touching edges allowed)."""
    found = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible() or isinstance(parent, QStackedWidget | QAbstractScrollArea):
            continue  # a stack shows one child; a scroll area places its own parts
        children = [
            child
            for child in parent.children()
            if isinstance(child, QWidget) and child.isVisible() and not child.isWindow()
        ]
        for index, one in enumerate(children):
            for other in children[index + 1 :]:
                if _inner(one.geometry()).intersects(_inner(other.geometry())):
                    found.append(f"{_name(one)} × {_name(other)} in {_name(parent)}")
    return found


def _inner(rect: QRect) -> QRect:
    return rect.adjusted(1, 1, -1, -1)


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    return f"{type(widget).__name__}#{widget.objectName()}{f' {label[:12]!r}' if label else ''}"


def test_the_overlap_check_sees_an_overlap(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    box = QWidget()
    qtbot.addWidget(box)
    one, other = QLabel("一", box), QLabel("二", box)
    one.setGeometry(0, 0, 100, 20)
    other.setGeometry(50, 10, 100, 20)
    box.show()
    assert overlaps(box) == ["QLabel# '一' × QLabel# '二' in QWidget#"]
    other.move(100, 0)  # side by side, touching: fine
    assert overlaps(box) == []


def check_fits(widget: QWidget) -> None:
    QCoreApplication.processEvents()
    hint = widget.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, (type(widget).__name__, hint)
    size = widget.size()
    assert size.width() <= WIDTH and size.height() <= HEIGHT, (type(widget).__name__, size)
    assert overlaps(widget) == []


@pytest.mark.parametrize("username", ["admin", "clerk", "officer"])
def test_every_page_fits_the_window_on_the_office_pc(qtbot, demo_path, demo_db, username):
    window = open_window(qtbot, demo_path, demo_db, username)
    window.resize(WIDTH, HEIGHT)
    for key in PAGES:
        window.show_page(key)
        assert window.current_page() == key
        check_fits(window)


def _case_with_call(demo_db) -> str:
    row = demo_db.execute(
        "SELECT number FROM cases WHERE call_status IN ('called', 'acknowledged') LIMIT 1"
    ).fetchone()
    assert row, "the demo has an open call"
    return row[0]


def _opened(window: MainWindow, dialog: QWidget) -> QWidget:
    dialog.show()
    QCoreApplication.processEvents()
    return dialog


def _dialogs(window: MainWindow, demo_db, demo_path) -> dict[str, Callable[[], QWidget]]:
    from app.ui.account import ChangePasswordDialog
    from app.ui.base_data.categories import CategoryDialog
    from app.ui.base_data.people import UserDialog
    from app.ui.base_data.units import DepartmentDialog, GridDialog
    from app.ui.case_detail.steps.registry import open_step
    from app.ui.lists.import_dialog import ListImportDialog
    from app.ui.signin import SignInDialog

    session = window.session
    pending = case_by_number(demo_db, fresh_case(demo_db, demo_path, Route.DISPATCH_X))
    called = case_by_number(demo_db, _case_with_call(demo_db))
    leaf = next(c for c in window.ref.categories.values() if c.is_leaf)
    admin = window.user
    boundary_sheet = read_sheet(LISTS / "职责边界清单.csv")
    return {
        "intake": window.open_intake,
        "case with a call": lambda: window.open_case(called),
        "dispatch": lambda: open_step(session, pending, Action.DISPATCH, window),
        "call": lambda: open_step(session, pending, Action.CALL, window),
        "transfer to the police": lambda: open_step(
            session, pending, Action.TRANSFER_POLICE, window
        ),
        "holidays": lambda: window.open_holidays(date(2027, 1, 1).year),
        "change password": lambda: _opened(window, ChangePasswordDialog(session, window)),
        "sign-in": lambda: _opened(window, SignInDialog(demo_db, "青石镇", window.clock, "")),
        "list import": lambda: _opened(
            window, ListImportDialog(session, boundary_sheet, ListKind.BOUNDARY, window)
        ),
        "new department": lambda: _opened(window, DepartmentDialog(session, None, window)),
        "department": lambda: _opened(
            window, DepartmentDialog(session, window.ref.departments["YJJ"], window)
        ),
        "new grid": lambda: _opened(window, GridDialog(session, None, window)),
        "category": lambda: _opened(window, CategoryDialog(session, leaf, parent=window)),
        "new user": lambda: _opened(window, UserDialog(session, None, window)),
        "user": lambda: _opened(window, UserDialog(session, admin, window)),
    }


def test_every_dialog_fits_the_office_pc(qtbot, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    problems = {}
    for name, open_dialog in _dialogs(window, demo_db, demo_path).items():
        dialog = open_dialog()
        assert dialog is not None, name
        try:
            check_fits(dialog)
        except AssertionError as error:
            problems[name] = str(error)
        finally:
            dialog.done(0) if hasattr(dialog, "done") else dialog.close()
    assert problems == {}
