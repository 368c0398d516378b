"""The right-hand pane of the disputes page: one duty dispute in full (the case, what the unit
says and cites, what the duty boundary list says now, the joint meeting it went to or the
ruling) and the buttons to act on it.

Its texts keep the disputes page's translation context ("DisputesPage"), where the committed
Chinese is.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.disputes import DECIDE, DECIDED, REFER, REFERRED, WITHDRAW, Dispute, office_actions
from app.core.errors import DomainError
from app.core.lists import ListKind
from app.core.meetings import Meeting
from app.store.amendments import in_force
from app.store.cases import case_by_id
from app.store.lists import list_rows
from app.store.meetings import meetings
from app.store.routing import covering_entries
from app.ui.common.i18n import dispute_status_word, error_text
from app.ui.common.session import Session
from app.ui.disputes.dialogs import meeting_label

translate = QCoreApplication.translate


class DisputeDetail(QWidget):
    """One dispute, and Open case / Refer / Rule under it (the page connects the buttons)."""

    def __init__(self, session: Session, may_decide: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.may_decide = session, may_decide
        self.entries: dict[str, str] = {}  # list item code -> one line about it
        self.meetings: dict[str, Meeting] = {}
        self.upcoming: list[Meeting] = []  # meetings not held yet: a dispute may go there
        column = QVBoxLayout(self)
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
        self.open_button = QPushButton(translate("DisputesPage", "Open case"))
        self.open_button.setAutoDefault(False)
        self.decide_button = QPushButton(translate("DisputesPage", "Rule…"))
        self.decide_button.setObjectName("primaryButton")
        self.refer_button = QPushButton(translate("DisputesPage", "Refer to a joint meeting…"))
        self.refer_button.setAutoDefault(False)
        self.withdraw_button = QPushButton(translate("DisputesPage", "Withdraw from the meeting…"))
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.setAutoDefault(False)
        self.actions_hint = QLabel()
        self.actions_hint.setObjectName("hintText")
        self.actions_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.refer_button)
        buttons.addWidget(self.decide_button)
        column.addWidget(scroll, 1)
        column.addWidget(self.actions_hint)
        column.addLayout(buttons)
        self.action_buttons = {
            DECIDE: self.decide_button,
            REFER: self.refer_button,
            WITHDRAW: self.withdraw_button,
        }
        self.decide_button.setVisible(may_decide)
        self.refer_button.setVisible(may_decide)
        self.withdraw_button.setVisible(may_decide)

    # -- reading -----------------------------------------------------------------------------

    def reread(self) -> None:
        """What a dispute is shown with: the lists' items and the joint meetings."""
        db = self.session.db
        self.entries = self._list_entries()
        self.meetings = {m.id: m for m in meetings(db)}
        self.upcoming = [m for m in self.meetings.values() if not m.held]

    def _list_entries(self) -> dict[str, str]:
        """Every item of the power and boundary lists by code, as one line of text."""
        db, ref = self.session.db, self.session.ref
        entries: dict[str, str] = {}
        short = {d.name: d.short_name for d in ref.departments.values()}

        def names(text: str) -> str:
            return "、".join(short.get(n, n) for n in text.split("、") if n)

        headers, rows = list_rows(db, ListKind.POWER)
        for row in rows:
            v = dict(zip(headers, row, strict=True))
            entries[v["事项编码"]] = translate(
                "DisputesPage", "Power & responsibility list: {name} (responsible unit: {unit})"
            ).format(name=v["事项名称"], unit=names(v["责任单位"]))
        headers, rows = list_rows(db, ListKind.BOUNDARY)
        for row in rows:
            v = dict(zip(headers, row, strict=True))
            entries[v["事项编码"]] = boundary_text(
                v["序号"], v["事项名称"], names(v["牵头部门"]), names(v["配合部门"])
            )
        return entries

    # -- showing -----------------------------------------------------------------------------

    def show_dispute(self, dispute: Dispute | None) -> None:
        """The dispute (None: nothing selected), and which buttons apply to it."""
        self.open_button.setEnabled(dispute is not None)
        # what the office may do is core's answer (office_actions), as its writes would give
        # it; the tooltip of a refused button is that refusal
        refusals = self.refusals(dispute)
        usual = {
            DECIDE: translate(
                "DisputesPage", "The enforcement office rules by the lists which unit leads"
            ),
            REFER: translate(
                "DisputesPage", "Put it on the agenda of a joint meeting not yet held"
            ),
            WITHDRAW: translate(
                "DisputesPage", "Take it back from its joint meeting, to be ruled on otherwise"
            ),
        }
        for action, button in self.action_buttons.items():
            refusal = refusals.get(action)
            button.setEnabled(self.may_decide and dispute is not None and refusal is None)
            button.setToolTip(error_text(refusal) if refusal is not None else usual[action])
        if dispute is None:
            hint = translate("DisputesPage", "Select a dispute to see it here.")
            self.detail.setText(f"<p style='color:#627d98'>{escape(hint)}</p>")
            self.actions_hint.setText("")
            return
        self.detail.setText(self.detail_html(dispute))
        if not self.may_decide:
            self.actions_hint.setText(
                translate(
                    "DisputesPage",
                    "Duty disputes are ruled on by the enforcement office (clerks, "
                    "administrators) or the leader in charge.",
                )
            )
        elif dispute.status == DECIDED:
            self.actions_hint.setText(translate("DisputesPage", "This dispute has been ruled on."))
        elif refusals.get(DECIDE) is not None:  # on a meeting's agenda: say whose it is
            self.actions_hint.setText(error_text(refusals[DECIDE]))
        else:
            self.actions_hint.setText("")

    def refusals(self, dispute: Dispute | None) -> dict[str, DomainError | None]:
        """Core's answer for each of the office's actions on ``dispute`` (none selected: {})."""
        if dispute is None:
            return {}
        meeting = self.meetings.get(dispute.meeting_id or "")
        number = meeting.number if meeting is not None else None
        return office_actions(dispute, number, bool(self.upcoming))

    def detail_html(self, d: Dispute) -> str:
        db, ref = self.session.db, self.session.ref

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
                translate(
                    "DisputesPage", "Category: {category} · raised by {unit} on {time}"
                ).format(
                    category=d.category_name,
                    unit=ref.department_name(d.unit),
                    time=d.opened_at[:16],
                )
            )
            + "</p>"
        )
        cited = (
            "<br>".join(
                f"<b>{escape(code)}</b>　"
                + escape(self.entries.get(code) or translate("DisputesPage", "(not in the lists)"))
                for code in d.cited
            )
            if d.cited
            else escape(translate("DisputesPage", "(no list items cited)"))
        )
        boundary = covering_entries(db, d.category_code)
        now = (
            "<br>".join(
                f"<b>{escape(e.code)}</b>　"
                + escape(
                    boundary_text(
                        e.item_no,
                        e.name,
                        ref.department_name(e.lead),
                        "、".join(ref.department_name(c) for c in e.cooperating),
                    )
                )
                for e in boundary
            )
            if boundary
            else escape(
                translate(
                    "DisputesPage",
                    "The duty boundary list has no item for “{category}” (routed by the "
                    "division rule or by category).",
                ).format(category=d.category_name)
            )
        )
        amended = in_force(db, d.category_code)
        if amended is not None:  # 本镇修订: what routing follows now, beside the official item
            now += (
                "<br><span style='color:#b54708'>"
                + escape(
                    translate(
                        "DisputesPage",
                        "Local amendment (case {case}, {time}): {lead} leads “{category}”",
                    ).format(
                        case=amended.case_number,
                        time=amended.amended_at[:16],
                        lead=ref.department_name(amended.lead),
                        category=amended.category_name,
                    )
                )
                + "</span>"
            )
        case = case_by_id(db, d.case_id)
        about = escape(case.description)
        if case.address:
            about += (
                "<br><span style='color:#627d98'>"
                + escape(
                    translate("DisputesPage", "Address: {address}").format(address=case.address)
                )
                + "</span>"
            )
        parts = [
            head,
            section(translate("DisputesPage", "Case"), about),
            section(translate("DisputesPage", "Why it is not the unit's duty"), escape(d.reasons)),
            section(translate("DisputesPage", "List items cited"), cited),
            section(translate("DisputesPage", "What the duty boundary list says now"), now),
        ]
        if d.status == REFERRED:
            meeting = self.meetings.get(d.meeting_id or "")
            where = (
                translate(
                    "DisputesPage", "On the agenda of {meeting}, awaiting its decision."
                ).format(meeting=meeting_label(meeting))
                if meeting is not None
                else translate(
                    "DisputesPage", "Referred to the joint meeting, awaiting its decision."
                )
            )
            parts.append(section(translate("DisputesPage", "Where it stands"), escape(where)))
        elif d.withdrawn_at:
            withdrawn = translate(
                "DisputesPage", "Withdrawn from the joint meeting on {time}: {reason}"
            ).format(time=d.withdrawn_at[:16], reason=d.withdrawn_reason)
            parts.append(section(translate("DisputesPage", "Where it stands"), escape(withdrawn)))
        if d.status == DECIDED:
            parts.append(section(translate("DisputesPage", "Ruling"), self._ruling_html(d)))
        return "".join(parts)

    def _ruling_html(self, d: Dispute) -> str:
        ref = self.session.ref
        helpers = "、".join(ref.department_name(c) for c in d.cooperating)
        lead = ref.department_name(d.lead or "")
        who = (
            translate("DisputesPage", "{lead} leads, {helpers} cooperate").format(
                lead=lead, helpers=helpers
            )
            if helpers
            else translate("DisputesPage", "{lead} leads").format(lead=lead)
        )
        lines = [
            f"<b>{escape(who)}</b>",
            escape(d.reasoning),
            escape(
                translate("DisputesPage", "Ruled on {time}").format(time=(d.decided_at or "")[:16])
            ),
        ]
        meeting = self.meetings.get(d.ruled_at or "")  # decided at a meeting, not on its agenda
        if meeting is not None:
            lines.append(
                escape(
                    translate(
                        "DisputesPage", "By a decision of joint meeting no. {number} ({time})"
                    ).format(number=meeting.number, time=meeting.held_on)
                )
            )
        if d.amended_item:
            lines.append(
                escape(
                    translate("DisputesPage", "Duty boundary list amended: {item}").format(
                        item=d.amended_item
                    )
                )
            )
        return "<br>".join(line for line in lines if line)


def boundary_text(no: str, name: str, lead: str, cooperating: str) -> str:
    """One item of the duty boundary list as a line: who leads, who cooperates."""
    if cooperating:
        return translate(
            "DisputesPage",
            "Duty boundary list item {no}: {name}, {lead} leads, {helpers} cooperate",
        ).format(no=no, name=name, lead=lead, helpers=cooperating)
    return translate("DisputesPage", "Duty boundary list item {no}: {name}, {lead} leads").format(
        no=no, name=name, lead=lead
    )
