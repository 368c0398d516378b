"""What a write changed, so each page of the window reads again only what it shows (as
Anki's OpChanges). Worked out from the events the write committed: every change is an
event, so nothing a write does can be left out here."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlite_utils import Database

from app.core.case_path.steps import Action, event_action
from app.core.events import Event, EventType

CASES, CALLS, DISPUTES, MEETINGS, LISTS, REFERENCE, DEVICES = (
    "cases",
    "calls",
    "disputes",
    "meetings",
    "lists",
    "reference",
    "devices",
)
CALL_ACTIONS = frozenset(
    {Action.CALL, Action.CALL_ACK, Action.CALL_ARRIVE, Action.CALL_DONE, Action.CALL_CONFIRM}
)


@dataclass(frozen=True)
class Changes:
    """Which kinds of records changed; ``cases``: the ids of the cases among them."""

    kinds: frozenset[str] = frozenset()
    cases: frozenset[str] = field(default=frozenset())

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.cases | other.cases)

    def touches(self, kinds: Collection[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)


NOTHING = Changes()
EVERYTHING = Changes(frozenset({CASES, CALLS, DISPUTES, MEETINGS, LISTS, REFERENCE, DEVICES}))


def changed(*kinds: str, cases: Iterable[str] = ()) -> Changes:
    return Changes(frozenset(kinds), frozenset(cases))


def changes_of(events: Iterable[Event]) -> Changes:
    """What these committed events changed (this device's own, or received in a sync file).
    Gathered in two sets, not by joining frozensets event by event: that copied every case
    seen so far again for each event (a sync import of 100,000 events into 15,000 cases)."""
    kinds: set[str] = set()
    cases: set[str] = set()
    for event in events:
        one = _of(event)
        kinds |= one.kinds
        cases |= one.cases
    return Changes(frozenset(kinds), frozenset(cases))


def _of(event: Event) -> Changes:
    entity, p = event.entity, event.payload
    if entity == "case":
        action = event_action(event.type)
        kinds = {CASES}
        if action in CALL_ACTIONS or action == Action.RETURN:  # a return ends an open call
            kinds.add(CALLS)
        if p.get("not_our_duty"):
            kinds.add(DISPUTES)
        return changed(*kinds, cases=[event.entity_id])
    if entity == "dispute":  # a ruling changes what triage suggests for its case
        case = p.get("case_id")
        return changed(DISPUTES, MEETINGS, CASES, cases=[case] if case else [])
    if entity == "list":
        return changed(LISTS, CASES)  # the suggestion of every case waiting for triage
    if entity.startswith("meeting"):
        return changed(MEETINGS)
    if entity in ("device", "evidence") or event.type == EventType.TOWNSHIP_ESCROW_SET:
        return changed(DEVICES, CASES)
    if entity == "calendar" or event.type in (
        EventType.DEPARTMENT_RESPONSE_SET,
        EventType.CATEGORY_SET,  # a category's limits move its open cases' clocks
    ):
        return changed(REFERENCE, CASES, CALLS)  # every running clock may have moved
    return changed(REFERENCE)  # township, departments, users, grids, categories


@contextmanager
def recording(db: Database) -> Iterator[list[Event]]:
    """The events committed on ``db`` while the block runs (a write may commit several
    transactions; a rolled-back one adds nothing)."""
    journal: list[Event] = []
    journals: list[list[Event]] = getattr(db, "_committed_journals", [])
    db._committed_journals = [*journals, journal]  # type: ignore[attr-defined]
    try:
        yield journal
    finally:
        db._committed_journals = journals  # type: ignore[attr-defined]


def note_committed(db: Database, events: Iterable[Event]) -> None:
    """Called by the event log once a transaction of events has committed."""
    committed = list(events)
    for journal in getattr(db, "_committed_journals", []):
        journal.extend(committed)
