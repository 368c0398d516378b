"""Enrolling a field laptop, from the sync page (office PC, administrator only).

Enrol: the keys are unlocked first (``KeyRing``), then the dialog asks for the laptop's
name, kind, department and a one-time password, and ``enrol`` writes the enrolment file on
the worker, through the session (every page hears of the new device). The dialog then says
what to do on the laptop: join as a field laptop at its first start (setup/join.py), or, for
IT staff, the command ``towndesk device join``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget
from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.model import Tier
from app.store.changes import DEVICES, changed
from app.store.reference import departments
from app.sync.enrolment import Enrolled, enrol
from app.sync.keys import MIN_PASSWORD, DeviceKeys, KdfCost
from app.ui.common.dialog_parts import field_form, file_row, hint_label, password_field
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.common.two_step import TwoStepDialog, selectable
from app.ui.sync import transfer as sync_transfer
from app.ui.sync.words import device_kind_word

ENROL_SUFFIX = ".tdenrol"
ENROL_PATTERN = "*.tdenrol"


def join_command(path: Path) -> str:
    """What to type on the laptop (the file copied there under the same name). Double quotes
    only when needed: they work in the Windows console and in a Unix shell alike."""
    name = path.name
    if any(c.isspace() or c in "&()^;|<>'`$!%" for c in name):
        name = f'"{name}"'
    return f"towndesk device join {name}"


class EnrolDialog(TwoStepDialog):
    enrolled = Signal(object)  # Enrolled

    def __init__(
        self,
        session: Session,
        keys: DeviceKeys,
        folder: Path,
        cost: KdfCost,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(600, parent)
        self.name_buttons(self.tr("Enrol"), self.tr("Cancel"), self.tr("Close"))
        self.session, self.keys, self.folder, self.cost = session, keys, folder, cost
        self.operation: Operation | None = None
        self.outcome: Enrolled | None = None
        self.path_edited = False
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol a field laptop"))
        self.form_page, self.done_page = self._form(), self._done()
        fields = (self.name, self.kind, self.department, self.password, self.confirm, self.path)
        clicks = (self.browse_button, self.ok_button, self.cancel_button)
        self.inputs: tuple[QWidget, ...] = fields + clicks  # in tab order
        for first, second in zip(self.inputs, self.inputs[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._kind_changed()
        self.name.setFocus()

    # -- building ---------------------------------------------------------------------------

    def _form(self) -> QWidget:
        self.name = QLineEdit()
        self.name.setObjectName("enrolName")
        self.name.setPlaceholderText(self.tr("e.g. Qingshi village grid laptop"))
        self.name.textChanged.connect(self._suggest_path)
        self.kind = QComboBox()
        self.kind.setObjectName("enrolKind")
        for kind in ("grid-worker", "department"):
            self.kind.addItem(device_kind_word(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.department = QComboBox()
        self.department.setObjectName("enrolDepartment")
        for department in departments(self.session.db):
            if department.tier in (Tier.X, Tier.Y):
                self.department.addItem(f"{department.name}（{department.code}）", department.code)
        self.password = password_field("enrolPassword")
        self.confirm = password_field("enrolPasswordAgain")
        password_hint = hint_label(
            self.tr(
                "At least {limit} characters. Tell it to the laptop's user in person, never "
                "with the file. The laptop asks for it once when it joins and keeps it as its "
                "device key password."
            ).format(limit=MIN_PASSWORD)
        )
        self.path = QLineEdit()
        self.path.setObjectName("enrolPath")
        self.path.textEdited.connect(lambda _text: setattr(self, "path_edited", True))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.browse)
        form = field_form()
        form.addRow(self.tr("Device name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("One-time password"), self.password)
        form.addRow(self.tr("Again"), self.confirm)
        form.addRow("", password_hint)
        form.addRow(self.tr("Save the file as"), file_row(self.path, self.browse_button))
        self._suggest_path()
        intro = self.tr(
            "The office gives the laptop its identity: an enrolment file, sealed with a "
            "one-time password, carries the laptop's keys and everything it needs to start."
        )
        return self.build_form(intro, form)  # the busy bar: making the keys and the sync file

    def _done(self) -> QWidget:
        self.done_text = selectable()
        self.command = QLineEdit()
        self.command.setObjectName("joinCommand")
        self.command.setReadOnly(True)
        self.command.setStyleSheet("font-family: monospace;")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_command)
        self.command_intro = hint_label(
            self.tr(
                "For IT staff, the same from the command line on the laptop, in the folder "
                "holding the file (or give the file's full path):"
            )
        )
        self.after_text = hint_label(
            self.tr(
                "It asks for the one-time password. Add --db <database file> only to keep the "
                "laptop's database somewhere else than the program's data folder. The laptop "
                "then signs in and syncs from its Sync page."
            )
        )
        command_row = file_row(self.command, self.copy_button)
        return self.build_result(self.done_text, self.command_intro, command_row, self.after_text)

    # -- the form ---------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        department = self.kind.currentData() == "department"
        self.department.setEnabled(department)
        if not department:
            self.department.setToolTip(self.tr("Only a department laptop belongs to a department"))
        else:
            self.department.setToolTip("")

    def suggested_name(self) -> str:
        name = "".join(c for c in self.name.text().strip() if c not in '\\/:*?"<>|')
        return self.tr("EnrolmentFile-{name}.tdenrol").format(name=name or self.tr("laptop"))

    def _suggest_path(self) -> None:
        if not self.path_edited:
            self.path.setText(str(self.folder / self.suggested_name()))

    def browse(self) -> None:
        current = Path(self.path.text().strip() or self.folder / self.suggested_name())
        chosen = sync_transfer.choose_save_path(
            self,
            self.tr("Save the enrolment file"),
            current,
            self.tr("Enrolment files ({pattern})").format(pattern=ENROL_PATTERN),
        )
        if chosen is not None:
            if not chosen.suffix:
                chosen = chosen.with_suffix(ENROL_SUFFIX)
            self.path.setText(str(chosen))
            self.path_edited = True

    def target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix else path.with_suffix(ENROL_SUFFIX)

    def submit(self) -> Operation | None:
        """Check the form, then enrol on the worker; None when the form is refused."""
        if self.operation is not None:
            return None
        name = self.name.text().strip()
        kind = self.kind.currentData()
        department = self.department.currentData() if kind == "department" else None
        password = self.password.text()
        target = self.target()
        if not name:
            self.show_error(self.tr("Enter a name for the laptop."), self.name)
            return None
        if kind == "department" and not department:
            self.show_error(self.tr("Choose the laptop's department."), self.department)
            return None
        if len(password) < MIN_PASSWORD:
            self.show_error(
                self.tr("The one-time password needs at least {limit} characters.").format(
                    limit=MIN_PASSWORD
                ),
                self.password,
            )
            return None
        if password != self.confirm.text():
            self.confirm.clear()
            self.show_error(self.tr("The two passwords differ. Type them again."), self.confirm)
            return None
        if target is None:
            self.show_error(self.tr("Choose where to save the enrolment file."), self.path)
            return None
        if not target.parent.is_dir():
            self.show_error(
                self.tr("The folder {folder} does not exist.").format(folder=target.parent),
                self.path,
            )
            return None
        if target.exists():
            self.show_error(
                self.tr("{file} exists already. Choose another name.").format(file=target.name),
                self.path,
            )
            return None
        self.error.hide()
        session, keys, cost = self.session, self.keys, self.cost
        blobs, user, wall = session.blobs, session.user, session.clock.wall

        def work(db: Database) -> Enrolled | DomainError | OSError:
            try:
                return enrol(
                    db, blobs, keys, user, name, kind, department, password, target, cost, wall=wall
                )
            except (DomainError, OSError) as error:  # said in the form; what was written
                return error  # before it (the enrolment, revoked again) still reaches the pages

        operation = session.write(
            work, self._finished, self._failed, self._settled, also=changed(DEVICES)
        )
        self._set_busy(operation)
        return operation

    def _set_busy(self, operation: Operation | None) -> None:
        self.operation = operation
        idle = operation is None
        self.ok_button.setText(self.tr("Enrol") if idle else self.tr("Writing the file…"))
        for widget in self.inputs:
            widget.setEnabled(idle)
        self.department.setEnabled(idle and self.kind.currentData() == "department")
        self.progress.setVisible(not idle)

    def reject(self) -> None:
        if self.operation is None:  # the file is being written: let it finish
            super().reject()

    def _settled(self) -> None:
        if self.operation is not None:  # an unexpected error went to the error dialog
            self._set_busy(None)

    def _finished(self, outcome: Enrolled | DomainError | OSError) -> None:
        if isinstance(outcome, Enrolled):
            self._succeeded(outcome)
        else:
            self._failed(outcome)

    def _failed(self, error: DomainError | OSError) -> None:
        self._set_busy(None)
        if isinstance(error, DomainError):
            self.show_error(error_text(error), self.name)
        else:
            self.show_error(
                self.tr("The enrolment file could not be written: {reason}").format(
                    reason=error.strerror or error
                ),
                self.path,
            )

    def _succeeded(self, result: Enrolled) -> None:
        self._set_busy(None)
        self.outcome = result
        device = result.device
        self.done_title.setText(
            self.tr("{name} is enrolled: code {code}, {kind}.").format(
                name=device.name,
                code=device.code,
                kind=device_kind_word(device.kind, device.department),
            )
        )
        self.done_text.setText(
            self.tr(
                "The enrolment file is written:\n{path}\n\n"
                "1. Copy the file to the laptop (USB stick).\n"
                "2. Tell the laptop's user the one-time password in person, not with the file.\n"
                "3. On the laptop, start TownDesk and choose “Join as a field laptop”; choose "
                "the file there and type the one-time password."
            ).format(path=result.path)
        )
        self.command.setText(join_command(result.path))
        self.password.clear()
        self.confirm.clear()
        self.show_result(self.done_page)
        self.enrolled.emit(result)

    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())
