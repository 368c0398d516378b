"""The cases a large import touches, worked out on the other core while this one checks
the file, stores its evidence files and writes its events.

The fold (``project_case``) is pure Python and a third of a large import; nothing before
it needs its results. So as soon as the file's events are parsed, the context and the
events held here of every case they touch are read, and a forked child
(``store/forked.py``) folds each case from both; when the import comes to write the cases,
this process folds from the other end of the list until the two meet, and takes the
child's part. The child's work is taken only if it is what the fold would give at that
moment: the context is still the one it was worked out with — no reference event of the
same file changed it (its handler forgets the context), no other connection committed
meanwhile (``PRAGMA data_version``, by which the context is kept, moved on) — and every
event of the file it folded that the import does not write (already held, held back,
quarantined) is held here already. In every other case — a small file, one core, a child
that failed — the import folds the cases itself, as it always has.
"""

from __future__ import annotations

import mmap
import pickle
from collections.abc import Iterable
from functools import partial
from itertools import chain
from operator import attrgetter

from sqlite_utils import Database

from app.core.case_path.context import Context
from app.core.case_path.projection import CaseRows, project_case
from app.core.events import Event
from app.store.forked import Child, StoppedOnExit, other_core_free
from app.store.projections.cases import context_for, events_of_cases, existing_cases
from app.store.projections.rollup import Sums, add_difference, new_facts

# new case events: at 2,000 the fold beside broke even (an import of 242-263 ms against
# 239-251 here), at 5,000 it gained 35 ms of 520 (tests/perf/test_sync.py, smaller runs)
FOLD_BESIDE_AT_LEAST = 4_000

Projections = dict[str, CaseRows | None]
FRONT, BACK = 0, 1
PICKLED_EVERY = 500  # cases the child folds between two pickles of what it folded
# seconds without a byte from the child once the two ends met before it is given up (it
# has one case and one chunk's pickle left: a child that long silent is stuck)
CHILD_SILENT_AT_MOST = 30.0
# new cases whose daily sums a child adds up while the import writes the cases: a fork
# then costs 20-30 ms, the sums about 27 µs a case
SUMMED_BESIDE_AT_LEAST = 2_000


class FoldBeside(StoppedOnExit):
    """The fold of one import beside it: ``start`` once its events are parsed, then
    ``projections`` when the cases are written; ended by ``stop`` (``with``) whatever
    happened."""

    def __init__(self) -> None:
        self._folding: _Folding | None = None

    def start(self, db: Database, events: Iterable[Event]) -> None:
        """Fold the cases of ``events`` (parsed, not yet written) beside the caller, when
        that is worth it. Reads the context and the events held of the cases touched."""
        self.stop()
        case_events = [e for e in events if e.entity == "case"]
        if len(case_events) < FOLD_BESIDE_AT_LEAST or not other_core_free():
            return
        arriving: dict[str, list[Event]] = {}
        for event in case_events:
            arriving.setdefault(event.entity_id, []).append(event)
        # the context first: a commit by another connection after it, even while the held
        # events are read, moves PRAGMA data_version on and the fold is not taken
        context = context_for(db)
        held = events_of_cases(db, existing_cases(db, list(arriving)))
        held_ids = set(map(_SAME, chain.from_iterable(held.values())))
        not_held = len(case_events)  # (a tuple an event made only where any is held)
        if held_ids:
            not_held = sum(1 for e in case_events if _SAME(e) not in held_ids)
        if not_held < FOLD_BESIDE_AT_LEAST:
            return  # a file sent again, mostly
        cases = {
            case_id: _with_held(new, held.get(case_id), held_ids)
            for case_id, new in arriving.items()
        }
        try:
            self._folding = _Folding(
                context,
                {case_id: events for case_id, events in cases.items() if events},
                case_events,
                held_ids,
            )
        except OSError:  # no process to be had (too many, no memory): folded here
            self._folding = None

    def projections(self, db: Database, written: Iterable[Event]) -> Projections | None:
        """The projections of the cases of the events the import writes (``written``),
        if the child's fold still holds; else None, and the caller folds."""
        folding, self._folding = self._folding, None
        if folding is None:
            return None
        with folding:
            return folding.projections(db, [e for e in written if e.entity == "case"])

    def stop(self) -> None:
        folding, self._folding = self._folding, None
        if folding is not None:
            folding.stop()


# an event and all it says (its hash covers every field): an event of the file under the
# id or at the position of one held here, with other content, is quarantined, not written
_SAME = attrgetter("id", "hash")
_CASE = attrgetter("entity_id")
EventIdentity = tuple[str, str]


def _with_held(
    arriving: list[Event], held: list[Event] | None, held_ids: set[EventIdentity]
) -> list[Event]:
    """Every event of a case, held and arriving, each once; none if nothing arrives that
    is not held here already (the import does not fold that case again)."""
    if not held:
        return arriving
    if all(_SAME(e) in held_ids for e in arriving):
        return []
    return list({e.id: e for e in [*arriving, *held]}.values())  # the held one kept


class _Ends:
    """Where the child, folding the cases from the front, and this process, folding them
    from the back once its writes are done, meet: the two ends of what is left, in memory
    both processes share. Each end is moved only after its case is folded, so between
    them every case is folded (one at the meeting point may be folded by both, alike)."""

    def __init__(self, count: int) -> None:
        self._memory = mmap.mmap(-1, 16)  # anonymous and shared: seen by the forked child
        self.at = memoryview(self._memory).cast("q")
        self.at[FRONT], self.at[BACK] = 0, count

    def close(self) -> None:
        self.at.release()
        self._memory.close()


class _Folding(StoppedOnExit):
    """One forked child folding ``cases`` (all their events: held and arriving)."""

    def __init__(
        self,
        context: Context,
        cases: dict[str, list[Event]],
        arriving: list[Event],
        held: set[EventIdentity],
    ) -> None:
        self._context = context
        self._cases = cases
        self._ids = list(cases)
        # the file's case events by identity (each kept alive here, so no other object
        # takes its id): a set of 100,000 ids and hashes took 60 ms to make, twice
        self._arriving = {id(event): event for event in arriving}
        self._held = held
        self._ends = _Ends(len(self._ids))
        try:
            self._child: Child[list[bytes]] = Child(self._fold_from_the_front)
        except BaseException:
            self._ends.close()
            raise

    def projections(self, db: Database, written: list[Event]) -> Projections | None:
        still_holds = (
            context_for(db) is self._context
            and self._written_or_held(written)
            and set(map(_CASE, written)) <= self._cases.keys()
        )
        if not still_holds:
            return None
        here = self._fold_from_the_back()
        if len(here) == len(self._ids):  # the child got through none: not waited for
            return here
        there = self._child.result(CHILD_SILENT_AT_MOST)
        if there is None:
            return None
        folded: Projections = {}
        for part in there:
            folded.update(pickle.loads(part))
        return folded | here

    def stop(self) -> None:
        self._child.stop()
        self._ends.close()

    def _written_or_held(self, written: list[Event]) -> bool:
        """Every event written is one the child folded, and every one it folded and not
        written is held here: told by the events' identity where they are the very events
        it was given (an import's), else by their ids and hashes."""
        arriving, ids = self._arriving, set(map(id, written))
        if ids <= arriving.keys():
            return all(_SAME(arriving[left]) in self._held for left in arriving.keys() - ids)
        folded = set(map(_SAME, arriving.values()))
        same = set(map(_SAME, written))
        return same <= folded and folded - same <= self._held

    def _fold_from_the_front(self) -> list[bytes]:  # in the child
        """Pickled as it goes, a few hundred cases at a time: once the ends meet, only the
        last few are left to pickle before this process has them."""
        pickled: list[bytes] = []
        folded: Projections = {}
        at, ids = self._ends.at, self._ids
        front = 0
        while front < at[BACK]:
            case_id = ids[front]
            folded[case_id] = project_case(self._cases[case_id], self._context)
            front += 1
            at[FRONT] = front
            if len(folded) == PICKLED_EVERY:
                pickled.append(pickle.dumps(folded, pickle.HIGHEST_PROTOCOL))
                folded = {}
        pickled.append(pickle.dumps(folded, pickle.HIGHEST_PROTOCOL))
        return pickled

    def _fold_from_the_back(self) -> Projections:
        folded: Projections = {}
        at, ids = self._ends.at, self._ids
        back = at[BACK]
        while back > at[FRONT]:
            back -= 1
            case_id = ids[back]
            folded[case_id] = project_case(self._cases[case_id], self._context)
            at[BACK] = back
        return folded


class SumsBeside:
    """The daily sums of the new cases among ``folded`` (``cases``: those not held here),
    added up by a forked child while the import writes the cases, which leaves their sums
    out; ``sums`` waits for them, or adds them up here if the child failed."""

    def __init__(self, folded: Projections, cases: list[str]) -> None:
        self.cases = frozenset(cases)
        self._work = partial(_sums_of_new, folded, cases)
        try:
            self._child: Child[Sums] | None = Child(self._work)
        except OSError:  # no process to be had: added up here when asked
            self._child = None

    @classmethod
    def of(cls, folded: Projections, new: Iterable[str]) -> SumsBeside | None:
        """For the cases folded beside (``FoldBeside.projections``) among ``new``, those
        the import found not held here (the very list whose cases it inserts: no second
        look at the database to disagree with it), when there are enough of them."""
        cases = [case_id for case_id in new if case_id in folded]
        return cls(folded, cases) if len(cases) >= SUMMED_BESIDE_AT_LEAST else None

    def sums(self) -> Sums:
        child, self._child = self._child, None
        found = child.result(CHILD_SILENT_AT_MOST) if child is not None else None
        return found if found is not None else self._work()

    def stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.stop()


def _sums_of_new(folded: Projections, cases: list[str]) -> Sums:
    """What the new cases add to the daily sums, as ``refold_cases`` adds it up."""
    sums: Sums = {}
    rows = (folded[case_id] for case_id in cases)
    add_difference(sums, {}, new_facts(r.facts for r in rows if r is not None and r.facts))
    return sums
