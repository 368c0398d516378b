"""Unlock: an encrypted database asks for the device password before anyone signs in.

The password opens the device's key file and, with the key inside, the database (see
``sync/unlocking.py``). A wrong password slows the next try down as sign-in does
(``core.auth.wait_after``), counted in this dialog: nothing can be written to a database
that is not open yet. The real brake is argon2id's cost on every try, which also holds for
an attacker with a copy of the files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.core.auth import wait_after
from app.core.errors import DomainError
from app.store.encryption import DatabaseFile
from app.sync.keys import DeviceKeys
from app.sync.unlocking import unlock_device
from app.ui.common.countdown import Countdown
from app.ui.common.i18n import error_text
from app.ui.common.screen import FittedDialog


class DeviceUnlockDialog(FittedDialog):
    """Accepted once ``database`` (the path and its key) is known."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.database: DatabaseFile | None = None
        self.keys: DeviceKeys | None = None  # opened by the same password: they sign as we write
        self.failures = 0
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock — TownDesk"))
        title = QLabel(self.tr("This computer's data is encrypted"))
        title.setObjectName("signInTownship")
        explain = QLabel(
            self.tr(
                "Enter the device password to open it. It is the password given with the "
                "enrolment file (on the office PC: the sync key password)."
            )
        )
        explain.setWordWrap(True)
        where = QLabel(str(db_path))
        where.setObjectName("hintLabel")
        where.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("devicePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("primaryButton")
        self.button.setDefault(True)  # Enter unlocks; Esc closes (and quits)
        self.button.clicked.connect(self.try_unlock)
        self.countdown = Countdown(self.button)  # the wait after wrong passwords
        form = QFormLayout()
        form.addRow(self.tr("Device password"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(explain)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.button)
        self.setMinimumWidth(420)
        self.password.setFocus()

    def try_unlock(self) -> DatabaseFile | None:
        if self.countdown.seconds > 0:
            return None
        if not self.password.text():
            self._show_error(self.tr("Enter the device password."))
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # argon2: a moment
        try:
            database, self.keys = unlock_device(self.db_path, self.password.text())
        except DomainError as error:
            self._refused(error)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.database = database
        self.accept()
        return database

    def _refused(self, error: DomainError) -> None:
        self.password.selectAll()
        self.password.setFocus()
        if error.code != "key_password_wrong":  # a missing or damaged key file: no retry helps
            self._show_error(error_text(error))
            return
        self.failures += 1
        wait = wait_after(self.failures)
        if wait:
            shown = DomainError("device_password_wrong_wait", failures=self.failures, seconds=wait)
        else:
            shown = DomainError("device_password_wrong")
        self._show_error(error_text(shown))
        if wait:
            self.countdown.start(wait)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.refit()
