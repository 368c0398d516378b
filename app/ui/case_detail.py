"""Case detail: every field, the first receiver up front, the timeline and the photos."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.rules import ACTION_ROUTES
from app.core.case_path.steps import Action
from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import Case, CaseStatus, Urgency, User, can_see_reporter, masked_phone
from app.core.transfers import OUT
from app.reports.slips import SLIPS
from app.store.blobs import BlobStore
from app.store.case_actions import act, actions_for
from app.store.case_conflicts import in_conflict
from app.store.case_state import load_state
from app.store.cases import case_by_id, case_evidence
from app.store.devices import is_office
from app.store.reference import ReferenceData
from app.store.routing import boundary_entries, power_entries, suggestion_for
from app.store.transfers import transfers_of
from app.ui.action_dialog import ActionDialog, StepContext
from app.ui.case_conflict import (
    CONFLICT_STYLE,
    ConflictBanner,
    ConflictDialog,
)
from app.ui.case_progress import CaseProgressPanel
from app.ui.case_records import CaseRecords
from app.ui.case_timeline import case_timeline
from app.ui.evidence_dialog import EvidenceDialog
from app.ui.i18n import action_word, word
from app.ui.printing import print_slip
from app.ui.thumbnails import ImageViewer, thumbnail
from app.ui.triage_parts import in_language, suggested_action


class CaseDetailDialog(QDialog):
    """One case. Rebuilt after every step so what it shows is always what the store says."""

    case_changed = Signal(object)  # Case: a step was carried out

    def __init__(
        self,
        db: Database,
        blobs: BlobStore,
        ref: ReferenceData,
        viewer: User,
        case_id: str,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.blobs, self.ref, self.viewer = db, blobs, ref, viewer
        self.case_id = case_id
        self.clock = clock
        self.case = case_by_id(db, case_id)
        self.image_viewer: ImageViewer | None = None
        self.action_dialog: ActionDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.evidence_dialog: EvidenceDialog | None = None
        self.conflict_banner: ConflictBanner | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
        self.setObjectName("caseDetail")
        self.setStyleSheet(CONFLICT_STYLE)
        self.body: QWidget | None = None
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        close.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 18, 24, 16)
        self.outer.setSpacing(12)
        self.outer.addLayout(buttons)
        self._build()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.accept)
        self.resize(1080, 720)

    def _build(self) -> None:
        self.case = case_by_id(self.db, self.case_id)
        self.state = load_state(self.db, self.case_id)
        self.actions = actions_for(self.db, self.viewer, self.case)
        self.suggestion = (
            suggestion_for(self.db, self.case)
            if any(a in ACTION_ROUTES for a in self.actions)
            else None
        )
        self.setWindowTitle(self.tr("Case {number}").format(number=self.case.number))
        self.timeline = self._timeline()
        self.evidence = self._evidence()
        body = QWidget()
        body.setObjectName("caseBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(self._header())
        self.conflict_banner = None
        if in_conflict(self.db, self.case_id):
            self.conflict_banner = ConflictBanner(self.viewer, is_office(self.db))
            self.conflict_banner.resolve_requested.connect(self.start_resolve)
            layout.addWidget(self.conflict_banner)
        layout.addWidget(self._action_bar())
        layout.addWidget(self._first_receiver())
        layout.addLayout(self._fields())
        layout.addWidget(self._section(self.tr("Description")))
        description = QLabel(self.case.description)
        description.setWordWrap(True)
        description.setObjectName("descriptionText")
        description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(description)
        self.records = CaseRecords(self.db, self.ref, self.case)
        if self.records.has_any():
            layout.addWidget(self.records)
        lower = QHBoxLayout()
        lower.setSpacing(16)
        timeline_box = QVBoxLayout()
        timeline_box.addWidget(self._section(self.tr("Timeline")))
        timeline_box.addWidget(self.timeline)
        side = QVBoxLayout()
        side.addWidget(self._section(self.tr("Handling")))
        progress = CaseProgressPanel(self.db, self.ref, self.case, self.state, self.clock.now())
        self.clock_labels = progress.clock_labels
        side.addWidget(progress)
        photos = QHBoxLayout()
        photos.addWidget(self._section(self.tr("Photos: {count}").format(count=self.photo_count())))
        photos.addStretch(1)
        self.evidence_button = QPushButton(self.tr("Evidence list…"))
        self.evidence_button.setToolTip(
            self.tr("Every file with its SHA-256, who captured it, where and when, and custody")
        )
        self.evidence_button.setAutoDefault(False)
        self.evidence_button.setEnabled(self.photo_count() > 0)
        self.evidence_button.clicked.connect(self.show_evidence_list)
        photos.addWidget(self.evidence_button)
        side.addLayout(photos)
        side.addWidget(self.evidence, 1)
        lower.addLayout(timeline_box, 3)
        lower.addLayout(side, 2)
        layout.addLayout(lower, 1)
        self.outer.insertWidget(0, body, 1)
        self.body = body

    def refresh(self) -> None:
        """Re-read the case and rebuild what is shown (after a step, or when asked)."""
        old = self.body
        if old is not None:
            self.outer.removeWidget(old)
            old.hide()
            old.setParent(None)  # gone from findChildren at once, deleted later
            old.deleteLater()
        self._build()

    def _header(self) -> QHBoxLayout:
        number = QLabel(self.case.number)
        number.setObjectName("caseNumber")
        number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = QLabel(word(self.case.status))
        status.setObjectName("statusChip")
        row = QHBoxLayout()
        row.addWidget(number)
        row.addSpacing(8)
        row.addWidget(status)
        if self.case.urgency == Urgency.URGENT:
            urgent = QLabel(word(Urgency.URGENT))
            urgent.setObjectName("urgentChip")
            row.addWidget(urgent)
        row.addStretch(1)
        return row

    def _action_bar(self) -> QFrame:
        """Exactly the steps this person may take now, one button each; at triage the step
        the three lists suggest comes first, marked, with the lists' reason under the row."""
        frame = QFrame()
        frame.setObjectName("actionBar")
        column = QVBoxLayout(frame)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(8)
        column.addLayout(row)
        self.action_buttons = {}
        if self.actions:
            caption = QLabel(self.tr("Next step:"))
            caption.setObjectName("fieldName")
            row.addWidget(caption)
        else:
            caption = QLabel(self._no_action_text())
            caption.setObjectName("hintText")
            row.addWidget(caption)
        suggested = self.suggested_action()
        for action in sorted(self.actions, key=lambda a: a != suggested):
            button = QPushButton(action_word(action))
            button.setObjectName("actionButton")
            button.setProperty("action", action.value)
            button.setAutoDefault(False)
            if action == suggested and self.suggestion is not None:
                button.setText(self.tr("Suggested: {action}").format(action=action_word(action)))
                button.setObjectName("primaryButton")
                button.setToolTip(in_language(self.suggestion.reason))
            button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
            row.addWidget(button)
            self.action_buttons[action] = button
        row.addStretch(1)
        self.print_buttons = {}
        for kind, label in self._printable():
            button = QPushButton(label)
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, k=kind: print_slip(self, self.db, k, self.case.number)
            )
            row.addWidget(button)
            self.print_buttons[kind] = button
        if suggested is not None and self.suggestion is not None:
            hint = QLabel(
                self.tr("The lists suggest: {reason}").format(
                    reason=in_language(self.suggestion.reason)
                )
            )
            hint.setObjectName("hintText")
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(hint)
            self.suggestion_hint = hint
        return frame

    def suggested_action(self) -> Action | None:
        """The triage step the three lists suggest, when this person may take it."""
        if self.suggestion is None:
            return None
        action = suggested_action(self.suggestion)
        return action if action in self.actions else None

    def _printable(self) -> list[tuple[str, str]]:
        """The slips this case has: a call slip once a Y department was called, a
        supervision notice once it was supervised, the transfer letter once transferred."""
        has_call, supervised = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM calls WHERE case_id = ?), supervision_count "
            "FROM cases WHERE id = ?",
            [self.case.id, self.case.id],
        ).fetchone()
        slips = []
        if has_call:
            slips.append(("call_slip", self.tr("Print call slip")))
        if supervised:
            slips.append(("supervision_notice", self.tr("Print supervision notice")))
        sent = any(t.direction == OUT for t in transfers_of(self.db, self.case.id))
        if sent and "transfer_letter" in SLIPS:
            slips.append(("transfer_letter", self.tr("Print transfer letter")))
        return slips

    def _no_action_text(self) -> str:
        if self.case.status in (
            CaseStatus.CLOSED,
            CaseStatus.TRANSFERRED,
            CaseStatus.REJECTED,
            CaseStatus.MERGED,
        ):
            return self.tr("This case is finished; nothing more to do.")
        return self.tr("Nothing for you to do on this case now.")

    def step_context(self, action: Action) -> StepContext:
        if action in ACTION_ROUTES:
            return StepContext(suggestion=self.suggestion)
        if action == Action.RETURN:
            return StepContext(cited_choices=tuple(self._citable()))
        if action in (Action.TRANSFER_RECEIPT, Action.TRANSFER_OUTCOME):
            return StepContext(
                police=self.state.transfer_police, letter_no=self.state.transfer_letter or ""
            )
        return StepContext()

    def _citable(self) -> list[tuple[str, str]]:
        """The list items about this case's category, for a "not our duty" return."""
        code = self.case.category_code
        items = [
            (
                entry.code,
                self.tr("Boundary list item {no} {code} {name}: {lead} leads").format(
                    no=entry.item_no,
                    code=entry.code,
                    name=entry.name,
                    lead=self.ref.department_name(entry.lead),
                ),
            )
            for entry in boundary_entries(self.db, code)
        ]
        items += [
            (
                matter.code,
                self.tr("Power & responsibility list {code} {name}: {unit}").format(
                    code=matter.code, name=matter.name, unit=self.ref.department_name(matter.unit)
                ),
            )
            for matter in power_entries(self.db, code)
        ]
        return items

    def start_action(self, action: Action) -> ActionDialog:
        dialog = ActionDialog(
            action,
            self.case,
            self.ref,
            self._submit,
            self.clock.today(),
            self,
            self.step_context(action),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._action_finished)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _submit(self, request: Request, photos: Sequence[Path]) -> Case:
        try:
            case = act(
                self.db,
                self.blobs,
                self.viewer,
                self.case.number,
                request,
                photos,
                wall=self.clock.wall,
            )
        except DomainError:
            self.refresh()  # someone else may have moved the case: offer what is possible now
            raise
        return case

    def start_resolve(self) -> ConflictDialog:
        """A clerk has looked at both versions: record how the conflict was settled."""
        steps = [
            (f"{entry.time[:16]} {entry.action} {entry.actor}：{entry.detail}", mark)
            for entry, mark in self.marked_entries
            if not mark.resolved
        ]
        dialog = ConflictDialog(self.db, self.viewer, self.case, steps, self.clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._action_finished)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def show_evidence_list(self) -> EvidenceDialog:
        dialog = EvidenceDialog(self.db, self.blobs, self.case, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.evidence_dialog = dialog
        dialog.show()
        return dialog

    def _action_finished(self, result: int) -> None:
        self.action_dialog = self.conflict_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.refresh()
            self.case_changed.emit(self.case)

    def _first_receiver(self) -> QFrame:
        """首接责任: the unit that received the case stays accountable, so it is up front."""
        frame = QFrame()
        frame.setObjectName("firstReceiver")
        label = QLabel(
            self.tr("First receiver: {unit} · {person} · received {time}").format(
                unit=self.ref.departments[self.case.first_receiver_unit].name
                if self.case.first_receiver_unit in self.ref.departments
                else self.case.first_receiver_unit,
                person=self.ref.user_name(self.case.first_receiver_user_id),
                time=self.case.received_at,
            )
        )
        label.setObjectName("firstReceiverText")
        label.setWordWrap(True)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(label)
        return frame

    def _fields(self) -> QGridLayout:
        case = self.case
        grid = self.ref.grids.get(case.grid_code)
        pairs = [
            (self.tr("Category"), self.ref.category_path(case.category_code)),
            (self.tr("Grid"), f"{grid.name}（{grid.area}）" if grid else case.grid_code),
            (self.tr("Source"), word(case.source)),
            (self.tr("Urgency"), word(case.urgency)),
            (self.tr("Address"), case.address or "—"),
            (self.tr("Coordinates"), self._coordinates(case)),
            (self.tr("Reporter"), self._reporter(case)),
            (self.tr("Last change"), case.updated_at),
        ]
        layout = QGridLayout()
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        for i, (name, value) in enumerate(pairs):
            row, column = divmod(i, 2)
            caption = QLabel(name)
            caption.setObjectName("fieldName")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(text, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        return layout

    def _coordinates(self, case: Case) -> str:
        if case.latitude is None or case.longitude is None:
            return "—"
        return f"{case.latitude:.5f}, {case.longitude:.5f}"

    def _reporter(self, case: Case) -> str:
        if not case.reporter.name and not case.reporter.phone:
            return "—"
        if can_see_reporter(self.viewer.role):
            return f"{case.reporter.name}  {case.reporter.phone}".strip()
        if not case.reporter.phone:
            return self.tr("Confidential")
        return self.tr("Confidential ({phone})").format(phone=masked_phone(case.reporter.phone))

    def _section(self, title: str) -> QLabel:
        label = QLabel(title)
        label.setObjectName("sectionTitle")
        return label

    def _timeline(self) -> QScrollArea:
        timeline = case_timeline(self.db, self.case.id, self.ref)
        self.timeline_entries = timeline.entries
        self.marked_entries = timeline.marked  # the steps of a sync conflict
        return timeline.widget

    def _evidence(self) -> QListWidget:
        photos = QListWidget()
        photos.setObjectName("evidenceList")
        photos.setViewMode(QListView.ViewMode.IconMode)
        photos.setIconSize(QSize(120, 120))
        photos.setMovement(QListView.Movement.Static)
        photos.setResizeMode(QListView.ResizeMode.Adjust)
        photos.setSpacing(6)
        for evidence in case_evidence(self.db, self.case.id):
            path = self.blobs.path(evidence.sha256)
            item = QListWidgetItem(QIcon(thumbnail(path, 120)), evidence.file_name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(
                self.tr("{file} · {size} KB · SHA-256 {hash}").format(
                    file=evidence.file_name,
                    size=max(1, evidence.size // 1024),
                    hash=evidence.sha256[:16] + "…",
                )
            )
            photos.addItem(item)
        if photos.count() == 0:
            placeholder = QListWidgetItem(self.tr("No photos"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            photos.addItem(placeholder)
            photos.setViewMode(QListView.ViewMode.ListMode)
        photos.itemActivated.connect(self.show_photo)
        return photos

    def show_photo(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if not path:
            return
        self.image_viewer = ImageViewer(Path(path), item.text(), self)
        self.image_viewer.show()

    def photo_count(self) -> int:
        return sum(
            1
            for i in range(self.evidence.count())
            if self.evidence.item(i).data(Qt.ItemDataRole.UserRole)
        )
