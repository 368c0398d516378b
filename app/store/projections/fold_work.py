"""What the fold beside an import (``fold_beside``) is given: every event of each case
the file touches, held here and arriving, in the order the import writes the cases, read
from the database before the fork; and what tells afterwards whether the child's fold is
the import's."""

from __future__ import annotations

from collections.abc import Container, Iterable
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from sqlite_utils import Database

from app.core.case_path.context import Context
from app.core.events import Event
from app.store.projections.cases import context_for, events_of_cases, existing_cases

# new case events: at 2,000 the fold beside broke even (an import of 242-263 ms against
# 239-251 here), at 5,000 it gained 35 ms of 520 (tests/perf/test_sync.py, smaller runs)
FOLD_BESIDE_AT_LEAST = 4_000


class FoldWork(NamedTuple):
    """What the child folds, and what tells whether its fold holds."""

    context: Context
    cases: dict[str, list[Event]]  # every event of each case, held and arriving
    arriving: dict[int, Event]  # the file's case events, by identity (``_written_or_held``)
    held: set[EventIdentity]  # those of their events held here already
    new: Container[str]  # the cases not held here


def what_to_fold(db: Database, events: Iterable[Event]) -> FoldWork | None:
    """What a child would fold of ``events``, read from the database; None where a child is
    not worth it. Whatever else was made on the way is let go here, before the fork: a list
    of the file's events let go after it touches every page they lie on, and each is then
    copied (0.16 s at 100,000 events)."""
    case_events = [e for e in events if e.entity == "case"]
    if len(case_events) < FOLD_BESIDE_AT_LEAST:
        return None
    arriving: dict[str, list[Event]] = {}
    for event in case_events:
        arriving.setdefault(event.entity_id, []).append(event)
    # the context first: a commit by another connection after it, even while the held
    # events are read, moves PRAGMA data_version on and the fold is not taken
    context = context_for(db)
    existing = existing_cases(db, list(arriving))
    held = events_of_cases(db, existing)
    held_ids = set(map(SAME, chain.from_iterable(held.values())))
    not_held = len(case_events)  # (a tuple an event made only where any is held)
    if held_ids:
        not_held = sum(1 for e in case_events if SAME(e) not in held_ids)
    if not_held < FOLD_BESIDE_AT_LEAST:
        return None  # a file sent again, mostly
    cases = {
        case_id: _with_held(arriving[case_id], held.get(case_id), held_ids)
        for case_id in _in_writing_order(arriving, existing)
    }
    return FoldWork(
        context,
        {case_id: events for case_id, events in cases.items() if events},
        # each kept alive by the fold, so no other object takes its id: a set of 100,000
        # ids and hashes took 60 ms to make, twice
        {id(event): event for event in case_events},
        held_ids,
        arriving.keys() - existing,
    )


def _in_writing_order(arriving: dict[str, list[Event]], held: Container[str]) -> list[str]:
    """The cases in the order the import writes them (``replication.apply_remote``): those
    held here by id, then the new ones by their first event in the merged order (told by
    its clock alone: events of two cases at the same moment may come the other way
    round, which only has this process fold a case of the two itself)."""
    first = {case_id: min(map(_HLC, events)) for case_id, events in arriving.items()}
    return sorted(c for c in arriving if c in held) + sorted(
        (c for c in arriving if c not in held), key=first.__getitem__
    )


# an event and all it says (its hash covers every field): an event of the file under the
# id or at the position of one held here, with other content, is quarantined, not written
SAME = attrgetter("id", "hash")
_HLC = attrgetter("hlc")
EventIdentity = tuple[str, str]


def _with_held(
    arriving: list[Event], held: list[Event] | None, held_ids: set[EventIdentity]
) -> list[Event]:
    """Every event of a case, held and arriving, each once; none if nothing arrives that
    is not held here already (the import does not fold that case again)."""
    if not held:
        return arriving
    if all(SAME(e) in held_ids for e in arriving):
        return []
    return list({e.id: e for e in [*arriving, *held]}.values())  # the held one kept
