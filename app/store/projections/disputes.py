"""Projections of the office's dispute events: referrals to a joint meeting and rulings.
They read no case (a rebuild replays them before it folds any case); they build on what
the office's earlier events of the same kind left, which replays in the same order."""

from __future__ import annotations

import json

from sqlite_utils import Database

from app.core.events import Event


def _ruling_row(db: Database, dispute_id: str) -> None:
    db.conn.execute("INSERT OR IGNORE INTO dispute_rulings (dispute_id) VALUES (?)", [dispute_id])


def referred(db: Database, event: Event) -> None:
    _ruling_row(db, event.entity_id)
    db.conn.execute(
        "UPDATE dispute_rulings SET meeting_id = ?, referred_at = ? WHERE dispute_id = ?",
        [event.payload["meeting_id"], event.local_time, event.entity_id],
    )


def decided(db: Database, event: Event) -> None:
    p = event.payload
    _ruling_row(db, event.entity_id)
    db.conn.execute(
        "UPDATE dispute_rulings SET decided_at = ?, decided_by = ?, lead = ?, cooperating = ?, "
        "reasoning = ?, amended_item = ?, decision_event = ?, ruled_at = ?, "
        "meeting_id = coalesce(?, meeting_id) WHERE dispute_id = ?",
        [
            event.local_time,
            event.actor_id,
            p["lead"],
            json.dumps(p["cooperating"]),
            p["reasoning"],
            p.get("amended_item", ""),
            event.id,
            p.get("meeting_id"),
            p.get("meeting_id"),
            event.entity_id,
        ],
    )


def withdrawn(db: Database, event: Event) -> None:
    """Taken back from the meeting it was referred to: open again, the withdrawal kept."""
    _ruling_row(db, event.entity_id)
    db.conn.execute(
        "UPDATE dispute_rulings SET meeting_id = NULL, referred_at = NULL, withdrawn_at = ?, "
        "withdrawn_from = ?, withdrawn_reason = ? WHERE dispute_id = ?",
        [
            event.local_time,
            event.payload.get("meeting_id"),
            event.payload.get("reason", ""),
            event.entity_id,
        ],
    )
