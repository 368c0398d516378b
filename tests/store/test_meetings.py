"""Joint meetings as stored: members, the agenda proposed from the demo's cases and disputes,
scheduling (numbers, referrals), minutes whose decisions settle disputes and amend the
boundary list in one transaction, decisions tracked until done, refusals that change
nothing, and a rebuild that gives the same tables."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA, hlc_ms, parse_local
from app.core.disputes import DECIDED, REFERRED, Ruling
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.lists import ListKind
from app.core.meetings import (
    CASES_PER_KIND,
    CROSS,
    DISPUTE,
    OTHER,
    OVERDUE,
    SUPERVISED,
    working_days_late,
)
from app.store import meetings as m
from app.store.agenda import propose_agenda
from app.store.amendments import amendments
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.disputes import decide_dispute, dispute_by_id, refer_dispute
from app.store.lists import versions
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.routing import suggestion_for
from app.store.work_calendar import work_calendar
from tests.clock import frozen
from tests.store.store_helpers import DEMO_NOW_MS, full_dump, projection_dump

HOUR = 3_600_000


class Office:
    """Steps through the demo township with a clock of its own, an hour after the demo."""

    def __init__(self, db: Any, path: Path) -> None:
        self.db = db
        self.blobs = BlobStore.beside(path)
        last = db.execute("SELECT max(hlc) FROM events").fetchone()[0]
        self.now = max(DEMO_NOW_MS, hlc_ms(last)) + HOUR
        rows = db.execute(
            "SELECT number FROM cases WHERE status = 'pending_triage' "
            "AND id NOT IN (SELECT case_id FROM disputes) ORDER BY number"  # the demo's own
        ).fetchall()
        self.pending = [row[0] for row in rows]

    def clock(self) -> int:
        return self.now

    def later(self, hours: float) -> None:
        self.now += int(hours * HOUR)

    def today(self) -> date:
        return datetime.fromtimestamp(self.now / 1000, CHINA).date()

    def at(self, days: int, hour: str) -> str:
        """``YYYY-MM-DD HH:MM``, ``days`` from today."""
        day = date.fromordinal(self.today().toordinal() + days)
        return f"{day} {hour}"

    def user(self, name: str):  # type: ignore[no-untyped-def]
        return user_by_name(self.db, name)

    def act(self, who: str, number: str, action: Action, **fields: Any) -> None:
        self.later(0.1)
        request = Request(action, **fields)
        act(self.db, self.blobs, self.user(who), number, request, wall=self.clock)

    def dispatch(self, number: str, to: str = "SCJG", **fields: Any) -> None:
        self.act(
            "clerk", number, Action.DISPATCH, to=to, override_reason="按现场情况改派", **fields
        )

    def disputed_case(self) -> tuple[str, str]:
        """(case number, dispute id): the market office says the case is not its duty."""
        number = self.pending.pop(0)
        self.dispatch(number)
        self.act(
            "officer",
            number,
            Action.RETURN,
            reason="出租屋消防检查不属于市场监管职责",
            not_our_duty=True,
            cited=("QS-XZJC-002",),
        )
        case_id = case_by_number(self.db, number).id
        found = self.db.execute("SELECT id FROM disputes WHERE case_id = ?", [case_id]).fetchone()
        return number, found[0]

    def schedule(self, who: str = "clerk", **fields: Any) -> m.Meeting:
        self.later(0.1)
        plan: dict[str, Any] = {
            "held_on": self.at(1, "09:30"),
            "place": "镇政府三楼会议室",
            "chair": "刘建军",
            "attendees": ["ZHB", "PCS", "SCJG", "ZFZD", "YJJ"],
        } | fields
        return m.schedule_meeting(self.db, self.user(who), wall=self.clock, **plan)

    def minutes(
        self, meeting: m.Meeting, decisions: list[m.DecisionDraft], who: str = "clerk", **more: Any
    ) -> m.Meeting:
        self.later(0.1)
        summary = more.pop("summary", "会议研究了职责争议和超期案件。")
        return m.record_minutes(
            self.db, self.user(who), meeting.id, summary, decisions, wall=self.clock, **more
        )


@pytest.fixture
def office(demo_db: Any, demo_path: Path) -> Office:
    return Office(demo_db, demo_path)


def unchanged(db: Any, attempt: Callable[[], object], code: str) -> DomainError:
    """The attempt is refused with ``code`` and a Chinese message; nothing changes."""
    before = full_dump(db)
    with pytest.raises(DomainError) as refused:
        attempt()
    assert refused.value.code == code, str(refused.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(refused.value))
    assert full_dump(db) == before
    return refused.value


# ----------------------------------------------------------------------- members


def test_member_units_are_set_in_order_as_one_event(office: Office) -> None:
    db = office.db
    assert m.members(db) == []
    codes = [row[0] for row in db.execute("SELECT code FROM departments ORDER BY code DESC")]
    m.set_members(db, office.user("leader"), [c.lower() for c in codes] + [codes[0]], wall=frozen)
    assert m.members(db) == codes  # upper-cased, each once, in the order given
    m.set_members(db, office.user("clerk"), ["PCS", "ZHB"], wall=frozen)
    assert m.members(db) == ["PCS", "ZHB"]
    events = db.execute(
        "SELECT payload FROM events WHERE type = ? ORDER BY hlc", [EventType.MEETING_MEMBERS_SET]
    ).fetchall()
    assert [json.loads(e[0])["units"] for e in events] == [codes, ["PCS", "ZHB"]]


def test_bad_member_lists_are_refused(office: Office) -> None:
    db, clerk = office.db, office.user("clerk")
    unchanged(
        db, lambda: m.set_members(db, clerk, ["PCS", "XYZ"], wall=frozen), "department_unknown"
    )
    unchanged(db, lambda: m.set_members(db, clerk, [" "], wall=frozen), "members_missing")
    error = unchanged(
        db,
        lambda: m.set_members(db, office.user("grid"), ["PCS"], wall=frozen),
        "permission_denied",
    )
    assert "网格员" in str(error)


# ----------------------------------------------------------------------- the agenda


def test_the_proposal_lists_each_kind_from_the_data(office: Office) -> None:
    db = office.db
    disputed, dispute_id = office.disputed_case()
    supervised = office.pending.pop(0)
    office.dispatch(supervised)
    office.act("supervisor", supervised, Action.SUPERVISE, note="请三日内办结")
    office.act("leader", supervised, Action.SUPERVISE, note="再次督办")
    cooperating = office.pending.pop(0)
    office.dispatch(cooperating, with_units=("ZFZD",))
    bounced = office.pending.pop(0)
    for _ in range(2):
        office.dispatch(bounced)
        office.act("officer", bounced, Action.RETURN, reason="派错了")
    office.dispatch(bounced, to="ZFZD")

    items = propose_agenda(db, office.today())
    kinds = {item.ref: item.kind for item in items}
    ours = next(item for item in items if item.ref == dispute_id)
    assert ours.kind == DISPUTE
    assert disputed in ours.title and "市场监管所" in ours.title
    assert kinds[supervised] == SUPERVISED
    assert kinds[cooperating] == CROSS and kinds[bounced] == CROSS
    assert "已回退 2 次" in next(i.detail for i in items if i.ref == bounced)
    assert disputed not in kinds  # its dispute stands for it
    order = [item.kind for item in items]
    assert order == sorted(order, key=[DISPUTE, SUPERVISED, OVERDUE, CROSS].index)
    # overdue: every open case more than 5 working days past its deadline, worked out here
    calendar, today = work_calendar(db), office.today()
    late = {
        number: working_days_late(parse_local(due), today, calendar)
        for number, due in db.execute(
            "SELECT number, coalesce(handle_due_at, sign_due_at) FROM cases "
            "WHERE coalesce(handle_due_at, sign_due_at) IS NOT NULL"
        )
        if working_days_late(parse_local(due), today, calendar) > 5
    }
    assert late, "the demo has long-overdue cases"
    candidates = set(late) - {ref for ref, kind in kinds.items() if kind != OVERDUE}
    shown = {ref for ref, kind in kinds.items() if kind == OVERDUE}
    assert shown <= candidates and len(shown) == min(CASES_PER_KIND, len(candidates))
    left_out = candidates - shown  # the cap keeps the longest overdue
    assert min(late[n] for n in shown) >= max((late[n] for n in left_out), default=0)


def test_a_dispute_waiting_for_another_meeting_is_not_proposed_again(office: Office) -> None:
    _, dispute_id = office.disputed_case()
    first = office.schedule()
    assert dispute_by_id(office.db, dispute_id).meeting_id == first.id
    second = office.schedule(held_on=office.at(8, "09:30"))
    assert dispute_id not in [item.ref for item in second.agenda]
    office.later(24 + 2)  # the first meeting is held, the dispute is left for later
    office.minutes(first, [])
    third = office.schedule(held_on=office.at(9, "09:30"))
    assert dispute_id in [item.ref for item in third.agenda if item.kind == DISPUTE]
    assert dispute_by_id(office.db, dispute_id).meeting_id == third.id


def test_scheduling_numbers_meetings_and_refers_the_disputes_on_the_agenda(
    office: Office,
) -> None:
    db = office.db
    _, dispute_id = office.disputed_case()
    m.set_members(db, office.user("clerk"), ["ZHB", "PCS", "SCJG"], wall=frozen)
    first = office.schedule(held_on=office.at(1, "9:30"), attendees=["zhb", "PCS"])
    assert (first.number, first.held_on, first.attendees) == (
        1,
        office.at(1, "09:30"),
        ["ZHB", "PCS"],
    )
    assert first.agenda == propose_agenda(db, office.today(), first.id)
    assert (first.summary, first.minutes_at, first.decisions) == ("", None, [])
    dispute = dispute_by_id(db, dispute_id)
    assert (dispute.status, dispute.meeting_id) == (REFERRED, first.id)
    other = m.AgendaItem(OTHER, "", "通报第三季度督查督办情况", "综合执法办汇报")
    second = office.schedule(agenda=[other])
    third = office.schedule(agenda=[])
    assert [x.number for x in m.meetings(db)] == [3, 2, 1]
    assert second.agenda == [other] and third.agenda == []
    assert m.meeting_by_number(db, 2) == second == m.meeting_by_id(db, second.id)


def test_the_agenda_can_be_edited_until_the_minutes_are_in(office: Office) -> None:
    db = office.db
    meeting = office.schedule(agenda=[])
    _, dispute_id = office.disputed_case()
    items = [
        m.AgendaItem(DISPUTE, dispute_id, "职责争议：出租屋消防检查", "市场监管所回退"),
        m.AgendaItem(OTHER, "", "通报第三季度督查督办情况", ""),
    ]
    edited = m.set_agenda(db, office.user("leader"), meeting.id, items, wall=office.clock)
    assert edited.agenda == items
    assert (edited.place, edited.number) == (meeting.place, meeting.number)
    assert dispute_by_id(db, dispute_id).meeting_id == meeting.id
    referrals = db.execute(
        "SELECT count(*) FROM events WHERE type = ? AND entity_id = ?",
        [EventType.DISPUTE_REFERRED, dispute_id],
    ).fetchone()[0]
    m.set_agenda(db, office.user("clerk"), meeting.id, list(reversed(items)), wall=office.clock)
    again = db.execute(
        "SELECT count(*) FROM events WHERE type = ? AND entity_id = ?",
        [EventType.DISPUTE_REFERRED, dispute_id],
    ).fetchone()[0]
    assert referrals == again == 1  # already referred to this meeting


# ----------------------------------------------------------------------- minutes


def test_a_meeting_whose_decision_closes_a_dispute_amends_the_boundary_list_locally(
    office: Office,
) -> None:
    db = office.db
    number, dispute_id = office.disputed_case()
    listed = versions(db, ListKind.BOUNDARY)[0].version
    meeting = office.schedule()
    office.later(24)
    held = office.minutes(
        meeting,
        [
            m.DecisionDraft(
                "小场所消防隐患由派出所牵头检查，应急管理局配合",
                "PCS",
                meeting.held_on[:10],
                dispute_id,
                "pcs",
                ("YJJ",),
                amend_list=True,
            ),
            m.DecisionDraft("执法中队集中处置超期案件", "ZFZD", "2026-12-31"),
        ],
        attendees=["ZHB", "PCS", "SCJG"],
    )
    assert held.held and held.attendees == ["ZHB", "PCS", "SCJG"]
    settling, other = held.decisions
    assert (settling.position, settling.owner, settling.owner_name) == (1, "PCS", "青石派出所")
    assert settling.dispute_id == dispute_id and other.dispute_id is None
    dispute = dispute_by_id(db, dispute_id)
    assert dispute.status == DECIDED
    assert (dispute.lead, dispute.cooperating, dispute.meeting_id) == ("PCS", ["YJJ"], meeting.id)
    assert dispute.reasoning == settling.text
    ruling = db.execute(
        "SELECT payload FROM events WHERE type = ? AND entity_id = ?",
        [EventType.DISPUTE_DECIDED, dispute_id],
    ).fetchone()
    assert json.loads(ruling[0])["decision_id"] == settling.id
    # the official list stays; a local amendment beside its item says PCS leads
    assert versions(db, ListKind.BOUNDARY)[0].version == listed
    [amended] = amendments(db)
    assert (amended.item, amended.meeting_id, amended.dispute_id) == (
        dispute.amended_item,
        meeting.id,
        dispute_id,
    )
    assert (amended.lead, amended.cooperating, amended.by_meeting) == ("PCS", ("YJJ",), True)
    assert suggestion_for(db, case_by_number(db, number)).lead == "PCS"
    (settled,) = m.settlements(db, held)
    assert (settled.case_number, settled.amended_item) == (number, dispute.amended_item)
    assert settled.list_version is None and settled.lead == "青石派出所"
    assert settled.amended_name == amended.item_name
    # the disputed case no longer goes on the next agenda
    assert dispute_id not in [i.ref for i in propose_agenda(db, office.today())]


def test_decisions_are_tracked_until_done(office: Office) -> None:
    db = office.db
    meeting = office.schedule(agenda=[])
    office.later(24)
    day = date.fromisoformat(meeting.held_on[:10])
    later = date.fromordinal(day.toordinal() + 20).isoformat()
    sooner = date.fromordinal(day.toordinal() + 5).isoformat()
    held = office.minutes(
        meeting,
        [
            m.DecisionDraft("整治集贸市场占道", "ZFZD", later),
            m.DecisionDraft("排查出租屋消防隐患", "PCS", sooner),
        ],
    )
    assert [d.text for d in m.open_decisions(db)] == ["排查出租屋消防隐患", "整治集贸市场占道"]
    first = held.decisions[1]
    assert not first.overdue(date.fromisoformat(sooner))
    assert first.overdue(date.fromordinal(date.fromisoformat(sooner).toordinal() + 1))
    office.later(3)
    done = m.mark_done(db, office.user("leader"), first.id, " 已排查 32 户 ", wall=office.clock)
    assert (done.done_note, done.done_by) == ("已排查 32 户", "刘建军")
    assert done.done_at == datetime.fromtimestamp(office.now / 1000, CHINA).strftime(
        "%Y-%m-%d %H:%M:%S"
    )
    assert not done.overdue(date(2099, 1, 1))
    assert [d.text for d in m.open_decisions(db)] == ["整治集贸市场占道"]
    assert m.decision_by_ref(db, f"{meeting.number}-2") == done
    assert [d.id for d in m.decisions(db)] == [d.id for d in held.decisions]


# ----------------------------------------------------------------------- refusals


def test_a_meeting_never_decides_a_dispute_raised_after_it(office: Office) -> None:
    """Minutes recorded after the meeting may not settle a dispute raised after it was held,
    nor may its agenda (or a referral) take one up: that is for a later meeting."""
    db = office.db
    _, before_id = office.disputed_case()
    meeting = office.schedule(agenda=[], held_on=office.at(0, "23:50"))
    office.later(24)  # the meeting is over; a dispute is raised the next day
    number, after_id = office.disputed_case()
    clerk, wall = office.user("clerk"), office.clock
    late = m.AgendaItem(DISPUTE, after_id, "职责争议", "")
    refused = unchanged(
        db, lambda: m.set_agenda(db, clerk, meeting.id, [late], wall=wall), "dispute_after_meeting"
    )
    assert number in str(refused) and "下一次联席会议" in str(refused)
    unchanged(
        db,
        lambda: refer_dispute(db, clerk, after_id, meeting.id, wall=wall),
        "dispute_after_meeting",
    )
    day = meeting.held_on[:10]
    ruled = m.DecisionDraft("由派出所牵头", "PCS", day, before_id, "PCS")
    too_late = m.DecisionDraft("由执法中队牵头", "ZFZD", day, after_id, "ZFZD")
    refused = unchanged(
        db, lambda: office.minutes(meeting, [ruled, too_late]), "decision_dispute_after_meeting"
    )
    assert str(refused).startswith("第 2 项决议：") and number in str(refused)
    held = office.minutes(meeting, [ruled])  # what was before it, it decides
    assert [d.dispute_id for d in held.decisions] == [before_id]
    assert dispute_by_id(db, after_id).status != DECIDED
    # a meeting set for a time already past is proposed only the disputes raised before it
    past = office.schedule(held_on=office.at(-1, "09:00"))
    assert after_id not in {item.ref for item in past.agenda}


def test_refusals_are_clear_and_change_nothing(office: Office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = office.db
    _, dispute_id = office.disputed_case()
    _, decided_id = office.disputed_case()
    _, third_id = office.disputed_case()
    ruling = Ruling("ZFZD", reasoning="按边界清单")
    decide_dispute(db, office.user("leader"), decided_id, ruling, wall=office.clock)
    meeting = office.schedule(agenda=[])
    clerk, supervisor = office.user("clerk"), office.user("supervisor")
    draft = m.DecisionDraft("由派出所牵头", "PCS", meeting.held_on[:10], dispute_id, "PCS")
    wall = office.clock

    def minutes(decisions: list[m.DecisionDraft], who: Any = clerk, **more: Any) -> object:
        return m.record_minutes(db, who, meeting.id, "纪要", decisions, wall=wall, **more)

    # before the meeting
    unchanged(db, lambda: minutes([]), "minutes_too_early")
    unchanged(db, lambda: office.schedule(who="supervisor"), "permission_denied")
    unchanged(db, lambda: office.schedule(held_on="2026-13-01 09:00"), "meeting_time_invalid")
    unchanged(db, lambda: office.schedule(attendees=["PCS", "ABC"]), "department_unknown")
    unchanged(db, lambda: office.schedule(place=""), "meeting_place_missing")
    decided_item = m.AgendaItem(DISPUTE, decided_id, "已裁定的争议", "")
    unchanged(db, lambda: office.schedule(agenda=[decided_item]), "dispute_already_decided")
    ghost = m.AgendaItem(DISPUTE, "no-such-dispute", "争议", "")
    unchanged(db, lambda: office.schedule(agenda=[ghost]), "dispute_unknown")
    no_case = m.AgendaItem(OVERDUE, "QS-20990101-XX0001", "超期", "")
    unchanged(db, lambda: office.schedule(agenda=[no_case]), "case_unknown")
    unchanged(
        db, lambda: m.set_agenda(db, clerk, "no-such-meeting", [], wall=wall), "meeting_unknown"
    )
    unchanged(
        db, lambda: m.set_agenda(db, supervisor, meeting.id, [], wall=wall), "permission_denied"
    )
    office.later(24 + 2)
    # at the minutes
    unchanged(db, lambda: minutes([draft], who=supervisor), "permission_denied")
    unchanged(
        db,
        lambda: m.record_minutes(db, clerk, "no-such-meeting", "纪要", [], wall=wall),
        "meeting_unknown",
    )
    unchanged(
        db,
        lambda: m.record_minutes(db, clerk, meeting.id, " ", [], wall=wall),
        "minutes_summary_missing",
    )
    unchanged(db, lambda: minutes([draft], attendees=["XYZ"]), "department_unknown")
    owner = m.DecisionDraft("落实", "XYZ", "2026-12-31")
    unchanged(db, lambda: minutes([owner]), "decision_unit_unknown")
    early = m.DecisionDraft("落实", "PCS", "2026-01-01")
    unchanged(db, lambda: minutes([early]), "decision_deadline_early")
    bad_day = m.DecisionDraft("落实", "PCS", "2026-12-32")
    unchanged(db, lambda: minutes([bad_day]), "decision_deadline_invalid")
    unknown = m.DecisionDraft("裁定", "PCS", "2026-12-31", "no-such-dispute", "PCS")
    unchanged(db, lambda: minutes([draft, unknown]), "dispute_unknown")
    decided = m.DecisionDraft("裁定", "PCS", "2026-12-31", decided_id, "PCS")
    unchanged(db, lambda: minutes([draft, decided]), "dispute_already_decided")
    # all or nothing: a ruling that fails half-way leaves neither minutes nor rulings
    real = m.append_ruling
    calls: list[str] = []

    def second_fails(db_: Any, writer: Any, user: Any, ref: str, ruling: Ruling) -> None:
        calls.append(ref)
        if len(calls) == 2:
            raise DomainError("dispute_reasoning_missing")
        real(db_, writer, user, ref, ruling)

    monkeypatch.setattr(m, "append_ruling", second_fails)
    third = m.DecisionDraft(
        "由执法中队牵头", "ZFZD", "2026-12-31", third_id, "ZFZD", amend_list=True
    )
    unchanged(db, lambda: minutes([draft, third]), "dispute_reasoning_missing")
    assert calls == [dispute_id, third_id]
    monkeypatch.setattr(m, "append_ruling", real)
    # after the minutes
    held = minutes([draft])
    unchanged(db, lambda: minutes([]), "minutes_already_recorded")
    unchanged(
        db, lambda: m.set_agenda(db, clerk, meeting.id, [], wall=wall), "meeting_already_held"
    )
    decision = held.decisions[0]
    unchanged(
        db, lambda: m.mark_done(db, clerk, decision.id, " ", wall=wall), "decision_note_missing"
    )
    unchanged(db, lambda: m.mark_done(db, clerk, "nope", "已办", wall=wall), "decision_unknown")
    unchanged(
        db, lambda: m.mark_done(db, supervisor, decision.id, "已办", wall=wall), "permission_denied"
    )
    m.mark_done(db, clerk, decision.id, "已落实", wall=wall)
    unchanged(
        db, lambda: m.mark_done(db, clerk, decision.id, "再次", wall=wall), "decision_already_done"
    )
    unchanged(db, lambda: m.decision_by_ref(db, "9-9"), "decision_unknown")
    unchanged(db, lambda: m.meeting_by_number(db, 99), "meeting_number_unknown")


def test_a_field_laptop_leaves_meetings_to_the_office(office: Office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = office.db
    meeting = office.schedule(agenda=[])
    monkeypatch.setattr("app.store.devices.own_kind", lambda _db: "department")
    error = unchanged(db, lambda: office.schedule(), "field_device_cannot")
    assert "部门终端" in str(error) and "综合执法办" in str(error)
    office.later(26)
    unchanged(db, lambda: office.minutes(meeting, []), "field_device_cannot")
    unchanged(
        db,
        lambda: m.set_members(db, office.user("clerk"), ["PCS"], wall=frozen),
        "field_device_cannot",
    )


# ----------------------------------------------------------------------- rebuild


def test_rebuild_after_meetings_gives_the_same_tables(office: Office) -> None:
    db = office.db
    m.set_members(db, office.user("clerk"), ["ZHB", "PCS", "SCJG", "ZFZD"], wall=office.clock)
    _, first_dispute = office.disputed_case()
    _, second_dispute = office.disputed_case()
    meeting = office.schedule()
    office.later(24 + 2)
    held = office.minutes(
        meeting,
        [
            m.DecisionDraft(
                "由派出所牵头", "PCS", "2026-12-31", first_dispute, "PCS", ("YJJ",), True
            ),
            m.DecisionDraft("由执法中队牵头", "ZFZD", "2026-12-20", second_dispute, "ZFZD"),
            m.DecisionDraft("通报超期案件", "ZHB", "2026-12-10"),
        ],
    )
    m.mark_done(db, office.user("leader"), held.decisions[2].id, "已通报", wall=office.clock)
    nxt = office.schedule(held_on=office.at(7, "14:00"))
    m.set_agenda(db, office.user("clerk"), nxt.id, nxt.agenda[:2], wall=office.clock)
    before = projection_dump(db)
    assert before["meeting_decisions"] and before["meetings"] and before["meeting_members"]
    rebuild(db, office.user("admin"))
    assert projection_dump(db) == before
