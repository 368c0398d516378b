"""What the small form dialogs share: an error line (and putting the cursor where the error
is), hints, password and file fields, the button row, the outer layout, and handing what was
typed to the store. Texts come from the caller, so each dialog keeps its own translation
context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.errors import DomainError
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.screen import FittedDialog
from app.ui.common.session import Session

Written = TypeVar("Written")


def error_label() -> QLabel:
    """A red line under the form; hidden until something is wrong."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


def say_wrong(error: QLabel, text: str, field: QWidget | None = None) -> None:
    """What is wrong, in ``error``; the cursor goes to the field to put right, its text
    selected to be typed over."""
    error.setText(text)
    error.show()
    if field is not None:
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()


def hint_label(text: str = "") -> QLabel:
    """Grey explaining text under a field, wrapped to the form's width."""
    label = QLabel(text)
    label.setObjectName("hintText")
    label.setWordWrap(True)
    return label


def password_field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def file_row(path: QLineEdit, *buttons: QPushButton) -> QHBoxLayout:
    """A file's path and the buttons that choose it (Enter stays the dialog's)."""
    row = QHBoxLayout()
    row.setSpacing(6)
    row.addWidget(path, 1)
    for button in buttons:
        button.setAutoDefault(False)
        row.addWidget(button)
    return row


def busy_bar() -> QProgressBar:
    """A thin bar that moves while the worker runs a step of unknown length; hidden."""
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


def field_form() -> QFormLayout:
    """Labels on the left, fields on the right, with room between the rows."""
    form = QFormLayout()
    form.setVerticalSpacing(10)
    form.setHorizontalSpacing(14)
    return form


def button_row(
    dialog: QDialog,
    ok_text: str,
    cancel_text: str,
    on_ok: Callable[[], object],
    enter_confirms: bool = True,
) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """OK and Cancel at the right. ``enter_confirms`` False: OK needs a deliberate click."""
    ok = QPushButton(ok_text)
    ok.setObjectName("primaryButton")
    if enter_confirms:
        ok.setDefault(True)
    else:
        ok.setAutoDefault(False)
    ok.clicked.connect(on_ok)
    cancel = QPushButton(cancel_text)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(ok)
    row.addWidget(cancel)
    return row, ok, cancel


def question_label(text: str) -> QLabel:
    """The question a confirming dialog asks, in bold above its form."""
    label = QLabel(text)
    label.setObjectName("confirmText")
    label.setWordWrap(True)
    return label


def dialog_layout(dialog: QDialog) -> QVBoxLayout:
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 20, 24, 16)
    layout.setSpacing(12)
    return layout


class StoreDialog(FittedDialog):
    """Hands what was typed to the store, on the session's worker thread; a refusal is shown
    in its error line and the dialog stays open with everything typed."""

    def __init__(self, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.error = error_label()
        self.writing: Operation | None = None

    def arrange(
        self,
        question: QLabel,
        form: QFormLayout,
        ok_text: str,
        on_ok: Callable[[], object],
        enter_confirms: bool = True,
        width: int = 480,
    ) -> None:
        """The question, the form, the error line and OK/Cancel (``self.ok_button``,
        ``self.cancel_button``), top to bottom."""
        cancel = QCoreApplication.translate("StoreDialog", "Cancel")
        buttons, self.ok_button, self.cancel_button = button_row(
            self, ok_text, cancel, on_ok, enter_confirms
        )
        layout = dialog_layout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(width)

    def reject(self) -> None:
        """Esc and Cancel while the write runs: it goes on, and the dialog closes with it."""
        if self.writing is None:
            super().reject()

    def refused(self, error: DomainError) -> None:
        self.error.setText(error_text(error))
        self.error.show()
        self.refit()  # room for the message without squeezing the fields

    def written(
        self, work: Callable[[Database], Written], done: SignalInstance
    ) -> Operation | None:
        """``work(db)`` writes to the store; on success ``done`` hears what was written and
        the dialog closes. While it runs, OK waits (a second click writes nothing twice)."""
        if self.writing is not None:
            return None

        def finished(result: Written) -> None:
            done.emit(result)
            self.accept()

        def settled() -> None:
            self.writing = None
            self.ok_button.setEnabled(True)

        self.ok_button.setEnabled(False)
        self.error.hide()
        self.writing = self.session.write(work, finished, self.refused, settled)
        return self.writing
