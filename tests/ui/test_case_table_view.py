"""The cases table paints its rows in one call, and what it paints is what Qt's own
paintEvent painted through the cell painter, pixel for pixel: the rows' colours, the
selection, the texts, the grid and the current cell's focus frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPainter, QRegion

from app.store.case_list import CaseFilter
from app.ui.cases.table_view import CaseTableView


def _painted(table: CaseTableView, qt: bool, region: QRegion | None = None) -> QImage:
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
    ours, qts = _painted(table, qt=False), _painted(table, qt=True)
    assert not _differences(ours, qts)
    # not a blank picture: the selection's colour and a text's dark pixels are in it
    assert qts.pixelColor(300, table.rowViewportPosition(1) + 2) != qts.pixelColor(300, 2)


def test_the_view_paints_what_qt_painted_without_focus_scrolled(qtbot, window, table):
    table.selectRow(3)
    window.cases.filters.setFocus()
    table.scrollTo(table.model().index(40, 0))
    qtbot.wait(20)
    assert not table.hasFocus()
    assert not _differences(_painted(table, qt=False), _painted(table, qt=True))


def test_a_strip_painted_alone_matches_as_a_scroll_steps_paint(qtbot, table):
    table.selectRow(2)
    table.setFocus()
    strip = QRegion(QRect(0, 50, table.viewport().width(), 75))
    ours, qts = _painted(table, False, strip), _painted(table, True, strip)
    assert not _differences(ours, qts)


def test_a_short_list_ends_its_grid_at_its_last_row(qtbot, window, table):
    model = table.model()
    model.set_query(CaseFilter(text=model.case_at(0).number))
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    qtbot.waitUntil(lambda: not table.verticalScrollBar().isVisible())  # laid out again
    assert not _differences(_painted(table, qt=False), _painted(table, qt=True))
    model.set_query(CaseFilter(text="没有这样的案件"))
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert not _differences(_painted(table, qt=False), _painted(table, qt=True))
