"""Triage with the three lists: the case detail marks the step they suggest, the dialog
shows the suggestion with its reason and fills in its units, and routing elsewhere asks for
a reason (改派理由) the domain insists on. A return as "not our duty" opens a dispute."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.disputes import OPEN
from app.core.model import CaseStatus, Route
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.disputes import disputes_of_case
from app.store.eventlog import entity_events
from app.store.reference import user_by_name
from app.store.routing import suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import projection_dump
from tests.ui.conftest import fresh_case, open_window, type_chinese


def open_detail(qtbot, window, db, number):
    detail = window.open_case(case_by_number(db, number))
    qtbot.waitExposed(detail)
    return detail


def click(qtbot, detail, action):
    qtbot.mouseClick(detail.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = detail.step_form
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def checked(dialog) -> set[str]:
    helpers = dialog.helpers
    return {
        helpers.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(helpers.count())
        if helpers.item(i).checkState() == Qt.CheckState.Checked
    }


def last_triage_payload(db, number):
    case = case_by_number(db, number)
    return [e for e in entity_events(db, "case", case.id) if e.type == "case.dispatch"][-1].payload


def test_the_suggested_dispatch_is_marked_shown_and_filled_in(window, qtbot, demo_path, demo_db):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "PCS")
    suggestion = suggestion_for(demo_db, case_by_number(demo_db, number))
    assert suggestion.cooperating  # the boundary list names cooperating units too
    detail = open_detail(qtbot, window, demo_db, number)
    first = next(iter(detail.action_buttons))
    assert first == Action.DISPATCH
    assert detail.action_buttons[first].text() == "建议：派遣"
    assert detail.suggestion_hint.text() == f"清单建议：{suggestion.reason.zh}"
    assert detail.focusWidget() is detail.action_buttons[first]  # Enter takes the suggestion
    dialog = click(qtbot, detail, Action.DISPATCH)
    assert dialog.banner.title.text().startswith("清单建议：派遣 · 派出所牵头，")
    assert dialog.banner.reason.text() == suggestion.reason.zh
    assert dialog.lead.currentData() == "PCS"
    assert checked(dialog) == set(suggestion.cooperating)
    assert not dialog.needs_override_reason()
    assert not dialog.override_reason.isVisible()
    with qtbot.waitSignal(detail.case_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert case_by_number(demo_db, number).status == CaseStatus.ASSIGNED
    payload = last_triage_payload(demo_db, number)
    assert payload["lead_unit"] == "PCS"
    assert payload["overridden"] is False and "override_reason" not in payload
    assert sorted(payload["cooperating_units"]) == sorted(suggestion.cooperating)


def test_dispatching_elsewhere_needs_a_reason(window, qtbot, demo_path, demo_db):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "PCS")
    detail = open_detail(qtbot, window, demo_db, number)
    dialog = click(qtbot, detail, Action.DISPATCH)
    dialog.lead.setCurrentIndex(dialog.lead.findData("ZFZD"))
    assert dialog.needs_override_reason()
    assert dialog.override_reason.isVisible()
    assert dialog.override_hint.text().startswith("与清单建议不同：请写明改派理由")
    assert dialog.banner.property("overriding") is True
    before = projection_dump(demo_db)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == (
        "分拨与清单建议不同，请填写改派理由，才能派遣（理由会记入清单修正统计）。"
    )
    assert dialog.isVisible()
    assert projection_dump(demo_db) == before  # refused: nothing written
    dialog.override_reason.setFocus()
    type_chinese(dialog.override_reason, "该点位属联合整治范围")
    with qtbot.waitSignal(detail.case_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    payload = last_triage_payload(demo_db, number)
    assert payload["lead_unit"] == "ZFZD"
    assert payload["overridden"] is True
    assert payload["override_reason"] == "该点位属联合整治范围"
    assert detail.timeline_entries[-1].detail.endswith(
        "未按清单建议，改派理由：该点位属联合整治范围"
    )
    # back to the lists' unit: the field goes away again
    another = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "PCS")
    other = click(qtbot, open_detail(qtbot, window, demo_db, another), Action.DISPATCH)
    other.lead.setCurrentIndex(other.lead.findData("SCJG"))
    assert other.needs_override_reason()
    other.lead.setCurrentIndex(other.lead.findData("PCS"))
    assert not other.needs_override_reason() and not other.override_reason.isVisible()


def test_calling_when_the_lists_say_dispatch_asks_for_a_reason_at_once(
    window, qtbot, demo_path, demo_db
):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "SCJG")
    detail = open_detail(qtbot, window, demo_db, number)
    dialog = click(qtbot, detail, Action.CALL)
    assert dialog.banner.title.text().startswith("清单建议：派遣 · 市场监管所牵头")
    assert dialog.needs_override_reason() and dialog.override_reason.isVisible()
    dialog.reason.setFocus()
    type_chinese(dialog.reason, "需要检测")
    dialog.override_reason.setFocus()
    type_chinese(dialog.override_reason, "需区卫健局现场检测")
    with qtbot.waitSignal(detail.case_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    case = case_by_number(demo_db, number)
    assert case.status == CaseStatus.ASSIGNED
    event = [e for e in entity_events(demo_db, "case", case.id) if e.type == "case.call"][-1]
    assert event.payload["override_reason"] == "需区卫健局现场检测"


def test_a_return_as_not_our_duty_opens_a_dispute(qtbot, demo_path, demo_db):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "PCS")
    act(
        demo_db,
        BlobStore.beside(demo_path),
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.DISPATCH, to="ZFZD", override_reason="夜间噪声，由执法中队先处置"),
        wall=frozen,
    )
    window = open_window(qtbot, demo_path, demo_db, "officer_zfzd")
    detail = open_detail(qtbot, window, demo_db, number)
    dialog = click(qtbot, detail, Action.RETURN)
    assert not dialog.cited_box.isVisible()
    dialog.not_our_duty.click()
    assert dialog.cited_box.isVisible()
    choices = {
        dialog.cited.item(i).data(Qt.ItemDataRole.UserRole): dialog.cited.item(i)
        for i in range(dialog.cited.count())
    }
    boundary = suggestion_for(demo_db, case_by_number(demo_db, number)).matter
    assert boundary in choices and "派出所牵头" in choices[boundary].text()
    choices[boundary].setCheckState(Qt.CheckState.Checked)
    dialog.other_cited.setText("QS-XZCF-018")
    dialog.reason.setFocus()
    type_chinese(dialog.reason, "清单写明由派出所牵头")
    with qtbot.waitSignal(detail.case_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    case = case_by_number(demo_db, number)
    assert case.status == CaseStatus.PENDING_TRIAGE
    [dispute] = disputes_of_case(demo_db, case.id)
    assert (dispute.unit, dispute.reasons, dispute.status) == ("ZFZD", "清单写明由派出所牵头", OPEN)
    assert dispute.cited == sorted({boundary, "QS-XZCF-018"})
    assert detail.timeline_entries[-1].detail.startswith("不属于本单位职责：清单写明由派出所牵头")
    assert detail.records.dispute_lines == [detail.records.dispute_text(dispute)]
    assert "执法中队认为不属于本单位职责" in detail.records.dispute_lines[0]
    assert "待裁定" in detail.records.dispute_lines[0]


def test_a_plain_return_opens_no_dispute(qtbot, demo_path, demo_db):
    number = fresh_case(demo_db, demo_path, Route.DISPATCH_X, "SCJG")
    act(
        demo_db,
        BlobStore.beside(demo_path),
        user_by_name(demo_db, "clerk"),
        number,
        Request(Action.DISPATCH, to="SCJG"),
        wall=frozen,
    )
    case_id = case_by_number(demo_db, number).id
    earlier = disputes_of_case(demo_db, case_id)  # the demo's cases may have some already
    window = open_window(qtbot, demo_path, demo_db, "officer")
    detail = open_detail(qtbot, window, demo_db, number)
    dialog = click(qtbot, detail, Action.RETURN)
    dialog.reason.setFocus()
    type_chinese(dialog.reason, "地址有误")
    with qtbot.waitSignal(detail.case_changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    case = case_by_number(demo_db, number)
    assert case.status == CaseStatus.PENDING_TRIAGE
    assert disputes_of_case(demo_db, case.id) == earlier
    assert detail.timeline_entries[-1].detail == "理由：地址有误"
