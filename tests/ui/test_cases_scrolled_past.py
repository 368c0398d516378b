"""The cases list read on the worker, as a view drives it: pages the view scrolled past
before the worker came to them are not read (a scroll bar dragged over a million cases
passes thousands of pages), no row the view shows is lost, and a row opened whose page
was dropped from memory opens when the worker has read it again."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

import app.ui.cases.table_model as table_model
from app.core.model import Case
from app.store.case_estimate import CaseCount
from app.store.case_list import CaseFilter, CaseSort, case_window
from app.store.reference import ReferenceData
from app.ui.cases.page import follow
from app.ui.cases.table_model import CaseTableModel
from app.ui.common.runner import BackgroundRunner, Operation

ROW_HEIGHT = 30
ROWS_SHOWN = 10  # the view below is exactly ten rows high


@pytest.fixture
def runner(qtbot, demo_path: Path):
    runner = BackgroundRunner(demo_path)
    runner.error_handler = _raise
    yield runner
    runner.shutdown()


def _raise(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error: {error!r}\n{details}")


@pytest.fixture
def reads(monkeypatch) -> list[int]:
    """The offsets of the pages the worker read (the first page comes with the count,
    read by case_count, and is not among them)."""
    offsets: list[int] = []
    real = table_model.listed_window

    def counting(db, case_filter, sort, offset, *args, **kwargs):  # type: ignore[no-untyped-def]
        offsets.append(offset)
        return real(db, case_filter, sort, offset, *args, **kwargs)

    monkeypatch.setattr(table_model, "listed_window", counting)
    return offsets


def listing(
    qtbot, demo_db, runner, reads: list[int], max_pages: int = 8
) -> tuple[CaseTableModel, QTableView]:
    """The 400 demo cases in pages of five, read on the worker, in a view ten rows high
    that scrolls a row at a time (its scroll bar's value is its first row); its first
    ten rows read, and ``reads`` counted from here."""
    model = CaseTableModel(
        demo_db, ReferenceData(demo_db), page_size=5, max_pages=max_pages, runner=runner
    )
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.horizontalHeader().setVisible(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFixedSize(600, ROWS_SHOWN * ROW_HEIGHT + 2 * view.frameWidth())
    follow(model, view)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        model.set_query(CaseFilter(), background=True)
    assert model.rowCount() == 400 and model.count_exact
    assert view.viewport().height() == ROWS_SHOWN * ROW_HEIGHT
    view.viewport().repaint()  # page 1 (rows 5-9) asked
    qtbot.waitUntil(lambda: model.index(9, 0).data() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    reads.clear()
    return model, view


def hold_the_worker(runner: BackgroundRunner) -> threading.Event:
    """Keep the worker busy until the event is set: what the view asks meanwhile queues,
    as it does behind a slow read while the clerk drags the scroll bar."""
    gate = threading.Event()
    runner.run(Operation(lambda _db, _progress: gate.wait(20), needs_database=False))
    return gate


def scroll_to(view: QTableView, first_row: int) -> None:
    """Scroll so ``first_row`` is on top and paint, as each step of a drag does."""
    view.verticalScrollBar().setValue(first_row)
    assert view.rowAt(0) == first_row
    view.viewport().repaint()  # the rows shown are asked for (blank until read)


def numbers(db, first: int, count: int) -> list[str]:
    return [c.number for c in case_window(db, CaseFilter(), CaseSort(), first, count)]


def test_a_fast_drag_reads_only_the_pages_where_it_stops(qtbot, demo_db, runner, reads):
    model, view = listing(qtbot, demo_db, runner, reads)
    gate = hold_the_worker(runner)
    for first_row in range(0, 391, 13):  # 31 stops from the top to the end (390)
        scroll_to(view, first_row)
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    # the last stop shows rows 390-399: pages 78 (390-394) and 79 (395-399); the stop
    # before it showed rows 377-386, of which page 77 (385-389) is within one page of
    # the end and still read; pages 1-76, asked on the way, were skipped
    assert sorted(reads) == [385, 390, 395]
    assert [model.index(row, 0).data() for row in range(390, 400)] == numbers(demo_db, 390, 10)
    assert not model.is_reading()


def test_a_page_scrolled_back_to_is_asked_again(qtbot, demo_db, runner, reads):
    model, view = listing(qtbot, demo_db, runner, reads)
    gate = hold_the_worker(runner)
    scroll_to(view, 200)  # pages 40 and 41 asked
    scroll_to(view, 390)  # they are skipped; 78 and 79 asked
    assert model.index(200, 0).data() is None
    scroll_to(view, 200)  # 78 and 79 skipped; 40 and 41 asked again
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    assert sorted(reads) == [200, 205]
    assert [model.index(row, 0).data() for row in range(200, 210)] == numbers(demo_db, 200, 10)


def test_without_a_view_every_page_asked_is_read(qtbot, demo_db, runner, reads):
    """A model no view tells where it stands (the benchmark's probe) reads what it is
    asked, as before."""
    model = CaseTableModel(demo_db, ReferenceData(demo_db), page_size=5, runner=runner)
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        model.set_query(CaseFilter(), background=True)
    gate = hold_the_worker(runner)
    for row in (200, 390, 100):
        assert model.index(row, 0).data() is None
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    assert sorted(reads) == [100, 200, 390]


def dropped_from_memory(
    qtbot, demo_db, runner, reads: list[int]
) -> tuple[CaseTableModel, QTableView]:
    """Row 2 current, then the view scrolled to the end: pages 78 and 79 read, and page
    0 (rows 0-4) dropped, since only two pages are kept."""
    model, view = listing(qtbot, demo_db, runner, reads, max_pages=2)
    view.setCurrentIndex(model.index(2, 0))
    scroll_to(view, 390)
    qtbot.waitUntil(lambda: model.index(399, 0).data() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    assert model.cached_page_count() == 2 and model.index(395, 0).data() is not None
    return model, view


def test_a_row_whose_page_was_dropped_opens_when_read_again(qtbot, demo_db, runner, reads):
    model, view = dropped_from_memory(qtbot, demo_db, runner, reads)
    opened: list[Case] = []
    model.open_row(view.currentIndex().row(), opened.append)
    assert opened == []  # its page is on its way from the worker
    qtbot.waitUntil(lambda: opened != [], timeout=20_000)
    assert [c.number for c in opened] == numbers(demo_db, 2, 1)
    assert sorted(reads) == [0, 390, 395]  # page 0 read again, though not in view


def test_a_row_in_memory_opens_at_once(qtbot, demo_db, runner, reads):
    model, _view = dropped_from_memory(qtbot, demo_db, runner, reads)
    opened: list[Case] = []
    model.open_row(397, opened.append)
    assert [c.number for c in opened] == numbers(demo_db, 397, 1)


def test_only_the_last_row_opened_opens(qtbot, demo_db, runner, reads):
    model, _view = dropped_from_memory(qtbot, demo_db, runner, reads)
    opened: list[Case] = []
    gate = hold_the_worker(runner)
    model.open_row(2, opened.append)
    model.open_row(7, opened.append)  # page 1, also not in memory
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    assert [c.number for c in opened] == numbers(demo_db, 7, 1)


def test_a_row_opened_before_another_list_is_shown_does_not_open(qtbot, demo_db, runner, reads):
    model, _view = dropped_from_memory(qtbot, demo_db, runner, reads)
    opened: list[Case] = []
    gate = hold_the_worker(runner)
    model.open_row(2, opened.append)
    model.set_query(CaseFilter(source="patrol"), background=True)  # row 2 is another case
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    assert opened == [] and model.case_filter == CaseFilter(source="patrol")


@pytest.fixture
def walks(monkeypatch) -> list[bool]:
    """Whether each page the worker read was walked along the sort order's index."""
    walked: list[bool] = []
    listed_window = table_model.listed_window

    def reading(db, case_filter, sort, offset, limit, walk=False, total=None):  # type: ignore[no-untyped-def]
        walked.append(walk)
        return listed_window(db, case_filter, sort, offset, limit, walk=walk, total=total)

    monkeypatch.setattr(table_model, "listed_window", reading)
    return walked


@pytest.mark.parametrize("walked", [True, False])
def test_the_later_pages_are_found_as_the_first_was(
    qtbot, demo_db, runner, monkeypatch, walks: list[bool], walked: bool
) -> None:
    """The worker found the first page by walking the sort order's index, or gave the walk
    up and gathered the cases: the later pages are read the same way (a walk given up for
    the first page would be as slow for the next)."""
    first_window = table_model.first_window
    monkeypatch.setattr(
        table_model, "first_window", lambda *args: first_window(*args)._replace(walk=walked)
    )
    hotline, by_number = CaseFilter(source="hotline"), CaseSort("number")
    model = CaseTableModel(demo_db, ReferenceData(demo_db), page_size=5, runner=runner)
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        model.set_query(hotline, by_number, background=True)
    assert model.index(7, 0).data() is None  # its page is asked of the worker
    qtbot.waitUntil(lambda: model.index(7, 0).data() is not None, timeout=20_000)
    assert walks == [walked]
    case = model.case_at(7)
    assert (
        case is not None and case.number == case_window(demo_db, hotline, by_number, 7, 1)[0].number
    )


def test_a_role_no_cell_answers_reads_nothing(qtbot, demo_db, runner) -> None:
    """The view asks seven roles of every cell it paints; the five no cell answers (font,
    alignment, ...) are refused before the row is looked up, so they never ask the worker
    for a page."""
    model = CaseTableModel(demo_db, ReferenceData(demo_db), page_size=5, runner=runner)
    with qtbot.waitSignal(model.modelReset, timeout=20_000):
        model.set_query(CaseFilter(), background=True)
    row = model.index(7, 0)
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole):
        assert row.data(role) is None
    assert not model.is_reading()
    assert row.data() is None and model.is_reading()  # the text: its page is asked
    qtbot.waitUntil(lambda: row.data() is not None, timeout=20_000)


def test_a_walk_chosen_on_an_estimate_is_dropped_when_the_count_shows_few(
    qtbot, demo_db, runner, monkeypatch, walks: list[bool]
) -> None:
    """The first page walked on an estimate of many cases (a search's newest hits); the
    exact count shows few: the later pages are gathered."""
    first_window = table_model.first_window

    def estimated(*args):  # type: ignore[no-untyped-def]
        found = first_window(*args)
        return found._replace(count=CaseCount(50_000, False), walk=True)

    monkeypatch.setattr(table_model, "first_window", estimated)
    model = CaseTableModel(demo_db, ReferenceData(demo_db), page_size=5, runner=runner)
    with qtbot.waitSignal(model.count_settled, timeout=20_000):
        model.set_query(CaseFilter(source="hotline"), background=True)
    assert model.count_exact and model.rowCount() < 20_000
    qtbot.waitUntil(lambda: model.index(7, 0).data() is not None, timeout=20_000)
    assert walks == [False]
