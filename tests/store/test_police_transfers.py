"""行刑衔接 in the database (order 310): the request with its materials as evidence, the
leader's approval numbering the letter and naming the police and the procuratorate, the
refusal, the review after the police declined, the clocks on the case, refusals changing
nothing, and a rebuild giving the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.case_path.steps import Action
from app.store.case_state import load_state
from app.store.cases import case_by_number
from app.store.police_transfers import requests_of
from app.store.transfers import latest_transfer_out
from tests.store.police_helpers import materials
from tests.store.test_transfers import (
    DAY,
    Office,
    assert_rebuild_is_identical,
    wall_at,
)

A = Action
REQUEST = {
    "offence": "开设赌场罪",
    "threshold": "出租屋内设赌，抽头渔利五千元以上，达到立案追诉标准",
    "facts": "2026年12月7日夜查获赌桌两张、赌资一万二千元",
}


@pytest.fixture
def office(small_db, small_path: Path) -> Office:
    return Office(small_db, small_path)


def handling(office: Office) -> str:
    """A case the market supervision office handles (signed for)."""
    office.now = wall_at(2026, 12, 7, 9)  # a Monday
    number = office.register()
    office.act(number, A.DISPATCH, to="SCJG", override_reason="赌博窝点设在无照经营的棋牌室")
    office.act(number, A.SIGN, "officer")
    return number


def ask(office: Office, number: str, who: str = "officer", *kinds: str) -> None:
    files, attached = materials(office.folder / number, *kinds)
    office.act(number, A.POLICE_REQUEST, who, files=files, attachments=attached, **REQUEST)


def row(office: Office, number: str, columns: str) -> tuple:
    case = case_by_number(office.db, number)
    return office.db.execute(f"SELECT {columns} FROM cases WHERE id = ?", [case.id]).fetchone()


def test_the_handling_unit_asks_with_its_materials_and_the_leader_approves(
    office: Office,
) -> None:
    number = handling(office)
    ask(office, number, "officer", "report", "items", "appraisal")
    case = case_by_number(office.db, number)
    assert case.status.value == "handling"
    (request,) = requests_of(office.db, case.id)
    assert (request.requested_by, request.by_unit, request.decision) == ("李文涛", "SCJG", None)
    assert [kind for _, kind, _ in request.attachments] == ["report", "items", "appraisal"]
    assert [name for _, _, name in request.attachments] == [
        "report-0.pdf",
        "items-1.pdf",
        "appraisal-2.pdf",
    ]
    evidence = office.db.execute(
        "SELECT count(*) FROM case_evidence WHERE case_id = ?", [case.id]
    ).fetchone()
    assert evidence == (3,)
    # the leader decides within 3 days (art. 5): Monday 09:03 -> Thursday's close
    assert row(office, number, "step_clock, step_due_at") == (
        "police_decision",
        "2026-12-10 17:30:00",
    )
    assert office.refuse(number, A.FEEDBACK, "officer", note="已查处").code == (
        "police_request_pending"
    )

    office.act(number, A.POLICE_APPROVE, "leader")
    (request,) = requests_of(office.db, case.id)
    assert (request.decision, request.decided_by) == ("approved", "刘建军")
    assert (request.letter_no, request.copy_to) == ("青石综执移公〔2026〕1号", "蓬山区人民检察院")
    sent = latest_transfer_out(office.db, case.id)
    assert sent is not None
    assert (sent.police, sent.counterpart, sent.offence) == (True, "蓬山区公安分局", "开设赌场罪")
    assert case_by_number(office.db, number).status.value == "transferred"
    ended = office.db.execute(
        "SELECT end_reason FROM assignments WHERE case_id = ? AND ended_at IS NOT NULL",
        [case.id],
    ).fetchall()
    assert ended == [("移送公安",)]
    # sent within 24 hours of approval (art. 5), proved by the receipt
    approved_at = office.db.execute(
        "SELECT decided_at FROM police_requests WHERE case_id = ?", [case.id]
    ).fetchone()[0]
    assert approved_at == "2026-12-07 09:11:00"
    assert row(office, number, "step_clock, step_due_at") == (
        "police_sending",
        "2026-12-08 09:11:00",
    )
    office.act(number, A.TRANSFER_RECEIPT, received_by="蓬山区公安分局 王警官")
    # the police decide within 3 days of receipt (art. 8)
    assert row(office, number, "step_clock, step_due_at") == (
        "police_outcome",
        "2026-12-10 17:30:00",
    )
    assert_rebuild_is_identical(office.db)


def test_the_leader_may_name_another_procuratorate(office: Office) -> None:
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_APPROVE, "leader", copy_to="东莱市人民检察院")
    (request,) = requests_of(office.db, case_by_number(office.db, number).id)
    assert request.copy_to == "东莱市人民检察院"


def test_a_refused_request_leaves_the_case_with_the_unit(office: Office) -> None:
    number = handling(office)
    ask(office, number)
    assert office.refuse(number, A.POLICE_DENY, "leader").code == "reason_missing"
    assert office.refuse(number, A.POLICE_APPROVE, "clerk").code == "permission_denied"
    office.act(number, A.POLICE_DENY, "leader", reason="赌资数额尚未查实")
    case = case_by_number(office.db, number)
    assert (case.status.value, row(office, number, "lead_unit")) == ("handling", ("SCJG",))
    (request,) = requests_of(office.db, case.id)
    assert (request.decision, request.decision_reason) == ("denied", "赌资数额尚未查实")
    assert request.letter_no == ""
    assert row(office, number, "step_clock") == (None,)
    office.act(number, A.FEEDBACK, "officer", note="已依法给予行政处罚")
    assert_rebuild_is_identical(office.db)


def test_refusals_change_nothing(office: Office) -> None:
    number = handling(office)
    files, attached = materials(office.folder / "only-report", "report")
    error = office.refuse(
        number, A.POLICE_REQUEST, "officer", files=files, attachments=attached, **REQUEST
    )
    assert (
        str(error) == "移送公安须附涉案物品清单（《行政执法机关移送涉嫌犯罪案件的规定》第六条）。"
    )
    assert office.refuse(number, A.POLICE_REQUEST, "officer_zfzd", **REQUEST).code == (
        "not_lead_unit"
    )
    fresh = office.register()
    assert office.refuse(fresh, A.POLICE_REQUEST, "officer", **REQUEST).code == (
        "police_request_office_only"
    )
    assert office.refuse(number, A.POLICE_APPROVE, "leader").code == "nothing_to_decide"
    assert office.refuse(number, A.TRANSFER_POLICE, **REQUEST, reason="r").code == (
        "police_transfer_needs_request"
    )


def declined(office: Office) -> str:
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_APPROVE, "leader")
    office.act(number, A.TRANSFER_RECEIPT, received_by="王警官")
    office.act(number, A.TRANSFER_OUTCOME, outcome="declined", note="未达追诉标准")
    return number


def test_a_review_is_asked_within_three_days_of_the_refusal(office: Office) -> None:
    number = declined(office)  # refused Monday 2026-12-07 09:07
    case = case_by_number(office.db, number)
    assert case.status.value == "pending_triage"
    assert load_state(office.db, case.id).police_refused_letter == "青石综执移公〔2026〕1号"
    office.now = wall_at(2026, 12, 10, 17)  # Thursday, within the 3 days
    office.act(number, A.POLICE_REVIEW, reason="抽头数额已经鉴定，达到追诉标准")
    (request,) = requests_of(office.db, case.id)
    assert request.review_reason == "抽头数额已经鉴定，达到追诉标准"
    assert request.review_at == "2026-12-10 17:02:00"
    assert office.refuse(number, A.POLICE_REVIEW, reason="再次").code == "review_needs_refusal"
    assert load_state(office.db, case.id).police_refused_letter is None
    assert_rebuild_is_identical(office.db)


def test_a_review_after_three_days_is_refused(office: Office) -> None:
    number = declined(office)
    office.now = wall_at(2026, 12, 10, 17) + DAY  # Friday: past Thursday's close
    error = office.refuse(number, A.POLICE_REVIEW, reason="补充鉴定")
    assert error.code == "review_window_passed"
    assert "2026-12-10 17:30" in str(error)
