"""What follows a transfer to the police (order 310; core/case_path/police_followups.py and
core/police_transfer.py): the police's answer to a review and the procuratorate asked to
supervise after an upheld refusal (art. 9), the case passed on by the police (art. 7), the
items handed over once a case is opened (art. 12); each refusal in plain Chinese."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.core.calendar import WorkCalendar
from app.core.case_path.decide import Request, decide
from app.core.case_path.rules import allowed_actions
from app.core.case_path.steps import Action, CaseState
from app.core.errors import DomainError
from app.core.model import CaseStatus
from app.core.police_transfer import (
    check_passed_at,
    check_step_day,
    check_supervision_window,
    handover_due,
    passed_on_late,
    review_answer_due,
    supervision_due,
)
from tests.core.test_workflow import (
    CLERK,
    DEPARTMENTS,
    LEADER,
    OFFICER,
    RECEIVED,
    SENT,
    SETTLED,
    VALID,
    refused,
    step,
)

A, S = Action, CaseStatus
CAL = WorkCalendar()
LETTER = "青石综执移公〔2026〕1号"
DECLINED = step(RECEIVED, CLERK, Request(A.TRANSFER_OUTCOME, outcome="declined", note="未达标准"))
REVIEWED = step(DECLINED, CLERK, VALID[A.POLICE_REVIEW])
UPHELD = step(REVIEWED, CLERK, Request(A.POLICE_REVIEW_ANSWER, outcome="upheld", note="复议维持"))
OPENED = Request(A.POLICE_REVIEW_ANSWER, outcome="opened", note="复议后立案")
SUPERVISE = Request(
    A.POLICE_SUPERVISION, to="蓬山区人民检察院", reason="数额已达标准", on="2026-11-20"
)


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_a_review_asked_awaits_the_polices_answer() -> None:
    assert DECLINED.status == S.PENDING_TRIAGE and DECLINED.police_refused_letter == LETTER
    assert REVIEWED.police_review_letter == LETTER
    assert A.POLICE_REVIEW_ANSWER in allowed_actions(REVIEWED, CLERK)
    assert A.POLICE_REVIEW_ANSWER in allowed_actions(REVIEWED, LEADER)
    assert A.POLICE_REVIEW_ANSWER not in allowed_actions(DECLINED, CLERK)
    decision = decide(REVIEWED, CLERK, VALID[A.POLICE_REVIEW_ANSWER], DEPARTMENTS)
    assert (decision.event_type, decision.payload) == (
        "case.police_review_answered",
        {"by_unit": "ZHB", "letter_no": LETTER, "answer": "upheld", "note": "复议决定书"},
    )


def test_an_upheld_refusal_opens_the_way_to_the_procuratorate_once() -> None:
    assert (UPHELD.status, UPHELD.police_review_letter, UPHELD.police_upheld_letter) == (
        S.PENDING_TRIAGE,
        None,
        LETTER,
    )
    decision = decide(UPHELD, LEADER, SUPERVISE, DEPARTMENTS)
    assert decision.payload == {
        "by_unit": "ZHB",
        "letter_no": LETTER,
        "to": "蓬山区人民检察院",
        "reason": "数额已达标准",
        "on": "2026-11-20",
    }
    asked = step(UPHELD, LEADER, SUPERVISE)
    assert asked.police_upheld_letter is None
    assert str(refused(asked, CLERK, SUPERVISE)) == (
        "公安机关没有作出维持不予立案的复议决定，无法建议检察院立案监督。"
    )
    assert str(refused(UPHELD, CLERK, VALID[A.POLICE_REVIEW_ANSWER])) == (
        "还没有提请公安机关复议，无法登记复议决定。"
    )


def test_a_case_opened_on_review_is_the_polices_and_its_items_follow() -> None:
    opened = step(REVIEWED, CLERK, OPENED)
    assert (opened.status, opened.transfer_letter, opened.transfer_settled) == (
        S.TRANSFERRED,
        LETTER,
        True,
    )
    assert allowed_actions(opened, CLERK) == [A.POLICE_HANDOVER]
    # routed anew meanwhile: the case leaves the unit's desk as an approval takes it
    routed = step(REVIEWED, CLERK, VALID[A.DISPATCH])
    after = step(routed, CLERK, OPENED)
    assert (after.status, after.lead_unit, after.route) == (S.TRANSFERRED, None, None)


def test_refusals_of_the_answer_and_the_supervision() -> None:
    bad = Request(A.POLICE_REVIEW_ANSWER, outcome="accepted")
    assert str(refused(REVIEWED, CLERK, bad)) == (
        "请选择公安机关的复议决定（维持不予立案 / 立案），才能登记复议决定。"
    )
    assert refused(REVIEWED, OFFICER, VALID[A.POLICE_REVIEW_ANSWER]).code == "permission_denied"
    assert refused(UPHELD, CLERK, Request(A.POLICE_SUPERVISION, to="检察院")).code == (
        "reason_missing"
    )
    assert refused(DECLINED, CLERK, SUPERVISE).code == "supervision_needs_upheld"


def test_the_police_pass_a_received_case_on_once_before_deciding() -> None:
    passed = Request(A.POLICE_PASSED_ON, to="东莱市公安局森林分局", at="2026-11-19 10:00:00")
    assert A.POLICE_PASSED_ON not in allowed_actions(SENT, CLERK)
    assert str(refused(SENT, CLERK, passed)) == (
        "还没有登记接收机关的回执，不能登记公安移交主管机关。"
    )
    decision = decide(RECEIVED, CLERK, passed, DEPARTMENTS)
    assert decision.event_type == "case.police_transfer_passed_on"
    assert decision.payload == {
        "by_unit": "ZHB",
        "letter_no": LETTER,
        "to": "东莱市公安局森林分局",
        "passed_at": "2026-11-19 10:00:00",
        "note": "",
    }
    after = step(RECEIVED, CLERK, passed)
    assert after.transfer_passed_on and after.status == S.TRANSFERRED
    assert refused(after, CLERK, passed).code == "already_recorded"
    assert A.TRANSFER_OUTCOME in allowed_actions(after, CLERK)  # the competent one decides
    nobody = Request(A.POLICE_PASSED_ON, at="2026-11-19 10:00:00")
    assert str(refused(RECEIVED, CLERK, nobody)) == (
        "请填写公安机关移交的主管机关，才能登记公安移交主管机关。"
    )
    assert refused(SETTLED, CLERK, passed).code == "police_already_decided"
    ordinary = step(step(CaseState(), CLERK, VALID[A.TRANSFER]), CLERK, VALID[A.TRANSFER_RECEIPT])
    assert str(refused(ordinary, CLERK, passed)) == "只有移送公安的案件才能登记公安移交主管机关。"


def test_the_items_are_handed_over_once_a_case_is_opened() -> None:
    handover = VALID[A.POLICE_HANDOVER]
    assert str(refused(RECEIVED, CLERK, handover)) == (
        "公安机关还没有立案，不能登记移交涉案物品（第十二条：立案后移交涉案物品和材料）。"
    )
    decision = decide(SETTLED, CLERK, handover, DEPARTMENTS)
    assert decision.payload == {
        "by_unit": "ZHB",
        "letter_no": LETTER,
        "on": "2026-11-20",
        "list": "涉案物品清单第1号",
        "received_by": "王警官",
    }
    no_officer = Request(A.POLICE_HANDOVER, note="清单1号", on="2026-11-20")
    assert refused(SETTLED, CLERK, no_officer).code == "handover_officer_missing"
    no_list = Request(A.POLICE_HANDOVER, received_by="王警官", on="2026-11-20")
    assert refused(SETTLED, CLERK, no_list).code == "handover_list_missing"
    assert refused(SETTLED, LEADER, handover).code == "permission_denied"
    done = step(SETTLED, CLERK, handover)
    assert refused(done, CLERK, handover).code == "already_recorded"


def test_a_new_transfer_starts_afresh() -> None:
    again = step(step(UPHELD, CLERK, VALID[A.POLICE_REQUEST]), LEADER, VALID[A.POLICE_APPROVE])
    assert (again.police_upheld_letter, again.items_handed_over) == (None, False)


# -- the clocks and the times given (art. 7, 9, 12) ----------------------------------------


def test_the_clocks_in_the_regulations_days() -> None:
    # asked on Monday 2026-12-07 10:00: the 3rd day is Thursday, at the office's close
    assert review_answer_due(CAL, dt("2026-12-07 10:00")) == dt("2026-12-10 17:30")
    assert handover_due(CAL, dt("2026-12-07 10:00")) == dt("2026-12-10 17:30")
    # upheld on Wednesday: the 3rd day is a Saturday, moved to Monday's close
    assert supervision_due(CAL, dt("2026-12-09 10:00")) == dt("2026-12-14 17:30")
    check_supervision_window(CAL, dt("2026-12-09 10:00"), dt("2026-12-14 17:30"))
    with pytest.raises(DomainError) as caught:
        check_supervision_window(CAL, dt("2026-12-09 10:00"), dt("2026-12-14 17:31"))
    assert str(caught.value) == (
        "建议人民检察院立案监督应在接到复议决定之日起 3 日内（截至 2026-12-14 17:30）提出"
        "（第九条），已经过期。"
    )


def test_the_day_of_a_recorded_step() -> None:
    after, now = dt("2026-12-07 10:00"), dt("2026-12-09 11:00")
    assert check_step_day("", after, now) == "2026-12-09"
    assert check_step_day("2026-12-07", after, now) == "2026-12-07"
    for wrong in ("2026-12-06", "2026-12-10", "12/08", "2026-12-8"):
        with pytest.raises(DomainError) as caught:
            check_step_day(wrong, after, now)
        assert caught.value.code == "step_day_invalid"
    assert "不早于 2026-12-07" in str(caught.value)


def test_the_time_the_police_passed_it_on() -> None:
    received, now = dt("2026-12-07 10:00:30"), dt("2026-12-09 11:00:40")
    assert check_passed_at("", received, now) == "2026-12-09 11:00:00"
    assert check_passed_at("2026-12-07 10:00", received, now) == "2026-12-07 10:00:00"
    for wrong in ("2026-12-07 09:59", "2026-12-09 11:01", "2026-12-08", "明天"):
        with pytest.raises(DomainError) as caught:
            check_passed_at(wrong, received, now)
        assert caught.value.code == "passed_at_invalid"
    assert not passed_on_late(dt("2026-12-07 10:00"), dt("2026-12-08 10:00"))
    assert passed_on_late(dt("2026-12-07 10:00"), dt("2026-12-08 10:01"))


def test_only_an_outcome_since_schema_13_owes_the_handover_clock() -> None:
    from app.core.case_path.context import Context
    from app.core.case_path.police import police_clock
    from app.core.step_limits import StepKind

    accepted = Request(A.TRANSFER_OUTCOME, outcome="accepted", note="已立案")
    payload = decide(RECEIVED, CLERK, accepted, DEPARTMENTS).payload
    assert payload["handover_due"] is True
    ordinary = step(step(CaseState(), CLERK, VALID[A.TRANSFER]), CLERK, VALID[A.TRANSFER_RECEIPT])
    assert "handover_due" not in decide(ordinary, CLERK, accepted, DEPARTMENTS).payload
    ctx = Context({}, {}, {}, {}, CAL)
    requests = [{"letter_no": LETTER, "review_answer": None, "review_answered_at": None}]
    transfer = {
        "police": 1,
        "letter_no": LETTER,
        "sent_at": "2026-12-07 09:00:00",
        "receipt_at": "2026-12-07 10:00:00",
        "outcome": "accepted",
        "outcome_at": "2026-12-07 11:00:00",
        "handed_over_on": None,
    }
    assert police_clock(requests, transfer, ctx) is None  # a 立案 of schema 11-12
    owed = police_clock(requests, transfer | {"handover_owed": 1}, ctx)
    assert owed == (StepKind.POLICE_HANDOVER, dt("2026-12-10 17:30"))
    done = transfer | {"handover_owed": 1, "handed_over_on": "2026-12-08"}
    assert police_clock(requests, done, ctx) is None
