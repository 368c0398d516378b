"""The cases list's own cell painter draws what Qt's delegate drew: the same text in the
same place, the selection, the focus frame and the urgent colour. Both are painted here
through Qt's own paintEvent, which calls the delegate once per cell; the view's paint in
one call is compared with that in test_case_table_view.py."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyledItemDelegate

from app.core.model import Urgency
from app.ui.cases.cell_painter import CaseCellPainter
from app.ui.cases.cells import COLUMNS, URGENT_COLOUR
from app.ui.cases.table_view import CaseTableView
from tests.ui.test_case_table_view import painted

URGENCY_COLUMN = next(i for i, c in enumerate(COLUMNS) if c[0] == "urgency")


def _painted(table: CaseTableView, delegate: QStyledItemDelegate) -> QImage:
    table.setItemDelegate(delegate)
    return painted(table, qt=True)  # Qt's paintEvent, which calls the delegate per cell


def _ink(image: QImage, rect: QRect) -> QRect | None:
    """Where a cell's text is: the box of its dark pixels (the grid lines, the row colours
    and the selection are all light)."""
    xs, ys = [], []
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            if QColor(image.pixel(x, y)).lightness() < 150:
                xs.append(x)
                ys.append(y)
    return QRect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)) if xs else None


def _reddish(image: QImage, rect: QRect) -> bool:
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            colour = QColor(image.pixel(x, y))
            if colour.red() > 150 and colour.green() < 110 and colour.blue() < 110:
                return True
    return False


def test_the_painter_draws_what_qts_delegate_drew(qtbot, window):
    window.resize(1366, 728)
    window.show_page("cases")
    table, model = window.cases.table, window.cases.model
    assert isinstance(table.itemDelegate(), CaseCellPainter)
    table.setFocus()
    table.selectRow(1)
    qtbot.wait(10)
    ours = _painted(table, CaseCellPainter(model, table))
    qts = _painted(table, QStyledItemDelegate(table))
    cells = [
        (row, column, table.visualRect(model.index(row, column)))
        for row in range(model.rowCount())
        for column in range(len(COLUMNS))
        if table.viewport().rect().contains(table.visualRect(model.index(row, column)))
    ]
    inked = 0
    for row, column, rect in cells:
        mine, theirs = _ink(ours, rect), _ink(qts, rect)
        assert (mine is None) == (theirs is None), (row, column)
        if mine is not None and theirs is not None:
            inked += 1
            for edge in ("left", "top", "right", "bottom"):
                assert abs(getattr(mine, edge)() - getattr(theirs, edge)()) <= 1, (row, column)
    assert inked > 100  # a screen of cases, not an empty table
    selected = table.visualRect(model.index(1, URGENCY_COLUMN)).center()
    selection = QColor(ours.pixel(selected.x(), selected.y() - 11))  # above the text
    assert selection == QColor(qts.pixel(selected.x(), selected.y() - 11))
    assert selection != QColor(ours.pixel(selected.x(), selected.y() - 11 + 60))  # row 3
    urgent = [
        row
        for row, column, _rect in cells
        if column == URGENCY_COLUMN and model.case_at(row).urgency == Urgency.URGENT and row != 1
    ]
    assert urgent, "the demo's first screen holds an urgent case"
    for row in urgent:
        rect = table.visualRect(model.index(row, URGENCY_COLUMN))
        assert _reddish(ours, rect) and _reddish(qts, rect)
    plain = next(r for r, c, _ in cells if c == URGENCY_COLUMN and r not in urgent and r != 1)
    assert not _reddish(ours, table.visualRect(model.index(plain, URGENCY_COLUMN)))
    assert URGENT_COLOUR.red() > 150  # what _reddish looks for


def test_long_texts_are_elided_to_the_column(qtbot, window):
    table = window.cases.table
    painter = CaseCellPainter(window.cases.model, table)
    metrics = table.fontMetrics()
    long = "石门村进村路盲道被车辆长期占用" * 3
    laid_out = painter._laid_out(long, 120, metrics)
    assert laid_out.text().endswith("…")
    assert metrics.horizontalAdvance(laid_out.text()) <= 120
    assert painter._laid_out("占道经营", 120, metrics).text() == "占道经营"
    assert painter._laid_out(long, 120, metrics) is laid_out  # laid out once
