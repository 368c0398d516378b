"""The window on an encrypted database: the device password first, then sign-in."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.core.intake import IntakeRequest
from app.store.cases import register_case
from app.store.encryption import is_encrypted
from app.store.eventlog import this_device
from app.store.reference import user_by_name
from app.store.setup import open_database
from app.sync.keys import CHEAP, key_file_beside
from app.sync.unlocking import encrypt_existing, unlock_device
from app.ui.app import unlocked
from app.ui.main_window import MainWindow
from app.ui.unlock import DeviceUnlockDialog
from tests.clock import TestClock, frozen

PASSWORD = "device-pass"


@pytest.fixture
def encrypted_demo(demo_path: Path) -> Path:
    """The demo township, encrypted as ``towndesk encrypt`` does (office keys made)."""
    db = open_database(demo_path)
    admin = user_by_name(db, "admin")  # the office's first use of keys: the administrator
    db.close()
    encrypt_existing(demo_path, PASSWORD, admin, CHEAP, wall=frozen)
    assert is_encrypted(demo_path)
    return demo_path


def make_dialog(qtbot, path: Path) -> DeviceUnlockDialog:
    dialog = DeviceUnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_typing_the_device_password_and_enter_unlocks(qtbot, encrypted_demo: Path) -> None:
    dialog = make_dialog(qtbot, encrypted_demo)
    assert dialog.focusWidget() is dialog.password  # the password is typed at once
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == DeviceUnlockDialog.DialogCode.Accepted
    assert dialog.database is not None and dialog.database.encrypted
    db = open_database(dialog.database)
    assert db.execute("SELECT name FROM township").fetchone()[0] == "青石镇"
    db.close()


def test_a_wrong_password_is_said_plainly_and_repeated_ones_wait(
    qtbot, encrypted_demo: Path
) -> None:
    before = digest(encrypted_demo)
    dialog = make_dialog(qtbot, encrypted_demo)
    for _ in range(2):
        dialog.password.setText("wrong-password")
        qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.database is None
    assert dialog.error.text() == "设备密码不正确，请重新输入。"
    assert dialog.button.isEnabled()
    dialog.password.setText("wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # the third: as sign-in, a wait
    assert "已连续失败 3 次" in dialog.error.text()
    assert not dialog.button.isEnabled()
    assert dialog.button.text().startswith("请等") or "Wait" in dialog.button.text()
    dialog.password.setText(PASSWORD)
    assert dialog.try_unlock() is None  # not even the right one during the wait
    dialog.countdown.end_now()  # the wait is over (no sleeping in tests)
    assert dialog.button.isEnabled()
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert dialog.database is not None
    assert digest(encrypted_demo) == before  # wrong tries wrote nothing


def test_a_missing_key_file_is_explained_without_a_wait(qtbot, encrypted_demo: Path) -> None:
    key_file_beside(encrypted_demo).rename(encrypted_demo.with_name("elsewhere.keys"))
    dialog = make_dialog(qtbot, encrypted_demo)
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert "密钥文件" in dialog.error.text() and "放回" in dialog.error.text()
    assert dialog.button.isEnabled() and dialog.database is None


def test_an_empty_password_is_asked_for(qtbot, encrypted_demo: Path) -> None:
    dialog = make_dialog(qtbot, encrypted_demo)
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and dialog.failures == 0


def test_the_window_asks_the_device_password_before_sign_in(qtbot, encrypted_demo: Path) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DeviceUnlockDialog)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    opened = unlocked(encrypted_demo)
    assert opened is not None
    database, keys = opened
    assert database.key is not None  # type: ignore[union-attr]
    assert keys is not None and keys.database_key == database.key  # type: ignore[union-attr]


def test_a_plain_database_asks_nothing(demo_path: Path) -> None:
    assert unlocked(demo_path) == (demo_path, None)


def own_head(db) -> tuple[int, int | None]:
    """This device's newest event and the newest seq a signed head of ours covers."""
    me = this_device(db).id
    newest = db.execute("SELECT max(device_seq) FROM events WHERE device_id = ?", [me])
    signed = db.execute("SELECT max(seq) FROM chain_heads WHERE device_id = ?", [me])
    return newest.fetchone()[0], signed.fetchone()[0]


def test_the_keys_that_opened_the_database_sign_the_chain_as_the_window_writes(
    qtbot, encrypted_demo: Path
) -> None:
    database, keys = unlock_device(encrypted_demo, PASSWORD)
    db = open_database(database)
    newest, signed = own_head(db)
    assert signed is None or signed < newest  # the demo's own writes were never signed
    clerk = user_by_name(db, "clerk")
    window = MainWindow(database, db, clerk, TestClock(), keys)
    window.remember_geometry = False
    qtbot.addWidget(window, before_close_func=lambda w: w.runner.shutdown())
    qtbot.waitUntil(lambda: own_head(db)[1] == newest, timeout=10_000)  # signed at once
    assert window.keyring.unlocked  # sync files need no second asking of the same password
    ref = window.session.ref
    category = next(code for code, c in ref.categories.items() if c.is_leaf)
    request = IntakeRequest(category, next(iter(ref.grids)), "巷口有人占道经营，请核实处理")
    blobs = window.session.blobs
    window.session.write(lambda w: register_case(w, blobs, clerk, request, wall=frozen))
    qtbot.waitUntil(lambda: own_head(db)[0] > newest, timeout=10_000)
    newest_now, signed_now = own_head(db)
    assert signed_now == newest_now  # the write's own transaction signed its head
    db.close()
