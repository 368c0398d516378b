"""The signed-in user's work, soonest due first: the workbench's "what waits on me".

Which cases wait on whom is decided once, in core (``QUEUES``); ``_queue_clauses`` turns a
queue into SQL, and ``my_tasks`` (the workbench's list), ``waiting_on`` and
``queue_conditions`` (its counts, the cases list's 待我办理 filter) all use it, so they always
hold the same cases."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.core.case_path.queues import QUEUES, Queue
from app.core.case_path.rules import field_statuses
from app.core.model import CaseStatus, User
from app.store.devices import own_kind

# The office's own steps: their clock (step_due_at) starts when the case enters the status,
# so the (status, received_at) index gives nearly the order of their due times and stays an
# index walk with a million cases waiting; the merge below sorts what it read by due time.
OFFICE_STEPS = frozenset({CaseStatus.PENDING_TRIAGE, CaseStatus.FEEDBACK, CaseStatus.VERIFIED})


@dataclass(frozen=True)
class Task:
    number: str
    status: str
    due: str | None  # the earliest running deadline; None: no clock (e.g. parked)
    description: str


def _queue_clauses(queue: Queue, user: User) -> tuple[list[str], list[object]]:
    """What ``queue`` asks of a case besides its status, as SQL on ``cases``."""
    clauses: list[str] = []
    params: list[object] = []
    if queue.own_unit:
        clauses.append("lead_unit = ?")
        params.append(user.department_code)
    if queue.own_grid:
        clauses.append("grid_code IN (SELECT code FROM grids WHERE worker_id = ?)")
        params.append(user.id)
    if queue.requests:
        clauses.append("(extension_requested IS NOT NULL OR park_requested_until IS NOT NULL)")
    return clauses, params


def _queues(db: Database, user: User) -> list[tuple[Queue, list[CaseStatus]]]:
    """The user's queues with the statuses this device can move a case on (a laptop lists
    only what it can act on); queues left with no status are dropped."""
    here = field_statuses(own_kind(db))
    found = []
    for queue in QUEUES.get(user.role, ()):
        statuses = sorted(s for s in queue.statuses if here is None or s in here)
        if statuses:
            found.append((queue, statuses))
    return found


def queue_conditions(db: Database, user: User) -> list[tuple[Queue, str, list[object]]]:
    """Each of the user's queues as one SQL condition on ``cases`` (with its parameters): a
    case waits on the user when it meets any of them. The cases list gathers each queue
    through its own index (see app/store/case_plan.py)."""
    found = []
    for queue, statuses in _queues(db, user):
        clauses, values = _queue_clauses(queue, user)
        marks = ",".join("?" for _ in statuses)
        condition = " AND ".join([f"status IN ({marks})", *clauses])
        found.append((queue, condition, [s.value for s in statuses] + values))
    return found


def waiting_on(db: Database, user: User) -> tuple[str, list[object]]:
    """The cases that wait on ``user`` now, as one SQL condition on ``cases``: the cases
    ``my_tasks`` lists (without its limit). ``("0", [])`` when nothing can wait on them."""
    queues = queue_conditions(db, user)
    if not queues:
        return "0", []
    condition = " OR ".join(f"({condition})" for _queue, condition, _values in queues)
    return f"({condition})", [value for _queue, _condition, values in queues for value in values]


# a queue as the values of the cases' columns it asks: column -> the values it may hold
QueueValues = tuple[tuple[str, tuple[str, ...]], ...]


def waiting_values(db: Database, user: User) -> tuple[QueueValues, ...] | None:
    """The cases ``waiting_on`` holds, as the values of their columns each of the user's
    queues asks (a case waits on the user when it holds those of any): the status, the
    lead unit, the grid. The cases list tells the to-do list from the values it keeps in
    memory so (app/store/case_values.py). None: a queue asks what no column's value says
    (a request waiting for a decision)."""
    found = []
    for queue, statuses in _queues(db, user):
        if queue.requests:
            return None
        values: dict[str, tuple[str, ...]] = {"status": tuple(s.value for s in statuses)}
        if queue.own_unit:  # (a user of no unit leads none: "lead_unit = NULL" in SQL)
            values["lead_unit"] = (user.department_code,) if user.department_code else ()
        if queue.own_grid:
            rows = db.execute("SELECT code FROM grids WHERE worker_id = ?", [user.id])
            values["grid_code"] = tuple(row[0] for row in rows)
        found.append(tuple(values.items()))
    return tuple(found)


def my_tasks(db: Database, user: User, limit: int = 200) -> list[Task]:
    """One small query per queue and status (each an index walk, even when a million cases
    wait for triage), merged here: running deadlines first, then the oldest."""
    found: dict[str, tuple[tuple[bool, str, str], Task]] = {}
    for queue, statuses in _queues(db, user):
        clauses, values = _queue_clauses(queue, user)
        where = " AND ".join(["status = ?", *clauses])
        for status in statuses:
            order = "received_at" if status in OFFICE_STEPS else "due, received_at"
            rows = db.execute(
                "SELECT number, status, min(coalesce(sign_due_at, '~'), "
                "coalesce(handle_due_at, '~'), coalesce(step_due_at, '~')) AS due, "
                "description, received_at "
                f"FROM cases WHERE {where} ORDER BY {order} LIMIT ?",
                [status.value, *values, limit],
            ).fetchall()
            for number, state, due, description, received_at in rows:
                running = due != "~"
                key = (not running, due if running else "", received_at)
                found[number] = (key, Task(number, state, due if running else None, description))
    ordered = sorted(found.values(), key=lambda item: item[0])
    return [task for _, task in ordered[:limit]]


def task_counts(db: Database, user: User) -> dict[CaseStatus, int]:
    """How many cases wait on ``user`` in each status (the workbench's counts per kind of
    work): the cases ``waiting_on`` holds, all of them, not only the first ``my_tasks``.
    One count per status, each an index search (one count over the OR of the queues
    scanned the table: 143 ms for the clerk at a million cases, 80 ms this way)."""
    by_status: dict[CaseStatus, list[tuple[list[str], list[object]]]] = {}
    for queue, statuses in _queues(db, user):
        for status in statuses:
            by_status.setdefault(status, []).append(_queue_clauses(queue, user))
    counts: dict[CaseStatus, int] = {}
    for status, options in by_status.items():
        wanted = [" AND ".join(clauses) for clauses, _ in options]
        params: list[object] = [status.value]
        where = "status = ?"
        if all(wanted):  # else one queue takes every case in the status
            where += " AND (" + " OR ".join(f"({w})" for w in wanted) + ")"
            params += [value for _, values in options for value in values]
        count = db.execute(f"SELECT count(*) FROM cases WHERE {where}", params).fetchone()[0]
        if count:
            counts[status] = count
    return counts
