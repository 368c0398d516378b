"""The cases table paints its rows in one call, and what it paints is what Qt's own
paintEvent painted through the cell painter, pixel for pixel: the rows' colours, the
selection, the texts, the grid and the current cell's focus frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QRect
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from app.store.case_list import CaseFilter
from app.ui.cases.table_view import CaseTableView


def painted(table: CaseTableView, qt: bool, region: QRegion | None = None) -> QImage:
    """The viewport as painted by Qt's paintEvent or by the view's own; only ``region`` of
    it painted (the rest white) when given, as a scroll step repaints a strip."""
    table.qt_paints = qt
    try:
        viewport = table.viewport()
        if region is None:
            return viewport.grab().toImage()
        image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        viewport.render(painter, QPoint(), region)
        painter.end()
        return image
    finally:
        table.qt_paints = False


def _differences(ours: QImage, qts: QImage) -> list[tuple[int, int]]:
    assert ours.size() == qts.size()
    ours = ours.convertToFormat(QImage.Format.Format_RGB32)
    qts = qts.convertToFormat(QImage.Format.Format_RGB32)
    if ours == qts:  # compared in C++; pixel by pixel only to say where they differ
        return []
    return [
        (x, y)
        for y in range(ours.height())
        for x in range(ours.width())
        if ours.pixel(x, y) != qts.pixel(x, y)
    ]


@pytest.fixture
def table(qtbot, window) -> CaseTableView:
    window.resize(1366, 728)
    window.show_page("cases")
    table = window.cases.table
    assert isinstance(table, CaseTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() > 20)
    return table


def test_the_view_paints_what_qt_painted_with_a_selected_focused_row(qtbot, window, table):
    window.activateWindow()
    table.setFocus()
    table.selectRow(1)
    qtbot.waitUntil(table.hasFocus)
    ours, qts = painted(table, qt=False), painted(table, qt=True)
    assert not _differences(ours, qts)
    # not a blank picture: the selection's colour and a text's dark pixels are in it
    assert qts.pixelColor(300, table.rowViewportPosition(1) + 2) != qts.pixelColor(300, 2)


def test_the_view_paints_what_qt_painted_without_focus_scrolled(qtbot, window, table):
    table.selectRow(3)
    window.cases.filters.setFocus()
    table.scrollTo(table.model().index(40, 0))
    qtbot.wait(20)
    assert not table.hasFocus()
    assert not _differences(painted(table, qt=False), painted(table, qt=True))


def test_a_strip_painted_alone_matches_as_a_scroll_steps_paint(qtbot, table):
    table.selectRow(2)
    table.setFocus()
    strip = QRegion(QRect(0, 50, table.viewport().width(), 75))
    ours, qts = painted(table, False, strip), painted(table, True, strip)
    assert not _differences(ours, qts)


def _inactive(qtbot, window, table) -> None:
    table.setStyleSheet(  # a look of its own while the window is not the active one
        "QTableView:!active { selection-background-color: #cccccc; selection-color: #aa0000;"
        " alternate-background-color: #eeeedd }"
    )
    table.selectRow(1)
    table.setFocus()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())


def _disabled(qtbot, window, table) -> None:
    table.setStyleSheet("QTableView:disabled { color: #aa0000; selection-background-color: #ccc }")
    table.selectRow(1)
    table.setEnabled(False)


def _one_cell_selected(qtbot, window, table) -> None:
    flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
    table.selectionModel().select(table.model().index(4, 2), flag)


def _no_grid(qtbot, window, table) -> None:
    table.setShowGrid(False)
    table.selectRow(2)


def _rows_not_read_yet(qtbot, window, table) -> None:
    model = table.model()
    listed_at = model.listed_at
    model.listed_at = lambda row: None if row in (2, 3, 5) else listed_at(row)
    table.setFocus()
    table.selectRow(3)


def _scrolled_sideways(qtbot, window, table) -> None:
    for column in range(table.model().columnCount() - 2):
        table.setColumnWidth(column, 200)
    table.horizontalScrollBar().setValue(333)
    table.selectRow(2)


@pytest.mark.parametrize(
    "setup",
    [_inactive, _disabled, _one_cell_selected, _no_grid, _rows_not_read_yet, _scrolled_sideways],
)
def test_the_view_paints_what_qt_painted_in_every_state(qtbot, window, table, setup):
    setup(qtbot, window, table)
    qtbot.wait(20)
    assert not _differences(painted(table, qt=False), painted(table, qt=True))


def test_two_strips_far_apart_are_painted_alone(qtbot, table, monkeypatch):
    """A repaint of two places (a click on a far row: the old and the new one) paints
    those two, not every row between them."""
    table.selectRow(2)
    strips = QRegion(QRect(0, 40, 600, 50)) + QRegion(QRect(300, 330, 400, 60))
    assert not _differences(painted(table, False, strips), painted(table, True, strips))
    drawn = []
    draw_text = table.cells.draw_text
    monkeypatch.setattr(
        table.cells,
        "draw_text",
        lambda p, cell, *rest: drawn.append(cell) or draw_text(p, cell, *rest),
    )
    painted(table, False, strips)
    assert drawn and all(strips.intersects(cell) for cell in drawn)


def test_a_paint_that_fails_leaves_no_painter_open(qtbot, table, monkeypatch):
    """An error while painting (a row that cannot be drawn) is reported, and the paints
    after it are whole: the painter was closed."""
    monkeypatch.setattr(table.cells, "draw_text", lambda *_: 1 / 0)
    with pytest.raises(ZeroDivisionError):  # a paint asked from Python raises there
        table.viewport().repaint()
    monkeypatch.undo()
    assert not _differences(painted(table, qt=False), painted(table, qt=True))


def test_the_no_case_line_stays_over_the_rows_when_scrolled(qtbot, window, table):
    for column in range(table.model().columnCount() - 2):
        table.setColumnWidth(column, 260)  # wider than the window: a scroll bar below
    model = table.model()
    height = table.height()
    model.set_query(CaseFilter(text="没有这样的案件"))
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    line = window.cases.empty_label
    qtbot.waitUntil(line.isVisible)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    qtbot.wait(20)
    rows = table.viewport().geometry()
    assert line.geometry().left() == rows.left() and line.geometry().width() == rows.width()
    assert line.geometry().top() == rows.top()
    assert table.height() == height  # the line did not push the table down
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: table.viewport().width() == line.width())


def test_a_short_list_ends_its_grid_at_its_last_row(qtbot, window, table):
    model = table.model()
    model.set_query(CaseFilter(text=model.case_at(0).number))
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    qtbot.waitUntil(lambda: not table.verticalScrollBar().isVisible())  # laid out again
    assert not _differences(painted(table, qt=False), painted(table, qt=True))
    model.set_query(CaseFilter(text="没有这样的案件"))
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert not _differences(painted(table, qt=False), painted(table, qt=True))
