"""Cases: register one (an event), and read them back in windows for large lists."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.case_path.timeline import ZH, TimelineEntry
from app.core.case_path.timeline import case_timeline as timeline_of
from app.core.clock import TIME_FORMAT, Wall, local_text
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.intake import (
    DUPLICATE_WINDOW,
    DuplicateHint,
    IntakeRequest,
    ValidIntake,
    duplicate_hints,
    normalise_phone,
    transfer_from,
    validate_intake,
)
from app.core.model import (
    Case,
    CaseSource,
    CaseStatus,
    Reporter,
    Urgency,
    User,
)
from app.core.numbering import case_number, number_prefix
from app.core.permissions import REGISTER_CASE, require
from app.core.secrets import REPORTER_REF, reporter_from
from app.store.blobs import BlobStore, StoredFile
from app.store.eventlog import entity_events, new_id, writing
from app.store.evidence import record_stored
from app.store.reference import ReferenceData
from app.store.secrets import store_reporter

CASE_COLUMNS = (
    "id, number, source, category_code, grid_code, description, address, urgency, status, "
    "first_receiver_unit, first_receiver_user_id, received_at, updated_at, reporter_name, "
    "reporter_phone, latitude, longitude, reporter_ref, "
    "(SELECT s.value FROM secrets s WHERE s.ref = cases.reporter_ref)"
)


def row_to_case(row: tuple, photos: tuple[str, ...] = ()) -> Case:
    return Case(
        id=row[0],
        number=row[1],
        source=CaseSource(row[2]),
        category_code=row[3],
        grid_code=row[4],
        description=row[5],
        address=row[6],
        urgency=Urgency(row[7]),
        status=CaseStatus(row[8]),
        first_receiver_unit=row[9],
        first_receiver_user_id=row[10],
        received_at=row[11],
        updated_at=row[12],
        reporter=_reporter(row[13], row[14], row[17], row[18]),
        latitude=row[15],
        longitude=row[16],
        photos=photos,
    )


def _reporter(name: str, phone: str, ref: str | None, secret: str | None) -> Reporter:
    """The reporter as the event gave it (before schema 7), or as its held secret says; a
    ref whose secret is not held here (a laptop) is a reporter withheld from this device."""
    if not ref:
        return Reporter(name, phone)
    held = reporter_from(secret) if secret else None
    return Reporter(held.name, held.phone) if held else Reporter(withheld=True)


def next_case_number(db: Database, township_code: str, day: str, device_code: str) -> str:
    prefix = number_prefix(township_code, day, device_code)
    # GLOB on digits: device AB must not count numbers of a device ABC
    row = db.execute(
        "SELECT number FROM cases WHERE number > ? AND number < ? "
        "AND substr(number, ?) NOT GLOB '*[^0-9]*' "
        "ORDER BY length(number) DESC, number DESC LIMIT 1",
        [prefix, prefix + "~", len(prefix) + 1],
    ).fetchone()
    last = int(row[0][len(prefix) :]) if row else 0
    return case_number(township_code, day, device_code, last + 1)


def case_payload(
    intake: ValidIntake,
    number: str,
    received_at: str,
    first_receiver_unit: str,
    photos: list[StoredFile],
    *,
    reporter_ref: str | None,
) -> dict[str, Any]:
    """The registration event's payload. The reporter is named only by ``reporter_ref``
    (``hold_reporter``, None for none): the event replicates to every device, the contact
    must not. Required, so no caller drops a reporter by forgetting it."""
    request = intake.request
    payload: dict[str, Any] = {
        "number": number,
        "source": intake.source.value,
        "category_code": intake.category.code,
        "category_name": intake.category.name,  # indexed for search: the event alone decides
        "grid_code": intake.grid.code,
        "description": request.description.strip(),
        "address": request.address.strip(),
        "urgency": intake.urgency.value,
        "status": CaseStatus.PENDING_TRIAGE.value,
        "first_receiver_unit": first_receiver_unit,
        "latitude": request.latitude,
        "longitude": request.longitude,
        "received_at": received_at,
        "photos": [{"sha256": p.sha256, "file_name": p.file_name} for p in photos],
    }
    if reporter_ref:  # an optional field (app/core/secrets.py): old events carry the contact
        payload[REPORTER_REF] = reporter_ref
    sender = transfer_from(intake)
    if sender is not None:  # the case fold records it as a transfer in (移送来的案件)
        payload["transfer_from"] = sender
    return payload


def hold_reporter(db: Database, request: IntakeRequest) -> str | None:
    """The ref of the request's reporter, held in the secrets table (in the caller's
    transaction); None when no reporter was given."""
    name, phone = request.reporter_name.strip(), normalise_phone(request.reporter_phone)
    if not name and not phone:
        return None
    return store_reporter(db, name, phone)


def check_intake(db: Database, request: IntakeRequest) -> ValidIntake:
    ref = ReferenceData(db)
    return validate_intake(request, ref.categories, ref.grids)


def register_case(
    db: Database,
    blobs: BlobStore,
    actor: User,
    request: IntakeRequest,
    photo_files: list[Path] = (),  # type: ignore[assignment]
    *,
    wall: Wall,
) -> Case:
    """Register a case (受理). The actor's unit becomes the first receiver (首接单位).

    Every check runs before anything is written; photos are stored first (content-addressed,
    so a failure later leaves only an unreferenced copy), then one transaction writes the
    event and its projection.
    """
    require(actor.role, REGISTER_CASE)
    ref = ReferenceData(db)
    intake = validate_intake(request, ref.categories, ref.grids)
    stored = {Path(f): blobs.put_photo(Path(f)) for f in photo_files}
    photos = list({photo.sha256: photo for photo in stored.values()}.values())  # each once
    township_code = ref.township.code
    case_id = new_id()
    try:
        with writing(db, wall) as writer:
            received_at = local_text(wall())
            number = next_case_number(db, township_code, received_at[:10], writer.device.code)
            record_stored(db, blobs, stored)
            reporter = hold_reporter(db, request)
            unit = actor.department_code
            payload = case_payload(intake, number, received_at, unit, photos, reporter_ref=reporter)
            writer.append(actor.id, "case", case_id, EventType.CASE_REGISTERED, payload)
    except Exception as error:
        if "database or disk is full" in str(error):
            raise DomainError("disk_full") from error
        raise
    return case_by_id(db, case_id)


def case_by_id(db: Database, case_id: str) -> Case:
    return _case_where(db, "id", case_id, case_id)


def case_by_number(db: Database, number: str) -> Case:
    return _case_where(db, "number", number.strip().upper(), number)


def _case_where(db: Database, column: str, value: str, as_typed: str) -> Case:
    row = db.execute(f"SELECT {CASE_COLUMNS} FROM cases WHERE {column} = ?", [value]).fetchone()
    if row is None:
        raise DomainError("case_unknown", value=as_typed)
    photos = tuple(evidence.sha256 for evidence in case_evidence(db, row[0]))
    return row_to_case(row, photos)


@dataclass(frozen=True)
class Evidence:
    sha256: str
    file_name: str
    media_type: str
    size: int


def case_evidence(db: Database, case_id: str) -> list[Evidence]:
    rows = db.execute(
        "SELECT e.sha256, e.file_name, coalesce(b.media_type, ''), coalesce(b.size, 0) "
        "FROM case_evidence e LEFT JOIN blobs b ON b.sha256 = e.sha256 "
        "WHERE e.case_id = ? ORDER BY e.added_at, e.sha256",
        [case_id],
    ).fetchall()
    return [Evidence(*row) for row in rows]


def similar_recent_cases(
    db: Database, request: IntakeRequest, now: datetime
) -> list[DuplicateHint]:
    """Duplicate hints for an intake not yet saved (same category, grid, similar text, 7 days)."""
    intake = check_intake(db, request)
    since = (now - DUPLICATE_WINDOW).strftime(TIME_FORMAT)
    rows = db.execute(
        f"SELECT {CASE_COLUMNS} FROM cases WHERE category_code = ? AND grid_code = ? "
        "AND received_at >= ? ORDER BY received_at DESC LIMIT 500",
        [intake.category.code, intake.grid.code, since],
    ).fetchall()
    return duplicate_hints(intake, [row_to_case(row) for row in rows], now)


def case_timeline(
    db: Database, case_id: str, ref: ReferenceData | None = None, lang: str = ZH
) -> list[TimelineEntry]:
    """Every event of the case in the merged order, in the words of ``lang`` (zh, en); steps
    caught in a sync conflict are marked until a clerk resolves it."""
    ref = ref or ReferenceData(db)
    conflicts = dict(
        db.execute(
            "SELECT event_id, kind FROM case_conflicts WHERE case_id = ? AND resolved_by IS NULL",
            [case_id],
        ).fetchall()
    )
    entries = timeline_of(entity_events(db, "case", case_id), ref, lang)
    return [replace(e, conflict=conflicts.get(e.event_id, "")) for e in entries]
