"""The two columns of the joint-meeting page. On the left, the meetings and the decisions still
to be carried out, each list replaced by the words saying why it is empty; on the right, the
chosen meeting (or what the data proposes), its buttons and the hint saying what may be done.

Their words belong to the page (translation context ``MeetingsPage``); the page decides what
is chosen and what a button does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.meetings import Meeting, MeetingDecision
from app.store.reference import ReferenceData
from app.ui.meetings.detail import MeetingDetail
from app.ui.meetings.lists import DecisionList, MeetingList
from app.ui.meetings.parts import HELD, MINUTES_DUE, UPCOMING, meeting_state


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _hint() -> QLabel:
    label = QLabel()
    label.setObjectName("hintText")
    label.setWordWrap(True)
    return label


def _button(text: str, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    if primary:
        button.setObjectName("primaryButton")
    button.setAutoDefault(False)
    return button


def _print_button(text: str) -> tuple[QToolButton, QAction]:
    button = QToolButton()
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    menu = QMenu(button)
    save = menu.addAction(QCoreApplication.translate("MeetingsPage", "Save as PDF…"))
    button.setMenu(menu)
    return button, save


def _empty_label() -> QLabel:
    label = QLabel()
    label.setObjectName("emptyLabel")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return label


def _boxed(empty: QLabel, tree: QTreeWidget) -> QWidget:
    """The list, or in its place the words saying why it is empty (at the top)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(empty)
    column.addWidget(tree, 1)
    column.addStretch(0)
    return box


class ListColumn(QWidget):
    """The meetings, newest first, above the decisions to carry out, earliest deadline first."""

    def __init__(
        self, ref: ReferenceData, may_coordinate: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.may_coordinate = may_coordinate
        self.meeting_list = MeetingList()
        self.meetings_empty = _empty_label()
        self.decision_count = QLabel()
        self.decision_count.setObjectName("hintText")
        self.done_button = _button(QCoreApplication.translate("MeetingsPage", "&Mark done…"))
        self.done_button.setToolTip(
            QCoreApplication.translate(
                "MeetingsPage", "The owner unit carried the selected decision out"
            )
        )
        self.done_button.setVisible(may_coordinate)
        head = QHBoxLayout()
        head.addWidget(
            _section(QCoreApplication.translate("MeetingsPage", "Decisions to carry out"))
        )
        head.addSpacing(8)
        head.addWidget(self.decision_count)
        head.addStretch(1)
        head.addWidget(self.done_button)
        self.decision_list = DecisionList(ref)
        self.decisions_empty = _empty_label()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(_section(QCoreApplication.translate("MeetingsPage", "Meetings")))
        column.addWidget(_boxed(self.meetings_empty, self.meeting_list), 2)
        column.addSpacing(6)
        column.addLayout(head)
        column.addWidget(_boxed(self.decisions_empty, self.decision_list), 3)

    def fill(
        self,
        rows: Sequence[Meeting],
        open_decisions: Sequence[MeetingDecision],
        now: datetime,
        chosen: str | None,
    ) -> None:
        """Both lists; the chosen meeting (and decision) stay chosen."""
        self.meeting_list.fill(rows, now, chosen)
        if self.may_coordinate:
            empty = QCoreApplication.translate(
                "MeetingsPage",
                "No joint meeting yet. Name the member units with “Member units…”, then "
                "choose “New meeting…”: the agenda is proposed from undecided duty disputes "
                "and from supervised, long-overdue and cross-department cases.",
            )
        else:
            empty = QCoreApplication.translate(
                "MeetingsPage",
                "No joint meeting yet. The enforcement office or the leader schedules joint "
                "meetings; their agendas, minutes and decisions will appear here.",
            )
        self.meetings_empty.setText(empty)
        self.meetings_empty.setVisible(not rows)
        self.meeting_list.setVisible(bool(rows))
        late = self.decision_list.fill(open_decisions, now.date(), self.decision_list.current_id())
        self.decision_count.setText(
            QCoreApplication.translate("MeetingsPage", "{count} open, {late} overdue").format(
                count=len(open_decisions), late=late
            )
            if open_decisions
            else ""
        )
        self.decisions_empty.setText(
            QCoreApplication.translate("MeetingsPage", "No decision waiting to be carried out.")
            if rows
            else QCoreApplication.translate(
                "MeetingsPage", "The decisions of a meeting's minutes are tracked here until done."
            )
        )
        self.decisions_empty.setVisible(not open_decisions)
        self.decision_list.setVisible(bool(open_decisions))


class MeetingPanel(QWidget):
    """The chosen meeting, the buttons to print it, edit its agenda and record its minutes,
    and the hint saying why a button waits."""

    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        may_coordinate: bool,
        on_laptop: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.may_coordinate, self.on_laptop = may_coordinate, on_laptop
        self.detail = MeetingDetail(db, ref, may_coordinate)
        self.agenda_button = _button(QCoreApplication.translate("MeetingsPage", "&Edit agenda…"))
        self.minutes_button = _button(
            QCoreApplication.translate("MeetingsPage", "&Record minutes…"), primary=True
        )
        # a click prints (the preview, any installed printer); the menu saves a PDF
        self.print_agenda_button, self.save_agenda_action = _print_button(
            QCoreApplication.translate("MeetingsPage", "Print &agenda…")
        )
        self.print_minutes_button, self.save_minutes_action = _print_button(
            QCoreApplication.translate("MeetingsPage", "Print m&inutes…")
        )
        self.agenda_button.setVisible(may_coordinate)
        self.minutes_button.setVisible(may_coordinate)
        self.actions_hint = _hint()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_agenda_button)
        buttons.addWidget(self.print_minutes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.agenda_button)
        buttons.addWidget(self.minutes_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.detail, 1)
        column.addWidget(self.actions_hint)
        column.addLayout(buttons)

    def show_actions(self, meeting: Meeting | None, now: datetime) -> None:
        """What may be done with ``meeting`` (None: the proposal) at ``now``, and why not."""
        state = meeting_state(meeting, now) if meeting else None
        self.agenda_button.setEnabled(self.may_coordinate and state in (UPCOMING, MINUTES_DUE))
        self.minutes_button.setEnabled(self.may_coordinate and state == MINUTES_DUE)
        self.print_minutes_button.setEnabled(state == HELD)
        self.print_agenda_button.setToolTip(
            QCoreApplication.translate(
                "MeetingsPage", "Save the agenda as a PDF to print and hand out"
            )
            if meeting
            else QCoreApplication.translate(
                "MeetingsPage", "Save today's proposed agenda as a draft PDF"
            )
        )
        if self.on_laptop:
            hint = QCoreApplication.translate(
                "MeetingsPage",
                "On a field laptop joint meetings are read and printed; they are scheduled and "
                "minuted on the office PC.",
            )
        elif not self.may_coordinate:
            hint = QCoreApplication.translate(
                "MeetingsPage",
                "Joint meetings are scheduled and minuted by the enforcement office (clerk, "
                "administrator) or the leader; here you can read and print them.",
            )
        elif state == UPCOMING and meeting is not None:
            hint = QCoreApplication.translate(
                "MeetingsPage",
                "The minutes can be recorded once the meeting has been held ({time}).",
            ).format(time=meeting.held_on)
        elif state == MINUTES_DUE:
            hint = QCoreApplication.translate(
                "MeetingsPage", "The meeting time has passed: record its minutes and decisions."
            )
        else:
            hint = ""
        self.actions_hint.setText(hint)
        self.actions_hint.setVisible(bool(hint))
