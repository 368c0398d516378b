"""Intake (受理): register a case from the keyboard, with duplicate hints and photos."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.case_path.rules import TRIAGE
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Case, CaseSource
from app.store.case_actions import actions_for
from app.store.cases import check_intake, register_case, similar_recent_cases
from app.ui.cases.duplicate_hints import DuplicateHintsPanel
from app.ui.cases.intake_errors import ErrorBanner, Problem, domain_problems
from app.ui.cases.intake_photos import IntakePhotos
from app.ui.cases.intake_pickers import category_picker, grid_picker, typed_number
from app.ui.common.i18n import word
from app.ui.common.runner import Operation
from app.ui.common.screen import fit_to_screen
from app.ui.common.session import Session

HINTS_DEBOUNCE_MS = 400
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakeDialog(QDialog):
    """Enter moves on to the next field, as Tab does, and never presses a button (Ctrl+Enter
    saves). After a refused save the error banner follows the fixes as they are typed. A
    case saved by someone who triages opens at once (``open_case_requested``), at triage."""

    case_registered = Signal(object)  # Case
    open_case_requested = Signal(object)  # Case: a duplicate hint, or a new case to triage

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.db, self.ref, self.clock = session.db, session.ref, session.clock
        self.registered: Case | None = None
        self.saving: Operation | None = None
        self.setWindowTitle(self.tr("Register case"))
        self.setObjectName("intakeDialog")
        self._build_fields()
        self.hints = DuplicateHintsPanel(self.ref)
        self.hints.case_chosen.connect(self.open_case_requested)
        self._hints_timer = QTimer(self)
        self._hints_timer.setSingleShot(True)
        self._hints_timer.setInterval(HINTS_DEBOUNCE_MS)
        self._hints_timer.timeout.connect(self.update_hints)
        self._layout()
        self._connect()
        fit_to_screen(self, 1080, 700)

    # -- building --------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.category = category_picker(self.ref, self.tr("Type to search, e.g. 占道"))
        self.grid = grid_picker(self.ref, self.tr("Type a grid, village or code"))
        self.source = QComboBox()
        for source in CaseSource:
            self.source.addItem(word(source), source.value)
        self.urgent = QCheckBox(self.tr("Urgent"))
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Where is it? Village, street, landmark"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.description.setPlaceholderText(self.tr("What is the problem? Who, what, since when."))
        self.description.setMinimumHeight(120)
        self.reporter_name = QLineEdit()
        self.reporter_name.setPlaceholderText(self.tr("Name"))
        self.reporter_phone = QLineEdit()
        self.reporter_phone.setPlaceholderText(self.tr("Phone"))
        self.latitude = QLineEdit()
        self.latitude.setPlaceholderText(self.tr("Latitude, e.g. 37.52"))
        self.longitude = QLineEdit()
        self.longitude.setPlaceholderText(self.tr("Longitude, e.g. 121.37"))
        self.photo_part = IntakePhotos(self)  # the list, "Add photos…" and "Remove"
        self.photos = self.photo_part.photos
        self.add_photo_button = self.photo_part.add_button
        self.remove_photo_button = self.photo_part.remove_button
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        # no default button: Enter in a field presses none (it used to open the photo dialog)
        self.save_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        self.fields: dict[str, QWidget] = {
            "category": self.category,
            "grid": self.grid,
            "description": self.description,
            "reporter_name": self.reporter_name,
            "reporter_phone": self.reporter_phone,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "photos": self.photos,
        }
        self.errors = ErrorBanner(self.fields, self.problems)

    def _layout(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Category *"), self.category)
        form.addRow(self.tr("Grid *"), self.grid)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addSpacing(16)
        source_row.addWidget(self.urgent)
        source_row.addStretch(1)
        form.addRow(self.tr("Source"), source_row)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Description *"), self.description)
        reporter = QHBoxLayout()
        reporter.addWidget(self.reporter_name, 1)
        reporter.addWidget(self.reporter_phone, 1)
        form.addRow(self.tr("Reporter"), reporter)
        note = QLabel(
            self.tr("Confidential: only clerks, supervisors and administrators see the reporter.")
        )
        note.setObjectName("hintText")
        form.addRow("", note)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude, 1)
        coordinates.addWidget(self.longitude, 1)
        form.addRow(self.tr("Coordinates"), coordinates)
        form.addRow(self.tr("Photos"), self.photo_part.row())

        left = QVBoxLayout()
        left.addWidget(self.errors)
        left.addLayout(form)
        self.hints.setMinimumWidth(330)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.hints, 2)
        buttons = QHBoxLayout()
        first_receiver = QLabel(
            self.tr("First receiver: {unit} ({name})").format(
                unit=self.ref.department_name(self.session.user.department_code),
                name=self.session.user.name,
            )
        )
        first_receiver.setObjectName("hintText")
        buttons.addWidget(first_receiver)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(12)
        outer.addLayout(body, 1)
        outer.addLayout(buttons)
        order = [
            self.category,
            self.grid,
            self.source,
            self.urgent,
            self.address,
            self.description,
            self.reporter_name,
            self.reporter_phone,
            self.latitude,
            self.longitude,
            self.add_photo_button,
            self.remove_photo_button,
            self.save_button,
            self.cancel_button,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self.category.currentTextChanged.connect(self._hints_timer.start)
        self.grid.currentTextChanged.connect(self._hints_timer.start)
        self.description.textChanged.connect(self._hints_timer.start)
        # after a refused save, every edit lets the error banner drop what is fixed
        for picker in (self.category, self.grid):
            picker.currentTextChanged.connect(self._edited)
        for edit in (self.address, self.reporter_name, self.reporter_phone):
            edit.textChanged.connect(self._edited)
        for edit in (self.latitude, self.longitude, self.description):
            edit.textChanged.connect(self._edited)
        self.source.currentIndexChanged.connect(self._edited)
        self.photos.model().rowsInserted.connect(self.errors.photos_changed)
        self.photos.model().rowsRemoved.connect(self.errors.photos_changed)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    # -- the request -----------------------------------------------------------------------

    def request(self) -> IntakeRequest:
        return IntakeRequest(
            category_code=self.category.code(),
            grid_code=self.grid.code(),
            description=self.description.toPlainText(),
            address=self.address.text(),
            source=self.source.currentData(),
            urgent=self.urgent.isChecked(),
            reporter_name=self.reporter_name.text(),
            reporter_phone=self.reporter_phone.text(),
            latitude=typed_number(self.latitude.text()),
            longitude=typed_number(self.longitude.text()),
        )

    def _typing_problems(self) -> list[Problem]:
        """What the form itself can name: text that is not a number, or that several
        categories or grids hold (the domain would only say it does not exist)."""
        found = []
        for key, edit in (("latitude", self.latitude), ("longitude", self.longitude)):
            text = edit.text().strip()
            if text and typed_number(text) is None:
                found.append((key, self.tr("“{text}” is not a number.").format(text=text)))
        several = {
            "category": self.tr(
                "“{text}” is part of {count} categories: choose one from the list."
            ),
            "grid": self.tr("“{text}” is part of {count} grids: choose one from the list."),
        }
        for key, picker in (("category", self.category), ("grid", self.grid)):
            if count := picker.ambiguous():
                text = picker.currentText().strip()
                found.append((key, several[key].format(text=text, count=count)))
        return found

    def problems(self) -> list[Problem]:
        """Every problem of what is typed now, the form's and the domain's (photos are
        checked when they are stored)."""
        typing = self._typing_problems()
        try:
            check_intake(self.db, self.request())
        except DomainError as error:
            named = {field for field, _text in typing}
            return typing + [p for p in domain_problems(error) if p[0] not in named]
        return typing

    def photo_paths(self) -> list[Path]:
        return self.photo_part.paths()

    def add_photos(self, paths: list[Path]) -> None:
        self.photo_part.add(paths)

    def remove_selected_photos(self) -> None:
        self.photo_part.remove_selected()

    # -- duplicate hints -------------------------------------------------------------------

    def update_hints(self) -> None:
        request = self.request()
        if not (request.category_code and request.grid_code and request.description.strip()):
            self.hints.show_waiting()
            return
        try:
            hints = similar_recent_cases(self.db, request, self.clock.now())
        except DomainError:  # not a complete request yet (e.g. half-typed category)
            self.hints.show_waiting()
            return
        self.hints.show_hints(hints)

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> Operation | None:
        """Register the case on the worker thread, or show every problem and keep the dialog
        open with everything typed."""
        if self.saving is not None:
            return None  # saved once, however often Ctrl+S is pressed
        request = self.request()
        if self._typing_problems():  # nothing is saved; list the domain's problems too
            self.show_errors(self.problems())
            return None
        session, photos = self.session, self.photo_paths()

        def work(db: Database) -> Case:
            user, wall = session.user, session.clock.wall
            return register_case(db, session.blobs, user, request, photos, wall=wall)

        def settled() -> None:
            self.saving = None

        self.saving = session.write(
            work, self._registered, lambda e: self.show_errors(domain_problems(e)), settled
        )
        return self.saving

    def _registered(self, case: Case) -> None:
        self.registered = case
        self.case_registered.emit(case)
        self.accept()
        if any(action in TRIAGE for action in actions_for(self.db, self.session.user, case)):
            self.open_case_requested.emit(case)  # the clerk triages it next

    def show_errors(self, problems: list[Problem]) -> None:
        """A refused save: list every problem, outline its field, go to the first."""
        first = self.errors.show_problems(problems)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edited(self) -> None:
        if self.saving is None:  # what is being saved is not judged again meanwhile
            self.errors.follow()

    def error_text(self) -> str:
        return self.errors.shown_text()

    # -- leaving ---------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        lines = (
            self.address,
            self.reporter_name,
            self.reporter_phone,
            self.latitude,
            self.longitude,
        )
        texts = [self.category.currentText(), self.grid.currentText(), *(f.text() for f in lines)]
        texts.append(self.description.toPlainText())
        return any(t.strip() for t in texts) or self.photos.count() > 0

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard this case?"),
            self.tr("What you typed has not been saved. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field moves on to the next one, as Tab does (a picker has completed
        what was typed by then); Ctrl+Enter saves, through its shortcut."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in ENTER_KEYS and plain == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self._hints_timer.stop()  # no duplicate search after the dialog has gone
        super().done(result)

    def reject(self) -> None:
        """Esc and Cancel: ask before throwing away typing."""
        if self.registered is None and self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
