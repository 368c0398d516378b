"""Transfers (案件移送): to another authority with a transfer letter, and the receiver's
receipt (回执) and outcome recorded, the police's too (the request to transfer to the police
and its approval: police.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.transfers import TRANSFER_OUTCOMES, outcome_words
from app.store.case_state import load_state
from app.ui.case_detail.steps.form import StepForm
from app.ui.common.i18n import in_language


class TransferForm(StepForm):
    actions = (Action.TRANSFER,)

    def fields(self) -> None:
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(self.tr("e.g. 蓬山区市场监督管理局"))
        self.reason = self.text_box()
        self.form.addRow(self.tr("Transfer to"), self.authority)
        self.form.addRow(self.tr("Reason"), self.reason)

    def request(self) -> Request:
        return Request(
            self.action,
            to=self.authority.text().strip(),
            reason=self.reason.toPlainText().strip(),
        )


class AnswerForm(StepForm):
    """The receiver's answer to the open transfer: its letter is shown first."""

    def fields(self) -> None:
        state = load_state(self.session.db, self.case.id)
        self.police = state.transfer_police
        # the open transfer's letter, or the refused one a review's answer or 立案监督 concerns
        shown = state.transfer_letter or state.police_review_letter or state.police_upheld_letter
        letter = QLabel(shown or "—")
        letter.setObjectName("letterNumber")
        letter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Transfer letter"), letter)
        self.answer_fields()

    def answer_fields(self) -> None:
        raise NotImplementedError


class ReceiptForm(AnswerForm):
    actions = (Action.TRANSFER_RECEIPT,)

    def answer_fields(self) -> None:
        self.received_by = QLineEdit()
        self.received_by.setPlaceholderText(
            self.tr("Who signed the receipt for the receiving unit, e.g. 张警官")
        )
        self.note = self.text_box(self.tr("Optional: receipt number, time of signing, etc."))
        self.form.addRow(self.tr("Receipt signed by"), self.received_by)
        self.form.addRow(self.tr("Note"), self.note)

    def request(self) -> Request:
        return Request(
            self.action,
            received_by=self.received_by.text().strip(),
            note=self.note.toPlainText().strip(),
        )


class OutcomeForm(AnswerForm):
    """Accepted (立案), declined (不予立案) or sent back, in the receiver's own words."""

    actions = (Action.TRANSFER_OUTCOME,)

    def answer_fields(self) -> None:
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for outcome in TRANSFER_OUTCOMES:
            button = QRadioButton(in_language(outcome_words(outcome, self.police)))
            button.setProperty("outcome", outcome)
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            row.addWidget(button)
        row.addStretch(1)
        self.form.addRow(self.tr("Outcome"), row)
        self.note = self.text_box(
            self.tr(
                "e.g. A case was opened for investigation, decision no. …; or why no "
                "case was opened"
            )
            if self.police
            else self.tr("e.g. Accepted, acceptance notice no. …; or why it was not accepted")
        )
        self.form.addRow(self.tr("Note"), self.note)

    def chosen_outcome(self) -> str:
        button = self.outcome_group.checkedButton()
        return str(button.property("outcome")) if button is not None else ""

    def request(self) -> Request:
        return Request(
            self.action, outcome=self.chosen_outcome(), note=self.note.toPlainText().strip()
        )
