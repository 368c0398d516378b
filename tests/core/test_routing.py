"""Routing suggestions from the three lists (core/routing.py), pure: which rule wins, the
division rule, the route by the lead's tier, and the reasons in words a clerk reads."""

from __future__ import annotations

import re

import pytest

from app.core.model import Category, Department, Route, Tier
from app.core.routing import (
    BoundaryEntry,
    CaseRuling,
    LocalAmendment,
    PowerEntry,
    Suggestion,
    enforcement_unit,
    suggest,
)

UNITS = {
    d.code: d
    for d in (
        Department("ZHB", "青石镇综合行政执法办公室", "综合执法办", Tier.ONE),
        Department("SCJG", "青石市场监督管理所", "市场监管所", Tier.X),
        Department("ZFZD", "青石综合执法中队", "执法中队", Tier.X),
        Department("PCS", "青石派出所", "派出所", Tier.X),
        Department("YJJ", "蓬山区应急管理局", "应急局", Tier.Y),
        Department("SWJ", "蓬山区水务局", "水务局", Tier.Y),
    )
}
WITHOUT_TEAM = {code: d for code, d in UNITS.items() if code != "ZFZD"}

STALLS = Category("0101", "占道经营", "01", Route.DISPATCH_X, "SCJG")
BOUNDARY = BoundaryEntry("QS-XZCF-001", "12", "占道经营的处罚", "ZFZD", ("SCJG",))
POWER = PowerEntry("QS-XZCF-005", "道路遗撒的处罚", "SCJG", "高", "低")
RULING = CaseRuling("D1", "PCS", ("ZFZD",), by_meeting=False)
CJK = re.compile(r"[\u4e00-\u9fff]")


def route_of(
    boundary: tuple[BoundaryEntry, ...] = (),
    power: tuple[PowerEntry, ...] = (),
    ruling: CaseRuling | None = None,
    category: Category = STALLS,
    units: dict[str, Department] = UNITS,
) -> Suggestion:
    found = suggest(category, boundary, power, units, ruling)
    assert found is not None
    return found


# -- which rule wins --------------------------------------------------------------------------


def test_a_ruling_beats_the_boundary_list() -> None:
    found = route_of((BOUNDARY,), (POWER,), RULING)
    assert (found.basis, found.route, found.lead, found.cooperating) == (
        "ruling",
        Route.DISPATCH_X,
        "PCS",
        ("ZFZD",),
    )
    assert found.matter == BOUNDARY.code  # counted under the category's boundary entry
    assert found.reason.zh == "职责争议裁定：本案由派出所牵头，执法中队配合"


def test_a_meeting_decision_says_so() -> None:
    ruling = CaseRuling("D2", "SCJG", (), by_meeting=True)
    found = route_of((), (), ruling)
    assert (found.basis, found.lead, found.matter) == ("ruling", "SCJG", "")
    assert found.reason.zh == "联席会议决议：本案由市场监管所牵头"
    assert found.reason.en.startswith("Joint meeting decision")


def test_the_boundary_list_beats_the_division_rule_and_the_category() -> None:
    found = route_of((BOUNDARY,), (POWER,))
    assert (found.basis, found.lead, found.matter) == ("boundary", "ZFZD", "QS-XZCF-001")


def test_the_division_rule_beats_the_categorys_default() -> None:
    hidden = PowerEntry("QS-XZCF-023", "销售过期药品的处罚", "PCS", "低", "高")
    found = route_of((), (hidden,))
    assert (found.basis, found.lead, found.matter) == ("division", "PCS", "QS-XZCF-023")


def test_the_categorys_default_when_the_lists_say_nothing() -> None:
    found = route_of()
    assert (found.basis, found.route, found.lead, found.cooperating, found.matter) == (
        "category",
        Route.DISPATCH_X,
        "SCJG",
        (),
        "",
    )
    assert found.reason.zh == "三张清单未列明“占道经营”，按问题类别的默认分拨由市场监管所办理"
    assert not found.from_lists


def test_nothing_to_suggest_without_lists_or_a_default_unit() -> None:
    group = Category("01", "市容环境", None)
    assert suggest(group, (), (), UNITS) is None
    gone = Category("0199", "其他", "01", Route.DISPATCH_X, "GONE")
    assert suggest(gone, (), (), UNITS) is None


def test_units_the_township_does_not_have_are_passed_over() -> None:
    strange = BoundaryEntry("QS-X-9", "9", "某事项", "GONE", ())
    found = route_of((strange, BOUNDARY), ruling=CaseRuling("D3", "GONE", (), False))
    assert (found.basis, found.lead, found.matter) == ("boundary", "ZFZD", "QS-XZCF-001")
    lost = PowerEntry("QS-X-8", "某事项", "GONE", "高", "低")
    assert route_of((), (lost, POWER)).matter == POWER.code


def test_the_first_boundary_entry_in_list_order_wins() -> None:
    second = BoundaryEntry("QS-XZCF-035", "33", "人行道违法停车", "PCS", ())
    assert route_of((BOUNDARY, second)).lead == "ZFZD"
    assert route_of((second, BOUNDARY)).lead == "PCS"


# -- the division rule (职责分工办法) ---------------------------------------------------------


def test_visible_and_low_specialism_goes_to_the_enforcement_team_with_the_line_department() -> None:
    found = route_of((), (POWER,))
    assert (found.basis, found.route, found.lead, found.cooperating) == (
        "division",
        Route.DISPATCH_X,
        "ZFZD",
        ("SCJG",),
    )
    assert found.reason.zh == (
        "职责分工办法：边界清单未列“占道经营”，权责清单QS-XZCF-005违法行为可见性高、专业性低，"
        "由执法中队负责"
    )
    assert "visible and low-specialism" in found.reason.en


@pytest.mark.parametrize(
    ("visibility", "specialism", "why", "why_en"),
    [
        ("低", "低", "违法行为隐蔽或专业性强", "hidden or specialised"),
        ("高", "高", "违法行为隐蔽或专业性强", "hidden or specialised"),
        ("低", "高", "违法行为隐蔽或专业性强", "hidden or specialised"),
        ("", "", "清单未标明可见性和专业性", "does not mark"),
        ("高", "", "清单未标明专业性", "does not mark"),
        ("", "低", "清单未标明可见性", "does not mark"),
    ],
)
def test_hidden_specialised_or_unknown_stays_with_the_line_department(
    visibility: str, specialism: str, why: str, why_en: str
) -> None:
    matter = PowerEntry("QS-XZCF-023", "销售过期药品的处罚", "SCJG", visibility, specialism)
    found = route_of((), (matter,))
    assert (found.basis, found.route, found.lead, found.cooperating) == (
        "division",
        Route.DISPATCH_X,
        "SCJG",
        (),
    )
    assert found.reason.zh == (
        f"职责分工办法：边界清单未列“占道经营”，权责清单QS-XZCF-023{why}，由市场监管所负责"
    )
    assert why_en in found.reason.en
    assert "visible and low-specialism" not in found.reason.en


def test_the_teams_own_hidden_matter_is_not_called_visible() -> None:
    matter = PowerEntry("QS-XZCF-007", "某事项", "ZFZD", "低", "高")
    found = route_of((), (matter,))
    assert (found.lead, found.cooperating) == ("ZFZD", ())
    assert "违法行为隐蔽或专业性强" in found.reason.zh
    assert "hidden or specialised" in found.reason.en


def test_the_teams_own_visible_matter_has_no_cooperating_unit() -> None:
    matter = PowerEntry("QS-XZCF-004", "某事项", "ZFZD", "高", "低")
    assert (route_of((), (matter,)).lead, route_of((), (matter,)).cooperating) == ("ZFZD", ())


def test_the_enforcement_unit_is_the_team_or_else_the_office() -> None:
    assert enforcement_unit(UNITS) == "ZFZD"
    assert enforcement_unit(WITHOUT_TEAM) == "ZHB"
    found = route_of((), (POWER,), units=WITHOUT_TEAM)
    assert (found.route, found.lead, found.cooperating) == (Route.SELF, "ZHB", ())
    assert "由综合执法办负责" in found.reason.zh


@pytest.mark.parametrize("name", ["东城综合行政执法中队", "某镇综合执法大队", "某街道综合执法队"])
def test_the_team_is_found_by_any_of_its_usual_names(name: str) -> None:
    team = Department("DD", name, "执法队", Tier.X)
    assert enforcement_unit(WITHOUT_TEAM | {"DD": team}) == "DD"
    office_like = Department("XX", "某镇综合执法协调小组", "协调组", Tier.X)
    assert enforcement_unit(WITHOUT_TEAM | {"XX": office_like}) == "ZHB"


# -- the route follows the lead's tier --------------------------------------------------------


def test_the_office_leading_is_handled_by_the_township_itself() -> None:
    entry = BoundaryEntry("QS-QT-004", "5", "垃圾乱堆乱放", "ZHB", ("ZFZD", "SWJ"))
    found = route_of((entry,))
    assert (found.route, found.lead, found.cooperating) == (Route.SELF, "ZHB", ())
    assert found.reason.zh == "边界清单第5项：占道经营由综合执法办牵头，执法中队、水务局配合"


def test_a_stationed_department_is_dispatched_with_its_cooperating_units() -> None:
    entry = BoundaryEntry("QS-XZCF-001", "1", "占道经营", "ZFZD", ("ZHB", "SCJG", "GONE", "ZFZD"))
    found = route_of((entry,))
    # the lead is not its own helper, and units the township lacks are left out
    assert (found.route, found.lead, found.cooperating) == (
        Route.DISPATCH_X,
        "ZFZD",
        ("ZHB", "SCJG"),
    )


def test_a_district_department_is_called_without_cooperating_units() -> None:
    entry = BoundaryEntry("QS-XZCF-013", "12", "侵占河道", "SWJ", ("ZHB", "ZFZD"))
    found = route_of((entry,))
    assert (found.route, found.lead, found.cooperating) == (Route.CALL_Y, "SWJ", ())
    assert found.reason.zh == "边界清单第12项：占道经营由水务局牵头，综合执法办、执法中队配合"


# -- reasons in words -------------------------------------------------------------------------


def test_the_boundary_reason_names_the_item_the_lead_and_the_cooperating_units() -> None:
    found = route_of((BOUNDARY,))
    assert found.reason.zh == "边界清单第12项：占道经营由执法中队牵头，市场监管所配合"
    assert str(found.reason) == found.reason.zh
    assert found.reason.en == "Boundary list item 12: 执法中队 leads '占道经营', with 市场监管所"


def test_an_entry_without_an_item_number_is_named_by_its_code_and_alone_needs_no_helpers() -> None:
    entry = BoundaryEntry("QS-XZCF-036", "", "聚众赌博", "PCS", ())
    found = route_of((entry,))
    assert found.reason.zh == "边界清单QS-XZCF-036：占道经营由派出所牵头"
    assert "配合" not in found.reason.zh


def test_english_reasons_have_no_chinese_but_names() -> None:
    names = [d.short_name for d in UNITS.values()] + [STALLS.name]
    matters = (PowerEntry("QS-1", "m", "SCJG", "低", "高"), POWER)
    for found in (
        route_of((BOUNDARY,)),
        route_of(ruling=RULING),
        route_of(ruling=CaseRuling("D", "SCJG", (), True)),
        *(route_of((), (m,)) for m in matters),
        route_of(),
    ):
        english = found.reason.en
        for name in names:
            english = english.replace(name, "")
        assert not CJK.search(english), found.reason.en


# -- what binds, and what the triage event keeps ---------------------------------------------


@pytest.mark.parametrize(
    ("suggestion", "binding"),
    [
        (route_of(ruling=RULING), True),
        (route_of((BOUNDARY,)), True),
        (route_of((), (POWER,)), True),
        (route_of(), False),
    ],
)
def test_only_the_lists_and_rulings_bind(suggestion: Suggestion, binding: bool) -> None:
    assert suggestion.from_lists is binding


def test_the_record_keeps_the_route_the_lead_the_basis_and_the_reason() -> None:
    found = route_of((BOUNDARY,))
    assert found.record() == {
        "route": "X",
        "lead": "ZFZD",
        "cooperating": ["SCJG"],
        "basis": "boundary",
        "matter": "QS-XZCF-001",
        "reason": "边界清单第12项：占道经营由执法中队牵头，市场监管所配合",
    }


# -- a local amendment (本镇修订) ---------------------------------------------------------------

AMENDED = LocalAmendment("QS-XZCF-001", "12", True, "PCS", ("SCJG",), "QS-20261118-AA0001", False)


def test_a_local_amendment_beats_the_official_boundary_item() -> None:
    found = suggest(STALLS, (BOUNDARY,), (POWER,), UNITS, None, AMENDED)
    assert found is not None
    assert (found.basis, found.route, found.lead, found.cooperating, found.matter) == (
        "amendment",
        Route.DISPATCH_X,
        "PCS",
        ("SCJG",),
        "QS-XZCF-001",
    )
    assert found.from_lists  # going against it needs a reason
    assert found.reason.zh == (
        "本镇修订（边界清单第12项，职责争议裁定，案件QS-20261118-AA0001）："
        "占道经营由派出所牵头，市场监管所配合"
    )


def test_a_ruling_on_the_case_beats_the_amendment() -> None:
    found = suggest(STALLS, (BOUNDARY,), (), UNITS, RULING, AMENDED)
    assert found is not None and (found.basis, found.lead) == ("ruling", "PCS")
    other = CaseRuling("D3", "ZFZD", (), by_meeting=False)
    found = suggest(STALLS, (BOUNDARY,), (), UNITS, other, AMENDED)
    assert found is not None and (found.basis, found.lead) == ("ruling", "ZFZD")


def test_an_amendment_where_the_list_has_no_item_says_so() -> None:
    proposed = LocalAmendment("QS-BJ-0101", "", False, "ZFZD", (), "QS-20261118-AA0002", True)
    found = suggest(STALLS, (), (POWER,), UNITS, None, proposed)
    assert found is not None and (found.basis, found.lead, found.matter) == (
        "amendment",
        "ZFZD",
        "QS-BJ-0101",
    )
    assert found.reason.zh == (
        "本镇修订（边界清单未列明，联席会议决议，案件QS-20261118-AA0002）：占道经营由执法中队牵头"
    )


def test_an_amendment_naming_a_unit_that_is_gone_is_passed_over() -> None:
    gone = LocalAmendment("QS-XZCF-001", "12", True, "NOPE", (), "QS-20261118-AA0001", False)
    found = suggest(STALLS, (BOUNDARY,), (), UNITS, None, gone)
    assert found is not None and (found.basis, found.lead) == ("boundary", "ZFZD")
