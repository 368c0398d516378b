"""The three lists of the sync page: cases with a conflict, devices, and sync files."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget
from sqlite_utils import Database

from app.store.devices import DeviceRecord, device_label, device_records
from app.sync.keys import PublicKeys
from app.sync.status import (
    SyncRecord,
    backlog,
    conflict_cases,
    here,
    last_sync,
    sync_history,
)
from app.ui.sync.words import device_kind_word, direction_word, history_note

WARNING = QColor("#b42318")
MUTED = QColor("#7b8794")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _List(QTreeWidget):
    """A flat list with alternating rows; the last column stretches."""

    def __init__(self, name: str, headers: list[str], widths: tuple[int, ...]) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(False)
        self.setHeaderLabels(headers)
        header = self.header()
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(widths), QHeaderView.ResizeMode.Stretch)

    def fit(self, most: int) -> None:
        """As tall as its rows (at most ``most``), so the history below gets the room."""
        rows = min(most, max(1, self.topLevelItemCount()))
        row_height = self.sizeHintForRow(0) if self.topLevelItemCount() else 28
        self.setFixedHeight(self.header().sizeHint().height() + rows * max(row_height, 24) + 6)


class ConflictList(_List):
    number_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("syncConflicts", [self.tr("Case number"), self.tr("Description")], (170,))
        self.setToolTip(self.tr("Double-click a case to open it and settle the conflict"))
        self.itemActivated.connect(lambda item, _c: self.number_activated.emit(item.text(0)))

    def fill(self, db: Database) -> int:
        self.clear()
        found = conflict_cases(db)
        for case in found:
            self.addTopLevelItem(QTreeWidgetItem([case.number, case.description]))
        self.fit(4)
        return len(found)


class DeviceList(_List):
    """Each row carries its ``DeviceRecord`` (user role of column 0)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        headers = [
            self.tr("Device"),
            self.tr("Kind"),
            self.tr("Enrolled"),
            self.tr("State"),
            self.tr("Waiting to export"),
            self.tr("Last sync"),
        ]
        super().__init__("syncDevices", headers, (250, 150, 130, 70, 220))

    def fill(self, db: Database) -> None:
        self.clear()
        me = here(db).id
        records = device_records(db)
        for record in records:
            this_one = record.id == me
            name = device_label(record)
            if this_one:
                name = self.tr("{device} (this device)").format(device=name)
            waiting = "—"
            if not this_one and not record.revoked:
                b = backlog(db, record.id)
                waiting = (
                    self.tr("{n} records").format(n=f"{b.waiting:,}")
                    if b.waiting
                    else self.tr("none")
                )
                if b.unconfirmed:
                    waiting += self.tr(" ({m} not yet confirmed)").format(m=f"{b.unconfirmed:,}")
            last = None if this_one else last_sync(db, record.id)
            when = "—" if this_one else self.tr("never")
            item = QTreeWidgetItem(
                [
                    name,
                    device_kind_word(record.kind, record.department),
                    record.enrolled_at[:16],
                    self.tr("Revoked") if record.revoked else self.tr("In use"),
                    waiting,
                    _moment(last) if last else when,
                ]
            )
            fingerprint = PublicKeys(record.sign_key, record.box_key).fingerprint
            item.setToolTip(
                0, self.tr("Key fingerprint {fingerprint}").format(fingerprint=fingerprint)
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record)
            if record.revoked:
                item.setToolTip(3, record.revoked_why or "")
                for column in range(6):
                    item.setForeground(column, QBrush(MUTED))
            self.addTopLevelItem(item)
        if not records:
            item = QTreeWidgetItem(
                [self.tr("No device is enrolled yet: the office's keys are set up first.")]
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        self.fit(6)

    def select(self, device_id: str) -> None:
        for i in range(self.topLevelItemCount()):
            record = self.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            if isinstance(record, DeviceRecord) and record.id == device_id:
                self.setCurrentItem(self.topLevelItem(i))
                return

    def selected_device(self) -> DeviceRecord | None:
        selected = self.selectedItems()
        if not selected:
            return None
        record = selected[0].data(0, Qt.ItemDataRole.UserRole)
        return record if isinstance(record, DeviceRecord) else None


class HistoryList(_List):
    def __init__(self, parent: QWidget | None = None) -> None:
        headers = [
            self.tr("Time"),
            self.tr("Direction"),
            self.tr("Device"),
            self.tr("New cases"),
            self.tr("Records"),
            self.tr("Evidence files"),
            self.tr("Notes"),
            self.tr("By"),
            self.tr("File"),
        ]
        super().__init__("syncHistory", headers, (130, 76, 220, 84, 70, 100, 200, 80))
        for column in (3, 4, 5):
            self.headerItem().setTextAlignment(column, RIGHT)
        self.rows: list[SyncRecord] = []

    def fill(self, db: Database) -> list[SyncRecord]:
        self.clear()
        self.rows = sync_history(db)
        for record in self.rows:
            path = self.tr("(inside the enrolment file)") if record.bootstrap else record.path
            item = QTreeWidgetItem(
                [
                    record.processed_at[:16],
                    direction_word(record.direction),
                    record.peer,
                    f"{record.new_cases:,}",
                    f"{record.records:,}",
                    f"{record.evidence:,}",
                    history_note(record),
                    record.actor or "—",
                    path,
                ]
            )
            for column in (3, 4, 5):
                item.setTextAlignment(column, RIGHT)
            item.setToolTip(8, record.path)
            item.setToolTip(0, self.tr("File written {time}").format(time=record.created_at))
            summary = record.summary
            if summary.get("new_conflicts") or summary.get("quarantined"):
                item.setForeground(6, QBrush(WARNING))
            item.setData(0, Qt.ItemDataRole.UserRole, record)
            self.addTopLevelItem(item)
        return self.rows


def _moment(record: SyncRecord) -> str:
    return f"{record.processed_at[:16]} {direction_word(record.direction)}"
