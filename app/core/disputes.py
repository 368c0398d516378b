"""Duty disputes (职责争议, DOMAIN.md §4-5): a unit returned a case as not its duty. The
office rules on it from the boundary list, or sends it to a joint meeting; a ruling that
changes who leads such cases amends the boundary list. These are the rules; the store reads
the facts and writes the events."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.errors import DomainError

OPEN, REFERRED, DECIDED = "open", "referred", "decided"
STATUS_NAMES = {OPEN: "待裁定", REFERRED: "已提交联席会议", DECIDED: "已裁定"}


@dataclass(frozen=True)
class Dispute:
    id: str
    case_id: str
    case_number: str
    category_code: str
    category_name: str
    unit: str  # the unit that says it is not its duty
    reasons: str
    cited: list[str]
    opened_at: str
    meeting_id: str | None
    decided_at: str | None
    lead: str | None
    cooperating: list[str]
    reasoning: str
    amended_item: str
    ruled_at: str | None = None  # the meeting whose decision settled it (None: the office)

    @property
    def status(self) -> str:
        if self.decided_at:
            return DECIDED
        return REFERRED if self.meeting_id else OPEN


@dataclass(frozen=True)
class Ruling:
    """What the office (or a joint meeting) decided about a dispute."""

    lead: str
    cooperating: tuple[str, ...] = ()
    reasoning: str = ""
    amend_list: bool = False  # the boundary list changes for every such case
    meeting_id: str | None = None
    decision_id: str | None = None  # the meeting decision (决议) it comes from


def check_undecided(dispute: Dispute) -> Dispute:
    """A dispute is ruled on, or referred, once: while it still waits for a ruling."""
    if dispute.decided_at:
        raise DomainError("dispute_already_decided", value=dispute.decided_at)
    return dispute


def check_referable(meeting_number: int, held: bool) -> None:
    """A dispute goes on the agenda of a meeting not yet held (no minutes yet)."""
    if held:
        raise DomainError("meeting_already_held", value=meeting_number)


@dataclass(frozen=True)
class CheckedRuling:
    lead: str
    cooperating: tuple[str, ...]  # sorted, without the lead
    reasoning: str


def check_ruling(ruling: Ruling, units: Collection[str]) -> CheckedRuling:
    """A ruling names a lead unit of the township, known cooperating units (written like
    the lead: " scjg" is 市场监管所 too) and its reasoning."""
    lead = ruling.lead.strip().upper()
    if lead not in units:
        raise DomainError("dispute_lead_missing" if not lead else "department_unknown", value=lead)
    helpers = {code.strip().upper() for code in ruling.cooperating if code.strip()}
    for code in sorted(helpers):
        if code not in units:
            raise DomainError("department_unknown", value=code)
    if not ruling.reasoning.strip():
        raise DomainError("dispute_reasoning_missing")
    return CheckedRuling(lead, tuple(sorted(helpers - {lead})), ruling.reasoning.strip())


@dataclass(frozen=True)
class Amendment:
    """How a ruling changes the boundary list: the items to set (one list version)."""

    items: list[dict[str, Any]]
    code: str  # the entry that now covers the disputed category
    source: str  # the version's source, 职责争议裁定（QS-…）


def amend_boundary(
    dispute: Dispute,
    ruling: CheckedRuling,
    by_meeting: bool,
    entry: Mapping[str, Any] | None,
    new_entry: Mapping[str, Any],
) -> Amendment:
    """The case's category gets the ruling's lead in the boundary list: its ``entry``
    changes, or, when the entry covers other categories too, the category moves to an entry
    of its own (the others keep their lead); with no entry at all, the ruling adds one.
    ``new_entry``: a fresh item for the category (its code and number the store gave)."""
    category = dispute.category_code
    items: list[dict[str, Any]] = []
    if entry is None:
        ruled = dict(new_entry)
    elif entry["categories"] == [category]:
        ruled = dict(entry)
    else:
        items.append(
            dict(entry) | {"categories": [c for c in entry["categories"] if c != category]}
        )
        ruled = dict(new_entry) | {"code": f"{entry['code']}-{category}"}
        ruled |= {k: entry[k] for k in ("lead_duty", "cooperating_duty", "visibility")}
        ruled |= {
            "specialism": entry["specialism"],
            "name": f"{entry['name']}（{dispute.category_name}）",
        }
    note = f"职责争议裁定（案件{dispute.case_number}）：{ruling.reasoning}"
    notes = f"{ruled['notes']}；{note}" if ruled.get("notes") else note
    cooperating = list(ruling.cooperating)
    items.append(ruled | {"lead": ruling.lead, "cooperating": cooperating, "notes": notes})
    source = "联席会议决议" if by_meeting else "职责争议裁定"
    return Amendment(items, str(ruled["code"]), f"{source}（{dispute.case_number}）")
