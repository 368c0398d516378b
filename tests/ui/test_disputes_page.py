"""The disputes page: what the unit says and cites, what the boundary list says now, the
office's ruling (the leader's where it amends the list: a local amendment beside the
official item), sending a dispute to a joint meeting and withdrawing it from there."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.disputes import DECIDED, OPEN, REFERRED
from app.core.lists import ListKind
from app.core.model import Route
from app.store.amendments import in_force
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.disputes import dispute_by_id, disputes_of_case
from app.store.lists import versions
from app.store.meetings import schedule_meeting
from app.store.reference import user_by_name
from app.store.routing import boundary_entries, suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import projection_dump
from tests.ui.conftest import fresh_case, open_window, type_chinese


def disputed_case(demo_path, demo_db) -> tuple[str, str]:
    """A case the lists give to the police station, dispatched to the enforcement squadron
    and returned by it as not its duty. Returns (case number, dispute id)."""
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "PCS")
    blobs = BlobStore.beside(demo_path)
    act(
        demo_db,
        blobs,
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.DISPATCH, to="ZFZD", override_reason="夜间巡查时发现，先交执法中队"),
        wall=frozen,
    )
    matter = suggestion_for(demo_db, case_by_number(demo_db, number)).matter
    act(
        demo_db,
        blobs,
        user_by_name(demo_db, "officer_zfzd"),
        number,
        Request(Action.RETURN, reason="清单写明由派出所牵头", not_our_duty=True, cited=(matter,)),
        wall=frozen,
    )
    [dispute] = disputes_of_case(demo_db, case_by_number(demo_db, number).id)
    return number, dispute.id


def disputes_page(window, dispute_id):
    window.show_page("disputes")
    page = window.disputes
    assert page.isVisible()
    assert page.select(dispute_id)
    return page


def test_a_dispute_is_shown_with_what_it_cites_and_what_the_list_says(qtbot, demo_path, demo_db):
    number, dispute_id = disputed_case(demo_path, demo_db)
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    page = disputes_page(window, dispute_id)
    dispute = page.selected()
    [entry] = boundary_entries(demo_db, dispute.category_code)[:1]
    text = page.pane.detail.text()
    assert number in text and "待裁定" in text
    assert "清单写明由派出所牵头" in text
    assert f"职责边界清单第{entry.item_no}项：{entry.name}由派出所牵头" in text
    assert text.count(entry.code) == 2  # cited, and what the list says now
    assert page.pane.decide_button.isEnabled()
    assert page.tree.currentItem().text(4) == "待裁定"
    with qtbot.waitSignal(page.case_activated) as opened:
        page.pane.open_button.click()
    assert opened.args[0].number == number


def test_a_clerk_who_would_amend_the_list_is_told_it_is_the_leaders(qtbot, demo_path, demo_db):
    _number, dispute_id = disputed_case(demo_path, demo_db)
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    page = disputes_page(window, dispute_id)
    qtbot.mouseClick(page.pane.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.decide_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.lead.setCurrentIndex(dialog.lead.findData("ZFZD"))
    dialog.amend.setChecked(True)
    dialog.reasoning.setFocus()
    type_chinese(dialog.reasoning, "夜间噪声由执法中队查处")
    before = projection_dump(demo_db)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == (
        "这项裁定修改职责边界清单，只能由分管领导裁定，或提交联席会议决定。"
    )
    assert projection_dump(demo_db) == before  # refused: nothing written


def test_the_leader_decides_and_amends_the_list_locally(qtbot, demo_path, demo_db):
    number, dispute_id = disputed_case(demo_path, demo_db)
    window = open_window(qtbot, demo_path, demo_db, "leader")
    page = disputes_page(window, dispute_id)
    category = page.selected().category_code
    entry = boundary_entries(demo_db, category)[0]
    before_version = versions(demo_db, ListKind.BOUNDARY)[0].version
    qtbot.mouseClick(page.pane.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.decide_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.lead.currentData() == entry.lead  # what the list says, to start from
    dialog.lead.setCurrentIndex(dialog.lead.findData("ZFZD"))
    dialog.amend.setChecked(True)
    assert "本镇修订" in dialog.amend_hint.text()
    before = projection_dump(demo_db)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "请写明裁定理由（依据哪一项清单或会议意见）。"
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert projection_dump(demo_db) == before  # refused: nothing written
    dialog.reasoning.setFocus()
    type_chinese(dialog.reasoning, "夜间噪声由执法中队查处")
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dispute = dispute_by_id(demo_db, dispute_id)
    assert (dispute.status, dispute.lead, dispute.amended_item) == (DECIDED, "ZFZD", entry.code)
    # the official list stays as issued; the amendment stands beside its item
    assert versions(demo_db, ListKind.BOUNDARY)[0].version == before_version
    assert boundary_entries(demo_db, category)[0].lead == entry.lead == "PCS"
    amended = in_force(demo_db, category)
    assert amended is not None and (amended.item, amended.lead) == (entry.code, "ZFZD")
    # the page shows the ruling; the case's suggestion follows it
    assert page.tree.currentItem().text(4) == "已裁定"
    assert (
        "执法中队牵头" in page.pane.detail.text()
        and "夜间噪声由执法中队查处" in page.pane.detail.text()
    )
    assert f"本镇修订（案件 {number}，" in page.pane.detail.text()  # beside the official item
    assert not page.pane.decide_button.isEnabled()
    assert page.pane.decide_button.toolTip() == (
        f"这项职责争议已于 {dispute.decided_at} 作出裁定，不能再次裁定或提交会议。"
    )
    assert window.statusBar().currentMessage().startswith(f"案件 {number} 的职责争议已裁定")
    assert suggestion_for(demo_db, case_by_number(demo_db, number)).lead == "ZFZD"
    # the status filter
    window.show_page("disputes")
    page.status.setCurrentIndex(page.status.findData(OPEN))
    ids = [
        page.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        for i in range(page.tree.topLevelItemCount())
    ]
    assert dispute_id not in ids
    page.status.setCurrentIndex(page.status.findData(DECIDED))
    assert page.select(dispute_id)


def test_a_dispute_goes_to_a_joint_meeting_not_yet_held(qtbot, demo_path, demo_db):
    _number, dispute_id = disputed_case(demo_path, demo_db)
    clerk = user_by_name(demo_db, "clerk")
    meeting = schedule_meeting(
        demo_db,
        clerk,
        "2026-12-02 09:30",
        "镇政府三楼会议室",
        "李镇长",
        ["ZHB", "PCS", "ZFZD"],
        [],
        wall=frozen,
    )
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    page = disputes_page(window, dispute_id)
    assert page.pane.refer_button.isEnabled()
    dialog = page.start_refer()
    qtbot.waitUntil(dialog.isVisible)
    assert (
        dialog.meeting.currentText()
        == f"第 {meeting.number} 次联席会议 · 2026-12-02 09:30 · 镇政府三楼会议室"
    )
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not dialog.ok_button.isEnabled()  # while it writes: a second click does nothing
    dispute = dispute_by_id(demo_db, dispute_id)
    assert (dispute.status, dispute.meeting_id) == (REFERRED, meeting.id)
    assert page.tree.currentItem().text(4) == "已提交联席会议"
    assert f"已列入第 {meeting.number} 次联席会议" in page.pane.detail.text()
    # the meeting's now: the office neither rules on it nor sends it elsewhere (core says why)
    n = meeting.number
    assert not page.pane.refer_button.isEnabled()
    assert page.pane.refer_button.toolTip() == (
        f"这项职责争议已提交第 {n} 次联席会议；如需改由其他会议或分管领导裁定，请先撤回。"
    )
    assert not page.pane.decide_button.isEnabled()
    refused = (
        f"这项职责争议已提交第 {n} 次联席会议，只能由该次会议作出决议；如需另行裁定，请先撤回。"
    )
    assert page.pane.decide_button.toolTip() == refused
    assert page.pane.actions_hint.text() == refused
    assert page.start_decide() is None and page.start_refer() is None
    assert page.pane.withdraw_button.isEnabled()


def test_without_a_meeting_to_choose_the_button_says_so(qtbot, demo_path, demo_db):
    _number, dispute_id = disputed_case(demo_path, demo_db)
    window = open_window(qtbot, demo_path, demo_db, "leader")
    page = disputes_page(window, dispute_id)
    assert not page.pane.refer_button.isEnabled()
    assert page.pane.refer_button.toolTip() == "还没有待召开的联席会议：请先安排一次联席会议。"
    assert page.start_refer() is None
    assert page.pane.decide_button.isEnabled()  # a leader decides too


def test_others_read_disputes_but_do_not_decide(qtbot, demo_path, demo_db):
    _number, dispute_id = disputed_case(demo_path, demo_db)
    window = open_window(qtbot, demo_path, demo_db, "grid")
    page = disputes_page(window, dispute_id)
    assert not page.pane.decide_button.isVisible() and not page.pane.refer_button.isVisible()
    assert page.start_decide() is None
    assert "分管领导裁定" in page.pane.actions_hint.text()


def test_the_ruling_dialog_says_the_amendment_stands_beside_the_official_item(
    qtbot, window, demo_db
):
    from app.core.disputes import Dispute
    from app.ui.disputes.dialogs import DecideDialog

    burning = Dispute(
        "d-1", "c-1", "QS-1", "0401", "露天焚烧", "ZHB", "需环境监测", [], "2026-11-20 09:00",
        None, None, None, [], "", "",
    )  # fmt: skip
    shared = DecideDialog(window.session, burning, boundary_entries(demo_db, "0401"))
    qtbot.addWidget(shared)
    assert shared.amend_hint.text() == (
        "将在边界清单第5项（QS-QT-004）旁记录“露天焚烧”的本镇修订：分拨建议立即按修订执行，"
        "官方清单保持原样，修订列入报区编办的修订建议。只有分管领导或联席会议可以修订清单。"
    )
    none = DecideDialog(window.session, burning, [])
    qtbot.addWidget(none)
    assert none.amend_hint.text() == (
        "边界清单没有“露天焚烧”的条目：本镇修订将建议增列一项，分拨建议立即按修订执行。"
        "只有分管领导或联席会议可以修订清单。"
    )


def test_a_referred_dispute_is_withdrawn_from_its_meeting_with_a_reason(qtbot, demo_path, demo_db):
    number, dispute_id = disputed_case(demo_path, demo_db)
    clerk = user_by_name(demo_db, "clerk")
    meeting = schedule_meeting(
        demo_db, clerk, "2026-12-02 09:30", "镇政府三楼会议室", "刘建军", ["PCS", "ZFZD"],
        wall=frozen,
    )  # fmt: skip
    assert dispute_by_id(demo_db, dispute_id).meeting_id == meeting.id
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    page = disputes_page(window, dispute_id)
    assert page.pane.withdraw_button.isEnabled() and not page.pane.refer_button.isEnabled()
    qtbot.mouseClick(page.pane.withdraw_button, Qt.MouseButton.LeftButton)
    dialog = page.withdraw_dialog
    qtbot.waitUntil(dialog.isVisible)
    before = projection_dump(demo_db)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "请写明从联席会议撤回的理由。"
    assert projection_dump(demo_db) == before
    dialog.reason.setFocus()
    type_chinese(dialog.reason, "会议延期，由分管领导先行裁定")
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dispute = dispute_by_id(demo_db, dispute_id)
    assert (dispute.status, dispute.withdrawn_reason) == (OPEN, "会议延期，由分管领导先行裁定")
    assert page.tree.currentItem().text(4) == "待裁定"
    assert "会议延期，由分管领导先行裁定" in page.pane.detail.text()
    assert not page.pane.withdraw_button.isEnabled()
    assert page.pane.withdraw_button.toolTip() == "这项职责争议没有提交联席会议，无需撤回。"
    assert page.start_withdraw() is None
    assert window.statusBar().currentMessage() == (
        f"案件 {number} 的职责争议已从联席会议撤回，待重新裁定。"
    )
    # open again: the office may rule on it, or refer it to the meeting still ahead
    assert page.pane.decide_button.isEnabled() and page.pane.refer_button.isEnabled()
    assert page.pane.decide_button.toolTip() == "由综合执法办依据清单裁定由谁牵头"
    assert page.pane.actions_hint.text() == ""


def test_a_ruling_starts_from_the_lists_as_amended_now(qtbot, demo_path, demo_db):
    """Once a local amendment gives the category to the squadron, the next dispute about it
    starts from the squadron (the official item plus the amendment in force), not from the
    official item's police station; the clerk may rule so, since it touches no list."""
    from app.core.disputes import Ruling
    from app.core.intake import IntakeRequest
    from app.store.cases import register_case
    from app.store.disputes import decide_dispute

    number, first = disputed_case(demo_path, demo_db)
    category = case_by_number(demo_db, number).category_code
    leader, clerk = user_by_name(demo_db, "leader"), user_by_name(demo_db, "clerk")
    amend = Ruling("ZFZD", ("SCJG",), "夜间施工噪声由执法中队查处", amend_list=True)
    decide_dispute(demo_db, leader, first, amend, wall=frozen)
    assert boundary_entries(demo_db, category)[0].lead == "PCS"  # the official item
    # a second case of the category, sent to the police station and returned by it
    request = IntakeRequest(category, "G01", "夜间施工噪声扰民", "青石村")
    again = register_case(demo_db, BlobStore.beside(demo_path), clerk, request, wall=frozen)
    blobs = BlobStore.beside(demo_path)
    dispatch = Request(Action.DISPATCH, to="PCS", override_reason="报警电话转来，先由派出所处置")
    act(demo_db, blobs, clerk, again.number, dispatch, wall=frozen)
    refuse = Request(Action.RETURN, reason="属施工噪声", not_our_duty=True)
    act(demo_db, blobs, user_by_name(demo_db, "officer_pcs"), again.number, refuse, wall=frozen)
    [second] = disputes_of_case(demo_db, again.id)
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    page = disputes_page(window, second.id)
    dialog = page.start_decide()
    assert dialog is not None
    assert dialog.lead.currentData() == "ZFZD"
    assert dialog.helpers.checked_codes() == ["SCJG"]
    dialog.reasoning.setFocus()
    type_chinese(dialog.reasoning, "按本镇修订由执法中队牵头")
    with qtbot.waitSignal(window.session.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    ruled = dispute_by_id(demo_db, second.id)
    assert (ruled.status, ruled.lead, ruled.cooperating) == (DECIDED, "ZFZD", ["SCJG"])
