"""Routing suggestions read from the database (store/routing.py): every category of the demo
township gets one, triage keeps it, routing elsewhere needs a reason that changes nothing
when missing, and the override report counts per matter what clerks did."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import hlc_ms
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.lists import ListKind
from app.core.model import Case, Route
from app.core.routing import TIER_ROUTES
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number, register_case
from app.store.lists import set_item
from app.store.reference import categories, departments, user_by_name
from app.store.routing import override_report, suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import full_dump

DIVISION_RULE_CATEGORIES = {"0704", "0503"}  # the sample boundary list leaves these out
STALLS = "0101"  # 占道经营: boundary list item 1, the enforcement squad leads
STALLS_ITEM = "QS-XZCF-001"
UNLICENSED = "0501"  # 无照经营: boundary list item 22, 市场监管所 leads
UNLICENSED_ITEM = "QS-XZCF-021"


class Office:
    """The clerk's desk on a demo township without cases."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.blobs = BlobStore.beside(path)

    def report(self, category: str, description: str = "村口有人占道摆摊，影响通行") -> Case:
        request = IntakeRequest(category, "G01", description)
        return register_case(
            self.db, self.blobs, user_by_name(self.db, "clerk"), request, wall=frozen
        )

    def triage(self, case: Case, request: Request) -> dict[str, Any]:
        """Take the triage step as the clerk; returns the payload of the event it wrote."""
        act(self.db, self.blobs, user_by_name(self.db, "clerk"), case.number, request, wall=frozen)
        row = self.db.execute(
            "SELECT payload FROM events WHERE entity = 'case' AND entity_id = ? "
            "ORDER BY hlc DESC LIMIT 1",
            [case.id],
        ).fetchone()
        return dict(json.loads(row[0]))


@pytest.fixture
def office(small_db: Database, small_path: Path) -> Office:
    return Office(small_db, small_path)


def leaves(db: Database) -> list[Any]:
    return [c for c in categories(db) if c.is_leaf]


# -- every category of the demo township ------------------------------------------------------


def test_every_leaf_category_gets_a_suggestion_its_lead_can_take(office: Office) -> None:
    units = {d.code: d for d in departments(office.db)}
    found = {}
    for category in leaves(office.db):
        suggestion = suggestion_for(office.db, office.report(category.code))
        assert suggestion is not None, category.code
        assert suggestion.lead in units, category.code
        assert suggestion.route == TIER_ROUTES[units[suggestion.lead].tier], category.code
        if suggestion.route != Route.DISPATCH_X:
            assert suggestion.cooperating == (), category.code
        assert suggestion.lead not in suggestion.cooperating
        assert set(suggestion.cooperating) <= set(units)
        found[category.code] = suggestion
    assert len(found) >= 40


def test_the_sample_lists_route_two_categories_by_the_division_rule_and_the_rest_by_boundary(
    office: Office,
) -> None:
    bases = {
        c.code: suggestion_for(office.db, office.report(c.code)).basis  # type: ignore[union-attr]
        for c in leaves(office.db)
    }
    assert {code for code, basis in bases.items() if basis == "division"} == (
        DIVISION_RULE_CATEGORIES
    )
    assert {basis for code, basis in bases.items() if code not in DIVISION_RULE_CATEGORIES} == {
        "boundary"
    }
    assert "category" not in bases.values()


def test_the_division_rule_reads_the_power_list(office: Office) -> None:
    spill = suggestion_for(office.db, office.report("0704", "国道边有货车遗撒砂石"))
    drugs = suggestion_for(office.db, office.report("0503", "村卫生室旁小店出售过期药品"))
    assert spill is not None and drugs is not None
    # 道路遗撒 is visible and needs little expertise: the squad; 过期药品 stays with 市场监管所
    assert (spill.lead, spill.route, spill.basis) == ("ZFZD", Route.DISPATCH_X, "division")
    assert (drugs.lead, drugs.route, drugs.basis) == ("SCJG", Route.DISPATCH_X, "division")
    assert "可见性高、专业性低" in spill.reason.zh
    assert "隐蔽或专业性强" in drugs.reason.zh


def test_the_demo_categories_default_routes_agree_with_the_lists(office: Office) -> None:
    """The sample lists were written to agree with the demo's categories: a clerk who follows
    the lists routes every category as it always was."""
    for category in leaves(office.db):
        suggestion = suggestion_for(office.db, office.report(category.code))
        assert suggestion is not None
        assert (suggestion.route, suggestion.lead) == (
            category.route,
            category.department_code,
        ), category.code


def test_the_reason_names_the_boundary_item(office: Office) -> None:
    suggestion = suggestion_for(office.db, office.report(STALLS))
    assert suggestion is not None
    assert (suggestion.basis, suggestion.matter, suggestion.lead) == (
        "boundary",
        STALLS_ITEM,
        "ZFZD",
    )
    assert suggestion.reason.zh.startswith("边界清单第1项：占道经营由执法中队牵头")


# -- triage keeps the suggestion; routing elsewhere needs a reason -----------------------------


def test_following_the_suggestion_is_kept_as_followed(office: Office) -> None:
    case = office.report(STALLS)
    suggestion = suggestion_for(office.db, case)
    assert suggestion is not None
    payload = office.triage(case, Request(Action.DISPATCH, to="ZFZD", override_reason="  "))
    assert payload["suggested"] == suggestion.record()
    assert payload["overridden"] is False
    assert "override_reason" not in payload


@pytest.mark.parametrize("reason", ["", "   "])
def test_routing_against_the_lists_without_a_reason_is_refused_and_changes_nothing(
    office: Office, reason: str
) -> None:
    case = office.report(STALLS)
    before = full_dump(office.db)
    for request in (
        Request(Action.DISPATCH, to="SCJG", override_reason=reason),
        Request(Action.SELF_HANDLE, override_reason=reason),
        Request(Action.CALL, to="YJJ", reason="现场有液化气罐", override_reason=reason),
    ):
        with pytest.raises(DomainError) as refused:
            office.triage(case, request)
        assert refused.value.code == "override_reason_missing"
        assert "改派理由" in str(refused.value)
        assert full_dump(office.db) == before
    assert case_by_number(office.db, case.number).status == "pending_triage"


def test_an_override_keeps_the_suggestion_and_the_reason(office: Office) -> None:
    case = office.report(STALLS)
    suggestion = suggestion_for(office.db, case)
    assert suggestion is not None
    payload = office.triage(
        case,
        Request(Action.DISPATCH, to="SCJG", override_reason="  摊主无营业执照，由市场监管所查处 "),
    )
    assert payload["suggested"] == suggestion.record()
    assert payload["suggested"]["lead"] == "ZFZD"
    assert (payload["lead_unit"], payload["overridden"]) == ("SCJG", True)
    assert payload["override_reason"] == "摊主无营业执照，由市场监管所查处"
    lead = office.db.execute("SELECT lead_unit FROM cases WHERE id = ?", [case.id]).fetchone()
    assert lead == ("SCJG",)


def test_the_same_lead_by_another_route_is_an_override_too(office: Office) -> None:
    """The lists say the office handles 垃圾乱堆乱放 itself; sending it out needs a reason."""
    case = office.report("0102", "河边有人倾倒建筑垃圾")
    suggestion = suggestion_for(office.db, case)
    assert suggestion is not None and (suggestion.route, suggestion.lead) == (Route.SELF, "ZHB")
    with pytest.raises(DomainError):
        office.triage(case, Request(Action.DISPATCH, to="ZFZD"))
    payload = office.triage(case, Request(Action.SELF_HANDLE))
    assert (payload["route"], payload["overridden"]) == ("ONE", False)


def test_a_categorys_default_may_be_overridden_without_a_reason(office: Office) -> None:
    """Only the lists bind: when they say nothing about a category, its default is a hint."""
    admin = user_by_name(office.db, "admin")
    set_item(office.db, admin, ListKind.BOUNDARY, "QS-QT-003", {"关联问题类别": ""}, wall=frozen)
    case = office.report("0804", "有村民接到冒充客服的诈骗电话")
    suggestion = suggestion_for(office.db, case)
    assert suggestion is not None
    assert (suggestion.basis, suggestion.lead, suggestion.from_lists) == ("category", "PCS", False)
    payload = office.triage(case, Request(Action.DISPATCH, to="SFS"))
    assert (payload["overridden"], payload["suggested"]["basis"]) == (True, "category")
    assert "override_reason" not in payload


def test_a_suggestion_follows_the_lists_as_they_change(office: Office) -> None:
    case = office.report(UNLICENSED)
    before = suggestion_for(office.db, case)
    assert before is not None and before.lead == "SCJG"
    admin = user_by_name(office.db, "admin")
    set_item(
        office.db,
        admin,
        ListKind.BOUNDARY,
        UNLICENSED_ITEM,
        {"牵头部门": "青石综合执法中队"},
        wall=frozen,
    )
    after = suggestion_for(office.db, case)
    assert after is not None
    assert (after.lead, after.basis, after.matter) == ("ZFZD", "boundary", UNLICENSED_ITEM)
    # the unit the old entry had as lead may still cooperate; it never cooperates with itself
    assert "ZFZD" not in after.cooperating


# -- how often clerks routed otherwise ---------------------------------------------------------


def test_the_override_report_counts_per_matter_newest_reasons_first(office: Office) -> None:
    assert override_report(office.db) == []
    office.triage(office.report(STALLS), Request(Action.DISPATCH, to="ZFZD"))
    reasons = ["摊点在集贸市场内，由市场监管所管理", "当事人为无照经营", "属食品摊贩", "第四次改派"]
    for reason in reasons:
        office.triage(
            office.report(STALLS), Request(Action.DISPATCH, to="SCJG", override_reason=reason)
        )
    office.triage(office.report(UNLICENSED), Request(Action.DISPATCH, to="SCJG"))
    office.triage(office.report(UNLICENSED), Request(Action.DISPATCH, to="SCJG"))
    office.report(UNLICENSED)  # waiting for triage: nothing to count yet

    report = {row.matter: row for row in override_report(office.db)}
    assert set(report) == {STALLS_ITEM, UNLICENSED_ITEM}
    stalls, unlicensed = report[STALLS_ITEM], report[UNLICENSED_ITEM]
    assert (stalls.suggested, stalls.overridden, stalls.share) == (5, 4, 0.8)
    assert stalls.reasons == reasons[::-1][:3]  # the latest three, newest first
    assert (unlicensed.suggested, unlicensed.overridden, unlicensed.reasons) == (2, 0, [])
    assert [row.matter for row in override_report(office.db)] == [STALLS_ITEM, UNLICENSED_ITEM]
    assert override_report(office.db, latest_reasons=1)[0].reasons == [reasons[-1]]


def test_the_override_report_names_each_matter_from_the_lists(office: Office) -> None:
    office.triage(
        office.report(STALLS), Request(Action.DISPATCH, to="SCJG", override_reason="无照经营")
    )
    [row] = override_report(office.db)
    name = office.db.execute(
        "SELECT name FROM boundary_items WHERE code = ?", [STALLS_ITEM]
    ).fetchone()[0]
    assert row.name == name


def test_steps_kept_as_rivals_do_not_count(demo_path: Path, tmp_path: Path) -> None:
    """The office re-routes a case it returned while the squad, offline, had already handled
    it: the return and the new dispatch are rivals and leave the report as it was."""
    from tests.sync.conftest import OFFICE_PASSWORD, enrol_laptop, open_node

    office = open_node(demo_path, OFFICE_PASSWORD)
    laptop = enrol_laptop(office, tmp_path / "squad", "执法中队终端", "department", "ZFZD")
    try:
        case = office.report("人行道被摊位占用", category=STALLS)
        clerk, officer = office.user("clerk"), laptop.user("officer_zfzd")
        act(
            office.db,
            office.blobs,
            clerk,
            case.number,
            Request(Action.DISPATCH, to="ZFZD"),
            wall=frozen,
        )
        laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)
        before = {row.matter: row for row in override_report(office.db)}[STALLS_ITEM]

        act(laptop.db, laptop.blobs, officer, case.number, Request(Action.SIGN), wall=frozen)
        act(
            laptop.db,
            laptop.blobs,
            officer,
            case.number,
            Request(Action.FEEDBACK, note="已清理"),
            wall=frozen,
        )
        squad_done = hlc_ms(laptop.db.execute("SELECT max(hlc) FROM events").fetchone()[0])
        ahead = lambda: squad_done + 60_000  # noqa: E731 - the office acts after the squad
        returned = Request(Action.RETURN, reason="派错单位")
        act(office.db, office.blobs, clerk, case.number, returned, wall=ahead)
        redispatch = Request(Action.DISPATCH, to="SCJG", override_reason="属无照经营")
        act(office.db, office.blobs, clerk, case.number, redispatch, wall=lambda: ahead() + 1_000)
        counted = {row.matter: row for row in override_report(office.db)}[STALLS_ITEM]
        assert (counted.suggested, counted.overridden) == (
            before.suggested + 1,
            before.overridden + 1,
        )
        assert counted.reasons[0] == "属无照经营"

        office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
        kinds = office.db.execute(
            "SELECT e.type, k.kind FROM case_conflicts k JOIN events e ON e.id = k.event_id "
            "WHERE k.case_id = ?",
            [case.id],
        ).fetchall()
        assert ("case.dispatch", "rival") in kinds
        assert case_by_number(office.db, case.number).status == "feedback"
        after = {row.matter: row for row in override_report(office.db)}[STALLS_ITEM]
        assert (after.suggested, after.overridden, after.reasons) == (
            before.suggested,
            before.overridden,
            before.reasons,
        )
    finally:
        laptop.db.close()
        office.db.close()
