"""Which search terms each grid's cases hold (``grid_search_terms``, db/0016), so a search
within a grid none of whose cases holds what was typed is answered at once (issue 16).

A village's cases speak of its own matters: grid G07 of the demo (北沟村: fields, a
quarry, a pig farm) holds none of the 576,000 cases of 占道 among five million. Nothing
but the search index says so, and it only lists a term's every case: the list read every
hit (25–80 ms at five million) to find none in the grid. Here each (grid, term) some case
of the grid holds is a row, written with the case's row of the search index
(``note_terms``), so a term a grid lacks is one index lookup.

A row is never taken away (a case's grid and text are fixed at registration), so the
table may hold more than the cases do but never less, and "the grid lacks a term" is
exact. A database made before schema 16 has the registrations in its event log read in by
the idle upkeep (``read_more_terms``), a range of the log's row numbers at a time, newest
first: the log is read in its own order, from one page to the next, where looking each
case's registration up read a page for each (at a million cases, on a busy machine, 73 s
in all against 144 s). Until all is read, nothing is told from the table (``UNREAD_BELOW``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.core.case_path.projection import registration_terms
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.text import IndexedText, required_terms
from app.store import search_hits, sqlite_driver
from app.store.case_query import CaseFilter
from app.store.database import lock_waited_at_most, write_transaction
from app.store.settings import forget_setting, read_setting, write_setting
from app.store.values_kept import NUMBERING

# The events numbered below this (their row numbers in ``events``, which only grows) are
# not read in yet: db/0016 sets it above every event then there; it goes once all are read,
# or when a rebuild writes every case's terms again.
UNREAD_BELOW = "grid_search_terms_unread_below"
# Events read in a step of the idle upkeep. At a million cases (6.5 million events, one in
# six and a half a registration), steps of 5,000 took 52 ms (median; 91 the 90th
# percentile) and 73 s in all, on a busy machine; so a step of half that holds the worker
# no longer than the upkeep's other steps.
STEP_EVENTS = 2_500
# The (grid, term) rows a connection remembers having written, so a batch of cases (an
# import, the demo) writes only those new to it: a million cases hold 40,637; beyond this
# many, the rest are written again each time (``INSERT OR IGNORE``, 1.2 µs a row).
NOTED_AT_MOST = 200_000

_NOTE = "INSERT OR IGNORE INTO grid_search_terms (grid_code, term) VALUES (?, ?)"
_NOTED = "_grid_terms_noted"  # let go by database.write_transaction on a rollback


@dataclass
class _Noted:
    numbering: int  # values_kept.NUMBERING when remembered: a rebuild empties the table
    terms: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    count: int = 0


def note_terms(db: Database, cases: Iterable[tuple[str, IndexedText]]) -> None:
    """Note the terms each case (its grid, its search index row) holds, in the caller's
    transaction: every (grid, term) once, however many cases hold it."""
    texts: defaultdict[str, list[str]] = defaultdict(list)
    for grid_code, terms in cases:
        if grid_code:
            texts[grid_code] += (terms.unigrams, terms.bigrams)
    noted = _noted(db)
    new = [
        # (an ASCII word is searched as a prefix, never told from here: the case numbers'
        # parts would be most of the rows)
        (grid, term)
        # each grid's terms split at once: 6.6 µs a case, 15 split case by case
        for grid, held in texts.items()
        for term in set(" ".join(held).split()).difference(noted.terms[grid])
        if not term.isascii()
    ]
    db.conn.executemany(_NOTE, new)
    if noted.count + len(new) <= NOTED_AT_MOST:
        noted.count += len(new)
        for grid, term in new:
            noted.terms[grid].add(term)


def _noted(db: Database) -> _Noted:
    numbering = read_setting(db, NUMBERING, 0)
    noted: _Noted | None = vars(db).get(_NOTED)
    if noted is None or noted.numbering != numbering:  # (a rebuild by another program)
        noted = vars(db)[_NOTED] = _Noted(numbering)
    return noted


def finds_none(db: Database, case_filter: CaseFilter) -> bool:
    """Whether the filter's search is told to find nothing in its grid (``lacks``)."""
    text = case_filter.text.strip()
    return bool(case_filter.grid_code and text) and lacks(db, case_filter.grid_code, text)


def lacks(db: Database, grid_code: str, text: str) -> bool:
    """Whether no case of the grid can be found by searching ``text``: some term every
    hit holds is held by none of the grid's cases. False whenever it cannot be told (no
    such term typed, the event log not read in whole yet)."""
    terms = required_terms(text)
    if not terms or read_setting(db, UNREAD_BELOW, 0) > 0:
        return False
    marks = ",".join("?" for _ in terms)
    held = db.execute(
        f"SELECT count(*) FROM grid_search_terms WHERE grid_code = ? AND term IN ({marks})",
        [grid_code, *terms],
    ).fetchone()[0]
    return bool(held < len(terms))


def forget_terms(db: Database) -> None:
    """Empty the table before a rebuild writes every case's terms again, in its
    transaction: it then holds exactly what the cases hold."""
    db.conn.execute("DELETE FROM grid_search_terms")
    forget_setting(db, UNREAD_BELOW)
    vars(db).pop(_NOTED, None)


def read_more_terms(db: Database, events: int = STEP_EVENTS) -> bool | None:
    """Read in the registrations among the next ``events`` events not read yet, newest
    first, in a write transaction of its own (the idle upkeep's step). True: more are
    left; False: all are read; None: the step could not write (another program holding
    the lock, a read-only file, a full disk), nothing changed."""
    conn = db.conn
    if conn.in_transaction:  # inside someone's transaction: not ours to commit
        return None
    changes = conn.total_changes
    try:
        if read_setting(db, UNREAD_BELOW, 0) <= 0:
            return False
        # another program's lock not waited for: the clerk's own work waits behind the step
        with lock_waited_at_most(db, 0), write_transaction(db):
            below = read_setting(db, UNREAD_BELOW, 0)  # another program may have read them
            start = max(below - events, 0)
            note_terms(db, _registered_terms(db, start, below))
            if start > 0:
                write_setting(db, UNREAD_BELOW, start)
            else:
                forget_setting(db, UNREAD_BELOW)
        return start > 0
    except (sqlite_driver.Error, DomainError):  # write_transaction has rolled back
        return None
    finally:
        with suppress(sqlite_driver.Error):
            search_hits.still_held(db, changes)  # no case and no hit changed


def _registered_terms(db: Database, start: int, below: int) -> list[tuple[str, IndexedText]]:
    """The grid and the terms of each registration among the events numbered ``start`` up
    to ``below`` (a case registered twice, on two devices, has the terms of both: the
    search index holds those of the one its case was first written from)."""
    rows = db.execute(
        "SELECT payload FROM events WHERE rowid >= ? AND rowid < ? AND type = ?",
        [start, below, EventType.CASE_REGISTERED],
    )
    payloads = [json.loads(payload) for (payload,) in rows]
    return [(p["grid_code"], registration_terms(p)) for p in payloads]
