"""The joint-meeting page (联席会议): the member units, the meetings (newest first) with their
agenda, minutes, decisions and the duty disputes they settled, and the decisions still to be
carried out, earliest deadline first.

Everyone may read and print; the office (COORDINATE: administrator, clerk, leader) sets the
member units, schedules meetings, edits an agenda, records minutes and marks decisions done.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.case_path.rules import FIELD_KINDS
from app.core.clock import Clock
from app.core.meetings import Meeting, MeetingDecision
from app.core.model import User
from app.core.permissions import COORDINATE
from app.reports.meeting_pdf import write_agenda, write_minutes
from app.store.agenda import propose_agenda
from app.store.devices import may_here, own_kind
from app.store.meetings import meetings, members, open_decisions
from app.store.reference import ReferenceData
from app.ui.meeting_detail import MeetingDetail
from app.ui.meeting_dialogs import AgendaDialog, MarkDoneDialog, MeetingDialog, MembersDialog
from app.ui.meeting_lists import DecisionList, MeetingList
from app.ui.meeting_parts import (
    HELD,
    MINUTES_DUE,
    UPCOMING,
    meeting_name,
    meeting_state,
    save_pdf,
    unit_names,
)
from app.ui.minutes_dialog import MinutesDialog

STYLE = """
#meetingDetail { background: #ffffff; border: 1px solid #d9e0e8; }
#membersLine { color: #334e68; }
"""


class MeetingsPage(QWidget):
    case_activated = Signal(object)  # Case (a case or dispute on an agenda)
    data_changed = Signal()  # something was written
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        user: User,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.ref, self.user, self.clock = db, ref, user, clock
        # the office would not take meeting events from a field laptop (core/field.py)
        self.on_laptop = own_kind(db) in FIELD_KINDS
        self.may_coordinate = may_here(db, user, COORDINATE)
        self.rows: list[Meeting] = []
        self.open: list[MeetingDecision] = []
        self.dialog: QDialog | None = None
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(self._top())
        layout.addLayout(self._members_line())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._left())
        split.addWidget(self._right())
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([560, 660])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self._tab_order()

    def showEvent(self, event: QShowEvent) -> None:
        """Read on every showing: time passes while the window is open, and a meeting may
        have been held since."""
        super().showEvent(event)
        self.refresh()

    # -- building ----------------------------------------------------------------------------

    def _top(self) -> QHBoxLayout:
        title = QLabel(self.tr("Joint meetings"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.new_button = QPushButton(self.tr("&New meeting…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(
            self.tr("Schedule the next joint meeting, with the agenda proposed from the data")
        )
        self.new_button.clicked.connect(self.start_new)
        self.new_button.setVisible(self.may_coordinate)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        return top

    def _members_line(self) -> QHBoxLayout:
        self.members_label = QLabel()
        self.members_label.setObjectName("membersLine")
        self.members_label.setWordWrap(True)
        self.members_button = QPushButton(self.tr("Member &units…"))
        self.members_button.setAutoDefault(False)
        self.members_button.clicked.connect(self.start_members)
        self.members_button.setVisible(self.may_coordinate)
        line = QHBoxLayout()
        line.addWidget(self.members_label, 1)
        line.addWidget(self.members_button)
        return line

    def _left(self) -> QWidget:
        meetings_title = QLabel(self.tr("Meetings"))
        meetings_title.setObjectName("sectionTitle")
        self.meeting_list = MeetingList()
        self.meeting_list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.meetings_empty = self._empty_label()
        decisions_title = QLabel(self.tr("Decisions to carry out"))
        decisions_title.setObjectName("sectionTitle")
        self.decision_count = QLabel()
        self.decision_count.setObjectName("hintText")
        self.done_button = QPushButton(self.tr("&Mark done…"))
        self.done_button.setAutoDefault(False)
        self.done_button.setToolTip(self.tr("The owner unit carried the selected decision out"))
        self.done_button.clicked.connect(self.start_done)
        self.done_button.setVisible(self.may_coordinate)
        head = QHBoxLayout()
        head.addWidget(decisions_title)
        head.addSpacing(8)
        head.addWidget(self.decision_count)
        head.addStretch(1)
        head.addWidget(self.done_button)
        self.decision_list = DecisionList(self.ref)
        self.decision_list.currentItemChanged.connect(lambda *_: self._show_actions())
        self.decision_list.itemActivated.connect(lambda *_: self.start_done())
        self.decisions_empty = self._empty_label()
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(meetings_title)
        column.addWidget(self._boxed(self.meetings_empty, self.meeting_list), 2)
        column.addSpacing(6)
        column.addLayout(head)
        column.addWidget(self._boxed(self.decisions_empty, self.decision_list), 3)
        return panel

    def _boxed(self, empty: QLabel, tree: QTreeWidget) -> QWidget:
        """The list, or in its place the words saying why it is empty (at the top)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(empty)
        column.addWidget(tree, 1)
        column.addStretch(0)
        return box

    def _empty_label(self) -> QLabel:
        label = QLabel()
        label.setObjectName("emptyLabel")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return label

    def _right(self) -> QWidget:
        self.detail = MeetingDetail(self.db, self.ref, self.may_coordinate)
        self.detail.case_activated.connect(self.case_activated)
        self.agenda_button = QPushButton(self.tr("&Edit agenda…"))
        self.agenda_button.setAutoDefault(False)
        self.agenda_button.clicked.connect(self.start_agenda)
        self.minutes_button = QPushButton(self.tr("&Record minutes…"))
        self.minutes_button.setObjectName("primaryButton")
        self.minutes_button.setAutoDefault(False)
        self.minutes_button.clicked.connect(self.start_minutes)
        self.print_agenda_button = QPushButton(self.tr("Print &agenda…"))
        self.print_agenda_button.setAutoDefault(False)
        self.print_agenda_button.clicked.connect(self.print_agenda)
        self.print_minutes_button = QPushButton(self.tr("Print m&inutes…"))
        self.print_minutes_button.setAutoDefault(False)
        self.print_minutes_button.clicked.connect(self.print_minutes)
        self.agenda_button.setVisible(self.may_coordinate)
        self.minutes_button.setVisible(self.may_coordinate)
        self.actions_hint = QLabel()
        self.actions_hint.setObjectName("hintText")
        self.actions_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_agenda_button)
        buttons.addWidget(self.print_minutes_button)
        buttons.addStretch(1)
        buttons.addWidget(self.agenda_button)
        buttons.addWidget(self.minutes_button)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.detail, 1)
        column.addWidget(self.actions_hint)
        column.addLayout(buttons)
        return panel

    def _tab_order(self) -> None:
        chain = [
            self.new_button,
            self.members_button,
            self.meeting_list,
            self.decision_list,
            self.done_button,
            self.detail,
            self.print_agenda_button,
            self.print_minutes_button,
            self.agenda_button,
            self.minutes_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the meetings and open decisions again (only while on screen: showing the
        page reads them)."""
        if not self.isVisible():
            return
        chosen = self.meeting_list.current_id()
        self.rows = meetings(self.db)
        self.open = open_decisions(self.db)
        self._show_members()
        self._fill_meetings(chosen)
        self._fill_decisions()
        waiting = sum(not m.held for m in self.rows)
        if waiting:
            text = self.tr("{count} meetings, {waiting} not yet minuted")
        else:
            text = self.tr("{count} meetings") if self.rows else ""
        self.count_label.setText(text.format(count=len(self.rows), waiting=waiting))
        self._show_selected()

    def _show_members(self) -> None:
        units = members(self.db)
        if units:
            self.members_label.setText(
                self.tr("Member units ({count}): {units}").format(
                    count=len(units), units=unit_names(self.ref, units)
                )
            )
        elif self.may_coordinate:
            self.members_label.setText(
                self.tr("No member units set yet: choose “Member units…” to name them.")
            )
        else:
            self.members_label.setText(self.tr("No member units set yet."))

    def _fill_meetings(self, chosen: str | None) -> None:
        self.meeting_list.fill(self.rows, self.clock.now(), chosen)
        self.meetings_empty.setText(
            self.tr(
                "No joint meeting yet. Name the member units with “Member units…”, then "
                "choose “New meeting…”: the agenda is proposed from undecided duty disputes "
                "and from supervised, long-overdue and cross-department cases."
            )
            if self.may_coordinate
            else self.tr(
                "No joint meeting yet. The enforcement office or the leader schedules joint "
                "meetings; their agendas, minutes and decisions will appear here."
            )
        )
        self.meetings_empty.setVisible(not self.rows)
        self.meeting_list.setVisible(bool(self.rows))

    def _fill_decisions(self) -> None:
        chosen = self.decision_list.current_id()
        late = self.decision_list.fill(self.open, self.clock.now().date(), chosen)
        self.decision_count.setText(
            self.tr("{count} open, {late} overdue").format(count=len(self.open), late=late)
            if self.open
            else ""
        )
        self.decisions_empty.setText(
            self.tr("No decision waiting to be carried out.")
            if self.rows
            else self.tr("The decisions of a meeting's minutes are tracked here until done.")
        )
        self.decisions_empty.setVisible(not self.open)
        self.decision_list.setVisible(bool(self.open))

    def selected(self) -> Meeting | None:
        wanted = self.meeting_list.current_id()
        return next((m for m in self.rows if m.id == wanted), None)

    def select(self, meeting_id: str) -> bool:
        return self.meeting_list.select(meeting_id)

    def selected_decision(self) -> MeetingDecision | None:
        wanted = self.decision_list.current_id()
        return next((d for d in self.open if d.id == wanted), None)

    def _show_selected(self) -> None:
        meeting = self.selected()
        if meeting is None:
            self.detail.show_proposal(propose_agenda(self.db, self.clock.now().date()))
        else:
            self.detail.show_meeting(meeting, self.clock.now())
        self._show_actions()

    def _show_actions(self) -> None:
        meeting = self.selected()
        state = meeting_state(meeting, self.clock.now()) if meeting else None
        self.agenda_button.setEnabled(self.may_coordinate and state in (UPCOMING, MINUTES_DUE))
        self.minutes_button.setEnabled(self.may_coordinate and state == MINUTES_DUE)
        self.print_minutes_button.setEnabled(state == HELD)
        self.print_agenda_button.setToolTip(
            self.tr("Save the agenda as a PDF to print and hand out")
            if meeting
            else self.tr("Save today's proposed agenda as a draft PDF")
        )
        self.done_button.setEnabled(self.may_coordinate and self.selected_decision() is not None)
        if self.on_laptop:
            hint = self.tr(
                "On a field laptop joint meetings are read and printed; they are scheduled and "
                "minuted on the office PC."
            )
        elif not self.may_coordinate:
            hint = self.tr(
                "Joint meetings are scheduled and minuted by the enforcement office (clerk, "
                "administrator) or the leader; here you can read and print them."
            )
        elif state == UPCOMING and meeting is not None:
            hint = self.tr("The minutes can be recorded once the meeting has been held ({time}).")
            hint = hint.format(time=meeting.held_on)
        elif state == MINUTES_DUE:
            hint = self.tr("The meeting time has passed: record its minutes and decisions.")
        else:
            hint = ""
        self.actions_hint.setText(hint)
        self.actions_hint.setVisible(bool(hint))

    # -- acting ------------------------------------------------------------------------------

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_members(self) -> MembersDialog | None:
        if not self.may_coordinate:
            return None
        dialog = MembersDialog(self.db, self.ref, self.user, self.clock, self)
        dialog.saved.connect(
            lambda units: self._written(
                self.tr("Member units saved: {units}.").format(units=unit_names(self.ref, units))
            )
        )
        self._open_dialog(dialog)
        return dialog

    def start_new(self) -> MeetingDialog | None:
        if not self.may_coordinate:
            return None
        dialog = MeetingDialog(self.db, self.ref, self.user, self.clock, self)
        dialog.scheduled.connect(self._scheduled)
        self._open_dialog(dialog)
        return dialog

    def start_agenda(self) -> AgendaDialog | None:
        meeting = self.selected()
        if not self.may_coordinate or meeting is None or meeting.held:
            return None
        dialog = AgendaDialog(self.db, self.user, meeting, self.clock, self)
        dialog.saved.connect(
            lambda m: self._written(
                self.tr("Agenda of {meeting} saved: {count} items.").format(
                    meeting=meeting_name(m), count=len(m.agenda)
                ),
                m.id,
            )
        )
        self._open_dialog(dialog)
        return dialog

    def start_minutes(self) -> MinutesDialog | None:
        meeting = self.selected()
        if not self.may_coordinate or meeting is None:
            return None
        if meeting_state(meeting, self.clock.now()) != MINUTES_DUE:
            return None
        dialog = MinutesDialog(self.db, self.ref, self.user, meeting, self.clock, self)
        dialog.recorded.connect(self._recorded)
        self._open_dialog(dialog)
        return dialog

    def start_done(self) -> MarkDoneDialog | None:
        decision = self.selected_decision()
        if not self.may_coordinate or decision is None:
            return None
        dialog = MarkDoneDialog(self.db, self.user, decision, self.clock, self)
        dialog.done.connect(
            lambda d: self._written(
                self.tr("Decision {meeting}-{position} marked done.").format(
                    meeting=d.meeting_number, position=d.position
                )
            )
        )
        self._open_dialog(dialog)
        return dialog

    def _scheduled(self, meeting: Meeting) -> None:
        self._written(
            self.tr("{meeting} scheduled for {time}, {count} agenda items.").format(
                meeting=meeting_name(meeting), time=meeting.held_on, count=len(meeting.agenda)
            ),
            meeting.id,
        )

    def _recorded(self, meeting: Meeting) -> None:
        settled = sum(1 for d in meeting.decisions if d.dispute_id)
        text = self.tr("Minutes of {meeting} recorded: {count} decisions.").format(
            meeting=meeting_name(meeting), count=len(meeting.decisions)
        )
        if settled:
            text += " " + self.tr("{settled} duty disputes settled.").format(settled=settled)
        self._written(text, meeting.id)

    def _written(self, text: str, meeting_id: str | None = None) -> None:
        self.refresh()
        if meeting_id:
            self.select(meeting_id)
        self.message.emit(text)
        self.data_changed.emit()

    def print_agenda(self) -> object:
        meeting = self.selected()
        if meeting is not None:
            name = f"第{meeting.number}次联席会议议程.pdf"
            return save_pdf(self, name, lambda out: write_agenda(self.db, meeting, out))
        items = propose_agenda(self.db, self.clock.now().date())
        return save_pdf(
            self, "联席会议议程（建议稿）.pdf", lambda out: write_agenda(self.db, None, out, items)
        )

    def print_minutes(self) -> object:
        meeting = self.selected()
        if meeting is None or not meeting.held:
            return None
        name = f"第{meeting.number}次联席会议纪要.pdf"
        return save_pdf(self, name, lambda out: write_minutes(self.db, meeting, out))
