"""Recording a joint meeting's minutes (纪要): the summary, who came, and its decisions (决议),
each with an owner unit and a deadline. A decision may settle a duty dispute on this meeting's
agenda: it names the lead unit (and cooperating units) and may amend the boundary list
locally (a local amendment beside the official item, core/amendments.py).

The minutes go in whole or not at all, and only once: a refusal names every problem in the
dialog and keeps what was typed.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.meetings import DISPUTE, DecisionDraft, Meeting
from app.store.disputes import dispute_by_id
from app.store.meetings import record_minutes
from app.store.reference import ReferenceData
from app.ui.common.dialog_parts import StoreDialog, button_row, dialog_layout
from app.ui.common.runner import Operation
from app.ui.common.screen import fit_to_screen
from app.ui.common.session import Session
from app.ui.common.unit_lists import UnitChecklist, unit_items
from app.ui.meetings.parts import meeting_name, text_box, weekday_time

DEFAULT_DAYS = 30  # a decision's deadline, to start from: a month after the meeting
STYLE = """
#decisionRow { background: #ffffff; border: 1px solid #d9e0e8; border-radius: 6px; }
#decisionRows { background: transparent; }
"""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _units(ref: ReferenceData, empty: str) -> QComboBox:
    box = QComboBox()
    box.addItem(empty, "")
    for name, code in unit_items(ref):
        box.addItem(name, code)
    box.setMinimumWidth(150)
    return box


class DecisionRow(QFrame):
    """One decision: text, owner unit, deadline; optionally the dispute it settles."""

    remove_requested = Signal(object)  # DecisionRow

    def __init__(
        self,
        ref: ReferenceData,
        meeting_day: date,
        disputes: list[tuple[str, str]],  # (dispute id, label) on this meeting's agenda
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionRow")
        # as tall as it needs: the scroll area must not squeeze the text boxes
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName("flatButton")
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.text = text_box(self.tr("What the meeting decided, in one or two sentences"), 64)
        self.text.setObjectName("decisionText")
        self.owner = _units(ref, self.tr("(choose)"))
        self.owner.setObjectName("decisionOwner")
        self.deadline = QDateEdit(_qdate(meeting_day + timedelta(days=DEFAULT_DAYS)))
        self.deadline.setObjectName("decisionDeadline")
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setCalendarPopup(True)
        self.deadline.setMinimumDate(_qdate(meeting_day))
        self.dispute = QComboBox()
        self.dispute.setObjectName("decisionDispute")
        self.dispute.addItem(self.tr("(settles no duty dispute)"), "")
        for dispute_id, label in disputes:
            self.dispute.addItem(label, dispute_id)
        self.lead = _units(ref, self.tr("(choose)"))
        self.lead.setObjectName("decisionLead")
        self.amend = QCheckBox(self.tr("Amend the boundary list"))
        self.amend.setObjectName("decisionAmend")
        self.amend.setToolTip(
            self.tr(
                "A local amendment beside the boundary list's item for the case's category "
                "names this lead unit; routing follows it, the official list stays as issued"
            )
        )
        self.cooperating = UnitChecklist(ref, rows=3)
        self.cooperating.setObjectName("decisionCooperating")
        self._layout()
        self.dispute.currentIndexChanged.connect(self._show_dispute)
        self.lead.currentIndexChanged.connect(
            lambda _i: self.cooperating.hide_code(self.lead.currentData() or None)
        )
        self.form.setRowVisible(self.dispute, bool(disputes))
        self._show_dispute()

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.remove)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner)
        owner_row.addSpacing(16)
        deadline_label = QLabel(self.tr("&Deadline"))
        deadline_label.setBuddy(self.deadline)
        owner_row.addWidget(deadline_label)
        owner_row.addWidget(self.deadline)
        owner_row.addStretch(1)
        self.lead_row = QWidget()
        lead_line = QHBoxLayout(self.lead_row)
        lead_line.setContentsMargins(0, 0, 0, 0)
        lead_line.addWidget(self.lead)
        lead_line.addSpacing(16)
        lead_line.addWidget(self.amend)
        lead_line.addStretch(1)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.addRow(self.tr("Decision"), self.text)
        self.form.addRow(self.tr("Owner unit"), owner_row)
        self.form.addRow(self.tr("Settles dispute"), self.dispute)
        self.form.addRow(self.tr("Lead unit"), self.lead_row)
        self.form.addRow(self.tr("Cooperating"), self.cooperating)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 10)
        column.setSpacing(4)
        column.addLayout(head)
        column.addLayout(self.form)

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order they are read and typed, Remove last."""
        return [
            self.text,
            self.owner,
            self.deadline,
            self.dispute,
            self.lead,
            self.amend,
            self.cooperating,
            self.remove,
        ]

    def number(self, position: int) -> None:
        self.title.setText(self.tr("Decision {position}").format(position=position))

    def _show_dispute(self) -> None:
        settles = bool(self.dispute.currentData())
        self.form.setRowVisible(self.lead_row, settles)
        self.form.setRowVisible(self.cooperating, settles)
        if settles and not self.lead.currentData() and self.owner.currentData():
            self.lead.setCurrentIndex(self.owner.currentIndex())  # who carries it out leads

    def draft(self) -> DecisionDraft:
        dispute = self.dispute.currentData() or None
        return DecisionDraft(
            text=self.text.toPlainText(),
            owner=self.owner.currentData() or "",
            deadline=self.deadline.date().toString("yyyy-MM-dd"),
            dispute_id=dispute,
            lead=(self.lead.currentData() or None) if dispute else None,
            cooperating=tuple(self.cooperating.checked_codes()) if dispute else (),
            amend_list=self.amend.isChecked() if dispute else False,
        )


class MinutesDialog(StoreDialog):
    recorded = Signal(object)  # Meeting

    def __init__(self, session: Session, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.ref, self.meeting = session.ref, meeting
        self.meeting_day = date.fromisoformat(meeting.held_on[:10])
        self.disputes = self._agenda_disputes()
        self.rows: list[DecisionRow] = []
        self.setObjectName("minutesDialog")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Minutes · {meeting}").format(meeting=meeting_name(meeting)))
        about = QLabel(
            self.tr(
                "{meeting}, {time}, {place}, chaired by {chair}. The minutes are recorded once "
                "and cannot be changed afterwards: read them through before you record them."
            ).format(
                meeting=meeting_name(meeting),
                time=weekday_time(meeting.held_on),
                place=meeting.place,
                chair=meeting.chair,
            )
        )
        about.setObjectName("hintText")
        about.setWordWrap(True)
        self.summary = text_box(self.tr("What the meeting discussed and agreed, item by item"), 84)
        self.summary.setObjectName("minutesSummary")
        self.attendees = UnitChecklist(self.ref, meeting.attendees, rows=3)
        self.attendees.setObjectName("minutesAttendees")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("&Summary"), self.summary)
        form.addRow(self.tr("Attending units"), self.attendees)
        decisions_title = QLabel(self.tr("Decisions"))
        decisions_title.setObjectName("sectionTitle")
        self.no_decision = QLabel(
            self.tr(
                "No decision yet. Add one for each thing a unit must carry out by a deadline; "
                "a meeting may also end without any."
            )
        )
        self.no_decision.setObjectName("hintText")
        self.no_decision.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add decision"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_decision)
        head = QHBoxLayout()
        head.addWidget(decisions_title)
        head.addStretch(1)
        head.addWidget(self.add_button)
        self.row_box = QWidget()
        self.row_box.setObjectName("decisionRows")
        self.row_column = QVBoxLayout(self.row_box)
        self.row_column.setContentsMargins(0, 0, 6, 0)
        self.row_column.setSpacing(8)
        self.row_column.addWidget(self.no_decision)
        self.row_column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.row_box)
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Record minutes"), self.tr("Cancel"), self.submit, False
        )
        layout = dialog_layout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addLayout(head)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(880)
        fit_to_screen(self, 880, 700)  # the decisions scroll in what the screen leaves
        self.summary.setFocus()

    def _agenda_disputes(self) -> list[tuple[str, str]]:
        """The disputes on this meeting's agenda still waiting for a ruling."""
        found = []
        for item in self.meeting.agenda:
            if item.kind != DISPUTE:
                continue
            dispute = dispute_by_id(self.session.db, item.ref)
            if dispute.decided_at is None:
                label = self.tr("{case} {category} (returned by {unit})").format(
                    case=dispute.case_number,
                    category=dispute.category_name,
                    unit=self.ref.department_name(dispute.unit),
                )
                found.append((dispute.id, label))
        return found

    def add_decision(self) -> DecisionRow:
        row = DecisionRow(self.ref, self.meeting_day, self.disputes)
        row.remove_requested.connect(self.remove_decision)
        self.rows.append(row)
        self.row_column.insertWidget(len(self.rows), row)
        self._renumber()
        row.text.setFocus()
        self.scroll.ensureWidgetVisible(row)
        return row

    def remove_decision(self, row: DecisionRow) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        self.add_button.setFocus()

    def _renumber(self) -> None:
        for position, row in enumerate(self.rows, 1):
            row.number(position)
        self.no_decision.setVisible(not self.rows)
        self._tab_order()

    def _tab_order(self) -> None:
        """Rows added later would come after Cancel: Tab walks summary, units, Add decision,
        each decision in turn, then Record minutes."""
        chain: list[QWidget] = [self.summary, self.attendees, self.add_button]
        for row in self.rows:
            chain.extend(row.tab_chain())
        chain += [self.ok_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def submit(self) -> Operation | None:
        """A refusal (ValidationErrors) lists every problem, one a line."""
        user, wall, meeting_id = self.session.user, self.session.clock.wall, self.meeting.id
        summary, units = self.summary.toPlainText(), self.attendees.checked_codes()
        drafts = [row.draft() for row in self.rows]
        return self.written(
            lambda db: record_minutes(db, user, meeting_id, summary, drafts, units, wall=wall),
            self.recorded,
        )
