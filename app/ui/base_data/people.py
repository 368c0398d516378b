"""The forms for users: a new user with a first password typed by the administrator, a
change to one (name, role, unit, phone), and a new password the user must change at the
next sign-in. Which role fits which unit, and that an administrator remains, core says."""

from __future__ import annotations

import secrets

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.core.auth import MIN_PASSWORD_LENGTH
from app.core.model import Role, User
from app.store.base_data import reset_password, save_user
from app.store.base_data_import import PASSWORD_LENGTH, PASSWORD_LETTERS
from app.store.reference import departments
from app.ui.base_data.parts import RecordDialog, fixed, hint, line
from app.ui.base_data.units import TIERS
from app.ui.base_data.words import unit_choice
from app.ui.common.i18n import word
from app.ui.common.pickers import CodePicker
from app.ui.common.runner import Operation
from app.ui.common.session import Session

ROLES = (
    Role.CLERK,
    Role.GRID_WORKER,
    Role.DEPARTMENT_OFFICER,
    Role.SUPERVISOR,
    Role.LEADER,
    Role.ADMINISTRATOR,
)


def made_password() -> str:
    """One to read out or write down: no 0/O, 1/l/I to misread."""
    return "".join(secrets.choice(PASSWORD_LETTERS) for _ in range(PASSWORD_LENGTH))


class PasswordField(QWidget):
    """A password the administrator types or has made, shown so it can be handed over."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = line(name)
        self.edit.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_PASSWORD_LENGTH)
        )
        self.make = QPushButton(self.tr("Make one"))
        self.make.setObjectName("flatButton")
        self.make.setAutoDefault(False)
        self.make.setToolTip(self.tr("Fill in a random password that is easy to read out"))
        self.make.clicked.connect(lambda: self.edit.setText(made_password()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.edit, 1)
        row.addWidget(self.make)

    def text(self) -> str:
        return self.edit.text()


class UserDialog(RecordDialog):
    """A new user (``record`` None) or one to change."""

    def __init__(self, session: Session, record: User | None, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setObjectName("userDialog")
        self.record = record
        self.username = line("userUsername", placeholder=self.tr("e.g. wgy20"))
        self.name = line("userName", placeholder=self.tr("e.g. 李四"))
        self.role = QComboBox()
        self.role.setObjectName("userRole")
        for role in ROLES:
            self.role.addItem(word(role), role)
        units = sorted(
            (
                d
                for d in departments(session.db)
                if d.active or (record and d.code == record.department_code)
            ),
            key=lambda d: (TIERS.index(d.tier), d.code),
        )
        self.unit = CodePicker([(unit_choice(d), d.code) for d in units], self.tr("Unit"))
        self.unit.setObjectName("userUnit")
        self.phone = line("userPhone")
        self.password = PasswordField("userPassword")
        if record is None:
            self.form.addRow(self.tr("Username"), self.username)
        else:
            why = self.tr("A user's sign-in name cannot change.")
            self.form.addRow(self.tr("Username"), fixed("userUsernameFixed", record.username, why))
            self.name.setText(record.name)
            self.role.setCurrentIndex(ROLES.index(record.role))
            self.unit.set_code(record.department_code)
            self.phone.setText(record.phone)
        self.form.addRow(self.tr("Real name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "Department officers belong to a stationed or district unit; every other "
                    "role to the township's office."
                )
            ),
        )
        self.form.addRow(self.tr("Phone"), self.phone)
        if record is None:
            self.form.addRow(self.tr("First password"), self.password)
            self.form.addRow("", hint(self.tr("The user must change it at the first sign-in.")))
            self.finish(self.tr("Add a user"), self.tr("A new user"), self.tr("Add"))
            self.username.setFocus()
        else:
            self.finish(
                self.tr("Edit a user"),
                self.tr("User {name}").format(name=f"{record.name}（{record.username}）"),
                self.tr("Save"),
            )
            self.name.setFocus()

    def submit(self) -> Operation | None:
        old = self.record
        record = User(
            id=old.id if old else "",
            username=old.username if old else self.username.text(),
            name=self.name.text(),
            role=Role(self.role.currentData()),
            department_code=self.unit.code(),
            phone=self.phone.text(),
            active=old.active if old else True,
        )
        user, wall, new, password = (
            self.session.user,
            self.session.clock.wall,
            old is None,
            self.password.text(),
        )
        return self.write(
            lambda db: save_user(db, user, record, new=new, wall=wall, password=password)
        )


class ResetPasswordDialog(RecordDialog):
    """The administrator gives a user a new password, to be changed at the next sign-in."""

    def __init__(self, session: Session, record: User, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("resetPasswordDialog")
        self.record = record
        self.password = PasswordField("resetPassword")
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "Hand it to {name} in person. Their old password stops working at once, "
                    "and they must choose their own at the next sign-in."
                ).format(name=record.name)
            ),
        )
        self.finish(
            self.tr("Reset password"),
            self.tr("A new password for {name} ({username})").format(
                name=record.name, username=record.username
            ),
            self.tr("Reset password"),
        )
        self.password.edit.setFocus()

    def submit(self) -> Operation | None:
        user, wall = self.session.user, self.session.clock.wall
        username, password = self.record.username, self.password.text()
        return self.write(lambda db: reset_password(db, user, username, password, wall=wall))
