"""The sync page (同步): this device, export to a peer, import a file, and the history;
on the office PC the administrator also enrols and revokes devices here.

Export and import run on the background worker, through the session, which tells every
page what changed. An import is checked first (``verify_file``), previewed, and only then
applied. The device keys are asked for once per session (``KeyRing``); nothing here needs
them until a file is written or read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.permissions import MANAGE_REFERENCE_DATA, may
from app.store.cases import case_by_number
from app.store.changes import EVERYTHING
from app.store.devices import DeviceRecord, device_label
from app.sync.enrolment import Enrolled
from app.sync.keys import DeviceKeys
from app.sync.status import backlog, here, keys_not_set_up, peers
from app.ui.common.field_banner import field_can_do
from app.ui.common.keys import KeyRing
from app.ui.common.page import Page
from app.ui.common.session import Session
from app.ui.sync.enrol import EnrolDialog
from app.ui.sync.lists import ConflictList, DeviceList, HistoryList
from app.ui.sync.notice import RefusalPanel
from app.ui.sync.revoke import RevokeDialog
from app.ui.sync.transfer import SyncTransfer, remember_folder
from app.ui.sync.words import device_kind_word

STYLE = """
#syncDevice, #syncActions {
    background: #ffffff; border: 1px solid #d9e0e8; border-radius: 6px;
}
#syncDeviceTitle { color: #1d4e89; font-weight: bold; font-size: 11.5pt; }
#syncFieldText { color: #085d3a; }
"""


class SyncPage(Page):
    # Every record of every kind is an event that waits to be exported ("{n} records wait"),
    # and sync files, devices and conflicts change with them: any write concerns this page.
    shows = EVERYTHING.kinds

    def __init__(self, session: Session, keyring: KeyRing, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.db, self.user, self.keyring = session.db, session.user, keyring  # db: quick reads
        self.setStyleSheet(STYLE)
        self.transfer = SyncTransfer(self, session, keyring)
        self.transfer.busy_changed.connect(self._set_busy)
        self.transfer.message.connect(self.message)
        title = QLabel(self.tr("Sync"))
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "The office PC and the field laptops exchange sync files (同步包) by USB stick "
                "or shared folder. Each file is signed and encrypted: only the device it is "
                "for (and the office) can open it."
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self._device_card())
        self.refusals = RefusalPanel()  # a refused file: why, and what to do
        layout.addWidget(self.refusals)
        layout.addWidget(self._actions())
        self.conflicts_title = self._section("")
        self.conflicts = ConflictList()
        self.conflicts.number_activated.connect(
            lambda number: self.case_activated.emit(case_by_number(self.db, number))
        )
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts)
        layout.addLayout(self._device_heading())
        self.devices = DeviceList()
        self.devices.itemSelectionChanged.connect(self._device_chosen)
        self.devices.itemActivated.connect(lambda _item, _column: self._device_chosen())
        layout.addWidget(self.devices)
        layout.addWidget(self._section(self.tr("Sync files written and read here")))
        self.history = HistoryList()
        self.empty_history = QLabel(self.tr("No sync file has been written or read here yet."))
        self.empty_history.setObjectName("emptyLabel")
        layout.addWidget(self.empty_history, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.history, 1)
        keyring.changed.connect(self.refresh)

    # -- building ---------------------------------------------------------------------------

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    def _device_card(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("syncDevice")
        self.device_title = QLabel()
        self.device_title.setObjectName("syncDeviceTitle")
        self.field_text = QLabel()
        self.field_text.setObjectName("syncFieldText")
        self.field_text.setWordWrap(True)
        self.key_state = QLabel()
        self.key_state.setObjectName("syncKeyState")
        self.key_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unlock_button = QPushButton()
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(lambda: self.keyring.request())
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.device_title)
        text.addWidget(self.field_text)
        text.addWidget(self.key_state)
        row = QHBoxLayout(frame)
        row.setContentsMargins(14, 10, 14, 10)
        row.addLayout(text, 1)
        row.addWidget(self.unlock_button)
        return frame

    def _device_heading(self) -> QHBoxLayout:
        """The section title, and for the office's administrator: enrol and revoke."""
        self.enrol_button = QPushButton(self.tr("Enrol a field laptop…"))
        self.enrol_button.setAutoDefault(False)
        self.enrol_button.setToolTip(
            self.tr("Write an enrolment file that makes a new laptop a device of the township")
        )
        self.enrol_button.clicked.connect(self.start_enrol)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setAutoDefault(False)
        self.revoke_button.setToolTip(
            self.tr("Stop trusting the selected device (a lost or retired laptop)")
        )
        self.revoke_button.clicked.connect(self.start_revoke)
        self.enrol_dialog: EnrolDialog | None = None
        self.revoke_dialog: RevokeDialog | None = None
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self._section(self.tr("Devices of the township")))
        row.addStretch(1)
        row.addWidget(self.enrol_button)
        row.addWidget(self.revoke_button)
        return row

    def _actions(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("syncActions")
        caption = QLabel(self.tr("Export to"))
        caption.setObjectName("fieldName")
        self.peer = QComboBox()
        self.peer.setObjectName("syncPeer")
        self.peer.setMinimumWidth(330)
        self.peer.currentIndexChanged.connect(self._show_waiting)
        self.full = QCheckBox(self.tr("Full export (a new or reinstalled laptop)"))
        self.full.setToolTip(
            self.tr(
                "Sends every record, not only what the peer has not confirmed yet. "
                "Use it when a laptop starts afresh."
            )
        )
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("primaryButton")
        self.export_button.setToolTip(self.tr("Write a sync file for the chosen device"))
        self.export_button.clicked.connect(self.start_export)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.setToolTip(self.tr("Check a sync file, see what it brings, import it"))
        self.import_button.clicked.connect(self.start_import)
        self.waiting = QLabel()
        self.waiting.setObjectName("hintText")
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(caption)
        row.addWidget(self.peer)
        row.addWidget(self.full)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        column = QVBoxLayout(frame)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(6)
        column.addLayout(row)
        column.addWidget(self.waiting)
        return frame

    # -- reading ----------------------------------------------------------------------------

    def reread(self) -> None:
        """Devices, conflicts and history."""
        self._show_device()
        self.refusals.fill(self.db)
        self._fill_peers()
        conflicts = self.conflicts.fill(self.db)
        self.conflicts_title.setText(
            self.tr("Cases with a sync conflict to settle ({count}): double-click to open").format(
                count=conflicts
            )
        )
        self.conflicts_title.setVisible(bool(conflicts))
        self.conflicts.setVisible(bool(conflicts))
        chosen = self.devices.selected_device()
        self.devices.fill(self.db)
        if chosen is not None:
            self.devices.select(chosen.id)
        self._show_device_buttons()
        empty = not self.history.fill(self.db)
        self.empty_history.setVisible(empty)
        self.history.setVisible(not empty)

    def _show_device(self) -> None:
        device = here(self.db)
        self.field_text.setVisible(not device.is_office)
        self.field_text.setText(field_can_do(device.kind))
        kind = device_kind_word(device.kind) if device.kind else ""
        if device.record is None:  # the office before its keys: not enrolled, no name yet
            title = self.tr("This device: code {code} · {kind}").format(code=device.code, kind=kind)
        else:
            title = self.tr("This device: {name} · code {code} · {kind}").format(
                name=device.record.name, code=device.code, kind=kind
            )
        self.device_title.setText(title)
        if self.keyring.keys is not None:
            state = self.tr("Device keys unlocked · fingerprint {fingerprint}").format(
                fingerprint=self.keyring.keys.public.fingerprint
            )
            self.unlock_button.hide()
        elif keys_not_set_up(self.db, self.session.db_path):
            state = self.tr(
                "Device keys not set up yet: set the device key password before the first "
                "export or import."
            )
            self.unlock_button.setText(self.tr("Set up device keys…"))
            self.unlock_button.show()
        else:
            state = self.tr(
                "Device keys locked: the device key password is asked for at the first "
                "export or import."
            )
            self.unlock_button.setText(self.tr("Unlock…"))
            self.unlock_button.show()
        self.key_state.setText(state)

    def _fill_peers(self) -> None:
        chosen = self.peer.currentData()
        self.peer.blockSignals(True)
        self.peer.clear()
        for record in peers(self.db):
            self.peer.addItem(f"{device_label(record)} · {device_kind_word(record.kind)}", record)
        if self.peer.count() == 0:
            self.peer.addItem(self.tr("No other device is enrolled yet"), None)
        index = next(
            (
                i
                for i in range(self.peer.count())
                if chosen is not None
                and isinstance(self.peer.itemData(i), DeviceRecord)
                and self.peer.itemData(i).id == chosen.id
            ),
            0,
        )
        self.peer.setCurrentIndex(index)
        self.peer.blockSignals(False)
        has_peer = self.chosen_peer() is not None
        self.peer.setEnabled(has_peer)
        self.full.setEnabled(has_peer)
        self.export_button.setEnabled(has_peer and not self.transfer.busy)
        self.import_button.setEnabled(not self.transfer.busy)
        self._show_waiting()

    def chosen_peer(self) -> DeviceRecord | None:
        data = self.peer.currentData()
        return data if isinstance(data, DeviceRecord) else None

    def _show_waiting(self) -> None:
        peer = self.chosen_peer()
        if peer is None:
            self.waiting.setText(
                self.tr("The office enrols field laptops; each one then appears here to export to.")
            )
            return
        waiting = backlog(self.db, peer.id)
        if waiting.waiting:
            text = self.tr("{n} records wait to be exported to {peer}.")
        elif waiting.unconfirmed:
            text = self.tr(
                "Everything is exported to {peer}; {m} records wait for it to confirm "
                "receipt (with its next sync file)."
            )
        else:
            text = self.tr("{peer} has every record of this device.")
        self.waiting.setText(
            text.format(n=f"{waiting.waiting:,}", m=f"{waiting.unconfirmed:,}", peer=peer.name)
        )

    # -- enrolling and revoking devices -------------------------------------------------------

    def may_manage_devices(self) -> bool:
        """The administrator, on the office PC (the domain checks it again)."""
        return may(self.user.role, MANAGE_REFERENCE_DATA) and here(self.db).is_office

    def _show_device_buttons(self) -> None:
        manage = self.may_manage_devices()
        self.enrol_button.setVisible(manage)
        self.revoke_button.setVisible(manage)
        self._device_chosen()

    def revocable(self) -> DeviceRecord | None:
        """The selected device if it may be revoked: a laptop, not revoked yet."""
        device = self.devices.selected_device()
        if device is None or device.kind == "office" or device.revoked:
            return None
        return device if device.id != here(self.db).id else None

    def _device_chosen(self) -> None:
        self.revoke_button.setEnabled(self.revocable() is not None)

    def start_enrol(self) -> None:
        if not self.may_manage_devices() or self.enrol_dialog is not None:
            return
        self.keyring.request(self._enrol_with)

    def _enrol_with(self, keys: DeviceKeys) -> EnrolDialog | None:
        if self.enrol_dialog is not None:
            return None
        folder, cost = self.transfer.folder(), self.keyring.cost
        dialog = EnrolDialog(self.session, keys, folder, cost, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.enrolled.connect(self._enrolled)
        dialog.finished.connect(lambda _result: setattr(self, "enrol_dialog", None))
        self.enrol_dialog = dialog
        dialog.open()
        return dialog

    def _enrolled(self, result: Enrolled) -> None:
        remember_folder(self.session, result.path)
        self.message.emit(
            self.tr("{name} enrolled: {path}").format(name=result.device.name, path=result.path)
        )

    def start_revoke(self) -> RevokeDialog | None:
        device = self.revocable()
        if device is None or not self.may_manage_devices():
            return None
        dialog = RevokeDialog(self.session, device, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.revoked.connect(self._revoked)
        dialog.finished.connect(lambda _result: setattr(self, "revoke_dialog", None))
        self.revoke_dialog = dialog
        dialog.open()
        return dialog

    def _revoked(self, record: DeviceRecord) -> None:
        self.message.emit(
            self.tr("{name} revoked: its sync files are refused from now on.").format(
                name=record.name
            )
        )

    # -- export and import ------------------------------------------------------------------

    def start_export(self) -> None:
        peer = self.chosen_peer()
        if peer is not None:
            self.transfer.start_export(peer, self.full.isChecked())

    def start_import(self) -> None:
        self.transfer.start_import()

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.chosen_peer() is not None)
