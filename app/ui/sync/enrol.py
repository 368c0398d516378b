"""Enrolling a field laptop, from the sync page (office PC, administrator only).

Enrol: the keys are unlocked first (``KeyRing``), then the dialog asks for the laptop's
name, kind, department and a one-time password, and ``enrol`` writes the enrolment file on
the worker, through the session (every page hears of the new device). The dialog then says
what to do on the laptop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.model import Tier
from app.store.changes import DEVICES, changed
from app.store.reference import departments
from app.sync.enrolment import Enrolled, enrol
from app.sync.keys import MIN_PASSWORD, DeviceKeys, KdfCost
from app.ui.common.dialog_parts import button_row, dialog_layout, error_label
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.session import Session
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


class EnrolDialog(QDialog):
    enrolled = Signal(object)  # Enrolled

    def __init__(
        self,
        session: Session,
        keys: DeviceKeys,
        folder: Path,
        cost: KdfCost,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.keys, self.folder, self.cost = session, keys, folder, cost
        self.operation: Operation | None = None
        self.outcome: Enrolled | None = None
        self.path_edited = False
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol a field laptop"))
        self.stack = QStackedWidget()
        self.form_page, self.done_page = self._form(), self._done()
        self.stack.addWidget(self.form_page)
        buttons, self.ok_button, self.cancel_button = button_row(
            self, self.tr("Enrol"), self.tr("Cancel"), self.submit
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons.addWidget(self.close_button)
        layout = dialog_layout(self)
        layout.addWidget(self.stack)
        layout.addLayout(buttons)
        self.setFixedWidth(600)  # wrapped hints get their height for this width
        fields = (self.name, self.kind, self.department, self.password, self.confirm, self.path)
        clicks = (self.browse_button, self.ok_button, self.cancel_button)
        self.inputs: tuple[QWidget, ...] = fields + clicks  # in tab order
        for first, second in zip(self.inputs, self.inputs[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._kind_changed()
        self.name.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.adjustSize()  # the wrapped hints, at the dialog's real width

    # -- building ---------------------------------------------------------------------------

    def _form(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "The office gives the laptop its identity: an enrolment file, sealed with a "
                "one-time password, carries the laptop's keys and everything it needs to start."
            )
        )
        intro.setWordWrap(True)
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
        self.password = QLineEdit()
        self.password.setObjectName("enrolPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("enrolPasswordAgain")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        password_hint = QLabel(
            self.tr(
                "At least {limit} characters. Tell it to the laptop's user in person, never "
                "with the file. The laptop asks for it once when it joins and keeps it as its "
                "device key password."
            ).format(limit=MIN_PASSWORD)
        )
        password_hint.setObjectName("hintText")
        password_hint.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setObjectName("enrolPath")
        self.path.textEdited.connect(lambda _text: setattr(self, "path_edited", True))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.setSpacing(6)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        form.addRow(self.tr("Device name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("One-time password"), self.password)
        form.addRow(self.tr("Again"), self.confirm)
        form.addRow("", password_hint)
        form.addRow(self.tr("Save the file as"), path_row)
        self.error = error_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: making the keys and the full sync file
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
        self._suggest_path()
        return page

    def _done(self) -> QWidget:
        page = QWidget()
        self.done_title = QLabel()
        self.done_title.setObjectName("sectionTitle")
        self.done_title.setWordWrap(True)
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.command = QLineEdit()
        self.command.setObjectName("joinCommand")
        self.command.setReadOnly(True)
        self.command.setStyleSheet("font-family: monospace;")
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_command)
        command_row = QHBoxLayout()
        command_row.setSpacing(6)
        command_row.addWidget(self.command, 1)
        command_row.addWidget(self.copy_button)
        self.after_text = QLabel(
            self.tr(
                "It asks for the one-time password. Run it in the folder holding the file "
                "(or give the file's full path); add --db <database file> only to keep the "
                "laptop's database somewhere else than the program's data folder. The laptop "
                "then opens TownDesk and syncs from its Sync page."
            )
        )
        self.after_text.setObjectName("hintText")
        self.after_text.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_text)
        layout.addLayout(command_row)
        layout.addWidget(self.after_text)
        layout.addStretch(1)
        return page

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

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # room for the message without squeezing the wrapped hint
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

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
                "3. On the laptop, run:"
            ).format(path=result.path)
        )
        self.command.setText(join_command(result.path))
        self.stack.addWidget(self.done_page)
        self.stack.setCurrentWidget(self.done_page)
        self.stack.removeWidget(self.form_page)  # the dialog takes the result's height
        self.form_page.hide()
        self.ok_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.password.clear()
        self.confirm.clear()
        self.adjustSize()
        self.enrolled.emit(result)

    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())
