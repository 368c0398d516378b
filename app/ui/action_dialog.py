"""One small dialog per step of the case path, asking only for what that step needs.

The dialog builds a ``Request`` and hands it to ``submit``; a refusal (DomainError) is shown
inside the dialog in plain words and the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from app.core.errors import DomainError
from app.core.model import Case, Tier, Urgency
from app.core.workflow import Action, Request
from app.store.reference import ReferenceData
from app.ui.case_path import now_in_china
from app.ui.i18n import action_word, error_text

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


class ActionDialog(QDialog):
    def __init__(
        self,
        action: Action,
        case: Case,
        ref: ReferenceData,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action, self.case, self.ref, self.submit = action, case, ref, submit
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
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

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
            self.helpers = QListWidget()
            self.helpers.setObjectName("cooperatingUnits")
            for name, code in self._units((Tier.X, Tier.ONE)):
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.helpers.addItem(item)
            self.helpers.setFixedHeight(150)
            self.lead.currentIndexChanged.connect(self._hide_lead)
            self._hide_lead()
            self.form.addRow(self.tr("Lead unit"), self.lead)
            self.form.addRow(self.tr("Cooperating units"), self.helpers)
        elif a == Action.CALL:
            self.called = QComboBox()
            for name, code in self._units((Tier.Y,)):
                self.called.addItem(name, code)
            self.duty_phone = QLabel()
            self.duty_phone.setObjectName("dutyPhone")
            self.duty_phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.called.currentIndexChanged.connect(self._show_phone)
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
            self.reason = self._text()
            self.form.addRow(self.tr("Suspected offence"), self.offence)
            self.form.addRow(self.tr("Reason"), self.reason)
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
            today = now_in_china().date()
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
            question = QLabel(
                self.tr("{action} case {number}?").format(
                    action=action_word(a), number=self.case.number
                )
            )
            question.setObjectName("confirmText")
            question.setWordWrap(True)
            self.form.addRow(question)
            if a in CALL_STEPS:
                self.note = QPlainTextEdit()
                self.note.setTabChangesFocus(True)
                self.note.setPlaceholderText(self.tr("Optional: who phoned it in, what they said"))
                self.note.setFixedHeight(56)
                self.form.addRow(self.tr("Note"), self.note)

    def _hide_lead(self) -> None:
        """The lead unit cannot also cooperate: it leaves the list while it leads."""
        lead = self.lead.currentData()
        for i in range(self.helpers.count()):
            item = self.helpers.item(i)
            leads = item.data(Qt.ItemDataRole.UserRole) == lead
            item.setHidden(leads)
            if leads:
                item.setCheckState(Qt.CheckState.Unchecked)

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
        if a == Action.DISPATCH:
            helpers = tuple(
                self.helpers.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.helpers.count())
                if self.helpers.item(i).checkState() == Qt.CheckState.Checked
            )
            return Request(a, to=self.lead.currentData(), with_units=helpers)
        if a == Action.CALL:
            return Request(
                a, to=self.called.currentData(), urgent=self.urgent.isChecked(), reason=reason
            )
        if a == Action.TRANSFER:
            return Request(a, to=self.authority.text().strip(), reason=reason)
        if a == Action.TRANSFER_POLICE:
            return Request(a, offence=self.offence.text().strip(), reason=reason)
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
