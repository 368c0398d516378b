"""Joining as a field laptop (作为外业终端加入): the window's way of ``towndesk device join``.

The office enrols the laptop on its Sync page and hands over an enrolment file and, in
person, its password. Here the laptop's user chooses the file and types the password; the
sync layer's ``join`` makes the database from it on the worker (the file is checked before
anything is created, and a failed join leaves nothing behind). The password then stays the
laptop's device key password, asked for when sync files are made or read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.clock import Clock
from app.core.errors import DomainError
from app.store.devices import DeviceRecord
from app.sync.enrolment import join
from app.sync.keys import STRONG, KdfCost
from app.ui.common.dialog_parts import button_row, dialog_layout, error_label
from app.ui.common.i18n import error_text
from app.ui.common.runner import BackgroundRunner, Operation, Progress

ENROL_PATTERN = "*.tdenrol"  # what the office's enrol dialog writes


class JoinDialog(QDialog):
    def __init__(
        self,
        db_path: Path,
        clock: Clock,
        parent: QWidget | None = None,
        cost: KdfCost = STRONG,
    ) -> None:
        super().__init__(parent)
        self.db_path, self.clock, self.cost = db_path, clock, cost
        self.runner = BackgroundRunner(db_path, self)
        self.operation: Operation | None = None
        self.device: DeviceRecord | None = None
        self.setObjectName("joinDialog")
        self.setWindowTitle(self.tr("Join as a field laptop"))
        self.stack = QStackedWidget()
        self.form_page = self._form()
        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self._done())
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Join"), self.tr("Cancel"), self.submit
        )
        self.close_button = QPushButton(self.tr("Go to sign-in"))
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons.addWidget(self.close_button)
        layout = dialog_layout(self)
        layout.addWidget(self.stack)
        layout.addLayout(buttons)
        self.setFixedWidth(580)
        for first, second in (
            (self.file, self.browse_button),
            (self.browse_button, self.password),
            (self.password, self.ok_button),
            (self.ok_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)
        self.file.setFocus()

    def _form(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "The office enrols this laptop on its Sync page and gives you an enrolment "
                "file (.tdenrol) and, in person, its password. The laptop then gets the "
                "township's departments, users and the cases it may see."
            )
        )
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setObjectName("enrolmentFile")
        self.file.setPlaceholderText(self.tr("e.g. a file on the USB stick"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.setSpacing(6)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        self.password = QLineEdit()
        self.password.setObjectName("enrolmentPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        password_hint = QLabel(
            self.tr(
                "The password the office told you. It stays this laptop's device key "
                "password: you need it again to make and read sync files."
            )
        )
        password_hint.setObjectName("hintText")
        password_hint.setWordWrap(True)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Enrolment file"), file_row)
        form.addRow(self.tr("Enrolment password"), self.password)
        form.addRow("", password_hint)
        self.error = error_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: checking the file, importing the township
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _done(self) -> QWidget:
        page = QWidget()
        self.done_title = QLabel()
        self.done_title.setObjectName("sectionTitle")
        self.done_title.setWordWrap(True)
        self.done_text = QLabel(
            self.tr(
                "Sign in with the user name and password the office gave you. Bring the "
                "laptop's work to the office with sync files, from the Sync page; the "
                "enrolment password is asked for then, as this laptop's device key password."
            )
        )
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    def browse(self) -> None:
        start = self.file.text().strip() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.HomeLocation
        )
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the enrolment file"),
            start,
            self.tr("Enrolment files ({pattern})").format(pattern=ENROL_PATTERN),
        )
        if chosen:
            self.file.setText(chosen)
            self.password.setFocus()

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def submit(self) -> Operation | None:
        """Check the form, then join on the worker; None when the form is refused."""
        if self.operation is not None:
            return None
        text = self.file.text().strip().strip('"')
        if not text:
            return self._refuse(self.tr("Choose the enrolment file."), self.file)
        enrolment = Path(text).expanduser()
        if not enrolment.is_file():
            return self._refuse(
                self.tr("There is no file {path}.").format(path=enrolment), self.file
            )
        if not self.password.text():
            return self._refuse(self.tr("Type the enrolment password."), self.password)
        path, password, cost, wall = self.db_path, self.password.text(), self.cost, self.clock.wall

        def work(_db: object, _progress: Progress) -> DeviceRecord:
            return join(enrolment, path, password, cost, wall=wall)

        self.error.hide()
        self.progress.show()
        self.ok_button.setEnabled(False)
        self.operation = self.runner.run(
            Operation(
                work,
                self._joined,
                refused=self._refused,
                settled=self._settled,
                report_if_cancelled=True,
                needs_database=False,
            )
        )
        return self.operation

    def _refuse(self, text: str, field: QWidget) -> None:
        self.show_error(text, field)
        return None

    def _joined(self, device: DeviceRecord) -> None:
        self.device = device
        self.done_title.setText(
            self.tr("This laptop is now {name} (device code {code}).").format(
                name=device.name, code=device.code
            )
        )
        self.stack.setCurrentIndex(1)
        self.stack.removeWidget(self.form_page)  # the dialog shrinks to what it says now
        self.form_page.hide()
        self.ok_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()

    def _refused(self, error: DomainError) -> None:
        if error.code == "key_password_wrong":  # the sealed identity would not open
            self.show_error(
                self.tr(
                    "The enrolment password is wrong. Check it with the office. Nothing was "
                    "created."
                ),
                self.password,
            )
            return
        field = self.file if error.code.startswith("enrolment") else None
        self.show_error(
            self.tr("{problem} Nothing was created.").format(problem=error_text(error)), field
        )

    def _settled(self) -> None:
        self.operation = None
        self.progress.hide()
        self.ok_button.setEnabled(True)

    def reject(self) -> None:
        """Esc and Cancel wait while the laptop joins; once joined, Esc goes on to sign-in."""
        if self.operation is not None:
            return
        if self.device is not None:
            self.accept()
            return
        super().reject()

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)
