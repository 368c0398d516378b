"""What the monthly bulletin (月度通报) reads besides the figures of store/statistics.py: the
places and grids of the month's cases, the cases long overdue, the joint-meeting decisions
due, and the assessment's weights in force. Plain rows; the bulletin words them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from app.core.assessment import DEFAULT_WEIGHTS
from app.core.clock import TIME_FORMAT
from app.core.periods import Period
from app.store.work_calendar import work_calendar

PLACE_REPEATED = 2  # an address counts as a place of its own from this many cases


@dataclass(frozen=True)
class PlaceCount:
    place: str  # an address, or a grid's name when no address repeats
    grid: str  # the grid's name
    cases: int
    by_address: bool  # False: counted by grid


@dataclass(frozen=True)
class SilentGrid:
    code: str
    name: str


@dataclass(frozen=True)
class OverdueOpenCase:
    number: str
    step: str  # sign (签收) or handle (处置)
    due: str  # YYYY-MM-DD HH:MM:SS
    lead_unit: str  # the unit's name ("" when none)
    category: str
    place: str  # address, else grid name
    working_days: float  # working days past the due time, as of ``now``
    supervisions: int


@dataclass(frozen=True)
class DecisionDue:
    meeting_number: int
    position: int
    text: str
    owner: str  # the unit's name
    deadline: str  # YYYY-MM-DD
    done_at: str | None

    def overdue_days(self, now: datetime) -> int:
        """Calendar days past the deadline (0 when done or not yet due)."""
        if self.done_at is not None:
            return 0
        return max(0, (now.date() - date.fromisoformat(self.deadline)).days)


def top_places(db: Database, period: Period, limit: int = 10) -> list[PlaceCount]:
    """Where the month's cases came from: addresses with at least ``PLACE_REPEATED`` cases,
    most first; when no address repeats, the grids instead."""
    params = {"start": period.start, "end": period.end, "least": PLACE_REPEATED}
    rows = db.conn.execute(
        "SELECT c.address, g.name, count(*) AS n FROM cases c "
        "JOIN grids g ON g.code = c.grid_code "
        "WHERE c.received_at >= :start AND c.received_at < :end AND trim(c.address) != '' "
        "GROUP BY c.address, c.grid_code HAVING n >= :least ORDER BY n DESC, c.address "
        f"LIMIT {int(limit)}",
        params,
    ).fetchall()
    if rows:
        return [PlaceCount(address, grid, n, True) for address, grid, n in rows]
    rows = db.conn.execute(
        "SELECT g.name, count(*) AS n FROM cases c JOIN grids g ON g.code = c.grid_code "
        "WHERE c.received_at >= :start AND c.received_at < :end "
        f"GROUP BY c.grid_code ORDER BY n DESC, c.grid_code LIMIT {int(limit)}",
        params,
    ).fetchall()
    return [PlaceCount(name, name, n, False) for name, n in rows]


def silent_grids(db: Database, period: Period) -> list[SilentGrid]:
    """Grids from which no case was received in the period (the coverage gaps)."""
    rows = db.conn.execute(
        "SELECT code, name FROM grids g WHERE NOT EXISTS (SELECT 1 FROM cases c "
        "WHERE c.grid_code = g.code AND c.received_at >= :start AND c.received_at < :end) "
        "ORDER BY code",
        {"start": period.start, "end": period.end},
    ).fetchall()
    return [SilentGrid(code, name) for code, name in rows]


def overdue_open_cases(db: Database, now: datetime) -> list[OverdueOpenCase]:
    """Open cases past their sign-for or handling due time at ``now``, longest overdue first,
    with the working days they are late by (office hours, the township's calendar)."""
    moment = now.strftime(TIME_FORMAT)
    rows = db.conn.execute(
        "SELECT c.number, CASE WHEN c.sign_due_at IS NOT NULL AND c.sign_due_at < :now "
        "  AND (c.handle_due_at IS NULL OR c.sign_due_at <= c.handle_due_at) "
        "  THEN 'sign' ELSE 'handle' END AS step, "
        "min(coalesce(c.sign_due_at, '~'), coalesce(c.handle_due_at, '~')) AS due, "
        "coalesce(d.name, ''), coalesce(k.name, c.category_code), "
        "CASE WHEN trim(c.address) != '' THEN c.address ELSE coalesce(g.name, c.grid_code) END, "
        "c.supervision_count "
        "FROM cases c LEFT JOIN departments d ON d.code = c.lead_unit "
        "LEFT JOIN categories k ON k.code = c.category_code "
        "LEFT JOIN grids g ON g.code = c.grid_code "
        "WHERE c.finished_at IS NULL AND (c.sign_due_at < :now OR c.handle_due_at < :now) "
        "ORDER BY due, c.seq",
        {"now": moment},
    ).fetchall()
    calendar = work_calendar(db)
    day = calendar.office_seconds_per_day
    found = []
    for number, step, due, unit, category, place, supervisions in rows:
        late = calendar.working_seconds_between(datetime.strptime(due, TIME_FORMAT), now)
        days = round(late / day, 1) if day else 0.0
        found.append(OverdueOpenCase(number, step, due, unit, category, place, days, supervisions))
    return found


def decisions_due(db: Database, period: Period, now: datetime) -> list[DecisionDue]:
    """Joint-meeting decisions due in the period, and those due earlier still not done at
    ``now``; by deadline."""
    rows = db.conn.execute(
        "SELECT m.number, d.position, d.text, coalesce(u.name, d.owner), d.deadline, "
        "CASE WHEN d.done_at <= :now THEN d.done_at END "
        "FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id "
        "LEFT JOIN departments u ON u.code = d.owner "
        "WHERE (d.deadline >= :first AND d.deadline <= :last) "
        "   OR (d.deadline < :first AND (d.done_at IS NULL OR d.done_at > :now)) "
        "ORDER BY d.deadline, m.number, d.position",
        {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "now": now.strftime(TIME_FORMAT),
        },
    ).fetchall()
    return [DecisionDue(*row) for row in rows]


def weights_in_force(db: Database) -> dict[str, int]:
    """The assessment's weights as the administrator set them; none set: the defaults."""
    rows = db.conn.execute(
        "SELECT indicator, weight FROM assessment_weights WHERE weight > 0 ORDER BY rowid"
    ).fetchall()
    return dict(rows) if rows else dict(DEFAULT_WEIGHTS)
