"""The device key password (设备密钥口令): asked once per session, the keys kept in memory;
not asked at all when the password that unlocked an encrypted database opened them.

The keys are opened on the worker, through the session (argon2 takes a moment by design;
the office's first use writes its enrolment, which the pages hear of). A wrong password
says so in the dialog, which stays open for another try. On the office's first use the
same dialog sets the password, with a second field to confirm it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QWidget,
)
from sqlite_utils import Database

from app.core.errors import DomainError
from app.store.replication import sign_heads_as_written, sign_own_chain_now
from app.sync.enrolment import unlock
from app.sync.keys import MIN_PASSWORD, STRONG, DeviceKeys, KdfCost
from app.sync.status import keys_not_set_up
from app.ui.common.dialog_parts import (
    button_row,
    dialog_layout,
    error_label,
    password_field,
    say_wrong,
)
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.screen import FittedDialog
from app.ui.common.session import Session


class KeyRing(QObject):
    """This device's keys for the session: None until the password is given."""

    changed = Signal()  # unlocked (or set up for the first time)

    def __init__(self, session: Session, parent: QWidget, opened: DeviceKeys | None = None) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.keys: DeviceKeys | None = None
        self.cost: KdfCost = STRONG  # only used when the office's keys are made
        self.dialog: UnlockDialog | None = None
        self.signing = False
        if opened is not None:  # the device password that unlocked the database opened them
            self.keys = opened
            self._sign_as_written(opened)

    @property
    def unlocked(self) -> bool:
        return self.keys is not None

    def set_up(self) -> bool:
        """True while the office has no keys yet: the password given now becomes theirs."""
        return keys_not_set_up(self.session.db, self.session.db_path)

    def request(self, then: Callable[[DeviceKeys], object] | None = None) -> UnlockDialog | None:
        """Call ``then`` with the keys, asking for the password first if need be."""
        if self.keys is not None:
            if then is not None:
                then(self.keys)
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()
            return self.dialog
        dialog = UnlockDialog(self, self.set_up(), self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if then is not None:
            dialog.unlocked.connect(lambda: then(self.keys) if self.keys else None)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def accept_keys(self, keys: DeviceKeys) -> None:
        self.keys = keys
        self._sign_as_written(keys)
        self.changed.emit()

    def _sign_as_written(self, keys: DeviceKeys) -> None:
        """From now on each write of this session signs our chain head in its own
        transaction, and the head is signed at once for what was written before: ``verify``
        then catches an edit anywhere in our log (store/replication.py)."""
        if self.signing:
            return
        self.signing = True

        def work(db: Database) -> None:
            sign_heads_as_written(db, keys.signature)
            sign_own_chain_now(db, keys.signature)

        self.session.write(work)


class UnlockDialog(FittedDialog):
    unlocked = Signal()

    def __init__(self, ring: KeyRing, set_up: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ring, self.set_up = ring, set_up
        self.operation: Operation | None = None
        self.setObjectName("unlockDialog")
        self.setWindowTitle(
            self.tr("Set the device key password") if set_up else self.tr("Device key password")
        )
        if set_up:
            text = self.tr(
                "This office PC has no device keys yet. Choose the device key password now "
                "(at least {limit} characters). It is asked for before importing or exporting "
                "sync files. Keep it safe: without it this PC cannot open sync files."
            ).format(limit=MIN_PASSWORD)
        else:
            text = self.tr(
                "Sync files are signed and encrypted with this device's keys. Enter the "
                "device key password; it is asked for once per sign-in."
            )
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.password = password_field("keyPassword")
        self.confirm = password_field("keyPasswordAgain")
        self.error = error_label()
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Password"), self.password)
        if set_up:
            form.addRow(self.tr("Again"), self.confirm)
        else:
            self.confirm.hide()
        self.ok_text = self.tr("Set password") if set_up else self.tr("Unlock")
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.ok_text, self.tr("Cancel"), self.submit
        )
        layout = dialog_layout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.password.setFocus()

    def busy(self) -> bool:
        return self.operation is not None

    def reject(self) -> None:
        if not self.busy():  # the keys are being opened (or made): let it finish
            super().reject()

    def _set_busy(self, operation: Operation | None) -> None:
        self.operation = operation
        self.ok_button.setText(self.ok_text if operation is None else self.tr("Opening the keys…"))
        self.ok_button.setEnabled(operation is None)
        self.cancel_button.setEnabled(operation is None)
        self.password.setEnabled(operation is None)
        self.confirm.setEnabled(operation is None)

    def _settled(self) -> None:
        if self.busy():  # an unexpected error went to the error dialog: let the user retry
            self._set_busy(None)

    def show_error(self, text: str) -> None:
        say_wrong(self.error, text, self.password)
        self.refit()

    def submit(self) -> Operation | None:
        password = self.password.text()
        if not password:
            self.show_error(self.tr("Enter the device key password."))
            return None
        if self.set_up and password != self.confirm.text():
            self.show_error(self.tr("The two passwords differ. Type them again."))
            self.confirm.clear()
            return None
        self.error.hide()
        session, cost = self.ring.session, self.ring.cost
        # only the administrator sets up the office's keys (unlock checks the user)
        user, database, wall = session.user, session.db_path, session.clock.wall

        def work(db: Database) -> DeviceKeys:
            return unlock(db, database, password, cost, user, wall=wall)

        def unlocked(keys: DeviceKeys) -> None:
            self._set_busy(None)
            self.ring.accept_keys(keys)
            self.unlocked.emit()
            self.accept()

        def refused(error: DomainError) -> None:
            self._set_busy(None)
            self.show_error(error_text(error))  # wrong password: say so, ask again

        # Through the session: the office's first unlock makes its keys and enrols it (events
        # every page hears of). No progress dialog (no label): opening the keys takes about a
        # second at most and must not be cancelled halfway through making the office's keys.
        operation = session.write(work, unlocked, refused, settled=self._settled)
        self._set_busy(operation)
        return operation
