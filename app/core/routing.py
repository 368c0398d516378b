"""Routing from the three lists (DOMAIN.md §5): which unit should lead a case, and why.

In order of authority: a ruling on a duty dispute about this very case; the township's local
amendment (本镇修订, core/amendments.py) of the category's boundary entry, while no official
import has settled it; the boundary list's entry for the case's category; the division
rule (职责分工办法) applied to the power list's matter when the boundary list has no entry;
the category's default route. The suggestion carries its reason in words, so the clerk sees
why, and the triage event keeps it, so the lists can be corrected where clerks keep
overriding them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.errors import Words
from app.core.model import Category, Department, Route, Tier, office_unit

TIER_ROUTES = {Tier.ONE: Route.SELF, Tier.X: Route.DISPATCH_X, Tier.Y: Route.CALL_Y}
HIGH, LOW = "高", "低"
# 综合执法中队, 综合行政执法中队, 综合行政执法大队 …: the team the division rule names
ENFORCEMENT_TEAM = re.compile(r"综合(行政)?执法(中队|大队|队)")


@dataclass(frozen=True)
class BoundaryEntry:
    code: str
    item_no: str
    name: str
    lead: str
    cooperating: tuple[str, ...]
    visibility: str = ""
    specialism: str = ""
    categories: tuple[str, ...] = ()  # every problem category the entry covers


@dataclass(frozen=True)
class PowerEntry:
    code: str
    name: str
    unit: str  # the line department responsible for the matter
    visibility: str = ""
    specialism: str = ""


@dataclass(frozen=True)
class CaseRuling:
    """A decided duty dispute about the case: the office or a joint meeting named the lead."""

    dispute_id: str
    lead: str
    cooperating: tuple[str, ...]
    by_meeting: bool


@dataclass(frozen=True)
class LocalAmendment:
    """The latest local amendment in force for a category (本镇修订): a ruling or a joint
    meeting's decision named a new lead beside the official ``item`` (or, when the official
    list has no item for the category, the item it proposes)."""

    item: str
    item_no: str
    official: bool
    lead: str
    cooperating: tuple[str, ...]
    case_number: str
    by_meeting: bool


@dataclass(frozen=True)
class Suggestion:
    route: Route
    lead: str
    cooperating: tuple[str, ...]
    basis: str  # ruling, amendment, boundary, division, category
    matter: str  # the matter's code, "" when none
    reason: Words

    def followed_by(self, route: Route | str, lead: str | None) -> bool:
        """Whether routing ``route`` to ``lead`` is what was suggested."""
        return route == self.route and lead == self.lead

    @property
    def from_lists(self) -> bool:
        """Only the lists and rulings bind: routing against them needs a reason. A category's
        default is a convenience, overridden freely."""
        return self.basis != "category"

    def override_needs_reason(self, route: Route | str, lead: str | None) -> bool:
        """Routing ``route`` to ``lead`` goes against the lists: the triage needs a reason,
        kept in its event for the override report."""
        return self.from_lists and not self.followed_by(route, lead)

    def record(self) -> dict[str, Any]:
        """What the triage event keeps of it."""
        return {
            "route": self.route.value,
            "lead": self.lead,
            "cooperating": list(self.cooperating),
            "basis": self.basis,
            "matter": self.matter,
            "reason": self.reason.zh,
        }


def enforcement_unit(departments: Mapping[str, Department]) -> str:
    """The comprehensive enforcement team (综合执法中队) the division rule gives visible,
    low-specialism matters to; where the township has none, its office."""
    ordered = sorted(departments.values(), key=lambda d: d.code)
    team = next((d for d in ordered if d.tier == Tier.X and ENFORCEMENT_TEAM.search(d.name)), None)
    return team.code if team else office_unit(departments)


def suggest(
    category: Category,
    boundary: Sequence[BoundaryEntry],
    power: Sequence[PowerEntry],
    departments: Mapping[str, Department],
    ruling: CaseRuling | None = None,
    amendment: LocalAmendment | None = None,
) -> Suggestion | None:
    """The route for a case of ``category``; None when nothing says anything about it.
    ``boundary`` and ``power``: the entries that list the category, in list order;
    ``amendment``: the category's local amendment in force, which overrides them."""
    units = {code: d for code, d in departments.items()}
    if ruling is not None and ruling.lead in units:
        matter = amendment.item if amendment else boundary[0].code if boundary else ""
        return _ruled(ruling, matter, units)
    if amendment is not None and amendment.lead in units:
        return _amended(category, amendment, units)
    for entry in boundary:
        if entry.lead in units:
            return _from_boundary(category, entry, units)
    for matter in power:
        if matter.unit in units:
            return _divided(category, matter, units)
    if category.department_code in units:
        lead = units[category.department_code]
        reason = Words(
            f"三张清单未列明“{category.name}”，按问题类别的默认分拨由{lead.short_name}办理",
            f"The lists say nothing about '{category.name}': the category's default unit, "
            f"{lead.short_name}",
        )
        return _suggestion(lead, (), "category", "", reason, units)
    return None


def _names(codes: Sequence[str], units: Mapping[str, Department]) -> str:
    return "、".join(units[c].short_name for c in codes if c in units)


def _ruled(ruling: CaseRuling, matter: str, units: Mapping[str, Department]) -> Suggestion:
    lead = units[ruling.lead]
    by = "联席会议决议" if ruling.by_meeting else "职责争议裁定"
    helpers = _names(ruling.cooperating, units)
    reason = Words(
        f"{by}：本案由{lead.short_name}牵头" + (f"，{helpers}配合" if helpers else ""),
        f"{'Joint meeting decision' if ruling.by_meeting else 'Dispute ruling'}: "
        f"{lead.short_name} leads this case",
    )
    return _suggestion(lead, ruling.cooperating, "ruling", matter, reason, units)


def _amended(
    category: Category, amendment: LocalAmendment, units: Mapping[str, Department]
) -> Suggestion:
    lead = units[amendment.lead]
    helpers = _names(amendment.cooperating, units)
    if amendment.official:
        where = Words(
            f"边界清单第{amendment.item_no}项"
            if amendment.item_no
            else f"边界清单{amendment.item}",
            f"boundary list item {amendment.item_no or amendment.item}",
        )
    else:
        where = Words("边界清单未列明", "not in the boundary list")
    by = (
        Words("联席会议决议", "joint meeting decision")
        if amendment.by_meeting
        else Words("职责争议裁定", "dispute ruling")
    )
    also = f"，{helpers}配合" if helpers else ""
    reason = Words(
        f"本镇修订（{where.zh}，{by.zh}，案件{amendment.case_number}）："
        f"{category.name}由{lead.short_name}牵头{also}",
        f"Local amendment ({where.en}, {by.en}, case {amendment.case_number}): "
        f"{lead.short_name} leads '{category.name}'" + (f", with {helpers}" if helpers else ""),
    )
    return _suggestion(lead, amendment.cooperating, "amendment", amendment.item, reason, units)


def _from_boundary(
    category: Category, entry: BoundaryEntry, units: Mapping[str, Department]
) -> Suggestion:
    lead = units[entry.lead]
    helpers = _names(entry.cooperating, units)
    where = f"边界清单第{entry.item_no}项" if entry.item_no else f"边界清单{entry.code}"
    also = f"，{helpers}配合" if helpers else ""
    reason = Words(
        f"{where}：{category.name}由{lead.short_name}牵头{also}",
        f"Boundary list item {entry.item_no or entry.code}: {lead.short_name} leads "
        f"'{category.name}'" + (f", with {helpers}" if helpers else ""),
    )
    return _suggestion(lead, entry.cooperating, "boundary", entry.code, reason, units)


def _divided(category: Category, matter: PowerEntry, units: Mapping[str, Department]) -> Suggestion:
    """The division rule: visible and low-specialism matters go to comprehensive enforcement;
    hidden or specialised ones stay with the line department, which finds them itself."""
    line = units[matter.unit]
    team = units[enforcement_unit(units)]
    if matter.visibility == HIGH and matter.specialism == LOW:
        helpers = (line.code,) if line.code != team.code else ()
        lead = team
    else:
        helpers, lead = (), line
    why = _division_why(matter)
    reason = Words(
        f"职责分工办法：边界清单未列“{category.name}”，权责清单{matter.code}{why.zh}，"
        f"由{lead.short_name}负责",
        f"Division rule: no boundary entry for '{category.name}'; matter {matter.code}: "
        f"{why.en}, so {lead.short_name}",
    )
    return _suggestion(lead, helpers, "division", matter.code, reason, units)


def _division_why(matter: PowerEntry) -> Words:
    """Why the division rule sends the matter where it does, as the power list marks it."""
    if matter.visibility == HIGH and matter.specialism == LOW:
        return Words("违法行为可见性高、专业性低", "visible and low-specialism")
    if matter.visibility == LOW or matter.specialism == HIGH:
        return Words("违法行为隐蔽或专业性强", "hidden or specialised")
    missing = [
        Words(zh, en)
        for value, zh, en in (
            (matter.visibility, "可见性", "visibility"),
            (matter.specialism, "专业性", "specialism"),
        )
        if not value
    ]
    return Words(
        "清单未标明" + "和".join(w.zh for w in missing),
        "the list does not mark its " + " and ".join(w.en for w in missing),
    )


def _suggestion(
    lead: Department,
    cooperating: Sequence[str],
    basis: str,
    matter: str,
    reason: Words,
    units: Mapping[str, Department],
) -> Suggestion:
    route = TIER_ROUTES[lead.tier]
    # only a dispatch to a stationed department carries cooperating units on the case
    helpers = tuple(c for c in cooperating if c in units and c != lead.code)
    return Suggestion(
        route, lead.code, helpers if route == Route.DISPATCH_X else (), basis, matter, reason
    )
