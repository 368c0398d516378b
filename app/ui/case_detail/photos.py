"""The photos of a case as thumbnails, opened full size on a double click or Enter, and the
evidence list (证据清单) a receiving unit checks before it accepts them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.core.model import Case
from app.store.cases import Evidence, case_evidence
from app.ui.case_detail.evidence import EvidenceDialog
from app.ui.case_detail.fields import section
from app.ui.common.runner import show_error_dialog
from app.ui.common.session import Session
from app.ui.common.thumbnails import ImageViewer, thumbnail

PDF = "application/pdf"


class CasePhotos(QWidget):
    def __init__(self, session: Session, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        self.image_viewer: ImageViewer | None = None
        self.opened_copy: Path | None = None  # the last PDF handed to the system's reader
        self.evidence_dialog: EvidenceDialog | None = None
        self.evidence = self._list()
        title = QHBoxLayout()
        title.addWidget(section(self.tr("Photos: {count}").format(count=self.photo_count())))
        title.addStretch(1)
        self.evidence_button = QPushButton(self.tr("Evidence list…"))
        self.evidence_button.setToolTip(
            self.tr("Every file with its SHA-256, who captured it, where and when, and custody")
        )
        self.evidence_button.setAutoDefault(False)
        self.evidence_button.setEnabled(self.photo_count() > 0)
        self.evidence_button.clicked.connect(self.show_evidence_list)
        title.addWidget(self.evidence_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(title)
        column.addWidget(self.evidence, 1)

    def _list(self) -> QListWidget:
        photos = QListWidget()
        photos.setObjectName("evidenceList")
        photos.setViewMode(QListView.ViewMode.IconMode)
        photos.setIconSize(QSize(120, 120))
        photos.setMovement(QListView.Movement.Static)
        photos.setResizeMode(QListView.ResizeMode.Adjust)
        photos.setSpacing(6)
        for evidence in case_evidence(self.session.db, self.case.id):
            item = QListWidgetItem(self._icon(evidence), evidence.file_name)
            item.setData(Qt.ItemDataRole.UserRole, evidence)
            item.setToolTip(
                self.tr("{file} · {size} KB · SHA-256 {hash}").format(
                    file=evidence.file_name,
                    size=max(1, evidence.size // 1024),
                    hash=evidence.sha256[:16] + "…",
                )
            )
            photos.addItem(item)
        if photos.count() == 0:
            placeholder = QListWidgetItem(self.tr("No photos"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            photos.addItem(placeholder)
            photos.setViewMode(QListView.ViewMode.ListMode)
        photos.itemActivated.connect(self.show_photo)
        return photos

    def _icon(self, evidence: Evidence) -> QIcon:
        """A photo's thumbnail, decoded from memory (the stored file may be encrypted); a
        document, or a file that cannot be read, shows none (opening it says why)."""
        if evidence.media_type == PDF:
            return QIcon()
        try:
            return QIcon(thumbnail(self.session.blobs.read_bytes(evidence.sha256), 120))
        except DomainError:
            return QIcon()

    def show_photo(self, item: QListWidgetItem) -> None:
        """A photo in the viewer, decoded from memory; a PDF in the system's PDF reader,
        which needs a file: a plaintext copy in this session's private folder, removed
        when the session ends, not with the case's window: the reader may still be loading
        it then (store/evidence_copies.py)."""
        evidence = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(evidence, Evidence):
            return
        try:
            if evidence.media_type == PDF:
                copy = self.session.evidence_copies.write(
                    self.session.blobs, evidence.sha256, evidence.file_name
                )
                self.opened_copy = copy
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
                return
            data = self.session.blobs.read_bytes(evidence.sha256)
        except DomainError as error:
            show_error_dialog(self, error, "")
            return
        self.image_viewer = ImageViewer(data, evidence.file_name, self)
        self.image_viewer.show()

    def photo_count(self) -> int:
        return sum(
            1
            for i in range(self.evidence.count())
            if self.evidence.item(i).data(Qt.ItemDataRole.UserRole)
        )

    def show_evidence_list(self) -> EvidenceDialog:
        dialog = EvidenceDialog(self.session.db, self.session.blobs, self.case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.evidence_dialog = dialog
        dialog.show()
        return dialog
