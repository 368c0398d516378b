"""The disputes page (职责争议): units that returned a case as not their duty, what they cite,
what the duty boundary list says now, and the office's ruling or the joint meeting it goes to.

Everyone may read; the office (COORDINATE: administrator, clerk, leader) decides. A ruling can
amend the boundary list, which then gets a version naming the dispute.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.disputes import DECIDE, DECIDED, OPEN, REFER, REFERRED, WITHDRAW, Dispute
from app.core.permissions import COORDINATE
from app.store.cases import case_by_id
from app.store.changes import DISPUTES, LISTS, MEETINGS, REFERENCE
from app.store.devices import may_here
from app.store.disputes import disputes
from app.store.routing import covering_entries, listed_units
from app.ui.common.i18n import dispute_status_word
from app.ui.common.page import Page
from app.ui.common.session import Session
from app.ui.common.trees import case_tree
from app.ui.disputes.detail import DisputeDetail
from app.ui.disputes.dialogs import DecideDialog, ReferDialog, WithdrawDialog, meeting_label

D = TypeVar("D", bound=QDialog)

IdRole = Qt.ItemDataRole.UserRole
STYLE = """
#disputeDetail { background: #ffffff; }
#disputeDetailArea { border: 1px solid #d9e0e8; background: #ffffff; }
"""


class DisputesPage(Page):
    # a dispute shows the meeting it went to, the boundary list's items and units' names
    shows = frozenset({DISPUTES, LISTS, MEETINGS, REFERENCE})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.may_decide = may_here(session.db, session.user, COORDINATE)
        self.rows: list[Dispute] = []
        self.decide_dialog: DecideDialog | None = None
        self.refer_dialog: ReferDialog | None = None
        self.withdraw_dialog: WithdrawDialog | None = None
        self.setStyleSheet(STYLE)
        title = QLabel(self.tr("Duty disputes"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.status = QComboBox()
        self.status.setObjectName("disputeStatus")
        self.status.addItem(self.tr("All"), "")
        for status in (OPEN, REFERRED, DECIDED):
            self.status.addItem(dispute_status_word(status), status)
        self.status.currentIndexChanged.connect(self.refresh)
        status_label = QLabel(self.tr("&Status"))
        status_label.setBuddy(self.status)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(status_label)
        top.addWidget(self.status)
        intro = QLabel(
            self.tr(
                "When a unit returns a case as “not our duty”, rule here on who leads "
                "it: directly by the duty boundary list, or by referring it to the "
                "joint meeting. A ruling that changes the lead or amends the list is the "
                "responsible leader's; the amendment is kept beside the official list."
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        self.tree = case_tree(
            "disputeList",
            [
                self.tr("Raised"),
                self.tr("Case number"),
                self.tr("Category"),
                self.tr("Raised by"),
                self.tr("Status"),
            ],
            (120, 160, 112, 80),
        )
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(lambda *_: self.pane.show_dispute(self.selected()))
        self.tree.itemActivated.connect(lambda *_: self.open_case())
        self.empty = QLabel()
        self.empty.setObjectName("emptyLabel")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.empty)
        left_column.addWidget(self.tree, 1)
        self.pane = DisputeDetail(session, self.may_decide)
        self.pane.open_button.clicked.connect(self.open_case)
        self.pane.decide_button.clicked.connect(self.start_decide)
        self.pane.refer_button.clicked.connect(self.start_refer)
        self.pane.withdraw_button.clicked.connect(self.start_withdraw)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.pane)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([580, 600])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(split, 1)

    # -- reading -----------------------------------------------------------------------------

    def reread(self) -> None:
        db = self.session.db
        chosen = self.selected()
        self.pane.reread()
        status = self.status.currentData() or None
        self.rows = disputes(db, status)
        everything = disputes(db) if status else self.rows
        waiting = sum(d.status == OPEN for d in everything)
        self.count_label.setText(
            self.tr("{total} in all, {open} awaiting a ruling").format(
                total=len(everything), open=waiting
            )
        )
        self.tree.clear()
        current = None
        for dispute in self.rows:
            item = QTreeWidgetItem(
                [
                    dispute.opened_at[:16],
                    dispute.case_number,
                    dispute.category_name,
                    self.session.ref.department_name(dispute.unit),
                    dispute_status_word(dispute.status),
                ]
            )
            item.setData(0, IdRole, dispute.id)
            self.tree.addTopLevelItem(item)
            if chosen is not None and dispute.id == chosen.id:
                current = item
        if current is None and self.tree.topLevelItemCount():
            current = self.tree.topLevelItem(0)
        if current is not None:
            self.tree.setCurrentItem(current)
        self.empty.setText(
            self.tr("No duty disputes with the status “{status}”.").format(
                status=self.status.currentText()
            )
            if status
            else self.tr(
                "No duty disputes yet. They appear here when a unit returns a case as "
                "“not our duty”."
            )
        )
        self.empty.setVisible(not self.rows)
        self.tree.setVisible(bool(self.rows))
        self.pane.show_dispute(self.selected())

    def selected(self) -> Dispute | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        wanted = item.data(0, IdRole)
        return next((d for d in self.rows if d.id == wanted), None)

    def select(self, dispute_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, IdRole) == dispute_id:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return True
        return False

    # -- acting ------------------------------------------------------------------------------

    def open_case(self) -> None:
        dispute = self.selected()
        if dispute is not None:
            self.case_activated.emit(case_by_id(self.session.db, dispute.case_id))

    def _opened(self, dialog: D, attribute: str) -> D:
        """Open ``dialog`` window-modal, held in ``attribute`` until it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, attribute, None))
        setattr(self, attribute, dialog)
        dialog.open()
        return dialog

    def may_do(self, action: str) -> Dispute | None:
        """The selected dispute, if this user may do ``action`` to it (core says so)."""
        dispute = self.selected()
        if not self.may_decide or dispute is None:
            return None
        return None if self.pane.refusals(dispute).get(action) else dispute

    def start_decide(self) -> DecideDialog | None:
        dispute = self.may_do(DECIDE)
        if dispute is None:
            return None
        boundary = covering_entries(self.session.db, dispute.category_code)
        listed = listed_units(self.session.db, dispute.category_code)  # with amendments
        dialog = DecideDialog(self.session, dispute, boundary, self, listed=listed)
        dialog.decided.connect(self._decided)
        return self._opened(dialog, "decide_dialog")

    def start_refer(self) -> ReferDialog | None:
        dispute = self.may_do(REFER)
        if dispute is None:
            return None
        dialog = ReferDialog(self.session, dispute, self.pane.upcoming, self)
        dialog.referred.connect(self._referred)
        return self._opened(dialog, "refer_dialog")

    def start_withdraw(self) -> WithdrawDialog | None:
        dispute = self.may_do(WITHDRAW)
        if dispute is None:
            return None
        meeting = self.pane.meetings.get(dispute.meeting_id or "")
        where = meeting_label(meeting) if meeting else self.tr("the joint meeting")
        dialog = WithdrawDialog(self.session, dispute, where, self)
        dialog.withdrawn.connect(self._withdrawn)
        return self._opened(dialog, "withdraw_dialog")

    def _withdrawn(self, dispute: Dispute) -> None:
        self.message.emit(
            self.tr(
                "The duty dispute on case {number} was withdrawn from the joint meeting."
            ).format(number=dispute.case_number)
        )
        self.select(dispute.id)

    def _referred(self, dispute: Dispute) -> None:
        self.message.emit(
            self.tr("The duty dispute on case {number} was referred to a joint meeting.").format(
                number=dispute.case_number
            )
        )
        self.select(dispute.id)  # the page has read it again: the session said what changed

    def _decided(self, dispute: Dispute) -> None:
        number, lead = dispute.case_number, self.session.ref.department_name(dispute.lead or "")
        text = (
            self.tr(
                "The duty dispute on case {number} was ruled on: {lead} leads. The duty "
                "boundary list was amended ({item})."
            ).format(number=number, lead=lead, item=dispute.amended_item)
            if dispute.amended_item
            else self.tr("The duty dispute on case {number} was ruled on: {lead} leads.").format(
                number=number, lead=lead
            )
        )
        self.message.emit(text)
        self.select(dispute.id)
