"""The parties (当事人) on the case detail: added and removed through their dialogs with the
keyboard, shown masked to roles that need not see them, a refusal explained in the dialog
with nothing written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.core.model import Route
from app.store.cases import case_by_number
from app.ui.case_detail.dialog import CaseDetailDialog
from app.ui.case_detail.parties import PartyDialog, RemovePartyDialog
from app.ui.main_window import MainWindow
from tests.store.store_helpers import full_dump
from tests.ui.conftest import _close_quietly, fresh_case, open_window, type_chinese

ID_NUMBER = "320102199001011232"


@pytest.fixture
def opened(qtbot, demo_path, demo_db, clock) -> Iterator:
    windows: list[MainWindow] = []

    def open_as(username: str, number: str) -> CaseDetailDialog:
        window = open_window(qtbot, demo_path, demo_db, username, clock)
        windows.append(window)
        detail = window.open_case(case_by_number(demo_db, number))
        qtbot.waitExposed(detail)
        return detail

    yield open_as
    for window in windows:
        for dialog in window.findChildren(QDialog):
            dialog.done(0)
        _close_quietly(window)
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def labels(detail: CaseDetailDialog) -> list[str]:
    return [label.text() for label in detail.parties.findChildren(QLabel)]


def test_a_clerk_adds_a_person_and_an_organisation_by_keyboard(
    qtbot, opened, demo_db, demo_path
) -> None:
    number = fresh_case(demo_db, demo_path, Route.SELF)
    detail = opened("clerk", number)
    assert "尚未登记当事人。" in labels(detail)
    dialog = detail.parties.start_add()
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, PartyDialog) and dialog.focusWidget() is dialog.name
    type_chinese(dialog.name, "张三")
    qtbot.keyClicks(dialog.id_number, ID_NUMBER)
    qtbot.keyClicks(dialog.phone, "13805356789")
    assert not dialog.credit_code.isVisible()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter records it
    assert dialog.error.isHidden(), dialog.error.text()
    qtbot.waitUntil(lambda: any("张三" in text for text in labels(detail)))

    dialog = detail.parties.start_add()
    qtbot.waitUntil(dialog.isVisible)
    dialog.organisation.setFocus()  # tabbed to, then Space, as with any radio button
    qtbot.keyClick(dialog.organisation, Qt.Key.Key_Space)
    assert dialog.organisation.isChecked() and dialog.credit_code.isVisible()
    assert not dialog.id_number.isVisible()
    type_chinese(dialog.name, "烟台某某餐饮有限公司")
    qtbot.keyClicks(dialog.credit_code, "91350100M000100Y43")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(detail.parties.parties) == 2)
    assert detail.parties.parties[1].credit_code == "91350100M000100Y43"


def test_a_wrong_id_number_is_explained_and_nothing_written(
    qtbot, opened, demo_db, demo_path
) -> None:
    number = fresh_case(demo_db, demo_path, Route.SELF)
    detail = opened("clerk", number)
    before = full_dump(demo_db)
    dialog = detail.parties.start_add()
    qtbot.waitUntil(dialog.isVisible)
    type_chinese(dialog.name, "李四")
    qtbot.keyClicks(dialog.id_number, ID_NUMBER[:-1] + "3")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "校验位不对" in dialog.error.text()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert full_dump(demo_db) == before


def test_an_officer_of_another_unit_sees_masked_and_may_not_change(
    qtbot, opened, demo_db, demo_path
) -> None:
    number = fresh_case(demo_db, demo_path, Route.SELF)
    clerk = opened("clerk", number)
    dialog = clerk.parties.start_add()
    qtbot.waitUntil(dialog.isVisible)
    type_chinese(dialog.name, "张三")
    qtbot.keyClicks(dialog.id_number, ID_NUMBER)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(clerk.parties.parties) == 1)

    officer = opened("officer", number)  # SCJG; the office leads this case
    assert officer.parties.add_button is None and officer.parties.remove_buttons == {}
    shown = " ".join(labels(officer))
    assert "张某" in shown and "3201**********1232" in shown and "张三" not in shown

    [party] = clerk.parties.parties
    remove = clerk.parties.start_remove(party)
    qtbot.waitUntil(remove.isVisible)
    assert isinstance(remove, RemovePartyDialog) and remove.focusWidget() is remove.reason
    type_chinese(remove.reason, "登记错了")
    with qtbot.waitSignal(remove.finished):
        qtbot.keyClick(remove.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: clerk.parties.parties == [])
