"""Write case projections worked out by core/case_path/projection.py: a whole case at a time,
from all its events, so the result never depends on the order they arrived in."""

from __future__ import annotations

import json
import operator
from collections.abc import Container, Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from app.core.case_path.context import CategoryLimits, Context, EventKey
from app.core.case_path.projection import CaseRows, project_case
from app.core.case_path.steps import Actor
from app.core.events import Event, EventType
from app.core.model import ResponseCommitment, Role
from app.core.step_limits import StepLimits
from app.store.event_rows import EVENT_COLUMNS, row_to_event
from app.store.grid_terms import note_terms
from app.store.projections.rollup import (
    Sums,
    add_difference,
    new_facts,
    stored_facts,
    write_sums,
)
from app.store.values_kept import refolded
from app.store.work_calendar import work_calendar

SIDE_TABLES = (
    "custody",
    "case_conflicts",
    "case_pauses",
    "calls",
    "assignments",
    "case_evidence",
    "disputes",
    "transfers",
    "police_requests",
    "case_parties",
    "case_facts",
    "handling_facts",
    "call_facts",
)
_REGISTRATION = (
    "id",
    "number",
    "source",
    "category_code",
    "grid_code",
    "description",
    "address",
    "urgency",
    "first_receiver_unit",
    "first_receiver_user_id",
    "reporter_name",
    "reporter_phone",
    "reporter_ref",
    "latitude",
    "longitude",
    "received_at",
)
_MUTABLE = (
    "status",
    "updated_at",
    "last_event_id",
    "route",
    "lead_unit",
    "cooperating_units",
    "assigned_at",
    "signed_at",
    "finished_at",
    "handling_since",
    "merged_into",
    "extension_requested",
    "extension_days",
    "park_requested_until",
    "parked_until",
    "verified",
    "rework_count",
    "supervision_count",
    "call_id",
    "call_status",
    "conflict",
    "sign_due_at",
    "handle_due_at",
    "step_clock",
    "step_due_at",
)


def context_for(db: Database) -> Context:
    """The reference data a fold needs, read again only when it may have changed: after a
    reference event here (``forget_context``) or a commit by another connection."""
    version = db.conn.execute("PRAGMA data_version").fetchone()[0]
    cached = getattr(db, "_case_context", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    ctx = load_context(db)
    db._case_context = (version, ctx)  # type: ignore[attr-defined]
    return ctx


def forget_context(db: Database) -> None:
    db._case_context = None  # type: ignore[attr-defined]


def load_context(db: Database) -> Context:
    run = db.conn.execute
    return Context(
        actors={
            user: Actor(user, Role(role), unit)
            for user, role, unit in run("SELECT id, role, department_code FROM users")
        },
        sign_days=dict(run("SELECT code, sign_days FROM categories").fetchall()),
        limit_days=dict(run("SELECT code, limit_days FROM categories").fetchall()),
        limit_hours=dict(run("SELECT code, limit_hours FROM categories").fetchall()),
        step_limits={
            code: StepLimits(*limits)
            for code, *limits in run(
                "SELECT code, triage_days, verify_days, close_days FROM category_step_limits"
            )
        },
        actor_changes=_actor_changes(db),
        limit_changes=_limit_changes(db),
        commitment_changes=_commitment_changes(db),
        call_handle_days=dict(run("SELECT code, handle_days FROM departments").fetchall()),
        call_commitments={
            code: ResponseCommitment(ack, arrive, days)
            for code, ack, arrive, days in run(
                "SELECT code, ack_minutes, arrive_minutes, handle_days FROM departments "
                "WHERE ack_minutes IS NOT NULL"
            )
        },
        calendar=work_calendar(db),
        device_codes=dict(run("SELECT id, code FROM devices UNION SELECT id, code FROM device")),
    )


def _actor_changes(db: Database) -> dict[str, list[tuple[EventKey, Actor]]]:
    """Role and unit of every user whose record was ever changed, as each event set them
    (one index walk over the users' events; users never changed are not listed)."""
    changed = {
        user
        for (user,) in db.conn.execute(
            "SELECT DISTINCT entity_id FROM events WHERE entity = 'user' AND type = ?",
            [EventType.USER_SET],
        )
    }
    history: dict[str, list[tuple[EventKey, Actor]]] = {}
    if not changed:
        return history
    rows = db.conn.execute(
        "SELECT entity_id, hlc, device_id, device_seq, payload FROM events "
        "WHERE entity = 'user' AND type IN (?, ?) ORDER BY hlc, device_id, device_seq",
        [EventType.USER_ADDED, EventType.USER_SET],
    )
    for user, hlc, device, seq, payload in rows:
        if user in changed:
            p = json.loads(payload)
            actor = Actor(user, Role(p["role"]), p["department_code"])
            history.setdefault(user, []).append(((hlc, device, seq), actor))
    return history


def _changed_history(db: Database, entity: str, types: tuple[str, ...]) -> list[tuple]:
    """(code, key, payload) of every event of these types for the codes set more than once,
    in the merged order: the history a fold needs to judge a step by the values then."""
    marks = ",".join("?" for _ in types)
    rows = db.conn.execute(
        f"SELECT entity_id, hlc, device_id, device_seq, payload FROM events "
        f"WHERE entity = ? AND type IN ({marks}) AND entity_id IN ("
        f"  SELECT entity_id FROM events WHERE entity = ? AND type IN ({marks}) "
        f"  GROUP BY entity_id HAVING count(*) > 1) "
        f"ORDER BY hlc, device_id, device_seq",
        [entity, *types, entity, *types],
    )
    return [(code, (hlc, device, seq), json.loads(p)) for code, hlc, device, seq, p in rows]


def _limit_changes(db: Database) -> dict[str, list[tuple[EventKey, CategoryLimits]]]:
    history: dict[str, list[tuple[EventKey, CategoryLimits]]] = {}
    types = (EventType.CATEGORY_ADDED, EventType.CATEGORY_SET)
    for code, key, p in _changed_history(db, "category", types):
        limits = (p.get("sign_days"), p.get("limit_days"), p.get("limit_hours"))
        history.setdefault(code, []).append((key, limits))
    return history


def _commitment_changes(
    db: Database,
) -> dict[str, list[tuple[EventKey, ResponseCommitment | None]]]:
    history: dict[str, list[tuple[EventKey, ResponseCommitment | None]]] = {}
    types = (EventType.DEPARTMENT_ADDED, EventType.DEPARTMENT_RESPONSE_SET)
    for code, key, p in _changed_history(db, "department", types):
        r = p.get("response", p) or {}
        commitment = (
            ResponseCommitment(r["acknowledge_minutes"], r["arrive_minutes"], r["handle_days"])
            if r.get("acknowledge_minutes") is not None
            else None
        )
        history.setdefault(code, []).append((key, commitment))
    return history


def events_of_cases(db: Database, case_ids: Iterable[str]) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = {}
    ids = list(case_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        rows = db.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE entity = 'case' AND entity_id IN ({marks})",
            chunk,
        )
        for row in rows:
            event = row_to_event(row)
            found.setdefault(event.entity_id, []).append(event)
    return found


def refold_cases(
    db: Database,
    case_ids: Iterable[str],
    known: dict[str, list[Event]] | None = None,
    sums: Sums | None = None,
    folded: Mapping[str, CaseRows | None] | None = None,
    summed: Container[str] = frozenset(),
    named: bool = False,
) -> int:
    """Work out each case again from all its events and write it. Returns cases written.

    ``named``: the cases are those named by the events being applied (a step, an import's
    cases), which the values kept in memory follow from the event log; other cases folded
    again (by a setting: a category's time limits, the calendar) let those go
    (``values_kept.refolded``), in this transaction.

    ``known``: cases new to this database whose events are all at hand (an import).
    ``sums``: where the change to the daily sums is added up, for the caller to write
    (``write_sums``) once it has folded every chunk; without it, written here.
    ``folded``: the projections of these cases, already worked out from the same events
    and context (``fold_beside``), perhaps worked out as they are asked for. ``summed``:
    new cases whose sums the caller adds up itself (those the fold beside sent with
    theirs)."""
    ids = list(dict.fromkeys(case_ids))
    if folded is None:
        folded = _folded(db, ids, known or {})
    # in the order asked for: new cases are numbered (seq) in it
    projected = [rows for rows in map(folded.get, ids) if rows]
    existing = existing_cases(db, [rows.case["id"] for rows in projected])
    new = [rows for rows in projected if rows.case["id"] not in existing]
    old = [rows for rows in projected if rows.case["id"] in existing]
    change: Sums = {} if sums is None else sums
    _insert_new(db, new, change, summed)
    _update_old(db, old, change)
    if old and not named:
        refolded(db)
    if sums is None:
        write_sums(db, change)
    return len(projected)


def _folded(
    db: Database, case_ids: list[str], known: dict[str, list[Event]]
) -> dict[str, CaseRows | None]:
    ctx = context_for(db)
    by_case = events_of_cases(db, [c for c in case_ids if c not in known]) | known
    return {case_id: project_case(events, ctx) for case_id, events in by_case.items()}


STATISTICS_SCHEMA = 8  # db/0008_statistics.sql: the facts of every case to work out
STEP_CLOCKS_SCHEMA = 10  # db/0010_step_clocks.sql: the office-step clocks of every case


def refold_all_cases(db: Database) -> int:
    """Every case worked out again (after a migration that adds to the projection)."""
    ids = [case_id for (case_id,) in db.conn.execute("SELECT id FROM cases ORDER BY seq")]
    return sum(refold_cases(db, ids[start : start + 2000]) for start in range(0, len(ids), 2000))


def existing_cases(db: Database, case_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        found |= {
            r[0] for r in db.conn.execute(f"SELECT id FROM cases WHERE id IN ({marks})", chunk)
        }
    return found


def _case_values(rows: CaseRows, columns: tuple[str, ...]) -> list[Any]:
    case = rows.case
    return [json.dumps(case[c]) if c == "cooperating_units" else case[c] for c in columns]


def _insert_new(
    db: Database, cases: list[CaseRows], sums: Sums, summed: Container[str] = frozenset()
) -> None:
    if not cases:
        return
    columns = _REGISTRATION + _MUTABLE
    marks = ",".join("?" for _ in columns)
    db.conn.executemany(
        f"INSERT INTO cases ({', '.join(columns)}) VALUES ({marks})",
        [_case_values(rows, columns) for rows in cases],
    )
    _index_for_search(db, cases)
    _insert_side_rows(db, cases)
    facts = (r.facts for r in cases if r.facts and r.case["id"] not in summed)
    add_difference(sums, {}, new_facts(facts))


def _index_for_search(db: Database, cases: list[CaseRows]) -> None:
    seqs = dict(
        db.conn.execute(
            "SELECT id, seq FROM cases WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps([rows.case["id"] for rows in cases])],
        ).fetchall()
    )
    values = [(seqs[r.case["id"]], r.search.unigrams, r.search.bigrams) for r in cases]
    db.conn.executemany(
        "INSERT INTO cases_search (rowid, unigrams, bigrams) VALUES (?, ?, ?)", values
    )
    note_terms(db, [(r.case["grid_code"], r.search) for r in cases])


def _update_old(db: Database, cases: list[CaseRows], sums: Sums) -> None:
    if not cases:
        return
    assignments = ", ".join(f"{c} = ?" for c in _MUTABLE)
    db.conn.executemany(
        f"UPDATE cases SET {assignments} WHERE id = ?",
        [[*_case_values(rows, _MUTABLE), rows.case["id"]] for rows in cases],
    )
    before = stored_facts(db, [rows.case["id"] for rows in cases])
    ids = json.dumps([rows.case["id"] for rows in cases])
    for table in SIDE_TABLES:
        db.conn.execute(
            f"DELETE FROM {table} WHERE case_id IN (SELECT value FROM json_each(?))", [ids]
        )
    _insert_side_rows(db, cases)
    add_difference(sums, before, new_facts(rows.facts for rows in cases if rows.facts))


def _insert_side_rows(db: Database, cases: list[CaseRows]) -> None:
    def put(table: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            columns = list(rows[0])
            marks = ",".join("?" for _ in columns)
            one = columns[0]
            # itemgetter of two or more columns gives the row's tuple, at C speed
            values = (
                map(operator.itemgetter(*columns), rows)
                if len(columns) > 1
                else ([row[one]] for row in rows)
            )
            db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
            )

    def of(rows: CaseRows, items: Iterable[dict[str, Any]], **extra: Any) -> list[dict[str, Any]]:
        return [{"case_id": rows.case["id"], **item, **extra} for item in items]

    put("assignments", [r for rows in cases for r in of(rows, rows.assignments)])
    put("calls", [r for rows in cases for r in of(rows, rows.calls)])
    put("case_pauses", [r for rows in cases for r in of(rows, rows.pauses)])
    put("case_evidence", [r for rows in cases for r in of(rows, rows.evidence.values())])
    put("custody", [r for rows in cases for r in of(rows, rows.custody, kind="captured")])
    put("case_conflicts", [r for rows in cases for r in of(rows, rows.conflicts)])
    put("disputes", [r for rows in cases for r in of(rows, rows.disputes)])
    put("transfers", [r for rows in cases for r in of(rows, rows.transfers)])
    put("police_requests", [r for rows in cases for r in of(rows, rows.police_requests)])
    put("case_parties", [r for rows in cases for r in of(rows, rows.parties)])
    facts = [rows.facts for rows in cases if rows.facts is not None]
    put("case_facts", [f.case for f in facts])
    put("handling_facts", [{"case_id": f.case["case_id"], **h} for f in facts for h in f.handling])
    put("call_facts", [{"case_id": f.case["case_id"], **c} for f in facts for c in f.calls])
