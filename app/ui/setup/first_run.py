"""First start without a database: offer the demo township, or say how to set up a real one.

There is no session yet (nobody signed in, no database to open), so the dialog runs the demo
generator on a worker of its own; the generator writes a new database file, whole or not
at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.clock import Clock
from app.store.demo.township import build_demo
from app.ui.common.runner import BackgroundRunner, Operation, Progress

DEMO_CASES = 3000


class FirstRunDialog(QDialog):
    """Creates the demo on the background worker; the progress dialog appears if it is slow."""

    def __init__(self, db_path: Path, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path, self.clock = db_path, clock
        self.runner = BackgroundRunner(db_path, self)
        self.setWindowTitle(self.tr("Welcome to TownDesk"))
        text = QLabel(
            self.tr(
                "There is no database yet at {path}.\n\n"
                "You can create the demo township (青石镇, {cases} cases) to try TownDesk "
                "out. To set up your own township, the administrator runs "
                "'towndesk init --township NAME --code CODE' instead."
            ).format(path=db_path, cases=DEMO_CASES)
        )
        text.setWordWrap(True)
        text.setMinimumWidth(460)
        buttons = QDialogButtonBox()
        self.demo_button = QPushButton(self.tr("Create the demo township"))
        self.demo_button.setDefault(True)
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.demo_button.clicked.connect(self.create_demo)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def create_demo(self) -> None:
        self.demo_button.setEnabled(False)

        path, now = self.db_path, self.clock.wall()

        def work(_db: object, progress: Progress) -> bool:
            return build_demo(path, now_ms=now, cases=DEMO_CASES, progress=progress)

        def finished(completed: bool) -> None:
            if completed:
                self.accept()
            else:
                self.demo_button.setEnabled(True)

        def failed(error: BaseException) -> None:
            self.demo_button.setEnabled(True)
            self.runner.show_error(error, "")

        operation = Operation(
            work,
            finished,
            failed,
            label=self.tr("Creating the demo township…"),
            needs_database=False,
        )
        self.runner.run(operation)

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)
