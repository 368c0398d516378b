"""Enter a year's holiday schedule as the State Council published it: for each festival its
days off and its make-up working days. What is entered replaces that year's schedule; every
open case's deadlines move with it (store/calendar_days.set_year checks and writes)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlite_utils import Database

from app.core.holidays import FESTIVALS, FIRST_YEAR, LAST_YEAR, Festival, parse_festival
from app.store.calendar_days import set_year
from app.store.work_calendar import holiday_schedules
from app.ui.common.dialog_parts import StoreDialog, button_row, dialog_layout, question_label
from app.ui.common.runner import Operation
from app.ui.common.session import Session


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FestivalRow:
    """One festival: entered or not, first and last day off, make-up working days."""

    def __init__(self, name: str, year: int) -> None:
        self.name = name
        self.entered = QCheckBox(name)
        self.rest_from, self.rest_to = self._date_box(), self._date_box()
        self.working = QLineEdit()
        self.working.setObjectName("holidayWorking")
        self.working.setPlaceholderText("YYYY-MM-DD, YYYY-MM-DD")
        self.entered.toggled.connect(self._enable)
        self.rest_from.dateChanged.connect(self._follow)
        self.show(year, None)

    @staticmethod
    def _date_box() -> QDateEdit:
        box = QDateEdit()
        box.setDisplayFormat("yyyy-MM-dd")
        box.setCalendarPopup(True)
        return box

    def _enable(self, on: bool) -> None:
        for widget in (self.rest_from, self.rest_to, self.working):
            widget.setEnabled(on)

    def _follow(self, first: QDate) -> None:
        """The last day off starts where the first is: most holidays are short."""
        if self.rest_to.date() < first:
            self.rest_to.setDate(first)

    def show(self, year: int, entry: Festival | None) -> None:
        self.entered.setChecked(entry is not None)
        start = entry.rest_from if entry else date(year, 1, 1)
        self.rest_from.setDate(_qdate(start))
        self.rest_to.setDate(_qdate(entry.rest_to if entry else start))
        self.working.setText(", ".join(d.isoformat() for d in entry.working) if entry else "")
        self._enable(entry is not None)

    def text(self) -> str | None:
        """As ``towndesk calendar --holiday`` takes it; None when not entered."""
        if not self.entered.isChecked():
            return None
        days = self.working.text().replace("，", ",").replace("、", ",").replace(" ", ",")
        days = ",".join(part for part in days.split(",") if part)
        first = self.rest_from.date().toString("yyyy-MM-dd")
        last = self.rest_to.date().toString("yyyy-MM-dd")
        return f"{self.name}:{first}..{last}:{days}"


class HolidayScheduleDialog(StoreDialog):
    """One row per festival; a year already entered is shown to be corrected."""

    saved = Signal(int)  # how many open cases got new deadlines

    def __init__(self, session: Session, year: int, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("holidayScheduleDialog")
        self.setWindowTitle(self.tr("Holiday schedule"))
        self.year = QSpinBox()
        self.year.setObjectName("holidayYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year)
        self.year.valueChanged.connect(self._load)
        self.rows = [FestivalRow(name, year) for name in FESTIVALS]
        note = QLabel(
            self.tr(
                "Enter the days off and make-up working days of each festival as the State "
                "Council's notice for the year gives them. Until every festival is entered, "
                "TownDesk counts Monday to Friday as working days for that year. When 中秋节 "
                "and 国庆节 are one holiday, give both the same days."
            )
        )
        note.setObjectName("hintText")
        note.setWordWrap(True)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year")))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        for column, heading in enumerate(
            (
                self.tr("Festival"),
                self.tr("First day off"),
                self.tr("Last day off"),
                self.tr("Make-up working days"),
            )
        ):
            label = QLabel(heading)
            label.setObjectName("fieldCaption")
            grid.addWidget(label, 0, column)
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate((row.entered, row.rest_from, row.rest_to, row.working)):
                grid.addWidget(widget, number, column)
        grid.setColumnStretch(3, 1)
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Save the schedule"), self.tr("Cancel"), self.submit
        )
        layout = dialog_layout(self)
        layout.addWidget(question_label(self.tr("The statutory holidays of one year")))
        layout.addWidget(note)
        layout.addLayout(year_row)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        self._load(year)
        self.year.setFocus()

    def _load(self, year: int) -> None:
        entered = holiday_schedules(self.session.db).get(year, [])
        by_name = {name: entry for entry in entered for name in entry.names}
        for row in self.rows:
            row.show(year, by_name.get(row.name))
        self.error.hide()

    def submit(self) -> Operation | None:
        year, texts = self.year.value(), [row.text() for row in self.rows]
        user, wall = self.session.user, self.session.clock.wall

        def work(db: Database) -> int:
            festivals = [parse_festival(text) for text in texts if text]
            return set_year(db, user, year, festivals, wall=wall)

        return self.written(work, self.saved)
