"""Projections of joint-meeting events (联席会议): members, meetings, decisions.

Each handler reads its event alone: numbers, decision ids and agendas travel in the payload,
times come from the event's clock, so a rebuild writes the same rows."""

from __future__ import annotations

import json

from sqlite_utils import Database

from app.core.events import Event


def _json(value: object) -> str:
    # keys sorted: a replayed payload comes back from the log in canonical (sorted) form
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def members_set(db: Database, event: Event) -> None:
    db.conn.execute("DELETE FROM meeting_members")
    db.conn.executemany(
        "INSERT INTO meeting_members (unit, position) VALUES (?, ?)",
        [(unit, position) for position, unit in enumerate(event.payload["units"], 1)],
    )


def scheduled(db: Database, event: Event) -> None:
    p = event.payload
    db.conn.execute(
        "INSERT INTO meetings (id, number, held_on, place, chair, attendees, agenda, "
        "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            event.entity_id,
            p["number"],
            p["held_on"],
            p["place"],
            p["chair"],
            _json(p["attendees"]),
            _json(p["agenda"]),
            event.local_time,
            event.actor_id,
        ],
    )


def agenda_set(db: Database, event: Event) -> None:
    db.conn.execute(
        "UPDATE meetings SET agenda = ? WHERE id = ?",
        [_json(event.payload["agenda"]), event.entity_id],
    )


def minutes_recorded(db: Database, event: Event) -> None:
    p = event.payload
    db.conn.execute(
        "UPDATE meetings SET summary = ?, attendees = ?, minutes_at = ? WHERE id = ?",
        [p["summary"], _json(p["attendees"]), event.local_time, event.entity_id],
    )
    db.conn.executemany(
        "INSERT INTO meeting_decisions (id, meeting_id, position, text, owner, deadline, "
        "dispute_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                d["id"],
                event.entity_id,
                position,
                d["text"],
                d["owner"],
                d["deadline"],
                d.get("dispute_id"),
            )
            for position, d in enumerate(p["decisions"], 1)
        ],
    )


def decision_done(db: Database, event: Event) -> None:
    db.conn.execute(
        "UPDATE meeting_decisions SET done_at = ?, done_by = ?, done_note = ? WHERE id = ?",
        [event.local_time, event.actor_id, event.payload["note"], event.entity_id],
    )
