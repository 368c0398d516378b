"""Rebuild every projection from the event log: the proof that the tables are derived,
and the repair when they are not."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from app.core.events import EventType
from app.core.model import User
from app.core.permissions import REBUILD, require
from app.store.database import write_transaction
from app.store.eventlog import events_in_order
from app.store.grid_terms import forget_terms
from app.store.projections.cases import forget_context, refold_cases
from app.store.projections.table import PROJECTION_TABLES, apply_event
from app.store.search_bitmaps import forget_bitmaps
from app.store.values_kept import renumbered

Progress = Callable[[int, int], bool]


def rebuild(db: Database, actor: User, progress: Progress | None = None) -> int:
    """Empty every projection and replay the whole log, in one transaction.

    ``progress(done, total)`` is called every few thousand events; returning False
    cancels (the transaction rolls back and nothing changes). Reference data is replayed in
    the merged order, then each case is folded from its events (the progress counts both).
    Returns the number of events replayed.
    """
    require(actor.role, REBUILD)
    with write_transaction(db):
        renumbered(db)  # the cases' row numbers name other cases after it (values_kept)
        return replay_log(db, progress)


def replay_log(db: Database, progress: Progress | None = None) -> int:
    """The rebuild itself, inside the caller's transaction: ``rebuild`` on the real tables,
    ``verify`` on a scratch copy of the schema whose ``events`` is the real log."""
    total = db.execute("SELECT count(*) FROM events").fetchone()[0]
    total += db.execute(
        "SELECT count(*) FROM events WHERE type = ?", [EventType.CASE_REGISTERED]
    ).fetchone()[0]
    db.conn.execute("PRAGMA defer_foreign_keys = ON")
    for table in PROJECTION_TABLES:
        db.conn.execute(f"DELETE FROM {table}")
    db.conn.execute("INSERT INTO cases_search (cases_search) VALUES ('delete-all')")
    forget_terms(db)  # each case's written again with its row of the search index
    forget_bitmaps(db)  # whose bits name cases by their row numbers
    forget_context(db)
    done = 0
    cases: list[str] = []
    for event in events_in_order(db):
        if event.entity == "case":  # a case is a fold of its own events: done below
            if event.type == EventType.CASE_REGISTERED:
                cases.append(event.entity_id)
        else:
            apply_event(db, event)
        done += 1
        if progress and done % 5000 == 0 and not progress(done, total):
            raise RebuildCancelled()
    for start in range(0, len(cases), 2000):
        folded = start + refold_cases(db, cases[start : start + 2000])
        if progress and not progress(done + folded, total):
            raise RebuildCancelled()
    return done


class RebuildCancelled(Exception):
    pass
