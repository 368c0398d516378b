"""The projection of list events: one list's rows replaced whole (list.replaced), its search
rows, the category -> matter links and the list's next version; single items set; local
amendments kept beside the boundary list (list.amended), and settled by an official version
that says the same (core/amendments.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.core.amendments import settles
from app.core.events import Event
from app.core.lists import ListKind
from app.core.routing import BoundaryEntry
from app.core.text import index_terms

TABLES = {
    ListKind.POWER: "power_items",
    ListKind.DUTIES: "duty_items",
    ListKind.BOUNDARY: "boundary_items",
}


def list_replaced(db: Database, event: Event) -> None:
    """Replace one list's rows with the event's items; the next version of that list."""
    kind = ListKind(event.entity_id)
    items: list[dict[str, Any]] = event.payload["items"]
    run = db.conn.execute
    run(f"DELETE FROM {TABLES[kind]}")
    run("DELETE FROM lists_search WHERE kind = ?", [kind.value])
    if kind == ListKind.BOUNDARY:
        run("DELETE FROM category_matters")
    for position, item in enumerate(items, 1):
        _index(db, kind, _insert_item(db, kind, item, position), item)
    _next_version(db, kind, event, len(items))
    if kind == ListKind.BOUNDARY:
        _settle_amendments(db, event)


def list_item_set(db: Database, event: Event) -> None:
    """Items of the power or boundary list added or replaced (one edit, or one ruling that
    splits an entry): the list's next version, naming the ruling that changed it, if any."""
    kind = ListKind(event.entity_id)
    run = db.conn.execute
    for item in event.payload["items"]:
        code = str(item["code"])
        run(f"DELETE FROM {TABLES[kind]} WHERE code = ?", [code])
        run("DELETE FROM lists_search WHERE kind = ? AND item = ?", [kind.value, code])
        if kind == ListKind.BOUNDARY:
            run("DELETE FROM category_matters WHERE matter_code = ?", [code])
        _insert_item(db, kind, item, 0)
        _index(db, kind, code, item)
    rows = run(f"SELECT count(*) FROM {TABLES[kind]}").fetchone()[0]
    _next_version(db, kind, event, rows)
    if kind == ListKind.BOUNDARY and "decision" not in event.payload:  # an official edit
        _settle_amendments(db, event)


def list_amended(db: Database, event: Event) -> None:
    """A local amendment beside the boundary list: the official rows stay as they are."""
    p = event.payload
    db.conn.execute(
        "INSERT INTO list_amendments (event_id, hlc, amended_at, actor_id, item, official, "
        "item_no, item_name, official_lead, official_cooperating, category_code, "
        "category_name, lead, cooperating, reason, case_id, case_number, dispute_id, "
        "meeting_id, decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)",
        [
            event.id,
            event.hlc,
            event.local_time,
            event.actor_id,
            p["item"],
            int(bool(p["official"])),
            p.get("item_no", ""),
            p.get("item_name", ""),
            p.get("official_lead", ""),
            json.dumps(p.get("official_cooperating", [])),
            p["category"],
            p.get("category_name", ""),
            p["lead"],
            json.dumps(p.get("cooperating", [])),
            p.get("reason", ""),
            p.get("case_id"),
            p.get("case_number", ""),
            p.get("dispute_id"),
            p.get("meeting_id"),
            p.get("decision_id"),
        ],
    )


def _settle_amendments(db: Database, event: Event) -> None:
    """Amendments in force that the boundary list's new official version now agrees with
    end with it (the version that settled them); the others stay in force. Events written
    since split categories are read as a whole carry the amendments they settle."""
    run = db.conn.execute
    version = run("SELECT max(version) FROM list_versions WHERE kind = 'boundary'").fetchone()[0]
    if "settles" in event.payload:  # decided when written (store/amendments.py settling)
        for event_id in sorted(event.payload["settles"]):
            run(
                "UPDATE list_amendments SET settled_version = ?, settled_at = ? "
                "WHERE event_id = ? AND settled_version IS NULL",
                [version, event.local_time, event_id],
            )
        return
    # older events: settled where the item of the amendment's exact category says the same
    live = run(
        "SELECT event_id, category_code, lead, cooperating FROM list_amendments "
        "WHERE settled_version IS NULL"
    ).fetchall()
    for event_id, category, lead, cooperating in live:
        row = run(
            "SELECT b.code, b.item_no, b.name, b.lead, b.cooperating FROM boundary_items b, "
            "json_each(b.categories) c WHERE c.value = ? AND b.lead IN "
            "(SELECT code FROM departments) ORDER BY CAST(b.item_no AS INTEGER), b.code LIMIT 1",
            [category],
        ).fetchone()
        entry = None
        if row is not None:
            entry = BoundaryEntry(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])))
        if settles(lead, json.loads(cooperating), entry):
            run(
                "UPDATE list_amendments SET settled_version = ?, settled_at = ? WHERE event_id = ?",
                [version, event.local_time, event_id],
            )


def _index(db: Database, kind: ListKind, key: str, item: dict[str, Any]) -> None:
    texts = (item[k] for k in sorted(item) if isinstance(item[k], str))  # same as rebuilt
    terms = index_terms(*texts)
    db.conn.execute(
        "INSERT INTO lists_search (kind, item, unigrams, bigrams) VALUES (?, ?, ?, ?)",
        [kind.value, key, terms.unigrams, terms.bigrams],
    )


def _next_version(db: Database, kind: ListKind, event: Event, rows: int) -> None:
    run = db.conn.execute
    version = run("SELECT count(*) FROM list_versions WHERE kind = ?", [kind.value]).fetchone()[0]
    run(
        "INSERT INTO list_versions (kind, version, event_id, changed_at, actor_id, source, rows, "
        "decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            kind.value,
            version + 1,
            event.id,
            event.local_time,
            event.actor_id,
            event.payload.get("source", ""),
            rows,
            event.payload.get("decision"),
        ],
    )


def _insert_item(db: Database, kind: ListKind, item: dict[str, Any], position: int) -> str:
    run = db.conn.execute
    text = {k: (v if isinstance(v, str) else "") for k, v in item.items()}
    if kind == ListKind.POWER:
        run(
            "INSERT INTO power_items (code, name, kind, legal_basis, level, unit, duties, "
            "accountability, visibility, specialism, categories) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [text.get(k, "") for k in ("code", "name", "kind", "legal_basis", "level")]
            + [item["unit"]]
            + [text.get(k, "") for k in ("duties", "accountability", "visibility", "specialism")]
            + [json.dumps(item.get("categories", []))],
        )
        return str(item["code"])
    if kind == ListKind.DUTIES:
        run(
            "INSERT INTO duty_items (position, unit, section, post, duties, matter) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [position, item["unit"]]
            + [text.get(k, "") for k in ("section", "post", "duties")]
            + [text.get("matter", "")],
        )
        return str(position)
    run(
        "INSERT INTO boundary_items (code, item_no, name, lead, cooperating, lead_duty, "
        "cooperating_duty, visibility, specialism, categories, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            text.get("code", ""),
            text.get("item_no", ""),
            text.get("name", ""),
            item["lead"],
            json.dumps(item.get("cooperating", [])),
            text.get("lead_duty", ""),
            text.get("cooperating_duty", ""),
            text.get("visibility", ""),
            text.get("specialism", ""),
            json.dumps(item.get("categories", [])),
            text.get("notes", ""),
        ],
    )
    for category in item.get("categories", []):
        run(
            "INSERT OR IGNORE INTO category_matters (category_code, matter_code) VALUES (?, ?)",
            [category, item["code"]],
        )
    return str(item["code"])
