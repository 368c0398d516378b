"""Police transfers (行刑衔接, order 310) in the database: the defaults the approval names,
the refusal a review answers, and a case's requests as recorded (core/police_transfer.py
holds the rules)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from app.core.clock import parse_local
from app.core.errors import DomainError
from app.core.police_transfer import (
    check_review_window,
    default_police,
    default_procuratorate,
    district_of,
    review_window_open,
)
from app.core.transfers import DECLINED
from app.store.blobs import file_sha256
from app.store.work_calendar import work_calendar


def _district(db: Database) -> str | None:
    rows = db.execute("SELECT name FROM departments WHERE tier = 'Y' ORDER BY code")
    names = [row[0] for row in rows]
    return district_of(names)


def police_of(db: Database) -> str:
    """The police at the township authority's level (art. 5), named after the district."""
    return default_police(_district(db))


def procuratorate_of(db: Database) -> str:
    """The procuratorate the letter is copied to unless the leader names another."""
    return default_procuratorate(_district(db))


def _refused_at(db: Database, case_id: str, letter_no: str | None) -> datetime | None:
    """When the police refused to open a case on that letter, if they did."""
    row = db.execute(
        "SELECT outcome_at FROM transfers WHERE case_id = ? AND letter_no = ? AND outcome = ? "
        "ORDER BY outcome_at DESC LIMIT 1",
        [case_id, letter_no or "", DECLINED],
    ).fetchone()
    return parse_local(row[0]) if row is not None and row[0] else None


def check_review_in_time(db: Database, case_id: str, letter_no: str | None, now: datetime) -> None:
    """Art. 9: the review is asked within 3 days of the police's refusal of that letter."""
    refused = _refused_at(db, case_id, letter_no)
    if refused is not None:
        check_review_window(work_calendar(db), refused, now)


def review_in_time(db: Database, case_id: str, letter_no: str | None, now: datetime) -> bool:
    """Whether the review could still be asked at ``now`` (the same rule, as a yes or no)."""
    refused = _refused_at(db, case_id, letter_no)
    return refused is None or review_window_open(work_calendar(db), refused, now)


def case_evidence(db: Database, case_id: str) -> set[str]:
    return {
        r[0] for r in db.execute("SELECT sha256 FROM case_evidence WHERE case_id = ?", [case_id])
    }


def materials_given(
    db: Database, case_id: str, given: Sequence[str], kinds: Sequence[str]
) -> tuple[list[Path], tuple[dict[str, str], ...]]:
    """The command line's ``--attach X --kind K`` pairs: X a file to attach as evidence, or
    an evidence file of the case named by its SHA-256 (at least 8 leading characters).
    Returns (the files to attach, the attachments with their kinds)."""
    if len(given) != len(kinds):
        raise DomainError("attach_kinds_mismatch", value=len(given), found=len(kinds))
    files: list[Path] = []
    attached: list[dict[str, str]] = []
    evidence = case_evidence(db, case_id)
    for item, kind in zip(given, kinds, strict=True):
        path = Path(item)
        if path.is_file():
            files.append(path)
            attached.append({"sha256": file_sha256(path), "kind": kind})
            continue
        prefix = item.strip().lower()
        found = [sha for sha in evidence if len(prefix) >= 8 and sha.startswith(prefix)]
        if len(found) != 1:
            raise DomainError("attachment_ambiguous", value=item)
        attached.append({"sha256": found[0], "kind": kind})
    return files, tuple(attached)


@dataclass(frozen=True)
class PoliceRequest:
    """A request as recorded, with the names of who asked and who decided."""

    id: str
    case_id: str
    requested_at: str
    requested_by: str  # name (承办人)
    by_unit: str
    offence: str
    threshold: str
    facts: str
    attachments: tuple[tuple[str, str, str], ...]  # (sha256, kind, file name)
    decision: str | None
    decided_at: str | None
    decided_by: str  # name (负责人)
    decision_reason: str
    letter_no: str
    copy_to: str
    review_at: str | None
    review_reason: str


def requests_of(db: Database, case_id: str) -> list[PoliceRequest]:
    rows = db.execute(
        "SELECT r.id, r.case_id, r.requested_at, coalesce(a.name, ''), r.by_unit, r.offence, "
        "r.threshold, r.facts, r.attachments, r.decision, r.decided_at, coalesce(d.name, ''), "
        "r.decision_reason, r.letter_no, r.copy_to, r.review_at, r.review_reason "
        "FROM police_requests r LEFT JOIN users a ON a.id = r.requested_by "
        "LEFT JOIN users d ON d.id = r.decided_by WHERE r.case_id = ? ORDER BY r.requested_at",
        [case_id],
    ).fetchall()
    names = dict(
        db.execute("SELECT sha256, file_name FROM case_evidence WHERE case_id = ?", [case_id])
    )
    out = []
    for row in rows:
        values = list(row)
        values[8] = tuple(
            (a["sha256"], a["kind"], names.get(a["sha256"], "")) for a in json.loads(row[8])
        )
        out.append(PoliceRequest(*values))
    return out


def evidence_files(db: Database, case_id: str) -> list[tuple[str, str]]:
    """(sha256, file name) of the case's evidence files, in the order they came."""
    rows = db.execute(
        "SELECT sha256, file_name FROM case_evidence WHERE case_id = ? "
        "ORDER BY added_at, file_name",
        [case_id],
    )
    return [(row[0], row[1]) for row in rows]


def pending_request(db: Database, case_id: str) -> PoliceRequest | None:
    """The request waiting for the leader's decision, if any."""
    waiting = [r for r in requests_of(db, case_id) if r.decision is None]
    return waiting[-1] if waiting else None


def approved_request(db: Database, case_id: str, letter_no: str) -> PoliceRequest | None:
    """The request whose approval issued ``letter_no``."""
    found = [r for r in requests_of(db, case_id) if letter_no and r.letter_no == letter_no]
    return found[-1] if found else None
