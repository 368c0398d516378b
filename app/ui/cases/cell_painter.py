"""The cases list's cells, painted straight from the rows the model holds.

Qt's own delegate asks the model for nine roles of every cell it paints, each a call
into Python, and lays each text out again at every paint: 8 ms for a screen of cases at
1366×768, most of what the window added to a list's answer at a million cases. This one
reads the row once per cell and draws texts laid out once (``QStaticText``, elided to the
column's width). What it draws is what Qt's delegate drew: the selection, the current
cell's focus frame, the urgent colour, the text elided on the right. Tooltips and the
model's roles are unchanged (the view and accessibility still ask ``data``).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

from app.store.case_list import ListedCase
from app.ui.cases.cells import COLUMNS, cell_data
from app.ui.cases.table_model import CaseTableModel

# the style sheet's ``QTableView::item { padding: 0 6px }`` (resources/style.qss) and the
# style's text margin inside it (Qt: PM_FocusFrameHMargin + 1)
PADDING = 6 + 3
# texts laid out and kept, by text and width (the font is the application's, set once at
# start: ui/app.py): a screen shows ~200 cells, and the words of codes repeat
KEPT_TEXTS = 4_000
_SELECTED = QStyle.StateFlag.State_Selected
_FOCUSED = QStyle.StateFlag.State_HasFocus
_ATTRIBUTES = tuple(attribute for attribute, _sort in COLUMNS)
_DISPLAY, _FOREGROUND = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole


class Ink(NamedTuple):
    """What a row's texts are drawn with: read from the style option once a row, not once
    a cell (each read of ``option.palette`` copies it)."""

    metrics: QFontMetrics
    colour: QColor  # the text's, or the selection's text colour
    selected: bool


def ink_colour(palette: QPalette, selected: bool) -> QColor:
    return (palette.highlightedText() if selected else palette.text()).color()


class CaseCellPainter(QStyledItemDelegate):
    def __init__(self, model: CaseTableModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self._texts: dict[tuple[str, int], QStaticText] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        listed = self.model.listed_at(index.row())  # None: its page is still being read
        if listed is None:
            return
        selected = _SELECTED in option.state
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        ink = Ink(option.fontMetrics, ink_colour(palette, selected), selected)
        self.draw_text(painter, option.rect, listed, index.column(), ink)
        if _FOCUSED in option.state:
            self.frame(painter, option, selected)

    def draw_text(
        self, painter: QPainter, rect: QRect, listed: ListedCase, column: int, ink: Ink
    ) -> None:
        """The text of one cell, elided to the cell (the background is the caller's: the
        delegate fills a selected cell, the view a whole row)."""
        attribute, ref = _ATTRIBUTES[column], self.model.ref
        if ink.selected:
            painter.setPen(ink.colour)
        else:  # the cell's own colour (urgent) or the text's
            own = cell_data(ref, listed, attribute, _FOREGROUND)
            painter.setPen(own.color() if isinstance(own, QBrush) else ink.colour)
        text = cell_data(ref, listed, attribute, _DISPLAY)
        if text:
            metrics = ink.metrics
            laid_out = self._laid_out(text, rect.width() - 2 * PADDING, metrics)
            top = rect.y() + (rect.height() - metrics.height()) // 2
            painter.drawStaticText(rect.x() + PADDING, top, laid_out)

    def _laid_out(self, text: str, width: int, metrics: QFontMetrics) -> QStaticText:
        key = (text, width)
        laid_out = self._texts.get(key)
        if laid_out is None:
            if len(self._texts) >= KEPT_TEXTS:
                self._texts.clear()
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            laid_out = self._texts[key] = QStaticText(elided)
            laid_out.setTextFormat(Qt.TextFormat.PlainText)
        return laid_out

    @staticmethod
    def frame(painter: QPainter, option: QStyleOptionViewItem, selected: bool) -> None:
        """The current cell's focus frame, as Qt's delegate draws it."""
        widget = option.widget
        if widget is None:
            return
        style, palette = widget.style(), option.palette
        frame = QStyleOptionFocusRect()
        frame.rect = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemFocusRect, option, widget
        )
        frame.palette = palette
        frame.state = (
            option.state | QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
        )
        frame.backgroundColor = (palette.highlight() if selected else palette.window()).color()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)
