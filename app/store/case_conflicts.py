"""How a case's steps collided in sync (the case_conflicts projection), for its timeline."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class Mark:
    kind: str  # rival / concurrent
    resolved: bool


def conflict_marks(db: Database, case_id: str) -> dict[str, Mark]:
    """Event id -> how it collided, for the timeline."""
    rows = db.execute(
        "SELECT event_id, kind, resolved_by IS NOT NULL FROM case_conflicts WHERE case_id = ?",
        [case_id],
    ).fetchall()
    return {event_id: Mark(kind, bool(resolved)) for event_id, kind, resolved in rows}


def in_conflict(db: Database, case_id: str) -> bool:
    row = db.execute("SELECT conflict FROM cases WHERE id = ?", [case_id]).fetchone()
    return bool(row and row[0])
