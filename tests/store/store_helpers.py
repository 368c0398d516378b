"""Helpers shared by the store tests: full dumps and projection dumps of a database."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Collection
from typing import Any

from sqlite_utils import Database

from tests.clock import DEMO_NOW_MS, frozen  # noqa: F401 - the demo's present, for the store tests

# Tables that are not derived from events: the log itself and local, per-device state.
NOT_PROJECTIONS = {
    "events",
    "secrets",  # primary data held by ref, different on each device (app/core/secrets.py)
    "device",
    "settings",
    "sign_in_failures",
    "blobs",
    "chain_heads",
    "peer_has",
    "sync_files",
    "quarantine",
    "sqlite_stat1",
    # beside the search index, read in on idle after an upgrade: tests/store/test_grid_terms.py
    "grid_search_terms",
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


def pending_for(db: Database, lead: str) -> list[str]:
    """Numbers of the cases waiting for triage that the three lists send to ``lead``, so a
    test can route one there as suggested (no override reason needed). Fresh ones only: a
    case the demo returned or sent back already has a history of its own."""
    from app.store.cases import case_by_id
    from app.store.routing import suggestion_for

    rows = db.execute(
        "SELECT id, number FROM cases WHERE status = 'pending_triage' "
        "AND id NOT IN (SELECT case_id FROM assignments UNION SELECT case_id FROM transfers) "
        "ORDER BY number"
    ).fetchall()
    found = []
    for case_id, number in rows:
        suggestion = suggestion_for(db, case_by_id(db, case_id))
        if suggestion is not None and suggestion.lead == lead:
            found.append(number)
    return found


def category_for(db: Database, lead: str) -> str:
    """The first leaf category the three lists send to ``lead``."""
    from app.core.routing import suggest
    from app.store.reference import categories, departments
    from app.store.routing import boundary_entries, power_entries

    units = {d.code: d for d in departments(db)}
    for category in (c for c in categories(db) if c.is_leaf):
        found = suggest(
            category, boundary_entries(db, category.code), power_entries(db, category.code), units
        )
        if found is not None and found.lead == lead:
            return category.code
    raise AssertionError(f"the lists send no category to {lead}")


def case_for(
    db: Database, lead: str, taken: Collection[str] = (), wall: Callable[[], int] | None = None
) -> str:
    """A case waiting for triage that the three lists send to ``lead``: the first of the
    demo's not in ``taken``, or, when none is left, a new one the clerk registers (at
    ``wall``) in a category the lists send there."""
    from pathlib import Path

    from app.core.intake import IntakeRequest
    from app.store.blobs import BlobStore
    from app.store.cases import register_case
    from app.store.reference import user_by_name

    number = next((n for n in pending_for(db, lead) if n not in taken), None)
    if number is not None:
        return number
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    request = IntakeRequest(category_for(db, lead), "G01", "网格巡查发现的问题，待研判分拨")
    clerk = user_by_name(db, "clerk")
    return register_case(db, BlobStore.beside(path), clerk, request, wall=wall or frozen).number


def dead_pid() -> int:
    """The id of a process that has ended (it may be reused later, not within a test)."""
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(finished.stdout)


def answers_of(monkeypatch: Any, module: Any, name: str) -> list[bool]:
    """Whether the plan ``module.name`` answered (returned something), each time it was
    asked, from now on (it is watched through ``monkeypatch``)."""
    answered: list[bool] = []
    real = getattr(module, name)

    def watched(*args: Any) -> Any:
        found = real(*args)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(module, name, watched)
    return answered
