"""Case detail: every field, the first receiver up front, the steps this person may take now,
the coordination records, the timeline, the handling clocks and the photos. It reads the
store again whenever a write changed this case (the session says so), so what it shows is
always what the store says."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.case_path.rules import ACTION_ROUTES, FINISHED
from app.core.case_path.steps import Action
from app.store.case_actions import actions_for
from app.store.case_conflicts import in_conflict
from app.store.case_state import load_state
from app.store.case_view import case_papers
from app.store.cases import case_by_id
from app.store.changes import Changes
from app.store.devices import is_office
from app.store.routing import suggestion_for
from app.ui.case_detail.conflict import CONFLICT_STYLE, ConflictBanner, ConflictDialog
from app.ui.case_detail.fields import CaseFields, CaseHeader, section
from app.ui.case_detail.parties import CaseParties
from app.ui.case_detail.photos import CasePhotos
from app.ui.case_detail.progress import CaseProgressPanel
from app.ui.case_detail.records import CaseRecords
from app.ui.case_detail.steps.form import StepForm
from app.ui.case_detail.steps.registry import open_step
from app.ui.case_detail.steps.suggestion import suggested_action
from app.ui.case_detail.timeline import case_timeline
from app.ui.common.i18n import action_word, in_language
from app.ui.common.printing import print_slip, save_slip
from app.ui.common.screen import fit_to_screen
from app.ui.common.session import Session


class CaseDetailDialog(QDialog):
    case_changed = Signal(object)  # Case: a step was carried out here

    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.step_form: StepForm | None = None
        self.conflict_dialog: ConflictDialog | None = None
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
        session.changed.connect(self._changed)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.accept)
        fit_to_screen(self, 1080, 720)
        suggested = self.action_buttons.get(self.suggested_action())  # type: ignore[arg-type]
        if suggested is not None:
            suggested.setFocus()

    def _build(self) -> None:
        db = self.session.db
        self.case = case_by_id(db, self.case_id)
        self.state = load_state(db, self.case_id)
        self.actions = actions_for(db, self.session.user, self.case, self.session.clock.now())
        routing = any(a in ACTION_ROUTES for a in self.actions)
        self.suggestion = suggestion_for(db, self.case) if routing else None
        self.setWindowTitle(self.tr("Case {number}").format(number=self.case.number))
        body = QWidget()
        body.setObjectName("caseBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(CaseHeader(self.case))
        self.conflict_banner = None
        if in_conflict(db, self.case_id):
            self.conflict_banner = ConflictBanner(self.session.user, is_office(db))
            self.conflict_banner.resolve_requested.connect(self.start_resolve)
            layout.addWidget(self.conflict_banner)
        layout.addWidget(self._action_bar())
        layout.addWidget(CaseFields(self.session, self.case))
        self.parties = CaseParties(self.session, self.case)
        layout.addWidget(self.parties)
        self.records = CaseRecords(db, self.session.ref, self.case, self.session.clock.now())
        if self.records.has_any():
            layout.addWidget(self.records)
        layout.addLayout(self._lower(), 1)
        self.outer.insertWidget(0, body, 1)
        self.body = body

    def _lower(self) -> QHBoxLayout:
        """The timeline on the left; the handling clocks and the photos on the right."""
        timeline = case_timeline(self.session.db, self.case.id, self.session.ref)
        self.timeline_entries = timeline.entries
        self.marked_entries = timeline.marked  # the steps of a sync conflict
        self.timeline: QScrollArea = timeline.widget
        left = QVBoxLayout()
        left.addWidget(section(self.tr("Timeline")))
        left.addWidget(self.timeline)
        right = QVBoxLayout()
        right.addWidget(section(self.tr("Handling")))
        progress = CaseProgressPanel(
            self.session.db, self.session.ref, self.case, self.state, self.session.clock.now()
        )
        self.clock_labels = progress.clock_labels
        right.addWidget(progress)
        self.photos = CasePhotos(self.session, self.case)
        right.addWidget(self.photos, 1)
        # the clocks of a call and the photos need more height than a 768-pixel screen has
        # to spare: the right column scrolls instead of growing the dialog off the screen
        column = QWidget()
        column.setObjectName("caseRightColumn")
        column.setLayout(right)
        right.setContentsMargins(0, 0, 4, 0)
        scroll = QScrollArea()
        scroll.setObjectName("caseRightScroll")
        scroll.setStyleSheet(  # the dialog's own background, not a grey box
            "#caseRightScroll, #caseRightColumn { background: transparent; }"
        )
        scroll.viewport().setAutoFillBackground(False)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        lower = QHBoxLayout()
        lower.setSpacing(16)
        lower.addLayout(left, 3)
        lower.addWidget(scroll, 2)
        return lower

    def refresh(self) -> None:
        """Re-read the case and rebuild what is shown."""
        old = self.body
        if old is not None:
            self.outer.removeWidget(old)
            old.hide()
            old.setParent(None)  # gone from findChildren at once, deleted later
            old.deleteLater()
        self._build()

    def _changed(self, changes: Changes) -> None:
        if self.case_id in changes.cases:
            self.refresh()

    # -- the steps ---------------------------------------------------------------------------

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
        caption = QLabel(self.tr("Next step:") if self.actions else self._no_action_text())
        caption.setObjectName("fieldName" if self.actions else "hintText")
        row.addWidget(caption)
        suggested = self.suggested_action()
        self.action_buttons = {}
        for action in sorted(self.actions, key=lambda a: a != suggested):
            row.addWidget(self._action_button(action, action == suggested))
        row.addStretch(1)
        self.print_buttons = {}
        self.save_actions = {}
        for kind, label in self._printable():
            # a click prints (the preview, any installed printer); its menu saves a PDF
            button = QToolButton()
            button.setText(label)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            button.clicked.connect(
                lambda _checked=False, k=kind: print_slip(
                    self, self.session.db, k, self.case.number, self.session.user.role
                )
            )
            menu = QMenu(button)
            save = menu.addAction(self.tr("Save as PDF…"))
            save.triggered.connect(
                lambda _checked=False, k=kind: save_slip(
                    self, self.session.db, k, self.case.number, self.session.user.role
                )
            )
            button.setMenu(menu)
            row.addWidget(button)
            self.print_buttons[kind] = button
            self.save_actions[kind] = save
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

    def _action_button(self, action: Action, suggested: bool) -> QPushButton:
        button = QPushButton(action_word(action))
        button.setObjectName("actionButton")
        button.setProperty("action", action.value)
        button.setAutoDefault(False)
        if suggested and self.suggestion is not None:
            button.setAutoDefault(True)  # focused on opening: Enter takes the suggested step
            button.setText(self.tr("Suggested: {action}").format(action=action_word(action)))
            button.setObjectName("primaryButton")
            button.setToolTip(in_language(self.suggestion.reason))
        button.clicked.connect(lambda _checked=False, a=action: self.start_action(a))
        self.action_buttons[action] = button
        return button

    def suggested_action(self) -> Action | None:
        """The triage step the three lists suggest, when this person may take it."""
        if self.suggestion is None:
            return None
        action = suggested_action(self.suggestion)
        return action if action in self.actions else None

    def _printable(self) -> list[tuple[str, str]]:
        papers = case_papers(self.session.db, self.case.id)
        slips = []
        if papers.call_slip:
            slips.append(("call_slip", self.tr("Print call slip")))
        if papers.supervision_notice:
            slips.append(("supervision_notice", self.tr("Print supervision notice")))
        if papers.transfer_letter:
            slips.append(("transfer_letter", self.tr("Print transfer letter")))
        return slips

    def _no_action_text(self) -> str:
        if self.case.status in FINISHED:
            return self.tr("This case is finished; nothing more to do.")
        return self.tr("Nothing for you to do on this case now.")

    def start_action(self, action: Action) -> StepForm:
        form = open_step(self.session, self.case, action, self)
        form.refused.connect(self.refresh)  # someone else may have moved the case meanwhile
        form.finished.connect(self._step_finished)
        self.step_form = form
        return form

    def _step_finished(self, result: int) -> None:
        form, self.step_form = self.step_form, None
        if result == QDialog.DialogCode.Accepted and form is not None and form.result_case:
            self.case_changed.emit(form.result_case)

    # -- a sync conflict ---------------------------------------------------------------------

    def start_resolve(self) -> ConflictDialog:
        """A clerk has looked at both versions: record how the conflict was settled."""
        steps = [
            (f"{entry.time[:16]} {entry.action} {entry.actor}：{entry.detail}", mark)
            for entry, mark in self.marked_entries
            if not mark.resolved
        ]
        dialog = ConflictDialog(self.session, self.case, steps, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._resolve_finished)
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _resolve_finished(self, result: int) -> None:
        dialog, self.conflict_dialog = self.conflict_dialog, None
        if result == QDialog.DialogCode.Accepted and dialog is not None and dialog.result_case:
            self.case_changed.emit(dialog.result_case)
