"""Deciding a duty dispute (裁定) and sending it to a joint meeting (提交联席会议).

The office names the lead unit and the cooperating units, says why, and may amend the duty
boundary list at the same time (a local amendment beside the official item). The domain
checks who may (the responsible leader where the lists are touched; a referred dispute is
its meeting's until withdrawn), and that the reasoning is there; a refusal is shown here and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)
from sqlite_utils import Database

from app.core.disputes import Dispute, Ruling
from app.core.meetings import Meeting
from app.core.routing import BoundaryEntry
from app.store.disputes import decide_dispute, refer_dispute, withdraw_dispute
from app.ui.common.dialog_parts import StoreDialog, question_label
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.common.unit_lists import CooperatingUnits, unit_items


class DecideDialog(StoreDialog):
    decided = Signal(object)  # Dispute

    def __init__(
        self,
        session: Session,
        dispute: Dispute,
        boundary: Sequence[BoundaryEntry],
        parent: QWidget | None = None,
        listed: tuple[str, Sequence[str]] | None = None,
    ) -> None:
        """``boundary``: the official items covering the category (named in the hint);
        ``listed``: the lead and cooperating units the lists give now, the official item
        with the local amendment in force (store/routing.listed_units), where the ruling
        starts, so accepting it as offered does not touch the lists."""
        super().__init__(session, parent)
        self.dispute = dispute
        ref = session.ref
        self.setObjectName("decideDialog")
        self.setWindowTitle(
            self.tr("Rule on a duty dispute · case {number}").format(number=dispute.case_number)
        )
        question = question_label(
            self.tr(
                "{unit} says case {number} ({category}) is not its duty. Which unit leads it?"
            ).format(
                unit=ref.department_name(dispute.unit),
                number=dispute.case_number,
                category=dispute.category_name,
            )
        )
        self.lead = QComboBox()
        self.lead.setObjectName("rulingLead")
        self.lead.addItem(self.tr("(choose one)"), "")
        for name, code in unit_items(ref):
            self.lead.addItem(name, code)
        self.helpers = CooperatingUnits(unit_items(ref), 150)
        self.helpers.setObjectName("rulingCooperating")
        if listed is not None:  # what the lists say now is the natural starting point
            self.lead.setCurrentIndex(self.lead.findData(listed[0]))
            self.helpers.set_checked(listed[1])
        self.lead.currentIndexChanged.connect(self._hide_lead)
        self._hide_lead()
        self.reasoning = QPlainTextEdit()
        self.reasoning.setObjectName("rulingReasoning")
        self.reasoning.setTabChangesFocus(True)
        self.reasoning.setFixedHeight(80)
        self.reasoning.setPlaceholderText(
            self.tr("Under which list item or rule, and why this unit leads")
        )
        self.amend = QCheckBox(self.tr("Amend the duty boundary list locally as well"))
        self.amend.setObjectName("amendList")
        where = (
            self.tr(
                "A local amendment is kept beside boundary list item {no} ({code}) "
                "for “{category}”: routing follows it at once, the official list stays as "
                "issued, and the change goes into the proposal to the establishment office. "
                "Only the responsible leader or the joint meeting amends the lists."
            ).format(no=boundary[0].item_no, code=boundary[0].code, category=dispute.category_name)
            if boundary
            else self.tr(
                "The boundary list has no item for “{category}”: a local amendment "
                "proposes one, routing follows it at once. Only the responsible leader or the "
                "joint meeting amends the lists."
            ).format(category=dispute.category_name)
        )
        self.amend_hint = QLabel(where)
        self.amend_hint.setObjectName("hintText")
        self.amend_hint.setWordWrap(True)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("&Lead unit"), self.lead)
        form.addRow(self.tr("Cooperating units"), self.helpers)
        form.addRow("", self.helpers.chosen_line)
        form.addRow(self.tr("&Reasoning"), self.reasoning)
        form.addRow("", self.amend)
        form.addRow("", self.amend_hint)
        self.arrange(question, form, self.tr("Rule"), self.submit, False, 520)
        self.lead.setFocus()

    def _hide_lead(self) -> None:
        self.helpers.follow_lead(self.lead.currentData())

    def ruling(self) -> Ruling:
        return Ruling(
            lead=self.lead.currentData() or "",
            cooperating=tuple(self.helpers.checked_codes()),
            reasoning=self.reasoning.toPlainText().strip(),
            amend_list=self.amend.isChecked(),
        )

    def submit(self) -> Operation | None:
        """Rule on the worker; ``decided`` hears the dispute as ruled."""
        user, dispute_id, ruling = self.session.user, self.dispute.id, self.ruling()
        wall = self.session.clock.wall

        def work(db: Database) -> Dispute:
            return decide_dispute(db, user, dispute_id, ruling, wall=wall)

        return self.written(work, self.decided)


class ReferDialog(StoreDialog):
    """Put the dispute on the agenda of a joint meeting that has not been held yet."""

    referred = Signal(object)  # Dispute

    def __init__(
        self,
        session: Session,
        dispute: Dispute,
        upcoming: Sequence[Meeting],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.dispute = dispute
        ref = session.ref
        self.setObjectName("referDialog")
        self.setWindowTitle(
            self.tr("Refer to a joint meeting · case {number}").format(number=dispute.case_number)
        )
        question = question_label(
            self.tr(
                "Which joint meeting's agenda should take the duty dispute {unit} "
                "raised on case {number} ({category})? Once the meeting's decisions are "
                "recorded, the dispute is ruled on by them."
            ).format(
                unit=ref.department_name(dispute.unit),
                number=dispute.case_number,
                category=dispute.category_name,
            )
        )
        self.meeting = QComboBox()
        self.meeting.setObjectName("referMeeting")
        for meeting in upcoming:
            self.meeting.addItem(meeting_label(meeting), meeting.id)
        form = QFormLayout()
        form.addRow(self.tr("Joint &meeting"), self.meeting)
        self.arrange(question, form, self.tr("Refer"), self.submit)
        self.meeting.setFocus()

    def submit(self) -> Operation | None:
        """Refer on the worker; ``referred`` hears the dispute as referred."""
        user, dispute_id, meeting_id = (
            self.session.user,
            self.dispute.id,
            self.meeting.currentData(),
        )
        wall = self.session.clock.wall

        def work(db: Database) -> Dispute:
            return refer_dispute(db, user, dispute_id, meeting_id, wall=wall)

        return self.written(work, self.referred)


class WithdrawDialog(StoreDialog):
    """Take a dispute back from the joint meeting it was referred to, saying why: it then
    waits for a ruling again (the responsible leader's, or another meeting's)."""

    withdrawn = Signal(object)  # Dispute

    def __init__(
        self, session: Session, dispute: Dispute, meeting: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.dispute = dispute
        self.setObjectName("withdrawDialog")
        self.setWindowTitle(
            self.tr("Withdraw from the joint meeting · case {number}").format(
                number=dispute.case_number
            )
        )
        question = question_label(
            self.tr(
                "The duty dispute on case {number} is on the agenda of {meeting}: only that "
                "meeting decides it. Withdraw it, so that it can be ruled on otherwise?"
            ).format(number=dispute.case_number, meeting=meeting)
        )
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("withdrawReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.reason.setPlaceholderText(self.tr("Why it is withdrawn from the meeting"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        self.arrange(question, form, self.tr("Withdraw"), self.submit)
        self.reason.setFocus()

    def submit(self) -> Operation | None:
        """Withdraw on the worker; ``withdrawn`` hears the dispute, open again."""
        user, dispute_id = self.session.user, self.dispute.id
        reason, wall = self.reason.toPlainText(), self.session.clock.wall

        def work(db: Database) -> Dispute:
            return withdraw_dispute(db, user, dispute_id, reason, wall=wall)

        return self.written(work, self.withdrawn)


def meeting_label(meeting: Meeting) -> str:
    """第 3 次联席会议 · 2026-12-02 09:30 · 镇政府三楼会议室"""
    text = QCoreApplication.translate("ReferDialog", "Joint meeting no. {number} · {time}").format(
        number=meeting.number, time=meeting.held_on
    )
    return f"{text} · {meeting.place}" if meeting.place else text
