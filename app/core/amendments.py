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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.category_split import lineage
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
class Standing:
    """An amendment in force, as an official version is compared with it."""

    id: str  # its list.amended event
    category: str
    lead: str
    cooperating: tuple[str, ...]


def settled_by(
    standing: Sequence[Standing],
    official: Mapping[str, BoundaryEntry],
    split_from: Mapping[str, str],
) -> dict[str, tuple[str, ...]]:
    """Which amendments in force (oldest first) a new official version of the boundary list
    settles, each with the official items that now say what it said.

    ``official``: each category the new version names -> its item that routing reads (the
    first in list order led by a unit of the township); ``split_from``: each category made
    by a split -> the one it came from (core/category_split.py).

    An amendment stands for the categories new cases of it are registered under: its own,
    or, once that was split, the narrower ones (their narrower ones, and so on). Each of
    them reads the official list as routing does: its own item, else, while the list does
    not name it, the item of the category it was split from (and up). The amendment is
    settled when every one of them reads an item with its lead and cooperating units: the
    official list now names the narrower category with that item, or the wider one's item
    says the same. Two things keep it in force: a category that the list leaves to
    nothing, and another amendment in force on the way up (without this one, routing would
    follow that one, not the official item). A narrower category with an amendment of its
    own in force follows that one and is left out; if every narrower one has its own,
    nothing is left to compare and the amendment stays. Settling runs until nothing more
    settles, so a wider category's amendment settled by the same version no longer stands
    in the way."""
    narrower: dict[str, list[str]] = {}
    for code, wider in split_from.items():
        narrower.setdefault(wider, []).append(code)

    def leaves(code: str, seen: frozenset[str] = frozenset()) -> list[str]:
        if code not in narrower or code in seen:
            return [code]
        return [leaf for c in sorted(narrower[code]) for leaf in leaves(c, seen | {code})]

    settled: dict[str, tuple[str, ...]] = {}
    changed = True
    while changed:
        changed = False
        live = {a.category for a in standing if a.id not in settled}
        for amendment in standing:
            if amendment.id in settled:
                continue
            items = _settling_items(
                amendment, leaves(amendment.category), live, official, split_from
            )
            if items:
                settled[amendment.id] = items
                changed = True
    return settled


def _settling_items(
    amendment: Standing,
    categories: Sequence[str],
    live: set[str],
    official: Mapping[str, BoundaryEntry],
    split_from: Mapping[str, str],
) -> tuple[str, ...]:
    """The official items that say what ``amendment`` said for each of ``categories``
    (() when one of them reads otherwise, or nothing)."""
    found: list[str] = []
    for category in categories:
        entry, passed, own = None, False, False
        for code in lineage(category, split_from):
            if code == amendment.category:
                passed = True
            elif code in live:  # routing follows that amendment here, not the list
                if passed:
                    return ()  # a wider category's, in the way
                own = True  # a narrower category's own: it does not follow this one
                break
            if code in official:
                entry = official[code]
                break
        if own:
            continue
        if entry is None or not settles(amendment.lead, amendment.cooperating, entry):
            return ()  # the official list leaves it to nothing, or says otherwise
        if entry.code not in found:
            found.append(entry.code)
    return tuple(found)


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
