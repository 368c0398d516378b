"""Writing the demo's registrations and steps in one time order, so the clock of every event
is the moment it happened. Each step is a real request decided by ``decide`` against the
case's state, exactly as the window's would be; a step the rules refuse (it should not
happen) ends that case's plan, and is kept in ``Walk.refused`` for the tests.

A million cases take six or seven million steps, so a case is not worked out again after
each of them: its state for the rules is folded in memory (``evolve``, the projection's own
fold), and its rows are written once its plan is done (``refold_cases``: the same function
as a rebuild, so the tables are exactly a rebuild's). The few reads of the tables on the way
(the lists' suggestion, the letter numbers of transfers, the meetings' disputes) find the
cases they need written first.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.fold import evolve
from app.core.case_path.rules import ROUTING
from app.core.case_path.steps import Action, CaseState
from app.core.clock import china_time
from app.core.errors import DomainError
from app.core.events import Event, EventType
from app.core.model import CaseStatus
from app.core.routing import Suggestion
from app.store.case_actions import actor_of
from app.store.case_state import load_state
from app.store.cases import case_by_id
from app.store.eventlog import EventWriter, new_id
from app.store.projections.cases import refold_cases
from app.store.reference import departments, users
from app.store.routing import suggestion_for
from app.store.transfers import next_letter_no

TRANSFERS = (Action.TRANSFER, Action.POLICE_APPROVE)  # the steps that number a letter
FOLDED_TOGETHER = 2000  # cases written per refold_cases call


@dataclass(order=True)
class Step:
    at: int
    order: int
    case_id: str = field(compare=False)
    username: str = field(compare=False)
    request: Request | None = field(compare=False)  # None: the registration itself
    payload: dict[str, Any] | None = field(compare=False, default=None)
    registrar: str | None = field(compare=False, default=None)


class Intake(Protocol):
    """Where new cases come from, in time order: each with its registration step first,
    then its plan's."""

    def next_at(self) -> int | None: ...  # when the next case is received (None: no more)

    def take(self, writer: EventWriter) -> list[Step]: ...


class Walk:
    """The steps still to write, in time order; ``run`` writes them up to a moment, so the
    demo's joint meetings can be held in between, at their own time. ``intake`` feeds the
    cases as their moment comes, so only the open ones' plans are held."""

    def __init__(
        self,
        steps: Iterable[Step],
        set_wall: Callable[[int], None],
        intake: Intake | None = None,
    ) -> None:
        self.heap = list(steps)
        heapq.heapify(self.heap)
        self.set_wall = set_wall
        self.intake = intake
        self.order = len(self.heap)
        self.broken: set[str] = set()
        self.refused: list[tuple[str, str, str]] = []  # case, action, why
        self.categories: dict[str, str] = {}  # case id -> category code
        self.disputed: set[str] = set()  # cases with a duty dispute: rulings may route them
        self._suggestions: dict[str, Suggestion | None] = {}
        self._open: dict[str, int] = {}  # case id -> its steps still to write
        self._states: dict[str, CaseState] = {}  # of the open cases, folded in memory
        self._events: dict[str, list[Event]] = {}  # all events of the cases not yet settled
        self._unwritten: set[str] = set()  # cases whose last events are not in the tables
        for step in self.heap:
            self._open[step.case_id] = self._open.get(step.case_id, 0) + 1

    def push(self, case_id: str, planned: Iterable[tuple[int, str, Request]]) -> None:
        for at, username, request in planned:
            self._push(Step(at, self.order, case_id, username, request))

    def _push(self, step: Step) -> None:
        heapq.heappush(self.heap, step)
        self.order += 1
        self._open[step.case_id] = self._open.get(step.case_id, 0) + 1

    def run(self, writer: EventWriter, until: int | None = None) -> None:
        """Write every step before ``until`` (all of them without it), and the rows of the
        cases whose plans are done."""
        units = {d.code: d for d in departments(writer.db)}
        people = {u.username: u for u in users(writer.db)}
        while (step := self._next(writer, until)) is not None:
            self.set_wall(step.at)
            self._open[step.case_id] -= 1
            if step.request is None:
                self._register(writer, step)
            elif step.case_id not in self.broken:
                self._take(writer, step, people[step.username], units)
            if not self._open[step.case_id]:
                del self._open[step.case_id]
        self._settle(writer)

    def write_all(self, writer: EventWriter) -> None:
        """Write every case's rows as its events stand (before the tables are read)."""
        self._write(writer, list(self._unwritten))

    def _next(self, writer: EventWriter, until: int | None) -> Step | None:
        """The next step in time order, the intake's new cases merged in."""
        intake = self.intake
        while intake is not None and (received := intake.next_at()) is not None:
            if self.heap and self.heap[0].at < received:
                break
            if until is not None and received >= until:
                break
            for step in intake.take(writer):
                step.order = self.order
                self._push(step)
        if self.heap and (until is None or self.heap[0].at < until):
            return heapq.heappop(self.heap)
        return None

    def _register(self, writer: EventWriter, step: Step) -> None:
        payload = step.payload or {}
        self.categories[step.case_id] = payload.get("category_code", "")
        event = writer.append(
            step.registrar, "case", step.case_id, EventType.CASE_REGISTERED, payload, fold=False
        )
        self._events[step.case_id] = [event]
        self._states[step.case_id] = CaseState(status=CaseStatus.PENDING_TRIAGE)
        self._unwritten.add(step.case_id)

    def _take(self, writer: EventWriter, step: Step, user: Any, units: dict[str, Any]) -> None:
        assert step.request is not None
        db, case_id, action = writer.db, step.case_id, step.request.action
        today: date = china_time(step.at).date()
        suggestion = self._suggestion(writer, case_id) if action in ROUTING else None
        police = action == Action.POLICE_APPROVE
        letter = next_letter_no(db, police, today) if action in TRANSFERS else ""
        state = self._states.get(case_id) or load_state(db, case_id)
        try:
            decision = decide(
                state,
                actor_of(user),
                step.request,
                units,
                Numbers(call_id=new_id(), letter_no=letter),
                today,
                suggestion,
            )
        except DomainError as error:
            self.broken.add(case_id)
            self.refused.append((case_id, action.value, error.code))
            return
        if step.request.not_our_duty:
            self.disputed.add(case_id)
        event = writer.append(
            user.id, "case", case_id, decision.event_type, decision.payload, fold=False
        )
        self._states[case_id] = evolve(state, decision.event_type, decision.payload)
        if case_id in self._events:
            self._events[case_id].append(event)
        self._unwritten.add(case_id)
        if action in TRANSFERS:  # the next letter's number counts the transfers written
            self._write(writer, [case_id])

    def _settle(self, writer: EventWriter) -> None:
        """Write the rows of the cases with no step left, and forget them."""
        self._write(writer, [c for c in self._unwritten if c not in self._open])
        for case_id in [c for c in self._states if c not in self._open]:
            del self._states[case_id]
            self._events.pop(case_id, None)

    def _write(self, writer: EventWriter, case_ids: list[str]) -> None:
        for start in range(0, len(case_ids), FOLDED_TOGETHER):
            chunk = case_ids[start : start + FOLDED_TOGETHER]
            known = {c: self._events[c] for c in chunk if c in self._events}
            refold_cases(writer.db, chunk, known, named=True)  # (the events' own cases)
            self._unwritten.difference_update(chunk)

    def _suggestion(self, writer: EventWriter, case_id: str) -> Suggestion | None:
        """The lists' suggestion, read once per category: the lists do not change while the
        demo's cases are written, only a ruling on a case's own dispute does."""
        category = self.categories.get(case_id)
        shared = category is not None and case_id not in self.disputed
        if shared and category in self._suggestions:
            return self._suggestions[category]
        if case_id in self._unwritten:
            self._write(writer, [case_id])
        suggestion = suggestion_for(writer.db, case_by_id(writer.db, case_id))
        if shared:
            self._suggestions[str(category)] = suggestion
        return suggestion


def write_in_time_order(
    writer: EventWriter, steps: Iterable[Step], set_wall: Callable[[int], None]
) -> Walk:
    """Registrations and steps merged by time, all in ``writer``'s transaction."""
    walk = Walk(steps, set_wall)
    walk.run(writer)
    return walk
