"""Carry out a step on a case's path: check it in the domain, then write its event."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.fold import BASIS
from app.core.case_path.rules import (
    ROUTING,
    allowed_actions,
    check_cited,
    check_field,
    check_merge_target,
    check_settling,
)
from app.core.case_path.steps import Action, Actor
from app.core.clock import Wall, china_time
from app.core.events import EventType
from app.core.model import Case, User
from app.core.routing import Suggestion
from app.store.blobs import BlobStore, file_sha256
from app.store.case_state import load_state
from app.store.cases import case_by_id, case_by_number
from app.store.devices import own_kind
from app.store.eventlog import new_id, writing
from app.store.evidence import record_stored
from app.store.police_transfers import (
    case_evidence,
    check_review_in_time,
    checked_follow_up,
    deciders_of,
    police_of,
    procuratorate_of,
    review_in_time,
    supervision_in_time,
)
from app.store.reference import departments
from app.store.routing import suggestion_for
from app.store.transfers import next_letter_no


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.role, user.department_code)


def actions_for(db: Database, user: User, case: Case, now: datetime | None = None) -> list[Action]:
    """The steps ``user`` may take on ``case`` now, on this device (what the window offers).
    With ``now``, a step whose time has passed is left out by the rule ``act`` refuses it
    with: a review (复议) of the police's refusal after its 3 days (order 310 art. 9)."""
    state = load_state(db, case.id)
    actions = allowed_actions(state, actor_of(user), own_kind(db), deciders_of(db))
    if (
        now is not None
        and Action.POLICE_REVIEW in actions
        and not review_in_time(db, case.id, state.police_refused_letter, now)
    ):
        actions.remove(Action.POLICE_REVIEW)
    if (
        now is not None
        and Action.POLICE_SUPERVISION in actions
        and not supervision_in_time(db, case.id, state, now)
    ):
        actions.remove(Action.POLICE_SUPERVISION)  # art. 9: asked within 3 days, or not at all
    return actions


def act(
    db: Database,
    blobs: BlobStore,
    user: User,
    number: str,
    request: Request,
    photo_files: Sequence[Path] = (),
    *,
    wall: Wall,
) -> Case:
    """Take one step. Refused steps raise DomainError and change nothing."""
    check_field(own_kind(db), request.action)
    case = case_by_number(db, number)
    if request.action == Action.MERGE:
        target = case_by_number(db, request.into or "")
        check_merge_target(case.id, target.id, target.number, target.status)
    check_cited(request.cited, listed_items(db, request.cited))
    units = {d.code: d for d in departments(db)}
    now = china_time(wall())
    today = now.date()
    request = _police_defaults(db, request)
    # a police transfer's materials: evidence of the case, or files this request attaches
    brought = {file_sha256(Path(f)) for f in photo_files if Path(f).is_file()}

    # Check first, so a refused step never copies its photos in; checked again below,
    # inside the transaction, in case someone else moved the case meanwhile.
    def suggested() -> Suggestion | None:
        return suggestion_for(db, case) if request.action in ROUTING else None

    state = load_state(db, case.id)
    evidence = case_evidence(db, case.id)
    decide(
        state,
        actor_of(user),
        request,
        units,
        today=today,
        suggestion=suggested(),
        evidence={*evidence, *brought},
        deciders=deciders_of(db),
    )
    if request.action == Action.POLICE_REVIEW:
        check_review_in_time(db, case.id, state.police_refused_letter, now)
    request = checked_follow_up(db, case.id, state, request, now)
    stored = {Path(f): blobs.put_photo(Path(f)) for f in photo_files}
    photos = list({p.sha256: p for p in stored.values()}.values())
    if photos:
        request = replace(
            request, photos=tuple({"sha256": p.sha256, "file_name": p.file_name} for p in photos)
        )
    with writing(db, wall) as writer:
        state = load_state(db, case.id)  # inside the transaction: no one can change it now
        numbers = Numbers(call_id=new_id(), letter_no=_letter_no(db, request.action, today))
        decision = decide(
            state,
            actor_of(user),
            request,
            units,
            numbers,
            today,
            suggested(),
            evidence,
            deciders_of(db),
        )
        record_stored(db, blobs, stored)
        basis = db.execute("SELECT last_event_id FROM cases WHERE id = ?", [case.id]).fetchone()
        payload = decision.payload | {BASIS: basis[0]}  # what this step was decided on
        writer.append(user.id, "case", case.id, decision.event_type, payload)
    return case_by_id(db, case.id)


def listed_items(db: Database, codes: Sequence[str]) -> set[str]:
    """Which of ``codes`` name an item of the power or boundary list."""
    wanted = json.dumps([c.strip() for c in codes])
    rows = db.execute(
        "SELECT code FROM power_items WHERE code IN (SELECT value FROM json_each(?)) UNION "
        "SELECT code FROM boundary_items WHERE code IN (SELECT value FROM json_each(?))",
        [wanted, wanted],
    )
    return {row[0] for row in rows}


def _letter_no(db: Database, action: Action, today: date) -> str:
    """The letter is numbered when the transfer is decided: an ordinary one when made, a
    police one at the leader's approval (order 310 art. 5)."""
    if action not in (Action.TRANSFER, Action.POLICE_APPROVE):
        return ""
    return next_letter_no(db, action == Action.POLICE_APPROVE, today)


def _police_defaults(db: Database, request: Request) -> Request:
    """An approval names the police and the procuratorate of the district unless the leader
    names others; a request for 立案监督 goes to that procuratorate unless another is named."""
    if request.action == Action.POLICE_SUPERVISION:
        return replace(request, to=(request.to or "").strip() or procuratorate_of(db))
    if request.action != Action.POLICE_APPROVE:
        return request
    return replace(
        request,
        to=(request.to or "").strip() or police_of(db),
        copy_to=request.copy_to.strip() or procuratorate_of(db),
    )


def resolve_conflict(db: Database, user: User, number: str, note: str, *, wall: Wall) -> Case:
    """A clerk has looked at both versions of a case changed on two devices offline."""
    case = case_by_number(db, number)
    with writing(db, wall) as writer:
        open_ones = [
            row[0]
            for row in db.execute(
                "SELECT event_id FROM case_conflicts WHERE case_id = ? AND resolved_by IS NULL",
                [case.id],
            )
        ]
        note = check_settling(user.role, own_kind(db), note, open_ones, case.number)
        payload = {"events": open_ones, "note": note, "by_unit": user.department_code}
        writer.append(user.id, "case", case.id, EventType.CASE_CONFLICT_RESOLVED, payload)
    return case_by_id(db, case.id)
