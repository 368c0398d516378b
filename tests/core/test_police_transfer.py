"""行刑衔接 as order 310 prescribes (core/police_transfer.py and the police steps of
core/case_path): who asks and from where, the materials, the leader's decision, the pause
while it waits, the review after a refusal, and the regulation's clocks."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from app.core.calendar import WorkCalendar
from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.fold import evolve
from app.core.case_path.rules import allowed_actions
from app.core.case_path.steps import Action, CaseState
from app.core.errors import DomainError
from app.core.model import CaseStatus
from app.core.police_transfer import (
    attachments_of,
    check_review_window,
    decision_due,
    default_police,
    default_procuratorate,
    district_of,
    police_decision_due,
    review_due,
    sending_due,
)
from tests.core.test_workflow import (
    CLERK,
    DEPARTMENTS,
    EVIDENCE,
    GRID,
    ITEMS_FILE,
    LEADER,
    OFFICER,
    OFFICER_ZFZD,
    PHOTO_FILE,
    REPORT_FILE,
    SUPERVISOR,
    TODAY,
    VALID,
    X_ASSIGNED,
    X_HANDLING,
    refused,
    step,
)

A, S = Action, CaseStatus
CAL = WorkCalendar()
LETTER = "青石综执移公〔2026〕1号"


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def requested(state: CaseState = X_HANDLING) -> CaseState:
    return step(state, OFFICER if state.lead_unit == "SCJG" else CLERK, VALID[A.POLICE_REQUEST])


# -- who asks, from where ----------------------------------------------------------------------


def test_the_unit_handling_the_case_asks_and_the_case_waits_where_it_is() -> None:
    decision = decide(X_HANDLING, OFFICER, VALID[A.POLICE_REQUEST], DEPARTMENTS, evidence=EVIDENCE)
    assert decision.event_type == "case.police_transfer_requested"
    assert decision.payload == {
        "by_unit": "SCJG",
        "from_status": "handling",
        "offence": "开设赌场罪",
        "threshold": "在出租屋内设赌，参赌人员累计四十余人次，抽头渔利数额达五千元以上",
        "facts": "11月15日夜查获赌桌两张、赌资一万二千元",
        "attachments": [
            {"sha256": REPORT_FILE, "kind": "report"},
            {"sha256": ITEMS_FILE, "kind": "items"},
        ],
        "photos": [],
    }
    after = evolve(X_HANDLING, decision.event_type, decision.payload)
    assert (after.status, after.lead_unit, after.police_requested) == (S.HANDLING, "SCJG", True)


def test_the_office_asks_from_triage_and_on_the_units_behalf() -> None:
    assert requested(CaseState()).police_requested
    assert step(X_HANDLING, CLERK, VALID[A.POLICE_REQUEST]).police_requested


def test_who_may_not_ask() -> None:
    error = refused(CaseState(), OFFICER, VALID[A.POLICE_REQUEST])
    assert error.code == "police_request_office_only"
    assert str(error).startswith("案件还未分拨，只有综合执法办能申请移送公安")
    assert refused(X_HANDLING, OFFICER_ZFZD, VALID[A.POLICE_REQUEST]).code == "not_lead_unit"
    assert str(refused(X_HANDLING, GRID, VALID[A.POLICE_REQUEST])) == "网格员不能申请移送公安。"
    assert refused(X_HANDLING, LEADER, VALID[A.POLICE_REQUEST]).code == "permission_denied"
    # not signed for yet: the unit has not found anything
    assert refused(X_ASSIGNED, CLERK, VALID[A.POLICE_REQUEST]).code == "wrong_state"


def test_the_retired_one_step_transfer_is_refused_but_folds_as_before() -> None:
    old = Request(A.TRANSFER_POLICE, offence="非法经营罪", threshold="八万元", reason="金额大")
    error = refused(CaseState(), CLERK, old)
    assert error.code == "police_transfer_needs_request"
    assert A.TRANSFER_POLICE not in allowed_actions(CaseState(), CLERK)
    assert A.POLICE_REQUEST in allowed_actions(CaseState(), CLERK)
    payload = {"to": "公安机关", "offence": "非法经营罪", "reason": "金额大", "letter_no": "L-9"}
    folded = evolve(CaseState(), "case.transfer_police", payload)
    assert (folded.status, folded.transfer_letter, folded.transfer_police) == (
        S.TRANSFERRED,
        "L-9",
        True,
    )
    assert not folded.transfer_approved


# -- the materials (art. 6) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("attached", "code", "text"),
    [
        (
            [{"sha256": ITEMS_FILE, "kind": "items"}],
            "attachment_missing",
            "移送公安须附涉嫌犯罪案件调查报告（《行政执法机关移送涉嫌犯罪案件的规定》第六条）。",
        ),
        (
            [{"sha256": REPORT_FILE, "kind": "report"}, {"sha256": PHOTO_FILE, "kind": "other"}],
            "attachment_missing",
            "移送公安须附涉案物品清单（《行政执法机关移送涉嫌犯罪案件的规定》第六条）。",
        ),
        ([], "attachment_missing", None),
        ([{"sha256": REPORT_FILE, "kind": "memo"}], "attachment_kind_unknown", None),
        (
            [{"sha256": "d" * 64, "kind": "report"}, {"sha256": ITEMS_FILE, "kind": "items"}],
            "attachment_not_evidence",
            "材料“dddddddddddd”不是本案的证据文件，请先作为证据附上。",
        ),
    ],
)
def test_a_request_without_its_materials_is_refused(
    attached: list[dict[str, str]], code: str, text: str | None
) -> None:
    request = replace(VALID[A.POLICE_REQUEST], attachments=tuple(attached))
    error = refused(X_HANDLING, OFFICER, request)
    assert error.code == code
    if text:
        assert str(error) == text


def test_materials_keep_their_order_once_each_and_may_come_with_the_request() -> None:
    given = [
        {"sha256": REPORT_FILE, "kind": "report"},
        {"sha256": "e" * 64, "kind": "appraisal"},
        {"sha256": REPORT_FILE, "kind": "report"},
        {"sha256": ITEMS_FILE, "kind": "items"},
    ]
    assert attachments_of(given, EVIDENCE | {"e" * 64}) == [given[0], given[1], given[3]]
    # a file the request itself attaches (its photos) counts as the case's evidence
    brought = replace(
        VALID[A.POLICE_REQUEST],
        attachments=(*VALID[A.POLICE_REQUEST].attachments, {"sha256": "e" * 64, "kind": "other"}),
        photos=({"sha256": "e" * 64, "file_name": "现场照片.jpg"},),
    )
    decision = decide(X_HANDLING, OFFICER, brought, DEPARTMENTS, evidence=EVIDENCE)
    assert decision.payload["attachments"][-1] == {"sha256": "e" * 64, "kind": "other"}


# -- the pause while the leader decides ------------------------------------------------------


def test_a_pending_request_holds_the_case_still() -> None:
    waiting = requested()
    for action in (A.FEEDBACK, A.RETURN, A.PARK, A.POLICE_REQUEST):
        error = refused(waiting, OFFICER, VALID[action])
        assert error.code == "police_request_pending"
    assert str(refused(waiting, OFFICER, VALID[A.FEEDBACK])) == (
        "案件的移送公安申请正在等待负责人审批，不能反馈。"
    )
    assert step(waiting, LEADER, VALID[A.SUPERVISE]).supervision_count == 1
    assert step(waiting, OFFICER, VALID[A.EXTEND]).extension_requested == 5
    assert set(allowed_actions(waiting, LEADER)) == {
        A.POLICE_APPROVE,
        A.POLICE_DENY,
        A.SUPERVISE,
    }
    assert set(allowed_actions(waiting, OFFICER)) == {A.EXTEND}


# -- the leader's decision (art. 5) ----------------------------------------------------------


def test_only_a_leader_decides_and_only_a_pending_request() -> None:
    waiting = requested()
    for who in (CLERK, SUPERVISOR, OFFICER):
        assert refused(waiting, who, VALID[A.POLICE_APPROVE]).code == "permission_denied"
    assert str(refused(waiting, SUPERVISOR, VALID[A.POLICE_DENY])) == "督查人员不能不批准移送公安。"
    assert refused(X_HANDLING, LEADER, VALID[A.POLICE_APPROVE]).code == "nothing_to_decide"
    assert refused(waiting, LEADER, Request(A.POLICE_DENY, reason=" ")).code == "reason_missing"
    no_copy = Request(A.POLICE_APPROVE, to="蓬山区公安分局")
    assert refused(waiting, LEADER, no_copy).code == "copy_to_missing"


def test_approval_numbers_the_letter_and_takes_the_case_off_the_units_desk() -> None:
    waiting = requested()
    decision = decide(
        waiting, LEADER, VALID[A.POLICE_APPROVE], DEPARTMENTS, Numbers(letter_no=LETTER), TODAY
    )
    assert decision.event_type == "case.police_transfer_approved"
    assert decision.payload == {
        "by_unit": "ZHB",
        "to": "蓬山区公安分局",
        "letter_no": LETTER,
        "copy_to": "蓬山区人民检察院",
    }
    sent = evolve(waiting, decision.event_type, decision.payload)
    assert (sent.status, sent.lead_unit, sent.route, sent.police_requested) == (
        S.TRANSFERRED,
        None,
        None,
        False,
    )
    assert (sent.transfer_letter, sent.transfer_police, sent.transfer_approved) == (
        LETTER,
        True,
        True,
    )
    assert allowed_actions(sent, CLERK) == [A.TRANSFER_RECEIPT]


def test_a_refusal_returns_the_case_to_handling_where_it_was() -> None:
    denied = step(requested(), LEADER, VALID[A.POLICE_DENY])
    assert denied == X_HANDLING
    from_triage = step(requested(CaseState()), LEADER, VALID[A.POLICE_DENY])
    assert from_triage == CaseState()


# -- after the police's answer (art. 8, 9) ----------------------------------------------------


def answered(outcome: str) -> CaseState:
    sent = step(requested(), LEADER, VALID[A.POLICE_APPROVE])
    received = step(sent, CLERK, VALID[A.TRANSFER_RECEIPT])
    return step(received, CLERK, Request(A.TRANSFER_OUTCOME, outcome=outcome, note="经审查"))


def test_review_only_after_the_police_declined_and_only_once() -> None:
    declined = answered("declined")
    assert (declined.status, declined.police_refused_letter) == (S.PENDING_TRIAGE, LETTER)
    assert A.POLICE_REVIEW in allowed_actions(declined, CLERK)
    decision = decide(declined, LEADER, VALID[A.POLICE_REVIEW], DEPARTMENTS)
    assert decision.event_type == "case.police_transfer_review_requested"
    assert decision.payload["letter_no"] == LETTER
    reviewed = evolve(declined, decision.event_type, decision.payload)
    assert refused(reviewed, CLERK, VALID[A.POLICE_REVIEW]).code == "review_needs_refusal"
    accepted = answered("accepted")
    assert refused(accepted, CLERK, VALID[A.POLICE_REVIEW]).code == "wrong_state"
    returned = answered("returned")
    error = refused(returned, CLERK, VALID[A.POLICE_REVIEW])
    assert str(error) == "公安机关没有作出不予立案的决定，无法提请复议。"
    assert refused(declined, CLERK, Request(A.POLICE_REVIEW, reason="")).code == "reason_missing"
    assert refused(declined, GRID, VALID[A.POLICE_REVIEW]).code == "permission_denied"


def test_review_within_three_days_of_the_refusal() -> None:
    refused_at = dt("2026-12-01 15:00")  # a Tuesday
    assert review_due(CAL, refused_at) == dt("2026-12-04 17:30")
    check_review_window(CAL, refused_at, dt("2026-12-04 17:30"))
    with pytest.raises(DomainError) as caught:
        check_review_window(CAL, refused_at, dt("2026-12-04 17:31"))
    assert str(caught.value) == (
        "提请复议应在接到不予立案决定之日起 3 日内（截至 2026-12-04 17:30），已经过期。"
    )


# -- the clocks (art. 5, 8) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "due"),
    [
        ("2026-12-01 10:00", "2026-12-04 17:30"),  # Tuesday: by Friday's close
        ("2026-12-02 10:00", "2026-12-07 17:30"),  # the third day a Saturday: Monday
        ("2026-09-30 16:00", "2026-10-08 17:30"),  # into the National Day holiday (1-7)
    ],
)
def test_three_calendar_days_ending_on_a_working_day(start: str, due: str) -> None:
    assert decision_due(CAL, dt(start)) == dt(due)
    assert police_decision_due(CAL, dt(start)) == dt(due)


def test_sending_within_24_hours_runs_through_the_night_and_weekend() -> None:
    assert sending_due(dt("2026-12-04 16:00")) == dt("2026-12-05 16:00")


# -- who receives it -------------------------------------------------------------------------


def test_the_police_and_procuratorate_of_the_district() -> None:
    names = ["青石市场监管所", "东莱市生态环境局蓬山分局", "蓬山区应急管理局"]
    assert district_of(names) == "蓬山区"
    assert default_police("蓬山区") == "蓬山区公安分局"
    assert default_police("莱阳市") == "莱阳市公安局"
    assert default_procuratorate("蓬山区") == "蓬山区人民检察院"
    assert district_of(["综合执法办"]) is None
    assert (default_police(None), default_procuratorate(None)) == ("公安机关", "同级人民检察院")
