"""The call-response desk (呼叫响应): calls to district departments with live timers.

Open calls first, urgent first (the store's order). The response and arrival timers run on
the wall clock and are re-read every 30 seconds; their colour follows the clock's state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.deadlines import DeadlineState
from app.store.cases import case_by_number
from app.store.changes import CALLS
from app.store.clocks import CallView, StepClock, calls
from app.store.reference import ReferenceData
from app.store.work_calendar import work_calendar
from app.ui.common.clocks import STATE_COLOURS, call_clock_text
from app.ui.common.i18n import call_status_word
from app.ui.common.page import Page
from app.ui.common.session import Session

TICK_MS = 30_000
CallRole = Qt.ItemDataRole.UserRole
StateRole = Qt.ItemDataRole.UserRole + 1  # DeadlineState of a timer cell
_Index = QModelIndex | QPersistentModelIndex

NUMBER, DEPARTMENT, URGENT, CALLED, PROGRESS, RESPONSE, ARRIVAL, PHONE, REASON = range(9)
TIMER_COLUMNS = (RESPONSE, ARRIVAL)
COLUMN_WIDTHS = (164, 92, 48, 126, 122, 172, 212, 108)
URGENT_COLOUR = QColor("#c0392b")


class CallTableModel(QAbstractTableModel):
    def __init__(self, db: Database, ref: ReferenceData, clock: Clock, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.ref, self.clock = db, ref, clock
        self.open_only = True
        self.rows: list[CallView] = []
        self.read_at = clock.now()
        self.calendar = work_calendar(db)  # ordinary calls run on office hours

    def headers(self) -> list[str]:
        return [
            self.tr("Case number"),
            self.tr("Department"),
            self.tr("Urgent"),
            self.tr("Called at"),
            self.tr("Progress"),
            self.tr("Response"),
            self.tr("Arrival"),
            self.tr("Duty phone"),
            self.tr("Reason"),
        ]

    def refresh(self) -> None:
        """Read the calls again (a step was taken, or the toggle changed)."""
        self.beginResetModel()
        self.read_at = self.clock.now()
        self.calendar = work_calendar(self.db)
        self.rows = calls(self.db, self.read_at, open_only=self.open_only)
        self.endResetModel()

    def tick(self) -> None:
        """Time passed: the clocks' states may have changed, so re-read them."""
        if not self.rows:
            return
        self.read_at = self.clock.now()
        fresh = {c.id: c for c in calls(self.db, self.read_at, open_only=self.open_only)}
        if set(fresh) != {c.id for c in self.rows}:
            self.refresh()
            return
        self.rows = [fresh[c.id] for c in self.rows]
        self.dataChanged.emit(self.index(0, RESPONSE), self.index(len(self.rows) - 1, ARRIVAL))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def _timer(self, call: CallView, column: int) -> tuple[StepClock, str | None]:
        clock = call.clocks[0 if column == RESPONSE else 1]
        finished = call.acknowledged_at if column == RESPONSE else call.on_scene_at
        return clock, finished

    def timer_state(self, call: CallView, column: int) -> DeadlineState:
        clock = self._timer(call, column)[0]
        # core's rule: a step done late stays red for the record, as the CLI says overdue
        return DeadlineState.OVERDUE if clock.overdue else clock.state

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        call = self.rows[index.row()]
        column = index.column()
        if role == CallRole:
            return call
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(call, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REASON:
                return call.reason
            if column in TIMER_COLUMNS:
                clock, finished = self._timer(call, column)
                due = self.tr("Due {time}").format(time=clock.due)
                if finished:
                    return due + "\n" + self.tr("Done {time}").format(time=finished)
                return due
            return None
        if role == StateRole and column in TIMER_COLUMNS:
            return self.timer_state(call, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in TIMER_COLUMNS:
                return QBrush(STATE_COLOURS[self.timer_state(call, column)])
            if column == URGENT and call.urgent:
                return QBrush(URGENT_COLOUR)
            if call.ended_at:
                return QBrush(QColor("#7b8794"))
        running = column in TIMER_COLUMNS and not self._timer(call, column)[1]
        pressing = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)
        if (
            role == Qt.ItemDataRole.FontRole
            and running
            and self.timer_state(call, column) in pressing
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, call: CallView, column: int) -> str:
        if column == NUMBER:
            return call.case_number
        if column == DEPARTMENT:
            return self.ref.department_name(call.department)
        if column == URGENT:
            return self.tr("Urgent") if call.urgent else ""
        if column == CALLED:
            return call.called_at[:16]
        if column == PROGRESS:
            if call.status == "handled" and not call.ended_at:
                return self.tr("{status}, to confirm").format(status=call_status_word(call.status))
            return call_status_word(call.status)
        if column in TIMER_COLUMNS:
            clock, finished = self._timer(call, column)
            office = None if call.urgent else self.calendar
            return call_clock_text(clock, call.called_at, finished, self.read_at, office)
        if column == PHONE:
            return call.duty_phone
        return " ".join(call.reason.split())


class CallsPage(Page):
    shows = frozenset({CALLS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.db = session.db
        self.model = CallTableModel(session.db, session.ref, session.clock, self)
        title = QLabel(self.tr("Call response"))
        title.setObjectName("pageTitle")
        self.open_only = QCheckBox(self.tr("Only calls not yet closed"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self._toggle)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        hint = QLabel(
            self.tr(
                "Response and arrival run on the clock, nights and holidays included. "
                "A call is closed only when the office confirms it (事不完人不撤). "
                "Double-click a call to open its case and record the next step."
            )
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No open calls."))
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = self._table()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addWidget(self.count_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 10)
        column.setSpacing(10)
        column.addLayout(top)
        column.addWidget(hint)
        column.addWidget(self.empty_label)
        column.addWidget(self.table, 1)
        self.model.modelReset.connect(self._show_count)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.model.tick)

    # the timers run only while the page is on screen
    def showEvent(self, event: QShowEvent) -> None:
        if not self.stale:
            self.model.tick()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("callsTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(30)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(i, width)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._activated)  # double-click or Enter
        return table

    def reread(self) -> None:
        self.model.refresh()

    def _toggle(self, checked: bool) -> None:
        self.model.open_only = checked
        self.refresh()

    def _show_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.open_only:
            text = self.tr("{count} open calls").format(count=rows)
        else:
            text = self.tr("{count} calls").format(count=f"{rows:,}")
        self.count_label.setText(text)
        self.empty_label.setText(
            self.tr("No open calls.") if self.model.open_only else self.tr("No calls yet.")
        )
        self.empty_label.setVisible(rows == 0)

    def _activated(self, index: QModelIndex) -> None:
        call = index.data(CallRole)
        if call is not None:
            self.case_activated.emit(case_by_number(self.db, call.case_number))
