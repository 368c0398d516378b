"""The cases table: Qt's table view, painting the rows it shows in one call.

Qt's ``QTableView.paintEvent`` calls the delegate once per cell, each call a crossing into
Python of about 25 µs before anything is drawn, 176 cells at 1366×728. This view draws what
that paint drew (the rows' alternate colours, the selection, each cell's text through
``CaseCellPainter``, the grid, the current cell's focus frame) from one ``paintEvent``: a
new list's rows in 5.7 ms instead of 8.5 at a million cases, 3.1 instead of 5.4 when their
texts were laid out before. tests/ui/test_case_table_view.py compares the two pixel by
pixel. Everything else (scrolling, selection, keys, tooltips) is Qt's; the layout is left
to right only, as the program's languages are.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTableView

from app.ui.cases.cell_painter import CaseCellPainter, Ink, ink_colour
from app.ui.cases.table_model import CaseTableModel

_ACTIVE = QStyle.StateFlag.State_Active
_FOCUSED = QStyle.StateFlag.State_HasFocus
_INACTIVE = QPalette.ColorGroup.Inactive


class CaseTableView(QTableView):
    def __init__(self, model: CaseTableModel) -> None:
        super().__init__()
        self.setObjectName("casesTable")
        self.setModel(model)
        self.cases = model
        self.cells = CaseCellPainter(model, self)
        self.setItemDelegate(self.cells)  # what Qt paints with (a drag's picture, tests)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(30)
        self.qt_paints = False  # True: Qt's own paintEvent (the tests' reference)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.qt_paints:
            super().paintEvent(event)
            return
        area = event.rect()
        first, last = self.rowAt(area.top()), self.rowAt(area.bottom())
        if first < 0:
            return  # below the last row: the viewport's own background
        if last < 0:
            last = self.cases.rowCount() - 1
        columns = self._columns_in(area)
        if not columns:
            return
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        painter = QPainter(self.viewport())
        rows = range(first, last + 1)
        self._paint_rows(painter, option, rows, columns)
        self._paint_grid(painter, option, area, rows, columns)
        painter.end()

    def _columns_in(self, area: QRect) -> list[tuple[int, int, int]]:
        """(column, x, width) of the columns ``area`` crosses, in the order shown."""
        header = self.horizontalHeader()
        first, last = header.visualIndexAt(area.left()), header.visualIndexAt(area.right())
        if first < 0:
            return []
        if last < 0:
            last = header.count() - 1
        columns = []
        for visual in range(first, last + 1):
            column = header.logicalIndex(visual)
            if not header.isSectionHidden(column):
                columns.append(
                    (column, header.sectionViewportPosition(column), header.sectionSize(column))
                )
        return columns

    def _paint_rows(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rows: range,
        columns: list[tuple[int, int, int]],
    ) -> None:
        """Each row's colour (the selection's, or the alternate), then its cells' texts,
        each cell one pixel short of the grid line on its right and below it, as Qt's."""
        palette, metrics = option.palette, option.fontMetrics
        group = QPalette.ColorGroup.Normal if _ACTIVE in option.state else _INACTIVE
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        alternate = palette.brush(group, QPalette.ColorRole.AlternateBase)
        inks = {
            selected: Ink(metrics, ink_colour(palette, selected), selected)
            for selected in (False, True)
        }
        left = columns[0][1]
        width = columns[-1][1] + columns[-1][2] - left
        selection, current = self.selectionModel(), self.currentIndex()
        focused = current.isValid() and (self.hasFocus() or self.viewport().hasFocus())
        framed = (current.row(), current.column()) if focused else None
        alternating = self.alternatingRowColors()
        for row in rows:
            top, height = self.rowViewportPosition(row), self.rowHeight(row) - 1
            selected = selection.isRowSelected(row)
            if selected:
                painter.fillRect(left, top, width, height, highlight)
            elif row & 1 and alternating:
                painter.fillRect(left, top, width, height, alternate)
            listed = self.cases.listed_at(row)  # None: its page is still being read
            if listed is None:
                continue
            for column, x, column_width in columns:
                cell = QRect(x, top, column_width - 1, height)
                self.cells.draw_text(painter, cell, listed, column, inks[selected])
                if (row, column) == framed:
                    option.rect = cell
                    option.state |= _FOCUSED
                    self.cells.frame(painter, option, selected)
                    option.state &= ~_FOCUSED

    def _paint_grid(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        area: QRect,
        rows: range,
        columns: list[tuple[int, int, int]],
    ) -> None:
        """The grid lines, below each row and right of each column, as far as the rows and
        the columns reach."""
        if not self.showGrid():
            return
        colour = self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
        painter.setPen(QPen(QColor.fromRgba(colour & 0xFFFFFFFF), 1, self.gridStyle()))
        down, across = self.verticalHeader(), self.horizontalHeader()
        bottom = min(area.bottom(), down.length() - down.offset() - 1)
        right = min(area.right(), across.length() - across.offset() - 1)
        for row in rows:
            y = self.rowViewportPosition(row) + self.rowHeight(row) - 1
            painter.drawLine(area.left(), y, right, y)
        for _column, x, width in columns:
            painter.drawLine(x + width - 1, area.top(), x + width - 1, bottom)
