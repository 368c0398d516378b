"""The user's own account: signing out and switching user bring the sign-in back in the same
process (the loop of ui/app.py's Desk), a password the administrator set is changed before
the window opens, and changing one's password proves the current one first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from app.store.base_data import reset_password
from app.store.reference import must_change_password, user_by_name
from app.store.signin import sign_in
from app.ui.account import QUIT
from app.ui.app import Desk
from app.ui.main_window import MainWindow
from tests.clock import frozen
from tests.ui.conftest import open_window, type_chinese

Click = Qt.MouseButton.LeftButton


@pytest.fixture
def desk(qtbot, demo_path: Path, demo_db, clock) -> Iterator[Desk]:
    made = Desk(demo_path, demo_db, clock)
    made.codes = []  # type: ignore[attr-defined]
    made.finished.connect(made.codes.append)  # type: ignore[attr-defined]
    yield made
    if made.window is not None:
        made.window.remember_geometry = False
        if made.window.intake_dialog is not None:
            made.window.intake_dialog.done(0)
        made.window.close()
    for dialog in (made.signin, made.password_dialog):
        if dialog is not None:
            dialog.done(0)


def sign_in_as(qtbot, desk: Desk, username: str, password: str) -> None:
    dialog = desk.signin
    assert dialog is not None and dialog.isVisible()
    if dialog.username.text() != username:
        dialog.username.setText(username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def opened(desk: Desk) -> MainWindow:
    window = desk.window
    assert window is not None and window.isVisible()
    window.remember_geometry = False
    return window


def events(db) -> int:
    return db.execute("SELECT count(*) FROM events").fetchone()[0]


def test_signing_out_brings_the_sign_in_back_until_the_window_is_closed(qtbot, desk) -> None:
    desk.start("clerk")
    sign_in_as(qtbot, desk, "clerk", "clerk123")
    window = opened(desk)
    assert window.account_button.text() == "王晓丽 · 受理员 · 综合执法办"  # as the header was
    assert desk.signin is None
    window.sign_out_action.trigger()
    assert desk.window is None and not window.isVisible()
    assert desk.signin is not None and desk.signin.username.text() == "clerk"
    assert desk.codes == []  # still running
    sign_in_as(qtbot, desk, "clerk", "clerk123")
    again = opened(desk)
    assert again is not window
    again.close()  # quitting, not signing out
    assert desk.codes == [0] and desk.signin is None


def test_switching_user_asks_for_another_name(qtbot, desk) -> None:
    desk.start("clerk")
    sign_in_as(qtbot, desk, "clerk", "clerk123")
    opened(desk).switch_user_action.trigger()
    assert desk.signin is not None and desk.signin.username.text() == ""
    sign_in_as(qtbot, desk, "leader", "leader123")
    window = opened(desk)
    assert window.user.username == "leader"
    assert window.account_button.text().startswith("刘建军 · 分管领导")


def test_signing_out_asks_about_an_unsaved_intake_as_closing_does(qtbot, desk, monkeypatch) -> None:
    desk.start("clerk")
    sign_in_as(qtbot, desk, "clerk", "clerk123")
    window = opened(desk)
    intake = window.open_intake()
    assert intake is not None
    type_chinese(intake.description, "菜市场东口占道经营")
    monkeypatch.setattr(intake, "confirm_discard", lambda: False)
    assert not window.sign_out()
    assert window.isVisible() and desk.window is window and desk.signin is None
    assert window.leaving == QUIT  # closing it later quits as before
    monkeypatch.setattr(intake, "confirm_discard", lambda: True)
    window.sign_out_action.trigger()
    assert desk.window is None and desk.signin is not None


def test_cancelling_the_sign_in_quits(qtbot, desk) -> None:
    desk.start("")
    desk.signin.reject()
    assert desk.codes == [1]  # nobody signed in


def test_cancelling_after_signing_out_quits_normally(qtbot, desk) -> None:
    desk.start("clerk")
    sign_in_as(qtbot, desk, "clerk", "clerk123")
    opened(desk).sign_out_action.trigger()
    desk.signin.reject()
    assert desk.codes == [0]


def test_a_password_the_administrator_set_is_changed_before_the_window(
    qtbot, desk, demo_db
) -> None:
    admin = user_by_name(demo_db, "admin")
    reset_password(demo_db, admin, "grid", "given-by-admin", wall=frozen)
    desk.start("grid")
    sign_in_as(qtbot, desk, "grid", "given-by-admin")
    dialog = desk.password_dialog
    assert dialog is not None and dialog.isVisible() and desk.window is None
    assert dialog.forced and dialog.cancel_button.text() == "退出登录"
    assert not dialog.current.isVisibleTo(dialog)  # just typed at sign-in
    dialog.reject()  # cannot be skipped: Cancel signs out
    assert desk.window is None and desk.signin is not None
    sign_in_as(qtbot, desk, "grid", "given-by-admin")
    dialog = desk.password_dialog
    qtbot.keyClicks(dialog.new, "my-own-pass")
    qtbot.keyClicks(dialog.again, "my-own-pass")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.window is not None)
    assert opened(desk).user.username == "grid"
    grid = user_by_name(demo_db, "grid")
    assert not must_change_password(demo_db, grid.id)
    desk.window.sign_out_action.trigger()
    sign_in_as(qtbot, desk, "grid", "my-own-pass")
    assert desk.password_dialog is None  # asked once
    assert opened(desk).user.username == "grid"


def test_a_wrong_current_password_is_refused_and_nothing_is_written(
    qtbot, demo_path, demo_db
) -> None:
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    before = events(demo_db)
    window.account_button.menu().actions()[0].trigger()  # 修改密码…
    dialog = window.password_dialog
    assert dialog is not None and dialog.windowTitle() == "修改密码"
    qtbot.keyClicks(dialog.current, "not-my-password")
    qtbot.keyClicks(dialog.new, "clerk-new-1")
    qtbot.keyClicks(dialog.again, "clerk-new-1")
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: dialog.writing is None)
    assert dialog.isVisible() and dialog.error.text() == "原密码不对，密码没有修改。"
    assert events(demo_db) == before
    assert sign_in(demo_db, "clerk", "clerk123", now_ms=frozen).username == "clerk"


def test_two_different_new_passwords_are_refused_in_the_dialog(qtbot, demo_path, demo_db) -> None:
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    before = events(demo_db)
    dialog = window.change_password()
    qtbot.keyClicks(dialog.current, "clerk123")
    qtbot.keyClicks(dialog.new, "clerk-new-1")
    qtbot.keyClicks(dialog.again, "clerk-new-2")
    assert dialog.submit() is None
    assert dialog.error.text() == "两次输入的新密码不一致，请再输入一遍。"
    assert dialog.again.text() == "" and events(demo_db) == before


def test_the_password_is_changed_and_works_at_the_next_sign_in(qtbot, demo_path, demo_db) -> None:
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    dialog = window.change_password()
    qtbot.keyClicks(dialog.current, "clerk123")
    qtbot.keyClicks(dialog.new, "clerk-new-1")
    qtbot.keyClicks(dialog.again, "clerk-new-1")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)  # Enter is OK
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "密码已修改。")
    assert sign_in(demo_db, "clerk", "clerk-new-1", now_ms=frozen).username == "clerk"


def test_the_account_button_shows_a_white_arrow_on_the_blue_header(qtbot, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    button = window.account_button
    assert button.styleSheet() == ""  # its look is the style sheet's (resources/style.qss)
    seen = window.grab(QRect(button.mapTo(window, QPoint(0, 0)), button.size())).toImage()
    arrow = [  # the right-hand padding, where the menu arrow is drawn on the header's blue
        seen.pixelColor(x, y)
        for x in range(seen.width() - 24, seen.width())
        for y in range(seen.height())
    ]
    assert max(colour.lightness() for colour in arrow) > 240  # white, not a style's dim arrow


def test_the_window_and_charts_are_imported_while_the_password_is_typed(
    qtbot, desk, monkeypatch
) -> None:
    """Once the sign-in dialog is on screen, not before it (the imports would hold it back)."""
    asked: list[str] = []
    monkeypatch.setattr("app.ui.app.preload", asked.append)
    desk.start("clerk")
    assert asked == []
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert asked == ["app.ui.main_window", "pyqtgraph"]
