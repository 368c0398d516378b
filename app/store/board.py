"""The overdue watch (督查督办) as the board and ``towndesk overdue`` show it.

Every running clock that is late or about to be (signing for, handling, the office's own
triage, verification and closing, a transfer's receipt and outcome, a call's response and
arrival) is read by ``store/clocks.py``; here they are folded to one row per case and unit,
so a case late on two clocks of one unit is one line to chase, not two. The row shows the
most urgent clock (the earliest due) and how many clocks of that unit are late or due soon,
with how often the case was already supervised (督办过 n 次).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from app.core.deadlines import DeadlineState
from app.store.clocks import OverdueCase, calls_in_states, due_soon_cases, overdue_cases

# rows each unit keeps on a board cut to its limit (``capped``)
EVERY_UNIT_KEEPS = 20


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
    """Overdue and due-soon rows, once per case and unit, at ``now``: the longest overdue
    and the soonest due, cases and calls together, about ``limit`` of each (a township with
    2,000 calls overdue beside its cases listed 3,000 rows, and the board took 200 ms and
    more to show them), yet every unit with a late clock among them (``capped``)."""
    calls = calls_in_states(db, now, (DeadlineState.OVERDUE, DeadlineState.DUE_SOON))
    late = once_per_unit(overdue_cases(db, now, limit) + calls[DeadlineState.OVERDUE])
    seen = {(row.number, row.unit) for row in late}
    soon = [
        row
        for row in once_per_unit(due_soon_cases(db, now, limit) + calls[DeadlineState.DUE_SOON])
        if (row.number, row.unit) not in seen
    ]
    return Board(capped(late, limit), capped(soon, limit))


def capped(rows: list[BoardRow], limit: int, per_unit: int = EVERY_UNIT_KEEPS) -> list[BoardRow]:
    """The first ``limit`` of ``rows`` (in their order), and of each unit beyond them its
    first ``per_unit``: a unit is not dropped from the board because another unit's backlog
    is older (the office's triage of 50,000 cases would hide every district department
    late to a call)."""
    kept, shown = rows[:limit], Counter(row.unit for row in rows[:limit])
    for row in rows[limit:]:
        if shown[row.unit] < per_unit:
            kept.append(row)
            shown[row.unit] += 1
    return sorted(kept, key=lambda r: (r.due, r.number))


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
