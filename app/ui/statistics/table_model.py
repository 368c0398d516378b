"""The table of figures: one row per group (the whole township last), one column per
indicator; sortable through a proxy that keeps the township's row at the bottom."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.core.indicators import INDICATORS, Indicator, Kind
from app.store.statistics import NO_GROUP, TOTAL, Figure, GroupFigures

SortRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2  # the row's group code ("" the township)
KeyRole = Qt.ItemDataRole.UserRole + 3  # the column's indicator key
Index = QModelIndex | QPersistentModelIndex


def shown_value(indicator: Indicator, figure: Figure | None) -> str:
    """What a cell says: counts and percentiles (whole minutes) whole, rates as "93.1%",
    averages to one decimal, "—" when there is nothing to count."""
    if figure is None:
        return "0" if indicator.kind == Kind.COUNT else "—"
    if figure.value is None:
        return "—"
    if indicator.kind == Kind.COUNT:
        return f"{int(figure.value):,}"
    if indicator.kind == Kind.RATE:
        return f"{figure.value * 100:.1f}%"
    if indicator.kind == Kind.P90:
        return f"{figure.value:.0f}"
    return f"{figure.value:.1f}"


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GroupFigures] = []
        self.indicators: tuple[Indicator, ...] = INDICATORS
        self.group_title = ""

    def set_rows(self, rows: list[GroupFigures], group_title: str) -> None:
        self.beginResetModel()
        # 未分拨 just above the township's row
        rows = (
            [r for r in rows if r.group != NO_GROUP][:-1]
            + [r for r in rows if r.group == NO_GROUP]
            + rows[-1:]
            if rows
            else []
        )
        self.rows, self.group_title = rows, group_title
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.indicators) + 1

    def indicator_at(self, column: int) -> Indicator | None:
        return self.indicators[column - 1] if column >= 1 else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        found = self.indicator_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if found is None:
                return self.group_title
            unit = "" if found.unit in ("件", "次", "%") else f"\n({found.unit})"
            return f"{found.name}{unit}"
        if role == Qt.ItemDataRole.ToolTipRole and found is not None:
            return f"<b>{found.name}</b>（{found.unit}）<br>{found.definition}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        found = self.indicator_at(index.column())
        total = row.group == TOTAL
        if role == GroupRole:
            return row.group
        if role == KeyRole:
            return found.key if found else None
        if role == Qt.ItemDataRole.FontRole and total:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.BackgroundRole and total:
            return QBrush(QColor("#eef3fa"))
        if found is None:
            if role in (Qt.ItemDataRole.DisplayRole, SortRole):
                return row.name
            return None
        figure = row.figures.get(found.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_value(found, figure)
        if role == SortRole:
            if figure is None or figure.value is None:
                return -1.0
            return float(figure.value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            hit, counted = (figure.hit, figure.counted) if figure else (0, 0)
            return f"{row.name} · {found.name}：{hit:,} / {counted:,}"
        return None


class FiguresProxy(QSortFilterProxyModel):
    """Sorts by the figures' values; the whole township stays the last row either way."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        left_total = left.data(GroupRole) == TOTAL
        right_total = right.data(GroupRole) == TOTAL
        if left_total or right_total:
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            # the township last: "greater" ascending, "smaller" descending
            return right_total and not left_total if not descending else left_total
        return super().lessThan(left, right)
