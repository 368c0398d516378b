"""The cases page on a large database: nothing that grows with the table on the UI thread.
The first page and an estimated count (约) come from the worker, the exact count after it,
and a page scrolled to is read on the worker while its rows wait blank."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

import app.store.case_estimate as case_estimate
import app.ui.cases.page as cases_page
import app.ui.cases.table_model as table_model
from app.core.model import Route
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from tests.ui.conftest import fresh_case, open_window


@pytest.fixture
def large(monkeypatch):
    """The 400-case demo treated as a large database, its count sampled in four slices of
    ten row numbers (1-10, 101-110, 201-210, 301-310): no count is quick enough to show
    exact at once (nor told from the values kept: as before the idle upkeep read them)."""
    monkeypatch.setattr(cases_page, "LARGE_DATABASE", 100)
    monkeypatch.setattr(case_estimate, "count_within", lambda db, f, ms: None)
    monkeypatch.setattr(case_estimate, "counted_in_memory", lambda db, f: None)
    monkeypatch.setattr(case_estimate, "SAMPLE_SLICES", 4)
    monkeypatch.setattr(case_estimate, "SAMPLE_ROWS", 10)


def test_opening_reads_nothing_on_the_ui_thread(qtbot, large, demo_path, demo_db, monkeypatch):
    counted: list[CaseFilter] = []
    real = cases_page.count_cases
    monkeypatch.setattr(cases_page, "count_cases", lambda db, f: counted.append(f) or real(db, f))
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    cases = window.cases
    assert counted == []  # the page counted nothing itself: the highest row number
    assert cases.total_cases == 400  # is the status bar's total
    assert cases.empty_label.isHidden()  # no "no case matches" before the worker answers
    qtbot.waitUntil(
        lambda: cases.model.count_exact and cases.model.rowCount() == 400, timeout=20_000
    )
    assert cases.count_label.text() == "共 400 件"
    assert cases.model.case_sort == CaseSort("received_at", descending=True)
    newest = case_window(demo_db, CaseFilter(), CaseSort(), 0, 1)[0].number
    assert cases.model.index(0, 0).data() == newest


def test_the_count_is_estimated_then_exact(qtbot, large, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    shown: list[str] = []
    model.modelReset.connect(lambda: shown.append(cases.count_label.text()))
    patrol = CaseFilter(source="patrol")
    with qtbot.waitSignal(model.count_settled, timeout=20_000):
        cases.filters.set_filter(patrol)
        assert cases.count_label.text() == "正在查找…"
    exact = count_cases(demo_db, patrol)
    # the estimate: the patrol cases among the 40 sampled rows, times 400 / 40
    sampled = demo_db.execute(
        "SELECT count(*) FROM cases WHERE source = 'patrol' AND (seq BETWEEN 1 AND 10 OR "
        "seq BETWEEN 101 AND 110 OR seq BETWEEN 201 AND 210 OR seq BETWEEN 301 AND 310)"
    ).fetchone()[0]
    assert shown == [f"约 {sampled * 10} 件"]
    assert model.rowCount() == exact and cases.count_label.text() == f"共 {exact} 件"
    assert [model.index(r, 0).data() for r in range(5)] == [
        c.number for c in case_window(demo_db, patrol, CaseSort(), 0, 5)
    ]


def test_a_page_scrolled_to_is_read_on_the_worker(qtbot, large, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    model = window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    assert model.cached_page_count() == 1  # the first page came with the count
    last = model.index(399, 0)
    with qtbot.waitSignal(model.dataChanged, timeout=20_000) as changed:
        assert last.data() is None  # not read yet: blank, and asked of the worker
        assert model.index(398, 0).data() is None  # the same page: asked once
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (200, 399)
    oldest = case_window(demo_db, CaseFilter(), CaseSort(), 399, 1)[0].number
    assert last.data() == oldest
    assert model.page_loads == 3  # the first rows, the rest of their page, the last page


def test_sorting_keeps_the_exact_count_and_reads_on_the_worker(qtbot, large, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    model = window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        model.sort(0)  # 案件编号, ascending
        assert model.case_sort.column == "received_at"  # until the worker answers
    assert model.case_sort == CaseSort("number", descending=False)
    assert model.count_exact and model.rowCount() == 400
    first = min(r[0] for r in demo_db.execute("SELECT number FROM cases"))
    assert model.index(0, 0).data() == first


def test_a_page_of_an_older_query_is_dropped(qtbot, large, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    assert model.index(300, 0).data() is None  # page 1 of all cases asked of the worker
    urgent = CaseFilter(urgency="urgent")
    cases.filters.set_filter(urgent)  # before it arrives
    qtbot.waitUntil(lambda: model.case_filter == urgent and model.count_exact, timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    assert model.cached_page_count() == 1  # only the urgent list's first page
    expected = [c.number for c in case_window(demo_db, urgent, CaseSort(), 0, 200)]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == expected


def _changed() -> object:
    """What a write elsewhere tells the page: cases changed (store/changes.py)."""
    return type("Changed", (), {"touches": lambda self, _kinds: True})()


def test_a_sort_before_the_first_answer_sorts_the_cases_it_will_show(
    qtbot, large, demo_path, demo_db
) -> None:
    """A header clicked while the worker still reads the first page: the list comes in
    sorted that way, with every case (it was emptied, counted as none)."""
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    model = window.cases.model
    window.cases.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    assert model.case_sort == CaseSort("number", descending=False)
    first = case_window(demo_db, CaseFilter(), CaseSort("number", descending=False), 0, 1)[0]
    assert model.case_at(0).number == first.number  # type: ignore[union-attr]


@pytest.mark.parametrize("meanwhile", ["sort", "a write"])
def test_a_new_filter_holds_when_the_clerk_sorts_or_a_write_comes_before_its_answer(
    qtbot, large, demo_path, demo_db, meanwhile: str
) -> None:
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    patrol = CaseFilter(source="patrol")
    cases.filters.set_filter(patrol)
    if meanwhile == "sort":
        cases.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    else:
        cases.on_changed(_changed())
    found = count_cases(demo_db, patrol)
    assert 0 < found < 400
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == found, timeout=20_000)
    assert model.case_filter == patrol
    if meanwhile == "sort":
        assert model.case_sort == CaseSort("number", descending=False)


def test_a_sort_holds_when_the_filter_changes_before_its_answer(
    qtbot, large, demo_path, demo_db
) -> None:
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    cases.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    patrol = CaseFilter(source="patrol")
    cases.filters.set_filter(patrol)
    found = count_cases(demo_db, patrol)
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == found, timeout=20_000)
    assert (model.case_filter, model.case_sort) == (patrol, CaseSort("number", descending=False))


def test_a_write_before_the_first_answer_counts_nothing_on_the_ui_thread(
    qtbot, large, demo_path, demo_db, monkeypatch
) -> None:
    on_ui: list[CaseFilter] = []
    real = table_model.count_cases

    def counting(db, case_filter):  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            on_ui.append(case_filter)
        return real(db, case_filter)

    monkeypatch.setattr(table_model, "count_cases", counting)
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    model = window.cases.model
    window.cases.on_changed(_changed())
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    assert on_ui == [] and model.background


def test_enter_on_a_row_dropped_from_memory_opens_its_case(qtbot, large, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    model.max_pages = 1  # one page of 200 in memory: scrolling to the end drops page 0
    cases.table.setCurrentIndex(model.index(3, 0))
    cases.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.index(399, 0).data() is not None, timeout=20_000)
    assert model.cached_page_count() == 1  # page 1 (rows 200-399): row 3 is not in memory
    with qtbot.waitSignal(cases.case_activated, timeout=20_000) as opened:
        qtbot.keyClick(cases.table, Qt.Key.Key_Return)
    fourth = case_window(demo_db, CaseFilter(), CaseSort(), 3, 1)[0]
    assert opened.args[0].number == fourth.number
    assert window.case_dialog.case.number == fourth.number  # type: ignore[union-attr]


def test_a_list_read_again_keeps_its_exact_count_until_the_new_one(
    qtbot, large, demo_path, demo_db
) -> None:
    """Every first answer is estimated here (the count is never quick enough): a list
    whose count was exact, read again after a write, shows that count, not 约 400 (the
    estimate of 401 cases), until the worker has counted 401."""
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    shown: list[tuple[str, int, bool]] = []
    model.modelReset.connect(
        lambda: shown.append((cases.count_label.text(), model.rowCount(), model.count_exact))
    )
    model.count_settled.connect(
        lambda: shown.append((cases.count_label.text(), model.rowCount(), model.count_exact))
    )
    fresh_case(demo_db, demo_path, Route.SELF)
    with qtbot.waitSignal(model.count_settled, timeout=20_000):
        cases.on_changed(_changed())
    # the reset shows the last exact count, not trusted as exact for reading pages
    assert shown == [("共 400 件", 400, False), ("共 401 件", 401, True)]
    assert (
        model.index(0, 0).data() == case_window(demo_db, CaseFilter(), CaseSort(), 0, 1)[0].number
    )


def test_a_sort_of_a_list_read_again_keeps_the_exact_count(qtbot, large, demo_path, demo_db):
    """A header clicked while the count is held: the same cases in another order, still
    shown with the held count until the exact one arrives."""
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    texts: list[str] = []
    model.modelReset.connect(lambda: texts.append(cases.count_label.text()))
    model.count_settled.connect(lambda: texts.append(cases.count_label.text()))
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        cases.on_changed(_changed())
    assert model.count_held and not model.count_exact
    cases.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(
        lambda: model.case_sort.column == "number" and model.count_exact, timeout=20_000
    )
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    assert texts and set(texts) == {"共 400 件"}


def test_another_list_shows_its_estimate_after_an_exact_one(qtbot, large, demo_path, demo_db):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("cases")
    cases, model = window.cases, window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        cases.filters.set_filter(CaseFilter(source="patrol"))
    assert cases.count_label.text().startswith("约 ") and not model.count_held
