"""Settings: the interface language, and rebuilding the data from the event log (admin)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.model import User
from app.core.permissions import REBUILD, may
from app.store.rebuild import RebuildCancelled, rebuild
from app.store.settings import LANGUAGE, read_setting, write_setting
from app.ui.background import BackgroundRunner, Operation
from app.ui.i18n import DEFAULT_LANGUAGE


class SettingsPage(QWidget):
    data_changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        db: Database,
        db_path: Path,
        user: User,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self.user = db, runner, user
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        self.language = QComboBox()
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        chosen = read_setting(db, LANGUAGE, DEFAULT_LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = QLabel(self.tr("The new language applies after TownDesk restarts."))
        self.language_note.setObjectName("hintText")
        self.rebuild_button = QPushButton(self.tr("Rebuild data"))
        self.rebuild_button.setEnabled(may(user.role, REBUILD))
        self.rebuild_button.clicked.connect(self.start_rebuild)
        rebuild_note = QLabel(
            self.tr(
                "Rebuilds every list from the event log. Use it only when the administrator "
                "or support asks for it; the event log itself is never changed."
            )
            if may(user.role, REBUILD)
            else self.tr("Only an administrator can rebuild the data.")
        )
        rebuild_note.setObjectName("hintText")
        rebuild_note.setWordWrap(True)
        path_label = QLabel(str(db_path))
        path_label.setObjectName("pathText")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Database"), path_label)
        form.addRow(self.tr("Maintenance"), self.rebuild_button)
        form.addRow("", rebuild_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)

    def _language_chosen(self) -> None:
        write_setting(self.db, LANGUAGE, self.language.currentData())
        self.message.emit(self.tr("Language saved. It applies after TownDesk restarts."))

    def start_rebuild(self) -> Operation:
        self.rebuild_button.setEnabled(False)

        def work(db: Database, progress: object) -> int:
            return rebuild(db, self.user, progress)  # type: ignore[arg-type]

        def success(events: int) -> None:
            self.rebuild_button.setEnabled(True)
            self.message.emit(self.tr("Data rebuilt from {count} events.").format(count=events))
            self.data_changed.emit()

        def failure(error: BaseException) -> None:
            self.rebuild_button.setEnabled(True)
            if isinstance(error, RebuildCancelled):
                self.message.emit(self.tr("Rebuild cancelled; nothing was changed."))
            else:
                self.runner.error_handler(error, repr(error))

        return self.runner.run(
            Operation(work, success, failure, label=self.tr("Rebuilding data from the event log…"))
        )
