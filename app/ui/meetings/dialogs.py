"""Dialogs of the joint-meeting page (联席会议): the member units, a new meeting with its
proposed agenda, editing the agenda of a meeting not yet held, and marking a decision done.

Each dialog reads what it offers on the window's connection and hands what was typed to the
store on the session's worker thread; a refusal (DomainError) is shown in the dialog, which
stays open with everything typed, and nothing is written.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)
from sqlite_utils import Database

from app.core.meetings import AgendaItem, Meeting, MeetingDecision
from app.store.agenda import propose_agenda
from app.store.meetings import (
    mark_done,
    meetings,
    members,
    schedule_meeting,
    set_agenda,
    set_members,
)
from app.store.work_calendar import work_calendar
from app.ui.common.dialog_parts import StoreDialog, button_row, dialog_layout, question_label
from app.ui.common.runner import Operation
from app.ui.common.screen import fit_to_screen
from app.ui.common.session import Session
from app.ui.common.unit_lists import UnitChecklist
from app.ui.meetings.parts import AgendaEditor, intro, meeting_name, text_box, weekday_time

MEETING_HOUR = time(9, 30)


class MembersDialog(StoreDialog):
    saved = Signal(list)  # the member units' codes

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("membersDialog")
        self.setWindowTitle(self.tr("Member units of the joint meeting"))
        self.units = UnitChecklist(session.ref, members(session.db), rows=4)
        self.units.setObjectName("memberUnits")
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Save"), self.tr("Cancel"), self.submit
        )
        layout = dialog_layout(self)
        layout.addWidget(
            intro(
                self.tr(
                    "The member units are invited to every joint meeting: a new meeting starts "
                    "with them as its attending units."
                )
            )
        )
        layout.addWidget(self.units)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(600)
        self.units.setFocus()

    def submit(self) -> Operation | None:
        chosen, user, wall = self.units.checked_codes(), self.session.user, self.session.clock.wall

        def save(db: Database) -> list[str]:
            set_members(db, user, chosen, wall=wall)
            return chosen

        return self.written(save, self.saved)


def next_meeting_time(db: Database, today: date, scheduled: list[Meeting]) -> datetime:
    """09:30 on the next working day after today and after every meeting still to be held:
    where a clerk would start."""
    last = max([today, *(date.fromisoformat(m.held_on[:10]) for m in scheduled if not m.held)])
    return datetime.combine(work_calendar(db).next_working_day(last), MEETING_HOUR)


class MeetingDialog(StoreDialog):
    """A new joint meeting: time, place, chair, attending units, and the agenda proposed
    from the data, which the clerk may untick and add to."""

    scheduled = Signal(object)  # Meeting

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        db, ref = session.db, session.ref
        self.setObjectName("meetingDialog")
        self.setWindowTitle(self.tr("New joint meeting"))
        today = session.clock.now()
        scheduled = meetings(db)
        previous = next(iter(scheduled), None)
        self.held_on = QDateTimeEdit(QDateTime(next_meeting_time(db, today.date(), scheduled)))
        self.held_on.setMaximumWidth(220)
        self.held_on.setObjectName("meetingTime")
        self.held_on.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.held_on.setCalendarPopup(True)
        self.place = QLineEdit(previous.place if previous else "")
        self.place.setObjectName("meetingPlace")
        self.place.setPlaceholderText(self.tr("e.g. 镇政府三楼会议室"))
        self.chair = QLineEdit(previous.chair if previous else "")
        self.chair.setObjectName("meetingChair")
        self.chair.setPlaceholderText(self.tr("e.g. 分管副镇长 刘建军"))
        chosen = members(db)
        self.attendees = UnitChecklist(ref, chosen, rows=3)
        self.attendees.setObjectName("meetingAttendees")
        self.agenda = AgendaEditor()
        self.agenda.add_all(propose_agenda(db, today.date()))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("&Time"), self.held_on)
        form.addRow(self.tr("&Place"), self.place)
        form.addRow(self.tr("C&hair"), self.chair)
        form.addRow(self.tr("Attending units"), self.attendees)
        if not chosen:
            form.addRow(
                "",
                intro(
                    self.tr(
                        "No member units are set yet: tick the units to invite "
                        "(“Member units…” on the page sets them for every meeting)."
                    )
                ),
            )
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Schedule"), self.tr("Cancel"), self.submit
        )
        agenda_title = QLabel(self.tr("Agenda"))
        agenda_title.setObjectName("sectionTitle")
        layout = dialog_layout(self)
        layout.addLayout(form)
        layout.addWidget(agenda_title)
        layout.addWidget(
            intro(
                self.tr(
                    "Proposed from the data: undecided duty disputes first, then cases "
                    "supervised again and again, long overdue or across departments. Untick "
                    "what this meeting will not take up. The disputes on the agenda are sent "
                    "to this meeting."
                )
            )
        )
        layout.addWidget(self.agenda, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(900)
        fit_to_screen(self, 900, 700)  # the agenda takes what the screen leaves
        self.held_on.setFocus()

    def submit(self) -> Operation | None:
        user, wall = self.session.user, self.session.clock.wall
        held_on = self.held_on.dateTime().toString("yyyy-MM-dd HH:mm")
        place, chair = self.place.text(), self.chair.text()
        units, agenda = self.attendees.checked_codes(), self.agenda.checked_items()
        return self.written(
            lambda db: schedule_meeting(db, user, held_on, place, chair, units, agenda, wall=wall),
            self.scheduled,
        )


def _key(item: AgendaItem) -> tuple[str, str]:
    return (item.kind, item.ref or item.title)


class AgendaDialog(StoreDialog):
    """The agenda of a meeting not yet held: its items, and what the data proposes since."""

    saved = Signal(object)  # Meeting

    def __init__(self, session: Session, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.meeting = meeting
        self.setObjectName("agendaDialog")
        self.setWindowTitle(self.tr("Agenda · {meeting}").format(meeting=meeting_name(meeting)))
        self.agenda = AgendaEditor()
        self.agenda.add_all(meeting.agenda)
        have = {_key(item) for item in meeting.agenda}
        proposed = propose_agenda(session.db, session.clock.today(), meeting.id)
        fresh = [item for item in proposed if _key(item) not in have]
        self.agenda.add_all(fresh, checked=False, new=True)
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Save agenda"), self.tr("Cancel"), self.submit
        )
        layout = dialog_layout(self)
        layout.addWidget(
            intro(
                self.tr(
                    "{meeting}, {time}, {place}. Untick an item to take it off the agenda; "
                    "tick a newly proposed one (in italics) to add it."
                ).format(
                    meeting=meeting_name(meeting),
                    time=weekday_time(meeting.held_on),
                    place=meeting.place,
                )
            )
        )
        layout.addWidget(self.agenda, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(900)
        fit_to_screen(self, 900, 600)
        self.agenda.tree.setFocus()

    def submit(self) -> Operation | None:
        user, wall = self.session.user, self.session.clock.wall
        meeting_id, items = self.meeting.id, self.agenda.checked_items()
        return self.written(
            lambda db: set_agenda(db, user, meeting_id, items, wall=wall), self.saved
        )


class MarkDoneDialog(StoreDialog):
    """The owner unit carried a decision out: how (required), recorded once."""

    done = Signal(object)  # MeetingDecision

    def __init__(
        self, session: Session, decision: MeetingDecision, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.decision = decision
        self.setObjectName("markDoneDialog")
        self.setWindowTitle(
            self.tr("Decision {meeting}-{position} done").format(
                meeting=decision.meeting_number, position=decision.position
            )
        )
        question = question_label(
            self.tr(
                "Decision {position} of joint meeting no. {meeting}: {text}\n"
                "Owner unit: {owner} · deadline {deadline}"
            ).format(
                position=decision.position,
                meeting=decision.meeting_number,
                text=decision.text,
                owner=decision.owner_name,
                deadline=decision.deadline,
            )
        )
        self.note = text_box(
            self.tr("How it was carried out, e.g. 已完成联合检查，整改到位（附检查记录）"), 90
        )
        self.note.setObjectName("doneNote")
        form = QFormLayout()
        form.addRow(self.tr("&Carried out"), self.note)
        self.arrange(question, form, self.tr("Mark done"), self.submit, width=520)
        self.note.setFocus()

    def submit(self) -> Operation | None:
        user, wall = self.session.user, self.session.clock.wall
        decision_id, note = self.decision.id, self.note.toPlainText()
        return self.written(lambda db: mark_done(db, user, decision_id, note, wall=wall), self.done)
