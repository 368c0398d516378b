"""The cases table: Qt's table view, painting the rows it shows in one call.

Qt's ``QTableView.paintEvent`` calls the delegate once per cell, each call a crossing into
Python of about 25 µs before anything is drawn, 176 cells at 1366×728. This view draws what
that paint drew (the rows' alternate colours, the selection, each cell's text through
``CaseCellPainter``, the grid, the current cell's focus frame) from one ``paintEvent``, in
about two thirds of the time: a new list's rows 4.1 ms against 6.4 at a million cases, 2.4
against 4.5 when their texts were laid out before. tests/ui/test_case_table_view.py
compares the two pixel by pixel, in every state the view can be in. Everything else
(scrolling, selection, keys, tooltips) is Qt's; the layout is left to right only, as the
program's languages are.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)

from app.ui.cases.cell_painter import CaseCellPainter, Ink, ink_colour
from app.ui.cases.table_model import CaseTableModel

_ACTIVE = QStyle.StateFlag.State_Active
_FOCUSED = QStyle.StateFlag.State_HasFocus
_ENABLED = QStyle.StateFlag.State_Enabled
_INACTIVE = QPalette.ColorGroup.Inactive


class CaseTableView(QTableView):
    def __init__(self, model: CaseTableModel) -> None:
        super().__init__()
        self.qt_paints = False  # True: Qt's own paintEvent (the tests' reference)
        self.note: QLabel | None = None  # set before the model: it lays the view out
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

    def cover_with(self, note: QLabel) -> None:
        """Show ``note`` (when visible) over the top of the rows: a child of the view, not of
        its viewport, so scrolling does not move it, and the view keeps its height when the
        note comes and goes."""
        note.setParent(self)
        note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.note = note
        self._place_note()

    def updateGeometries(self) -> None:  # resized, or the header changed height
        super().updateGeometries()
        self._place_note()

    def _place_note(self) -> None:
        if self.note is not None:
            rows = self.viewport().geometry()
            self.note.setGeometry(rows.x(), rows.y(), rows.width(), self.note.sizeHint().height())
            self.note.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.qt_paints:
            super().paintEvent(event)
            return
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        pens = _Pens.of(self, option)
        painter = QPainter(self.viewport())
        try:  # a painter left open by an error would spoil every later paint
            for area in event.region():  # each rectangle alone, as Qt's: not the rows between
                self._paint_area(painter, option, pens, area)
        finally:
            painter.end()

    def _paint_area(
        self, painter: QPainter, option: QStyleOptionViewItem, pens: _Pens, area: QRect
    ) -> None:
        first, last = self.rowAt(area.top()), self.rowAt(area.bottom())
        if first < 0:
            return  # below the last row: the viewport's own background
        if last < 0:
            last = self.cases.rowCount() - 1
        columns = self._columns_in(area)
        if columns:
            # (row, top, height): asked of the header once, for the rows and their grid
            rows = [
                (r, self.rowViewportPosition(r), self.rowHeight(r)) for r in range(first, last + 1)
            ]
            self._paint_rows(painter, option, pens, rows, columns)
            self._paint_grid(painter, pens, area, rows, columns)

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
        pens: _Pens,
        rows: list[tuple[int, int, int]],
        columns: list[tuple[int, int, int]],
    ) -> None:
        """Each row's alternate colour, then each cell's selection colour and text, the
        cells short of the grid lines on their right and below them, as Qt's."""
        left, gap = columns[0][1], pens.gap
        width = columns[-1][1] + columns[-1][2] - left
        chosen = [
            (r.top(), r.bottom(), r.left(), r.right()) for r in self.selectionModel().selection()
        ]
        current = self.currentIndex()
        focused = current.isValid() and (self.hasFocus() or self.viewport().hasFocus())
        framed = (current.row(), current.column()) if focused else None
        for row, top, row_height in rows:
            height = row_height - gap
            if row & 1 and pens.alternate is not None:
                painter.fillRect(left, top, width, height, pens.alternate)
            listed = self.cases.listed_at(row)  # None: its page is still being read
            picked = [(f, t) for top_row, bottom, f, t in chosen if top_row <= row <= bottom]
            for column, x, column_width in columns:
                cell = QRect(x, top, column_width - gap, height)
                selected = any(f <= column <= t for f, t in picked)
                if selected:
                    painter.fillRect(cell, pens.highlight)
                if listed is not None:
                    self.cells.draw_text(painter, cell, listed, column, pens.inks[selected])
                    if (row, column) == framed:
                        option.rect = cell
                        option.state |= _FOCUSED
                        self.cells.frame(painter, option, selected)
                        option.state &= ~_FOCUSED

    def _paint_grid(
        self,
        painter: QPainter,
        pens: _Pens,
        area: QRect,
        rows: list[tuple[int, int, int]],
        columns: list[tuple[int, int, int]],
    ) -> None:
        """The grid lines, below each row and right of each column, as far as the rows and
        the columns reach."""
        if pens.grid is None:
            return
        painter.setPen(pens.grid)
        down, across = self.verticalHeader(), self.horizontalHeader()
        bottom = min(area.bottom(), down.length() - down.offset() - 1)
        right = min(area.right(), across.length() - across.offset() - 1)
        for _row, top, height in rows:
            painter.drawLine(area.left(), top + height - 1, right, top + height - 1)
        for _column, x, width in columns:
            painter.drawLine(x + width - 1, area.top(), x + width - 1, bottom)


@dataclass(frozen=True)
class _Pens:
    """What one paint draws with, in the colour groups Qt's paint uses: an enabled cell's
    in the normal group even while the window is inactive (the delegate's selection and
    texts), a row's background in the group of the window's state."""

    inks: dict[bool, Ink]  # by selected
    highlight: QBrush
    alternate: QBrush | None  # None: no alternate rows
    grid: QPen | None  # None: no grid
    gap: int  # the grid line's width, which the cells leave free

    @classmethod
    def of(cls, view: QTableView, option: QStyleOptionViewItem) -> _Pens:
        palette = option.palette
        if _ENABLED in option.state:
            palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
            rows = QPalette.ColorGroup.Normal if _ACTIVE in option.state else _INACTIVE
        else:
            rows = QPalette.ColorGroup.Disabled
        option.palette = palette  # the focus frame's colours too
        metrics = option.fontMetrics
        colour = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
        grid = QPen(QColor.fromRgba(colour & 0xFFFFFFFF), 1, view.gridStyle())
        alternate = palette.brush(rows, QPalette.ColorRole.AlternateBase)
        return cls(
            inks={s: Ink(metrics, ink_colour(palette, s), s) for s in (False, True)},
            highlight=palette.highlight(),
            alternate=alternate if view.alternatingRowColors() else None,
            grid=grid if view.showGrid() else None,
            gap=1 if view.showGrid() else 0,
        )
