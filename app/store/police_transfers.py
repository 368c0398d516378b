"""Police transfers (行刑衔接, order 310) in the database: the defaults the approval names,
the refusal a review answers, and a case's requests as recorded (core/police_transfer.py
holds the rules)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action, CaseState
from app.core.clock import Wall, parse_local
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.core.police_transfer import (
    OPENED,
    UPHELD,
    Deciders,
    check_deciders,
    check_passed_at,
    check_review_window,
    check_step_day,
    check_supervision_window,
    default_police,
    default_procuratorate,
    district_of,
    review_due,
    review_window_open,
    supervision_due,
)
from app.core.transfers import ACCEPTED, DECLINED
from app.store.blobs import file_sha256
from app.store.devices import require_office
from app.store.eventlog import writing
from app.store.reference import user_by_name
from app.store.work_calendar import work_calendar

# A named leader who no longer is one (deactivated, or given another role) names no one: the
# township falls back to every leader rather than leave no one able to decide.
_LEADER = "{0}.active = 1 AND {0}.role = 'leader'"


def deciders_of(db: Database) -> Deciders:
    """Who decides a transfer to the police (order 310 art. 5), as the administrator named them."""
    row = db.execute(
        "SELECT p.id, p.name, a.id, a.name FROM township t "
        f"LEFT JOIN users p ON p.id = t.principal_leader_id AND {_LEADER.format('p')} "
        f"LEFT JOIN users a ON a.id = t.acting_leader_id AND {_LEADER.format('a')}"
    ).fetchone()
    if row is None or row[0] is None:
        return Deciders()
    return Deciders((row[0], row[1]), (row[2], row[3]) if row[2] else None)


def set_deciders(
    db: Database, actor: User, principal: str | None, acting: str | None, *, wall: Wall
) -> Deciders:
    """The administrator names the principal leader (by username) and, if any, the one
    presiding in their place; None for both: every leader decides again."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    named = [user_by_name(db, name) if name else None for name in (principal, acting)]
    check_deciders(*named)
    payload = {"principal": named[0].id if named[0] else None}
    payload["acting"] = named[1].id if named[1] else None
    with writing(db, wall) as writer:
        writer.append(actor.id, "township", "township", EventType.TOWNSHIP_PRINCIPAL_SET, payload)
    return deciders_of(db)


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


def _upheld_at(db: Database, case_id: str, letter_no: str | None) -> datetime | None:
    row = db.execute(
        "SELECT review_answered_at FROM police_requests WHERE case_id = ? AND letter_no = ? "
        "AND review_answer = ?",
        [case_id, letter_no or "", UPHELD],
    ).fetchone()
    return parse_local(row[0]) if row is not None and row[0] else None


def _letter_times(db: Database, case_id: str, letter_no: str | None) -> tuple[str | None, ...]:
    """(receipt, outcome, outcome time, the review's answer, its time) of a police letter."""
    row = db.execute(
        "SELECT t.receipt_at, t.outcome, t.outcome_at, r.review_answer, r.review_answered_at "
        "FROM transfers t LEFT JOIN police_requests r ON r.case_id = t.case_id "
        "AND r.letter_no = t.letter_no WHERE t.case_id = ? AND t.letter_no = ? AND t.police = 1 "
        "ORDER BY t.sent_at DESC LIMIT 1",
        [case_id, letter_no or ""],
    ).fetchone()
    return tuple(row) if row is not None else (None,) * 5


def supervision_in_time(db: Database, case_id: str, letter_no: str | None, now: datetime) -> bool:
    """Whether 立案监督 may still be asked at ``now`` (art. 9: 3 days after the upheld refusal)."""
    upheld = _upheld_at(db, case_id, letter_no)
    return upheld is None or now <= supervision_due(work_calendar(db), upheld)


def checked_follow_up(
    db: Database, case_id: str, state: CaseState, request: Request, now: datetime
) -> Request:
    """A step that follows a police transfer, its times checked against the answer it
    follows (core/police_transfer.py) and filled in: the day of a supervision request or a
    handover, the time the police passed the case on. Refused in plain words otherwise."""
    action = request.action
    if action == Action.POLICE_SUPERVISION:
        upheld = _upheld_at(db, case_id, state.police_upheld_letter)
        if upheld is not None:
            check_supervision_window(work_calendar(db), upheld, now)
            return replace(request, on=check_step_day(request.on, upheld, now))
    receipt, outcome, outcome_at, answer, answered_at = _letter_times(
        db, case_id, state.transfer_letter
    )
    if action == Action.POLICE_PASSED_ON and receipt:
        return replace(request, at=check_passed_at(request.at, parse_local(receipt), now))
    opened = outcome_at if outcome == ACCEPTED else answered_at if answer == OPENED else None
    if action == Action.POLICE_HANDOVER and opened:
        return replace(request, on=check_step_day(request.on, parse_local(opened), now))
    return request


def lapsed_review(db: Database, case_id: str, letter_no: str, now: datetime) -> str | None:
    """When the review window of the police's refusal of ``letter_no`` ended (YYYY-MM-DD
    HH:MM), if it passed with no review asked (art. 9: the right lapsed; the case detail
    says so, the board does not chase it); None otherwise, and for one-step transfers of
    schema 5-11, which had no review."""
    refused = _refused_at(db, case_id, letter_no)
    asked = db.execute(
        "SELECT review_at FROM police_requests WHERE case_id = ? AND letter_no = ?",
        [case_id, letter_no],
    ).fetchone()
    if refused is None or asked is None or asked[0] is not None:
        return None
    calendar = work_calendar(db)
    if review_window_open(calendar, refused, now):
        return None
    return review_due(calendar, refused).strftime("%Y-%m-%d %H:%M")


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
    # schema 13: the police's answer to the review, the procuratorate asked to supervise
    review_answer: str | None = None  # upheld, opened
    review_answered_at: str | None = None
    review_answer_note: str = ""
    supervision_on: str | None = None
    supervision_to: str = ""
    supervision_reason: str = ""


def requests_of(db: Database, case_id: str) -> list[PoliceRequest]:
    rows = db.execute(
        "SELECT r.id, r.case_id, r.requested_at, coalesce(a.name, ''), r.by_unit, r.offence, "
        "r.threshold, r.facts, r.attachments, r.decision, r.decided_at, coalesce(d.name, ''), "
        "r.decision_reason, r.letter_no, r.copy_to, r.review_at, r.review_reason, "
        "r.review_answer, r.review_answered_at, r.review_answer_note, r.supervision_on, "
        "r.supervision_to, r.supervision_reason "
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
