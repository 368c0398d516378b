"""Local amendments of the boundary list (本镇修订, core/amendments.py) in the database:
writing one for a ruling, the one in force for a category (routing), and all of them (the
lists page, the change proposal)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from app.core.amendments import Amendment, Standing, amendment_payload, settled_by
from app.core.category_split import lineage
from app.core.disputes import CheckedRuling, Dispute
from app.core.events import EventType
from app.core.lists import ListKind
from app.core.model import User
from app.core.routing import BoundaryEntry, LocalAmendment
from app.store.eventlog import EventWriter
from app.store.reference import departments, split_from, township


def official_entry(db: Database, category_code: str) -> BoundaryEntry | None:
    """The boundary item that covers the category, as routing reads it (the first in list
    order whose lead is a department of the township)."""
    row = db.execute(
        "SELECT b.code, b.item_no, b.name, b.lead, b.cooperating, b.visibility, b.specialism, "
        "b.categories FROM boundary_items b, json_each(b.categories) c "
        "WHERE c.value = ? AND b.lead IN (SELECT code FROM departments) "
        "ORDER BY CAST(b.item_no AS INTEGER), b.code LIMIT 1",
        [category_code],
    ).fetchone()
    if row is None:
        return None
    code, no, name, lead, co, vis, spec, cats = row
    return BoundaryEntry(
        code, no, name, lead, tuple(json.loads(co)), vis, spec, tuple(json.loads(cats))
    )


def append_amendment(
    db: Database,
    writer: EventWriter,
    user: User,
    dispute: Dispute,
    ruling: CheckedRuling,
    meeting_id: str | None,
    decision_id: str | None,
) -> str:
    """The ruling's local amendment inside an open transaction; returns the item it stands
    beside (the code proposed for a new item when the official list has none)."""
    # a category split from another is covered by the official item of the one it came
    # from until the official list names it (core/category_split.py)
    codes = lineage(dispute.category_code, split_from(db))
    entry = next((e for code in codes if (e := official_entry(db, code)) is not None), None)
    proposed = f"{township(db).code}-BJ-{dispute.category_code}"
    payload = amendment_payload(dispute, ruling, entry, proposed, meeting_id, decision_id)
    writer.append(user.id, "list", ListKind.BOUNDARY.value, EventType.LIST_AMENDED, payload)
    return str(payload["item"])


_SELECT = """
    SELECT a.event_id, a.amended_at, coalesce(u.name, ''), a.item, a.official, a.item_no,
           a.item_name, a.official_lead, a.official_cooperating, a.category_code,
           a.category_name, a.lead, a.cooperating, a.reason, a.case_number, a.dispute_id,
           a.meeting_id, a.settled_version
    FROM list_amendments a LEFT JOIN users u ON u.id = a.actor_id
"""


def _amendment(row: Sequence[Any]) -> Amendment:
    values = list(row)
    values[4] = bool(values[4])
    values[8], values[12] = tuple(json.loads(values[8])), tuple(json.loads(values[12]))
    return Amendment(*values)


def amendments(db: Database, in_force_only: bool = False) -> list[Amendment]:
    """Oldest first; ``in_force_only``: those no official version has settled."""
    where = " WHERE a.settled_version IS NULL" if in_force_only else ""
    return [_amendment(r) for r in db.execute(_SELECT + where + " ORDER BY a.hlc, a.event_id")]


def in_force(db: Database, category_code: str) -> Amendment | None:
    """The category's latest amendment that no official version has settled."""
    row = db.execute(
        _SELECT + " WHERE a.category_code = ? AND a.settled_version IS NULL "
        "ORDER BY a.hlc DESC, a.event_id DESC LIMIT 1",
        [category_code],
    ).fetchone()
    return _amendment(row) if row else None


def for_routing(amendment: Amendment | None) -> LocalAmendment | None:
    if amendment is None:
        return None
    return LocalAmendment(
        amendment.item,
        amendment.item_no,
        amendment.official,
        amendment.lead,
        amendment.cooperating,
        amendment.case_number,
        amendment.by_meeting,
    )


def amended_items(db: Database) -> set[str]:
    """The official items with an amendment in force (the lists page marks them 本镇修订)."""
    rows = db.execute("SELECT DISTINCT item FROM list_amendments WHERE settled_version IS NULL")
    return {row[0] for row in rows}


def settling(db: Database, items: Sequence[Mapping[str, Any]], whole: bool) -> dict[str, list[str]]:
    """The amendments in force that an official change of the boundary list settles (the
    rule: core/amendments.py settled_by), each with the official items that now say what it
    said. ``items``: the new version's items (``whole``), or the items set into the current
    version. Decided when the change is written and kept in its event (``settles``), so
    the event folds the same whatever splits or amendments come later."""
    entries: dict[str, BoundaryEntry] = {}
    if not whole:
        for code, no, name, lead, co, cats in db.execute(
            "SELECT code, item_no, name, lead, cooperating, categories FROM boundary_items"
        ):
            entries[code] = BoundaryEntry(
                code, no, name, lead, tuple(json.loads(co)), categories=tuple(json.loads(cats))
            )
    for item in items:
        code = str(item["code"])
        entries[code] = BoundaryEntry(
            code,
            str(item.get("item_no", "")),
            str(item.get("name", "")),
            str(item["lead"]),
            tuple(item.get("cooperating", [])),
            categories=tuple(item.get("categories", [])),
        )
    units = {d.code for d in departments(db)}
    official: dict[str, BoundaryEntry] = {}
    for entry in sorted(entries.values(), key=_list_order):  # as routing reads the list
        if entry.lead in units:
            for category in entry.categories:
                official.setdefault(category, entry)
    standing = [
        Standing(event_id, category, lead, tuple(json.loads(cooperating)))
        for event_id, category, lead, cooperating in db.execute(
            "SELECT event_id, category_code, lead, cooperating FROM list_amendments "
            "WHERE settled_version IS NULL ORDER BY hlc, event_id"
        )
    ]
    found = settled_by(standing, official, split_from(db))
    return {event_id: list(codes) for event_id, codes in found.items()}


def _list_order(entry: BoundaryEntry) -> tuple[int, str]:
    """SQLite's CAST(item_no AS INTEGER), b.code: leading digits, else 0."""
    digits = len(entry.item_no) - len(entry.item_no.lstrip("0123456789"))
    return (int(entry.item_no[:digits]) if digits else 0, entry.code)
