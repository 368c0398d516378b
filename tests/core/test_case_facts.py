"""The facts of one case, worked out by the pure fold (core/case_path/facts.py through
project_case): each story's events are decided and folded here, with no database, and the
deadlines are worked out by hand from the working-day calendar (office 08:30–17:30; "within
N working days" ends at 17:30 of the N-th working day after the start day)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from app.core.calendar import WorkCalendar
from app.core.case_path.context import Context
from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.fold import BASIS, fold_step
from app.core.case_path.projection import project_case
from app.core.case_path.steps import Action, Actor, CaseState
from app.core.clock import epoch_ms
from app.core.events import GENESIS_HASH, Event, EventType
from app.core.model import Department, ResponseCommitment, Role, Tier

CLERK = Actor("u-clerk", Role.CLERK, "ZHB")
GRID = Actor("u-grid", Role.GRID_WORKER, "ZHB")
LEADER = Actor("u-leader", Role.LEADER, "ZHB")
SUPERVISOR = Actor("u-supervisor", Role.SUPERVISOR, "ZHB")
OFFICER = Actor("u-officer", Role.DEPARTMENT_OFFICER, "SCJG")
YJJ_COMMITMENT = ResponseCommitment(20, 60, 2)
DEPARTMENTS = {
    "ZHB": Department("ZHB", "综合执法办", "综合执法办", Tier.ONE),
    "SCJG": Department("SCJG", "市场监管所", "市场监管所", Tier.X),
    "YJJ": Department("YJJ", "应急局", "应急局", Tier.Y, "0000", YJJ_COMMITMENT),
}
CASE_ID = "case-1"


def context(**changes: Any) -> Context:
    ctx = Context(
        actors={a.user_id: a for a in (CLERK, GRID, LEADER, SUPERVISOR, OFFICER)},
        sign_days={},
        limit_days={"0501": 5, "0102": 3},
        call_handle_days={"YJJ": 2},
        calendar=WorkCalendar(),
        limit_hours={"0601": 4},
        call_commitments={"YJJ": YJJ_COMMITMENT},
    )
    return replace(ctx, **changes)


class Story:
    """A case's events, each decided by the rules on the state folded so far."""

    def __init__(self, category: str, when: datetime, urgent: bool = False) -> None:
        self.state = CaseState()
        self.events: list[Event] = []
        self.calls = 0
        self._append(CLERK, when, EventType.CASE_REGISTERED, {
            "number": "QS-20261201-AB0001", "source": "patrol", "category_code": category,
            "category_name": "", "grid_code": "G01", "description": "一件事",
            "urgency": "urgent" if urgent else "normal", "status": "pending_triage",
            "first_receiver_unit": "ZHB", "received_at": f"{when:%Y-%m-%d %H:%M:%S}",
            "photos": [],
        })  # fmt: skip

    def step(self, actor: Actor, action: str, when: datetime, **fields: Any) -> Story:
        self.calls += 1
        numbers = Numbers(call_id=f"call-{self.calls}")
        request = Request(Action(action), **fields)
        decision = decide(self.state, actor, request, DEPARTMENTS, numbers, today=when.date())
        payload = decision.payload | {BASIS: self.events[-1].id}
        outcome = fold_step(self.state, actor, decision.event_type, payload, self.events[-1].id)
        assert outcome.applied, action
        self.state = outcome.state
        self._append(actor, when, decision.event_type, payload)
        return self

    def _append(self, actor: Actor, when: datetime, kind: str, payload: dict) -> None:
        seq = len(self.events) + 1
        self.events.append(
            Event(
                id=f"e{seq:03}", device_id="office", device_seq=seq, hlc=epoch_ms(when) << 16,
                actor_id=actor.user_id, entity="case", entity_id=CASE_ID, type=kind,
                payload=payload, prev_hash=GENESIS_HASH,
            ).sealed()
        )  # fmt: skip

    def facts(self, ctx: Context | None = None) -> Any:
        ctx = ctx or context()
        rows = project_case(self.events, ctx)
        assert rows is not None and rows.facts is not None
        again = project_case(list(reversed(self.events)), ctx)  # arrival order cannot matter
        assert again is not None and again.facts == rows.facts
        return rows.facts


def d(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute)


def closed_story(feedback: datetime, category: str = "0501") -> Story:
    """Dispatched Tuesday 1 Dec 10:00, signed 11:00 (0501: due 5 working days after 1 Dec =
    Tuesday 8 Dec 17:30), fed back at ``feedback``, verified and closed an hour later."""
    story = Story(category, d(1, 9))
    story.step(CLERK, "dispatch", d(1, 10), to="SCJG").step(OFFICER, "sign", d(1, 11))
    story.step(OFFICER, "feedback", feedback, note="已办结")
    story.step(GRID, "verify", feedback + timedelta(minutes=10), passed=True)
    return story.step(CLERK, "close", feedback + timedelta(hours=1))


def test_on_time_is_up_to_the_deadline_and_not_a_second_later() -> None:
    on_time = closed_story(d(8, 17, 30)).facts().case
    assert (on_time["closed"], on_time["closed_on_time"]) == (1, 1)
    assert on_time["closed_at"] == "2026-12-08 18:30:00"
    late = closed_story(d(8, 17, 31)).facts().case
    assert (late["closed"], late["closed_on_time"]) == (1, 0)


def test_the_case_row_of_a_closed_case() -> None:
    facts = closed_story(d(3, 10)).facts()
    case = facts.case
    assert case == {
        "case_id": CASE_ID,
        "unit": "SCJG",
        "route": "X",
        "grid_code": "G01",
        "category_code": "0501",
        "source": "patrol",
        "received_at": "2026-12-01 09:00:00",
        "proactive": 1,
        "routed_at": "2026-12-01 10:00:00",
        "first_routing_hours": 1.0,
        "self_handled": 0,
        "to_handle": 1,
        "closed": 1,
        "closed_at": "2026-12-03 11:00:00",
        "closed_on_time": 1,
        # 1 Dec 10:00–17:30 (7 h 30) + 2 Dec (9 h) + 3 Dec 08:30–11:00 (2 h 30) = 19 h
        "handling_days": round(19 / 9, 2),
        "reworked": 0,
        "extended": 0,
        "supervised": 0,
        "parked_at": None,
        "returns": 0,
    }
    [handling] = facts.handling
    assert handling["sign_due_at"] == "2026-12-02 17:30:00"
    assert (handling["signed_at"], handling["signed_on_time"]) == ("2026-12-01 11:00:00", 1)
    assert facts.calls == []


def test_the_last_feedback_decides_after_a_rework() -> None:
    # late first (due 3 Dec 17:30 for 0102), then verification fails on 4 Dec 10:00: a new
    # handling clock from then, due 3 working days later = 9 Dec 17:30; fed back 8 Dec: on time
    story = Story("0102", d(1, 9))
    story.step(CLERK, "self-handle", d(1, 10)).step(CLERK, "sign", d(1, 10, 30))
    story.step(CLERK, "feedback", d(4, 9), note="已清运")
    story.step(GRID, "verify", d(4, 10), passed=False, note="仍有垃圾")
    assert story.facts().case["closed"] == 0
    story.step(CLERK, "feedback", d(8, 9), note="再次清运")
    story.step(GRID, "verify", d(8, 10), passed=True).step(CLERK, "close", d(8, 11))
    case = story.facts().case
    assert (case["closed_on_time"], case["reworked"], case["self_handled"]) == (1, 1, 1)


def test_a_case_reopened_after_closing_is_not_closed_until_closed_again() -> None:
    story = closed_story(d(3, 10))
    story.step(LEADER, "rework", d(4, 9), reason="又出现了")
    case = story.facts().case
    assert (case["closed"], case["closed_at"], case["closed_on_time"]) == (0, None, None)
    assert (case["reworked"], case["handling_days"]) == (1, None)
    # the new clock runs from 4 Dec 09:00: due 5 working days later = Friday 11 Dec 17:30
    story.step(OFFICER, "feedback", d(14, 9), note="再次办结")  # Monday 14 Dec: late
    story.step(GRID, "verify", d(14, 10), passed=True).step(CLERK, "close", d(14, 11))
    case = story.facts().case
    assert (case["closed"], case["closed_at"], case["closed_on_time"]) == (
        1,
        "2026-12-14 11:00:00",
        0,
    )


def test_an_urgent_case_signs_the_same_day_and_has_half_the_time() -> None:
    # urgent: sign by 17:30 the same day; handling ceil(3 / 2) = 2 working days from the
    # signature on Friday 4 Dec 09:00 = Tuesday 8 Dec 17:30
    story = Story("0102", d(4, 8, 40), urgent=True)
    story.step(CLERK, "self-handle", d(4, 8, 50)).step(CLERK, "sign", d(4, 9))
    [handling] = story.facts().handling
    assert handling["sign_due_at"] == "2026-12-04 17:30:00"
    story.step(CLERK, "feedback", d(8, 17), note="已处理")
    story.step(GRID, "verify", d(8, 17, 10), passed=True).step(CLERK, "close", d(8, 17, 20))
    assert story.facts().case["closed_on_time"] == 1
    # registered 08:40, routed 08:50: 10 office minutes
    assert story.facts().case["first_routing_hours"] == round(10 / 60, 2)


def test_an_extension_counts_only_once_approved() -> None:
    def story(decision: str) -> Story:
        s = Story("0501", d(1, 9))
        s.step(CLERK, "dispatch", d(1, 10), to="SCJG").step(OFFICER, "sign", d(1, 11))
        s.step(OFFICER, "extend", d(2, 9), days=3, reason="需送检")
        s.step(LEADER, decision, d(2, 10), **({"reason": "理由不足"} if "deny" in decision else {}))
        # due 8 Dec 17:30, with 3 more working days 11 Dec 17:30; fed back 10 Dec
        s.step(OFFICER, "feedback", d(10, 9), note="已办结")
        s.step(GRID, "verify", d(10, 10), passed=True)
        return s.step(CLERK, "close", d(10, 11))

    approved = story("approve-extension").facts().case
    assert (approved["extended"], approved["closed_on_time"]) == (1, 1)
    denied = story("deny-extension").facts().case
    assert (denied["extended"], denied["closed_on_time"]) == (0, 0)


def test_time_parked_is_added_to_the_deadline_and_left_out_of_the_handling_days() -> None:
    story = Story("0501", d(1, 9))
    story.step(CLERK, "dispatch", d(1, 10), to="SCJG").step(OFFICER, "sign", d(1, 11))
    story.step(OFFICER, "park", d(2, 8, 30), until="2026-12-20", reason="等待整改")
    story.step(SUPERVISOR, "approve-park", d(2, 8, 30))
    story.step(OFFICER, "resume", d(4, 8, 30))  # parked 2 and 3 Dec: 18 office hours
    # due 8 Dec 17:30 + 18 office hours = 10 Dec 17:30
    story.step(OFFICER, "feedback", d(10, 17, 30), note="已办结")
    story.step(GRID, "verify", d(11, 9), passed=True).step(CLERK, "close", d(11, 10))
    case = story.facts().case
    assert (case["closed_on_time"], case["parked_at"]) == (1, "2026-12-02 08:30:00")
    # 1 Dec 10:00 → 11 Dec 10:00 = 7 h 30 + 7 × 9 h + 1 h 30 = 72 h, less 18 h parked = 6 days
    assert case["handling_days"] == 6.0


def test_holidays_and_make_up_days() -> None:
    # Friday 13 Feb 2026, 0102 (3 days): Saturday 14 Feb is worked (调休), 15–23 Feb are the
    # Spring Festival; day 1 = 14 Feb, day 2 = 24 Feb, day 3 = 25 Feb: due 25 Feb 17:30
    def story(feedback: datetime) -> Story:
        s = Story("0102", d(13, 9, month=2))
        s.step(CLERK, "self-handle", d(13, 9, 30, month=2)).step(CLERK, "sign", d(13, 10, month=2))
        s.step(CLERK, "feedback", feedback, note="已清运")
        s.step(GRID, "verify", d(26, 10, month=2), passed=True)
        return s.step(CLERK, "close", d(26, 11, month=2))

    assert story(d(25, 17, month=2)).facts().case["closed_on_time"] == 1
    assert story(d(26, 9, month=2)).facts().case["closed_on_time"] == 0
    [handling] = story(d(25, 17, month=2)).facts().handling
    assert handling["sign_due_at"] == "2026-02-14 17:30:00"  # the make-up Saturday


def test_a_limit_changed_later_does_not_rewrite_the_feedback() -> None:
    story = closed_story(d(7, 10))  # 0501, due 8 Dec 17:30 by 5 days: on time
    feedback = next(e for e in story.events if e.type == "case.feedback")
    key = (feedback.hlc, feedback.device_id, feedback.device_seq)
    setup, later = (0, "admin", 1), (key[0] + 1, "admin", 1)
    # 5 days from the start, 1 day after the feedback (what the table holds now)
    changed = context(
        limit_days={"0501": 1, "0102": 3},
        limit_changes={"0501": [(setup, (None, 5, None)), (later, (None, 1, None))]},
    )
    assert story.facts(changed).case["closed_on_time"] == 1
    # the same change made before the feedback: due 2 Dec 17:30, late
    earlier = (key[0] - 1, "admin", 1)
    before = context(
        limit_days={"0501": 1, "0102": 3},
        limit_changes={"0501": [(setup, (None, 5, None)), (earlier, (None, 1, None))]},
    )
    assert story.facts(before).case["closed_on_time"] == 0


def test_a_call_is_judged_by_the_commitment_in_force_when_called() -> None:
    story = Story("0102", d(1, 9))
    story.step(CLERK, "call", d(1, 10), to="YJJ", reason="危化品", urgent=True)
    story.step(CLERK, "call-ack", d(1, 10, 25))  # 25 minutes: urgent, 20 promised: late
    story.step(CLERK, "call-arrive", d(1, 10, 55))  # 55 minutes, 60 promised: on time
    facts = story.facts()
    [call] = facts.calls
    expected = {
        "unit": "YJJ", "route": "Y", "urgent": 1, "confirmed": 0, "settled": 1,
        "response_due_at": "2026-12-01 10:20:00", "response_minutes": 25.0,
        "response_on_time": 0, "response_judged_at": "2026-12-01 10:25:00",
        "arrival_due_at": "2026-12-01 11:00:00", "arrival_minutes": 55.0,
        "arrival_on_time": 1, "arrival_judged_at": "2026-12-01 10:55:00",
    }  # fmt: skip
    assert {key: call[key] for key in expected} == expected
    # the acknowledgement is the signature
    [handling] = facts.handling
    assert (handling["signed_at"], handling["signed_on_time"]) == ("2026-12-01 10:25:00", 1)
    # a commitment of 30 / 90 minutes set only after the call does not change it
    key = (story.events[1].hlc + 1, "admin", 1)
    looser = context(
        call_commitments={"YJJ": ResponseCommitment(30, 90, 2)},
        commitment_changes={
            "YJJ": [((0, "admin", 1), YJJ_COMMITMENT), (key, ResponseCommitment(30, 90, 2))]
        },
    )
    assert story.facts(looser).calls == facts.calls
    # done, fed back within YJJ's own 2 working days from the acknowledgement (due 3 Dec
    # 17:30), confirmed and closed
    story.step(CLERK, "call-done", d(3, 9)).step(CLERK, "feedback", d(3, 17), note="已处置")
    story.step(CLERK, "call-confirm", d(3, 17, 10)).step(GRID, "verify", d(4, 9), passed=True)
    story.step(CLERK, "close", d(4, 10))
    facts = story.facts()
    assert facts.case["closed_on_time"] == 1 and facts.calls[0]["confirmed"] == 1


def test_an_unanswered_call_is_judged_at_its_deadline_unless_withdrawn_before() -> None:
    story = Story("0102", d(1, 9))
    story.step(CLERK, "call", d(1, 10), to="YJJ", reason="危化品")  # ordinary: 40 / 120 min
    [call] = story.facts().calls
    assert (call["response_judged_at"], call["arrival_judged_at"]) == (
        "2026-12-01 10:40:00",
        "2026-12-01 12:00:00",
    )
    assert (call["response_on_time"], call["settled"]) == (0, 1)
    # returned at 11:00: after the response was due (judged, late), before arrival was due
    story.step(CLERK, "return", d(1, 11), reason="不属应急")
    [call] = story.facts().calls
    assert (call["response_judged_at"], call["arrival_judged_at"]) == ("2026-12-01 10:40:00", None)
    assert (call["settled"], call["confirmed"]) == (0, 0)
    case = story.facts().case
    assert (case["unit"], case["route"], case["returns"], case["to_handle"]) == ("YJJ", "Y", 1, 1)


def test_an_unsigned_assignment_is_judged_at_its_sign_deadline() -> None:
    story = Story("0501", d(1, 9))
    story.step(CLERK, "dispatch", d(1, 10), to="SCJG")
    [handling] = story.facts().handling
    assert (handling["signed_on_time"], handling["sign_judged_at"]) == (0, "2026-12-02 17:30:00")
    # returned unsigned after the deadline: still late, judged at the deadline
    story.step(OFFICER, "return", d(3, 9), reason="非本所职责", not_our_duty=True)
    [handling] = story.facts().handling
    assert (handling["sign_judged_at"], handling["returned"], handling["not_our_duty"]) == (
        "2026-12-02 17:30:00",
        1,
        1,
    )


def test_a_limit_in_hours_runs_night_and_day() -> None:
    # 0601: 4 hours; signed 16:00 → due 20:00 the same day, office hours or not
    def story(feedback: datetime) -> Story:
        s = Story("0601", d(1, 15))
        s.step(CLERK, "self-handle", d(1, 15, 30)).step(CLERK, "sign", d(1, 16))
        s.step(CLERK, "feedback", feedback, note="已处置")
        s.step(GRID, "verify", d(2, 9), passed=True)
        return s.step(CLERK, "close", d(2, 10))

    assert story(d(1, 20)).facts().case["closed_on_time"] == 1
    assert story(d(1, 20, 1)).facts().case["closed_on_time"] == 0


def test_dead_ends_are_not_to_handle() -> None:
    story = Story("0102", d(1, 9)).step(CLERK, "reject", d(1, 9, 15), reason="不属受理范围")
    case = story.facts().case
    assert (case["to_handle"], case["closed"], case["unit"], case["route"]) == (0, 0, None, None)
    assert (case["routed_at"], case["first_routing_hours"]) == ("2026-12-01 09:15:00", 0.25)
