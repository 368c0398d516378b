"""What follows a transfer to the police (order 310; core/case_path/police_followups.py), as
the office records it: the police's answer to a review, the procuratorate asked to supervise
after an upheld refusal (art. 9), the case passed on by the police (art. 7), the items
handed over once a case is opened (art. 12). The store checks the dates against the answer
each follows."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
)

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.police_transfer import REVIEW_ANSWERS
from app.store.police_transfers import procuratorate_of
from app.ui.case_detail.steps.transfer import AnswerForm
from app.ui.common.i18n import in_language


def _day_edit(form: AnswerForm, name: str) -> QDateEdit:
    """A day no later than today, today offered (the office records it the day it happens)."""
    today = form.session.clock.today()
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    edit.setDate(QDate(today.year, today.month, today.day))
    return edit


class ReviewAnswerForm(AnswerForm):
    """The police's decision on review: the refusal upheld, or a case opened."""

    actions = (Action.POLICE_REVIEW_ANSWER,)

    def answer_fields(self) -> None:
        self.answer_group = QButtonGroup(self)
        self.answer_buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for answer, words in REVIEW_ANSWERS.items():
            button = QRadioButton(in_language(words))
            button.setProperty("answer", answer)
            self.answer_group.addButton(button)
            self.answer_buttons[answer] = button
            row.addWidget(button)
        row.addStretch(1)
        self.note = self.text_box(self.tr("e.g. Decision on review no. …, and its reasons"))
        self.form.addRow(self.tr("Decision on review"), row)
        self.form.addRow(self.tr("Note"), self.note)

    def request(self) -> Request:
        button = self.answer_group.checkedButton()
        answer = str(button.property("answer")) if button is not None else ""
        return Request(self.action, outcome=answer, note=self.note.toPlainText().strip())


class SupervisionForm(AnswerForm):
    """立案监督 asked of the procuratorate at the same level, within 3 days of the upheld
    refusal: to whom, on which day, why."""

    actions = (Action.POLICE_SUPERVISION,)

    def answer_fields(self) -> None:
        self.to = QLineEdit(procuratorate_of(self.session.db))
        self.on = _day_edit(self, "supervisionOn")
        self.reason = self.text_box(self.tr("Why the case should be opened"))
        self.form.addRow(self.tr("Procuratorate"), self.to)
        self.form.addRow(self.tr("Asked on"), self.on)
        self.form.addRow(self.tr("Reason"), self.reason)

    def request(self) -> Request:
        return Request(
            self.action,
            to=self.to.text().strip(),
            on=self.on.date().toString("yyyy-MM-dd"),
            reason=self.reason.toPlainText().strip(),
        )


class PassedOnForm(AnswerForm):
    """The police said the case is not theirs and passed it to the competent authority."""

    actions = (Action.POLICE_PASSED_ON,)

    def answer_fields(self) -> None:
        now = self.session.clock.now()
        self.to = QLineEdit()
        self.to.setPlaceholderText(self.tr("e.g. 东莱市公安局森林分局"))
        self.at = QDateTimeEdit(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.at.setObjectName("passedAt")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.note = self.text_box(self.tr("Optional: the police's written notice, its number"))
        self.form.addRow(self.tr("Passed to"), self.to)
        self.form.addRow(self.tr("Passed on at"), self.at)
        self.form.addRow(self.tr("Note"), self.note)

    def request(self) -> Request:
        return Request(
            self.action,
            to=self.to.text().strip(),
            at=self.at.dateTime().toString("yyyy-MM-dd HH:mm"),
            note=self.note.toPlainText().strip(),
        )


class HandoverForm(AnswerForm):
    """The items and materials handed to the police after 立案: the day, the list, who took
    them."""

    actions = (Action.POLICE_HANDOVER,)

    def answer_fields(self) -> None:
        self.on = _day_edit(self, "handoverOn")
        self.list_ref = QLineEdit()
        self.list_ref.setPlaceholderText(self.tr("e.g. 涉案物品移交清单 2026-1 号"))
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("e.g. 王警官"))
        self.form.addRow(self.tr("Handed over on"), self.on)
        self.form.addRow(self.tr("Handover list"), self.list_ref)
        self.form.addRow(self.tr("Received by"), self.officer)

    def request(self) -> Request:
        return Request(
            self.action,
            on=self.on.date().toString("yyyy-MM-dd"),
            note=self.list_ref.text().strip(),
            received_by=self.officer.text().strip(),
        )
