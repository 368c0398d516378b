"""The cases page: filter widgets, debounced search, background search on big data, keys."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

import app.ui.cases.page as cases_page
from app.store.case_list import CaseFilter, count_cases
from tests.ui.conftest import type_chinese


def test_filter_widgets_change_the_rows_as_sql_says(qtbot, window, demo_db):
    window.show_page("cases")
    bar, model = window.cases.filters, window.cases.model
    bar.source.setCurrentIndex(bar.source.findData("hotline"))
    assert model.rowCount() == count_cases(demo_db, CaseFilter(source="hotline"))
    bar.urgency.setCurrentIndex(bar.urgency.findData("urgent"))
    both = CaseFilter(source="hotline", urgency="urgent")
    assert model.rowCount() == count_cases(demo_db, both)
    bar.clear()
    assert model.rowCount() == 400

    group_row = 1  # the first group: all of its leaves
    bar.category.setCurrentIndex(group_row)
    leaves = bar.category.currentData()
    assert len(leaves) > 1
    assert model.rowCount() == count_cases(demo_db, CaseFilter(category_codes=leaves))
    bar.category.setCurrentIndex(group_row + 1)  # its first leaf
    assert model.rowCount() == count_cases(demo_db, CaseFilter(category_codes=leaves[:1]))
    bar.clear()

    bar.grid.setCurrentIndex(bar.grid.findData("G02"))
    assert model.rowCount() == count_cases(demo_db, CaseFilter(grid_code="G02"))
    bar.clear()

    bar.received_from.setDate(QDate(2026, 11, 1))
    bar.received_to.setDate(QDate(2026, 11, 10))
    dates = CaseFilter(received_from="2026-11-01", received_to="2026-11-10")
    assert model.rowCount() == count_cases(demo_db, dates) > 0
    assert window.cases.count_label.text() == f"共 {model.rowCount()} 件"
    bar.received_from.clear_date()
    assert bar.received_from.text() == "不限"


def test_search_is_debounced(qtbot, window):
    bar, model = window.cases.filters, window.cases.model
    type_chinese(bar.search, "占道经营")
    assert model.case_filter.text == ""  # not on every key
    qtbot.waitUntil(lambda: model.case_filter.text == "占道经营", timeout=2000)
    assert 0 < model.rowCount() < 400


def test_no_result_says_so(qtbot, window):
    bar, cases = window.cases.filters, window.cases
    type_chinese(bar.search, "火星人")
    bar.search.returnPressed.emit()  # Enter searches at once
    assert cases.model.rowCount() == 0
    assert not cases.empty_label.isHidden()


def test_on_a_large_database_search_runs_in_the_background(qtbot, window, monkeypatch):
    monkeypatch.setattr(cases_page, "LARGE_DATABASE", 100)
    cases = window.cases
    with qtbot.waitSignal(window.runner.done, timeout=5000):
        cases.filters.set_filter(CaseFilter(text="垃圾"))
        assert cases.count_label.text() == "正在查找…"
    assert cases.model.case_filter.text == "垃圾"
    assert 0 < cases.model.rowCount() < 400
    assert cases.model.cached_page_count() == 1  # the first page came from the worker


def test_sorting_by_clicking_a_header(qtbot, window, demo_db):
    table = window.cases.table
    header = table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # what a click on 案件编号 does
    assert window.cases.model.case_sort.column == "number"
    assert not window.cases.model.case_sort.descending
    first = window.cases.model.index(0, 0).data()
    assert first == min(r[0] for r in demo_db.execute("SELECT number FROM cases"))
    header.setSortIndicator(8, Qt.SortOrder.AscendingOrder)  # description: not sortable
    assert header.sortIndicatorSection() == 0


def test_keyboard_shortcuts(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "cases"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "calls"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "board"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "lists"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "disputes"
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "sync"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "cases"
    assert window.cases.filters.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.intake_dialog is not None and window.intake_dialog.isVisible()


def test_a_workbench_card_opens_the_filtered_list(qtbot, window):
    card = window.workbench.urgent
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_page() == "cases"
    bar = window.cases.filters
    assert bar.urgency.currentData() == "urgent"
    assert window.cases.model.rowCount() == int(card.value.text().replace(",", ""))


def test_placeholders_say_what_is_coming(window):
    window.show_page("statistics")
    page = window.stack.currentWidget()
    texts = " ".join(label.text() for label in page.findChildren(type(window.count_label)))
    assert "统计" in texts and "后续版本" in texts


def test_date_calendar_opens_at_this_month_when_no_date_is_chosen(qtbot) -> None:
    from PySide6.QtCore import QDate, QPoint, Qt

    from app.ui.cases.filters import DateBox

    box = DateBox()
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    calendar = box.calendarWidget()
    # click the drop-down arrow, as a clerk would
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2))
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
