"""The holiday schedule in the window: the workbench warns the administrator and the clerk
while a year is not complete, and the administrator enters it in one dialog. The clock
stands in 2034, a year no release of chinese-calendar knows."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate

from app.core.holidays import FESTIVALS, Festival
from app.store.work_calendar import holiday_schedules
from app.ui.settings.holidays import HolidayScheduleDialog
from tests.clock import TestClock
from tests.store.store_helpers import full_dump
from tests.ui.conftest import open_window


def clock_in_2034() -> TestClock:
    clock = TestClock()
    clock.set(datetime(2034, 11, 15, 9, 0))
    return clock


def test_only_those_who_set_deadlines_are_warned(qtbot, demo_path, demo_db) -> None:
    admin = open_window(qtbot, demo_path, demo_db, "admin", clock_in_2034())
    banner = admin.workbench.calendar_banner
    assert banner.isVisible() and banner.button.isVisible()
    assert "2034 年的法定节假日尚未录入" in banner.text.text()
    assert "周一至周五" in banner.text.text()
    clerk = open_window(qtbot, demo_path, demo_db, "clerk", clock_in_2034())
    assert clerk.workbench.calendar_banner.isVisible()
    assert not clerk.workbench.calendar_banner.button.isVisible()
    assert "请管理员录入" in clerk.workbench.calendar_banner.text.text()
    officer = open_window(qtbot, demo_path, demo_db, "officer", clock_in_2034())
    assert not officer.workbench.calendar_banner.isVisible()


def test_the_administrator_enters_a_festival_and_is_told_what_is_missing(
    qtbot, demo_path, demo_db
) -> None:
    window = open_window(qtbot, demo_path, demo_db, "admin", clock_in_2034())
    window.workbench.calendar_banner.button.click()
    dialog = window.findChild(HolidayScheduleDialog, "holidayScheduleDialog")
    assert dialog is not None and dialog.year.value() == 2034
    spring = dialog.rows[FESTIVALS.index("春节")]
    spring.entered.setChecked(True)
    spring.rest_from.setDate(QDate(2034, 2, 18))
    spring.rest_to.setDate(QDate(2034, 2, 24))
    spring.working.setText("2034-02-26，2034-03-04")
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    make_up = (date(2034, 2, 26), date(2034, 3, 4))
    spring_festival = Festival(("春节",), date(2034, 2, 18), date(2034, 2, 24), make_up)
    assert holiday_schedules(demo_db) == {2034: [spring_festival]}
    assert "节假日安排已保存" in window.statusBar().currentMessage()
    banner = window.workbench.calendar_banner
    qtbot.waitUntil(lambda: "缺元旦、清明节" in banner.text.text())
    again = window.open_holidays(2034)  # the year entered comes back to be corrected
    assert again.rows[FESTIVALS.index("春节")].working.text() == "2034-02-26, 2034-03-04"
    assert not again.rows[0].entered.isChecked()


def test_a_wrong_make_up_day_is_explained_and_nothing_is_written(qtbot, demo_path, demo_db) -> None:
    window = open_window(qtbot, demo_path, demo_db, "admin", clock_in_2034())
    dialog = window.open_holidays(2034)
    before = full_dump(demo_db)
    row = dialog.rows[0]
    row.entered.setChecked(True)
    row.rest_from.setDate(QDate(2034, 1, 1))
    row.working.setText("2034-01-03")  # a Tuesday
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.error.isVisible)
    assert "调休上班日 2034-01-03 不对" in dialog.error.text()
    assert dialog.isVisible()
    assert full_dump(demo_db) == before
