"""The signed-in user's work, soonest due first: the workbench's "what waits on me"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.core.case_path.queues import QUEUES, Queue
from app.core.case_path.rules import field_statuses
from app.core.model import CaseStatus, User
from app.store.devices import own_kind

NO_CLOCK = frozenset({CaseStatus.PENDING_TRIAGE, CaseStatus.FEEDBACK, CaseStatus.VERIFIED})


@dataclass(frozen=True)
class Task:
    number: str
    status: str
    due: str | None  # the earliest running deadline; None: no clock (e.g. awaiting triage)
    description: str


def _where(queue: Queue, user: User) -> tuple[str, list[object]]:
    clauses, params = ["status = ?"], []
    if queue.own_unit:
        clauses.append("lead_unit = ?")
        params.append(user.department_code)
    if queue.own_grid:
        clauses.append("grid_code IN (SELECT code FROM grids WHERE worker_id = ?)")
        params.append(user.id)
    if queue.requests:
        clauses.append("(extension_requested IS NOT NULL OR park_requested_until IS NOT NULL)")
    return " AND ".join(clauses), params


def my_tasks(db: Database, user: User, limit: int = 200) -> list[Task]:
    """One small query per queue and status (each an index walk, even when a million cases
    wait for triage), merged here: running deadlines first, then the oldest."""
    found: dict[str, tuple[tuple[bool, str, str], Task]] = {}
    here = field_statuses(own_kind(db))  # a laptop lists only what it can move on
    for queue in QUEUES.get(user.role, ()):
        where, values = _where(queue, user)
        for status in sorted(s for s in queue.statuses if here is None or s in here):
            # no clock runs in these states: the (status, received_at) index gives the order
            order = "received_at" if status in NO_CLOCK else "due, received_at"
            rows = db.execute(
                "SELECT number, status, min(coalesce(sign_due_at, '~'), "
                "coalesce(handle_due_at, '~')) AS due, description, received_at "
                f"FROM cases WHERE {where} ORDER BY {order} LIMIT ?",
                [status.value, *values, limit],
            ).fetchall()
            for number, state, due, description, received_at in rows:
                running = due != "~"
                key = (not running, due if running else "", received_at)
                found[number] = (key, Task(number, state, due if running else None, description))
    ordered = sorted(found.values(), key=lambda item: item[0])
    return [task for _, task in ordered[:limit]]
