"""Intake (受理): register a case from the keyboard, with duplicate hints and photos."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.errors import DomainError, ValidationErrors
from app.core.intake import IntakeRequest
from app.core.model import Case, CaseSource
from app.store.cases import check_intake, register_case, similar_recent_cases
from app.ui.cases.duplicate_hints import DuplicateHintsPanel
from app.ui.common.i18n import error_text, word
from app.ui.common.pickers import category_picker, grid_picker
from app.ui.common.runner import Operation
from app.ui.common.session import Session
from app.ui.common.thumbnails import thumbnail

HINTS_DEBOUNCE_MS = 400

# Which field an error code belongs to, so the field is outlined in red as well.
ERROR_FIELDS = {
    "category_missing": "category",
    "category_unknown": "category",
    "category_not_leaf": "category",
    "grid_missing": "grid",
    "grid_unknown": "grid",
    "description_empty": "description",
    "description_too_long": "description",
    "phone_invalid": "reporter_phone",
    "reporter_phone_without_name": "reporter_name",
    "latitude_out_of_range": "latitude",
    "longitude_out_of_range": "longitude",
    "coordinates_incomplete": "latitude",
    "photo_missing": "photos",
    "photo_not_image": "photos",
    "photo_too_large": "photos",
}


class IntakeDialog(QDialog):
    case_registered = Signal(object)  # Case
    open_case_requested = Signal(object)  # Case (from a duplicate hint)

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
        self.resize(1080, 700)

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
        self.photos = QListWidget()
        self.photos.setObjectName("photoList")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(88, 88))
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setFixedHeight(128)
        self.add_photo_button = QPushButton(self.tr("Add photos…"))
        self.remove_photo_button = QPushButton(self.tr("Remove"))
        self.errors = QLabel()
        self.errors.setObjectName("errorLabel")
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
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
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addLayout(photo_buttons)
        form.addRow(self.tr("Photos"), photo_row)

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
        self.add_photo_button.clicked.connect(self._choose_photos)
        self.remove_photo_button.clicked.connect(self.remove_selected_photos)
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
            latitude=_number(self.latitude.text()),
            longitude=_number(self.longitude.text()),
        )

    def _coordinate_errors(self) -> list[tuple[str, str]]:
        """Text that is not a number at all: a typing problem the form itself can name."""
        found = []
        for key, edit in (("latitude", self.latitude), ("longitude", self.longitude)):
            text = edit.text().strip()
            if text and _number(text) is None:
                found.append((key, self.tr("“{text}” is not a number.").format(text=text)))
        return found

    def photo_paths(self) -> list[Path]:
        return [
            Path(self.photos.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.photos.count())
        ]

    def add_photos(self, paths: list[Path]) -> None:
        known = set(self.photo_paths())
        for path in paths:
            if path in known:
                continue
            icon = QIcon(thumbnail(path, 88))
            item = QListWidgetItem(icon, path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.photos.addItem(item)

    def remove_selected_photos(self) -> None:
        for item in self.photos.selectedItems():
            self.photos.takeItem(self.photos.row(item))

    def _choose_photos(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            str(Path.home()),
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"),
        )
        self.add_photos([Path(f) for f in files])

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
        typing = self._coordinate_errors()
        request = self.request()
        if typing:  # nothing is saved; still list the domain's problems at the same time
            try:
                check_intake(self.db, request)
            except DomainError as error:
                self.show_errors(typing + self._problems(error))
                return None
            self.show_errors(typing)
            return None
        session, photos = self.session, self.photo_paths()

        def work(db: Database) -> Case:
            user, wall = session.user, session.clock.wall
            return register_case(db, session.blobs, user, request, photos, wall=wall)

        def settled() -> None:
            self.saving = None

        self.saving = session.write(
            work, self._registered, lambda e: self.show_errors(self._problems(e)), settled
        )
        return self.saving

    def _problems(self, error: DomainError) -> list[tuple[str, str]]:
        errors = error.errors if isinstance(error, ValidationErrors) else [error]
        return [(ERROR_FIELDS.get(e.code, ""), error_text(e)) for e in errors]

    def _registered(self, case: Case) -> None:
        self.registered = case
        self.case_registered.emit(case)
        self.accept()

    def show_errors(self, problems: list[tuple[str, str]]) -> None:
        self.errors.setText("\n".join(f"• {text}" for _field, text in problems))
        self.errors.setVisible(bool(problems))
        marked = {field for field, _text in problems}
        for name, widget in self.fields.items():
            widget.setProperty("invalid", name in marked)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        first = next((self.fields[f] for f, _ in problems if f in self.fields), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self) -> str:
        return self.errors.text() if self.errors.isVisible() else ""

    # -- leaving ---------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        texts = [
            self.category.currentText(),
            self.grid.currentText(),
            self.address.text(),
            self.description.toPlainText(),
            self.reporter_name.text(),
            self.reporter_phone.text(),
            self.latitude.text(),
            self.longitude.text(),
        ]
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

    def done(self, result: int) -> None:
        self._hints_timer.stop()  # no duplicate search after the dialog has gone
        super().done(result)

    def reject(self) -> None:
        """Esc and Cancel: ask before throwing away typing."""
        if self.registered is None and self.is_dirty() and not self.confirm_discard():
            return
        super().reject()


def _number(text: str) -> float | None:
    text = text.strip().replace("，", ".").replace("。", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None
