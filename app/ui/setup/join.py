"""Joining as a field laptop (作为外业终端加入): the window's way of ``towndesk device join``.

The office enrols the laptop on its Sync page and hands over an enrolment file and, in
person, its password. Here the laptop's user chooses the file and types the password; the
sync layer's ``join`` makes the database from it on the worker (the file is checked before
anything is created, and a failed join leaves nothing behind). The password then stays the
laptop's device key password, asked for when sync files are made or read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton, QWidget

from app.core.clock import Clock
from app.core.errors import DomainError
from app.store.devices import DeviceRecord
from app.sync.enrolment import join
from app.sync.keys import STRONG, KdfCost
from app.ui.common.dialog_parts import field_form, file_row, hint_label, password_field
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation, Progress
from app.ui.common.two_step import TwoStepDialog, selectable
from app.ui.setup.first_start import FirstStart

ENROL_PATTERN = "*.tdenrol"  # what the office's enrol dialog writes


class JoinDialog(FirstStart, TwoStepDialog):
    def __init__(
        self,
        db_path: Path,
        clock: Clock,
        parent: QWidget | None = None,
        cost: KdfCost = STRONG,
    ) -> None:
        super().__init__(580, parent)
        self.start_worker(db_path, clock)
        self.cost = cost
        self.device: DeviceRecord | None = None
        self.setObjectName("joinDialog")
        self.setWindowTitle(self.tr("Join as a field laptop"))
        self.name_buttons(self.tr("Join"), self.tr("Cancel"), self.tr("Go to sign-in"))
        self.form_page = self._form()
        self.done_page = self.build_result(
            selectable(
                self.tr(
                    "Sign in with the user name and password the office gave you. Bring the "
                    "laptop's work to the office with sync files, from the Sync page; the "
                    "enrolment password is asked for then, as this laptop's device key password."
                )
            )
        )
        for first, second in (
            (self.file, self.browse_button),
            (self.browse_button, self.password),
            (self.password, self.ok_button),
            (self.ok_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)
        self.file.setFocus()

    def _form(self) -> QWidget:
        self.file = QLineEdit()
        self.file.setObjectName("enrolmentFile")
        self.file.setPlaceholderText(self.tr("e.g. a file on the USB stick"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.browse)
        self.password = password_field("enrolmentPassword")
        password_hint = hint_label(
            self.tr(
                "The password the office told you. It stays this laptop's device key "
                "password: you need it again to make and read sync files."
            )
        )
        form = field_form()
        form.addRow(self.tr("Enrolment file"), file_row(self.file, self.browse_button))
        form.addRow(self.tr("Enrolment password"), self.password)
        form.addRow("", password_hint)
        intro = self.tr(
            "The office enrols this laptop on its Sync page and gives you an enrolment "
            "file (.tdenrol) and, in person, its password. The laptop then gets the "
            "township's departments, users and the cases it may see."
        )
        return self.build_form(intro, form)  # the busy bar: checking the file, importing

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
        self.show_result(self.done_page)

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

    def made(self) -> bool:
        """Once joined, Esc goes on to sign-in."""
        return self.device is not None
