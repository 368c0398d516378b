"""A unit's or a person's few cases, gathered through the indexes that find them.

SQLite's statistics, skewed by millions of untriaged cases with no unit, would have it
walk the whole table for a unit's twenty cases; each narrowing filter (待我办理, 本单位)
is a union of *branches*, each one index's range, which ``case_plan`` gathers when they
are few and otherwise tests case by case.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.store.case_query import CaseFilter
from app.store.queues import queue_conditions, waiting_on

# some cases found through one index: the index, the conditions, and their parameters
Branch = tuple[str, str, list[Any]]


def narrowing(db: Database, f: CaseFilter) -> list[tuple[str, list[Any], list[Branch]]]:
    """The narrowing filter (待我办理, 本单位, or both: the unit's cases waiting on the
    person), if any, as ``[(condition, params, branches)]``: ``condition`` on
    ``cases``, taking ``params``, and the same cases' ``seq`` gathered by the union of
    ``branches``, each through the index that finds them (SQLite's statistics, skewed by
    millions of untriaged cases, would have it walk the whole table for a unit's twenty
    cases); their parameters, in order, are ``params``. No branches: nothing can match."""
    if f.waiting_on is not None:
        condition, params = waiting_on(db, f.waiting_on)
        queues = queue_conditions(db, f.waiting_on)  # the same conditions, one by one
        # a unit's cases waiting on a person: each queue read in the unit's own range of
        # the unit's index, so only the cases of both are gathered, not the person's each
        # looked up for its unit (the clerk's 8,700 in the largest unit, in the order
        # received: 45 ms), nor the person's queue by status walked for the unit's (the
        # five-million demo's 4.9 million untriaged cases, none of any unit: 305 ms)
        unit, values_of_unit = (" AND lead_unit = ?", [f.lead_unit]) if f.lead_unit else ("", [])
        branches = [
            (
                "cases_by_lead_unit" if queue.own_unit or f.lead_unit else "cases_by_status",
                f"({part}){unit}",
                [*values, *values_of_unit],
            )
            for queue, part, values in queues
        ]
        return [(f"{condition}{unit}", [*params, *values_of_unit], branches)]
    if f.lead_unit:
        branch = ("cases_by_lead_unit", "lead_unit = ?", [f.lead_unit])
        return [("lead_unit = ?", [f.lead_unit], [branch])]
    return []


def union(
    branches: list[Branch], columns: str = "seq", joined_by: str = "UNION ALL"
) -> tuple[str, list[Any]]:
    """The ``columns`` of the cases the branches find (a case may be found twice), each
    read from its branch's index, and the parameters."""
    if not branches:
        return "SELECT NULL AS seq WHERE 0", []
    arms = [
        f"SELECT {columns} FROM cases INDEXED BY {index} WHERE {tests}"
        for index, tests, _ in branches
    ]
    return f" {joined_by} ".join(arms), [value for _, _, values in branches for value in values]
