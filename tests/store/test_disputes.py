"""Duty disputes (职责争议, store/disputes.py): a unit returns a case as not its duty, the
office decides who leads it, and a ruling that amends the boundary list records a local
amendment beside the official item, which changes the suggestion for every case of that
category from then on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import hlc_ms
from app.core.disputes import DECIDED, OPEN, Ruling
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Case
from app.store.amendments import amendments, in_force
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_id, register_case
from app.store.disputes import (
    decide_dispute,
    dispute_by_id,
    disputes,
    disputes_of_case,
    refer_dispute,
    withdraw_dispute,
)
from app.store.meetings import schedule_meeting
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.routing import suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import full_dump, projection_dump

UNLICENSED = "0501"  # 无照经营: boundary list item 22 (QS-XZCF-021), 市场监管所 leads
UNLICENSED_ITEM = "QS-XZCF-021"
EXPIRED_DRUGS = "0503"  # 销售过期药品: no boundary entry, the division rule gives 市场监管所
NOT_OURS = "现场为流动摊贩占道，不属本所职责，应由综合执法中队查处"
RULED = "依边界清单第1项，流动摊贩占道由执法中队牵头，市场监管所配合查验证照"


class Office:
    """The office and the 市场监管所 officer working on a demo township without cases."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.blobs = BlobStore.beside(path)

    def user(self, name: str) -> Any:
        return user_by_name(self.db, name)

    def report(self, category: str = UNLICENSED) -> Case:
        request = IntakeRequest(category, "G01", "集市口有商户无证照经营，占用人行道")
        return register_case(self.db, self.blobs, self.user("clerk"), request, wall=frozen)

    def step(self, who: str, case: Case, request: Request) -> None:
        act(self.db, self.blobs, self.user(who), case.number, request, wall=frozen)

    def returned(
        self, category: str = UNLICENSED, cited: tuple[str, ...] = ("QS-XZCF-001",)
    ) -> Case:
        """A case dispatched to 市场监管所 as the lists suggest, signed for, and returned by
        its officer as not its duty."""
        case = self.report(category)
        self.step("clerk", case, Request(Action.DISPATCH, to="SCJG"))
        self.step("officer", case, Request(Action.SIGN))
        returning = Request(Action.RETURN, reason=NOT_OURS, not_our_duty=True, cited=cited)
        self.step("officer", case, returning)
        return case

    def status(self, case: Case) -> str:
        row = self.db.execute("SELECT status FROM cases WHERE id = ?", [case.id]).fetchone()
        return str(row[0])

    def boundary_versions(self) -> list[tuple[Any, ...]]:
        return self.db.execute(
            "SELECT version, decision_id, source FROM list_versions WHERE kind = 'boundary' "
            "ORDER BY version"
        ).fetchall()

    def amendments(self) -> list[Any]:
        return amendments(self.db)

    def entry(self, code: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM boundary_items WHERE code = ?", [code]))
        assert len(rows) == 1
        return rows[0]


@pytest.fixture
def office(small_db: Database, small_path: Path) -> Office:
    return Office(small_db, small_path)


# -- a return as not our duty opens a dispute --------------------------------------------------


def test_a_return_as_not_our_duty_opens_a_dispute_and_sends_the_case_back_to_triage(
    office: Office,
) -> None:
    case = office.returned(cited=(" QS-XZCF-001 ", "QS-XZCF-001", "QS-XZCF-021"))
    [dispute] = disputes(office.db)
    assert (dispute.case_id, dispute.case_number, dispute.category_code) == (
        case.id,
        case.number,
        UNLICENSED,
    )
    assert (dispute.unit, dispute.reasons, dispute.cited) == (
        "SCJG",
        NOT_OURS,
        ["QS-XZCF-001", "QS-XZCF-021"],
    )
    assert dispute.category_name == "无照经营"
    assert (dispute.status, dispute.lead, dispute.decided_at, dispute.meeting_id) == (
        OPEN,
        None,
        None,
        None,
    )
    returned = office.db.execute(
        "SELECT id FROM events WHERE type = 'case.return' AND entity_id = ?", [case.id]
    ).fetchone()[0]
    assert dispute.id == returned  # the dispute is named by the return that opened it
    assert office.status(case) == "pending_triage"
    assert disputes_of_case(office.db, case.id) == [dispute]
    assert dispute_by_id(office.db, dispute.id) == dispute
    assert disputes(office.db, OPEN) == [dispute]
    assert disputes(office.db, DECIDED) == []


def test_a_plain_return_opens_no_dispute(office: Office) -> None:
    case = office.report()
    office.step("clerk", case, Request(Action.DISPATCH, to="SCJG"))
    office.step("officer", case, Request(Action.RETURN, reason="需补充现场照片后再派"))
    assert office.status(case) == "pending_triage"
    assert disputes(office.db) == []
    assert disputes_of_case(office.db, case.id) == []


def test_a_dispute_needs_its_reasons(office: Office) -> None:
    case = office.report()
    office.step("clerk", case, Request(Action.DISPATCH, to="SCJG"))
    before = full_dump(office.db)
    with pytest.raises(DomainError) as refused:
        office.step("officer", case, Request(Action.RETURN, reason=" ", not_our_duty=True))
    assert refused.value.code == "reason_missing"
    assert full_dump(office.db) == before


# -- the office decides ------------------------------------------------------------------------


def test_deciding_without_amending_the_list_rules_this_case_only(office: Office) -> None:
    case = office.returned()
    [dispute] = disputes(office.db)
    versions = office.boundary_versions()
    entry = office.entry(UNLICENSED_ITEM)

    ruling = Ruling(" zfzd ", (" scjg", "SCJG", "ZFZD", " "), f"  {RULED} ")
    # the lists say 市场监管所 leads: ruling otherwise is the responsible leader's
    decided = decide_dispute(office.db, office.user("leader"), dispute.id, ruling, wall=frozen)
    assert (decided.status, decided.lead, decided.cooperating) == (DECIDED, "ZFZD", ["SCJG"])
    assert (decided.reasoning, decided.amended_item) == (RULED, "")
    assert decided.decided_at is not None
    decided_by = office.db.execute(
        "SELECT decided_by FROM dispute_rulings WHERE dispute_id = ?", [dispute.id]
    ).fetchone()[0]
    assert decided_by == office.user("leader").id
    assert office.amendments() == []
    assert office.boundary_versions() == versions
    assert office.entry(UNLICENSED_ITEM) == entry
    assert office.status(case) == "pending_triage"  # the case waits in triage

    ruled = suggestion_for(office.db, case_by_id(office.db, case.id))
    assert ruled is not None
    assert (ruled.basis, ruled.lead, ruled.cooperating, ruled.matter) == (
        "ruling",
        "ZFZD",
        ("SCJG",),
        UNLICENSED_ITEM,
    )
    assert ruled.reason.zh == "职责争议裁定：本案由执法中队牵头，市场监管所配合"
    other = suggestion_for(office.db, office.report())
    assert other is not None and (other.basis, other.lead) == ("boundary", "SCJG")

    # the clerk dispatches as ruled: no override reason needed, and the ruling is kept
    office.step("clerk", case, Request(Action.DISPATCH, to="ZFZD", with_units=("SCJG",)))
    payload = json.loads(
        office.db.execute(
            "SELECT payload FROM events WHERE entity_id = ? ORDER BY hlc DESC LIMIT 1", [case.id]
        ).fetchone()[0]
    )
    assert (payload["overridden"], payload["suggested"]["basis"]) == (False, "ruling")


def test_a_ruling_that_amends_the_list_changes_the_suggestion_for_every_such_case(
    office: Office,
) -> None:
    case = office.returned()
    [dispute] = disputes(office.db)
    versions = office.boundary_versions()
    rows = office.db.execute("SELECT count(*) FROM boundary_items").fetchone()[0]

    official = office.entry(UNLICENSED_ITEM)
    ruling = Ruling("ZFZD", ("SCJG",), RULED, amend_list=True)
    decided = decide_dispute(office.db, office.user("leader"), dispute.id, ruling, wall=frozen)
    assert decided.amended_item == UNLICENSED_ITEM

    # the official list is not rewritten: no new version, the item as it was
    assert office.boundary_versions() == versions
    assert office.db.execute("SELECT count(*) FROM boundary_items").fetchone()[0] == rows
    assert office.entry(UNLICENSED_ITEM) == official
    assert official["lead"] == "SCJG"
    # the amendment beside it
    [amended] = office.amendments()
    assert (amended.item, amended.official, amended.item_no, amended.category_code) == (
        UNLICENSED_ITEM,
        True,
        "22",
        UNLICENSED,
    )
    assert (amended.official_lead, amended.lead, amended.cooperating) == ("SCJG", "ZFZD", ("SCJG",))
    assert (amended.case_number, amended.dispute_id, amended.reason) == (
        case.number,
        dispute.id,
        RULED,
    )
    assert (amended.actor, amended.meeting_id, amended.settled) == ("刘建军", None, False)

    same = suggestion_for(office.db, case_by_id(office.db, case.id))
    assert same is not None and (same.basis, same.lead) == ("ruling", "ZFZD")
    fresh = suggestion_for(office.db, office.report())
    assert fresh is not None
    assert (fresh.basis, fresh.lead, fresh.cooperating, fresh.matter) == (
        "amendment",
        "ZFZD",
        ("SCJG",),
        UNLICENSED_ITEM,
    )
    assert fresh.reason.zh == (
        f"本镇修订（边界清单第22项，职责争议裁定，案件{case.number}）："
        "无照经营由执法中队牵头，市场监管所配合"
    )


def test_a_category_without_a_boundary_entry_gets_an_item_proposed(office: Office) -> None:
    case = office.returned(EXPIRED_DRUGS, cited=("QS-XZCF-023",))
    before = suggestion_for(office.db, office.report(EXPIRED_DRUGS))
    assert before is not None and before.basis == "division"
    last_no = office.db.execute("SELECT max(CAST(item_no AS INTEGER)) FROM boundary_items")
    last = last_no.fetchone()[0]
    rows = office.db.execute("SELECT count(*) FROM boundary_items").fetchone()[0]
    [dispute] = disputes(office.db)

    ruling = Ruling("PCS", (), "药品来源涉嫌违法犯罪，由派出所牵头查处", amend_list=True)
    decided = decide_dispute(office.db, office.user("leader"), dispute.id, ruling, wall=frozen)
    assert office.db.execute("SELECT count(*) FROM boundary_items").fetchone()[0] == rows
    assert (
        office.db.execute("SELECT max(CAST(item_no AS INTEGER)) FROM boundary_items").fetchone()[0]
        == last
    )
    assert decided.amended_item == f"QS-BJ-{EXPIRED_DRUGS}"  # proposed, not in the list
    [amended] = office.amendments()
    assert (amended.item, amended.official, amended.item_no, amended.item_name) == (
        f"QS-BJ-{EXPIRED_DRUGS}",
        False,
        "",
        "销售过期药品",
    )
    assert (amended.official_lead, amended.lead, amended.cooperating) == ("", "PCS", ())

    fresh = suggestion_for(office.db, office.report(EXPIRED_DRUGS))
    assert fresh is not None
    assert (fresh.basis, fresh.lead, fresh.matter) == ("amendment", "PCS", decided.amended_item)
    assert fresh.reason.zh == (
        f"本镇修订（边界清单未列明，职责争议裁定，案件{case.number}）：销售过期药品由派出所牵头"
    )
    ruled = suggestion_for(office.db, case_by_id(office.db, case.id))
    assert ruled is not None and (ruled.basis, ruled.matter) == ("ruling", decided.amended_item)


@pytest.mark.parametrize("leads", [("ZFZD", "PCS"), ("PCS", "ZFZD")])
def test_the_latest_ruling_on_a_case_counts_even_within_the_same_second(
    office: Office, leads: tuple[str, str]
) -> None:
    """A case returned twice: both disputes decided in the same second (as one meeting's
    minutes may do); the suggestion follows the one decided last."""
    case = office.returned()
    office.step("clerk", case, Request(Action.DISPATCH, to="SCJG"))
    office.step("officer", case, Request(Action.RETURN, reason=NOT_OURS, not_our_duty=True))
    first, second = disputes_of_case(office.db, case.id)
    now = hlc_ms(office.db.execute("SELECT max(hlc) FROM events").fetchone()[0])
    leader = office.user("leader")
    for dispute, lead in zip((first, second), leads, strict=True):
        decide_dispute(
            office.db, leader, dispute.id, Ruling(lead, (), RULED), wall=lambda: now + 5_000
        )
    decided_at = {dispute_by_id(office.db, d.id).decided_at for d in (first, second)}
    assert len(decided_at) == 1  # the same second
    ruled = suggestion_for(office.db, case_by_id(office.db, case.id))
    assert ruled is not None and (ruled.basis, ruled.lead) == ("ruling", leads[1])


# -- refusals change nothing --------------------------------------------------------------------


def refused(office: Office, attempt: Any) -> DomainError:
    before = full_dump(office.db)
    with pytest.raises(DomainError) as caught:
        attempt()
    assert full_dump(office.db) == before
    return caught.value


def test_bad_rulings_are_refused_with_their_message_and_change_nothing(office: Office) -> None:
    office.returned()
    [dispute] = disputes(office.db)
    clerk = office.user("clerk")

    def decide(ruling: Ruling, dispute_id: str = dispute.id, who: Any = clerk) -> Any:
        return lambda: decide_dispute(office.db, who, dispute_id, ruling, wall=frozen)

    error = refused(office, decide(Ruling("ZFZD", (), RULED), "no-such-dispute"))
    assert (error.code, str(error)) == ("dispute_unknown", "找不到职责争议“no-such-dispute”。")
    error = refused(office, decide(Ruling("NOPE", (), RULED)))
    assert (error.code, str(error)) == ("department_unknown", "部门“NOPE”不存在。")
    error = refused(office, decide(Ruling("  ", (), RULED)))
    assert (error.code, str(error)) == ("dispute_lead_missing", "请选择裁定的牵头单位。")
    error = refused(office, decide(Ruling("ZFZD", ("GONE",), RULED)))
    assert (error.code, str(error)) == ("department_unknown", "部门“GONE”不存在。")
    error = refused(office, decide(Ruling("ZFZD", (), "  ")))
    assert error.code == "dispute_reasoning_missing"
    assert "裁定理由" in str(error)
    error = refused(office, decide(Ruling("ZFZD", (), "  "), who=office.user("grid")))
    assert (error.code, str(error)) == ("permission_denied", "网格员不能处理职责争议和联席会议。")
    error = refused(office, decide(Ruling("ZFZD", (), RULED), who=office.user("officer")))
    assert error.code == "permission_denied"
    assert "部门人员" in str(error)


def test_a_dispute_is_decided_once(office: Office) -> None:
    office.returned()
    [dispute] = disputes(office.db)
    decided = decide_dispute(
        office.db, office.user("leader"), dispute.id, Ruling("ZFZD", (), RULED), wall=frozen
    )
    again = Ruling("PCS", (), "再议", amend_list=True)
    error = refused(
        office,
        lambda: decide_dispute(office.db, office.user("leader"), dispute.id, again, wall=frozen),
    )
    assert error.code == "dispute_already_decided"
    assert str(error) == f"这项职责争议已于 {decided.decided_at} 作出裁定，不能再次裁定或提交会议。"
    error = refused(
        office,
        lambda: refer_dispute(
            office.db, office.user("clerk"), dispute.id, "any-meeting", wall=frozen
        ),
    )
    assert error.code == "dispute_already_decided"


def test_referring_needs_a_meeting_that_exists_and_the_right_to_coordinate(office: Office) -> None:
    office.returned()
    [dispute] = disputes(office.db)
    error = refused(
        office,
        lambda: refer_dispute(
            office.db, office.user("clerk"), dispute.id, "no-meeting", wall=frozen
        ),
    )
    assert (error.code, str(error)) == ("meeting_unknown", "找不到联席会议“no-meeting”。")
    error = refused(
        office,
        lambda: refer_dispute(
            office.db, office.user("officer"), dispute.id, "no-meeting", wall=frozen
        ),
    )
    assert error.code == "permission_denied"
    error = refused(
        office,
        lambda: refer_dispute(
            office.db, office.user("clerk"), "no-dispute", "no-meeting", wall=frozen
        ),
    )
    assert error.code == "dispute_unknown"


# -- the log is the truth -----------------------------------------------------------------------


def test_rebuild_gives_the_same_disputes_rulings_and_list(office: Office) -> None:
    office.returned()
    office.returned(EXPIRED_DRUGS, cited=())
    office.returned()
    first, second, third = sorted(disputes(office.db), key=lambda d: d.opened_at)
    leader = office.user("leader")
    decide_dispute(
        office.db, leader, first.id, Ruling("ZFZD", ("SCJG",), RULED, amend_list=True), wall=frozen
    )
    decide_dispute(
        office.db, leader, second.id, Ruling("PCS", (), "涉嫌犯罪", amend_list=True), wall=frozen
    )
    assert {d.status for d in disputes(office.db)} == {DECIDED, OPEN}
    before = projection_dump(office.db)
    assert before["disputes"] and before["dispute_rulings"]
    assert len(before["list_amendments"]) == 2
    rebuild(office.db, office.user("admin"))
    assert projection_dump(office.db) == before
    assert dispute_by_id(office.db, third.id).status == OPEN


def test_a_dispute_opened_on_a_field_laptop_reaches_the_office(
    demo_path: Path, tmp_path: Path
) -> None:
    from tests.sync.conftest import OFFICE_PASSWORD, enrol_laptop, open_node

    office = open_node(demo_path, OFFICE_PASSWORD)
    laptop = enrol_laptop(office, tmp_path / "scjg", "市场监管所终端", "department", "SCJG")
    try:
        case = office.report("集市口有商户无证照经营", category=UNLICENSED)
        act(
            office.db,
            office.blobs,
            office.user("clerk"),
            case.number,
            Request(Action.DISPATCH, to="SCJG"),
            wall=frozen,
        )
        laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
        officer = laptop.user("officer")
        act(laptop.db, laptop.blobs, officer, case.number, Request(Action.SIGN), wall=frozen)
        returning = Request(
            Action.RETURN, reason=NOT_OURS, not_our_duty=True, cited=("QS-XZCF-001",)
        )
        act(laptop.db, laptop.blobs, officer, case.number, returning, wall=frozen)
        [on_laptop] = disputes_of_case(laptop.db, case.id)

        office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
        [at_office] = disputes_of_case(office.db, case.id)
        assert at_office == on_laptop
        assert (at_office.unit, at_office.cited, at_office.status) == (
            "SCJG",
            ["QS-XZCF-001"],
            OPEN,
        )

        ruling = Ruling("ZFZD", ("SCJG",), RULED, amend_list=True)
        decided = decide_dispute(
            office.db, office.user("leader"), at_office.id, ruling, wall=frozen
        )
        laptop.import_file(office.export_to(laptop, tmp_path / "back.tdsync").path)
        assert dispute_by_id(laptop.db, at_office.id) == decided
        entry = laptop.db.execute(
            "SELECT lead FROM boundary_items WHERE code = ?", [UNLICENSED_ITEM]
        ).fetchone()
        assert entry == ("SCJG",)  # the official item, as the office has it
        amended = in_force(laptop.db, UNLICENSED)
        assert amended is not None and (amended.item, amended.lead) == (UNLICENSED_ITEM, "ZFZD")
    finally:
        laptop.db.close()
        office.db.close()


def test_a_ruling_naming_a_meeting_that_does_not_exist_is_refused(office: Office) -> None:
    office.returned()
    [dispute] = disputes(office.db)
    before = full_dump(office.db)
    with pytest.raises(DomainError) as caught:
        decide_dispute(
            office.db,
            office.user("clerk"),
            dispute.id,
            Ruling("ZFZD", reasoning="会议认定", meeting_id="no-such-meeting"),
            wall=frozen,
        )
    assert caught.value.code == "meeting_unknown"
    assert full_dump(office.db) == before


def test_a_return_the_office_records_for_a_unit_is_that_units_dispute(office: Office) -> None:
    case = office.report()
    office.step("clerk", case, Request(Action.DISPATCH, to="SCJG"))
    phoned_in = Request(Action.RETURN, reason=NOT_OURS, not_our_duty=True)
    office.step("clerk", case, phoned_in)  # 市场监管所 phoned; the clerk writes it down
    [dispute] = disputes(office.db)
    assert dispute.unit == "SCJG"


def test_a_ruling_on_a_withdrawn_dispute_is_not_a_meeting_decision(office: Office) -> None:
    case = office.returned()
    [dispute] = disputes(office.db)
    clerk, leader = office.user("clerk"), office.user("leader")
    meeting = schedule_meeting(
        office.db, clerk, "2099-01-05 09:30", "会议室", "刘建军", ["SCJG"], wall=frozen
    )
    assert dispute_by_id(office.db, dispute.id).meeting_id == meeting.id  # on its agenda
    withdraw_dispute(office.db, clerk, dispute.id, "会议推迟，领导先行裁定", wall=frozen)
    decide_dispute(office.db, leader, dispute.id, Ruling("ZFZD", reasoning=RULED), wall=frozen)
    ruled = dispute_by_id(office.db, dispute.id)
    assert ruled.ruled_at is None
    suggestion = suggestion_for(office.db, case_by_id(office.db, case.id))
    assert suggestion is not None
    assert suggestion.reason.zh.startswith("职责争议裁定：")


def test_a_dispute_citing_an_item_no_list_has_is_refused(office: Office) -> None:
    case = office.report()
    office.step("clerk", case, Request(Action.DISPATCH, to="SCJG"))
    before = full_dump(office.db)
    returning = Request(Action.RETURN, reason=NOT_OURS, not_our_duty=True, cited=("QS-NONE-9",))
    with pytest.raises(DomainError) as caught:
        office.step("officer", case, returning)
    assert caught.value.code == "list_item_unknown" and "QS-NONE-9" in str(caught.value)
    assert full_dump(office.db) == before


def test_a_ruling_on_one_category_of_a_shared_entry_moves_only_that_category(
    office: Office,
) -> None:
    shared = office.entry("QS-QT-004")  # 垃圾、小广告、露天焚烧: the township cleans up first
    assert json.loads(shared["categories"]) == ["0102", "0105", "0401"]
    case = office.report("0401")
    office.step("clerk", case, Request(Action.SELF_HANDLE))
    office.step(
        "clerk", case, Request(Action.RETURN, reason="秸秆焚烧需环境监测", not_our_duty=True)
    )
    [dispute] = disputes(office.db)
    versions_before = office.boundary_versions()
    ruling = Ruling("STHJ", ("ZHB",), "露天焚烧由生态环境分局牵头，综合执法办配合劝阻", True)
    decided = decide_dispute(office.db, office.user("leader"), dispute.id, ruling, wall=frozen)
    assert decided.amended_item == "QS-QT-004"
    assert office.boundary_versions() == versions_before  # the official list stays
    assert office.entry("QS-QT-004") == shared
    [amended] = office.amendments()
    assert (amended.category_code, amended.lead, amended.cooperating) == ("0401", "STHJ", ("ZHB",))
    litter = suggestion_for(office.db, office.report("0102"))
    burning = suggestion_for(office.db, office.report("0401"))
    assert litter is not None and (litter.basis, litter.lead) == ("boundary", "ZHB")
    assert burning is not None and (burning.basis, burning.lead) == ("amendment", "STHJ")


# -- who may rule -------------------------------------------------------------------------------


def test_a_clerk_rules_only_as_the_lists_say(office: Office) -> None:
    """The lists say 市场监管所 leads 无照经营: a clerk may rule so; a ruling naming another
    lead, or amending the list, is the responsible leader's (or a meeting's)."""
    office.returned()
    office.returned()
    first, second = sorted(disputes(office.db), key=lambda d: d.opened_at)
    clerk = office.user("clerk")
    error = refused(
        office,
        lambda: decide_dispute(office.db, clerk, first.id, Ruling("ZFZD", (), RULED), wall=frozen),
    )
    assert (error.code, str(error)) == (
        "dispute_ruling_needs_leader",
        "这项裁定所定牵头单位与职责清单不同，只能由分管领导裁定，或提交联席会议决定。",
    )
    amend = Ruling("SCJG", (), "仍由市场监管所牵头", amend_list=True)
    error = refused(office, lambda: decide_dispute(office.db, clerk, first.id, amend, wall=frozen))
    assert str(error) == "这项裁定修改职责边界清单，只能由分管领导裁定，或提交联席会议决定。"
    admin = office.user("admin")
    error = refused(
        office,
        lambda: decide_dispute(office.db, admin, first.id, Ruling("ZFZD", (), RULED), wall=frozen),
    )
    assert error.code == "dispute_ruling_needs_leader"

    as_listed = Ruling("SCJG", (), "依边界清单第22项，由市场监管所牵头")
    assert decide_dispute(office.db, clerk, first.id, as_listed, wall=frozen).lead == "SCJG"
    ruled = decide_dispute(
        office.db, office.user("leader"), second.id, Ruling("ZFZD", (), RULED), wall=frozen
    )
    assert ruled.lead == "ZFZD"


def test_a_referred_dispute_is_its_meetings_until_withdrawn(office: Office) -> None:
    office.returned()
    [dispute] = disputes(office.db)
    clerk, leader = office.user("clerk"), office.user("leader")
    meeting = schedule_meeting(
        office.db, clerk, "2099-01-05 09:30", "会议室", "刘建军", ["SCJG"], wall=frozen
    )
    assert dispute_by_id(office.db, dispute.id).meeting_id == meeting.id
    as_listed = Ruling("SCJG", (), "依边界清单第22项")
    for who in (clerk, leader):
        error = refused(
            office,
            lambda who=who: decide_dispute(office.db, who, dispute.id, as_listed, wall=frozen),
        )
        assert str(error) == (
            f"这项职责争议已提交第 {meeting.number} 次联席会议，只能由该次会议作出决议；"
            "如需另行裁定，请先撤回。"
        )
    # nor does the office send it to another meeting while it is on this one's agenda
    events = office.db.execute("SELECT count(*) FROM events").fetchone()[0]
    again = refer_dispute(office.db, clerk, dispute.id, meeting.id, wall=frozen)
    assert again.meeting_id == meeting.id  # its own meeting again: accepted, nothing written
    assert office.db.execute("SELECT count(*) FROM events").fetchone()[0] == events
    later = schedule_meeting(
        office.db, clerk, "2099-01-12 09:30", "会议室", "刘建军", ["SCJG"], [], wall=frozen
    )
    error = refused(
        office, lambda: refer_dispute(office.db, clerk, dispute.id, later.id, wall=frozen)
    )
    assert str(error) == (
        f"这项职责争议已提交第 {meeting.number} 次联席会议；如需改由其他会议或分管领导裁定，"
        "请先撤回。"
    )
    for who, reason, code in [
        (clerk, "  ", "dispute_withdraw_reason_missing"),
        (office.user("officer"), "会议延期", "permission_denied"),
        (office.user("grid"), "会议延期", "permission_denied"),
    ]:
        error = refused(
            office,
            lambda who=who, reason=reason: withdraw_dispute(
                office.db, who, dispute.id, reason, wall=frozen
            ),
        )
        assert error.code == code

    withdrawn = withdraw_dispute(office.db, clerk, dispute.id, "  会议延期  ", wall=frozen)
    assert (withdrawn.status, withdrawn.meeting_id, withdrawn.withdrawn_reason) == (
        OPEN,
        None,
        "会议延期",
    )
    assert withdrawn.withdrawn_at is not None
    event = office.db.execute(
        "SELECT actor_id, payload FROM events WHERE type = 'dispute.withdrawn'"
    ).fetchone()
    assert event[0] == clerk.id
    assert json.loads(event[1]) == {"meeting_id": meeting.id, "reason": "会议延期"}
    error = refused(
        office, lambda: withdraw_dispute(office.db, clerk, dispute.id, "再撤", wall=frozen)
    )
    assert error.code == "dispute_not_referred"
    assert decide_dispute(office.db, clerk, dispute.id, as_listed, wall=frozen).status == DECIDED
    before = projection_dump(office.db)
    rebuild(office.db, office.user("admin"))
    assert projection_dump(office.db) == before
