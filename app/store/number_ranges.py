"""A date range of cases sorted by case number, read as ranges of numbers (issue 16).

A case number names the day its case was received (``core/numbering.py``:
``<township>-<yyyymmdd>-<device><seq>``, the day of ``received_at``), so the cases of a
date range lie, in number order, in one range of numbers per township code: September's
between ``QS-20260901`` and ``QS-20260930.``, however many cases came before or after.
Walking cases_by_number tested every number before the range (a month of a million cases,
ascending: 45 ms); reading the range, the first 200 (0.4 ms).

Only a case whose number names another day (a number made elsewhere, an odd time received)
could lie outside that range: those are indexed apart (db/0015: ``cases_numbered_apart``,
empty in a database this program wrote) and merged in by number, and the ranges skip them,
so the rows are exactly those of the walk, in the same order.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

NUMBERED_APART = "cases_numbered_apart"
# Word for word db/0015's condition: SQLite reads a partial index only for a query whose
# WHERE holds that very expression.
APART = (
    "substr(number, instr(number, '-') + 1, 9) <> substr(received_at, 1, 4) || "
    "substr(received_at, 6, 2) || substr(received_at, 9, 2) || '-'"
)
# More township codes than this among the numbers (never, in a township's database): the
# sort order's index is walked as before.
MOST_CODES = 20


def township_codes(db: Database) -> list[str] | None:
    """The township codes that begin case numbers (``QS``), each found by one step down
    the number index past the last; None when there are more than ``MOST_CODES``. A number
    without a code (no ``-``) is always numbered apart: it is stepped over."""
    found: list[str] = []
    after = ""
    for _ in range(4 * MOST_CODES):
        number = db.execute("SELECT min(number) FROM cases WHERE number > ?", [after]).fetchone()[0]
        if number is None:
            return found
        if "-" not in number:
            after = number
            continue
        code = number.split("-", 1)[0]
        if len(found) == MOST_CODES:
            return None
        found.append(code)
        after = code + "."  # past every '<code>-…' ('.' sorts right after '-')
    return None


def numbered_within(
    db: Database,
    received_from: str | None,
    received_to: str | None,
    clauses: list[str],
    params: list[Any],
) -> tuple[str, list[Any]] | None:
    """The cases ``clauses`` find (a date range ``received_from``..``received_to`` among
    them, each column behind a unary ``+``), as a UNION ALL of ``(seq, number)`` to be
    ordered by number: one range of numbers per township code, and the cases numbered
    apart. None: too many township codes (walk the number index instead)."""
    codes = township_codes(db)
    if codes is None:
        return None
    first = received_from.replace("-", "") if received_from else ""
    last = received_to.replace("-", "") if received_to else None
    also = "".join(f" AND {clause}" for clause in clauses)
    arms, values = [], []
    for code in codes:
        arms.append(
            "SELECT seq, number FROM cases INDEXED BY cases_by_number "
            f"WHERE number >= ? AND number < ? AND NOT ({APART}){also}"
        )
        # from '<code>-<first day>' to past '<code>-<last day>-…' or every '<code>-…'
        end = f"{code}-{last}." if last else f"{code}."  # ('.' sorts right after '-')
        values += [f"{code}-{first}", end, *params]
    arms.append(f"SELECT seq, number FROM cases INDEXED BY {NUMBERED_APART} WHERE {APART}{also}")
    values += params
    return " UNION ALL ".join(arms), values
