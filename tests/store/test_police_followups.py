"""What follows a transfer to the police in the database (order 310, schema 13): the police's
answer to a review on its 3-day clock and on the board, the procuratorate asked within 3
days of an upheld refusal, a case passed on by the police, the items handed over within 3
days of 立案, a lapsed review window named on the case; refusals change nothing; a rebuild
gives the same rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.core.case_path.steps import Action
from app.store.case_actions import actions_for
from app.store.cases import case_by_number
from app.store.clocks import case_clocks, due_soon_cases, overdue_cases, review_answer_clocks
from app.store.police_transfers import lapsed_review, requests_of
from app.store.reference import user_by_name
from app.store.transfers import latest_transfer_out
from tests.store.test_police_transfers import ask, declined, handling, row
from tests.store.test_transfers import Office, assert_rebuild_is_identical, wall_at

A = Action
LETTER = "青石综执移公〔2026〕1号"
ANSWER = "police_review_answer"


@pytest.fixture
def office(small_db, small_path: Path) -> Office:
    return Office(small_db, small_path)


def reviewed(office: Office) -> str:
    """Declined on Monday 2026-12-07 morning; the review asked Tuesday 10:02."""
    number = declined(office)
    office.now = wall_at(2026, 12, 8, 10)
    office.act(number, A.POLICE_REVIEW, reason="抽头数额已经鉴定，达到追诉标准")
    return number


def answer_rows(rows) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(r.number, r.due, r.lead_unit) for r in rows if r.kind == ANSWER]


def test_the_police_answer_a_review_on_a_clock_of_their_own(office: Office) -> None:
    number = reviewed(office)
    case = case_by_number(office.db, number)
    due = "2026-12-11 17:30:00"  # 3 days from Tuesday: Friday's close (art. 9)
    assert answer_rows(review_answer_clocks(office.db)) == [(number, due, "蓬山区公安分局")]
    [clock] = [c for c in case_clocks(office.db, case.id, datetime(2026, 12, 9, 9)) if
               c.kind == ANSWER]  # fmt: skip
    assert (clock.due, clock.overdue) == (due, False)
    assert answer_rows(due_soon_cases(office.db, datetime(2026, 12, 11, 16))) == [
        (number, due, "蓬山区公安分局")
    ]
    late = datetime(2026, 12, 11, 17, 31)  # a duty: it stays on the board once late
    assert answer_rows(overdue_cases(office.db, late)) == [(number, due, "蓬山区公安分局")]
    office.now = wall_at(2026, 12, 9, 10)
    office.act(number, A.POLICE_REVIEW_ANSWER, outcome="upheld", note="复议决定书维持")
    assert answer_rows(overdue_cases(office.db, late)) == []
    (request,) = requests_of(office.db, case.id)
    assert (request.review_answer, request.review_answered_at, request.review_answer_note) == (
        "upheld",
        "2026-12-09 10:02:00",
        "复议决定书维持",
    )
    assert office.refuse(number, A.POLICE_REVIEW_ANSWER, outcome="opened").code == (
        "review_not_asked"
    )
    assert_rebuild_is_identical(office.db)


def test_the_procuratorate_is_asked_within_three_days_of_the_upheld_refusal(
    office: Office,
) -> None:
    number = reviewed(office)
    office.now = wall_at(2026, 12, 9, 10)  # upheld Wednesday 10:01: Saturday -> Monday
    office.act(number, A.POLICE_REVIEW_ANSWER, outcome="upheld")
    case = case_by_number(office.db, number)
    clerk = user_by_name(office.db, "clerk")
    assert A.POLICE_SUPERVISION in actions_for(
        office.db, clerk, case, datetime(2026, 12, 14, 17, 30)
    )
    assert A.POLICE_SUPERVISION not in actions_for(
        office.db, clerk, case, datetime(2026, 12, 14, 17, 31)
    )
    office.now = wall_at(2026, 12, 14, 18)
    error = office.refuse(number, A.POLICE_SUPERVISION, reason="数额已达标准")
    assert (error.code, "2026-12-14 17:30" in str(error)) == ("supervision_window_passed", True)
    office.now = wall_at(2026, 12, 10, 10)
    early = office.refuse(number, A.POLICE_SUPERVISION, reason="数额已达标准", on="2026-12-08")
    assert early.code == "step_day_invalid"
    assert office.refuse(number, A.POLICE_SUPERVISION).code == "reason_missing"
    office.act(number, A.POLICE_SUPERVISION, reason="抽头数额已达追诉标准")
    (request,) = requests_of(office.db, case.id)
    assert (request.supervision_on, request.supervision_to, request.supervision_reason) == (
        "2026-12-10",
        "蓬山区人民检察院",  # the procuratorate at the same level, unless another is named
        "抽头数额已达追诉标准",
    )
    assert office.refuse(number, A.POLICE_SUPERVISION, reason="再次").code == (
        "supervision_needs_upheld"
    )
    assert_rebuild_is_identical(office.db)


def test_a_case_opened_on_review_has_its_items_handed_over_within_three_days(
    office: Office,
) -> None:
    number = reviewed(office)
    office.act(number, A.DISPATCH, to="SCJG", override_reason="先由市场监管所查处无照经营")
    office.now = wall_at(2026, 12, 9, 10)
    office.act(number, A.POLICE_REVIEW_ANSWER, outcome="opened", note="立案决定书")
    assert office.status(number) == "transferred"
    assert row(office, number, "lead_unit, step_clock, step_due_at") == (
        None,
        "police_handover",
        "2026-12-14 17:30:00",  # Saturday's end moved to Monday's close (art. 12)
    )
    late = datetime(2026, 12, 14, 17, 31)
    owed = [(r.number, r.lead_unit) for r in overdue_cases(office.db, late)
            if r.kind == "police_handover"]  # fmt: skip
    assert owed == [(number, "ZHB")]  # the office's own duty
    office.now = wall_at(2026, 12, 10, 10)
    fields = {"note": "涉案物品移交清单 2026-1 号", "received_by": "王警官"}
    early = office.refuse(number, A.POLICE_HANDOVER, on="2026-12-08", **fields)
    assert str(early) == "日期“2026-12-08”不对：应为 YYYY-MM-DD，不早于 2026-12-09，不晚于今天。"
    assert office.refuse(number, A.POLICE_HANDOVER, note="清单").code == (
        "handover_officer_missing"
    )
    office.act(number, A.POLICE_HANDOVER, **fields)
    sent = latest_transfer_out(office.db, case_by_number(office.db, number).id)
    assert sent is not None
    assert (sent.handed_over_on, sent.handover_list, sent.handover_officer) == (
        "2026-12-10",
        "涉案物品移交清单 2026-1 号",
        "王警官",
    )
    assert row(office, number, "step_clock") == (None,)
    assert_rebuild_is_identical(office.db)


def test_a_case_opened_at_once_starts_the_handover_clock(office: Office) -> None:
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_APPROVE, "leader")
    office.act(number, A.TRANSFER_RECEIPT, received_by="王警官")
    office.act(number, A.TRANSFER_OUTCOME, outcome="accepted", note="已立案")  # Mon 09:07
    assert row(office, number, "step_clock, step_due_at") == (
        "police_handover",
        "2026-12-10 17:30:00",
    )


def test_the_police_pass_the_case_on_and_the_competent_one_decides(office: Office) -> None:
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_APPROVE, "leader")
    office.act(number, A.TRANSFER_RECEIPT, received_by="王警官")  # Monday 09:06
    office.now = wall_at(2026, 12, 8, 16)
    to = "东莱市公安局森林分局"
    early = office.refuse(number, A.POLICE_PASSED_ON, to=to, at="2026-12-07 09:00")
    assert early.code == "passed_at_invalid"
    assert office.refuse(number, A.POLICE_PASSED_ON, at="2026-12-08 15:00").code == (
        "passed_to_missing"
    )
    office.act(number, A.POLICE_PASSED_ON, to=to, at="2026-12-08 15:00", note="书面告知")
    sent = latest_transfer_out(office.db, case_by_number(office.db, number).id)
    assert sent is not None
    assert (sent.passed_to, sent.passed_at) == (to, "2026-12-08 15:00:00")
    # the competent authority decides within 3 days of receiving it (art. 7, 8)
    assert row(office, number, "step_clock, step_due_at") == (
        "police_outcome",
        "2026-12-11 17:30:00",
    )
    assert office.refuse(number, A.POLICE_PASSED_ON, to=to).code == "already_recorded"
    office.act(number, A.TRANSFER_OUTCOME, outcome="accepted", note="森林分局立案")
    assert_rebuild_is_identical(office.db)


def test_a_lapsed_review_window_is_named_on_the_case(office: Office) -> None:
    number = declined(office)  # Monday 09:07: the window closes Thursday 17:30
    case = case_by_number(office.db, number)
    assert lapsed_review(office.db, case.id, LETTER, datetime(2026, 12, 10, 17, 30)) is None
    assert lapsed_review(office.db, case.id, LETTER, datetime(2026, 12, 10, 17, 31)) == (
        "2026-12-10 17:30"
    )
    office.now = wall_at(2026, 12, 8, 10)
    office.act(number, A.POLICE_REVIEW, reason="补充鉴定")
    assert lapsed_review(office.db, case.id, LETTER, datetime(2026, 12, 11, 9)) is None
