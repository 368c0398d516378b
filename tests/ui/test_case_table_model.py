"""The cases table model reads SQL windows and never holds more than a few pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.model import Case, Route
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from app.store.reference import ReferenceData
from app.ui.cases.cells import COLUMNS, DESCRIPTION_COLUMN, CaseRole, RawValueRole
from app.ui.cases.table_model import CaseTableModel
from tests.ui.conftest import fresh_case


@pytest.fixture
def model(demo_db, qapp) -> CaseTableModel:
    return CaseTableModel(demo_db, ReferenceData(demo_db), page_size=20, max_pages=3)


def numbers(model: CaseTableModel, limit: int = 60) -> list[str]:
    return [model.index(row, 0).data() for row in range(min(limit, model.rowCount()))]


def sql_numbers(db, case_filter: CaseFilter, sort: CaseSort = CaseSort(), limit: int = 60):  # noqa: B008
    return [case.number for case in case_window(db, case_filter, sort, 0, limit)]


def test_row_count_comes_from_sql_and_no_rows_are_read_up_front(model, demo_db):
    assert model.rowCount() == count_cases(demo_db, CaseFilter()) == 400
    assert model.cached_row_count() == 0
    assert model.columnCount() == len(COLUMNS) == 11


def test_scrolling_to_the_end_keeps_a_bounded_cache(model, qtbot):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    for row in range(0, model.rowCount(), 7):  # every page, as scrolling would
        view.scrollTo(model.index(row, 0))
        assert model.index(row, 0).data()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.index(model.rowCount() - 1, 0).data() is not None)
    assert model.cached_page_count() <= 3
    assert model.cached_row_count() <= 3 * 20
    assert model.page_loads >= 400 // 20


def test_rows_are_the_sql_window_in_order(model, demo_db):
    assert numbers(model) == sql_numbers(demo_db, CaseFilter())
    last = model.rowCount() - 1
    tail = case_window(demo_db, CaseFilter(), CaseSort(), last, 1)[0]
    assert model.index(last, 0).data() == tail.number


@pytest.mark.parametrize(
    "column, sql_column",
    [(i, c[1]) for i, c in enumerate(COLUMNS) if c[1] is not None],
)
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_asks_sql(model, demo_db, column, sql_column, order):
    model.sort(column, order)
    descending = order == Qt.SortOrder.DescendingOrder
    assert model.case_sort == CaseSort(sql_column, descending)
    assert numbers(model) == sql_numbers(demo_db, CaseFilter(), CaseSort(sql_column, descending))


def test_description_cannot_be_sorted(model):
    before = model.case_sort
    model.sort(DESCRIPTION_COLUMN, Qt.SortOrder.AscendingOrder)
    assert model.case_sort == before


def filters(ref: ReferenceData) -> list[CaseFilter]:
    group = next(c for c in ref.categories.values() if not c.is_leaf)
    leaves = tuple(c.code for c in ref.categories.values() if c.parent_code == group.code)
    return [
        CaseFilter(status="pending_triage"),
        CaseFilter(category_codes=leaves),
        CaseFilter(category_codes=leaves[:1]),
        CaseFilter(grid_code="G01"),
        CaseFilter(source="hotline"),
        CaseFilter(urgency="urgent"),
        CaseFilter(received_from="2026-10-01", received_to="2026-10-31"),
        CaseFilter(text="占道"),
        CaseFilter(text="垃圾", source="patrol"),
        CaseFilter(lead_unit="SCJG"),
        CaseFilter(lead_unit="ZHB", text="垃圾"),
    ]


def test_each_filter_shows_what_sql_says(model, demo_db):
    for case_filter in filters(ReferenceData(demo_db)):
        model.set_query(case_filter)
        expected = count_cases(demo_db, case_filter)
        assert model.rowCount() == expected, case_filter
        assert expected > 0, case_filter
        assert expected < 400 or case_filter.status, case_filter  # issue 2: all pending
        assert numbers(model) == sql_numbers(demo_db, case_filter), case_filter


@pytest.mark.parametrize("text", ["占", "占道", "占道经营"])
def test_search_finds_matching_rows(model, demo_db, text):
    ref = ReferenceData(demo_db)
    model.set_query(CaseFilter(text=text))
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        case: Case = model.index(row, 0).data(CaseRole)
        searchable = case.description + case.address + ref.category_name(case.category_code)
        assert text in searchable, case.number


def test_roles_give_typed_values(model, demo_db, demo_path):
    fresh_case(demo_db, demo_path, Route.SELF)  # the newest case, waiting for triage
    model.set_query(CaseFilter())
    case = model.index(0, 0).data(CaseRole)
    assert isinstance(case, Case)
    assert model.index(0, 1).data(RawValueRole) == case.received_at
    assert model.index(0, DESCRIPTION_COLUMN).data(Qt.ItemDataRole.ToolTipRole) == case.description
    assert model.index(0, 2).data() == "待研判"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "案件编号"
