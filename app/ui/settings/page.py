"""Settings: the interface language, and rebuilding the data from the event log (admin).

Both are written on the worker through the session: the language is a local preference (no
page shows it); a rebuild replays every event, so every page reads again afterwards."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlite_utils import Database

from app.core.permissions import MANAGE_REFERENCE_DATA, REBUILD, may
from app.store.changes import EVERYTHING
from app.store.rebuild import RebuildCancelled, rebuild
from app.store.settings import LANGUAGE, read_setting, write_setting
from app.ui.common.i18n import DEFAULT_LANGUAGE
from app.ui.common.page import Page
from app.ui.common.runner import Operation, Progress
from app.ui.common.session import Session


class SettingsPage(Page):
    shows = frozenset()  # nothing here changes with the data
    holidays_requested = Signal(int)  # a year, 0: the one most likely due

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        user = session.user
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        self.language = QComboBox()
        self.language.addItem("中文（简体）", "zh_CN")
        self.language.addItem("English", "en")
        chosen = read_setting(session.db, LANGUAGE, DEFAULT_LANGUAGE)
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
        self.holidays_button = QPushButton(self.tr("Holiday schedule…"))
        self.holidays_button.setEnabled(may(user.role, MANAGE_REFERENCE_DATA))
        self.holidays_button.clicked.connect(lambda: self.holidays_requested.emit(0))
        holidays_note = QLabel(
            self.tr(
                "Each November the State Council publishes next year's holidays; enter them "
                "here so that deadlines skip the days off and count the make-up working days."
            )
        )
        holidays_note.setObjectName("hintText")
        holidays_note.setWordWrap(True)
        path_label = QLabel(str(session.db_path))
        path_label.setObjectName("pathText")
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Working calendar"), self.holidays_button)
        form.addRow("", holidays_note)
        form.addRow(self.tr("Database"), path_label)
        form.addRow(self.tr("Maintenance"), self.rebuild_button)
        form.addRow("", rebuild_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(16)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)

    def _language_chosen(self) -> Operation:
        language = self.language.currentData()
        return self.session.write(
            lambda db: write_setting(db, LANGUAGE, language),
            lambda _none: self.message.emit(
                self.tr("Language saved. It applies after TownDesk restarts.")
            ),
        )

    def reread(self) -> None:
        """Nothing here changes with the data."""

    def start_rebuild(self) -> Operation:
        """Replay the log on the worker, with progress; Cancel rolls everything back."""
        self.rebuild_button.setEnabled(False)
        user = self.session.user

        def work(db: Database, progress: Progress) -> int | None:
            try:
                return rebuild(db, user, progress)
            except RebuildCancelled:
                return None  # rolled back: nothing changed

        def done(events: int | None) -> None:
            if events is None:
                self.message.emit(self.tr("Rebuild cancelled; nothing was changed."))
                return
            self.session.publish(EVERYTHING)  # every table was written anew
            self.message.emit(self.tr("Data rebuilt from {count} events.").format(count=events))

        return self.session.write_with_progress(
            work,
            done,
            settled=lambda: self.rebuild_button.setEnabled(True),
            label=self.tr("Rebuilding data from the event log…"),
        )
