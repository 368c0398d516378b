"""Joint meetings, the pure rules: the agenda proposed from plain facts (each kind, its order,
its limits), and the checks on a meeting's plan, agenda, minutes and decisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from app.core.calendar import WorkCalendar
from app.core.errors import DomainError, ValidationErrors
from app.core.meetings import (
    CASES_PER_KIND,
    CROSS,
    DISPUTE,
    OTHER,
    OVERDUE,
    SUPERVISED,
    AgendaItem,
    CaseFacts,
    DecisionDraft,
    DisputeFacts,
    MeetingDecision,
    check_agenda,
    check_decisions,
    check_dispute_before_meeting,
    check_plan,
    propose_agenda,
    working_days_late,
)

CAL = WorkCalendar()
UNITS = {"ZHB", "PCS", "SCJG", "ZFZD", "ZJJ", "YJJ"}
TODAY = date(2026, 3, 6)  # a Friday, after the Spring Festival


def case(number: str, **facts: object) -> CaseFacts:
    base = CaseFacts(
        number=number,
        category="占道经营",
        address="青石街",
        status="处置中",
        lead="执法中队",
        cooperating=(),
        supervision_count=0,
        due=None,
        returns=0,
    )
    return replace(base, **facts)  # type: ignore[arg-type]


def dispute(id: str, number: str, opened_at: str, meeting_id: str | None = None) -> DisputeFacts:
    return DisputeFacts(
        id, number, "违法建设", "市场监管所", "不属本所职责", ("QS-B-7",), opened_at, meeting_id
    )


def late_by(days: int) -> datetime:
    """A due time exactly ``days`` working days before TODAY (office close)."""
    due = datetime(2026, 3, 6, 17, 30)
    for _ in range(days):
        due = datetime.combine(_previous_working_day(due.date()), due.time())
    return due


def _previous_working_day(day: date) -> date:
    day = date.fromordinal(day.toordinal() - 1)
    while not CAL.is_working_day(day):
        day = date.fromordinal(day.toordinal() - 1)
    return day


# ----------------------------------------------------------------------- lateness


def test_working_days_late_counts_working_days_after_the_due_day() -> None:
    assert working_days_late(datetime(2026, 3, 6, 17, 30), TODAY, CAL) == 0  # due today
    assert working_days_late(datetime(2026, 3, 9, 17, 30), TODAY, CAL) == 0  # not yet due
    assert working_days_late(datetime(2026, 3, 5, 17, 30), TODAY, CAL) == 1
    # Friday due, the next Monday: Saturday and Sunday do not count
    assert (
        working_days_late(datetime(2026, 2, 27, 17, 30), date(2026, 3, 2), CAL) == 2
    )  # 2-28 worked
    assert working_days_late(datetime(2026, 3, 6, 17, 30), date(2026, 3, 9), CAL) == 1


def test_the_spring_festival_holiday_does_not_make_a_case_late() -> None:
    # due 2-13 (Friday); 2-14 is a make-up working day, 2-15..2-23 are off, back on 2-24
    assert working_days_late(datetime(2026, 2, 13, 17, 30), date(2026, 2, 23), CAL) == 1
    assert working_days_late(datetime(2026, 2, 13, 17, 30), date(2026, 2, 24), CAL) == 2


# ----------------------------------------------------------------------- the proposal


def test_a_meeting_is_proposed_and_decides_only_disputes_raised_before_it() -> None:
    held = datetime(2026, 3, 3, 14, 30)
    before = dispute("D1", "QS-OLD", "2026-03-03 14:29:59")
    after = dispute("D2", "QS-NEW", "2026-03-06 09:00:00")
    at_start = dispute("D3", "QS-NOW", "2026-03-03 14:30:00")
    items = propose_agenda([after, before, at_start], [], TODAY, CAL, held_on=held)
    assert [item.ref for item in items] == ["D1"]
    assert len(propose_agenda([after, before], [], TODAY, CAL)) == 2  # no meeting time: all
    check_dispute_before_meeting("QS-OLD", before.opened_at, 3, held)
    with pytest.raises(DomainError) as agenda:
        check_dispute_before_meeting("QS-NEW", after.opened_at, 3, held)
    assert agenda.value.code == "dispute_after_meeting"
    assert str(agenda.value) == (
        "案件 QS-NEW 的职责争议是 2026-03-06 09:00 才提出的，晚于第 3 次联席会议的召开时间 "
        "2026-03-03 14:30，不能列入这次会议；请提交下一次联席会议研究。"
    )
    with pytest.raises(DomainError) as minutes:
        check_dispute_before_meeting("QS-NOW", at_start.opened_at, 3, held, row=2)
    assert minutes.value.code == "decision_dispute_after_meeting"
    assert str(minutes.value).startswith("第 2 项决议：案件 QS-NOW 的职责争议")


def test_each_kind_is_proposed_from_its_facts() -> None:
    items = propose_agenda(
        [dispute("D1", "QS-D", "2026-03-01 10:00:00")],
        [
            case("QS-SUP", supervision_count=2),
            case("QS-LATE", due=late_by(6)),
            case("QS-COOP", cooperating=("市场监管所",)),
            case("QS-BOUNCED", returns=2),
            case("QS-QUIET", due=late_by(5), returns=1, supervision_count=1),
        ],
        TODAY,
        CAL,
    )
    assert [(i.kind, i.ref) for i in items] == [
        (DISPUTE, "D1"),
        (SUPERVISED, "QS-SUP"),
        (OVERDUE, "QS-LATE"),
        (CROSS, "QS-BOUNCED"),  # two returns weigh more than one cooperating unit
        (CROSS, "QS-COOP"),
    ]
    titles = {i.ref: i.title for i in items}
    assert titles["D1"].startswith("职责争议：QS-D 违法建设") and "市场监管所" in titles["D1"]
    assert titles["QS-SUP"].startswith("督办 2 次仍未办结：QS-SUP")
    assert titles["QS-LATE"].startswith("超期 6 个工作日：QS-LATE")
    assert titles["QS-COOP"].startswith("跨部门协调：QS-COOP")
    details = {i.ref: i.detail for i in items}
    assert "不属本所职责" in details["D1"] and "QS-B-7" in details["D1"]
    assert "配合：市场监管所" in details["QS-COOP"]
    assert "已回退 2 次" in details["QS-BOUNCED"]
    assert "牵头：执法中队" in details["QS-SUP"] and "地址：青石街" in details["QS-SUP"]


def test_a_case_shows_once_under_its_first_kind_and_not_beside_its_dispute() -> None:
    items = propose_agenda(
        [dispute("D1", "QS-D", "2026-03-01 10:00:00")],
        [
            case("QS-ALL", supervision_count=3, due=late_by(20), cooperating=("ZJJ",)),
            case("QS-D", supervision_count=2),  # its dispute is on the agenda already
        ],
        TODAY,
        CAL,
    )
    assert [(i.kind, i.ref) for i in items] == [(DISPUTE, "D1"), (SUPERVISED, "QS-ALL")]
    assert "超期 20 个工作日" in items[1].detail  # the other reasons are in its detail


def test_disputes_referred_to_this_meeting_come_first_then_referred_then_open() -> None:
    disputes = [
        dispute("OPEN-OLD", "QS-1", "2026-01-01 09:00:00"),
        dispute("ELSEWHERE", "QS-2", "2026-02-01 09:00:00", meeting_id="M-1"),
        dispute("HERE-NEW", "QS-3", "2026-03-02 09:00:00", meeting_id="M-2"),
        dispute("HERE-OLD", "QS-4", "2026-02-20 09:00:00", meeting_id="M-2"),
    ]
    refs = [i.ref for i in propose_agenda(disputes, [], TODAY, CAL, meeting_id="M-2")]
    assert refs == ["HERE-OLD", "HERE-NEW", "ELSEWHERE", "OPEN-OLD"]
    without_meeting = [i.ref for i in propose_agenda(disputes, [], TODAY, CAL)]
    assert without_meeting == ["ELSEWHERE", "HERE-OLD", "HERE-NEW", "OPEN-OLD"]


def test_only_the_worst_cases_of_a_kind_are_proposed_disputes_all() -> None:
    many = [case(f"QS-{n:03}", due=late_by(6 + n)) for n in range(CASES_PER_KIND + 5)]
    disputes = [dispute(f"D{n}", f"QS-D{n}", "2026-03-01 10:00:00") for n in range(20)]
    items = propose_agenda(disputes, many, TODAY, CAL)
    overdue = [i.ref for i in items if i.kind == OVERDUE]
    assert len([i for i in items if i.kind == DISPUTE]) == 20
    assert len(overdue) == CASES_PER_KIND
    assert overdue[0] == f"QS-{CASES_PER_KIND + 4:03}"  # the longest overdue first
    assert "QS-000" not in overdue


def test_nothing_to_settle_proposes_nothing() -> None:
    quiet = [case("QS-1"), case("QS-2", due=late_by(5), supervision_count=1, returns=1)]
    assert propose_agenda([], quiet, TODAY, CAL) == []


# ----------------------------------------------------------------------- checks


def codes(error: DomainError) -> list[str]:
    if isinstance(error, ValidationErrors):
        return [e.code for e in error.errors]
    return [error.code]


def test_a_plan_is_tidied() -> None:
    plan = check_plan(
        "2026-3-9 9:30", " 三楼会议室 ", " 刘建军 ", ["pcs", "SCJG", "PCS", " "], UNITS
    )
    assert plan.held_on == "2026-03-09 09:30"
    assert (plan.place, plan.chair, plan.attendees) == ("三楼会议室", "刘建军", ("PCS", "SCJG"))


@pytest.mark.parametrize(
    ("held_on", "place", "chair", "attendees", "code"),
    [
        ("2026-03-09", "会议室", "刘建军", ["PCS"], "meeting_time_invalid"),
        ("2026-02-30 09:30", "会议室", "刘建军", ["PCS"], "meeting_time_invalid"),
        ("明天上午", "会议室", "刘建军", ["PCS"], "meeting_time_invalid"),
        ("2026-03-09 09:30", " ", "刘建军", ["PCS"], "meeting_place_missing"),
        ("2026-03-09 09:30", "会议室", "", ["PCS"], "meeting_chair_missing"),
        ("2026-03-09 09:30", "会议室", "刘建军", [], "meeting_attendees_missing"),
        ("2026-03-09 09:30", "会议室", "刘建军", ["PCS", "XYZ"], "department_unknown"),
    ],
)
def test_a_bad_plan_is_refused(
    held_on: str, place: str, chair: str, attendees: list[str], code: str
) -> None:
    with pytest.raises(DomainError) as refused:
        check_plan(held_on, place, chair, attendees, UNITS)
    assert refused.value.code == code


def test_agenda_items_need_a_known_kind_a_title_and_their_case_or_dispute() -> None:
    tidy = check_agenda(
        [AgendaItem(OVERDUE, " qs-1 ", " 超期 ", " 详情 "), AgendaItem(OTHER, "", "通报", "")]
    )
    assert tidy == [AgendaItem(OVERDUE, "QS-1", "超期", "详情"), AgendaItem(OTHER, "", "通报", "")]
    for item, code in [
        (AgendaItem("meeting", "", "通报", ""), "agenda_kind_unknown"),
        (AgendaItem(OTHER, "", " ", ""), "agenda_title_missing"),
        (AgendaItem(DISPUTE, "", "争议", ""), "agenda_ref_missing"),
    ]:
        with pytest.raises(DomainError) as refused:
            check_agenda([AgendaItem(OTHER, "", "第一项", ""), item])
        assert refused.value.code == code
        assert refused.value.params.get("row", 2) == 2


MEETING_DAY = date(2026, 3, 9)


def test_decisions_are_tidied() -> None:
    drafts = [
        DecisionDraft(" 执法中队牵头 ", " zfzd ", "2026-03-09", " D1 ", " zfzd ", (" scjg ", "")),
        DecisionDraft("通报", "ZHB", "2026-04-01", dispute_id=" ", lead=None),
    ]
    tidy = check_decisions(drafts, MEETING_DAY, UNITS)
    assert tidy[0] == DecisionDraft("执法中队牵头", "ZFZD", "2026-03-09", "D1", "ZFZD", ("SCJG",))
    assert tidy[1].dispute_id is None


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        (DecisionDraft("", "PCS", "2026-03-20"), ["decision_text_missing"]),
        (DecisionDraft("落实", " ", "2026-03-20"), ["decision_owner_missing"]),
        (DecisionDraft("落实", "XYZ", "2026-03-20"), ["decision_unit_unknown"]),
        (DecisionDraft("落实", "PCS", "2026-3-20号"), ["decision_deadline_invalid"]),
        (DecisionDraft("落实", "PCS", "2026-03-08"), ["decision_deadline_early"]),
        (DecisionDraft("裁定", "PCS", "2026-03-20", "D1"), ["decision_lead_missing"]),
        (DecisionDraft("裁定", "PCS", "2026-03-20", lead="PCS"), ["decision_dispute_missing"]),
        (
            DecisionDraft("改清单", "PCS", "2026-03-20", amend_list=True),
            ["decision_dispute_missing"],
        ),
        (
            DecisionDraft("裁定", "PCS", "2026-03-20", "D1", "PCS", ("XYZ",)),
            ["decision_unit_unknown"],
        ),
        (
            DecisionDraft("", "XYZ", "tomorrow", "D1"),
            [
                "decision_text_missing",
                "decision_unit_unknown",
                "decision_deadline_invalid",
                "decision_lead_missing",
            ],
        ),
    ],
)
def test_each_problem_of_a_decision_is_named(draft: DecisionDraft, expected: list[str]) -> None:
    with pytest.raises(DomainError) as refused:
        check_decisions([DecisionDraft("通报", "ZHB", "2026-03-09"), draft], MEETING_DAY, UNITS)
    assert codes(refused.value) == expected
    for error in getattr(refused.value, "errors", [refused.value]):
        assert error.params["row"] == 2
        assert "第 2 项决议" in str(error)


def test_one_dispute_is_settled_by_one_decision() -> None:
    twice = [
        DecisionDraft("由住建局牵头", "ZJJ", "2026-03-20", "D1", "ZJJ"),
        DecisionDraft("由执法中队牵头", "ZFZD", "2026-03-20", " D1", "ZFZD"),
    ]
    with pytest.raises(DomainError) as refused:
        check_decisions(twice, MEETING_DAY, UNITS)
    assert refused.value.code == "decision_dispute_twice"
    assert "第 1 项和第 2 项决议" in str(refused.value)


def test_a_decision_is_overdue_after_its_deadline_until_done() -> None:
    decision = MeetingDecision(
        "X", "M", 1, "落实", "PCS", "青石派出所", "2026-03-20", None, None, ""
    )
    assert not decision.overdue(date(2026, 3, 20))
    assert decision.overdue(date(2026, 3, 21))
    done = replace(decision, done_at="2026-03-25 10:00:00", done_note="已办结")
    assert not done.overdue(date(2026, 3, 26))
