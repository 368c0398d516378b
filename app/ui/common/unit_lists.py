"""Departments as check lists: the units attending a joint meeting, the cooperating units
(协办单位) of a dispatch, a ruling or a meeting's decision. The lead unit cannot also
cooperate: it leaves the list while it leads."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QWidget

from app.core.model import Tier
from app.store.reference import ReferenceData

CodeRole = Qt.ItemDataRole.UserRole
TIER_ORDER = {Tier.ONE: 0, Tier.X: 1, Tier.Y: 2}
UNIT_CELL = QSize(118, 28)  # one unit in a check grid: the longest short name fits


def unit_items(ref: ReferenceData) -> list[tuple[str, str]]:
    """(short name, code) of every department: the office, stationed, then district ones."""
    ordered = sorted(ref.departments.values(), key=lambda d: (TIER_ORDER[d.tier], d.code))
    return [(d.short_name, d.code) for d in ordered]


class UnitChecks(QListWidget):
    """One check box per unit (name, code), none checked to begin with."""

    changed = Signal()

    def __init__(self, units: Iterable[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for name, code in units:
            item = QListWidgetItem(name)
            item.setData(CodeRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def entries(self) -> list[QListWidgetItem]:
        return [self.item(i) for i in range(self.count())]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for item in self.entries():
            state = item.data(CodeRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def checked(self) -> list[QListWidgetItem]:
        return [
            item
            for item in self.entries()
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden()
        ]

    def checked_codes(self) -> list[str]:
        return [item.data(CodeRole) for item in self.checked()]

    def hide_code(self, code: str | None) -> None:
        """The lead unit cannot also cooperate: it leaves the list while it leads."""
        for item in self.entries():
            hidden = code is not None and item.data(CodeRole) == code
            item.setHidden(hidden)
            if hidden:
                item.setCheckState(Qt.CheckState.Unchecked)


class UnitChecklist(UnitChecks):
    """Every department as a check box, laid out as a grid (office, stationed, district)."""

    def __init__(
        self,
        ref: ReferenceData,
        checked: Iterable[str] = (),
        rows: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(unit_items(ref), parent)
        self.setObjectName("unitChecklist")
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setGridSize(UNIT_CELL)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in self.entries():
            item.setToolTip(ref.departments[item.data(CodeRole)].name)
            item.setSizeHint(UNIT_CELL)
        self.set_checked(checked)
        self.setFixedHeight(UNIT_CELL.height() * rows + 8)
        self.setMinimumWidth(UNIT_CELL.width() * 4 + 24)


class CooperatingUnits(UnitChecks):
    """A list of units to check, with a line under it naming those checked: the list is
    longer than it is tall."""

    def __init__(
        self, units: Iterable[tuple[str, str]], height: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(units, parent)
        self.setFixedHeight(height)
        self.chosen_line = QLabel()
        self.chosen_line.setObjectName("hintText")
        self.chosen_line.setWordWrap(True)
        self.changed.connect(self._show_chosen)
        self._show_chosen()

    def follow_lead(self, lead: str | None) -> None:
        self.hide_code(lead)
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = [item.text() for item in self.checked()]
        self.chosen_line.setText(
            self.tr("Cooperating units chosen: {units}").format(units="、".join(chosen))
            if chosen
            else self.tr("No cooperating units chosen")
        )
