"""The signed-in user's own account: changing one's password, and the ways of leaving the
window (quitting, signing out, switching user) that the sign-in loop (ui/app.py) follows.

A password the administrator set (a new user, a reset) must be changed at the first
sign-in: the same dialog is then shown before the window opens, and cannot be skipped;
its Cancel signs out. The store checks the current password and the new one
(``change_own_password``); the dialog only checks that the new one was typed the same twice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.core.auth import MIN_PASSWORD_LENGTH
from app.core.errors import DomainError
from app.store.base_data import change_own_password
from app.ui.common.dialog_parts import (
    StoreDialog,
    field_form,
    password_field,
    question_label,
    say_wrong,
)
from app.ui.common.session import Session

# why the window closed: the sign-in loop quits, or asks who signs in next
QUIT, SIGN_OUT, SWITCH_USER = "quit", "sign_out", "switch_user"


class ChangePasswordDialog(StoreDialog):
    changed = Signal(object)  # None: the password was changed

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        forced: bool = False,
        current: str = "",
    ) -> None:
        """``current``: the password just typed at sign-in; it is not asked for again."""
        super().__init__(session, parent)
        self.forced = forced
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        if forced:
            question = question_label(
                self.tr(
                    "{name}, your password was set by the administrator. Choose your own "
                    "before you go on."
                ).format(name=session.user.name)
            )
        else:
            question = question_label(
                self.tr("Change the password of {name} ({username}).").format(
                    name=session.user.name, username=session.user.username
                )
            )
        self.current = password_field("currentPassword")
        self.new = password_field("newPassword")
        self.again = password_field("newPasswordAgain")
        rule = QLabel(
            self.tr("At least {limit} characters, different from the current one.").format(
                limit=MIN_PASSWORD_LENGTH
            )
        )
        rule.setObjectName("hintText")
        rule.setWordWrap(True)
        form = field_form()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        form.addRow("", rule)
        if current:
            self.current.setText(current)
            form.setRowVisible(self.current, False)
        self.arrange(question, form, self.tr("Change password"), self.submit, width=440)
        if forced:
            self.cancel_button.setText(self.tr("Sign out"))
        for first, second in (
            (self.current, self.new),
            (self.new, self.again),
            (self.again, self.ok_button),
            (self.ok_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)
        (self.new if current else self.current).setFocus()

    def _show(self, text: str, field: QLineEdit) -> None:
        say_wrong(self.error, text, field)
        self.refit()

    def submit(self) -> object:
        if not self.current.text():
            return self._show(self.tr("Type your current password."), self.current)
        if self.new.text() != self.again.text():
            self.again.clear()
            return self._show(self.tr("The two new passwords differ. Type it again."), self.again)
        user, wall = self.session.user, self.session.clock.wall
        old, new = self.current.text(), self.new.text()
        return self.written(
            lambda db: change_own_password(db, user, old, new, wall=wall), self.changed
        )

    def refused(self, error: DomainError) -> None:
        super().refused(error)
        field = self.current if error.code == "password_old_wrong" else self.new
        field.setFocus()
        field.selectAll()
