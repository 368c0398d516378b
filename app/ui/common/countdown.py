"""The wait after wrong passwords, on the button that would try again (sign-in, unlock).

No sleeping: a timer follows a deadline, so the window stays alive, and the button comes
back with its own text when the wait is over. The deadline starts when the wait is shown,
after the failure the store counts from, so the button never returns before the store
would accept the password."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QPushButton


class Countdown(QObject):
    def __init__(self, button: QPushButton) -> None:
        super().__init__(button)
        self.button = button
        self.seconds = 0  # left to wait; 0: the button may be pressed
        self._until = 0.0
        self._text = button.text()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(250)  # the label follows the deadline, not tick counting
        self._timer.timeout.connect(self.tick)

    def start(self, seconds: int) -> None:
        if seconds <= 0:
            return
        self._text = self.button.text()
        self.seconds = seconds
        self._until = time.monotonic() + seconds
        self.button.setEnabled(False)
        self._show()
        self._timer.start()

    def end_now(self) -> None:
        """For tests: the wait is over (no sleeping in tests)."""
        self._until = 0.0
        self.tick()

    def tick(self) -> None:
        self.seconds = max(0, math.ceil(self._until - time.monotonic()))
        if self.seconds == 0:
            self._timer.stop()
            self.button.setEnabled(True)
            self.button.setText(self._text)
        else:
            self._show()

    def _show(self) -> None:
        self.button.setText(self.tr("Wait {seconds} s").format(seconds=self.seconds))
