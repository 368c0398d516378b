"""The case path through the window: every route walked by clicking the action bar, the
dialogs filled as a person would, refusals shown in Chinese, the calls page and the board."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.cli.case_output import call_json
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import china_time
from app.core.deadlines import DeadlineState
from app.core.model import CaseStatus, Route
from app.store.blobs import BlobStore
from app.store.case_actions import act, actions_for
from app.store.cases import case_by_number
from app.store.reference import user_by_name
from app.store.routing import suggestion_for
from app.store.transfers import latest_transfer_out
from app.ui.case_detail.dialog import CaseDetailDialog
from app.ui.case_detail.steps.suggestion import suggested_action
from app.ui.common.i18n import action_word
from app.ui.main_window import MainWindow
from tests.clock import frozen
from tests.conftest import DEMO_NOW_MS
from tests.store.police_helpers import materials
from tests.ui.conftest import _close_quietly, fresh_case, open_window, type_chinese

TRIAGE = [
    Action.SELF_HANDLE,
    Action.DISPATCH,
    Action.CALL,
    Action.TRANSFER,
    Action.POLICE_REQUEST,
    Action.REJECT,
    Action.MERGE,
]


class Desk:
    """One window per person, opened when first needed, all on the same database."""

    def __init__(self, qtbot, demo_path, demo_db, clock) -> None:
        self.qtbot, self.path, self.db, self.clock = qtbot, demo_path, demo_db, clock
        self.windows: dict[str, MainWindow] = {}

    def window(self, username: str) -> MainWindow:
        if username not in self.windows:
            self.windows[username] = open_window(
                self.qtbot, self.path, self.db, username, self.clock
            )
        return self.windows[username]

    def open(self, username: str, number: str) -> CaseDetailDialog:
        window = self.window(username)
        detail = window.open_case(case_by_number(self.db, number))
        self.qtbot.waitExposed(detail)
        return detail

    def step(self, username: str, number: str, action: Action, fill=None) -> CaseDetailDialog:
        """Open the case as ``username``, click ``action``, fill the dialog, press OK."""
        detail = self.open(username, number)
        assert action in detail.action_buttons, (username, action, detail.actions)
        self.qtbot.mouseClick(detail.action_buttons[action], Qt.MouseButton.LeftButton)
        dialog = detail.step_form
        assert dialog is not None
        self.qtbot.waitUntil(dialog.isVisible)
        if fill is not None:
            fill(dialog)
        window = self.windows[username]
        with (
            self.qtbot.waitSignal(window.session.changed),
            self.qtbot.waitSignal(detail.case_changed),
        ):
            self.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.error.isHidden(), dialog.error.text()
        return detail

    def status(self, number: str) -> CaseStatus:
        return case_by_number(self.db, number).status


@pytest.fixture
def desk(qtbot, demo_path, demo_db, clock) -> Iterator[Desk]:
    desk = Desk(qtbot, demo_path, demo_db, clock)
    yield desk
    # several windows with their dialogs per test: delete them now, so later tests do not
    # repolish them every time the style sheet is set
    for window in desk.windows.values():
        for dialog in window.findChildren(QDialog):
            dialog.done(0)
        _close_quietly(window)
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pending(db, offset: int = 0) -> str:
    return db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number LIMIT 1 OFFSET ?",
        [offset],
    ).fetchone()[0]


def steps(detail: CaseDetailDialog) -> list[tuple[str, str]]:
    return [(e.action, e.detail) for e in detail.timeline_entries]


def texts(detail: CaseDetailDialog) -> list[str]:
    return [label.text() for label in detail.findChildren(QLabel)]


def write(widget, text: str) -> None:
    widget.setFocus()
    type_chinese(widget, text)


def test_self_handled_route(desk, photo):
    number = fresh_case(desk.db, desk.path, Route.SELF)
    desk.step("clerk", number, Action.SELF_HANDLE)
    assert desk.status(number) == CaseStatus.ASSIGNED
    detail = desk.step("clerk", number, Action.SIGN)
    assert desk.status(number) == CaseStatus.HANDLING

    def feedback(dialog):
        write(dialog.note, "已劝离摊贩，恢复通行")
        dialog.add_photos([photo])

    detail = desk.step("clerk", number, Action.FEEDBACK, feedback)
    assert detail.photos.photo_count() == 1
    assert detail.actions == [Action.VERIFY]  # the office may check on site too

    def verify(dialog):
        dialog.passed.click()
        write(dialog.note, "现场已无摊贩")

    desk.step("grid", number, Action.VERIFY, verify)
    detail = desk.step("clerk", number, Action.CLOSE)
    assert desk.status(number) == CaseStatus.CLOSED
    assert [a for a, _ in steps(detail)] == [
        "受理登记",
        "交由镇街自行处置",
        "签收",
        "反馈",
        "核查",
        "结案",
    ]
    assert steps(detail)[1][1] == "由综合执法办自行处置"
    assert steps(detail)[3][1] == "已劝离摊贩，恢复通行；照片 1 张"
    assert steps(detail)[4][1] == "现场核查：已整改到位；现场已无摊贩"
    assert list(detail.action_buttons) == [Action.REWORK]  # reopen if the fix does not hold


def test_dispatch_to_a_stationed_department(desk):
    number = fresh_case(desk.db, desk.path, Route.DISPATCH_X, "SCJG")

    def dispatch(dialog):
        assert dialog.lead.currentData() == "SCJG"  # the lists' lead, filled in
        helpers = dialog.helpers
        for i in range(helpers.count()):  # the clerk names the cooperating units himself
            code = helpers.item(i).data(Qt.ItemDataRole.UserRole)
            state = Qt.CheckState.Checked if code == "ZFZD" else Qt.CheckState.Unchecked
            helpers.item(i).setCheckState(state)
        assert not dialog.needs_override_reason()  # the lead is the lists' own

    detail = desk.step("clerk", number, Action.DISPATCH, dispatch)
    assert steps(detail)[-1] == ("派遣", "市场监管所牵头，执法中队配合")
    assert detail.clock_labels["sign"].property("clockState") in ("on_time", "due_soon")
    assert "还剩" in detail.clock_labels["sign"].text()
    desk.step("officer", number, Action.SIGN)
    assert desk.status(number) == CaseStatus.HANDLING
    desk.step("officer", number, Action.FEEDBACK, lambda d: write(d.note, "已责令整改"))
    desk.step("grid", number, Action.VERIFY, lambda d: d.passed.click())
    detail = desk.step("clerk", number, Action.CLOSE)
    assert desk.status(number) == CaseStatus.CLOSED
    assert ("签收", "市场监管所已签收") in steps(detail)


def test_call_a_district_department(desk):
    number = fresh_case(desk.db, desk.path, Route.CALL_Y, "YJJ")

    def call(dialog):
        dialog.called.setCurrentIndex(dialog.called.findData("YJJ"))
        assert dialog.duty_phone.text() == "0535-6218350"
        dialog.urgent.setChecked(True)
        write(dialog.reason, "燃气泄漏")

    detail = desk.step("clerk", number, Action.CALL, call)
    assert steps(detail)[-1] == ("呼叫区直部门", "应急局（紧急）：燃气泄漏；值班电话 0535-6218350")
    assert desk.status(number) == CaseStatus.ASSIGNED
    for action in (Action.CALL_ACK, Action.CALL_ARRIVE, Action.CALL_DONE):
        desk.step("clerk", number, action)
    desk.step("clerk", number, Action.FEEDBACK, lambda d: write(d.note, "已关阀排险"))
    detail = desk.open("clerk", number)
    assert Action.VERIFY not in detail.actions  # 事不完人不撤: the call is not confirmed yet
    desk.step("clerk", number, Action.CALL_CONFIRM)
    desk.step("grid", number, Action.VERIFY, lambda d: d.passed.click())
    detail = desk.step("clerk", number, Action.CLOSE)
    assert desk.status(number) == CaseStatus.CLOSED
    assert [a for a, _ in steps(detail)][2:6] == ["登记响应", "登记到场", "登记办结", "反馈"]


def test_transfer_to_the_police(desk, tmp_path):
    number = pending(desk.db)
    files, _ = materials(tmp_path)

    def ask(dialog):
        write(dialog.offence, "涉嫌赌博")
        write(dialog.threshold, "赌资累计八千元，达到聚众赌博的立案追诉标准")
        write(dialog.facts, "现场查获赌资")
        dialog.add_materials(*files)

    detail = desk.step("clerk", number, Action.POLICE_REQUEST, ask)
    assert desk.status(number) == CaseStatus.PENDING_TRIAGE  # waits for the leader
    assert steps(detail)[-1] == (
        "申请移送公安",
        "涉嫌：涉嫌赌博；现场查获赌资；达到追诉标准的事实：赌资累计八千元，达到聚众赌博的立案追诉标准；"
        "附材料 2 份",
    )
    assert list(desk.open("leader", number).action_buttons) == [
        Action.POLICE_APPROVE,
        Action.POLICE_DENY,
        Action.SUPERVISE,
    ]

    def approve(dialog):
        assert (dialog.police.text(), dialog.copy_to.text()) == (
            "蓬山区公安分局",
            "蓬山区人民检察院",
        )
        # no principal leader named (order 310 art. 5): the form says so, once
        [note] = dialog.findChildren(QLabel, "decidersNote")
        assert note.text().startswith("本镇尚未设定主要负责人，任一领导均可审批移送公安")

    detail = desk.step("leader", number, Action.POLICE_APPROVE, approve)
    assert desk.status(number) == CaseStatus.TRANSFERRED
    letter = latest_transfer_out(desk.db, case_by_number(desk.db, number).id).letter_no
    assert "综执移公〔" in letter
    assert steps(detail)[-1] == (
        "批准移送公安",
        f"移送蓬山区公安分局，抄送蓬山区人民检察院；移送函 {letter}",
    )
    detail = desk.open("clerk", number)
    assert "已移送" in texts(detail)
    assert list(detail.action_buttons) == [Action.TRANSFER_RECEIPT]  # the police owe a receipt
    assert letter in detail.records.transfer_lines[-1]
    assert "回执未回" in detail.records.transfer_lines[-1]

    def receipt(dialog):
        write(dialog.received_by, "张警官")

    detail = desk.step("clerk", number, Action.TRANSFER_RECEIPT, receipt)
    assert steps(detail)[-1] == ("登记移送回执", "张警官签收回执")

    def outcome(dialog):
        assert [b.text() for b in dialog.outcome_buttons.values()] == ["立案", "不予立案", "退回"]
        dialog.outcome_buttons["accepted"].click()
        write(dialog.note, "已立案侦查")

    detail = desk.step("clerk", number, Action.TRANSFER_OUTCOME, outcome)
    assert steps(detail)[-1] == ("登记移送结果", "结果：立案；已立案侦查")
    assert "结果：立案" in detail.records.transfer_lines[-1]
    # the case opened, the items go to the police within 3 days (order 310 art. 12)
    assert list(detail.action_buttons) == [Action.POLICE_HANDOVER]
    assert "涉案物品未移交" in detail.records.transfer_lines[-1]

    def handover(dialog):
        write(dialog.list_ref, "涉案物品移交清单1号")
        write(dialog.officer, "王警官")

    detail = desk.step("clerk", number, Action.POLICE_HANDOVER, handover)
    day = desk.clock.now().date().isoformat()
    assert steps(detail)[-1] == (
        "登记移交涉案物品",
        f"{day}移交涉案物品和材料，王警官接收；涉案物品移交清单1号",
    )
    assert detail.action_buttons == {}
    assert "案件已办结，无需再操作。" in texts(detail)
    assert (
        f"涉案物品已于 {day} 移交，王警官接收（涉案物品移交清单1号）"
        in (detail.records.transfer_lines[-1])
    )


def test_a_police_transfer_without_the_threshold_is_refused(desk, demo_db):
    number = pending(demo_db)
    detail = desk.open("clerk", number)
    desk.qtbot.mouseClick(detail.action_buttons[Action.POLICE_REQUEST], Qt.MouseButton.LeftButton)
    dialog = detail.step_form
    write(dialog.offence, "涉嫌赌博")
    write(dialog.facts, "现场查获赌资")
    events = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == (
        "请说明涉嫌犯罪达到追诉标准的理由（金额、数量、情节等），才能申请移送公安。"
    )
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == events
    assert desk.status(number) == CaseStatus.PENDING_TRIAGE


def test_a_refused_step_says_why_in_chinese_and_changes_nothing(desk, demo_db):
    number = pending(demo_db)
    detail = desk.open("clerk", number)
    # someone else triages the case while this detail is open
    clerk = user_by_name(demo_db, "clerk")
    act(
        demo_db,
        BlobStore.beside(desk.path),
        clerk,
        number,
        Request(Action.REJECT, reason="重复"),
        wall=frozen,
    )
    events = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    desk.qtbot.mouseClick(detail.action_buttons[Action.DISPATCH], Qt.MouseButton.LeftButton)
    dialog = detail.step_form
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "案件已不予受理，不能派遣。"
    assert dialog.isVisible()  # stays open: nothing typed is lost
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == events
    assert desk.status(number) == CaseStatus.REJECTED
    assert detail.action_buttons == {}  # the detail re-read the case behind the dialog


def test_a_refused_input_is_explained_in_the_dialog(desk, demo_db):
    number = pending(demo_db)
    detail = desk.open("clerk", number)
    desk.qtbot.mouseClick(detail.action_buttons[Action.MERGE], Qt.MouseButton.LeftButton)
    dialog = detail.step_form
    dialog.into.setText("QS-19990101-XX0001")
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "案件“QS-19990101-XX0001”不存在。"
    assert desk.status(number) == CaseStatus.PENDING_TRIAGE
    desk.qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    desk.qtbot.waitUntil(lambda: detail.step_form is None)


def test_the_action_bar_offers_what_each_person_may_do(desk, demo_db):
    number = fresh_case(desk.db, desk.path, Route.CALL_Y)
    clerk = desk.open("clerk", number)
    assert clerk.actions == TRIAGE
    words = {
        Action.SELF_HANDLE: "交由镇街自行处置",
        Action.DISPATCH: "派遣",
        Action.CALL: "呼叫区直部门",
        Action.TRANSFER: "移送",
        Action.POLICE_REQUEST: "申请移送公安",
        Action.REJECT: "不予受理",
        Action.MERGE: "合并",
    }
    # the step the three lists suggest comes first and says so; the others keep their order
    suggested = suggested_action(suggestion_for(demo_db, case_by_number(demo_db, number)))
    assert [b.text() for b in clerk.action_buttons.values()] == [
        f"建议：{words[suggested]}",
        *(text for action, text in words.items() if action != suggested),
    ]
    assert action_word(suggested) == words[suggested]
    grid = desk.open("grid", number)
    assert grid.action_buttons == {}
    feedback = reported_back(desk)
    grid = desk.open("grid", feedback)
    assert list(grid.action_buttons) == [Action.VERIFY]
    case = case_by_number(demo_db, feedback)
    assert grid.actions == actions_for(demo_db, user_by_name(demo_db, "grid"), case)
    leader = desk.open("leader", feedback)
    assert Action.SUPERVISE in leader.action_buttons and Action.CLOSE not in leader.actions


def reported_back(desk: Desk) -> str:
    """A case the market office has reported back on: it waits for verification."""
    number = fresh_case(desk.db, desk.path, Route.DISPATCH_X, "SCJG")
    blobs = BlobStore.beside(desk.path)
    for username, request in (
        ("clerk", Request(Action.DISPATCH, to="SCJG")),
        ("officer", Request(Action.SIGN)),
        ("officer", Request(Action.FEEDBACK, note="已责令整改")),
    ):
        act(desk.db, blobs, user_by_name(desk.db, username), number, request, wall=frozen)
    assert desk.status(number) == CaseStatus.FEEDBACK
    return number


def test_an_extension_reads_well_and_is_approved_by_the_leader(desk):
    number = fresh_case(desk.db, desk.path, Route.DISPATCH_X, "SCJG")
    desk.step(
        "clerk", number, Action.DISPATCH, lambda d: d.lead.setCurrentIndex(d.lead.findData("SCJG"))
    )
    desk.step("officer", number, Action.SIGN)

    def extend(dialog):
        dialog.days.setValue(3)
        write(dialog.reason, "需要检测")

    detail = desk.step("officer", number, Action.EXTEND, extend)
    assert steps(detail)[-1] == ("申请延期", "3 个工作日：需要检测")
    detail = desk.step("leader", number, Action.APPROVE_EXTENSION)
    assert steps(detail)[-1] == ("批准延期", "延长 3 个工作日")


def test_the_calls_page_lists_a_new_call_with_live_timers(desk, qtbot):
    number = fresh_case(desk.db, desk.path, Route.CALL_Y, "WJJ")

    def call(dialog):
        dialog.called.setCurrentIndex(dialog.called.findData("WJJ"))
        dialog.urgent.setChecked(True)
        write(dialog.reason, "疑似食物中毒")

    desk.step("clerk", number, Action.CALL, call)
    window = desk.window("clerk")
    page = window.calls
    window.show_page("calls")
    model = page.model
    row = next(i for i, c in enumerate(model.rows) if c.case_number == number)
    called = datetime.strptime(model.rows[row].called_at, "%Y-%m-%d %H:%M:%S")
    desk.clock.set(called + timedelta(minutes=5))
    model.tick()
    assert model.index(row, 1).data() == "卫健局"
    assert model.index(row, 4).data() == "已呼叫"
    assert model.index(row, 7).data() == "0535-6218613"
    assert model.index(row, 5).data() == "还剩 25 分钟"  # 卫健局 answers urgent calls in 30
    assert model.index(row, 5).data(Qt.ItemDataRole.UserRole + 1) == DeadlineState.ON_TIME
    desk.clock.set(called + timedelta(minutes=45))
    page.timer.timeout.emit()  # what the 30-second timer does
    assert model.index(row, 5).data() == "已超时 15 分钟"
    assert model.index(row, 5).data(Qt.ItemDataRole.UserRole + 1) == DeadlineState.OVERDUE
    assert page.timer.isActive() and page.timer.interval() == 30_000
    open_calls = len(model.rows)
    page.open_only.click()
    assert len(model.rows) > open_calls
    page.open_only.click()
    # double-click opens the case
    page.table.scrollTo(model.index(row, 0))
    rect = page.table.visualRect(model.index(row, 0))
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.case_dialog is not None and window.case_dialog.isVisible())
    assert window.case_dialog.case.number == number


def test_a_call_names_helpers_and_a_late_response_reads_late_in_window_and_cli(desk):
    """The call form names cooperating units as the dispatch form does; a response given
    15 minutes late reads （超时） in red in the window, and ``calls --json`` (the same
    CallView, through the CLI's own output) says it is overdue: one rule, in core."""
    number = fresh_case(desk.db, desk.path, Route.CALL_Y, "WJJ")

    def call(dialog):
        dialog.called.setCurrentIndex(dialog.called.findData("WJJ"))
        dialog.helpers.set_checked(["SCJG", "WJJ"])  # the called unit cannot help itself
        dialog.urgent.setChecked(True)
        write(dialog.reason, "疑似食物中毒")

    detail = desk.step("clerk", number, Action.CALL, call)
    helpers = desk.db.execute("SELECT cooperating_units FROM cases WHERE number = ?", [number])
    assert helpers.fetchone()[0] == '["SCJG"]'
    assert "市场监管所配合" in steps(detail)[-1][1]
    window = desk.window("clerk")
    model = window.calls.model
    model.refresh()
    view = next(c for c in model.rows if c.case_number == number)
    called = datetime.strptime(view.called_at, "%Y-%m-%d %H:%M:%S")
    desk.clock.set(called + timedelta(minutes=45))  # 卫健局 answers urgent calls in 30
    desk.step("clerk", number, Action.CALL_ACK)
    model.refresh()
    row = next(i for i, c in enumerate(model.rows) if c.case_number == number)
    assert model.index(row, 5).data() == "用时 45 分钟（超时）"
    assert model.index(row, 5).data(Qt.ItemDataRole.UserRole + 1) == DeadlineState.OVERDUE
    response = call_json(model.rows[row])["clocks"][0]
    assert (response["kind"], response["state"], response["overdue"]) == ("call_ack", "done", True)


def test_the_board_shows_an_overdue_case_and_the_leader_supervises(desk, demo_db):
    number = pending(demo_db)
    clerk = user_by_name(demo_db, "clerk")
    weeks_ago = DEMO_NOW_MS - 21 * 86_400_000
    # the hybrid clock keeps the log in order: the step lands just after the demo's last event
    act(
        demo_db,
        BlobStore.beside(desk.path),
        clerk,
        number,
        Request(Action.DISPATCH, to="SFS", override_reason="邻里纠纷引起，先由司法所调解"),
        wall=lambda: weeks_ago,
    )
    later = china_time(DEMO_NOW_MS) + timedelta(days=21)
    desk.clock.set(later)
    leader_window = desk.window("leader")
    board = leader_window.board
    board.refresh()
    leader_window.show_page("board")
    assert board.select(number)
    item = board.tree.currentItem()
    assert item.parent().text(0).startswith("司法所（")
    assert item.text(2) == "签收时限"
    assert item.text(4).startswith("已超期 ") and "个工作日" in item.text(4)
    assert "司法所" in board.units_label.text()
    assert board.supervise_button.isEnabled()
    desk.qtbot.mouseClick(board.supervise_button, Qt.MouseButton.LeftButton)
    dialog = leader_window.step_form
    write(dialog.note, "请于明日下班前签收")
    with desk.qtbot.waitSignal(leader_window.session.changed):
        desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    count = demo_db.execute(
        "SELECT supervision_count FROM cases WHERE number = ?", [number]
    ).fetchone()[0]
    assert count == 1
    assert board.selected_number() == number  # the board re-read and kept the selection
    clerk_window = desk.window("clerk")
    clerk_window.show_page("board")
    assert clerk_window.board.select(number)
    assert not clerk_window.board.supervise_button.isEnabled()  # a clerk does not supervise
    detail = desk.open("leader", number)
    # the form offered five working days after Wednesday 9 December 2026: Wednesday 16th
    assert steps(detail)[-1] == (
        "督办",
        "督办意见：请于明日下班前签收；限 2026-12-16 前办结并书面回复",
    )


def test_review_is_offered_only_while_its_window_is_open(desk, demo_db, demo_path):
    """The police declined on Wednesday 2026-11-18 20:06; the 3 days of order 310 art. 9 end
    on Saturday, a day off, so the window closes Monday 2026-11-23 at the office's close. The
    form offers 提请复议 until then and not after (the step would be refused)."""
    number = pending(demo_db)
    blobs, clerk = BlobStore.beside(demo_path), user_by_name(demo_db, "clerk")
    files, attached = materials(demo_path.parent / "review")
    ask = Request(
        Action.POLICE_REQUEST, offence="赌博罪", threshold="赌资一万二千元", facts="查获赌桌两张"
    )
    act(demo_db, blobs, clerk, number, replace(ask, attachments=attached), files, wall=frozen)
    leader = user_by_name(demo_db, "leader")
    act(demo_db, blobs, leader, number, Request(Action.POLICE_APPROVE), wall=frozen)
    receipt = Request(Action.TRANSFER_RECEIPT, received_by="王警官")
    act(demo_db, blobs, clerk, number, receipt, wall=frozen)
    declined = Request(Action.TRANSFER_OUTCOME, outcome="declined", note="未达追诉标准")
    act(demo_db, blobs, clerk, number, declined, wall=frozen)
    desk.clock.set(datetime(2026, 11, 23, 17, 0))
    assert Action.POLICE_REVIEW in desk.open("clerk", number).action_buttons
    desk.clock.set(datetime(2026, 11, 24, 9, 0))
    detail = desk.open("clerk", number)
    assert Action.POLICE_REVIEW not in detail.action_buttons
    assert Action.DISPATCH in detail.action_buttons  # the case is back to triage
    # the window simply ended (off the board), and the case says so (order 310 art. 9)
    assert "复议期限已过（2026-11-23 17:30）" in detail.records.transfer_lines[-1]


def test_the_police_answer_a_review_and_the_procuratorate_is_asked(desk, demo_db, demo_path):
    """Declined and put up for review on Wednesday 2026-11-18; the police uphold their
    refusal, recorded on the form; the office asks the procuratorate to supervise."""
    number = pending(demo_db)
    blobs, clerk = BlobStore.beside(demo_path), user_by_name(demo_db, "clerk")
    files, attached = materials(demo_path.parent / "answer")
    ask = Request(
        Action.POLICE_REQUEST, offence="赌博罪", threshold="赌资一万二千元", facts="查获赌桌两张"
    )
    act(demo_db, blobs, clerk, number, replace(ask, attachments=attached), files, wall=frozen)
    leader = user_by_name(demo_db, "leader")
    act(demo_db, blobs, leader, number, Request(Action.POLICE_APPROVE), wall=frozen)
    receipt = Request(Action.TRANSFER_RECEIPT, received_by="王警官")
    act(demo_db, blobs, clerk, number, receipt, wall=frozen)
    declined = Request(Action.TRANSFER_OUTCOME, outcome="declined", note="未达追诉标准")
    act(demo_db, blobs, clerk, number, declined, wall=frozen)
    act(demo_db, blobs, clerk, number, Request(Action.POLICE_REVIEW, reason="已鉴定"), wall=frozen)
    assert "复议决定未回" in desk.open("clerk", number).records.transfer_lines[-1]

    def upheld(dialog):
        [letter] = dialog.findChildren(QLabel, "letterNumber")  # the refused letter
        assert letter.text().startswith("青石综执移公〔")
        assert [b.text() for b in dialog.answer_buttons.values()] == ["维持不予立案", "立案"]
        dialog.answer_buttons["upheld"].click()
        write(dialog.note, "复议决定书维持")

    detail = desk.step("clerk", number, Action.POLICE_REVIEW_ANSWER, upheld)
    assert steps(detail)[-1] == ("登记复议决定", "复议决定：维持不予立案；复议决定书维持")

    def supervise(dialog):
        assert dialog.to.text() == "蓬山区人民检察院"
        write(dialog.reason, "赌资数额已达追诉标准")

    detail = desk.step("leader", number, Action.POLICE_SUPERVISION, supervise)
    day = desk.clock.now().date().isoformat()
    assert f"已建议蓬山区人民检察院立案监督（{day}）" in detail.records.transfer_lines[-1]
    assert Action.POLICE_SUPERVISION not in detail.action_buttons
