"""First start without a database: set up our township, join as a field laptop, or open
the demo.

There is no session yet (nobody signed in, no database to open). Setting up and joining
have dialogs of their own (setup/wizard.py, setup/join.py); the demo is made here, on a
worker of its own; each writes the new database file whole or not at all. The dialog is
accepted once the database exists, and ``username`` suggests who signs in first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.store.demo.township import build_demo
from app.store.setup import ADMIN_USERNAME
from app.sync.keys import STRONG, KdfCost
from app.ui.common.runner import Operation, Progress
from app.ui.common.screen import FittedDialog
from app.ui.setup.first_start import FirstStart
from app.ui.setup.join import JoinDialog
from app.ui.setup.wizard import SetupWizard

DEMO_CASES = 3000
DEMO_USERNAME = "clerk"


class FirstRunDialog(FirstStart, FittedDialog):
    def __init__(
        self,
        db_path: Path,
        clock: Clock,
        parent: QWidget | None = None,
        cost: KdfCost = STRONG,
    ) -> None:
        super().__init__(parent)
        self.start_worker(db_path, clock)
        self.cost = cost
        self.username = ""  # who signs in first, once the database is made
        self.wizard: SetupWizard | None = None
        self.join_dialog: JoinDialog | None = None
        self.closing = False
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to TownDesk"))
        title = QLabel(self.tr("Welcome to TownDesk"))
        title.setObjectName("signInTownship")
        text = QLabel(self.tr("This computer has no TownDesk database yet. How will it be used?"))
        text.setWordWrap(True)
        where = QLabel(self.tr("The database will be made at {path}").format(path=db_path))
        where.setObjectName("hintText")
        where.setWordWrap(True)
        self.setup_button = _choice(
            "setupChoice",
            self.tr("Set up our township"),
            self.tr(
                "On the office PC, to start working with TownDesk: the township's name and "
                "code, the administrator's password and the starting base data."
            ),
        )
        self.join_button = _choice(
            "joinChoice",
            self.tr("Join as a field laptop"),
            self.tr(
                "On a laptop the office has enrolled: choose the enrolment file it gave you "
                "and type its password."
            ),
        )
        self.demo_button = _choice(
            "demoChoice",
            self.tr("Open the demo township"),
            self.tr(
                "To try TownDesk out: 青石镇, a made-up township with {cases} cases. Not for "
                "real work."
            ).format(cases=f"{DEMO_CASES:,}"),
        )
        self.setup_button.setDefault(True)  # Enter: the office PC's usual first start
        self.setup_button.clicked.connect(self.set_up)
        self.join_button.clicked.connect(self.join)
        self.demo_button.clicked.connect(self.create_demo)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(4)
        for choice in (self.setup_button, self.join_button, self.demo_button):
            layout.addWidget(choice)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.setFixedWidth(600)
        self.setup_button.setFocus()

    def _choices(self, enabled: bool) -> None:
        for choice in (self.setup_button, self.join_button, self.demo_button):
            choice.setEnabled(enabled)

    def _made(self, username: str) -> None:
        """A way in has finished: go on if the database now exists."""
        if self.closing:
            return
        self._choices(True)
        if self.db_path.exists():
            self.username = username
            self.accept()

    def set_up(self) -> SetupWizard:
        wizard = SetupWizard(self.db_path, self.clock, self)
        wizard.finished.connect(lambda _result: self._made(ADMIN_USERNAME))
        self.wizard = wizard
        wizard.open()
        return wizard

    def join(self) -> JoinDialog:
        dialog = JoinDialog(self.db_path, self.clock, self, self.cost)
        dialog.finished.connect(lambda _result: self._made(""))
        self.join_dialog = dialog
        dialog.open()
        return dialog

    def create_demo(self) -> None:
        self._choices(False)  # no second demo while the first is made

        path, now = self.db_path, self.clock.wall()

        def work(_db: object, progress: Progress) -> bool:
            return build_demo(path, now_ms=now, cases=DEMO_CASES, progress=progress)

        def failed(error: BaseException) -> None:
            self._choices(True)
            self.runner.show_error(error, "")

        operation = Operation(
            work,
            lambda _completed: self._made(DEMO_USERNAME),
            failed,
            label=self.tr("Creating the demo township…"),
            needs_database=False,
        )
        self.runner.run(operation)

    def done(self, result: int) -> None:
        self.closing = True
        for child in (self.wizard, self.join_dialog):  # each stops its worker when done
            if child is not None and child.isVisible():
                child.done(0)
        super().done(result)  # and this one's


def _choice(name: str, title: str, text: str) -> QCommandLinkButton:
    button = QCommandLinkButton(title, text)
    button.setObjectName(name)
    return button
