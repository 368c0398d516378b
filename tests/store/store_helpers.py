"""Helpers shared by the store tests: full dumps and projection dumps of a database."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

DEMO_NOW_MS = 1_795_000_000_000  # the demo's "now" (tests/conftest.py): never today

# Tables that are not derived from events: the log itself and local, per-device state.
NOT_PROJECTIONS = {
    "events",
    "device",
    "settings",
    "sign_in_failures",
    "blobs",
    "chain_heads",
    "peer_has",
    "sync_files",
    "quarantine",
    "sqlite_stat1",
}
SEARCHES = ["占", "道", "占道", "噪音", "垃圾", "占道经营", "人行道", "消防通道", "社区", "村"]


def tables(db: Database) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name"
    ).fetchall()
    return [row[0] for row in rows]


def full_dump(db: Database) -> dict[str, Any]:
    """Every row of every table (FTS shadow tables included), the schema and user_version."""
    dump: dict[str, Any] = {
        "user_version": db.execute("PRAGMA user_version").fetchone()[0],
        "schema": db.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall(),
    }
    for table in tables(db):
        dump[table] = sorted(db.execute(f"SELECT * FROM [{table}]").fetchall(), key=repr)
    return dump


def projection_dump(db: Database) -> dict[str, Any]:
    """Every projection table without the local row number ``seq``, plus search results."""
    from app.store.case_list import CaseFilter, CaseSort, case_window

    dump: dict[str, Any] = {}
    for table in tables(db):
        if table in NOT_PROJECTIONS or table.startswith(("cases_search", "lists_search")):
            continue
        columns = [row[1] for row in db.execute(f"PRAGMA table_info([{table}])") if row[1] != "seq"]
        names = ", ".join(f"[{c}]" for c in columns)
        dump[table] = sorted(db.execute(f"SELECT {names} FROM [{table}]").fetchall(), key=repr)
    dump["lists_search"] = sorted(
        db.execute("SELECT kind, item, unigrams, bigrams FROM lists_search").fetchall()
    )
    for query in SEARCHES:
        found = case_window(db, CaseFilter(text=query), CaseSort("number", False), 0, 1_000_000)
        dump[f"search:{query}"] = [case.number for case in found]
    return dump


def all_cases(db: Database) -> list[dict[str, Any]]:
    """Every case with its category name, read with plain SQL (not through case_list)."""
    return list(
        db.query(
            "SELECT c.*, k.name AS category_name, k.parent_code AS category_group "
            "FROM cases c JOIN categories k ON k.code = c.category_code"
        )
    )
