"""The case ledger (案件台账): the cases list as filtered, each case with what a township's
ledger keeps beside it (route, lead and cooperating units, the handling deadline, when it
closed and whether on time), read in windows so an export of 100,000 cases never holds them
all. The sheet itself is written by ``app/reports/case_ledger.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlite_utils import Database

from app.core.case_path.parties import Party
from app.core.model import Case
from app.store.case_list import CaseFilter, seqs_after
from app.store.cases import CASE_COLUMNS, row_to_case
from app.store.parties import parties_of_cases

WINDOW = 500  # cases read at a time


@dataclass(frozen=True)
class LedgerEntry:
    """One case of the ledger. ``handle_due_at`` is None once the case is finished (the
    deadline is cleared from ``cases``); ``closed_at`` and ``closed_on_time`` come from
    ``case_facts`` (schema 8): 1 closed on time, 0 late, None not closed or not judged."""

    case: Case
    route: str | None
    lead_unit: str | None
    cooperating_units: tuple[str, ...]
    handle_due_at: str | None
    closed_at: str | None
    closed_on_time: int | None
    parties: tuple[Party, ...] = ()  # 当事人, unmasked: the sheet masks them by role


_LEDGER_COLUMNS = (
    "seq, route, lead_unit, cooperating_units, handle_due_at, "
    "(SELECT f.closed_at FROM case_facts f WHERE f.case_id = cases.id), "
    "(SELECT f.closed_on_time FROM case_facts f WHERE f.case_id = cases.id), " + CASE_COLUMNS
)


def ledger_entries(
    db: Database, case_filter: CaseFilter, window: int = WINDOW
) -> Iterator[LedgerEntry]:
    """The filtered cases in order of receipt (oldest first), ``window`` at a time."""
    after: tuple[str, int] | None = None
    while True:
        keys = seqs_after(db, case_filter, after, window)
        if not keys:
            return
        seqs = [seq for _received, seq in keys]
        marks = ",".join("?" for _ in seqs)
        rows = db.execute(
            f"SELECT {_LEDGER_COLUMNS} FROM cases WHERE seq IN ({marks})", seqs
        ).fetchall()
        by_seq = {row[0]: _entry(row) for row in rows}
        parties = parties_of_cases(db, [entry.case.id for entry in by_seq.values()])
        by_seq = {
            seq: replace(entry, parties=tuple(parties.get(entry.case.id, ())))
            for seq, entry in by_seq.items()
        }
        for seq in seqs:
            entry = by_seq.get(seq)
            if entry is not None:
                yield entry
        if len(keys) < window:
            return
        after = keys[-1]


def _entry(row: tuple) -> LedgerEntry:
    return LedgerEntry(
        case=row_to_case(row[7:]),
        route=row[1],
        lead_unit=row[2],
        cooperating_units=tuple(json.loads(row[3] or "[]")),
        handle_due_at=row[4],
        closed_at=row[5],
        closed_on_time=row[6],
    )
