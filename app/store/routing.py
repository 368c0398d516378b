"""The lists' suggestion for a case (core/routing.py) read from the database, and how
often clerks routed otherwise, per matter, so the lists can be corrected."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from app.core.category_split import lineage
from app.core.model import Case
from app.core.routing import BoundaryEntry, CaseRuling, PowerEntry, Suggestion, suggest
from app.store.amendments import for_routing, in_force
from app.store.reference import categories, departments, split_from


def suggestion_for(db: Database, case: Case) -> Suggestion | None:
    return _suggestion(db, case.category_code, latest_ruling(db, case.id))


def _suggestion(db: Database, category_code: str, ruling: CaseRuling | None) -> Suggestion | None:
    """A category split from another (core/category_split.py) has the lists of its own
    once they name it, or an amendment of its own; until then, the one's it came from."""
    category = next(c for c in categories(db) if c.code == category_code)
    units = {d.code: d for d in departments(db)}
    codes = lineage(category.code, split_from(db))
    for code in codes:
        boundary, amendment = boundary_entries(db, code), in_force(db, code)
        if boundary or amendment is not None:
            break
    power = next((found for code in codes if (found := power_entries(db, code))), [])
    return suggest(category, boundary, power, units, ruling, for_routing(amendment))


def covering_entries(db: Database, category_code: str) -> list[BoundaryEntry]:
    """The official boundary items that cover a category: its own, or, for a category split
    from another that the list does not name yet, those of the one it came from."""
    for code in lineage(category_code, split_from(db)):
        if found := boundary_entries(db, code):
            return found
    return []


def listed_units(db: Database, category_code: str) -> tuple[str, tuple[str, ...]] | None:
    """Who the lists (the official items with their local amendments in force) say leads a
    case of the category now, and who cooperates; None when they say nothing (only the
    category's default). What a ruling starts from, and what it touches when it differs."""
    found = _suggestion(db, category_code, None)
    return (found.lead, found.cooperating) if found is not None and found.from_lists else None


def listed_lead(db: Database, category_code: str) -> str | None:
    listed = listed_units(db, category_code)
    return listed[0] if listed is not None else None


def boundary_entries(db: Database, category_code: str) -> list[BoundaryEntry]:
    rows = db.execute(
        "SELECT b.code, b.item_no, b.name, b.lead, b.cooperating, b.visibility, b.specialism, "
        "b.categories FROM boundary_items b, json_each(b.categories) c WHERE c.value = ? "
        "ORDER BY CAST(b.item_no AS INTEGER), b.code",
        [category_code],
    ).fetchall()
    return [
        BoundaryEntry(
            code, no, name, lead, tuple(json.loads(co)), vis, spec, tuple(json.loads(cats))
        )
        for code, no, name, lead, co, vis, spec, cats in rows
    ]


def power_entries(db: Database, category_code: str) -> list[PowerEntry]:
    rows = db.execute(
        "SELECT p.code, p.name, p.unit, p.visibility, p.specialism "
        "FROM power_items p, json_each(p.categories) c WHERE c.value = ? ORDER BY p.code",
        [category_code],
    ).fetchall()
    return [PowerEntry(*row) for row in rows]


def latest_ruling(db: Database, case_id: str) -> CaseRuling | None:
    # the decision's event orders rulings: decided_at is only to the second, and one
    # meeting's minutes may decide two disputes about the same case at once
    row = db.execute(
        "SELECT r.dispute_id, r.lead, r.cooperating, r.ruled_at FROM dispute_rulings r "
        "JOIN disputes d ON d.id = r.dispute_id JOIN events e ON e.id = r.decision_event "
        "WHERE d.case_id = ? AND r.decided_at IS NOT NULL AND r.lead IS NOT NULL "
        "ORDER BY e.hlc DESC LIMIT 1",
        [case_id],
    ).fetchone()
    if row is None:
        return None
    return CaseRuling(row[0], row[1], tuple(json.loads(row[2])), row[3] is not None)


@dataclass(frozen=True)
class OverrideCount:
    matter: str  # "" for suggestions from a category default
    name: str
    suggested: int  # triage steps that had a suggestion
    overridden: int
    reasons: list[str]  # the latest few different ones, newest first

    @property
    def share(self) -> float:
        return self.overridden / self.suggested if self.suggested else 0.0


def override_report(db: Database, latest_reasons: int = 3) -> list[OverrideCount]:
    """Per matter: how often triage followed the lists, how often clerks routed otherwise
    and why. Steps kept as rivals in a conflict are left out; most overridden first."""
    rows = db.execute(
        "SELECT json_extract(payload, '$.suggested.matter'), "
        "json_extract(payload, '$.overridden'), json_extract(payload, '$.override_reason') "
        "FROM events WHERE type IN ('case.self_handle', 'case.dispatch', 'case.call') "
        "AND json_extract(payload, '$.suggested') IS NOT NULL "
        "AND id NOT IN (SELECT event_id FROM case_conflicts WHERE kind = 'rival') "
        "ORDER BY hlc DESC"
    ).fetchall()
    counts: dict[str, list[int]] = {}
    reasons: dict[str, list[str]] = {}
    for matter, overridden, reason in rows:
        count = counts.setdefault(matter or "", [0, 0])
        count[0] += 1
        count[1] += int(bool(overridden))
        told = reasons.setdefault(matter or "", [])
        if reason and reason not in told and len(told) < latest_reasons:
            told.append(reason)
    names = dict(db.execute("SELECT code, name FROM power_items").fetchall())
    names |= dict(db.execute("SELECT code, name FROM boundary_items").fetchall())
    names[""] = "（清单未列明的问题类别）"
    report = [
        OverrideCount(matter, names.get(matter, matter), n, overridden, reasons.get(matter, []))
        for matter, (n, overridden) in counts.items()
    ]
    return sorted(report, key=lambda r: (-r.overridden, -r.share, r.matter))
