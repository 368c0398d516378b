"""The cases page: filter widgets, debounced search, background search on big data, keys."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

import app.ui.cases.page as cases_page
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.model import Route
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.case_list import CaseFilter, count_cases
from app.store.queues import my_tasks
from app.store.reference import user_by_name
from app.ui.cases.cells import COLUMNS, DESCRIPTION_COLUMN, RawValueRole
from tests.clock import frozen
from tests.ui.conftest import fresh_case, open_window, type_chinese

LEAD_COLUMN = next(i for i, c in enumerate(COLUMNS) if c[0] == "lead_unit")


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
    cases.filters.set_filter(CaseFilter(text="垃圾"))
    assert cases.count_label.text() == "正在查找…"
    assert cases.model.case_filter.text == ""  # until the worker answers
    # the worker also runs the window's own work (the total, the pages built after it)
    qtbot.waitUntil(lambda: cases.model.case_filter.text == "垃圾", timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
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
    header.setSortIndicator(DESCRIPTION_COLUMN, Qt.SortOrder.AscendingOrder)  # not sortable
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


def shown(model, column: int = 0, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_waiting_on_me_is_the_workbench_to_do_list(qtbot, window, demo_db):
    window.show_page("cases")
    bar, model = window.cases.filters, window.cases.model
    clerk = user_by_name(demo_db, "clerk")
    assert bar.mine.text() == "待我办理" and bar.mine.isVisible()
    bar.mine.setChecked(True)
    assert model.case_filter == CaseFilter(waiting_on=clerk)
    tasks = {t.number for t in my_tasks(demo_db, clerk, limit=10_000)}
    assert 0 < model.rowCount() < 400
    assert set(shown(model)) == tasks
    assert window.cases.count_label.text() == f"共 {len(tasks)} 件"
    bar.status.setCurrentIndex(bar.status.findData("verified"))  # and the other filters too
    assert set(shown(model)) == {
        t.number for t in my_tasks(demo_db, clerk, limit=10_000) if t.status == "verified"
    }
    bar.clear()
    assert not bar.mine.isChecked() and model.rowCount() == 400


def test_an_officer_waits_on_other_cases_than_the_clerk(qtbot, demo_path, demo_db):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "SCJG")  # dispatched, to sign
    clerk, dispatch = user_by_name(demo_db, "clerk"), Request(Action.DISPATCH, to="SCJG")
    act(demo_db, BlobStore.beside(demo_path), clerk, number, dispatch, wall=frozen)
    officer_window = open_window(qtbot, demo_path, demo_db, "officer")
    bar, model = officer_window.cases.filters, officer_window.cases.model
    officer = user_by_name(demo_db, "officer")
    bar.mine.setChecked(True)
    tasks = {t.number for t in my_tasks(demo_db, officer, limit=10_000)}
    assert tasks and set(shown(model)) == tasks
    assert set(shown(model, LEAD_COLUMN)) == {"市场监管所"}  # only their unit's work


def test_my_unit_is_what_the_users_unit_leads(qtbot, demo_path, demo_db):
    officer_window = open_window(qtbot, demo_path, demo_db, "officer")  # 市场监管所 SCJG
    bar, model = officer_window.cases.filters, officer_window.cases.model
    assert bar.my_unit.text() == "本单位"
    assert "市场监管所" in bar.my_unit.toolTip()
    bar.my_unit.setChecked(True)
    led = {r[0] for r in demo_db.execute("SELECT number FROM cases WHERE lead_unit = 'SCJG'")}
    assert led and set(shown(model)) == led
    assert set(shown(model, LEAD_COLUMN)) == {"市场监管所"}


def test_my_unit_for_the_office_is_what_it_handles_itself(qtbot, window, demo_db):
    bar, model = window.cases.filters, window.cases.model
    bar.my_unit.setChecked(True)
    itself = {r[0] for r in demo_db.execute("SELECT number FROM cases WHERE route = 'ONE'")}
    assert itself and set(shown(model)) == itself
    assert set(shown(model, LEAD_COLUMN)) == {"综合执法办"}
    bar.mine.setChecked(True)  # both: the office's own work waiting on the clerk now
    clerk = user_by_name(demo_db, "clerk")
    both = CaseFilter(waiting_on=clerk, lead_unit=clerk.department_code)
    assert model.case_filter == both
    assert model.rowCount() == count_cases(demo_db, both)
    assert set(shown(model)) <= itself


def test_the_workbench_opens_the_full_list_through_the_filter(qtbot, window, demo_db):
    clerk = user_by_name(demo_db, "clerk")
    window.show_filtered(CaseFilter(waiting_on=clerk))
    assert window.current_page() == "cases"
    bar = window.cases.filters
    assert bar.mine.isChecked() and not bar.my_unit.isChecked()
    assert window.cases.model.rowCount() == count_cases(demo_db, CaseFilter(waiting_on=clerk))
    window.show_filtered(CaseFilter(lead_unit=clerk.department_code))
    assert bar.my_unit.isChecked() and not bar.mine.isChecked()


def test_the_lead_unit_column_shows_the_short_name_and_sorts(qtbot, window, demo_db):
    model, header = window.cases.model, window.cases.table.horizontalHeader()
    assert model.headerData(LEAD_COLUMN, Qt.Orientation.Horizontal) == "牵头单位"
    leads = dict(demo_db.execute("SELECT number, lead_unit FROM cases").fetchall())
    names = dict(demo_db.execute("SELECT code, short_name FROM departments").fetchall())
    full = dict(demo_db.execute("SELECT code, name FROM departments").fetchall())
    for row in range(60):
        number, lead = model.index(row, 0).data(), model.index(row, LEAD_COLUMN)
        code = leads[number]
        assert lead.data() == (names[code] if code else "")  # none before triage
        assert lead.data(RawValueRole) == (code or "")
        assert lead.data(Qt.ItemDataRole.ToolTipRole) == (full[code] if code else None)
    header.setSortIndicator(LEAD_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.case_sort.column == "lead_unit" and model.case_sort.descending
    codes = [leads[number] for number in shown(model)]
    assert codes == sorted(codes, key=lambda c: (c is not None, c or ""), reverse=True)
    assert codes[0] == max(c for c in leads.values() if c)  # ZRZY before ZHB, … untriaged last


def _arrow_points_down(header, column: int) -> bool:
    """The sort arrow drawn in ``column``'s header: wider at its top than at its bottom."""
    image = header.grab().toImage()
    right = header.sectionViewportPosition(column) + header.sectionSize(column) - 2
    widths = []
    for y in range(image.height()):
        dark = [x for x in range(right - 24, right) if image.pixelColor(x, y).lightness() < 160]
        if dark:
            widths.append(len(dark))
    assert len(widths) >= 4, "no arrow drawn"
    return widths[0] > widths[-1]


def test_the_sort_arrow_points_down_for_newest_first(qtbot, window):
    """▼ descending, ▲ ascending, as Excel and the Windows file list draw them."""
    header = window.cases.table.horizontalHeader()
    received = next(i for i, c in enumerate(COLUMNS) if c[0] == "received_at")
    header.setSortIndicator(received, Qt.SortOrder.DescendingOrder)
    assert window.cases.model.case_sort.descending
    assert _arrow_points_down(header, received)
    header.setSortIndicator(received, Qt.SortOrder.AscendingOrder)
    assert not window.cases.model.case_sort.descending
    assert not _arrow_points_down(header, received)


def test_the_filters_fit_the_office_screen(qtbot, window):
    """1366 x 728, the usual office PC: nothing of the filter bar is cut off."""
    window.resize(1366, 728)
    window.show_page("cases")
    qtbot.waitUntil(lambda: window.width() == 1366)
    bar = window.cases.filters
    assert bar.width() >= bar.minimumSizeHint().width()
    for widget in (bar.search, bar.mine, bar.my_unit, bar.clear_button, bar.received_to):
        assert widget.isVisible()
        box = widget.geometry().translated(
            widget.parentWidget().mapTo(bar, widget.pos()) - widget.pos()
        )
        assert bar.rect().contains(box), widget.objectName() or widget.text()
        assert widget.width() >= widget.minimumSizeHint().width()


def text_room(table, index) -> int:
    """The width the view has for the text of the cell ``index`` (padding, margins off)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    table.itemDelegate().initStyleOption(option, index)
    option.rect = table.visualRect(index)
    style = table.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, table) + 1
    return rect.width() - 2 * margin


def test_short_columns_are_never_cut_off(qtbot, window, demo_db):
    """Case number, time, status, units, source, urgency: shown whole at the office PC's
    1366 px (long names, addresses and descriptions are elided, with a tooltip)."""
    from PySide6.QtGui import QFontMetricsF

    window.resize(1366, 728)
    window.show_page("cases")
    table, model = window.cases.table, window.cases.model
    metrics = QFontMetricsF(table.font())
    bar = window.cases.filters
    words = {  # every value the column can show
        "lead_unit": [r[0] for r in demo_db.execute("SELECT short_name FROM departments")],
        "status": [bar.status.itemText(i) for i in range(1, bar.status.count())],
        "source": [bar.source.itemText(i) for i in range(1, bar.source.count())],
        "urgency": [bar.urgency.itemText(i) for i in range(1, bar.urgency.count())],
    }
    words["first_receiver_unit"] = words["lead_unit"]
    for column, (attribute, _sql) in enumerate(COLUMNS):
        if attribute in words:
            texts = words[attribute]
        elif attribute in ("number", "received_at"):
            texts = [model.index(row, column).data() for row in range(200)]
        else:
            continue
        room = text_room(table, model.index(0, column))
        for text in texts:
            assert metrics.horizontalAdvance(text) <= room, (attribute, text)


def test_the_list_opens_newest_first_and_says_so(qtbot, window):
    from app.store.case_list import CaseSort

    header = window.cases.table.horizontalHeader()
    assert window.cases.model.case_sort == CaseSort("received_at", descending=True)
    assert header.sortIndicatorSection() == 1  # the arrow on 受理时间, where SQL sorts
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_export_ledger_of_the_filtered_cases(qtbot, window, demo_db, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    window.show_page("cases")
    cases, bar = window.cases, window.cases.filters
    bar.grid.setCurrentIndex(bar.grid.findData("G02"))
    out = tmp_path / "chosen"  # the dialog's name without .xlsx
    offered: list[str] = []

    def save_dialog(*args):
        offered.append(args[2])
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    with qtbot.waitSignal(cases.message, timeout=20_000) as said:
        cases.export_button.click()
    assert cases.export_button.text() == "导出台账"
    assert offered[0].endswith(f"案件台账-{window.session.clock.today():%Y%m%d}.xlsx")
    written = tmp_path / "chosen.xlsx"
    rows = list(load_workbook(written, read_only=True).active.iter_rows(values_only=True))[3:]
    expected = count_cases(demo_db, CaseFilter(grid_code="G02"))
    assert len(rows) == expected > 0
    assert said.args[0] == f"已导出案件台账（{expected} 件）：{written}"
    qtbot.waitUntil(cases.export_button.isEnabled)
