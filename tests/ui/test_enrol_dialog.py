"""Enrolling a field laptop and revoking a device from the sync page: the office's
administrator only. Devices come from the sync fixtures (the demo township as the office,
keys at the cheap argon2 cost)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store.devices import device_record
from app.sync.enrolment import join
from app.sync.keys import CHEAP
from app.ui.main_window import MainWindow
from app.ui.sync import transfer as sync_transfer
from tests.clock import frozen
from tests.sync import conftest as two_devices
from tests.sync.conftest import OFFICE_PASSWORD, Node
from tests.ui.conftest import open_window, type_chinese

office, laptop = two_devices.office, two_devices.laptop

Click = Qt.MouseButton.LeftButton
ONE_TIME = "qingshi-2026"


@pytest.fixture(autouse=True)
def _no_real_file_dialogs(monkeypatch):
    def refuse(*_args):
        raise AssertionError("a real file dialog was opened")

    monkeypatch.setattr(sync_transfer, "choose_save_path", refuse)
    monkeypatch.setattr(sync_transfer, "choose_open_path", refuse)


def admin_window(qtbot, node: Node, tmp_path: Path, unlocked: bool = True) -> MainWindow:
    window = open_window(qtbot, node.path, node.db, "admin")
    window.keyring.cost = CHEAP
    if unlocked:
        window.keyring.accept_keys(node.keys)
    (tmp_path / "usb").mkdir(exist_ok=True)
    window.sync.transfer.folder = lambda: tmp_path / "usb"  # where the file is suggested
    window.show_page("sync")
    return window


def open_enrol(qtbot, window: MainWindow):
    qtbot.mouseClick(window.sync.enrol_button, Click)
    dialog = window.sync.enrol_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog, name: str, password: str, again: str | None = None) -> None:
    dialog.name.setFocus()
    type_chinese(dialog.name, name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.confirm, password if again is None else again)


def device_names(window: MainWindow) -> list[str]:
    tree = window.sync.devices
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_enrol_writes_a_file_the_laptop_joins_with(qtbot, office, tmp_path):
    window = admin_window(qtbot, office, tmp_path, unlocked=False)
    page = window.sync
    assert page.enrol_button.isVisible() and page.enrol_button.text() == "注册外业终端…"
    qtbot.mouseClick(page.enrol_button, Click)
    unlock = window.keyring.dialog  # the keys first
    assert unlock is not None and page.enrol_dialog is None
    qtbot.keyClicks(unlock.password, OFFICE_PASSWORD)
    qtbot.keyClick(unlock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.enrol_dialog is not None)
    dialog = page.enrol_dialog
    assert dialog.windowTitle() == "注册外业终端"
    assert not dialog.department.isEnabled()  # a grid worker's laptop by default
    fill(qtbot, dialog, "青石村网格终端", ONE_TIME)
    target = tmp_path / "usb" / "注册文件-青石村网格终端.tdenrol"
    assert dialog.path.text() == str(target)
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    assert target.is_file()
    assert dialog.stack.currentWidget() is dialog.done_page and dialog.close_button.isVisible()
    assert "已注册" in dialog.done_title.text() and "青石村网格终端" in dialog.done_title.text()
    assert dialog.command.text() == f"towndesk device join {target.name}"
    assert any(name.startswith("青石村网格终端") for name in device_names(window))
    joined = join(target, tmp_path / "laptop" / "towndesk.sqlite3", ONE_TIME, CHEAP, wall=frozen)
    assert joined.name == "青石村网格终端" and joined.kind == "grid-worker"
    qtbot.mouseClick(dialog.close_button, Click)
    qtbot.waitUntil(lambda: page.enrol_dialog is None)


def test_a_department_laptop_gets_its_department(qtbot, office, tmp_path):
    window = admin_window(qtbot, office, tmp_path)
    dialog = open_enrol(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
    assert dialog.department.isEnabled()
    codes = [dialog.department.itemData(i) for i in range(dialog.department.count())]
    assert "ZFZD" in codes and not any(code == "ZHB" for code in codes)  # not the office
    dialog.department.setCurrentIndex(codes.index("ZFZD"))
    fill(qtbot, dialog, "执法中队终端", ONE_TIME)
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    assert dialog.outcome.device.kind == "department"
    assert dialog.outcome.device.department == "ZFZD"


def test_a_short_or_mismatched_password_is_refused(qtbot, office, tmp_path):
    window = admin_window(qtbot, office, tmp_path)
    dialog = open_enrol(qtbot, window)
    fill(qtbot, dialog, "青石村网格终端", "abc12")
    assert dialog.submit() is None
    assert dialog.error.isVisibleTo(dialog) and "至少 6 位" in dialog.error.text()
    dialog.password.clear()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.password, ONE_TIME)
    qtbot.keyClicks(dialog.confirm, ONE_TIME + "x")
    qtbot.mouseClick(dialog.ok_button, Click)
    assert dialog.error.text() == "两次输入的口令不一致，请重新输入。"
    assert dialog.confirm.text() == "" and dialog.focusWidget() is dialog.confirm
    assert dialog.operation is None and not list((tmp_path / "usb").iterdir())
    assert len(device_names(window)) == 1  # only the office


def test_a_name_in_use_is_said_in_the_dialog(qtbot, office, laptop, tmp_path):
    window = admin_window(qtbot, office, tmp_path)
    dialog = open_enrol(qtbot, window)
    fill(qtbot, dialog, "青石村网格终端", ONE_TIME)
    qtbot.mouseClick(dialog.ok_button, Click)
    qtbot.waitUntil(lambda: dialog.operation is None and dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == "设备名称“青石村网格终端”已被使用。"
    assert dialog.stack.currentWidget() is dialog.form_page and dialog.ok_button.isEnabled()


def test_revoke_marks_the_device_revoked(qtbot, office, laptop, tmp_path):
    window = admin_window(qtbot, office, tmp_path)
    page = window.sync
    assert not page.revoke_button.isEnabled()  # nothing selected
    page.devices.select(office.id)  # the office itself
    assert not page.revoke_button.isEnabled()
    page.devices.select(laptop.id)
    assert page.revoke_button.isEnabled()
    qtbot.mouseClick(page.revoke_button, Click)
    dialog = page.revoke_dialog
    assert dialog is not None and "青石村网格终端" in dialog.question.text()
    qtbot.mouseClick(dialog.ok_button, Click)
    assert dialog.error.text() == "请写明注销原因。"
    type_chinese(dialog.reason, "笔记本丢失")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter alone does not revoke
    assert device_record(office.db, laptop.id).revoked_at is None
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(dialog.ok_button, Click)
        assert not dialog.ok_button.isEnabled()  # no second revocation while it is written
    record = device_record(office.db, laptop.id)
    assert record.revoked and record.revoked_why == "笔记本丢失"
    qtbot.waitUntil(lambda: page.revoke_dialog is None)
    [row] = [i for i in map(page.devices.topLevelItem, range(2)) if i.text(0).startswith("青石村")]
    assert row.text(3) == "已注销"
    assert not page.revoke_button.isEnabled()  # still selected, but revoked already


def test_a_clerk_does_not_see_the_buttons(qtbot, office, laptop):
    window = open_window(qtbot, office.path, office.db, "clerk")
    window.show_page("sync")
    page = window.sync
    assert not page.enrol_button.isVisible() and not page.revoke_button.isVisible()
    page.start_enrol()
    page.devices.select(laptop.id)
    assert page.start_revoke() is None
    assert page.enrol_dialog is None and window.keyring.dialog is None


def test_a_field_laptop_does_not_see_the_buttons(qtbot, office, laptop):
    window = open_window(qtbot, laptop.path, laptop.db, "admin")
    window.show_page("sync")
    assert not window.sync.enrol_button.isVisible()
    assert not window.sync.revoke_button.isVisible()


def test_the_enrol_form_is_in_a_sensible_tab_order(qtbot, office, tmp_path):
    window = admin_window(qtbot, office, tmp_path)
    dialog = open_enrol(qtbot, window)
    assert dialog.focusWidget() is dialog.name
    seen = []
    for _ in range(7):
        seen.append(dialog.focusWidget())
        dialog.focusNextChild()
    expected = [dialog.name, dialog.kind, dialog.password, dialog.confirm, dialog.path]
    assert seen[:5] == expected  # the department is skipped while disabled
    assert seen[5] is dialog.browse_button and seen[6] is dialog.ok_button
