"""The overdue watch (督查督办): overdue cases by unit, cases due soon, and the supervision notice.

Counts per unit on top; below, one group per unit with its overdue cases, longest overdue
first, each case once per unit (its most urgent clock, and how many of that unit's clocks are
late: store/board.py), marked when it was already supervised; then the cases due soon in a
group of their own. "督办" opens the supervision dialog for the selected case, only for those
who may.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.calendar import WorkCalendar
from app.core.case_path.steps import Action
from app.core.clock import parse_local
from app.core.deadlines import DeadlineState
from app.core.model import Case, CaseStatus
from app.store.board import EVERY_UNIT_KEEPS, BoardRow, board
from app.store.case_actions import actions_for
from app.store.cases import case_by_number
from app.store.changes import CALLS, CASES
from app.store.work_calendar import work_calendar
from app.ui.common.clocks import STATE_COLOURS, case_clock_text, clock_name, overdue_span, wall_span
from app.ui.common.i18n import word
from app.ui.common.page import Page
from app.ui.common.session import Session
from app.ui.common.trees import case_tree

SortRole = Qt.ItemDataRole.UserRole + 1
NumberRole = Qt.ItemDataRole.UserRole
UNIT, NUMBER, KIND, DUE, LATE, SUPERVISED, STATUS = range(7)
SOON_GROUP = -(10**12)  # sorts the due-soon group after every unit under the default sort
LIMIT = 1000


class _Item(QTreeWidgetItem):
    """Sorts by the value kept for sorting (seconds overdue, due time), not by the text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        mine, theirs = self.data(column, SortRole), other.data(column, SortRole)
        if mine is not None and theirs is not None:
            return mine < theirs
        return self.text(column) < other.text(column)


class BoardPage(Page):
    shows = frozenset({CASES, CALLS})
    supervise_requested = Signal(object)  # Case: the window opens the step's own form

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.db, self.ref, self.user = session.db, session.ref, session.user
        self.clock = session.clock
        self.rows: list[BoardRow] = []
        self.soon: list[BoardRow] = []
        title = QLabel(self.tr("Overdue watch"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.supervise_button = QPushButton(self.tr("Supervise"))
        self.supervise_button.setObjectName("primaryButton")
        self.supervise_button.setToolTip(
            self.tr("Send a supervision notice (督办单) for the selected case")
        )
        self.supervise_button.clicked.connect(self.supervise_selected)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.clicked.connect(self.open_selected)
        self.units_label = QLabel()
        self.units_label.setObjectName("unitCounts")
        self.units_label.setWordWrap(True)
        self.units_label.setTextFormat(Qt.TextFormat.RichText)
        self.hint = QLabel()
        self.hint.setObjectName("hintText")
        self.hint.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No case is overdue. Well done."))
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tree = self._tree()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.open_button)
        top.addWidget(self.supervise_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.units_label)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)

    def _tree(self) -> QTreeWidget:
        headers = [
            self.tr("Responsible unit"),
            self.tr("Case number"),
            self.tr("Deadline"),
            self.tr("Due"),
            self.tr("Overdue by"),
            self.tr("Supervised"),
            self.tr("Status"),  # stretches
        ]
        tree = case_tree("boardTree", headers, (170, 180, 170, 140, 190, 110))
        tree.setSortingEnabled(True)
        tree.sortByColumn(LATE, Qt.SortOrder.DescendingOrder)
        tree.itemActivated.connect(self._activated)
        tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        return tree

    # -- reading -------------------------------------------------------------------------------

    def reread(self) -> None:
        now = self.clock.now()
        calendar = work_calendar(self.db)
        selected = self.selected_number()
        watch = board(self.db, now, LIMIT)
        self.rows, self.soon = watch.overdue, watch.due_soon
        groups: dict[str, list[BoardRow]] = defaultdict(list)
        for row in self.rows:
            groups[row.unit or ""].append(row)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        current = None
        for unit, rows in groups.items():
            name = self.unit_name(unit)
            title = self.tr("{unit} ({count})").format(unit=name, count=len(rows))
            group = self._group(title, name, rows, now, calendar, soon=False)
            current = current or self._find(group, selected)
        if self.soon:
            title = self.tr("Due soon ({count})").format(count=len(self.soon))
            group = self._group(title, "", self.soon, now, calendar, soon=True)
            group.setData(LATE, SortRole, SOON_GROUP)
            current = current or self._find(group, selected)
        self.tree.setSortingEnabled(True)
        if current is None and self.tree.topLevelItemCount():
            first = self.tree.topLevelItem(0)
            current = first.child(0) if first.childCount() else None
        if current is not None:
            self.tree.setCurrentItem(current)
        self._show_counts(groups)
        self._update_buttons()

    def _group(
        self,
        title: str,
        name: str,
        rows: list[BoardRow],
        now: datetime,
        calendar: WorkCalendar,
        soon: bool,
    ) -> _Item:
        """A top-level group: a unit's overdue cases, or every unit's cases due soon (then
        each row names its unit)."""
        bold = QFont()
        bold.setBold(True)
        brush = QBrush(STATE_COLOURS[DeadlineState.DUE_SOON if soon else DeadlineState.OVERDUE])
        group = _Item([title])
        group.setFont(UNIT, bold)
        group.setData(UNIT, SortRole, name)
        worst = SOON_GROUP
        for row in rows:
            late_text, late = self._lateness(row, now, calendar, soon)
            worst = max(worst, late)
            kind = clock_name(row.kind)
            if row.clocks > 1:
                kind = self.tr("{clock} (+{more})").format(clock=kind, more=row.clocks - 1)
            supervised = (
                self.tr("Supervised {count}×").format(count=row.supervision_count)
                if row.supervision_count
                else ""
            )
            item = _Item(
                [
                    self.unit_name(row.unit or "") if soon else "",
                    row.number,
                    kind,
                    row.due[:16],
                    late_text,
                    supervised,
                    word(CaseStatus(row.status)),
                ]
            )
            item.setData(NUMBER, NumberRole, row.number)
            item.setData(LATE, SortRole, late)
            item.setData(DUE, SortRole, row.due)
            item.setData(SUPERVISED, SortRole, row.supervision_count)
            item.setForeground(LATE, brush)
            if row.supervision_count:
                item.setFont(SUPERVISED, bold)
            if row.clocks > 1:
                item.setToolTip(
                    KIND, self.tr("{count} clocks of this unit").format(count=row.clocks)
                )
            group.addChild(item)
        group.setData(LATE, SortRole, worst)
        group.setData(DUE, SortRole, min(r.due for r in rows))
        group.setData(NUMBER, SortRole, len(rows))
        self.tree.addTopLevelItem(group)
        group.setExpanded(True)
        return group

    @staticmethod
    def _find(group: QTreeWidgetItem, number: str | None) -> QTreeWidgetItem | None:
        for i in range(group.childCount()):
            if number and group.child(i).data(NUMBER, NumberRole) == number:
                return group.child(i)
        return None

    def _lateness(
        self, row: BoardRow, now: datetime, calendar: WorkCalendar, soon: bool
    ) -> tuple[str, int]:
        """(text, seconds late for sorting): office time, or the wall clock for an urgent
        call; time left for a row due soon."""
        if soon:
            if row.wall:
                left = int((parse_local(row.due) - now).total_seconds())
                return self.tr("{span} left").format(span=wall_span(left)), -left
            left = calendar.working_seconds_between(now, parse_local(row.due))
            return case_clock_text(row.due, DeadlineState.DUE_SOON, now, calendar), -left
        if row.wall:
            late = int((now - parse_local(row.due)).total_seconds())
            return self.tr("{span} overdue").format(span=wall_span(late)), late
        late_text, late = overdue_span(row.due, now, calendar)
        return self.tr("{span} overdue").format(span=late_text), late

    def unit_name(self, code: str) -> str:
        return self.ref.department_name(code) if code else self.tr("No lead unit")

    def _show_counts(self, groups: dict[str, list[BoardRow]]) -> None:
        total = len(self.rows)
        if total >= LIMIT:  # cut to its limit (store/board.py: capped): there may be many more
            text = self.tr("{count}+ overdue").format(count=total)
            text += self.tr(" (the longest {limit} and each unit's longest {each} shown)").format(
                limit=LIMIT, each=EVERY_UNIT_KEEPS
            )
        else:
            text = self.tr("{count} overdue").format(count=total)
        if self.soon:
            text += self.tr(", {count} due soon").format(count=len(self.soon))
        self.count_label.setText(text)
        ranked = sorted(groups.items(), key=lambda item: -len(item[1]))
        chips = "　".join(
            f"<span style='color:#334e68'>{escape(self.unit_name(unit))}</span> "
            f"<b style='color:{STATE_COLOURS[DeadlineState.OVERDUE].name()}'>{len(rows)}</b>"
            for unit, rows in ranked
        )
        self.units_label.setText(chips)
        self.units_label.setVisible(bool(chips))
        self.empty_label.setVisible(total == 0 and not self.soon)
        self.tree.setVisible(total > 0 or bool(self.soon))

    # -- acting --------------------------------------------------------------------------------

    def selected_number(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(NUMBER, NumberRole) if item is not None else None

    def select(self, number: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(NUMBER, NumberRole) == number:
                    self.tree.setCurrentItem(group.child(j))
                    return True
        return False

    def selected_case(self) -> Case | None:
        number = self.selected_number()
        return case_by_number(self.db, number) if number else None

    def may_supervise(self, case: Case | None) -> bool:
        return case is not None and Action.SUPERVISE in actions_for(self.db, self.user, case)

    def _update_buttons(self) -> None:
        case = self.selected_case()
        self.open_button.setEnabled(case is not None)
        allowed = self.may_supervise(case)
        self.supervise_button.setEnabled(allowed)
        if case is None:
            self.hint.setText(self.tr("Select a case to open it or to supervise it."))
        elif not allowed:
            self.hint.setText(
                self.tr("Supervision notices are sent by the leader or the supervisor.")
            )
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()) and bool(self.rows))

    def supervise_selected(self) -> None:
        case = self.selected_case()
        if self.may_supervise(case):
            self.supervise_requested.emit(case)

    def open_selected(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.case_activated.emit(case)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(NUMBER, NumberRole)
        if number:
            self.case_activated.emit(case_by_number(self.db, number))
