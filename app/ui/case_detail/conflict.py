"""A case changed differently on two devices while offline (core/case_path/fold.py): the red
banner of the case detail, the marks on its timeline, and the dialog that settles it.

A rival step stays in the log but did not take effect; a concurrent step took effect
without knowing the step before it. A clerk, administrator or leader looks at both and
records how it was settled; to adopt a rival version the step is then taken again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.model import Case, User
from app.core.permissions import RESOLVE_CONFLICT, may
from app.store.case_actions import resolve_conflict
from app.store.case_conflicts import Mark
from app.ui.common.i18n import error_text
from app.ui.common.runner import Operation
from app.ui.common.screen import FittedDialog
from app.ui.common.session import Session

RIVAL, CONCURRENT = "rival", "concurrent"

# local to the case detail: the banner, the chips on timeline cards, the marked cards
CONFLICT_STYLE = """
#conflictBanner { background: #fef3f2; border: 1px solid #f04438; border-radius: 6px; }
#conflictBannerText { color: #b42318; font-weight: bold; font-size: 11.5pt; }
#conflictBannerHint { color: #b42318; }
#timelineRival { border-left: 3px solid #d92d20; background: #fff5f4; }
#timelineConcurrent { border-left: 3px solid #dc6803; background: #fffaeb; }
#rivalChip, #concurrentChip { border-radius: 8px; padding: 0 8px; font-weight: bold; }
#rivalChip { color: #b42318; background: #fee4e2; border: 1px solid #fda29b; }
#concurrentChip { color: #93370d; background: #fef0c7; border: 1px solid #fec84b; }
#resolvedChip { color: #52606d; }
"""


def mark_word(mark: Mark) -> str:
    if mark.kind == RIVAL:
        return QCoreApplication.translate("CaseConflict", "Not in effect (conflict)")
    return QCoreApplication.translate("CaseConflict", "Concurrent change")


def mark_chip(mark: Mark) -> QLabel:
    chip = QLabel(mark_word(mark))
    chip.setObjectName("rivalChip" if mark.kind == RIVAL else "concurrentChip")
    if mark.kind == RIVAL:
        chip.setToolTip(
            QCoreApplication.translate(
                "CaseConflict",
                "Another device changed the case first; this step was kept in the record but "
                "did not take effect.",
            )
        )
    else:
        chip.setToolTip(
            QCoreApplication.translate(
                "CaseConflict",
                "This step took effect, but it was taken without knowing the step before it "
                "on another device.",
            )
        )
    return chip


def resolved_chip() -> QLabel:
    chip = QLabel(QCoreApplication.translate("CaseConflict", "settled"))
    chip.setObjectName("resolvedChip")
    return chip


class ConflictBanner(QFrame):
    """Red, above everything else in the case detail, while the case carries the flag."""

    resolve_requested = Signal()

    def __init__(self, viewer: User, on_office_pc: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        text = QLabel(
            self.tr(
                "Sync conflict: two devices handled this case differently while offline. "
                "Check both and settle it."
            )
        )
        text.setObjectName("conflictBannerText")
        text.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "The timeline marks the steps involved as “not in effect (conflict)” or "
                "“concurrent change”."
            )
        )
        hint.setObjectName("conflictBannerHint")
        hint.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(text)
        column.addWidget(hint)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.addLayout(column, 1)
        self.button: QPushButton | None = None
        if may(viewer.role, RESOLVE_CONFLICT) and on_office_pc:
            self.button = QPushButton(self.tr("Settle conflict…"))
            self.button.setObjectName("primaryButton")
            self.button.setAutoDefault(False)
            self.button.clicked.connect(self.resolve_requested)
            row.addWidget(self.button)
        else:
            who = QLabel(self.tr("A clerk, administrator or leader settles it on the office PC."))
            who.setObjectName("conflictBannerHint")
            row.addWidget(who)


class ConflictDialog(FittedDialog):
    """Ask how the conflict was settled, then record it (``resolve_conflict``)."""

    def __init__(
        self,
        session: Session,
        case: Case,
        steps: list[tuple[str, Mark]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.case = session, case
        self.result_case: Case | None = None
        self.writing: Operation | None = None
        self.setWindowTitle(
            self.tr("Settle the sync conflict of case {number}").format(number=case.number)
        )
        intro = QLabel(
            self.tr(
                "These steps were taken on two devices while they were offline. Check them "
                "with the people involved. To adopt a step that did not take effect, take it "
                "again after settling."
            )
        )
        intro.setWordWrap(True)
        listing = QLabel(
            "\n".join(f"【{mark_word(mark)}】{text}" for text, mark in steps)
            or self.tr("No open conflict.")
        )
        listing.setObjectName("descriptionText")
        listing.setWordWrap(True)
        listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption = QLabel(self.tr("How was it settled? (recorded in the timeline)"))
        caption.setObjectName("fieldName")
        self.note = QPlainTextEdit()
        self.note.setObjectName("conflictNote")
        self.note.setPlaceholderText(
            self.tr("e.g. Checked with the grid worker: the dispatch to the squadron stands.")
        )
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.ok_button = QPushButton(self.tr("Record as settled"))
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(listing)
        layout.addWidget(caption)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.note.setFocus()

    def submit(self) -> Operation | None:
        """Record how it was settled, on the worker thread; a refusal stays in the dialog."""
        if self.writing is not None:
            return None
        session, number, note = self.session, self.case.number, self.note.toPlainText()

        def work(db: Database) -> Case:
            return resolve_conflict(db, session.user, number, note, wall=session.clock.wall)

        def refused(error: DomainError) -> None:
            self.error.setText(error_text(error))
            self.error.show()
            self.refit()
            self.note.setFocus()

        def settled() -> None:
            self.writing = None
            self.ok_button.setEnabled(True)

        self.ok_button.setEnabled(False)
        self.writing = session.write(work, self._done, refused, settled)
        return self.writing

    def _done(self, case: Case) -> None:
        self.result_case = case
        self.accept()
