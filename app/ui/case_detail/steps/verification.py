"""The on-site check (核查): fixed, or not fixed and back to the handler, with what was seen
and photos."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.ui.case_detail.steps.form import PhotoRow, StepForm


class VerifyForm(StepForm):
    actions = (Action.VERIFY,)

    def fields(self) -> None:
        self.passed = QRadioButton(self.tr("Fixed"))
        self.failed = QRadioButton(self.tr("Not fixed: back to the handler"))
        self.verdict = QButtonGroup(self)
        self.verdict.addButton(self.passed)
        self.verdict.addButton(self.failed)
        row = QHBoxLayout()
        row.addWidget(self.passed)
        row.addWidget(self.failed)
        row.addStretch(1)
        self.note = self.text_box(self.tr("What you saw"))
        self.photos = PhotoRow()
        self.form.addRow(self.tr("On-site check"), row)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(self.tr("Photos"), self.photos)

    def add_photos(self, files: Sequence[Path]) -> None:
        self.photos.add(files)

    def photo_files(self) -> Sequence[Path]:
        return self.photos.files

    def request(self) -> Request:
        passed = True if self.passed.isChecked() else False if self.failed.isChecked() else None
        return Request(self.action, passed=passed, note=self.note.toPlainText().strip())
