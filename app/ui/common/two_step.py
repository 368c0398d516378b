"""A form, then what came of it: the two ends of handing a field laptop its identity share
this shape (the office enrols it, sync/enrol.py; the laptop joins with the file,
setup/join.py). The form has OK and Cancel, a red line for what is wrong and a busy bar while
the worker runs; once done, the result takes the form's place with one button to go on.
Texts come from the subclass, so each dialog keeps its own translation context."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.dialog_parts import (
    busy_bar,
    button_row,
    dialog_layout,
    error_label,
    say_wrong,
)
from app.ui.common.screen import FittedDialog


class TwoStepDialog(FittedDialog):
    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error_label()
        self.progress = busy_bar()
        self.stack = QStackedWidget()
        buttons, self.ok_button, self.cancel_button = button_row(self, "", "", self.submit)
        self.close_button = QPushButton()
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons.addWidget(self.close_button)
        layout = dialog_layout(self)
        layout.addWidget(self.stack)
        layout.addLayout(buttons)
        self.setFixedWidth(width)  # wrapped hints get their height for this width

    def name_buttons(self, ok: str, cancel: str, close: str) -> None:
        """OK and Cancel under the form; ``close`` under the result."""
        self.ok_button.setText(ok)
        self.cancel_button.setText(cancel)
        self.close_button.setText(close)

    def submit(self) -> object:
        raise NotImplementedError

    def build_form(self, intro: str, form: QFormLayout) -> QWidget:
        """The first step, shown at once: what it is for, the fields, what is wrong and the
        busy bar."""
        page = QWidget()
        about = QLabel(intro)
        about.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.stack.addWidget(page)
        return page

    def build_result(self, *parts: QWidget | QLayout) -> QWidget:
        """The second step: ``done_title`` (set when it is done) over ``parts``."""
        page = QWidget()
        self.done_title = QLabel()
        self.done_title.setObjectName("sectionTitle")
        self.done_title.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.done_title)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addStretch(1)
        return page

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        say_wrong(self.error, text, field)
        self.refit()  # room for the message without squeezing the wrapped hints

    def show_result(self, page: QWidget) -> None:
        """The form gives way to ``page``, and the dialog shrinks to what it says now."""
        form = self.stack.widget(0)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.stack.removeWidget(form)
        form.hide()
        self.ok_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.refit(shrink=True)


def selectable(text: str = "") -> QLabel:
    """Wrapped text the user may select and copy (a path, a device code)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
