"""Revoke a device (a lost, stolen or retired laptop): a reason, then no way back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget
from sqlite_utils import Database

from app.store.devices import DeviceRecord, device_label, revoke_device
from app.ui.common.dialog_parts import StoreDialog, button_row, dialog_layout, question_label
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.sync.words import device_kind_word


class RevokeDialog(StoreDialog):
    """Asks why, says what revoking means, and revokes on confirmation."""

    revoked = Signal(object)  # DeviceRecord

    def __init__(
        self, session: Session, device: DeviceRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.device = device
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

    def submit(self) -> Operation | None:
        """Revoke on the worker; None when there is no reason yet."""
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("Say why the device is revoked."))
            self.error.show()
            self.reason.setFocus()
            return None
        user, device_id, wall = self.session.user, self.device.id, self.session.clock.wall

        def work(db: Database) -> DeviceRecord:
            return revoke_device(db, user, device_id, reason, wall=wall)

        return self.written(work, self.revoked)
