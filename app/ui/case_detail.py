"""Case detail: every field, the first receiver up front, the timeline and the photos."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.model import Case, Urgency, User, can_see_reporter, masked_phone
from app.store.blobs import BlobStore
from app.store.cases import case_by_id, case_evidence, case_timeline
from app.store.reference import ReferenceData
from app.ui.i18n import word
from app.ui.thumbnails import ImageViewer, thumbnail


class CaseDetailDialog(QDialog):
    def __init__(
        self,
        db: Database,
        blobs: BlobStore,
        ref: ReferenceData,
        viewer: User,
        case_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.blobs, self.ref, self.viewer = db, blobs, ref, viewer
        self.case = case_by_id(db, case_id)
        self.image_viewer: ImageViewer | None = None
        self.setObjectName("caseDetail")
        self.setWindowTitle(self.tr("Case {number}").format(number=self.case.number))
        self.timeline = self._timeline()
        self.evidence = self._evidence()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(self._header())
        layout.addWidget(self._first_receiver())
        layout.addLayout(self._fields())
        layout.addWidget(self._section(self.tr("Description")))
        description = QLabel(self.case.description)
        description.setWordWrap(True)
        description.setObjectName("descriptionText")
        description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(description)
        lower = QHBoxLayout()
        lower.setSpacing(16)
        timeline_box = QVBoxLayout()
        timeline_box.addWidget(self._section(self.tr("Timeline")))
        timeline_box.addWidget(self.timeline)
        evidence_box = QVBoxLayout()
        evidence_box.addWidget(
            self._section(self.tr("Photos: {count}").format(count=self.photo_count()))
        )
        evidence_box.addWidget(self.evidence)
        lower.addLayout(timeline_box, 3)
        lower.addLayout(evidence_box, 2)
        layout.addLayout(lower, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.accept)
        self.resize(980, 640)

    def _header(self) -> QHBoxLayout:
        number = QLabel(self.case.number)
        number.setObjectName("caseNumber")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = QLabel(word(self.case.status))
        status.setObjectName("statusChip")
        row = QHBoxLayout()
        row.addWidget(number)
        row.addSpacing(8)
        row.addWidget(status)
        if self.case.urgency == Urgency.URGENT:
            urgent = QLabel(word(Urgency.URGENT))
            urgent.setObjectName("urgentChip")
            row.addWidget(urgent)
        row.addStretch(1)
        return row

    def _first_receiver(self) -> QFrame:
        """首接责任: the unit that received the case stays accountable, so it is up front."""
        frame = QFrame()
        frame.setObjectName("firstReceiver")
        label = QLabel(
            self.tr("First receiver: {unit} · {person} · received {time}").format(
                unit=self.ref.departments[self.case.first_receiver_unit].name
                if self.case.first_receiver_unit in self.ref.departments
                else self.case.first_receiver_unit,
                person=self.ref.user_name(self.case.first_receiver_user_id),
                time=self.case.received_at,
            )
        )
        label.setObjectName("firstReceiverText")
        label.setWordWrap(True)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(label)
        return frame

    def _fields(self) -> QGridLayout:
        case = self.case
        grid = self.ref.grids.get(case.grid_code)
        pairs = [
            (self.tr("Category"), self.ref.category_path(case.category_code)),
            (self.tr("Grid"), f"{grid.name}（{grid.area}）" if grid else case.grid_code),
            (self.tr("Source"), word(case.source)),
            (self.tr("Urgency"), word(case.urgency)),
            (self.tr("Address"), case.address or "—"),
            (self.tr("Coordinates"), self._coordinates(case)),
            (self.tr("Reporter"), self._reporter(case)),
            (self.tr("Last change"), case.updated_at),
        ]
        layout = QGridLayout()
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        for i, (name, value) in enumerate(pairs):
            row, column = divmod(i, 2)
            caption = QLabel(name)
            caption.setObjectName("fieldName")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(text, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        return layout

    def _coordinates(self, case: Case) -> str:
        if case.latitude is None or case.longitude is None:
            return "—"
        return f"{case.latitude:.5f}, {case.longitude:.5f}"

    def _reporter(self, case: Case) -> str:
        if not case.reporter.name and not case.reporter.phone:
            return "—"
        if can_see_reporter(self.viewer.role):
            return f"{case.reporter.name}  {case.reporter.phone}".strip()
        if not case.reporter.phone:
            return self.tr("Confidential")
        return self.tr("Confidential ({phone})").format(phone=masked_phone(case.reporter.phone))

    def _section(self, title: str) -> QLabel:
        label = QLabel(title)
        label.setObjectName("sectionTitle")
        return label

    def _timeline(self) -> QScrollArea:
        """One card per event, newest last: time, who, action, then the detail in full."""
        self.timeline_entries = case_timeline(self.db, self.case.id, self.ref)
        column = QVBoxLayout()
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(8)
        for entry in self.timeline_entries:
            card = QFrame()
            card.setObjectName("timelineEntry")
            head = QLabel(f"{entry.time}　<b>{escape(entry.action)}</b>　{escape(entry.actor)}")
            head.setObjectName("timelineHead")
            detail = QLabel(entry.detail)
            detail.setWordWrap(True)
            detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(10, 6, 10, 6)
            inner.setSpacing(2)
            inner.addWidget(head)
            inner.addWidget(detail)
            column.addWidget(card)
        column.addStretch(1)
        content = QWidget()
        content.setObjectName("timelineContent")
        content.setLayout(column)
        scroll = QScrollArea()
        scroll.setObjectName("timeline")
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll

    def _evidence(self) -> QListWidget:
        photos = QListWidget()
        photos.setObjectName("evidenceList")
        photos.setViewMode(QListView.ViewMode.IconMode)
        photos.setIconSize(QSize(120, 120))
        photos.setMovement(QListView.Movement.Static)
        photos.setResizeMode(QListView.ResizeMode.Adjust)
        photos.setSpacing(6)
        for evidence in case_evidence(self.db, self.case.id):
            path = self.blobs.path(evidence.sha256)
            item = QListWidgetItem(QIcon(thumbnail(path, 120)), evidence.file_name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
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

    def show_photo(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if not path:
            return
        self.image_viewer = ImageViewer(Path(path), item.text(), self)
        self.image_viewer.show()

    def photo_count(self) -> int:
        return sum(
            1
            for i in range(self.evidence.count())
            if self.evidence.item(i).data(Qt.ItemDataRole.UserRole)
        )
