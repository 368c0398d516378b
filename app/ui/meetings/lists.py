"""The two lists on the left of the joint-meeting page: the meetings, newest first, with their
state; and the decisions still to be carried out, earliest deadline first, a deadline that has
passed in red."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.core.meetings import Meeting, MeetingDecision
from app.store.reference import ReferenceData
from app.ui.meetings.parts import (
    OVERDUE_COLOUR,
    STATE_COLOURS,
    days_late,
    meeting_name,
    meeting_state,
    state_word,
    weekday_time,
    wrap_columns,
)

IdRole = Qt.ItemDataRole.UserRole


class _IdList(QTreeWidget):
    """A flat list whose rows carry the id of what they show."""

    def __init__(self, name: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)

    def ids(self) -> list[str]:
        return [self.topLevelItem(i).data(0, IdRole) for i in range(self.topLevelItemCount())]

    def current_id(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(0, IdRole))

    def select(self, wanted: str | None) -> bool:
        for i in range(self.topLevelItemCount()):
            if self.topLevelItem(i).data(0, IdRole) == wanted:
                self.setCurrentItem(self.topLevelItem(i))
                return True
        return False


class MeetingList(_IdList):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "meetingList",
            [self.tr("Meeting"), self.tr("Time"), self.tr("State"), self.tr("Agenda")],
            parent,
        )
        header = self.header()
        for column, width in enumerate((80, 184, 140)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def fill(self, meetings: Sequence[Meeting], now: datetime, chosen: str | None) -> None:
        """The chosen meeting stays chosen; otherwise the newest."""
        self.blockSignals(True)
        self.clear()
        for meeting in meetings:
            state = meeting_state(meeting, now)
            item = QTreeWidgetItem(
                [
                    self.tr("No. {number}").format(number=meeting.number),
                    weekday_time(meeting.held_on),
                    state_word(state),
                    self.tr("{count} items").format(count=len(meeting.agenda)),
                ]
            )
            item.setForeground(2, QBrush(QColor(STATE_COLOURS[state])))
            item.setToolTip(0, f"{meeting_name(meeting)} · {meeting.place}")
            item.setData(0, IdRole, meeting.id)
            self.addTopLevelItem(item)
        if not self.select(chosen) and meetings:
            self.setCurrentItem(self.topLevelItem(0))
        self.blockSignals(False)  # the page shows the choice once it has read everything


class DecisionList(_IdList):
    def __init__(self, ref: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(
            "decisionList",
            [self.tr("Meeting"), self.tr("Decision"), self.tr("Owner unit"), self.tr("Deadline")],
            parent,
        )
        self.ref = ref
        header = self.header()
        header.setStretchLastSection(False)
        for column, width in ((0, 70), (2, 96), (3, 120)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        wrap_columns(self, (1,))

    def fill(self, decisions: Sequence[MeetingDecision], today: date, chosen: str | None) -> int:
        """Returns how many are past their deadline. None is chosen unless one was: the
        highlight would hide a red deadline."""
        self.blockSignals(True)
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        late = 0
        for decision in decisions:
            item = QTreeWidgetItem(
                [
                    self.tr("No. {number}").format(number=decision.meeting_number),
                    decision.text,
                    self.ref.department_name(decision.owner),
                    decision.deadline,
                ]
            )
            item.setToolTip(1, decision.text)
            item.setData(0, IdRole, decision.id)
            if decision.overdue(today):
                late += 1
                days = days_late(decision, today)
                item.setText(
                    3,
                    self.tr("{deadline}\n{days} days late").format(
                        deadline=decision.deadline, days=days
                    ),
                )
                item.setForeground(3, QBrush(QColor(OVERDUE_COLOUR)))
                item.setFont(3, bold)
            self.addTopLevelItem(item)
        self.select(chosen)
        self.blockSignals(False)
        return late
