"""Splitting a problem category into narrower ones (core/category_split.py): up to four
new codes and names; the old category stays for the cases registered under it and is closed
to new ones. The store checks it; a refusal appears in the error line, nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from app.core.base_data import CODE_LIMIT
from app.core.model import Category
from app.store.base_data import split_category
from app.ui.base_data.parts import RecordDialog, hint, line
from app.ui.common.runner import Operation
from app.ui.common.session import Session

ROWS = 4


class SplitDialog(RecordDialog):
    """``saved`` hears the first of the narrower categories."""

    def __init__(self, session: Session, record: Category, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("splitDialog")
        self.record = record
        self.rows: list[tuple[QLineEdit, QLineEdit]] = []
        for n in range(ROWS):
            code = line(f"splitCode{n}", placeholder=f"{record.code}{n + 1:02d}")
            code.setMaxLength(CODE_LIMIT)
            code.setFixedWidth(110)
            name = line(f"splitName{n}", placeholder=self.tr("Name of the narrower category"))
            row = QHBoxLayout()
            row.addWidget(code)
            row.addWidget(name, 1)
            self.rows.append((code, name))
            self.form.addRow(self.tr("Category {n}").format(n=n + 1), row)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "The narrower categories start with this one's route, unit and limits. "
                    "Cases already registered keep “{name}”, which new cases no longer use; "
                    "until the lists name the new categories, routing reads the lists of "
                    "“{name}”."
                ).format(name=record.name)
            ),
        )
        self.finish(
            self.tr("Split a category"),
            self.tr("Split “{name}” ({code}) into narrower categories").format(
                name=record.name, code=record.code
            ),
            self.tr("Split"),
        )
        self.rows[0][0].setFocus()

    def submit(self) -> Operation | None:
        into = [
            (code.text(), name.text())
            for code, name in self.rows
            if code.text().strip() or name.text().strip()
        ]
        user, wall, old = self.session.user, self.session.clock.wall, self.record.code
        return self.write(lambda db: split_category(db, user, old, into, wall=wall)[0])
