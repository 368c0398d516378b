"""First start without a database: set up our township (the wizard: test_setup_wizard.py),
join as a field laptop with the office's enrolment file, or make the demo on the worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.store.case_list import CaseFilter, count_cases
from app.store.devices import is_office
from app.store.encryption import is_encrypted
from app.store.eventlog import this_device
from app.store.setup import open_database
from app.store.signin import sign_in
from app.sync.enrolment import enrol
from app.sync.keys import CHEAP, key_file_beside
from app.sync.unlocking import unlock_database
from app.ui.setup.first_run import DEMO_CASES, FirstRunDialog
from tests.clock import frozen
from tests.sync.conftest import LAPTOP_PASSWORD, OFFICE_PASSWORD, open_node


def test_first_run_creates_the_demo_township(qtbot, tmp_path: Path, clock) -> None:
    path = tmp_path / "new" / "towndesk.sqlite3"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_button.click()
    assert not dialog.demo_button.isEnabled()  # no second demo while the first is made
    # 3,000 demo cases on the worker: SQLCipher's SQLite writes them about a third slower
    # than the stdlib's did, and the test machine is shared
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=120_000)
    db = open_database(path)
    assert count_cases(db, CaseFilter()) == DEMO_CASES
    db.close()
    assert not list(path.parent.glob("*.partial*"))


def test_quitting_the_first_run_creates_nothing(qtbot, tmp_path: Path, clock) -> None:
    path = tmp_path / "towndesk.sqlite3"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert list(tmp_path.iterdir()) == []


def test_the_three_ways_in_are_offered(qtbot, tmp_path: Path, clock) -> None:
    dialog = FirstRunDialog(tmp_path / "towndesk.sqlite3", clock)
    qtbot.addWidget(dialog)
    dialog.show()
    choices = [dialog.setup_button, dialog.join_button, dialog.demo_button]
    assert [c.text() for c in choices] == ["建立本乡镇", "作为外业终端加入", "打开演示乡镇"]
    assert dialog.setup_button.isDefault()  # Enter: the office PC's usual first start
    assert dialog.sizeHint().height() <= 700


def test_a_township_set_up_goes_on_to_sign_in_as_admin(qtbot, tmp_path: Path, clock) -> None:
    path = tmp_path / "towndesk.sqlite3"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.setup_button.click()
    wizard = dialog.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.reject()  # changed their mind: back to the three ways, nothing made
    assert dialog.isVisible() and dialog.result() == 0 and not path.exists()
    dialog.setup_button.click()
    wizard = dialog.wizard
    wizard.township_page.name.setText("白石镇")
    wizard.township_page.code.setText("BS")
    wizard.next()
    wizard.admin_page.password.setText("baishi-2026")
    wizard.admin_page.again.setText("baishi-2026")
    wizard.next()
    wizard.data_page.nothing_option.setChecked(True)
    wizard.next()
    wizard.next()  # create
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=30_000)
    wizard.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.username == "admin" and path.exists()


# -- joining as a field laptop -------------------------------------------------------------


@pytest.fixture
def enrolment(demo_path: Path, tmp_path: Path) -> Iterator[Path]:
    """An enrolment file the office made for a grid worker's laptop, as the sync tests do."""
    office = open_node(demo_path, OFFICE_PASSWORD)
    target = tmp_path / "usb" / "注册文件-青石村网格终端.tdenrol"
    target.parent.mkdir()
    enrol(office.db, office.blobs, office.keys, office.user("admin"), "青石村网格终端",
          "grid-worker", None, LAPTOP_PASSWORD, target, CHEAP, wall=frozen)  # fmt: skip
    office.db.close()
    yield target


def open_join(qtbot, path: Path, clock):
    dialog = FirstRunDialog(path, clock, cost=CHEAP)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.join_button.click()
    joining = dialog.join_dialog
    assert joining is not None and joining.windowTitle() == "作为外业终端加入"
    joining.runner.error_handler = _raise
    return dialog, joining


def _raise(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error dialog: {error!r}\n{details}")


def test_a_laptop_joins_with_its_enrolment_file(qtbot, tmp_path: Path, clock, enrolment) -> None:
    path = tmp_path / "laptop" / "towndesk.sqlite3"
    dialog, joining = open_join(qtbot, path, clock)
    joining.file.setText(str(enrolment))
    qtbot.keyClicks(joining.password, LAPTOP_PASSWORD)
    qtbot.keyClick(joining.password, Qt.Key.Key_Return)  # Enter joins
    qtbot.waitUntil(lambda: joining.device is not None, timeout=30_000)
    assert "青石村网格终端" in joining.done_title.text()
    joining.close_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.username == ""
    assert is_encrypted(path)  # a laptop is encrypted from its first byte
    db = open_database(unlock_database(path, LAPTOP_PASSWORD))
    try:
        assert not is_office(db)
        assert this_device(db).id == joining.device.id
        assert sign_in(db, "grid", "grid123", now_ms=frozen).username == "grid"
    finally:
        db.close()
    assert key_file_beside(path).exists()  # the enrolment password now opens its keys


def test_a_wrong_enrolment_password_is_said_plainly_and_creates_nothing(
    qtbot, tmp_path: Path, clock, enrolment
) -> None:
    path = tmp_path / "laptop" / "towndesk.sqlite3"
    dialog, joining = open_join(qtbot, path, clock)
    joining.file.setText(str(enrolment))
    qtbot.keyClicks(joining.password, "not-the-password")
    joining.submit()
    qtbot.waitUntil(lambda: joining.operation is None, timeout=30_000)
    assert joining.error.text() == "注册口令不正确，请向综合执法办核实。什么都没有创建。"
    assert joining.isVisible() and joining.device is None
    assert not path.parent.exists() or list(path.parent.iterdir()) == []
    joining.reject()
    assert dialog.isVisible() and dialog.result() == 0  # the three ways again


def test_a_missing_enrolment_file_is_asked_for(qtbot, tmp_path: Path, clock) -> None:
    _dialog, joining = open_join(qtbot, tmp_path / "towndesk.sqlite3", clock)
    assert joining.submit() is None
    assert joining.error.text() == "请选择注册文件。"
    joining.file.setText(str(tmp_path / "nope.tdenrol"))
    assert joining.submit() is None and "不存在" in joining.error.text()
