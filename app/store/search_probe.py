"""A search answered without reading its hits: the full-text index asked about each case
the other filters find, in the list's order, until a window's rows are found (issue 16).

Reading every hit of a common word into a bitmap (``search_hits``) costs what the index
takes to list them: 30–50 ms for the 239,000 cases holding 占 among a million. A list
whose newest cases are not the newest hits — a month gone by, a person's to-do list, any
order but the newest first — cannot read just the newest hits either (``NewestHits``).
Asking the index whether one case holds the words costs 7–16 µs on a merged index
(app/store/search_index.py keeps it so): where a quarter of a month's cases hold 占, its
60 newest are found in 250 probes, about 3 ms. Where the hits are too rare for that, the
probes so far tell (``Probes.ask``) and the walk stops early, for the bitmap. The cases
probed and the hits among them are counted, so the count can be estimated from the share
(the exact count is read later, from the bitmap).
"""

from __future__ import annotations

import json
import math
import time
import weakref
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database


def probe_of(seq: str) -> str:
    """The test that the case numbered ``seq`` (an expression) holds the search's words: a
    subquery of the full-text index by row number, its answer passed through
    ``Probes.ask``; its parameter, the MATCH expression. SQLite tests a term holding a
    subquery after every other term of its WHERE clause, so only the cases the filters
    find are probed."""
    return (
        f"search_probe(EXISTS (SELECT 1 FROM cases_search "
        f"WHERE cases_search MATCH ? AND rowid = {seq}))"
    )


PROBE = probe_of("cases.seq")  # a case a walk reached

# A probe costs at least this much (ms: 7-16 µs on a merged index), so work foreseen from a
# count of probes is never foreseen longer than it takes.
PROBED_MS_EACH = 0.007

# After this many probes, and again each time as many more, the walk stops if the pace so
# far and the share of hits among the cases probed foresee the window taking longer than
# its time (a rare word, or one rare among the filters' cases): each probe of a phrase
# costs twice what one of a word does, and a walk may pass many cases between two.
FORESEEN_AFTER = 128


@dataclass
class Probes:
    """The probes of one walk on a connection (one thread uses a connection)."""

    count: int = 0  # the cases probed
    found: int = 0  # the hits among them
    wanted: int = 0  # the hits the walk needs (its window's rows)
    ms: float = 0.0  # the time it may take (this thread's processor time)
    started: float = 0.0  # (time.thread_time)
    given_up: bool = False  # foreseen too long: the walk was stopped (an error of SQLite's)

    def walking(self, wanted: int, ms: float) -> None:
        self.count, self.found, self.wanted, self.ms = 0, 0, wanted, ms
        self.started, self.given_up = time.thread_time(), False

    def ask(self, hit: int) -> int:
        self.count += 1
        self.found += hit
        checked = self.count >= FORESEEN_AFTER and self.count & (self.count - 1) == 0
        if checked and self._foreseen_ms() > self.ms:
            self.given_up = True
            raise LookupError("too few hits to probe for")  # SQLite stops the statement
        return hit

    def _foreseen_ms(self) -> float:
        """How long the whole walk takes, at the pace and share of hits so far."""
        if self.found == 0:
            return float("inf")
        spent = (time.thread_time() - self.started) * 1000
        return spent * max(self.wanted / self.found, 1.0)


_probes: weakref.WeakKeyDictionary[Database, Probes] = weakref.WeakKeyDictionary()


def probes(db: Database) -> Probes:
    """The probes of ``db``'s walks (its SQL function registered at the first call)."""
    found = _probes.get(db)
    if found is None:
        found = _probes[db] = Probes()
        # not deterministic: SQLite must call it for each case, not once per statement
        db.conn.create_function("search_probe", 1, found.ask)
    return found


def hits_in_order(db: Database, match: str, seqs: list[int], limit: int) -> list[int]:
    """The first ``limit`` of the cases numbered ``seqs`` that hold the words of ``match``,
    in the order of ``seqs``, each probed in turn (``probes(db).walking`` first)."""
    probes(db)  # its SQL function registered
    rows = db.execute(
        f"SELECT value FROM json_each(?) WHERE {probe_of('value')} LIMIT ?",
        [json.dumps(seqs), match, limit],
    )
    return [row[0] for row in rows]


def every_hit_among(db: Database, match: str, seqs: list[int]) -> Any:
    """Those of the cases numbered ``seqs`` that hold the words of ``match``, in their
    order (numpy), each probed: never given up, so only for a few (7-16 µs each)."""
    import numpy

    probes(db).walking(len(seqs), math.inf)
    return numpy.asarray(hits_in_order(db, match, seqs, len(seqs)), dtype=numpy.int64)
