"""What the small form dialogs share: an error line, the button row, the outer layout, and
handing what was typed to the store. Texts come from the caller, so each dialog keeps its own
translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.ui.i18n import error_text

Written = TypeVar("Written")


def error_label() -> QLabel:
    """A red line under the form; hidden until something is wrong."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


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


class StoreDialog(QDialog):
    """Hands what was typed to the store; a refusal is shown in its error line and the dialog
    stays open with everything typed."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = error_label()

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

    def refused(self, error: DomainError) -> None:
        self.error.setText(error_text(error))
        self.error.show()

    def written(self, write: Callable[[], Written], done: SignalInstance) -> Written | None:
        """``write`` to the store; on success tell ``done`` what was written and close.
        None when the store refused (nothing was written)."""
        try:
            result = write()
        except DomainError as error:
            self.refused(error)
            return None
        done.emit(result)
        self.accept()
        return result
