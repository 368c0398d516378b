"""Sign-in: wrong passwords are explained inline; repeated failures impose a wait."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.signin import SignInDialog
from tests.clock import TestClock


def make_dialog(qtbot, demo_db, username: str = "", clock: TestClock | None = None) -> SignInDialog:
    dialog = SignInDialog(demo_db, "青石镇", clock or TestClock(), username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_enter_signs_in(qtbot, demo_db):
    dialog = make_dialog(qtbot, demo_db, "clerk")
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.user is not None
    assert dialog.user.username == "clerk"
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_a_wrong_password_is_explained_in_red_and_the_dialog_stays(qtbot, demo_db):
    dialog = make_dialog(qtbot, demo_db)
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert dialog.user is None
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "用户名或密码不正确。"
    assert dialog.error.objectName() == "errorLabel"  # red in the style sheet


def test_an_empty_user_name_is_asked_for(qtbot, demo_db):
    dialog = make_dialog(qtbot, demo_db)
    dialog.try_sign_in()
    assert dialog.error.text() == "请输入用户名。"


def test_repeated_failures_disable_the_button_with_a_countdown(qtbot, demo_db, clock):
    dialog = make_dialog(qtbot, demo_db, "grid", clock)
    for _ in range(4):  # three free mistakes, then a wait
        dialog.password.setText("nope-nope")
        dialog.try_sign_in()
    assert "秒后再试" in dialog.error.text()
    assert not dialog.button.isEnabled()
    assert "请等待" in dialog.button.text()
    seconds = dialog.countdown.seconds
    assert seconds > 0
    dialog.password.setText("grid123")
    assert dialog.try_sign_in() is None  # Enter during the wait does nothing
    qtbot.waitUntil(dialog.button.isEnabled, timeout=(seconds + 2) * 1000)
    clock.advance(seconds=seconds)  # the store's clock has waited as long
    assert dialog.button.text() == "登录"
    assert dialog.try_sign_in() is not None
