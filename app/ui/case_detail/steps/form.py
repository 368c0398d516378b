"""What every step's form shares: the title, a form of fields, the red error line, OK and
Cancel. OK builds a ``Request`` and hands it to the store on the session's worker thread;
a refusal (DomainError) is shown in the form in plain words and the form stays open, so
nothing typed is lost. Each kind of step adds only the fields it needs (``fields``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.model import Case
from app.store.case_actions import act
from app.store.evidence_files import EVIDENCE_PATTERNS
from app.ui.common.dialog_parts import question_label
from app.ui.common.i18n import action_word, error_text
from app.ui.common.runner import Operation
from app.ui.common.screen import FittedDialog
from app.ui.common.session import Session


class StepForm(FittedDialog):
    """One step on one case. Subclasses say which ``actions`` they serve."""

    actions: ClassVar[tuple[Action, ...]] = ()
    wide: ClassVar[bool] = False  # a wider form (a suggestion banner, list items to cite)
    refused = Signal()  # the store said no: the case may have moved on meanwhile

    def __init__(
        self, session: Session, case: Case, action: Action, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.case, self.action = session, case, action
        self.ref = session.ref
        self.result_case: Case | None = None
        self.writing: Operation | None = None
        self.setObjectName("actionDialog")
        self.setWindowTitle(
            self.tr("{action} · case {number}").format(
                action=action_word(action), number=case.number
            )
        )
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action_word(action))
        self.ok_button.setObjectName("primaryButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 16, 20, 14)
        self.layout_.setSpacing(10)
        self.fields()
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(540 if self.is_wide() else 460)

    # -- what a kind of step says ---------------------------------------------------------

    def is_wide(self) -> bool:
        return self.wide

    def fields(self) -> None:
        """Add this step's rows to ``self.form`` (none: a plain confirmation)."""

    def request(self) -> Request:
        return Request(self.action)

    def photo_files(self) -> Sequence[Path]:
        return ()

    # -- parts ----------------------------------------------------------------------------

    def confirmation(self) -> QLabel:
        """派遣案件 QS-…？: the question a step with nothing to fill in asks."""
        return question_label(
            self.tr("{action} case {number}?").format(
                action=action_word(self.action), number=self.case.number
            )
        )

    def text_box(self, placeholder: str = "", height: int = 72) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(height)
        return edit

    def units(self, *tiers: object) -> list[tuple[str, str]]:
        """(short name, code) of the departments of these tiers."""
        return [(d.short_name, d.code) for d in self.ref.departments.values() if d.tier in tiers]

    # -- carrying it out ------------------------------------------------------------------

    def run(self) -> Operation | None:
        """Take the step on the worker thread; stay open with the reason when it is refused."""
        if self.writing is not None:
            return None  # OK pressed twice: the step is written once
        session, number = self.session, self.case.number
        request, photos = self.request(), tuple(self.photo_files())

        def work(db: Database) -> Case:
            user, wall = session.user, session.clock.wall
            return act(db, session.blobs, user, number, request, photos, wall=wall)

        self.ok_button.setEnabled(False)
        self.writing = session.write(work, self._done, self.show_refusal, self._settled)
        return self.writing

    def reject(self) -> None:
        """Esc and Cancel while the step is written: it goes on, and the form closes with it."""
        if self.writing is None:
            super().reject()

    def _done(self, case: Case) -> None:
        self.result_case = case
        self.accept()

    def _settled(self) -> None:
        self.writing = None
        self.ok_button.setEnabled(True)

    def show_refusal(self, error: DomainError) -> None:
        self.show_error(error_text(error))
        self.refused.emit()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.refit()  # room for the message without squeezing the fields


class PhotoRow(QWidget):
    """Add photos… and the names of those added (feedback and on-site checks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files: list[Path] = []
        self.label = QLabel(self.tr("No photos"))
        self.label.setObjectName("hintText")
        add = QPushButton(self.tr("Add photos…"))
        add.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(add)
        row.addWidget(self.label, 1)

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos"),
            "",
            self.tr("Photos and PDF documents ({patterns})").format(patterns=EVIDENCE_PATTERNS),
        )
        self.add([Path(f) for f in files])

    def add(self, files: Sequence[Path]) -> None:
        self.files.extend(files)
        self.label.setText(
            self.tr("{count} photos: {names}").format(
                count=len(self.files), names="、".join(p.name for p in self.files)
            )
        )
