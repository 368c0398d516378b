"""The workbench: what a clerk needs at a glance: what waits on them, today's intake, the
latest cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.model import Case, CaseStatus, Role, Urgency, User
from app.core.permissions import REGISTER_CASE, may
from app.store.case_list import CaseFilter, CaseSort, case_window, count_cases, row_numbers
from app.store.cases import case_by_number
from app.store.changes import CASES, DEVICES
from app.store.queues import Task, my_tasks, task_counts
from app.store.workbench_figures import OfficeFigures, UnitFigures, office_figures, unit_figures
from app.ui.common.field_banner import FieldBanner
from app.ui.common.i18n import word
from app.ui.common.page import LARGE_DATABASE, Page
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.common.trees import case_tree
from app.ui.workbench.calendar_banner import CalendarBanner

RECENT = 10
TASKS = 200  # the most pressing first; all of them are a click away on the cases page


class StatCard(QFrame):
    """A number with its caption; a click shows those cases in the cases list."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Show these cases"))
        self.value = QLabel("…")  # until the figures are read (on the worker when many)
        self.value.setObjectName("statValue")
        label = QLabel(caption)
        label.setObjectName("statCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.value)
        layout.addWidget(label)

    def set_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")

    def set_text(self, text: str) -> None:
        self.value.setText(text)

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
    page_requested = Signal(str)  # a card that shows another page (the overdue: the board)

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
        # a department officer sees its own unit's figures instead of the office's intake
        self.unit_view = self.user.role == Role.DEPARTMENT_OFFICER
        self.on_time = StatCard(self.tr("Closed on time this month (my unit)"))
        self.on_time.setToolTip(self.tr("Show this month's figures on the statistics page"))
        self.overdue = StatCard(
            self.tr("Overdue (my unit)") if self.unit_view else self.tr("Overdue")
        )
        self.overdue.setToolTip(self.tr("Show the overdue cases on the overdue watch"))
        self.on_time.clicked.connect(lambda: self.page_requested.emit("statistics"))
        self.overdue.clicked.connect(lambda: self.page_requested.emit("board"))
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
        office_cards = (self.today, self.week, self.pending, self.urgent)
        shown = (self.on_time, self.overdue) if self.unit_view else (*office_cards, self.overdue)
        for card in shown:
            cards.addWidget(card, 1)
        for card in (*office_cards, self.on_time, self.overdue):
            card.setVisible(card in shown)
        self.filters: dict[StatCard, CaseFilter] = {}
        for card in office_cards:
            card.clicked.connect(lambda c=card: self.filter_requested.emit(self.filters[c]))
        keys = QLabel(
            self.tr(
                "Keyboard: Ctrl+N register a case · Ctrl+F search cases · "
                "Ctrl+1 … Ctrl+9 switch pages · Enter opens the selected case"
            )
        )
        keys.setObjectName("hintText")
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.field_banner)
        layout.addWidget(self.calendar_banner)
        layout.addLayout(cards)
        # the two lists share what is left of the page and scroll inside; the clerk may
        # move the line between them
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("workbenchLists")
        lists.setChildrenCollapsible(False)
        lists.addWidget(self._tasks_section())
        lists.addWidget(self._section(QLabel(self.tr("Latest cases")), self.recent))
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        layout.addWidget(lists, 1)
        layout.addWidget(keys)

    def _tasks_section(self) -> QWidget:
        """待我办理 (n), the count of each kind of work, and the way to the full list."""
        self.tasks_title = QLabel()
        self.task_kinds = QLabel()
        self.task_kinds.setObjectName("hintText")
        self.all_tasks = QPushButton(self.tr("Show all in the cases list →"))
        self.all_tasks.setObjectName("linkButton")
        self.all_tasks.setFlat(True)
        self.all_tasks.setCursor(Qt.CursorShape.PointingHandCursor)
        self.all_tasks.clicked.connect(
            lambda: self.filter_requested.emit(CaseFilter(waiting_on=self.user))
        )
        self.nothing = QLabel(self.tr("Nothing waits on me now"))
        self.nothing.setObjectName("hintText")
        return self._section(self.tasks_title, self.tasks, self.task_kinds, self.all_tasks,
                             self.nothing)  # fmt: skip

    @staticmethod
    def _section(title: QLabel, tree: QTreeWidget, *beside: QWidget) -> QWidget:
        title.setObjectName("sectionTitle")
        heading = QHBoxLayout()
        heading.setSpacing(12)
        heading.addWidget(title)
        for widget in beside:
            heading.addWidget(widget)
        heading.addStretch(1)
        section = QWidget()
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(6)
        column.addLayout(heading)
        column.addWidget(tree, 1)
        return section

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

    def _show_tasks(self, read: _Read, now: datetime) -> None:
        self.tasks.clear()
        waiting, counts = read.waiting, read.counts
        total = sum(counts.values())
        moment = now.strftime("%Y-%m-%d %H:%M:%S")
        for task in waiting:
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
        self.tasks_title.setText(self.tr("Waiting on me ({count})").format(count=f"{total:,}"))
        kinds = sorted(counts.items(), key=lambda item: list(CaseStatus).index(item[0]))
        self.task_kinds.setText(" · ".join(f"{word(status)} {n:,}" for status, n in kinds))
        shown = bool(waiting)
        for widget in (self.tasks, self.task_kinds, self.all_tasks):
            widget.setVisible(shown)
        self.nothing.setVisible(not shown)
        if total > len(waiting):
            self.all_tasks.setToolTip(
                self.tr(
                    "The {shown} most pressing are listed here; all {count} are on the cases page."
                ).format(shown=len(waiting), count=f"{total:,}")
            )

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
        counted = (self.filters[self.week], self.filters[self.urgent])
        user, unit_view = self.user, self.unit_view

        def read(db: Database, _progress: object = None) -> _Read:
            return _read(db, user, unit_view, counted, now)

        if row_numbers(self.db) <= LARGE_DATABASE:
            self._show(read(self.db), now)
            return
        # counting a backlog of millions (4.9 million waiting for triage: 2 s) must not hold
        # the window: the figures come from the worker, as the cases page's count does;
        # until the first come, nothing says "0" or "nothing waits"
        if not self.tasks.topLevelItemCount():
            self.nothing.setVisible(False)
            self.tasks_title.setText(self.tr("Waiting on me ({count})").format(count="…"))
        self.session.runner.run(Operation(read, lambda result: self._show(result, now)))

    def _show(self, read: _Read, now: datetime) -> None:
        if read.unit is not None:
            mine = read.unit
            rate = mine.on_time_closure_rate
            self.on_time.set_text("—" if rate is None else f"{rate * 100:.1f}%")
            self.on_time.value.setToolTip(
                self.tr("{hit} of {count} cases closed this month were closed on time").format(
                    hit=mine.closed_on_time, count=mine.closed
                )
            )
            self.overdue.set_value(mine.overdue)
        elif read.office is not None:
            self.today.set_value(read.office.received_today)
            self.pending.set_value(read.office.pending_triage)
            self.overdue.set_value(read.office.overdue)
            self.week.set_value(read.week)
            self.urgent.set_value(read.urgent)
        self._show_tasks(read, now)
        self.recent.clear()
        for case in read.recent:
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


@dataclass(frozen=True)
class _Read:
    """What the workbench shows, read in one go (on the worker on a large database)."""

    office: OfficeFigures | None
    unit: UnitFigures | None
    week: int
    urgent: int
    waiting: list[Task]
    counts: dict[CaseStatus, int]
    recent: list[Case]


def _read(
    db: Database,
    user: User,
    unit_view: bool,
    counted: tuple[CaseFilter, CaseFilter],
    now: datetime,
) -> _Read:
    office = unit = None
    week = urgent = 0
    if unit_view:
        unit = unit_figures(db, user.department_code, now)
    else:
        office = office_figures(db, now)
        week, urgent = (count_cases(db, f) for f in counted)
    return _Read(
        office,
        unit,
        week,
        urgent,
        my_tasks(db, user, TASKS),
        task_counts(db, user),
        case_window(db, CaseFilter(), CaseSort(), 0, RECENT),
    )
