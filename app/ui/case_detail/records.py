"""Coordination records of one case in its detail: duty disputes (职责争议) and transfers
(案件移送, 行刑衔接), each a few plain lines, shown only when the case has them."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from sqlite_utils import Database

from app.core.clock import parse_local
from app.core.disputes import DECIDED, Dispute
from app.core.model import Case
from app.core.police_transfer import REVIEW_ANSWERS, passed_on_late
from app.core.transfers import IN, OUT, Transfer
from app.store.disputes import disputes_of_case
from app.store.police_transfers import PoliceRequest, lapsed_review, requests_of
from app.store.reference import ReferenceData
from app.store.transfers import transfers_of
from app.ui.common.i18n import dispute_status_word, in_language

STYLE = """
#caseRecords QFrame#recordBox { background: #ffffff; border: 1px solid #d9e0e8;
    border-radius: 6px; }
#recordLine { color: #1f2933; }
"""


class CaseRecords(QWidget):
    """Two boxes side by side: the disputes and the transfers of the case."""

    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        case: Case,
        now: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ref = ref
        self.requests = {r.letter_no: r for r in requests_of(db, case.id) if r.letter_no}
        # a review window that passed unused (order 310 art. 9): said here, not on the board
        self.lapsed = {
            letter: lapsed_review(db, case.id, letter, now) if now else None
            for letter in self.requests
        }
        self.setObjectName("caseRecords")
        self.setStyleSheet(STYLE)
        self.disputes = disputes_of_case(db, case.id)
        self.transfers = transfers_of(db, case.id)
        self.dispute_lines = [self.dispute_text(d) for d in self.disputes]
        self.transfer_lines = [self.transfer_text(t) for t in self.transfers]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        if self.dispute_lines:
            row.addWidget(self._box(self.tr("Duty disputes"), self.dispute_lines), 1)
        if self.transfer_lines:
            row.addWidget(self._box(self.tr("Transfers"), self.transfer_lines), 1)

    def has_any(self) -> bool:
        return bool(self.disputes or self.transfers)

    def _box(self, title: str, lines: list[str]) -> QFrame:
        box = QFrame()
        box.setObjectName("recordBox")
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 6, 12, 8)
        column.setSpacing(4)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        column.addWidget(heading)
        for line in lines:
            label = QLabel(line)
            label.setObjectName("recordLine")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
        return box

    def _unit(self, code: str | None) -> str:
        return self.ref.department_name(code) if code else "—"

    def dispute_text(self, dispute: Dispute) -> str:
        """执法中队（2026-05-30 10:12，待裁定）：理由 · 引用 QS-XZCF-001 · 裁定：…"""
        head = self.tr("{unit} says it is not its duty ({time}, {status})").format(
            unit=escape(self._unit(dispute.unit)),
            time=dispute.opened_at[:16],
            status=dispute_status_word(dispute.status),
        )
        parts = [f"<b>{head}</b>", escape(dispute.reasons)]
        if dispute.cited:
            parts.append(self.tr("Cited: {items}").format(items=escape("、".join(dispute.cited))))
        if dispute.status == DECIDED:
            helpers = "、".join(self._unit(c) for c in dispute.cooperating)
            lead = self._unit(dispute.lead)
            ruling = (
                self.tr("Ruling: {lead} leads, {helpers} cooperate").format(
                    lead=lead, helpers=helpers
                )
                if helpers
                else self.tr("Ruling: {lead} leads").format(lead=lead)
            )
            parts.append(escape(ruling))
            if dispute.reasoning:
                parts.append(escape(dispute.reasoning))
            if dispute.amended_item:
                parts.append(
                    escape(
                        self.tr("Boundary list amended: {item}").format(item=dispute.amended_item)
                    )
                )
        return " · ".join(p for p in parts if p)

    def transfer_text(self, t: Transfer) -> str:
        """青石综执移公〔2026〕1号 移送公安机关（06-06 12:26）· 回执：… · 结果：立案"""
        letter = escape(t.letter_no or self.tr("(no letter number)"))
        when = t.sent_at[:16]
        if t.direction == IN:
            head = self.tr("{letter} transferred in from {unit} ({time})").format(
                letter=letter, unit=escape(t.counterpart), time=when
            )
        elif t.police:
            head = self.tr(
                "{letter} transferred to {unit} ({time}), suspected offence: {offence}"
            ).format(
                letter=letter, unit=escape(t.counterpart), time=when, offence=escape(t.offence)
            )
        else:
            head = self.tr("{letter} transferred to {unit} ({time})").format(
                letter=letter, unit=escape(t.counterpart), time=when
            )
        parts = [f"<b>{head}</b>"]
        if t.direction == OUT:
            parts.append(self._receipt(t))
            parts.append(self._passed_on(t))
            parts.append(self._outcome(t))
            parts.extend(self._follow_ups(t))
        return " · ".join(p for p in parts if p)

    def _passed_on(self, t: Transfer) -> str:
        """Art. 7: passed on by the police, marked when later than 24 hours after receipt."""
        if not t.passed_to or not t.passed_at:
            return ""
        text = self.tr("Passed by the police to {unit} ({time})").format(
            unit=t.passed_to, time=t.passed_at[:16]
        )
        if t.receipt_at and passed_on_late(parse_local(t.receipt_at), parse_local(t.passed_at)):
            text += self.tr(" (later than 24 hours)")
        return escape(text)

    def _follow_ups(self, t: Transfer) -> list[str]:
        """After the police's answer: the review and its answer, the procuratorate asked,
        a review window passed unused (复议期限已过), the items handed over after 立案."""
        if not t.police:
            return []
        request = self.requests.get(t.letter_no)  # none for a one-step transfer (schema 5-11)
        parts = self._review(t, request) if request is not None else []
        if t.handed_over_on:
            parts.append(
                self.tr("Items handed over on {day} to {who} ({list})").format(
                    day=t.handed_over_on, who=t.handover_officer, list=t.handover_list
                )
            )
        elif t.handover_owed:  # opened since schema 13 (a 立案 before owes no clock)
            parts.append(self.tr("Items not yet handed over"))
        return [escape(p) for p in parts]

    def _review(self, t: Transfer, request: PoliceRequest) -> list[str]:
        """The review asked and its answer, or its window passed unused; 立案监督 asked."""
        parts = []
        if request.review_at:
            parts.append(self.tr("Review asked ({time})").format(time=request.review_at[:16]))
            if request.review_answer:
                answer = in_language(REVIEW_ANSWERS[request.review_answer])
                parts.append(
                    self.tr("Decision on review: {answer} ({time})").format(
                        answer=answer, time=(request.review_answered_at or "")[:16]
                    )
                )
            else:
                parts.append(self.tr("Decision on review not yet reported"))
        elif self.lapsed.get(t.letter_no):
            parts.append(
                self.tr("Review window passed ({due})").format(due=self.lapsed[t.letter_no])
            )
        if request.supervision_on:
            parts.append(
                self.tr("Procuratorate asked to supervise: {unit} ({day})").format(
                    unit=request.supervision_to, day=request.supervision_on
                )
            )
        return parts

    def _receipt(self, t: Transfer) -> str:
        if not t.receipt_at:
            return "<span style='color:#b26a00'>" + escape(self.tr("No receipt yet")) + "</span>"
        return escape(
            self.tr("Receipt signed by {who} ({time})").format(
                who=t.receipt_by, time=t.receipt_at[:16]
            )
        )

    def _outcome(self, t: Transfer) -> str:
        words = t.outcome_words()
        if words is None:
            return escape(self.tr("Outcome not yet reported")) if t.receipt_at else ""
        text = self.tr("Outcome: {outcome} ({time})").format(
            outcome=in_language(words), time=(t.outcome_at or "")[:16]
        )
        return " · ".join(escape(p) for p in (text, t.outcome_note) if p)
