"""One small dialog per step of the case path, asking only for what that step needs.

The dialog builds a ``Request`` and hands it to ``submit``; a refusal (DomainError) is shown
inside the dialog in plain words and the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.case_path.decide import Request
from app.core.case_path.rules import ACTION_ROUTES
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.model import Case, Route, Tier, Urgency, office_unit
from app.core.routing import Suggestion
from app.core.transfers import TRANSFER_OUTCOMES, outcome_words
from app.store.reference import ReferenceData
from app.ui.dialog_parts import question_label
from app.ui.i18n import action_word, error_text
from app.ui.triage_parts import SuggestionBanner, in_language
from app.ui.unit_lists import CooperatingUnits

Submit = Callable[[Request, Sequence[Path]], object]

REASON_ACTIONS = (
    Action.REJECT,
    Action.RETURN,
    Action.DENY_EXTENSION,
    Action.DENY_PARK,
    Action.REWORK,
)
CONFIRM_ACTIONS = (
    Action.SELF_HANDLE,
    Action.SIGN,
    Action.APPROVE_EXTENSION,
    Action.APPROVE_PARK,
    Action.RESUME,
    Action.CLOSE,
    Action.CALL_ACK,
    Action.CALL_ARRIVE,
    Action.CALL_DONE,
    Action.CALL_CONFIRM,
)
CALL_STEPS = (Action.CALL_ACK, Action.CALL_ARRIVE, Action.CALL_DONE, Action.CALL_CONFIRM)


@dataclass(frozen=True)
class StepContext:
    """What a step's dialog shows besides the case: the lists' suggestion at triage, the
    list items a "not our duty" return may cite (code, text), the open transfer."""

    suggestion: Suggestion | None = None
    cited_choices: tuple[tuple[str, str], ...] = ()
    police: bool = False  # the open transfer went to the police
    letter_no: str = ""


class ActionDialog(QDialog):
    def __init__(
        self,
        action: Action,
        case: Case,
        ref: ReferenceData,
        submit: Submit,
        today: date,
        parent: QWidget | None = None,
        context: StepContext = StepContext(),
    ) -> None:
        super().__init__(parent)
        self.action, self.case, self.ref, self.submit = action, case, ref, submit
        self.context = context
        self.today = today
        self.banner: SuggestionBanner | None = None
        self.override_reason: QPlainTextEdit | None = None
        self.result_case: object | None = None
        self.photos: list[Path] = []
        self.setObjectName("actionDialog")
        self.setWindowTitle(
            self.tr("{action} · case {number}").format(
                action=action_word(action), number=case.number
            )
        )
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action_word(action))
        self.ok_button.setObjectName("primaryButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self._fields()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        if context.suggestion is not None and action in ACTION_ROUTES:
            self.banner = SuggestionBanner(context.suggestion, ref)
            layout.addWidget(self.banner)
            self._override_field()
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        wide = self.banner is not None or self.action == Action.RETURN
        self.setMinimumWidth(540 if wide else 460)
        self.adjustSize()  # at its final width: a suggestion that wraps needs the height

    # -- fields --------------------------------------------------------------------------------

    def _text(self, placeholder: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(72)
        return edit

    def _units(self, tiers: tuple[Tier, ...]) -> list[tuple[str, str]]:
        return [(d.short_name, d.code) for d in self.ref.departments.values() if d.tier in tiers]

    def _fields(self) -> None:
        a = self.action
        self.reason: QPlainTextEdit | None = None
        self.note: QPlainTextEdit | None = None
        if a == Action.DISPATCH:
            self.lead = QComboBox()
            for name, code in self._units((Tier.X,)):
                self.lead.addItem(name, code)
            self.helpers = CooperatingUnits(self._units((Tier.X, Tier.ONE, Tier.Y)), 170)
            self.helpers.setObjectName("cooperatingUnits")
            self.lead.currentIndexChanged.connect(self._hide_lead)
            self._follow_suggestion(self.lead)
            self._hide_lead()
            self.form.addRow(self.tr("Lead unit"), self.lead)
            self.form.addRow(self.tr("Cooperating units"), self.helpers)
            self.form.addRow("", self.helpers.chosen_line)
        elif a == Action.CALL:
            self.called = QComboBox()
            for name, code in self._units((Tier.Y,)):
                self.called.addItem(name, code)
            self.duty_phone = QLabel()
            self.duty_phone.setObjectName("dutyPhone")
            self.duty_phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.called.currentIndexChanged.connect(self._show_phone)
            self._follow_suggestion(self.called)
            self._show_phone()
            self.urgent = QCheckBox(self.tr("Urgent"))
            self.urgent.setChecked(self.case.urgency == Urgency.URGENT)
            self.reason = self._text(self.tr("What the department is called for"))
            self.form.addRow(self.tr("Department"), self.called)
            self.form.addRow(self.tr("Duty phone"), self.duty_phone)
            self.form.addRow("", self.urgent)
            self.form.addRow(self.tr("Reason"), self.reason)
        elif a == Action.TRANSFER:
            self.authority = QLineEdit()
            self.authority.setPlaceholderText(self.tr("e.g. 蓬山区市场监督管理局"))
            self.reason = self._text()
            self.form.addRow(self.tr("Transfer to"), self.authority)
            self.form.addRow(self.tr("Reason"), self.reason)
        elif a == Action.TRANSFER_POLICE:
            self.offence = QLineEdit()
            self.offence.setPlaceholderText(self.tr("e.g. 涉嫌非法经营罪"))
            self.threshold = self._text(
                self.tr(
                    "e.g. The illegal turnover exceeds 50,000 yuan, which meets the "
                    "prosecution threshold (price appraisal attached)"
                )
            )
            self.threshold.setObjectName("thresholdText")
            self.reason = self._text()
            self.form.addRow(self.tr("Suspected offence"), self.offence)
            self.form.addRow(self.tr("Prosecution threshold"), self.threshold)
            self.form.addRow(self.tr("Reason"), self.reason)
        elif a == Action.RETURN:
            self._return_fields()
        elif a == Action.TRANSFER_RECEIPT:
            self._letter_row()
            self.received_by = QLineEdit()
            self.received_by.setPlaceholderText(
                self.tr("Who signed the receipt for the receiving unit, e.g. 张警官")
            )
            self.note = self._text(self.tr("Optional: receipt number, time of signing, etc."))
            self.form.addRow(self.tr("Receipt signed by"), self.received_by)
            self.form.addRow(self.tr("Note"), self.note)
        elif a == Action.TRANSFER_OUTCOME:
            self._letter_row()
            self._outcome_fields()
        elif a in REASON_ACTIONS:
            self.reason = self._text()
            self.form.addRow(self.tr("Reason"), self.reason)
        elif a == Action.MERGE:
            self.into = QLineEdit()
            self.into.setPlaceholderText(self.tr("Number of the case it duplicates"))
            self.form.addRow(self.tr("Merge into case"), self.into)
        elif a == Action.EXTEND:
            self.days = QSpinBox()
            self.days.setRange(1, 60)
            self.days.setValue(3)
            self.days.setSuffix(self.tr(" working days"))
            self.reason = self._text()
            self.form.addRow(self.tr("Extend by"), self.days)
            self.form.addRow(self.tr("Reason"), self.reason)
        elif a == Action.PARK:
            today = self.today
            self.until = QDateEdit()
            self.until.setCalendarPopup(True)
            self.until.setDisplayFormat("yyyy-MM-dd")
            self.until.setMinimumDate(QDate(today.year, today.month, today.day).addDays(1))
            self.until.setDate(QDate(today.year, today.month, today.day).addDays(30))
            self.reason = self._text(self.tr("e.g. seasonal work, waiting for the spring"))
            self.form.addRow(self.tr("Parked until"), self.until)
            self.form.addRow(self.tr("Reason"), self.reason)
        elif a in (Action.FEEDBACK, Action.VERIFY):
            if a == Action.VERIFY:
                self.passed = QRadioButton(self.tr("Fixed"))
                self.failed = QRadioButton(self.tr("Not fixed: back to the handler"))
                self.verdict = QButtonGroup(self)
                self.verdict.addButton(self.passed)
                self.verdict.addButton(self.failed)
                row = QHBoxLayout()
                row.addWidget(self.passed)
                row.addWidget(self.failed)
                row.addStretch(1)
                self.form.addRow(self.tr("On-site check"), row)
            self.note = self._text(
                self.tr("What was done") if a == Action.FEEDBACK else self.tr("What you saw")
            )
            self.form.addRow(self.tr("Note"), self.note)
            self.photo_label = QLabel(self.tr("No photos"))
            self.photo_label.setObjectName("hintText")
            add = QPushButton(self.tr("Add photos…"))
            add.clicked.connect(self.choose_photos)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addWidget(self.photo_label, 1)
            self.form.addRow(self.tr("Photos"), row)
        elif a == Action.SUPERVISE:
            self.note = self._text(self.tr("What must be done, by when"))
            self.form.addRow(self.tr("Supervision note"), self.note)
        else:  # a confirmation
            question = question_label(
                self.tr("{action} case {number}?").format(
                    action=action_word(a), number=self.case.number
                )
            )
            self.form.addRow(question)
            if a in CALL_STEPS:
                self.note = QPlainTextEdit()
                self.note.setTabChangesFocus(True)
                self.note.setPlaceholderText(self.tr("Optional: who phoned it in, what they said"))
                self.note.setFixedHeight(56)
                self.form.addRow(self.tr("Note"), self.note)

    # -- the lists' suggestion ---------------------------------------------------------------

    def _follow_suggestion(self, units: QComboBox) -> None:
        """Pre-fill the suggested unit (and cooperating units) when this step is the one the
        lists suggest."""
        suggestion = self.context.suggestion
        if suggestion is None or ACTION_ROUTES.get(self.action) != suggestion.route:
            return
        index = units.findData(suggestion.lead)
        if index >= 0:
            units.setCurrentIndex(index)
        if self.action == Action.DISPATCH:
            self.helpers.set_checked(suggestion.cooperating)

    def _override_field(self) -> None:
        """改派理由: shown, and required by the domain, when the dialog leaves the route the
        lists give (a category's default may be changed without one)."""
        self.override_reason = self._text(
            self.tr(
                "e.g. Checked on site: unlicensed business, for the market supervision "
                "office to deal with"
            )
        )
        self.override_reason.setObjectName("overrideReason")
        self.override_label = QLabel(self.tr("Override reason"))
        self.override_label.setObjectName("fieldName")
        self.override_hint = QLabel()
        self.override_hint.setObjectName("warningText")
        self.override_hint.setWordWrap(True)
        self.form.addRow(self.override_hint)
        self.form.addRow(self.override_label, self.override_reason)
        for units in (getattr(self, "lead", None), getattr(self, "called", None)):
            if units is not None:
                units.currentIndexChanged.connect(self._show_override)
        self._show_override()

    def choice(self) -> tuple[Route, str | None] | None:
        """The route and lead unit this dialog would send, to compare with the lists."""
        route = ACTION_ROUTES.get(self.action)
        if route == Route.SELF:
            return route, office_unit(self.ref.departments)
        if route == Route.DISPATCH_X:
            return route, self.lead.currentData()
        if route == Route.CALL_Y:
            return route, self.called.currentData()
        return None

    def overriding(self) -> bool:
        suggestion, choice = self.context.suggestion, self.choice()
        return suggestion is not None and choice is not None and not suggestion.followed_by(*choice)

    def needs_override_reason(self) -> bool:
        suggestion, choice = self.context.suggestion, self.choice()
        return (
            suggestion is not None
            and choice is not None
            and suggestion.override_needs_reason(*choice)
        )

    def _show_override(self) -> None:
        needed = self.needs_override_reason()
        if self.banner is not None:
            self.banner.show_overriding(self.overriding())
        self.override_hint.setText(
            self.tr(
                "This is not what the lists suggest: give the override reason. It is "
                "kept with the case and used to correct the lists."
            )
            if needed
            else ""
        )
        for row in (self.override_hint, self.override_reason):
            self.form.setRowVisible(row, needed)
        self.adjustSize()

    # -- returns and transfers ------------------------------------------------------------------

    def _return_fields(self) -> None:
        """A plain return (wrong dispatch), or "not our duty": a duty dispute citing the
        list items the unit relies on."""
        self.not_our_duty = QCheckBox(self.tr("Not our unit's duty (raise a duty dispute)"))
        self.not_our_duty.setObjectName("notOurDuty")
        self.not_our_duty.setToolTip(
            self.tr(
                "The enforcement office rules by the duty boundary list, or the joint "
                "meeting decides"
            )
        )
        self.reason = self._text()
        self.cited = QListWidget()
        self.cited.setObjectName("citedItems")
        self.cited.setWordWrap(True)
        for code, text in self.context.cited_choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(text)
            self.cited.addItem(item)
        self.cited.setFixedHeight(28 + 40 * min(3, max(1, self.cited.count())))
        self.cited.setVisible(bool(self.context.cited_choices))
        self.other_cited = QLineEdit()
        self.other_cited.setObjectName("otherCited")
        self.other_cited.setPlaceholderText(
            self.tr("Matter codes of other list items; separate several with commas")
            if self.context.cited_choices
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
        self.adjustSize()

    def cited_codes(self) -> tuple[str, ...]:
        checked = [
            self.cited.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.cited.count())
            if self.cited.item(i).checkState() == Qt.CheckState.Checked
        ]
        typed = [c for c in re.split(r"[、,，;；\s]+", self.other_cited.text()) if c]
        return tuple(dict.fromkeys([*checked, *typed]))

    def _letter_row(self) -> None:
        letter = QLabel(self.context.letter_no or "—")
        letter.setObjectName("letterNumber")
        letter.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Transfer letter"), letter)

    def _outcome_fields(self) -> None:
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        for outcome in TRANSFER_OUTCOMES:
            button = QRadioButton(in_language(outcome_words(outcome, self.context.police)))
            button.setProperty("outcome", outcome)
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            row.addWidget(button)
        row.addStretch(1)
        self.form.addRow(self.tr("Outcome"), row)
        self.note = self._text(
            self.tr(
                "e.g. A case was opened for investigation, decision no. …; or why no "
                "case was opened"
            )
            if self.context.police
            else self.tr("e.g. Accepted, acceptance notice no. …; or why it was not accepted")
        )
        self.form.addRow(self.tr("Note"), self.note)

    def chosen_outcome(self) -> str:
        button = self.outcome_group.checkedButton()
        return str(button.property("outcome")) if button is not None else ""

    def _hide_lead(self) -> None:
        self.helpers.follow_lead(self.lead.currentData())

    def _show_phone(self) -> None:
        department = self.ref.departments.get(self.called.currentData())
        phone = department.duty_phone if department else ""
        self.duty_phone.setText(phone or self.tr("no duty phone on file"))

    def choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos"),
            "",
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"),
        )
        self.add_photos([Path(f) for f in files])

    def add_photos(self, files: Sequence[Path]) -> None:
        self.photos.extend(files)
        self.photo_label.setText(
            self.tr("{count} photos: {names}").format(
                count=len(self.photos), names="、".join(p.name for p in self.photos)
            )
        )

    # -- the request -----------------------------------------------------------------------------

    def request(self) -> Request:
        a = self.action
        reason = self.reason.toPlainText().strip() if self.reason else ""
        note = self.note.toPlainText().strip() if self.note else ""
        override = ""
        if self.override_reason is not None and self.needs_override_reason():
            override = self.override_reason.toPlainText().strip()
        if a == Action.SELF_HANDLE:
            return Request(a, override_reason=override)
        if a == Action.DISPATCH:
            helpers = tuple(self.helpers.checked_codes())
            return Request(
                a, to=self.lead.currentData(), with_units=helpers, override_reason=override
            )
        if a == Action.CALL:
            return Request(
                a,
                to=self.called.currentData(),
                urgent=self.urgent.isChecked(),
                reason=reason,
                override_reason=override,
            )
        if a == Action.TRANSFER:
            return Request(a, to=self.authority.text().strip(), reason=reason)
        if a == Action.TRANSFER_POLICE:
            return Request(
                a,
                offence=self.offence.text().strip(),
                threshold=self.threshold.toPlainText().strip(),
                reason=reason,
            )
        if a == Action.RETURN and self.not_our_duty.isChecked():
            return Request(a, reason=reason, not_our_duty=True, cited=self.cited_codes())
        if a == Action.TRANSFER_RECEIPT:
            return Request(a, received_by=self.received_by.text().strip(), note=note)
        if a == Action.TRANSFER_OUTCOME:
            return Request(a, outcome=self.chosen_outcome(), note=note)
        if a == Action.MERGE:
            return Request(a, into=self.into.text().strip())
        if a == Action.EXTEND:
            return Request(a, days=self.days.value(), reason=reason)
        if a == Action.PARK:
            return Request(a, until=self.until.date().toString("yyyy-MM-dd"), reason=reason)
        if a == Action.VERIFY:
            passed = True if self.passed.isChecked() else False if self.failed.isChecked() else None
            return Request(a, passed=passed, note=note)
        return Request(a, reason=reason, note=note)

    def run(self) -> None:
        """Carry the step out; stay open with the reason when it is refused."""
        try:
            self.result_case = self.submit(self.request(), tuple(self.photos))
        except DomainError as error:
            self.show_error(error_text(error))
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # room for the message without squeezing the fields
