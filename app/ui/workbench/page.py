"""The workbench: what a clerk needs at a glance: what waits on them, today's intake, the
latest cases."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.model import CaseStatus, Urgency
from app.core.permissions import REGISTER_CASE, may
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases
from app.store.cases import case_by_number
from app.store.changes import CASES, DEVICES
from app.store.queues import my_tasks
from app.ui.common.field_banner import FieldBanner
from app.ui.common.i18n import word
from app.ui.common.page import Page
from app.ui.common.session import Session
from app.ui.common.trees import case_tree
from app.ui.workbench.calendar_banner import CalendarBanner

RECENT = 10
TASKS = 8  # the most pressing; the rest are a click away on the cases page


class StatCard(QFrame):
    """A number with its caption; a click shows those cases in the cases list."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Show these cases"))
        self.value = QLabel("0")
        self.value.setObjectName("statValue")
        label = QLabel(caption)
        label.setObjectName("statCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.value)
        layout.addWidget(label)

    def set_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class WorkbenchPage(Page):
    shows = frozenset({CASES, DEVICES})  # the field banner says what waits to be synced
    new_case_requested = Signal()
    filter_requested = Signal(object)  # CaseFilter: a stat card was clicked
    sync_requested = Signal()  # the field banner's "Sync…"
    holidays_requested = Signal(int)  # the calendar banner's "Enter the schedule…": a year

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        db = session.db
        self.db, self.ref, self.user, self.clock = db, session.ref, session.user, session.clock
        title = QLabel(self.tr("Workbench"))
        title.setObjectName("pageTitle")
        self.today_label = QLabel()
        self.today_label.setObjectName("hintText")
        self.new_button = QPushButton(self.tr("Register case"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr("Register a new case (Ctrl+N)"))
        self.new_button.setVisible(may(self.user.role, REGISTER_CASE))
        self.new_button.clicked.connect(self.new_case_requested)
        self.today = StatCard(self.tr("Registered today"))
        self.week = StatCard(self.tr("Registered this week"))
        self.pending = StatCard(self.tr("Pending triage"))
        self.urgent = StatCard(self.tr("Urgent, pending triage"))
        self.field_banner = FieldBanner(db)  # only on a field laptop
        self.field_banner.sync_requested.connect(self.sync_requested)
        self.calendar_banner = CalendarBanner(db, self.user)
        self.calendar_banner.enter_requested.connect(self.holidays_requested)
        self.recent = self._recent_list()
        self.tasks = self._task_list()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.today_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        cards = QHBoxLayout()
        cards.setSpacing(14)
        for card in (self.today, self.week, self.pending, self.urgent):
            cards.addWidget(card, 1)
        self.filters: dict[StatCard, CaseFilter] = {}
        for card in (self.today, self.week, self.pending, self.urgent):
            card.clicked.connect(lambda c=card: self.filter_requested.emit(self.filters[c]))
        keys = QLabel(
            self.tr(
                "Keyboard: Ctrl+N register a case · Ctrl+F search cases · "
                "Ctrl+1 … Ctrl+9 switch pages · Enter opens the selected case"
            )
        )
        keys.setObjectName("hintText")
        keys.setWordWrap(True)
        recent_title = QLabel(self.tr("Latest cases"))
        recent_title.setObjectName("sectionTitle")
        self.tasks_title = QLabel()
        self.tasks_title.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.field_banner)
        layout.addWidget(self.calendar_banner)
        layout.addLayout(cards)
        layout.addWidget(self.tasks_title)
        layout.addWidget(self.tasks)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent)
        layout.addWidget(keys)
        layout.addStretch(1)

    def _recent_list(self) -> QTreeWidget:
        headers = [
            self.tr("Case number"),
            self.tr("Received"),
            self.tr("Category"),
            self.tr("Grid"),
            self.tr("Urgency"),
            self.tr("Description"),
        ]
        tree = case_tree("recentCases", headers, (170, 130, 120, 130, 70))
        tree.setRootIsDecorated(False)
        tree.itemActivated.connect(
            lambda item, _column: self.case_activated.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        return tree

    def _task_list(self) -> QTreeWidget:
        """What waits on the signed-in user now, the soonest deadline first."""
        headers = [
            self.tr("Case number"),
            self.tr("Status"),
            self.tr("Due"),
            self.tr("Description"),
        ]
        tree = case_tree("myTasks", headers, (170, 90, 150))
        tree.setRootIsDecorated(False)
        tree.itemActivated.connect(
            lambda item, _column: self.case_activated.emit(case_by_number(self.db, item.text(0)))
        )
        return tree

    def _refresh_tasks(self, now: datetime) -> None:
        self.tasks.clear()
        waiting = my_tasks(self.db, self.user)
        # a banner above takes the room of two rows
        banners = (self.field_banner, self.calendar_banner)
        shown = sum(banner.isVisibleTo(self) for banner in banners)
        tasks = waiting[: TASKS - 2 * shown]
        moment = now.strftime("%Y-%m-%d %H:%M:%S")
        for task in tasks:
            item = QTreeWidgetItem(
                [
                    task.number,
                    word(CaseStatus(task.status)),
                    (task.due or "—")[:16],
                    " ".join(task.description.split()),
                ]
            )
            if task.due and task.due < moment:
                item.setForeground(2, Qt.GlobalColor.red)
                item.setToolTip(2, self.tr("Overdue"))
            self.tasks.addTopLevelItem(item)
        self.tasks_title.setText(
            self.tr("Waiting on me ({count})").format(count=len(waiting))
            if waiting
            else self.tr("Nothing waits on me now")
        )
        self.tasks.setVisible(bool(tasks))
        self._fit(self.tasks)

    def reread(self) -> None:
        now = self.clock.now()
        today = now.date()
        monday = today - timedelta(days=today.weekday())
        self.today_label.setText(today.isoformat())
        self.field_banner.refresh()
        self.calendar_banner.refresh(today)
        pending = CaseStatus.PENDING_TRIAGE.value
        self.filters = {
            self.today: CaseFilter(received_from=today.isoformat()),
            self.week: CaseFilter(received_from=monday.isoformat()),
            self.pending: CaseFilter(status=pending),
            self.urgent: CaseFilter(status=pending, urgency=Urgency.URGENT.value),
        }
        for card, case_filter in self.filters.items():
            card.set_value(count_cases(self.db, case_filter))
        self._refresh_tasks(now)  # first: it decides the room left
        self.recent.clear()
        recent = RECENT if self.tasks.topLevelItemCount() == 0 else RECENT // 2
        for case in case_window(self.db, CaseFilter(), CaseSort(), 0, recent):
            item = QTreeWidgetItem(
                [
                    case.number,
                    case.received_at[:16],
                    self.ref.category_name(case.category_code),
                    self.ref.grid_name(case.grid_code),
                    word(case.urgency),
                    " ".join(case.description.split()),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, case)
            item.setToolTip(5, case.description)
            if case.urgency == Urgency.URGENT:
                item.setForeground(4, Qt.GlobalColor.red)
            self.recent.addTopLevelItem(item)
        self._fit(self.recent)

    @staticmethod
    def _fit(tree: QTreeWidget) -> None:
        """As tall as its rows: the page shows what there is, not an empty box."""
        rows = max(1, tree.topLevelItemCount())
        row_height = tree.sizeHintForRow(0) if tree.topLevelItemCount() else 28
        header = tree.header().sizeHint().height()
        tree.setFixedHeight(header + rows * row_height + 6)
