"""Keep ``figure_days`` (core/rollup.py) in step with the fact tables: a case folded again
takes its old rows' sums away and adds its new rows' sums, in the same transaction, so the
daily sums always equal what a rebuild gives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from app.core.indicators import Facts
from app.core.rollup import daily_sums

FACT_TABLES = {
    Facts.CASES: "case_facts",
    Facts.HANDLING: "handling_facts",
    Facts.CALLS: "call_facts",
}
Rows = Mapping[Facts, list[Mapping[str, Any]]]


def stored_facts(db: Database, case_ids: list[str]) -> dict[Facts, list[Mapping[str, Any]]]:
    """The fact rows these cases have now (read before they are replaced)."""
    found: dict[Facts, list[Mapping[str, Any]]] = {facts: [] for facts in FACT_TABLES}
    for facts, table in FACT_TABLES.items():
        for start in range(0, len(case_ids), 500):
            chunk = case_ids[start : start + 500]
            marks = ",".join("?" for _ in chunk)
            cursor = db.conn.execute(f"SELECT * FROM {table} WHERE case_id IN ({marks})", chunk)
            names = [d[0] for d in cursor.description]
            found[facts].extend(dict(zip(names, row, strict=True)) for row in cursor)
    return found


Sums = dict[tuple[str, str, str, str], list[int]]  # (dimension, day, indicator, code) ->
# [counted, hit, value] to add to figure_days


def add_difference(change: Sums, before: Rows, after: Rows) -> None:
    """Add to ``change`` the difference between the rows a set of cases had and have (an
    import adds up every chunk of cases it folds, and writes the sums once)."""
    for facts in FACT_TABLES:
        for rows, sign in ((before.get(facts, []), -1), (after.get(facts, []), 1)):
            add_sums(change, daily_sums(facts, rows, sign))


def add_sums(change: Sums, more: Sums) -> None:
    """Add ``more`` to ``change``, day by day and figure by figure."""
    for key, (counted, hit, value) in more.items():
        total = change.setdefault(key, [0, 0, 0])
        total[0] += counted
        total[1] += hit
        total[2] += value


def write_sums(db: Database, change: Sums) -> None:
    """Add ``change`` to figure_days; a day's sums counting nothing any more go."""
    changed = [(*key, *sums) for key, sums in change.items() if any(sums)]
    if not changed:
        return
    db.conn.executemany(
        "INSERT INTO figure_days (dimension, day, indicator, code, counted, hit, value_sum) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dimension, day, indicator, code) DO UPDATE "
        "SET counted = counted + excluded.counted, hit = hit + excluded.hit, "
        "value_sum = value_sum + excluded.value_sum",
        changed,
    )
    db.conn.executemany(
        "DELETE FROM figure_days WHERE dimension = ? AND day = ? AND indicator = ? AND code = ? "
        "AND counted = 0",
        [row[:4] for row in changed if row[4] < 0],
    )


def new_facts(facts_of_cases: Iterable[Any]) -> dict[Facts, list[Mapping[str, Any]]]:
    """The fact rows of freshly folded cases (``CaseRows.facts``), by kind."""
    found: dict[Facts, list[Mapping[str, Any]]] = {facts: [] for facts in FACT_TABLES}
    for f in facts_of_cases:
        found[Facts.CASES].append(f.case)
        found[Facts.HANDLING].extend(f.handling)
        found[Facts.CALLS].extend(f.calls)
    return found
