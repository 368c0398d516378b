"""A date range of cases sorted by lead unit, read as ranges of the unit's index (issue 16).

cases_by_lead_unit is ordered by the lead unit, then the status, then the time received
(本单位's queues search it by both: db/0014), so a date range is one range of its entries
per unit and status. Walked in that order with the dates tested in each entry, September
at five million cases passed every untriaged case (of no unit yet) received before it:
160-670 ms by unit. Read as those ranges, unit after unit and status after status, in two
arms merged in order (the cases of no unit, first ascending, and those of a unit), the
walk reads the month's entries alone.
"""

from __future__ import annotations

from typing import Any


def values_of(column: str) -> str:
    """A query of the values ``column`` holds, each found by one step down its index from
    the last (a few dozen at most: statuses, grids, categories, units), in the same
    statement as the walk, so a case written meanwhile cannot be missed."""
    return (
        f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM cases UNION ALL "
        f"SELECT (SELECT min({column}) FROM cases WHERE {column} > x) FROM v "
        f"WHERE x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL"
    )


def by_unit_within(clauses: list[str], params: list[Any]) -> tuple[str, list[Any]]:
    """The cases ``clauses`` find (a date range among them, searchable in the index; every
    other column behind a unary ``+`` but a status filtered), as a UNION ALL of ``(seq,
    lead_unit, status, received_at)`` to be ordered by unit: the cases of no unit, and
    those of one, each arm one range per status (or the status filtered)."""
    statuses = any(clause.startswith("status ") for clause in clauses)
    each_status = "" if statuses else f" AND status IN ({values_of('status')})"
    also = "".join(f" AND {clause}" for clause in clauses)
    arms = [
        "SELECT seq, lead_unit, status, received_at FROM cases INDEXED BY cases_by_lead_unit "
        f"WHERE {unit}{each_status}{also}"
        for unit in ("lead_unit IS NULL", f"lead_unit IN ({values_of('lead_unit')})")
    ]
    return " UNION ALL ".join(arms), [*params, *params]
