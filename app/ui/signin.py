"""Sign-in: user name, password, Enter; errors inline; a countdown while a wait is imposed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.store.signin import sign_in
from app.ui.common.countdown import Countdown
from app.ui.common.i18n import error_text
from app.ui.common.screen import FittedDialog

WAIT_CODES = ("sign_in_locked", "password_wrong_wait")


class SignInDialog(FittedDialog):
    def __init__(
        self,
        db: Database,
        township_name: str,
        clock: Clock,
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.user: User | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — TownDesk"))
        title = QLabel(township_name)
        title.setObjectName("signInTownship")
        subtitle = QLabel(self.tr("Comprehensive Enforcement Desk"))
        subtitle.setObjectName("signInSubtitle")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(self.tr("Sign in"))
        self.button.setObjectName("primaryButton")
        self.button.setDefault(True)  # Enter in either field signs in
        self.button.clicked.connect(self.try_sign_in)
        self.countdown = Countdown(self.button)  # the wait after wrong passwords
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(subtitle, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        self.setMinimumWidth(380)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> User | None:
        if self.countdown.seconds > 0:
            return None
        if not self.username.text().strip():
            self._show_error(self.tr("Enter your user name."))
            self.username.setFocus()
            return None
        try:
            user = sign_in(
                self.db, self.username.text(), self.password.text(), now_ms=self.clock.wall
            )
        except DomainError as error:
            self._show_error(error_text(error))
            self.password.selectAll()
            self.password.setFocus()
            if error.code in WAIT_CODES:
                self.countdown.start(int(error.params.get("seconds", 0)))
            return None
        self.user = user
        self.accept()
        return user

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.refit()
