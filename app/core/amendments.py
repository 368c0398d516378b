"""Local amendments of the duty boundary list (本镇修订, DOMAIN.md §5 and §8).

The three lists belong to the district: the establishment office (编办) issues them and only
an official import (``list.replaced``) changes them. When the township's ruling on a duty
dispute, or its joint meeting's decision, changes who leads a matter, it records a local
amendment beside the official item (``list.amended``): routing follows the amendment at
once, the change proposal (修订建议) sends it to the establishment office, and a later
official import that says the same settles it (the amendment ends).

Legacy: before schema 12 a ruling rewrote the boundary item itself (a ``list.item_set``
event naming the decision). Those events keep that meaning: they fold into the township's
copy of the list as before, so routing after them is what it was; they are not amendments
(they name no category of their own, and the item they wrote already reads as ruled)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.disputes import CheckedRuling, Dispute
from app.core.routing import BoundaryEntry


@dataclass(frozen=True)
class Amendment:
    """One local amendment as recorded: the official item beside which it stands (or the
    code proposed for a new item), and who leads the category's cases now."""

    id: str  # the list.amended event
    amended_at: str
    actor: str  # who recorded it (a name)
    item: str
    official: bool  # the official list has the item
    item_no: str
    item_name: str
    official_lead: str
    official_cooperating: tuple[str, ...]
    category_code: str
    category_name: str
    lead: str
    cooperating: tuple[str, ...]
    reason: str
    case_number: str
    dispute_id: str | None
    meeting_id: str | None
    settled_version: int | None = None  # the official version that settled it

    @property
    def settled(self) -> bool:
        return self.settled_version is not None

    @property
    def by_meeting(self) -> bool:
        return bool(self.meeting_id)


def amendment_payload(
    dispute: Dispute,
    ruling: CheckedRuling,
    entry: BoundaryEntry | None,
    proposed_code: str,
    meeting_id: str | None,
    decision_id: str | None,
) -> dict[str, Any]:
    """What a ruling's ``list.amended`` event records: the official ``entry`` that covers
    the disputed category (None: the official list has none, and ``proposed_code`` names
    the item proposed), the new lead and cooperating units, and the case, dispute and
    meeting behind it, so the amendment reads whole without the case."""
    return {
        "item": entry.code if entry else proposed_code,
        "official": entry is not None,
        "item_no": entry.item_no if entry else "",
        "item_name": entry.name if entry else dispute.category_name,
        "official_lead": entry.lead if entry else "",
        "official_cooperating": list(entry.cooperating) if entry else [],
        "category": dispute.category_code,
        "category_name": dispute.category_name,
        "lead": ruling.lead,
        "cooperating": list(ruling.cooperating),
        "reason": ruling.reasoning,
        "case_id": dispute.case_id,
        "case_number": dispute.case_number,
        "dispute_id": dispute.id,
        "meeting_id": meeting_id,
        "decision_id": decision_id,
    }


def settles(lead: str, cooperating: Sequence[str], entry: BoundaryEntry | None) -> bool:
    """Whether an official item now says what the amendment said: the same lead and the
    same cooperating units (in any order)."""
    return (
        entry is not None
        and entry.lead == lead
        and set(entry.cooperating) - {lead} == set(cooperating) - {lead}
    )


@dataclass(frozen=True)
class ProposedChange:
    """One row of the change proposal (修订建议) to the establishment office: a category's
    latest amendment in force, with every amendment of it in force behind it (the cases
    and disputes, oldest first)."""

    latest: Amendment
    behind: tuple[Amendment, ...]


def proposed_changes(in_force: Sequence[Amendment]) -> list[ProposedChange]:
    """One change per category, in the order of the list's items (official items by their
    number, then the items proposed): what the latest amendment says, since it is what
    routing follows; the earlier ones of the same category add their cases."""
    by_category: dict[str, list[Amendment]] = {}
    for amendment in in_force:
        by_category.setdefault(amendment.category_code, []).append(amendment)
    changes = [ProposedChange(found[-1], tuple(found)) for found in by_category.values()]
    return sorted(changes, key=_list_order)


def _list_order(change: ProposedChange) -> tuple[int, int, str, str]:
    latest = change.latest
    number = int(latest.item_no) if latest.item_no.isdigit() else 0
    return (0 if latest.official else 1, number, latest.item, latest.category_code)
