"""Revoke a device (a lost, stolen or retired laptop): a reason, then no way back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.store.devices import DeviceRecord, device_label, revoke_device
from app.ui.dialog_parts import button_row, dialog_layout, error_label, question_label
from app.ui.i18n import error_text
from app.ui.sync_words import device_kind_word


class RevokeDialog(QDialog):
    """Asks why, says what revoking means, and revokes on confirmation."""

    revoked = Signal(object)  # DeviceRecord

    def __init__(
        self,
        db: Database,
        user: User,
        device: DeviceRecord,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.device, self.clock = db, user, device, clock
        self.setObjectName("revokeDialog")
        self.setWindowTitle(self.tr("Revoke a device"))
        self.question = question = question_label(
            self.tr("Revoke {device} ({kind})?").format(
                device=device_label(device), kind=device_kind_word(device.kind, device.department)
            )
        )
        text = QLabel(
            self.tr(
                "Do this for a lost, stolen or retired laptop. From now on its sync files are "
                "refused, and records it made beyond what the office already holds are never "
                "accepted. Revoking cannot be undone: to use the laptop again, enrol it anew."
            )
        )
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("revokeReason")
        self.reason.setPlaceholderText(self.tr("e.g. laptop lost on 3 March"))
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        self.error = error_label()
        buttons, self.ok_button, self.cancel_button = button_row(  # Enter alone never revokes
            self, self.tr("Revoke the device"), self.tr("Cancel"), self.submit, False
        )
        layout = dialog_layout(self)
        layout.addWidget(question)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        QWidget.setTabOrder(self.reason, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)
        self.reason.setFocus()

    def submit(self) -> DeviceRecord | None:
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("Say why the device is revoked."))
            self.error.show()
            self.reason.setFocus()
            return None
        try:
            record = revoke_device(self.db, self.user, self.device.id, reason, wall=self.clock.wall)
        except DomainError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return None
        self.revoked.emit(record)
        self.accept()
        return record
