"""The evidence list of a case (证据清单): every file with its SHA-256, who captured it on
which device and when, and each step of its custody since. It is what another unit checks
before it accepts the evidence (证据互认): the hash can be selected and copied."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.model import Case
from app.store.blobs import BlobStore
from app.store.evidence import CustodyEntry, EvidenceItem, evidence_list
from app.ui.common.screen import fit_to_screen

NAME, HASH, SIZE, CAPTURED, CUSTODY = range(5)
WIDTHS = (150, 0, 80, 250)  # the hash column fits its text; custody stretches


def size_text(size: int | None) -> str:
    if size is None:
        return "—"
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class EvidenceDialog(QDialog):
    def __init__(
        self, db: Database, blobs: BlobStore, case: Case, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.items: list[EvidenceItem] = evidence_list(db, blobs, case.id)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(self.tr("Evidence list of case {number}").format(number=case.number))
        title = QLabel(self.tr("Evidence list: {count} files").format(count=len(self.items)))
        title.setObjectName("sectionTitle")
        hint = QLabel(
            self.tr(
                "Each file is kept with its original bytes and named by its SHA-256 hash, taken "
                "when it was captured. Anyone can recompute the hash of a copy and compare."
            )
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        self.table = self._table()
        self.empty = QLabel(self.tr("This case has no evidence files."))
        self.empty.setObjectName("emptyLabel")
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        self.copy_button = QPushButton(self.tr("Copy SHA-256"))
        self.copy_button.setToolTip(self.tr("Copy the hash of the selected file (Ctrl+C)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.setEnabled(bool(self.items))
        self.copy_button.clicked.connect(self.copy_hash)
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy_hash)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1240, 520)

    def _table(self) -> QTableWidget:
        headers = [
            self.tr("File"),
            self.tr("SHA-256"),
            self.tr("Size"),
            self.tr("Captured (by · on device · at)"),
            self.tr("Custody since (sync files)"),
        ]
        table = QTableWidget(len(self.items), len(headers))
        table.setObjectName("evidenceTable")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for row, item in enumerate(self.items):
            table.setItem(row, NAME, self._cell(item.file_name))
            digest = QLabel(item.sha256)
            digest.setObjectName("evidenceHash")
            digest.setFont(mono)
            digest.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            digest.setContentsMargins(6, 0, 6, 0)
            holder = QTableWidgetItem()  # the label paints the hash; the item keeps it
            holder.setData(Qt.ItemDataRole.UserRole, item.sha256)
            table.setItem(row, HASH, holder)
            table.setCellWidget(row, HASH, digest)
            size = self._cell(size_text(item.size) if item.stored else self.tr("missing here"))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not item.stored:
                size.setForeground(Qt.GlobalColor.red)
                size.setToolTip(self.tr("The file is not on this device (towndesk verify)."))
            table.setItem(row, SIZE, size)
            table.setItem(row, CAPTURED, self._cell(self._captured(item)))
            table.setItem(row, CUSTODY, self._cell(self._custody(item)))
        for column, width in enumerate(WIDTHS):
            if width:
                table.setColumnWidth(column, width)
        table.setColumnWidth(HASH, QFontMetrics(mono).horizontalAdvance("0" * 64) + 24)
        header.setSectionResizeMode(CUSTODY, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        table.setCurrentItem(None)
        return table

    @staticmethod
    def _cell(text: str) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return cell

    def _captured(self, item: EvidenceItem) -> str:
        first = item.captured
        if first is None:
            return self.tr("added {time}").format(time=item.added_at[:16])
        return " · ".join(part for part in (first.actor, first.device, first.at[:16]) if part)

    def _custody(self, item: EvidenceItem) -> str:
        """The steps after capture, each sync file that carried it; capture has its column."""
        moves = [self._move(entry) for entry in item.custody if entry.kind != "captured"]
        return "\n".join(moves) or self.tr("Still on the device that captured it")

    def _move(self, entry: CustodyEntry) -> str:
        text = self.tr("{time} to {device}, from {sender} by sync file {file}").format(
            time=entry.at[:16],
            device=entry.device or "—",
            sender=entry.from_device or "—",
            file=entry.file_id[:8] if entry.file_id else "—",
        )
        if entry.actor:
            text += self.tr(", imported by {person}").format(person=entry.actor)
        return text

    def copy_hash(self) -> str:
        row = self.table.currentRow()
        if row < 0 and self.items:
            row = 0
        if row < 0:
            return ""
        digest = self.items[row].sha256
        QGuiApplication.clipboard().setText(digest)
        return digest
