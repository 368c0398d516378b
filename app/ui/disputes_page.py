"""The disputes page (职责争议): units that returned a case as not their duty, what they cite,
what the duty boundary list says now, and the office's ruling or the joint meeting it goes to.

Everyone may read; the office (COORDINATE: administrator, clerk, leader) decides. A ruling can
amend the boundary list, which then gets a version naming the dispute.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.disputes import DECIDED, OPEN, REFERRED, Dispute
from app.core.lists import ListKind
from app.core.meetings import Meeting
from app.core.model import User
from app.core.permissions import COORDINATE
from app.store.cases import case_by_id
from app.store.devices import may_here
from app.store.disputes import disputes
from app.store.lists import list_rows
from app.store.meetings import meetings
from app.store.reference import ReferenceData
from app.store.routing import boundary_entries
from app.ui.dispute_dialogs import DecideDialog, ReferDialog, meeting_label
from app.ui.i18n import dispute_status_word
from app.ui.shown_page import ShownPage
from app.ui.trees import case_tree

IdRole = Qt.ItemDataRole.UserRole
STYLE = """
#disputeDetail { background: #ffffff; }
#disputeDetailArea { border: 1px solid #d9e0e8; background: #ffffff; }
"""


class DisputesPage(ShownPage):
    case_activated = Signal(object)  # Case
    data_changed = Signal()  # a dispute was decided
    message = Signal(str)

    def __init__(
        self,
        db: Database,
        ref: ReferenceData,
        user: User,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.ref, self.user, self.clock = db, ref, user, clock
        self.may_decide = may_here(db, user, COORDINATE)
        self.rows: list[Dispute] = []
        self.entries: dict[str, str] = {}
        self.decide_dialog: DecideDialog | None = None
        self.refer_dialog: ReferDialog | None = None
        self.upcoming: list[Meeting] = []
        self.meetings: dict[str, Meeting] = {}
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
                "joint meeting. A ruling may amend the duty boundary list at the same "
                "time."
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
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
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
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self._detail_panel())
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

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.detail = QLabel()
        self.detail.setObjectName("disputeDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(14, 10, 14, 10)
        scroll = QScrollArea()
        scroll.setObjectName("disputeDetailArea")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_case)
        self.decide_button = QPushButton(self.tr("Rule…"))
        self.decide_button.setObjectName("primaryButton")
        self.decide_button.setToolTip(
            self.tr("The enforcement office rules by the lists which unit leads")
        )
        self.decide_button.clicked.connect(self.start_decide)
        self.refer_button = QPushButton(self.tr("Refer to a joint meeting…"))
        self.refer_button.setAutoDefault(False)
        self.refer_button.clicked.connect(self.start_refer)
        self.actions_hint = QLabel()
        self.actions_hint.setObjectName("hintText")
        self.actions_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refer_button)
        buttons.addWidget(self.decide_button)
        column.addWidget(scroll, 1)
        column.addWidget(self.actions_hint)
        column.addLayout(buttons)
        self.decide_button.setVisible(self.may_decide)
        self.refer_button.setVisible(self.may_decide)
        return panel

    # -- reading -----------------------------------------------------------------------------

    def reread(self) -> None:
        chosen = self.selected()
        self.entries = self._list_entries()
        self.meetings = {m.id: m for m in meetings(self.db)}
        self.upcoming = [m for m in self.meetings.values() if not m.held]
        status = self.status.currentData() or None
        self.rows = disputes(self.db, status)
        everything = disputes(self.db) if status else self.rows
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
                    self.ref.department_name(dispute.unit),
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
        self._show_selected()

    def _list_entries(self) -> dict[str, str]:
        """Every item of the power and boundary lists by code, as one line of text."""
        entries: dict[str, str] = {}
        short = {d.name: d.short_name for d in self.ref.departments.values()}

        def names(text: str) -> str:
            return "、".join(short.get(n, n) for n in text.split("、") if n)

        headers, rows = list_rows(self.db, ListKind.POWER)
        for row in rows:
            v = dict(zip(headers, row, strict=True))
            entries[v["事项编码"]] = self.tr(
                "Power & responsibility list: {name} (responsible unit: {unit})"
            ).format(name=v["事项名称"], unit=names(v["责任单位"]))
        headers, rows = list_rows(self.db, ListKind.BOUNDARY)
        for row in rows:
            v = dict(zip(headers, row, strict=True))
            entries[v["事项编码"]] = self._boundary_text(
                v["序号"], v["事项名称"], names(v["牵头部门"]), names(v["配合部门"])
            )
        return entries

    def _boundary_text(self, no: str, name: str, lead: str, cooperating: str) -> str:
        if cooperating:
            return self.tr(
                "Duty boundary list item {no}: {name}, {lead} leads, {helpers} cooperate"
            ).format(no=no, name=name, lead=lead, helpers=cooperating)
        return self.tr("Duty boundary list item {no}: {name}, {lead} leads").format(
            no=no, name=name, lead=lead
        )

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

    def _show_selected(self) -> None:
        dispute = self.selected()
        self.open_button.setEnabled(dispute is not None)
        self.decide_button.setEnabled(
            self.may_decide and dispute is not None and dispute.status != DECIDED
        )
        open_one = dispute is not None and dispute.status == OPEN
        self.refer_button.setEnabled(self.may_decide and open_one and bool(self.upcoming))
        self.refer_button.setToolTip(
            self.tr("Put it on the agenda of a joint meeting not yet held")
            if self.upcoming
            else self.tr("No joint meeting is coming up: schedule one first.")
        )
        if dispute is None:
            hint = self.tr("Select a dispute to see it here.")
            self.detail.setText(f"<p style='color:#627d98'>{escape(hint)}</p>")
            self.actions_hint.setText("")
            return
        self.detail.setText(self.detail_html(dispute))
        if not self.may_decide:
            self.actions_hint.setText(
                self.tr(
                    "Duty disputes are ruled on by the enforcement office (clerks, "
                    "administrators) or the leader in charge."
                )
            )
        elif dispute.status == DECIDED:
            self.actions_hint.setText(self.tr("This dispute has been ruled on."))
        else:
            self.actions_hint.setText("")

    def detail_html(self, d: Dispute) -> str:
        def section(title: str, body: str) -> str:
            return (
                f"<p style='margin:10px 0 2px 0; color:#334e68; font-weight:bold'>"
                f"{escape(title)}</p><div>{body}</div>"
            )

        head = (
            f"<p style='font-size:13pt; font-weight:bold; margin:0'>{escape(d.case_number)}"
            f"　<span style='color:#b54708'>{escape(dispute_status_word(d.status))}</span></p>"
            f"<p style='color:#627d98; margin:2px 0'>"
            + escape(
                self.tr("Category: {category} · raised by {unit} on {time}").format(
                    category=d.category_name,
                    unit=self.ref.department_name(d.unit),
                    time=d.opened_at[:16],
                )
            )
            + "</p>"
        )
        cited = (
            "<br>".join(
                f"<b>{escape(code)}</b>　"
                + escape(self.entries.get(code) or self.tr("(not in the lists)"))
                for code in d.cited
            )
            if d.cited
            else escape(self.tr("(no list items cited)"))
        )
        boundary = boundary_entries(self.db, d.category_code)
        now = (
            "<br>".join(
                f"<b>{escape(e.code)}</b>　"
                + escape(
                    self._boundary_text(
                        e.item_no,
                        e.name,
                        self.ref.department_name(e.lead),
                        "、".join(self.ref.department_name(c) for c in e.cooperating),
                    )
                )
                for e in boundary
            )
            if boundary
            else escape(
                self.tr(
                    "The duty boundary list has no item for “{category}” (routed by the "
                    "division rule or by category)."
                ).format(category=d.category_name)
            )
        )
        case = case_by_id(self.db, d.case_id)
        about = escape(case.description)
        if case.address:
            about += (
                "<br><span style='color:#627d98'>"
                + escape(self.tr("Address: {address}").format(address=case.address))
                + "</span>"
            )
        parts = [
            head,
            section(self.tr("Case"), about),
            section(self.tr("Why it is not the unit's duty"), escape(d.reasons)),
            section(self.tr("List items cited"), cited),
            section(self.tr("What the duty boundary list says now"), now),
        ]
        if d.status == REFERRED:
            meeting = self.meetings.get(d.meeting_id or "")
            where = (
                self.tr("On the agenda of {meeting}, awaiting its decision.").format(
                    meeting=meeting_label(meeting)
                )
                if meeting is not None
                else self.tr("Referred to the joint meeting, awaiting its decision.")
            )
            parts.append(section(self.tr("Where it stands"), escape(where)))
        if d.status == DECIDED:
            parts.append(section(self.tr("Ruling"), self._ruling_html(d)))
        return "".join(parts)

    def _ruling_html(self, d: Dispute) -> str:
        helpers = "、".join(self.ref.department_name(c) for c in d.cooperating)
        lead = self.ref.department_name(d.lead or "")
        who = (
            self.tr("{lead} leads, {helpers} cooperate").format(lead=lead, helpers=helpers)
            if helpers
            else self.tr("{lead} leads").format(lead=lead)
        )
        lines = [
            f"<b>{escape(who)}</b>",
            escape(d.reasoning),
            escape(self.tr("Ruled on {time}").format(time=(d.decided_at or "")[:16])),
        ]
        meeting = self.meetings.get(d.ruled_at or "")  # decided at a meeting, not on its agenda
        if meeting is not None:
            lines.append(
                escape(
                    self.tr("By a decision of joint meeting no. {number} ({time})").format(
                        number=meeting.number, time=meeting.held_on
                    )
                )
            )
        if d.amended_item:
            lines.append(
                escape(self.tr("Duty boundary list amended: {item}").format(item=d.amended_item))
            )
        return "<br>".join(line for line in lines if line)

    # -- acting ------------------------------------------------------------------------------

    def open_case(self) -> None:
        dispute = self.selected()
        if dispute is not None:
            self.case_activated.emit(case_by_id(self.db, dispute.case_id))

    def start_decide(self) -> DecideDialog | None:
        dispute = self.selected()
        if not self.may_decide or dispute is None or dispute.status == DECIDED:
            return None
        boundary = boundary_entries(self.db, dispute.category_code)
        dialog = DecideDialog(self.db, self.ref, self.user, dispute, boundary, self.clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._decided)
        dialog.finished.connect(lambda _result: setattr(self, "decide_dialog", None))
        self.decide_dialog = dialog
        dialog.open()
        return dialog

    def start_refer(self) -> ReferDialog | None:
        dispute = self.selected()
        if not self.may_decide or dispute is None or dispute.status != OPEN or not self.upcoming:
            return None
        dialog = ReferDialog(self.db, self.ref, self.user, dispute, self.upcoming, self.clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.referred.connect(self._referred)
        dialog.finished.connect(lambda _result: setattr(self, "refer_dialog", None))
        self.refer_dialog = dialog
        dialog.open()
        return dialog

    def _referred(self, dispute: Dispute) -> None:
        self.message.emit(
            self.tr("The duty dispute on case {number} was referred to a joint meeting.").format(
                number=dispute.case_number
            )
        )
        self.refresh()
        self.select(dispute.id)
        self.data_changed.emit()

    def _decided(self, dispute: Dispute) -> None:
        number, lead = dispute.case_number, self.ref.department_name(dispute.lead or "")
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
        self.refresh()
        self.select(dispute.id)
        self.data_changed.emit()
