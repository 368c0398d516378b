"""The intake form's photos: a strip of thumbnails with "Add photos…" and "Remove" beside it.
Only the paths are kept; the files are read and checked when the case is saved.

Not a widget of its own: the list and its buttons sit in the dialog's form as they did,
and their texts keep the dialog's translation context (``IntakeDialog``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.store.evidence_files import EVIDENCE_PATTERNS
from app.ui.common.thumbnails import thumbnail


class IntakePhotos:
    """The photo list (``photos``) and its two buttons, for ``dialog`` to lay out."""

    def __init__(self, dialog: QWidget) -> None:
        self.dialog = dialog  # the file chooser's parent
        self.photos = QListWidget()
        self.photos.setObjectName("photoList")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(88, 88))
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setFixedHeight(128)
        self.add_button = QPushButton(QCoreApplication.translate("IntakeDialog", "Add photos…"))
        self.remove_button = QPushButton(QCoreApplication.translate("IntakeDialog", "Remove"))
        # no default button: Enter in a field presses none (it used to open the photo dialog)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)

    def row(self) -> QHBoxLayout:
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.photos, 1)
        row.addLayout(buttons)
        return row

    def paths(self) -> list[Path]:
        return [
            Path(self.photos.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.photos.count())
        ]

    def add(self, paths: list[Path]) -> None:
        known = set(self.paths())
        for path in paths:
            if path in known:
                continue
            icon = QIcon(thumbnail(path, 88))
            item = QListWidgetItem(icon, path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.photos.addItem(item)

    def remove_selected(self) -> None:
        for item in self.photos.selectedItems():
            self.photos.takeItem(self.photos.row(item))

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.dialog,
            QCoreApplication.translate("IntakeDialog", "Add photos"),
            str(Path.home()),
            QCoreApplication.translate(
                "IntakeDialog", "Photos and PDF documents ({patterns})"
            ).format(patterns=EVIDENCE_PATTERNS),
        )
        self.add([Path(f) for f in files])
