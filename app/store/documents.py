"""Where a document's issuing event stands in its series (core/documents.py): one count over
the event log's own order index, bounded by the year's start and the event itself, so a
document is numbered without reading the log (which may hold millions of events). Also the
units a meeting's minutes concern, for their distribution."""

from __future__ import annotations

import json

from sqlite_utils import Database

from app.core.case_path.steps import Action, event_type_of
from app.core.clock import china_time, hlc_ms
from app.core.documents import Issue, members_when_held, year_of_hlc, year_start_hlc
from app.core.events import EventType
from app.core.meetings import DISPUTE, Meeting, parse_held_on
from app.core.model import Role
from app.store.projections.cases import context_for

# The events that issue documents.
SUPERVISE_EVENT = event_type_of(Action.SUPERVISE)
CALL_EVENT = event_type_of(Action.CALL)
MINUTES_EVENT = EventType.MEETING_MINUTES_RECORDED

# A range on events_in_order (hlc, device_id, device_seq): from the first event of the year
# up to the issuing event, in the log's order; only that stretch of the index is walked.
SERIES_COUNT = (
    "SELECT count(*) FROM events INDEXED BY events_in_order "
    "WHERE hlc >= :start AND (hlc, device_id, device_seq) <= (:hlc, :device, :seq) "
    "AND type = :type"
)


def issue_of(db: Database, event_id: str) -> Issue:
    """The year, the place in that year's series of its type, and the day of an event."""
    event_type, hlc, device, seq = db.execute(
        "SELECT type, hlc, device_id, device_seq FROM events WHERE id = ?", [event_id]
    ).fetchone()
    year = year_of_hlc(hlc)
    bounds = {"start": year_start_hlc(year), "hlc": hlc, "device": device, "seq": seq}
    (sequence,) = db.execute(SERIES_COUNT, bounds | {"type": event_type}).fetchone()
    return Issue(year, sequence, china_time(hlc_ms(hlc)).date())


def signer_of(db: Database, event_id: str | None) -> tuple[str | None, Role | None]:
    """Who signed an issuing event (its actor) and the role they held when they did."""
    row = db.execute(
        "SELECT actor_id, hlc, device_id, device_seq FROM events WHERE id = ?", [event_id]
    ).fetchone()
    if row is None:
        return None, None
    actor = context_for(db).actor_at(row[0], (row[1], row[2], row[3]))
    return row[0], actor.role if actor else None


def call_event_id(db: Database, case_id: str, call_id: str) -> str | None:
    """The event that made the call ``call_id`` (its payload names the call)."""
    row = db.execute(
        "SELECT id FROM events WHERE entity = 'case' AND entity_id = ? AND type = ? "
        "AND json_extract(payload, '$.call_id') = ? ORDER BY hlc, device_id, device_seq LIMIT 1",
        [case_id, CALL_EVENT, call_id],
    ).fetchone()
    return row[0] if row else None


def minutes_event_id(db: Database, meeting_id: str) -> str | None:
    """The event that recorded a meeting's minutes (the first, should two devices race)."""
    row = db.execute(
        "SELECT id FROM events WHERE entity = 'meeting' AND entity_id = ? AND type = ? "
        "ORDER BY hlc, device_id, device_seq LIMIT 1",
        [meeting_id, MINUTES_EVENT],
    ).fetchone()
    return row[0] if row else None


def units_concerned(db: Database, meeting: Meeting) -> list[str]:
    """The units a meeting's business concerned, in the order met: the unit that disputed
    each dispute on its agenda, the lead and cooperating units of each case on it, and the
    units its decisions name (owner, and the lead and helpers a ruling set)."""
    found: list[str] = []
    for item in meeting.agenda:
        if item.kind == DISPUTE:
            row = db.execute(
                "SELECT d.unit, c.lead_unit, c.cooperating_units FROM disputes d "
                "JOIN cases c ON c.id = d.case_id WHERE d.id = ?",
                [item.ref],
            ).fetchone()
        elif item.ref:
            row = db.execute(
                "SELECT NULL, lead_unit, cooperating_units FROM cases WHERE number = ?",
                [item.ref],
            ).fetchone()
        else:
            row = None
        if row is not None:
            found += [u for u in (row[0], row[1]) if u] + json.loads(row[2] or "[]")
    for decision in meeting.decisions:
        found.append(decision.owner)
        if decision.dispute_id:
            row = db.execute(
                "SELECT lead, cooperating FROM dispute_rulings WHERE dispute_id = ?",
                [decision.dispute_id],
            ).fetchone()
            if row is not None:
                found += [u for u in (row[0],) if u] + json.loads(row[1] or "[]")
    return list(dict.fromkeys(found))


def members_at(db: Database, meeting: Meeting) -> list[str]:
    """The member units when ``meeting`` met (core/documents.py members_when_held), folded
    from the member list's events up to its time; the meeting_members table holds only the
    list as it is now."""
    rows = db.execute(
        "SELECT hlc, payload FROM events WHERE entity = 'meeting_members' "
        "AND entity_id = 'meeting_members' AND type = ? ORDER BY hlc, device_id, device_seq",
        [EventType.MEETING_MEMBERS_SET],
    )
    changes = [(china_time(hlc_ms(hlc)), json.loads(payload)["units"]) for hlc, payload in rows]
    return members_when_held(changes, parse_held_on(meeting.held_on))
