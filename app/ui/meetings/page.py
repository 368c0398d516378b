"""The joint-meeting page (联席会议): the member units, the meetings (newest first) with their
agenda, minutes, decisions and the duty disputes they settled, and the decisions still to be
carried out, earliest deadline first. The two columns are built in columns.py; this module
reads the store, keeps the choice and opens the dialogs.

Everyone may read and print; the office (COORDINATE: administrator, clerk, leader) sets the
member units, schedules meetings, edits an agenda, records minutes and marks decisions done.
Every write goes through the session's worker; the page reads again when told that meetings
or disputes changed (and on every showing: time passes while the window is open).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.case_path.rules import FIELD_KINDS
from app.core.meetings import Meeting, MeetingDecision
from app.core.permissions import COORDINATE
from app.reports.meeting_pdf import agenda_document, minutes_document
from app.reports.pdf import Document
from app.store.agenda import propose_agenda
from app.store.changes import DISPUTES, MEETINGS
from app.store.devices import may_here, own_kind
from app.store.meetings import meetings, members, open_decisions
from app.ui.common.page import Page
from app.ui.common.printing import print_or_offer_pdf, save_pdf
from app.ui.common.session import Session
from app.ui.meetings.columns import ListColumn, MeetingPanel
from app.ui.meetings.dialogs import AgendaDialog, MarkDoneDialog, MeetingDialog, MembersDialog
from app.ui.meetings.minutes import MinutesDialog
from app.ui.meetings.parts import MINUTES_DUE, meeting_name, meeting_state, unit_names

STYLE = """
#meetingDetail { background: #ffffff; border: 1px solid #d9e0e8; }
#membersLine { color: #334e68; }
"""


class MeetingsPage(Page):
    # a meeting's agenda proposes the disputes still undecided; a ruling settles one
    shows = frozenset({MEETINGS, DISPUTES})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        # quick reads on the window's connection; writes go through the session's worker
        self.db, self.ref, self.clock = session.db, session.ref, session.clock
        # the office would not take meeting events from a field laptop (core/case_path/rules.py)
        self.on_laptop = own_kind(self.db) in FIELD_KINDS
        self.may_coordinate = may_here(self.db, session.user, COORDINATE)
        self.rows: list[Meeting] = []
        self.open: list[MeetingDecision] = []
        self.dialog: QDialog | None = None
        self.setStyleSheet(STYLE)
        self.lists = ListColumn(self.ref, self.may_coordinate)
        self.panel = MeetingPanel(self.db, self.ref, self.may_coordinate, self.on_laptop)
        self._connect_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(self._top())
        layout.addLayout(self._members_line())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.lists)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([560, 660])
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self._tab_order()

    def showEvent(self, event: QShowEvent) -> None:
        """Read on every showing: time passes while the window is open, and a meeting may
        have been held since."""
        self.stale = True
        super().showEvent(event)

    # -- building ----------------------------------------------------------------------------

    def _connect_columns(self) -> None:
        """The columns' lists and buttons, as the page (and its tests) reach them."""
        lists, panel = self.lists, self.panel
        self.meeting_list, self.decision_list = lists.meeting_list, lists.decision_list
        self.done_button, self.detail = lists.done_button, panel.detail
        self.agenda_button, self.minutes_button = panel.agenda_button, panel.minutes_button
        self.print_agenda_button = panel.print_agenda_button
        self.print_minutes_button = panel.print_minutes_button
        self.meeting_list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.decision_list.currentItemChanged.connect(lambda *_: self._show_actions())
        self.decision_list.itemActivated.connect(lambda *_: self.start_done())
        self.done_button.clicked.connect(self.start_done)
        self.detail.case_activated.connect(self.case_activated)
        self.agenda_button.clicked.connect(self.start_agenda)
        self.minutes_button.clicked.connect(self.start_minutes)
        self.print_agenda_button.clicked.connect(self.print_agenda)
        self.print_minutes_button.clicked.connect(self.print_minutes)
        panel.save_agenda_action.triggered.connect(self.save_agenda)
        panel.save_minutes_action.triggered.connect(self.save_minutes)

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

    def reread(self) -> None:
        """Read the member units, the meetings and the open decisions again; what was chosen
        stays chosen."""
        chosen = self.meeting_list.current_id()
        self.rows = meetings(self.db)
        self.open = open_decisions(self.db)
        self._show_members()
        self.lists.fill(self.rows, self.open, self.clock.now(), chosen)
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
        self.panel.show_actions(self.selected(), self.clock.now())
        self.done_button.setEnabled(self.may_coordinate and self.selected_decision() is not None)

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
        dialog = MembersDialog(self.session, self)
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
        dialog = MeetingDialog(self.session, self)
        dialog.scheduled.connect(self._scheduled)
        self._open_dialog(dialog)
        return dialog

    def start_agenda(self) -> AgendaDialog | None:
        meeting = self.selected()
        if not self.may_coordinate or meeting is None or meeting.held:
            return None
        dialog = AgendaDialog(self.session, meeting, self)
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
        dialog = MinutesDialog(self.session, meeting, self)
        dialog.recorded.connect(self._recorded)
        self._open_dialog(dialog)
        return dialog

    def start_done(self) -> MarkDoneDialog | None:
        decision = self.selected_decision()
        if not self.may_coordinate or decision is None:
            return None
        dialog = MarkDoneDialog(self.session, decision, self)
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
        """After a write: the page has read again (the session said what changed); show the
        meeting written to and say what was done."""
        if meeting_id:
            self.select(meeting_id)
        self.message.emit(text)

    def print_agenda(self) -> object:
        """The agenda to the printer (or, with none, a PDF)."""
        return print_or_offer_pdf(self, *self._agenda())

    def save_agenda(self) -> Path | None:
        return save_pdf(self, *reversed(self._agenda()))

    def _agenda(self) -> tuple[Callable[[], Document], str]:
        """How to make the agenda of the selected meeting (or the proposal) and its file."""
        meeting = self.selected()
        if meeting is not None:
            return lambda: agenda_document(
                self.db, meeting
            ), f"第{meeting.number}次联席会议议程.pdf"
        items = propose_agenda(self.db, self.clock.now().date())
        return lambda: agenda_document(self.db, None, items), "联席会议议程（建议稿）.pdf"

    def print_minutes(self) -> object:
        meeting = self.selected()
        if meeting is None or not meeting.held:
            return None
        name = f"第{meeting.number}次联席会议纪要.pdf"
        return print_or_offer_pdf(self, lambda: minutes_document(self.db, meeting), name)

    def save_minutes(self) -> Path | None:
        meeting = self.selected()
        if meeting is None or not meeting.held:
            return None
        name = f"第{meeting.number}次联席会议纪要.pdf"
        return save_pdf(self, name, lambda: minutes_document(self.db, meeting))
