"""What the small form dialogs share: an error line, the button row, the outer layout.
Texts come from the caller, so each dialog keeps its own translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


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


def dialog_layout(dialog: QDialog) -> QVBoxLayout:
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 20, 24, 16)
    layout.setSpacing(12)
    return layout
