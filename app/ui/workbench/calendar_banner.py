"""From 1 November, and all year when it is missing: the administrator's and the clerk's
workbench says which year's holiday schedule is not complete and that TownDesk counts
Monday to Friday meanwhile; the administrator gets a button to enter it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from sqlite_utils import Database

from app.core.holidays import WARNED_ROLES, ScheduleNotice
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.store.calendar_days import calendar_notice
from app.store.devices import may_here

STYLE = """
#calendarBanner { background: #fffaeb; border: 1px solid #fec84b; border-radius: 6px; }
#calendarBannerText { color: #7a2e0e; }
"""


class CalendarBanner(QFrame):
    """Hidden while every year it looks at is known, and for roles it does not concern."""

    enter_requested = Signal(int)  # the year to enter

    def __init__(self, db: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user = db, user
        self.notice: ScheduleNotice | None = None
        self.setObjectName("calendarBanner")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setObjectName("calendarBannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Enter the schedule…"))
        self.button.setVisible(may_here(db, user, MANAGE_REFERENCE_DATA))
        self.button.clicked.connect(
            lambda: self.enter_requested.emit(self.notice.year if self.notice else 0)
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def refresh(self, today: date) -> None:
        concerned = self.user.role in WARNED_ROLES
        self.notice = calendar_notice(self.db, today) if concerned else None
        self.setVisible(self.notice is not None)
        if self.notice is None:
            return
        missing = "、".join(self.notice.missing)
        if may_here(self.db, self.user, MANAGE_REFERENCE_DATA):
            ask = self.tr("Enter it from the State Council's notice.")
        else:
            ask = self.tr("Ask the administrator to enter it.")
        self.text.setText(
            self.tr(
                "The statutory holidays of {year} are not entered yet (missing: {missing}): "
                "deadlines in {year} are counted Monday to Friday meanwhile. {ask}"
            ).format(year=self.notice.year, missing=missing, ask=ask)
        )
