"""What the base-data forms share: a form that scrolls when long (a dialog stays under
~680 px on the office PC), fixed fields shown but not editable, and the one dialog that
deactivates or reactivates a record (a save with ``active`` turned over; nothing is ever
deleted). The store checks every record against core/base_data.py; a refusal appears in
the dialog's error line and nothing is written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from sqlite_utils import Database

from app.ui.common.dialog_parts import StoreDialog, button_row, dialog_layout, question_label
from app.ui.common.runner import Operation
from app.ui.common.session import Session

DIALOG_MAX_HEIGHT = 680  # the office PC's 768-pixel screen, less the task bar
FORM_MAX_HEIGHT = 500  # beyond it the form scrolls inside the dialog


def line(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def fixed(name: str, text: str, why: str) -> QLabel:
    """A field that cannot change once the record exists (a code, a tier, a group)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setToolTip(why)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hintText")
    label.setWordWrap(True)
    return label


class RecordDialog(StoreDialog):
    """A small form over one record; ``saved`` hears the record as the store wrote it."""

    saved = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None) -> None:
        super().__init__(session, parent)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(14)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def finish(self, title: str, question: str, ok_text: str, width: int = 520) -> None:
        """The question, the form (scrolling when long), the error line, OK and Cancel."""
        self.setWindowTitle(title)
        inner = QWidget()
        inner.setObjectName("recordForm")
        inner.setLayout(self.form)
        self.form.setContentsMargins(0, 0, 6, 0)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        scroll.viewport().setAutoFillBackground(False)  # the dialog's own background
        inner.setAutoFillBackground(False)
        scroll.setMinimumHeight(min(inner.sizeHint().height() + 2, FORM_MAX_HEIGHT))
        buttons, self.ok_button, self.cancel_button = button_row(
            self, ok_text, self.tr("Cancel"), self.submit
        )
        layout = dialog_layout(self)
        layout.addWidget(question_label(question))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(width)
        self.setMaximumHeight(DIALOG_MAX_HEIGHT)

    def submit(self) -> Operation | None:
        raise NotImplementedError

    def write(self, work: Callable[[Database], object]) -> Operation | None:
        return self.written(work, self.saved)


class ActiveDialog(StoreDialog):
    """Deactivate (or reactivate) one record, after saying what that means. ``save(db,
    active)`` writes it; a rule that says no (a unit that still has people) is shown here."""

    saved = Signal(object)

    def __init__(
        self,
        session: Session,
        question: str,
        explanation: str,
        ok_text: str,
        save: Callable[[Database], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("activeDialog")
        self.setWindowTitle(ok_text)
        self.save = save
        text = hint(explanation)
        text.setObjectName("")
        buttons, self.ok_button, self.cancel_button = button_row(
            self, ok_text, self.tr("Cancel"), self.submit
        )
        layout = dialog_layout(self)
        layout.addWidget(question_label(question))
        layout.addWidget(text)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.setMaximumHeight(DIALOG_MAX_HEIGHT)
        self.ok_button.setFocus()

    def submit(self) -> Operation | None:
        return self.written(self.save, self.saved)
