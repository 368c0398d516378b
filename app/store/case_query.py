"""The filter and the sort a clerk picks on the cases page, which orders are the same, and
the ORDER BY of each (``case_plan`` works out the rest of the SQL that serves them)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.model import User

SORTABLE = (
    "number",
    "received_at",
    "status",
    "category_code",
    "grid_code",
    "source",
    "urgency",
    "address",
    "first_receiver_unit",
    "lead_unit",
)


@dataclass(frozen=True)
class CaseFilter:
    status: str | None = None
    category_codes: tuple[str, ...] = ()  # a leaf, or every leaf of a group
    grid_code: str | None = None
    source: str | None = None
    urgency: str | None = None
    received_from: str | None = None  # YYYY-MM-DD, inclusive
    received_to: str | None = None  # YYYY-MM-DD, inclusive
    text: str = ""
    # 待我办理: the cases waiting on this user now, exactly the workbench's to-do list
    # (app/store/queues.py decides who a case waits on)
    waiting_on: User | None = None
    lead_unit: str | None = None  # 牵头单位: a department code (本单位: the user's own)


@dataclass(frozen=True)
class CaseSort:
    column: str = "received_at"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.column not in SORTABLE:
            raise ValueError(f"cannot sort cases by {self.column!r}")


def one_value_columns(f: CaseFilter) -> dict[str, str]:
    """The filter's columns with one value, and the value."""
    one_category = f.category_codes[0] if len(f.category_codes) == 1 else None
    return {
        column: value
        for column, value in (
            ("status", f.status),
            ("grid_code", f.grid_code),
            ("source", f.source),
            ("urgency", f.urgency),
            ("category_code", one_category),
        )
        if value is not None
    }


def same_order(case_filter: CaseFilter, sort: CaseSort) -> CaseSort:
    """``sort``, or the same order as the first window finds it sooner: a list sorted by a
    column it is filtered to one value of, descending, is newest first (the order after
    every column is by the time received: ``order_by``), which reads only the newest hits
    of a search (the hotline's cases of a unit holding 占, by source: 50 ms -> 14). Its
    later windows walk the column's own index: one range, in that order."""
    sort = unit_by_status(case_filter, sort)
    if sort.descending and sort.column in one_value_columns(case_filter):
        return CaseSort()
    return sort


def unit_by_status(case_filter: CaseFilter, sort: CaseSort) -> CaseSort:
    """A unit's own cases within dates, by unit, are by status, and each status's dates are
    one range of its index (a month of the largest unit's cases holding 占, by unit: 80 ms
    walking the unit's 486,000 entries, 15 by status)."""
    dated = case_filter.received_from or case_filter.received_to
    if sort.column == "lead_unit" and case_filter.lead_unit and dated:
        return CaseSort("status", sort.descending)
    return sort


def ordered_by(sort: CaseSort) -> list[str]:
    """The columns ``order_by`` names."""
    return [term.split()[0] for term in order_by(sort).split(", ")]


def order_by(sort: CaseSort) -> str:
    """An ORDER BY that follows its index, so SQLite walks it instead of sorting (the row
    number last makes every order total; ties of 受理时间 are rare)."""
    d = "DESC" if sort.descending else "ASC"
    if sort.column == "number":  # unique
        return f"number {d}"
    if sort.column == "received_at":
        return f"received_at {d}, seq {d}"
    if sort.column == "lead_unit":  # the index cases_by_lead_unit (lead_unit, status, ...)
        return f"lead_unit {d}, status {d}, received_at {d}, seq {d}"
    return f"{sort.column} {d}, received_at {d}, seq {d}"
