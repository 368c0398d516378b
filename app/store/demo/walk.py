"""Writing the demo's registrations and steps in one time order, so the clock of every event
is the moment it happened. Each step is a real request decided by ``decide`` against the
case's state as stored, exactly as the window's would be; a step the rules refuse (it
should not happen) ends that case's plan, and is kept in ``Walk.refused`` for the tests.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.rules import ROUTING
from app.core.case_path.steps import Action
from app.core.clock import china_time
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.routing import Suggestion
from app.store.case_actions import actor_of
from app.store.case_state import load_state
from app.store.cases import case_by_id
from app.store.eventlog import EventWriter, new_id
from app.store.reference import departments, users
from app.store.routing import suggestion_for
from app.store.transfers import next_letter_no


@dataclass(order=True)
class Step:
    at: int
    order: int
    case_id: str = field(compare=False)
    username: str = field(compare=False)
    request: Request | None = field(compare=False)  # None: the registration itself
    payload: dict[str, Any] | None = field(compare=False, default=None)
    registrar: str | None = field(compare=False, default=None)


class Walk:
    """The steps still to write, in time order; ``run`` writes them up to a moment, so the
    demo's joint meetings can be held in between, at their own time."""

    def __init__(self, steps: Iterable[Step], set_wall: Callable[[int], None]) -> None:
        self.heap = list(steps)
        heapq.heapify(self.heap)
        self.set_wall = set_wall
        self.order = len(self.heap)
        self.broken: set[str] = set()
        self.refused: list[tuple[str, str, str]] = []  # case, action, why
        self.categories: dict[str, str] = {}  # case id -> category code
        self.disputed: set[str] = set()  # cases with a duty dispute: rulings may route them
        self._suggestions: dict[str, Suggestion | None] = {}

    def push(self, case_id: str, planned: Iterable[tuple[int, str, Request]]) -> None:
        for at, username, request in planned:
            heapq.heappush(self.heap, Step(at, self.order, case_id, username, request))
            self.order += 1

    def run(self, writer: EventWriter, until: int | None = None) -> None:
        """Write every step before ``until`` (all of them without it)."""
        db = writer.db
        units = {d.code: d for d in departments(db)}
        people = {u.username: u for u in users(db)}
        while self.heap and (until is None or self.heap[0].at < until):
            step = heapq.heappop(self.heap)
            self.set_wall(step.at)
            if step.request is None:
                payload = step.payload or {}
                self.categories[step.case_id] = payload.get("category_code", "")
                writer.append(
                    step.registrar, "case", step.case_id, EventType.CASE_REGISTERED, payload
                )
                continue
            if step.case_id in self.broken:
                continue
            user = people[step.username]
            today: date = china_time(step.at).date()
            action = step.request.action
            suggestion = self._suggestion(writer, step.case_id) if action in ROUTING else None
            police = action == Action.TRANSFER_POLICE
            letter = (
                next_letter_no(db, police, today) if police or action == Action.TRANSFER else ""
            )
            try:
                decision = decide(
                    load_state(db, step.case_id),
                    actor_of(user),
                    step.request,
                    units,
                    Numbers(call_id=new_id(), letter_no=letter),
                    today,
                    suggestion,
                )
            except DomainError as error:
                self.broken.add(step.case_id)
                self.refused.append((step.case_id, action.value, error.code))
                continue
            if step.request.not_our_duty:
                self.disputed.add(step.case_id)
            writer.append(user.id, "case", step.case_id, decision.event_type, decision.payload)

    def _suggestion(self, writer: EventWriter, case_id: str) -> Suggestion | None:
        """The lists' suggestion, read once per category: the lists do not change while the
        demo's cases are written, only a ruling on a case's own dispute does."""
        category = self.categories.get(case_id)
        if category is None or case_id in self.disputed:
            return suggestion_for(writer.db, case_by_id(writer.db, case_id))
        if category not in self._suggestions:
            self._suggestions[category] = suggestion_for(writer.db, case_by_id(writer.db, case_id))
        return self._suggestions[category]


def write_in_time_order(
    writer: EventWriter, steps: Iterable[Step], set_wall: Callable[[int], None]
) -> Walk:
    """Registrations and steps merged by time, all in ``writer``'s transaction."""
    walk = Walk(steps, set_wall)
    walk.run(writer)
    return walk
