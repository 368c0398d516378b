"""A new list on a large database: the worker reads first the rows a screen shows
(``FIRST_ROWS``), then the rest of the first page once they are painted, or at once when
the view wants a row past them."""

from __future__ import annotations

import pytest

import app.store.case_estimate as case_estimate
import app.ui.cases.page as cases_page
import app.ui.cases.table_model as table_model
from app.store.case_list import CaseFilter, CaseSort, case_window
from tests.ui.conftest import open_window


@pytest.fixture
def large(monkeypatch):
    """The 400-case demo treated as a large database, its counts estimated first."""
    monkeypatch.setattr(cases_page, "LARGE_DATABASE", 100)
    monkeypatch.setattr(case_estimate, "count_within", lambda db, f, ms: None)


@pytest.fixture
def read(monkeypatch) -> list[int]:
    """How many rows each first answer was read with, in turn."""
    sizes: list[int] = []
    real = table_model.first_window
    monkeypatch.setattr(
        table_model,
        "first_window",
        lambda db, f, s, n, k=None: sizes.append(n) or real(db, f, s, n, k),
    )
    return sizes


def _numbers(model, rows: range) -> list[str | None]:
    return [model.index(r, 0).data() for r in rows]


def _expected(db, case_filter: CaseFilter, rows: range) -> list[str]:
    listed = case_window(db, case_filter, CaseSort(), rows.start, len(rows))
    return [c.number for c in listed]


def test_the_first_rows_come_first_and_the_rest_of_their_page_after(
    qtbot, large, demo_path, demo_db, read
):
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    model = window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and model.rowCount() == 400, timeout=20_000)
    # the rest of the first page is read on, though the view shows none of those rows
    qtbot.waitUntil(lambda: model.cached_row_count() == 200, timeout=20_000)
    assert read == [table_model.FIRST_ROWS]
    assert _numbers(model, range(200)) == _expected(demo_db, CaseFilter(), range(200))
    patrol = CaseFilter(source="patrol")
    with qtbot.waitSignal(model.dataChanged, timeout=20_000) as changed:
        window.cases.apply_filter(patrol)
        qtbot.waitUntil(lambda: model.case_filter == patrol, timeout=20_000)
        assert model.cached_row_count() == table_model.FIRST_ROWS  # shown: the first rows
        assert model.reads_on()
    # the rows read on are the only ones repainted: those shown first stay as they are
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (table_model.FIRST_ROWS, 199)
    assert _numbers(model, range(200)) == _expected(demo_db, patrol, range(200))
    qtbot.waitUntil(lambda: not model.reads_on(), timeout=20_000)  # and the exact count


def test_a_row_past_the_first_rows_is_read_when_the_view_wants_it(
    qtbot, large, demo_path, demo_db, monkeypatch
):
    monkeypatch.setattr(table_model, "READ_ON_AFTER_MS", 60_000)  # not by the timer
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    model = window.cases.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not window.runner.is_busy(), timeout=20_000)
    assert model.cached_row_count() == table_model.FIRST_ROWS
    past = table_model.FIRST_ROWS + 10
    with qtbot.waitSignal(model.dataChanged, timeout=20_000):
        assert model.index(past, 0).data() is None  # blank, asked of the worker
        assert model.index(past + 1, 0).data() is None  # asked once
        assert model.is_reading()
    assert _numbers(model, range(200)) == _expected(demo_db, CaseFilter(), range(200))
    assert model.page_loads == 2


def test_a_list_shorter_than_the_first_rows_is_read_once(qtbot, large, demo_path, demo_db):
    grids = [r[0] for r in demo_db.execute("SELECT DISTINCT grid_code FROM cases")]
    few, expected = next(
        (f, listed)
        for f in (CaseFilter(urgency="urgent", grid_code=grid) for grid in grids)
        if 0 < len(listed := _expected(demo_db, f, range(200))) < table_model.FIRST_ROWS
    )
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    model = window.cases.model
    qtbot.waitUntil(lambda: model.count_exact and not window.runner.is_busy(), timeout=20_000)
    loads = model.page_loads
    window.cases.apply_filter(few)
    qtbot.waitUntil(lambda: model.case_filter == few, timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    assert model.count_exact and model.rowCount() == len(expected)
    assert _numbers(model, range(len(expected))) == expected
    assert model.page_loads == loads + 1  # nothing read on: the list is whole


@pytest.mark.parametrize(("height", "after_none"), [(728, False), (500, False), (728, True)])
def test_a_shown_list_is_read_first_as_far_as_the_view_shows(
    qtbot, large, demo_path, demo_db, read, height, after_none
):
    """On screen, the first answer is the rows the table shows and one more (not the 60
    read while the page is hidden), whatever the window's height, and after a list of no
    case too (its "no case" line is drawn over the table, which keeps its height); the rest
    of the page follows, in order."""
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.resize(1366, height)
    window.show_page("cases")
    model, table = window.cases.model, window.cases.table
    qtbot.waitUntil(lambda: not window.runner.is_busy() and not model.reads_on(), timeout=20_000)
    shown = table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1
    assert 10 < shown < table_model.FIRST_ROWS - 1
    if after_none:
        window.cases.apply_filter(CaseFilter(text="没有这样的案件"))
        qtbot.waitUntil(lambda: window.cases.empty_label.isVisible(), timeout=20_000)
    read.clear()
    patrol = CaseFilter(source="patrol")
    with qtbot.waitSignal(model.dataChanged, timeout=20_000):
        window.cases.apply_filter(patrol)
        qtbot.waitUntil(lambda: model.case_filter == patrol, timeout=20_000)
        assert read == [shown + 1]
        assert model.cached_row_count() == shown + 1
        assert not model.is_reading()  # painted, no row blank: nothing asked at once
        assert _numbers(model, range(shown + 1)) == _expected(demo_db, patrol, range(shown + 1))
    assert _numbers(model, range(200)) == _expected(demo_db, patrol, range(200))
