"""The setup wizard's pages but the data page and the last: the township, the
administrator and the last look before creating. Each page checks its fields before Next with
the domain's own checks and says what is wrong on the page."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.core.auth import MIN_PASSWORD_LENGTH
from app.core.base_data import check_code, check_name
from app.core.base_data_sheets import CATEGORIES, DEPARTMENTS, GRIDS, USERS
from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import Township
from app.core.numbering import case_number
from app.store.new_township import Created, TownshipPlan
from app.store.setup import ADMIN_USERNAME, TOWNSHIP_CODE_LIMIT
from app.ui.common.dialog_parts import error_label, hint_label, password_field, say_wrong
from app.ui.common.i18n import error_text
from app.ui.setup.data_page import NOTHING, STANDARD, DataPage


class Owner(Protocol):
    """What the last two pages ask of the wizard (setup/wizard.py)."""

    db_path: Path
    data_page: DataPage
    outcome: Created | None

    def plan(self) -> TownshipPlan: ...

    def create(self) -> object: ...


OPENS, CLOSES = QTime(8, 30), QTime(17, 30)
EXAMPLE_DEVICE = "AB"


def page_layout(page: QWizardPage, intro: QLabel) -> QVBoxLayout:
    """The page's introduction on top (no subtitle: every page shows its title large)."""
    intro.setWordWrap(True)
    layout = QVBoxLayout(page)
    layout.setSpacing(10)
    layout.addWidget(intro)
    layout.addSpacing(4)
    return layout


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setVerticalSpacing(8)
    form.setHorizontalSpacing(14)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


class CheckedPage(QWizardPage):
    """A page with a red line for what is wrong, shown when Next is refused."""

    def __init__(self) -> None:
        super().__init__()
        self.error = error_label()

    def refuse(self, text: str, field: QWidget | None = None) -> bool:
        say_wrong(self.error, text, field)
        return False

    def passed(self) -> bool:
        self.error.hide()
        return True

    def watch(self, *fields: QLineEdit | QTimeEdit) -> None:
        """What is wrong goes away as soon as the user changes something."""
        for field in fields:
            if isinstance(field, QLineEdit):
                field.textEdited.connect(self.error.hide)
            else:
                field.timeChanged.connect(self.error.hide)


class TownshipPage(CheckedPage):
    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock
        self.authority_edited = False
        self.setTitle(self.tr("Our township"))
        intro = QLabel(
            self.tr("How TownDesk names the township, numbers its cases and signs its documents.")
        )
        self.name = QLineEdit()
        self.name.setObjectName("townshipName")
        self.name.setPlaceholderText(self.tr("e.g. Baishi Town"))
        self.name.textChanged.connect(self._name_changed)
        self.code = QLineEdit()
        self.code.setObjectName("townshipCode")
        self.code.setMaxLength(TOWNSHIP_CODE_LIMIT)
        self.code.setMaximumWidth(120)
        self.code.setPlaceholderText("BS")
        self.code.textEdited.connect(self._code_edited)
        self.code_hint = hint_label("")
        self.authority = QLineEdit()
        self.authority.setObjectName("townshipAuthority")
        self.authority.textEdited.connect(lambda _text: setattr(self, "authority_edited", True))
        authority_hint = hint_label(
            self.tr(
                "Printed on notices and letters as the enforcement authority: the township "
                "people's government, which holds the enforcement powers, not its office."
            )
        )
        self.address = QLineEdit()
        self.address.setObjectName("officeAddress")
        self.phone = QLineEdit()
        self.phone.setObjectName("dutyPhone")
        self.phone.setMaximumWidth(220)
        self.opens = QTimeEdit(OPENS)
        self.closes = QTimeEdit(CLOSES)
        hours = QHBoxLayout()
        hours.setSpacing(8)
        for edit in (self.opens, self.closes):
            edit.setDisplayFormat("HH:mm")
            edit.setMinimumWidth(90)
        self.opens.setObjectName("opens")
        self.closes.setObjectName("closes")
        hours.addWidget(self.opens)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.closes)
        hours.addStretch(1)
        hours_hint = hint_label(self.tr("Working-day deadlines end at closing time."))
        for edit in (self.opens, self.closes):
            edit.setMinimumHeight(self.phone.sizeHint().height())
        self.watch(self.name, self.code, self.authority, self.opens, self.closes)
        form = _form()
        form.addRow(self.tr("Township name"), self.name)
        form.addRow(self.tr("Township code"), self.code)
        form.addRow("", self.code_hint)
        form.addRow(self.tr("Issuing authority"), self.authority)
        form.addRow("", authority_hint)
        form.addRow(self.tr("Office address"), self.address)
        form.addRow(self.tr("Duty phone"), self.phone)
        form.addRow(self.tr("Office hours"), hours)
        form.addRow("", hours_hint)
        layout = page_layout(self, intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._code_edited(self.code.text())

    def _name_changed(self, name: str) -> None:
        if not self.authority_edited:  # DOMAIN.md §8: by default its people's government
            self.authority.setText(Township(name.strip(), "").issuer if name.strip() else "")

    def _code_edited(self, text: str) -> None:
        upper = text.upper()
        if upper != text:
            position = self.code.cursorPosition()
            self.code.setText(upper)
            self.code.setCursorPosition(position)
        example = case_number(upper.strip() or "BS", self.clock.today().isoformat(),
                              EXAMPLE_DEVICE, 1)  # fmt: skip
        self.code_hint.setText(
            self.tr(
                "Capital letters or digits, at most {limit}: the first part of every case "
                "number, as in {example}. It cannot be changed later."
            ).format(limit=TOWNSHIP_CODE_LIMIT, example=example)
        )

    def validatePage(self) -> bool:
        try:
            check_name(self.name.text())
        except DomainError:
            return self.refuse(self.tr("Enter the township's name."), self.name)
        if not self.code.text().strip():
            return self.refuse(self.tr("Enter the township's code."), self.code)
        try:
            check_code(self.code.text(), TOWNSHIP_CODE_LIMIT)
        except DomainError as error:
            return self.refuse(error_text(error), self.code)
        try:
            check_name(self.authority.text())
        except DomainError:
            return self.refuse(
                self.tr("Enter the full name of the issuing authority."), self.authority
            )
        if self.opens.time() >= self.closes.time():  # the store's rule, said before Next
            value = f"{self.opens.time().toString('HH:mm')}-{self.closes.time().toString('HH:mm')}"
            return self.refuse(error_text(DomainError("office_hours_invalid", value=value)),
                               self.closes)  # fmt: skip
        return self.passed()


class AdminPage(CheckedPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The administrator"))
        intro = QLabel(
            self.tr(
                "The administrator sets up departments, grids, users, the three lists and "
                "field laptops. Choose the password for the user name admin."
            )
        )
        username = QLabel(ADMIN_USERNAME)
        username.setObjectName("adminUsername")
        self.password = password_field("adminPassword")
        self.again = password_field("adminPasswordAgain")
        self.watch(self.password, self.again)
        password_hint = hint_label(
            self.tr(
                "At least {limit} characters. Keep it somewhere safe: without it nobody can "
                "add users or reset their passwords."
            ).format(limit=MIN_PASSWORD_LENGTH)
        )
        form = _form()
        form.addRow(self.tr("User name"), username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        form.addRow("", password_hint)
        layout = page_layout(self, intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.password.setFocus()

    def validatePage(self) -> bool:
        if len(self.password.text()) < MIN_PASSWORD_LENGTH:
            too_short = DomainError("password_too_short", limit=MIN_PASSWORD_LENGTH)
            return self.refuse(error_text(too_short), self.password)
        if self.password.text() != self.again.text():
            self.again.clear()
            return self.refuse(self.tr("The two passwords differ. Type it again."), self.again)
        return self.passed()


class ConfirmPage(CheckedPage):
    """A last look; its button creates the township, and there is no way back after."""

    def __init__(self, wizard: Owner) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Ready to create"))
        intro = QLabel(self.tr("Check what you entered. Go back to change anything."))
        self.setCommitPage(True)
        self.rows: dict[str, QLabel] = {}
        form = _form()
        for key, text in (
            ("township", self.tr("Township")),
            ("authority", self.tr("Issuing authority")),
            ("office", self.tr("Office address and phone")),
            ("hours", self.tr("Office hours")),
            ("admin", self.tr("Administrator")),
            ("data", self.tr("Starting base data")),
            ("path", self.tr("Database file")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.rows[key] = value
            form.addRow(text, value)
        self.working = hint_label(self.tr("Creating the township…"))
        self.working.hide()
        layout = page_layout(self, intro)
        layout.addLayout(form)
        layout.addWidget(self.working)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan, data = self.owner.plan(), self.owner.data_page
        office = " · ".join(part for part in (plan.address, plan.duty_phone) if part)
        self.rows["township"].setText(f"{plan.name}（{plan.code}）")
        self.rows["authority"].setText(plan.authority)
        self.rows["office"].setText(office or "—")
        self.rows["hours"].setText(f"{plan.opens}–{plan.closes}")
        self.rows["admin"].setText(
            self.tr("user name {username}, with the password you chose").format(
                username=ADMIN_USERNAME
            )
        )
        counts = data.counts()
        if data.choice() == NOTHING:
            what = self.tr("Nothing for now")
        elif data.choice() == STANDARD:
            what = self.tr("The standard starting set: {departments} departments, {categories} "
                           "problem categories")  # fmt: skip
        else:
            what = self.tr("{file}: {departments} departments, {grids} grids, {categories} "
                           "problem categories, {users} users")  # fmt: skip
        self.rows["data"].setText(
            what.format(
                file=data.workbook_path.name if data.workbook_path else "",
                departments=counts.get(DEPARTMENTS, 0),
                grids=counts.get(GRIDS, 0),
                categories=counts.get(CATEGORIES, 0),
                users=counts.get(USERS, 0),
            )
        )
        self.rows["path"].setText(str(self.owner.db_path))
        self.error.hide()

    def show_working(self) -> None:
        self.error.hide()
        self.working.show()

    def show_error(self, text: str) -> None:
        self.working.hide()
        self.refuse(text)

    def validatePage(self) -> bool:
        if self.owner.outcome is not None:
            return True
        self.owner.create()
        return False
