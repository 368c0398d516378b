"""The cases a large import touches, worked out on the other core while this one checks
the file, stores its evidence files and writes its events.

The fold (``project_case``) is pure Python and a third of a large import; nothing before
it needs its results. So as soon as the file's events are parsed, the context and the
events held here of every case they touch are read, and a forked child
(``store/forked.py``) folds each case from both, in the order the import writes them,
sending them a few hundred at a time. The import takes them as it writes the cases, while
the child goes on; a case not there yet it folds itself, from the other end of the list,
until the two meet. The child then adds up what the new cases it folded add to the daily
sums, while the import writes the last of them. The child's work is taken only if it is
what the fold would give at that moment: the context is still the one it was worked out
with — no reference event of the same file changed it (its handler forgets the context),
no other connection committed meanwhile (``PRAGMA data_version``, by which the context is
kept, moved on) — and every event of the file it folded that the import does not write
(already held, held back, quarantined) is held here already. In every other case — a
small file, one core — the import folds the cases itself, as it always has; whatever a
child that failed did not send, it folds itself. The child may be given other work to do
first, at the caller's priority (the events' hashes: app/sync/beside.py), so one fork
serves both.
"""

from __future__ import annotations

import mmap
import os
import pickle
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from operator import attrgetter
from typing import NamedTuple

from sqlite_utils import Database

from app.core.case_path.context import Context
from app.core.case_path.projection import CaseRows, project_case
from app.core.events import Event
from app.store.forked import Reporting, StoppedOnExit, other_core_free, yield_the_cores
from app.store.projections.cases import context_for
from app.store.projections.fold_work import SAME, EventIdentity, what_to_fold
from app.store.projections.rollup import Sums, add_difference, add_sums, new_facts

Projections = dict[str, CaseRows | None]
FRONT, BACK = 0, 1
_CASE = attrgetter("entity_id")
PICKLED_EVERY = 500  # cases the child folds between two pickles of what it folded
# seconds without a byte from the child once the two ends met before it is given up (it
# has one case and one chunk's pickle left: a child that long silent is stuck)
CHILD_SILENT_AT_MOST = 30.0


class FoldBeside(StoppedOnExit):
    """The fold of one import beside it: ``start`` once its events are parsed, then
    ``projections`` when the cases are written; ended by ``stop`` (``with``) whatever
    happened."""

    def __init__(self) -> None:
        self._folding: _Folding | None = None
        self._given = False  # to the import, which reads it as it writes the cases

    def start(
        self, db: Database, events: Iterable[Event], first: Callable[[], object] | None = None
    ) -> bool:
        """Fold the cases of ``events`` (parsed, not yet written) beside the caller, when
        that is worth it. Reads the context and the events held of the cases touched.
        ``first``: work the child does before the fold, at the caller's priority, its
        result read by ``first_result``; whether a child took it."""
        self.stop()
        self._given = False
        if not other_core_free() or not hasattr(os, "memfd_create"):
            return False
        work = what_to_fold(db, events)
        if work is None:
            return False
        try:
            self._folding = _Folding(*work, first=first)
        except OSError:  # no process to be had (too many, no memory): folded here
            self._folding = None
        return self._folding is not None

    def first_result(self, silent_at_most: float) -> object | None:
        """What ``first`` (given to ``start``) came to in the child: None if it failed,
        or the child did (its cases are then folded here)."""
        folding = self._folding
        return folding.first_result(silent_at_most) if folding is not None else None

    def projections(self, db: Database, written: Iterable[Event]) -> _Folding | None:
        """The projections of the cases of the events the import writes (``written``),
        if the child's fold still holds, as they come (``_Folding``); else None, and the
        caller folds. Taken once; the child is stopped by ``stop``."""
        folding = self._folding
        if folding is None or self._given:
            return None
        self._given = True
        if not folding.holds(db, [e for e in written if e.entity == "case"]):
            self.stop()
            return None
        return folding

    def stop(self) -> None:
        folding, self._folding = self._folding, None
        if folding is not None:
            folding.stop()


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


class _Folding(StoppedOnExit, Mapping[str, CaseRows | None]):
    """One forked child folding ``cases`` (all their events: held and arriving) from the
    front, in the order the import writes them, sending them every ``PICKLED_EVERY``
    cases, then what the new ones among them add to the daily sums. Read as a mapping, as
    the import writes the cases: a case is taken from what the child sent; while it is
    not there yet, this process folds from the back (until the two ends meet), then waits.
    Whatever the child did not send — it failed, was stopped, or fell silent — is folded
    here."""

    def __init__(
        self,
        context: Context,
        cases: dict[str, list[Event]],
        arriving: dict[int, Event],
        held: set[EventIdentity],
        new: Container[str],
        first: Callable[[], object] | None = None,
    ) -> None:
        self._context = context
        self._cases = cases
        self._ids = list(cases)
        self._arriving = arriving
        self._held = held
        self._ends = _Ends(len(self._ids))
        self._have: Projections = {}
        # the new cases: their daily sums are added up beside the writes (``sums``)
        self.summed = new
        self._sums: tuple[int, Sums] | None = None  # the child's: of the new among ids[:n]
        self._first = first  # its work before the fold
        self._first_done: _First | None = None  # ... and what it came to, once sent
        # what the child folded, pickled into memory both processes share (never a file on
        # a disk: projections hold reporters' names); the pipe tells only each part's
        # length, so the child never waits for this process to read a part
        self._parts = -1
        self._told = bytearray()  # lengths told and not yet read
        self._read_to = 0  # where the next part begins
        self.folded_here = 0  # cases this process folded itself (the others: the child)
        self._child: Reporting | None = None
        try:
            self._parts = os.memfd_create("towndesk-fold", os.MFD_CLOEXEC)
            self._child = Reporting(self._fold_from_the_front)
        except BaseException:
            self.stop()
            raise

    def holds(self, db: Database, written: list[Event]) -> bool:
        """Whether the child's fold is the fold of these events at this moment."""
        return (
            context_for(db) is self._context
            and self._written_or_held(written)
            and set(map(_CASE, written)) <= self._cases.keys()
        )

    def __getitem__(self, case_id: str) -> CaseRows | None:
        if case_id not in self._cases:
            raise KeyError(case_id)
        while case_id not in self._have:
            self._move_on()
        return self._have[case_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.stop()
        self._ends.close()
        parts, self._parts = self._parts, -1
        if parts >= 0:
            os.close(parts)

    def _move_on(self) -> None:
        """One step towards the cases not yet here: take what the child sent, else fold
        one from the back, else (the ends met) wait for the child."""
        child, at = self._child, self._ends.at
        if child is None:  # what the child did not send is folded here, from the back
            self._fold_from_the_back(len(self._ids) - len(self._have))
        elif not self._take(child, 0):
            if at[BACK] > at[FRONT]:
                self._fold_from_the_back(1)
            elif not self._take(child, CHILD_SILENT_AT_MOST):
                self.stop()  # silent that long: stuck

    def _take(self, child: Reporting, wait: float) -> bool:
        """Whatever the child sent within ``wait`` seconds: False if nothing came."""
        told = child.reported_since(wait)
        if told is None:
            return False
        if not told:  # it ended: what it did not send, if anything, is folded here
            self._child = None
        self._told += told
        while len(self._told) >= _LENGTH:
            length = int.from_bytes(self._told[:_LENGTH], "little")
            del self._told[:_LENGTH]
            part = os.pread(self._parts, length, self._read_to)
            self._read_to += length
            sent = pickle.loads(part)
            if isinstance(sent, dict):  # cases it folded
                for case_id, rows in sent.items():
                    self._have.setdefault(case_id, rows)
            elif isinstance(sent, _First):  # the work before the fold
                self._first_done = sent
            else:  # the last part: the daily sums of the new cases it folded
                self._sums = sent
        return True

    def first_result(self, silent_at_most: float) -> object | None:
        """What the work before the fold came to (waited for); None if the child ended
        without it, or sent nothing for ``silent_at_most`` seconds (then stopped)."""
        while self._first is not None and self._child is not None and not self._first_done:
            if not self._take(self._child, silent_at_most):
                self.stop()  # silent that long: stuck
        return self._first_done.result if self._first_done else None

    def sums(self) -> Sums:
        """What the new cases (``summed``) add to the daily sums: those the child folded
        added up by the child once it came to the end (waited for), the others here; all
        of them here if the child failed."""
        while self._child is not None and self._sums is None:
            self._move_on()
        folded_there, sums = self._sums or (0, {})
        here = [case_id for case_id in self._ids[folded_there:] if case_id in self.summed]
        add_sums(sums, _sums_of_new(self, here))
        return sums

    def _fold_from_the_back(self, count: int) -> None:
        """Up to ``count`` cases not here yet, the last first. With the child gone, every
        case not here is folded, wherever the ends were."""
        at, ids, have = self._ends.at, self._ids, self._have
        back = at[BACK] if self._child is not None else len(ids)
        while count > 0 and back > 0:
            back -= 1
            case_id = ids[back]
            if case_id not in have:
                have[case_id] = project_case(self._cases[case_id], self._context)
                self.folded_here += 1
                count -= 1
            if self._child is not None:
                at[BACK] = back
                if back <= at[FRONT]:
                    return

    def _written_or_held(self, written: list[Event]) -> bool:
        """Every event written is one the child folded, and every one it folded and not
        written is held here: told by the events' identity where they are the very events
        it was given (an import's), else by their ids and hashes."""
        arriving, ids = self._arriving, set(map(id, written))
        if ids <= arriving.keys():
            return all(SAME(arriving[left]) in self._held for left in arriving.keys() - ids)
        folded = set(map(SAME, arriving.values()))
        same = set(map(SAME, written))
        return same <= folded and folded - same <= self._held

    def _fold_from_the_front(self, report: Callable[[bytes], None]) -> None:  # in the child
        """Sent as it goes, a few hundred cases at a time; then what the new ones among
        them add to the daily sums (while this process writes the last cases); the work
        given first before them, at the parent's priority."""
        if self._first is not None:  # waited for by the checks: at this process's priority
            self._send(_First(self._first()), report)
        # its cases are waited for only as the import writes them, and this process may
        # fold them itself meanwhile: the checks before, on this process, come first
        yield_the_cores()
        folded: Projections = {}  # all of them: their sums are added up at the end
        part: Projections = {}
        at, ids = self._ends.at, self._ids
        front = 0
        while front < at[BACK]:
            case_id = ids[front]
            part[case_id] = folded[case_id] = project_case(self._cases[case_id], self._context)
            front += 1
            at[FRONT] = front
            if len(part) == PICKLED_EVERY:
                self._send(part, report)
                part = {}
        self._send(part, report)
        new = [case_id for case_id in ids[:front] if case_id in self.summed]
        self._send((front, _sums_of_new(folded, new)), report)

    def _send(self, sent: object, report: Callable[[bytes], None]) -> None:
        """Pickled into the shared memory, its length told through the pipe."""
        part = memoryview(pickle.dumps(sent, pickle.HIGHEST_PROTOCOL))
        written = 0
        while written < len(part):  # at the end of the parts (the shared offset: only
            written += os.write(self._parts, part[written:])  # this process writes)
        report(len(part).to_bytes(_LENGTH, "little"))


_LENGTH = 8  # what the child tells of each part it wrote: its length


class _First(NamedTuple):
    """What the child's work before the fold came to, as sent."""

    result: object


def _sums_of_new(folded: Mapping[str, CaseRows | None], cases: list[str]) -> Sums:
    """What the new cases add to the daily sums, as ``refold_cases`` adds it up."""
    sums: Sums = {}
    rows = (folded[case_id] for case_id in cases)
    add_difference(sums, {}, new_facts(r.facts for r in rows if r is not None and r.facts))
    return sums
