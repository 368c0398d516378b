"""What the first-start windows share (first_run.py, wizard.py, join.py): nobody has signed
in and there is no database to open yet, so each makes the database on a worker of its own,
which stops when the window closes. While the worker makes it, Esc and Cancel wait; once it
is made, they go on as the window's last button would."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.clock import Clock
from app.ui.common.runner import BackgroundRunner, Operation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    _Window = QDialog
else:
    _Window = object  # a mixin: the window's own Qt class comes after it


class FirstStart(_Window):
    operation: Operation | None = None  # the database being made

    def start_worker(self, db_path: Path, clock: Clock) -> None:
        self.db_path, self.clock = db_path, clock
        self.runner = BackgroundRunner(db_path, self)

    def made(self) -> bool:
        """Whether this window has made the database (then Esc goes on)."""
        return False

    def reject(self) -> None:
        if self.operation is not None:
            return
        if self.made():
            self.accept()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)
