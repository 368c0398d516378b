"""Handling (处置) and its decisions: signing for a case, reporting back with photos,
returning it (or saying it is not the unit's duty), asking for an extension or to park it,
the leader's approvals, closing, rework, supervision, and rejecting a case at triage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.documents import default_reply_by
from app.store.routing import boundary_entries, power_entries
from app.store.work_calendar import work_calendar
from app.ui.case_detail.steps.form import PhotoRow, StepForm
from app.ui.case_detail.steps.police import add_deciders_note


class ConfirmForm(StepForm):
    """A step with nothing to fill in: the form asks the question."""

    actions = (
        Action.SIGN,
        Action.APPROVE_EXTENSION,
        Action.APPROVE_PARK,
        Action.RESUME,
        Action.CLOSE,
    )

    def fields(self) -> None:
        self.form.addRow(self.confirmation())


class ReasonForm(StepForm):
    """A step whose only field is its reason (rejections, denials, a review asked)."""

    actions = (
        Action.REJECT,
        Action.DENY_EXTENSION,
        Action.DENY_PARK,
        Action.REWORK,
        Action.POLICE_DENY,  # order 310 art. 5: a refusal is recorded with its reasons
        Action.POLICE_REVIEW,  # art. 9: why the police should look again
    )

    def fields(self) -> None:
        self.reason = self.text_box()
        self.form.addRow(self.tr("Reason"), self.reason)
        if self.action == Action.POLICE_DENY:
            add_deciders_note(self)

    def request(self) -> Request:
        return Request(self.action, reason=self.reason.toPlainText().strip())


class FeedbackForm(StepForm):
    actions = (Action.FEEDBACK,)

    def fields(self) -> None:
        self.note = self.text_box(self.tr("What was done"))
        self.photos = PhotoRow()
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("Photos"), self.photos)

    def add_photos(self, files: Sequence[Path]) -> None:
        self.photos.add(files)

    def photo_files(self) -> Sequence[Path]:
        return self.photos.files

    def request(self) -> Request:
        return Request(self.action, note=self.note.toPlainText().strip())


class SuperviseForm(StepForm):
    """The reasons, and the new deadline printed on the notice (core/documents.py offers
    some working days after today; core checks whatever is chosen)."""

    actions = (Action.SUPERVISE,)

    def fields(self) -> None:
        self.note = self.text_box(self.tr("What must be done, and why"))
        today = self.session.clock.today()
        offered = default_reply_by(work_calendar(self.session.db), today)
        self.reply_by = QDateEdit()
        self.reply_by.setObjectName("replyBy")
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat("yyyy-MM-dd")
        self.reply_by.setMinimumDate(QDate(today.year, today.month, today.day))
        self.reply_by.setDate(QDate(offered.year, offered.month, offered.day))
        self.form.addRow(self.tr("Supervision note"), self.note)
        self.form.addRow(self.tr("Finish and reply by"), self.reply_by)

    def request(self) -> Request:
        return Request(
            self.action,
            note=self.note.toPlainText().strip(),
            reply_by=self.reply_by.date().toString("yyyy-MM-dd"),
        )


class ExtendForm(StepForm):
    actions = (Action.EXTEND,)

    def fields(self) -> None:
        self.days = QSpinBox()
        self.days.setRange(1, 60)
        self.days.setValue(3)
        self.days.setSuffix(self.tr(" working days"))
        self.reason = self.text_box()
        self.form.addRow(self.tr("Extend by"), self.days)
        self.form.addRow(self.tr("Reason"), self.reason)

    def request(self) -> Request:
        return Request(
            self.action, days=self.days.value(), reason=self.reason.toPlainText().strip()
        )


class ParkForm(StepForm):
    actions = (Action.PARK,)

    def fields(self) -> None:
        today = self.session.clock.today()
        first = QDate(today.year, today.month, today.day)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setMinimumDate(first.addDays(1))
        later = today + timedelta(days=30)
        self.until.setDate(QDate(later.year, later.month, later.day))
        self.reason = self.text_box(self.tr("e.g. seasonal work, waiting for the spring"))
        self.form.addRow(self.tr("Parked until"), self.until)
        self.form.addRow(self.tr("Reason"), self.reason)

    def request(self) -> Request:
        until = self.until.date().toString("yyyy-MM-dd")
        return Request(self.action, until=until, reason=self.reason.toPlainText().strip())


class ReturnForm(StepForm):
    """A plain return (wrong dispatch), or "not our duty": a duty dispute citing the list
    items the unit relies on (the items about this case's category are offered)."""

    actions = (Action.RETURN,)
    wide = True

    def fields(self) -> None:
        self.citable = self.citable_items()
        self.not_our_duty = QCheckBox(self.tr("Not our unit's duty (raise a duty dispute)"))
        self.not_our_duty.setObjectName("notOurDuty")
        self.not_our_duty.setToolTip(
            self.tr(
                "The enforcement office rules by the duty boundary list, or the joint "
                "meeting decides"
            )
        )
        self.reason = self.text_box()
        self.cited = QListWidget()
        self.cited.setObjectName("citedItems")
        self.cited.setWordWrap(True)
        for code, text in self.citable:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(text)
            self.cited.addItem(item)
        self.cited.setFixedHeight(28 + 40 * min(3, max(1, self.cited.count())))
        self.cited.setVisible(bool(self.citable))
        self.other_cited = QLineEdit()
        self.other_cited.setObjectName("otherCited")
        self.other_cited.setPlaceholderText(
            self.tr("Matter codes of other list items; separate several with commas")
            if self.citable
            else self.tr("Matter codes, e.g. QS-XZCF-018; separate several with commas")
        )
        self.cited_box = QWidget()
        column = QVBoxLayout(self.cited_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.cited)
        column.addWidget(self.other_cited)
        self.form.addRow("", self.not_our_duty)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("List items cited"), self.cited_box)
        self.not_our_duty.toggled.connect(self._show_cited)
        self._show_cited(False)

    def _show_cited(self, shown: bool) -> None:
        self.form.setRowVisible(self.cited_box, shown)
        self.reason.setPlaceholderText(
            self.tr(
                "Why it is not your unit's duty, which unit should handle it, and under which rule"
            )
            if shown
            else self.tr("e.g. Dispatched to the wrong unit; it is for … to handle")
        )
        self.refit(shrink=True)

    def cited_codes(self) -> tuple[str, ...]:
        checked = [
            self.cited.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.cited.count())
            if self.cited.item(i).checkState() == Qt.CheckState.Checked
        ]
        typed = [c for c in re.split(r"[、,，;；\s]+", self.other_cited.text()) if c]
        return tuple(dict.fromkeys([*checked, *typed]))

    def request(self) -> Request:
        reason = self.reason.toPlainText().strip()
        if self.not_our_duty.isChecked():
            return Request(self.action, reason=reason, not_our_duty=True, cited=self.cited_codes())
        return Request(self.action, reason=reason)

    def citable_items(self) -> list[tuple[str, str]]:
        """The list items about this case's category, for a "not our duty" return."""
        ref, db, code = self.ref, self.session.db, self.case.category_code
        items = [
            (
                entry.code,
                self.tr("Boundary list item {no} {code} {name}: {lead} leads").format(
                    no=entry.item_no,
                    code=entry.code,
                    name=entry.name,
                    lead=ref.department_name(entry.lead),
                ),
            )
            for entry in boundary_entries(db, code)
        ]
        items += [
            (
                matter.code,
                self.tr("Power & responsibility list {code} {name}: {unit}").format(
                    code=matter.code, name=matter.name, unit=ref.department_name(matter.unit)
                ),
            )
            for matter in power_entries(db, code)
        ]
        return items
