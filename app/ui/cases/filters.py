"""The filter bar of the cases list: every choice becomes one ``CaseFilter``."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.model import CaseSource, CaseStatus, Urgency, User
from app.store.case_list import CaseFilter
from app.store.reference import ReferenceData
from app.ui.common.i18n import word

SEARCH_DEBOUNCE_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the minimum of a date box stands for "any date"


class DateBox(QDateEdit):
    """A date box whose minimum means "any date" (shown as 不限)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(2099, 12, 31))
        self.setSpecialValueText(self.tr("Any"))
        self.setDate(NO_DATE)
        self.setMinimumWidth(110)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Open the calendar at this month, not at the "any date" placeholder (year 2000)."""
        if event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def iso(self) -> str | None:
        return None if self.date() == NO_DATE else self.date().toString("yyyy-MM-dd")

    def clear_date(self) -> None:
        self.setDate(NO_DATE)


class CaseFilterBar(QWidget):
    """Search box (debounced), the two quick filters of the signed-in ``user`` (待我办理,
    本单位) and the filter combos. Emits ``changed`` with the new filter."""

    changed = Signal(object)  # CaseFilter

    def __init__(
        self, ref: ReferenceData, user: User | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ref = ref
        self.user = user
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(
            self.tr("Search description, address, category or case number (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.mine = QCheckBox(self.tr("Waiting on me"))
        self.mine.setObjectName("waitingOnMe")
        self.mine.setToolTip(
            self.tr("Only the cases waiting on you now: the to-do list of the workbench")
        )
        self.my_unit = QCheckBox(self.tr("My unit"))
        self.my_unit.setObjectName("myUnit")
        if user is not None:
            self.my_unit.setToolTip(
                self.tr("Only the cases {unit} leads").format(
                    unit=ref.department_name(user.department_code)
                )
            )
        for box in (self.mine, self.my_unit):
            box.setVisible(user is not None)
        self.status = self._combo(self.tr("All statuses"), [(word(s), s.value) for s in CaseStatus])
        self.category = self._category_combo()
        self.grid = self._combo(
            self.tr("All grids"), [(g.name, g.code) for g in ref.grids.values()]
        )
        self.source = self._combo(self.tr("All sources"), [(word(s), s.value) for s in CaseSource])
        self.urgency = self._combo(self.tr("Any urgency"), [(word(u), u.value) for u in Urgency])
        self.received_from = DateBox()
        self.received_to = DateBox()
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("flatButton")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for widget in (self.status, self.category, self.grid, self.source, self.urgency):
            filters.addWidget(widget)
        filters.addSpacing(8)
        filters.addWidget(QLabel(self.tr("Received")))
        filters.addWidget(self.received_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.received_to)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)
        search = QHBoxLayout()
        search.setSpacing(14)
        search.addWidget(self.search, 1)
        search.addWidget(self.mine)
        search.addWidget(self.my_unit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(search)
        column.addLayout(filters)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_now)
        self._debounce.timeout.connect(self._emit)
        for combo in (self.status, self.category, self.grid, self.source, self.urgency):
            combo.currentIndexChanged.connect(self._emit)
        for box in (self.received_from, self.received_to):
            box.dateChanged.connect(self._emit)
        for check in (self.mine, self.my_unit):
            check.toggled.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _category_combo(self) -> QComboBox:
        """Groups and their leaves; a group stands for all of its leaves."""
        combo = QComboBox()
        combo.addItem(self.tr("All categories"), ())
        groups = [c for c in self.ref.categories.values() if not c.is_leaf]
        for group in groups:
            leaves = tuple(
                c.code for c in self.ref.categories.values() if c.parent_code == group.code
            )
            combo.addItem(self.tr("{group} (all)").format(group=group.name), leaves)
            for code in leaves:
                combo.addItem("    " + self.ref.category_name(code), (code,))
        combo.setMaxVisibleItems(20)
        return combo

    def _search_now(self) -> None:
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.case_filter())

    def case_filter(self) -> CaseFilter:
        user = self.user
        mine = user is not None and self.mine.isChecked()
        unit = user.department_code if user is not None and self.my_unit.isChecked() else None
        return CaseFilter(
            waiting_on=user if mine else None,
            lead_unit=unit,
            status=self.status.currentData(),
            category_codes=tuple(self.category.currentData() or ()),
            grid_code=self.grid.currentData(),
            source=self.source.currentData(),
            urgency=self.urgency.currentData(),
            received_from=self.received_from.iso(),
            received_to=self.received_to.iso(),
            text=self.search.text().strip(),
        )

    def clear(self) -> None:
        """Back to every case; one query, not one per box."""
        self.set_filter(CaseFilter())

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show a filter chosen elsewhere (a workbench card), then emit it once. The quick
        filters stand for the signed-in user: ``waiting_on`` ticks 待我办理, ``lead_unit``
        本单位 (this bar shows no other person's list, nor another unit's)."""
        widgets = (
            self.mine,
            self.my_unit,
            self.status,
            self.category,
            self.grid,
            self.source,
            self.urgency,
            self.received_from,
            self.received_to,
            self.search,
        )
        for widget in widgets:
            widget.blockSignals(True)
        for combo, value in (
            (self.status, case_filter.status),
            (self.grid, case_filter.grid_code),
            (self.source, case_filter.source),
            (self.urgency, case_filter.urgency),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.category.setCurrentIndex(max(0, self.category.findData(case_filter.category_codes)))
        for box, iso in (
            (self.received_from, case_filter.received_from),
            (self.received_to, case_filter.received_to),
        ):
            box.setDate(QDate.fromString(iso, "yyyy-MM-dd") if iso else NO_DATE)
        self.search.setText(case_filter.text)
        self.mine.setChecked(case_filter.waiting_on is not None)
        self.my_unit.setChecked(case_filter.lead_unit is not None)
        for widget in widgets:
            widget.blockSignals(False)
        self._debounce.stop()
        self._emit()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
