"""What the case detail and ``towndesk case show`` read of a case besides its fields: where
it stands on its path, in one row (status, route, units, extensions, supervision and rework
counts), and which printed papers it has."""

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


@dataclass(frozen=True)
class CasePapers:
    """Which printed papers a case has: a call slip once a Y department was called, a
    supervision notice once it was supervised, a transfer letter once it was transferred."""

    call_slip: bool
    supervision_notice: bool
    transfer_letter: bool


def case_papers(db: Database, case_id: str) -> CasePapers:
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM calls WHERE case_id = :id), supervision_count > 0, "
        "EXISTS (SELECT 1 FROM transfers WHERE case_id = :id AND direction = 'out') "
        "FROM cases WHERE id = :id",
        {"id": case_id},
    ).fetchone()
    return CasePapers(*(bool(value) for value in row))
