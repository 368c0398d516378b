"""Where a case stands on its path, read in one row: status, route, units, extensions,
supervision and rework counts (what ``towndesk case show --json`` and ``case act --json``
report beside the deadlines, open calls and transfers)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from app.core.errors import DomainError


@dataclass(frozen=True)
class CasePathRow:
    number: str
    status: str  # a CaseStatus value
    route: str | None  # a Route value once triaged
    lead_unit: str | None
    cooperating_units: list[str]
    extension_days: int
    parked_until: str | None
    supervision_count: int
    rework_count: int


def case_path_row(db: Database, case_id: str) -> CasePathRow:
    """The path columns of one case, by its id."""
    row = db.execute(
        "SELECT number, status, route, lead_unit, cooperating_units, extension_days, "
        "parked_until, supervision_count, rework_count FROM cases WHERE id = ?",
        [case_id],
    ).fetchone()
    if row is None:
        raise DomainError("case_unknown", value=case_id)
    number, status, route, lead, cooperating, extension, parked, supervision, rework = row
    return CasePathRow(
        number=number,
        status=status,
        route=route,
        lead_unit=lead,
        cooperating_units=json.loads(cooperating),
        extension_days=extension,
        parked_until=parked,
        supervision_count=supervision,
        rework_count=rework,
    )
