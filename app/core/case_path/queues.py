"""What waits on whom (the workbench's "my tasks"): which cases each role must act on."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.model import CaseStatus, Role

S = CaseStatus


@dataclass(frozen=True)
class Queue:
    """Cases in ``statuses``; ``own_unit``: only where the user's unit leads;
    ``own_grid``: only in the grids the user patrols; ``requests``: only cases with an
    extension or parking request waiting for a decision."""

    statuses: frozenset[CaseStatus]
    own_unit: bool = False
    own_grid: bool = False
    requests: bool = False


QUEUES: dict[Role, tuple[Queue, ...]] = {
    Role.CLERK: (
        Queue(frozenset({S.PENDING_TRIAGE, S.VERIFIED})),  # triage, close
        Queue(frozenset({S.ASSIGNED, S.HANDLING}), own_unit=True),  # the township's own work
    ),
    Role.ADMINISTRATOR: (Queue(frozenset({S.PENDING_TRIAGE, S.VERIFIED})),),
    Role.DEPARTMENT_OFFICER: (Queue(frozenset({S.ASSIGNED, S.HANDLING, S.PARKED}), own_unit=True),),
    Role.GRID_WORKER: (Queue(frozenset({S.FEEDBACK}), own_grid=True),),  # check on site
    Role.SUPERVISOR: (Queue(frozenset({S.ASSIGNED, S.HANDLING}), requests=True),),
    Role.LEADER: (Queue(frozenset({S.ASSIGNED, S.HANDLING}), requests=True),),
}


# Supervised this many times and still open: the case goes on the candidate list of the
# next joint meeting (联席会议), which settles what the units could not.
ESCALATE_AFTER_SUPERVISIONS = 2


def escalated(supervision_count: int, finished: bool) -> bool:
    return not finished and supervision_count >= ESCALATE_AFTER_SUPERVISIONS
