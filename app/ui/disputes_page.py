"""The disputes page (职责争议): units that returned a case as not their duty, what they cite,
what the duty boundary list says now, and the office's ruling or the joint meeting it goes to.

Everyone may read; the office (COORDINATE: administrator, clerk, leader) decides. A ruling can
amend the boundary list, which then gets a version naming the dispute.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
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

from app.core.lists import ListKind
from app.core.meetings import Meeting
from app.core.model import User
from app.core.permissions import COORDINATE, may
from app.store.cases import case_by_id
from app.store.disputes import (
    DECIDED,
    OPEN,
    REFERRED,
    STATUS_NAMES,
    Dispute,
    disputes,
)
from app.store.lists import list_rows
from app.store.meetings import meetings
from app.store.reference import ReferenceData
from app.store.routing import boundary_entries
from app.ui.dispute_dialogs import DecideDialog, ReferDialog, meeting_label
from app.ui.trees import case_tree

IdRole = Qt.ItemDataRole.UserRole
STYLE = """
#disputeDetail { background: #ffffff; }
#disputeDetailArea { border: 1px solid #d9e0e8; background: #ffffff; }
"""


class DisputesPage(QWidget):
    case_activated = Signal(object)  # Case
    data_changed = Signal()  # a dispute was decided
    message = Signal(str)

    def __init__(
        self, db: Database, ref: ReferenceData, user: User, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.ref, self.user = db, ref, user
        self.may_decide = may(user.role, COORDINATE)
        self.rows: list[Dispute] = []
        self.entries: dict[str, str] = {}
        self.decide_dialog: DecideDialog | None = None
        self.refer_dialog: ReferDialog | None = None
        self.upcoming: list[Meeting] = []
        self.meetings: dict[str, Meeting] = {}
        self.stale = True
        self.setStyleSheet(STYLE)
        title = QLabel(self.tr("职责争议"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.status = QComboBox()
        self.status.setObjectName("disputeStatus")
        self.status.addItem(self.tr("全部"), "")
        for status in (OPEN, REFERRED, DECIDED):
            self.status.addItem(STATUS_NAMES[status], status)
        self.status.currentIndexChanged.connect(self.refresh)
        status_label = QLabel(self.tr("状态(&S)"))
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
                "承办单位以“不属于本单位职责”回退案件时，在这里裁定由谁牵头：依据职责边界清单"
                "直接裁定，或提交联席会议决定。裁定可以同时修改职责边界清单。"
            )
        )
        intro.setObjectName("hintText")
        intro.setWordWrap(True)
        self.tree = case_tree(
            "disputeList",
            [
                self.tr("提出时间"),
                self.tr("案件编号"),
                self.tr("问题类别"),
                self.tr("提出单位"),
                self.tr("状态"),
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
        self.open_button = QPushButton(self.tr("打开案件"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_case)
        self.decide_button = QPushButton(self.tr("裁定…"))
        self.decide_button.setObjectName("primaryButton")
        self.decide_button.setToolTip(self.tr("由综合执法办依据清单裁定由谁牵头"))
        self.decide_button.clicked.connect(self.start_decide)
        self.refer_button = QPushButton(self.tr("提交联席会议…"))
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

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        chosen = self.selected()
        self.entries = self._list_entries()
        self.meetings = {m.id: m for m in meetings(self.db)}
        self.upcoming = [m for m in self.meetings.values() if not m.held]
        status = self.status.currentData() or None
        self.rows = disputes(self.db, status)
        everything = disputes(self.db) if status else self.rows
        waiting = sum(d.status == OPEN for d in everything)
        self.count_label.setText(
            self.tr("共 {total} 件，待裁定 {open} 件").format(total=len(everything), open=waiting)
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
                    STATUS_NAMES[dispute.status],
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
            self.tr("没有{status}的职责争议。").format(status=self.status.currentText())
            if status
            else self.tr(
                "还没有职责争议。承办单位以“不属于本单位职责”回退案件时，争议会出现在这里。"
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
            entries[v["事项编码"]] = self.tr("权责清单：{name}（责任单位：{unit}）").format(
                name=v["事项名称"], unit=names(v["责任单位"])
            )
        headers, rows = list_rows(self.db, ListKind.BOUNDARY)
        for row in rows:
            v = dict(zip(headers, row, strict=True))
            entries[v["事项编码"]] = self._boundary_text(
                v["序号"], v["事项名称"], names(v["牵头部门"]), names(v["配合部门"])
            )
        return entries

    def _boundary_text(self, no: str, name: str, lead: str, cooperating: str) -> str:
        if cooperating:
            return self.tr("职责边界清单第{no}项：{name}由{lead}牵头，{helpers}配合").format(
                no=no, name=name, lead=lead, helpers=cooperating
            )
        return self.tr("职责边界清单第{no}项：{name}由{lead}牵头").format(
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
            self.tr("列入一次尚未召开的联席会议的议题")
            if self.upcoming
            else self.tr("还没有待召开的联席会议：请先安排一次联席会议。")
        )
        if dispute is None:
            self.detail.setText(
                f"<p style='color:#627d98'>{escape(self.tr('选中一件争议，这里显示详情。'))}</p>"
            )
            self.actions_hint.setText("")
            return
        self.detail.setText(self.detail_html(dispute))
        if not self.may_decide:
            self.actions_hint.setText(
                self.tr("职责争议由综合执法办（受理员、管理员）或分管领导裁定。")
            )
        elif dispute.status == DECIDED:
            self.actions_hint.setText(self.tr("这件争议已经裁定。"))
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
            f"　<span style='color:#b54708'>{escape(STATUS_NAMES[d.status])}</span></p>"
            f"<p style='color:#627d98; margin:2px 0'>"
            + escape(
                self.tr("问题类别：{category} · {unit}于 {time} 提出").format(
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
                + escape(self.entries.get(code) or self.tr("（清单中没有这一项）"))
                for code in d.cited
            )
            if d.cited
            else escape(self.tr("（没有引用清单条目）"))
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
                    "职责边界清单没有“{category}”的条目（按职责分工办法或问题类别分拨）。"
                ).format(category=d.category_name)
            )
        )
        case = case_by_id(self.db, d.case_id)
        about = escape(case.description)
        if case.address:
            about += (
                "<br><span style='color:#627d98'>"
                + escape(self.tr("地址：{address}").format(address=case.address))
                + "</span>"
            )
        parts = [
            head,
            section(self.tr("案件"), about),
            section(self.tr("不属于本单位职责的理由"), escape(d.reasons)),
            section(self.tr("引用的清单条目"), cited),
            section(self.tr("职责边界清单现在的规定"), now),
        ]
        if d.status == REFERRED:
            meeting = self.meetings.get(d.meeting_id or "")
            where = (
                self.tr("已列入{meeting}的议题，等待会议决议。").format(
                    meeting=meeting_label(meeting)
                )
                if meeting is not None
                else self.tr("已提交联席会议，等待会议决议。")
            )
            parts.append(section(self.tr("处理"), escape(where)))
        if d.status == DECIDED:
            parts.append(section(self.tr("裁定"), self._ruling_html(d)))
        return "".join(parts)

    def _ruling_html(self, d: Dispute) -> str:
        helpers = "、".join(self.ref.department_name(c) for c in d.cooperating)
        lead = self.ref.department_name(d.lead or "")
        who = (
            self.tr("{lead}牵头，{helpers}配合").format(lead=lead, helpers=helpers)
            if helpers
            else self.tr("{lead}牵头").format(lead=lead)
        )
        lines = [
            f"<b>{escape(who)}</b>",
            escape(d.reasoning),
            escape(self.tr("裁定时间：{time}").format(time=(d.decided_at or "")[:16])),
        ]
        meeting = self.meetings.get(d.meeting_id or "")
        if meeting is not None:
            lines.append(
                escape(
                    self.tr("依据第 {number} 次联席会议（{time}）的决议").format(
                        number=meeting.number, time=meeting.held_on
                    )
                )
            )
        if d.amended_item:
            lines.append(escape(self.tr("已修改职责边界清单：{item}").format(item=d.amended_item)))
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
        dialog = DecideDialog(self.db, self.ref, self.user, dispute, boundary, self)
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
        dialog = ReferDialog(self.db, self.ref, self.user, dispute, self.upcoming, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.referred.connect(self._referred)
        dialog.finished.connect(lambda _result: setattr(self, "refer_dialog", None))
        self.refer_dialog = dialog
        dialog.open()
        return dialog

    def _referred(self, dispute: Dispute) -> None:
        self.message.emit(
            self.tr("案件 {number} 的职责争议已提交联席会议。").format(number=dispute.case_number)
        )
        self.refresh()
        self.select(dispute.id)
        self.data_changed.emit()

    def _decided(self, dispute: Dispute) -> None:
        text = self.tr("案件 {number} 的职责争议已裁定：{lead}牵头。").format(
            number=dispute.case_number, lead=self.ref.department_name(dispute.lead or "")
        )
        if dispute.amended_item:
            text += self.tr("职责边界清单已修改（{item}）。").format(item=dispute.amended_item)
        self.message.emit(text)
        self.refresh()
        self.select(dispute.id)
        self.data_changed.emit()
