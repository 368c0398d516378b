"""The overdue watch (督查督办) as the board and ``towndesk overdue`` show it.

Every running clock that is late or about to be (signing for, handling, the office's own
triage, verification and closing, a transfer's receipt and outcome, a call's response and
arrival) is read by ``store/clocks.py``; here they are folded to one row per case and unit,
so a case late on two clocks of one unit is one line to chase, not two. The row shows the
most urgent clock (the earliest due) and how many clocks of that unit are late or due soon,
with how often the case was already supervised (督办过 n 次).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from app.core.deadlines import DeadlineState
from app.store.clocks import OverdueCase, calls_in_states, due_soon_cases, overdue_cases


@dataclass(frozen=True)
class BoardRow:
    number: str
    unit: str | None  # the unit (department code, or an outside authority) the clock waits on
    kind: str  # the most urgent clock: sign, handle, triage, …, call_ack (see OverdueCase)
    due: str
    status: str
    supervision_count: int  # 督办过 n 次
    clocks: int  # this unit's clocks of the case that are late (or, when soon, due soon)
    wall: bool = False  # the shown clock runs on the wall clock (an urgent call)


@dataclass(frozen=True)
class Board:
    overdue: list[BoardRow]  # longest overdue first
    due_soon: list[BoardRow]  # soonest first; a case and unit already overdue is not repeated

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)


def board(db: Database, now: datetime, limit: int = 1000) -> Board:
    """Overdue and due-soon rows, once per case and unit, at ``now``: at most ``limit`` of
    each, the longest overdue and the soonest due, cases and calls together (a township
    with 2,000 calls overdue beside its cases listed 3,000 rows, and the board took 200 ms
    and more to show them)."""
    calls = calls_in_states(db, now, (DeadlineState.OVERDUE, DeadlineState.DUE_SOON))
    late = once_per_unit(overdue_cases(db, now, limit) + calls[DeadlineState.OVERDUE])
    seen = {(row.number, row.unit) for row in late}
    soon = [
        row
        for row in once_per_unit(due_soon_cases(db, now, limit) + calls[DeadlineState.DUE_SOON])
        if (row.number, row.unit) not in seen
    ]
    return Board(late[:limit], soon[:limit])


def once_per_unit(rows: Iterable[OverdueCase]) -> list[BoardRow]:
    """One row per (case, unit): its earliest due clock, and how many there are."""
    groups: dict[tuple[str, str | None], list[OverdueCase]] = {}
    for row in rows:
        groups.setdefault((row.number, row.lead_unit), []).append(row)
    folded = []
    for (number, unit), clocks in groups.items():
        first = min(clocks, key=lambda c: c.due)
        folded.append(
            BoardRow(
                number,
                unit,
                first.kind,
                first.due,
                first.status,
                first.supervision_count,
                len(clocks),
                first.wall,
            )
        )
    return sorted(folded, key=lambda r: (r.due, r.number))
