"""A case's projection as a pure fold of its events in the merged order.

``project_case`` turns the events of one case into the row of ``cases`` and the rows of
its side tables (assignments, calls, pauses, evidence, custody, conflicts). The store
writes the result; it never works a case out step by step in SQL, so a case looks the same
whichever order its events arrived in, on every device and after a rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from typing import Any

from app.core.case_path.context import Context
from app.core.case_path.due import handling_due, sign_due
from app.core.case_path.facts import CaseFacts, FactsTrail, case_facts
from app.core.case_path.fold import fold_step
from app.core.case_path.parties import PARTY_TYPES, fold_party
from app.core.case_path.police import police_clock, police_step
from app.core.case_path.rules import FINISHED
from app.core.case_path.steps import Action, CaseState, event_action
from app.core.clock import TIME_FORMAT, parse_local
from app.core.events import Event, EventType
from app.core.model import CaseStatus, Urgency
from app.core.numbering import made_on
from app.core.permissions import RESOLVE_CONFLICT, may
from app.core.police_transfer import OPENED, decision_due
from app.core.step_limits import StepKind, office_step_due, transfer_clock
from app.core.text import IndexedText, index_terms
from app.core.transfers import transfer_row

CALL_COLUMNS = {
    Action.CALL_ACK: "acknowledged_at",
    Action.CALL_ARRIVE: "on_scene_at",
    Action.CALL_DONE: "handled_at",
    Action.CALL_CONFIRM: "confirmed_at",
}


@dataclass
class CaseRows:
    case: dict[str, Any]
    search: IndexedText  # single characters and pairs, for the search index
    assignments: list[dict[str, Any]] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    pauses: list[dict[str, Any]] = field(default_factory=list)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)  # by sha256
    custody: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    disputes: list[dict[str, Any]] = field(default_factory=list)
    transfers: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)  # 当事人, removed ones too
    police_requests: list[dict[str, Any]] = field(default_factory=list)  # 行刑衔接 requests
    facts: CaseFacts | None = None  # what statistics count (facts.py)
    status_since: str = ""  # when the case entered its present status (office-step clocks)


_MERGED_ORDER = attrgetter("hlc", "device_id", "device_seq")  # (hlc, device, seq), at C speed


def project_case(events: Sequence[Event], ctx: Context) -> CaseRows | None:
    """The projection of one case; None if its registration has not arrived."""
    ordered = sorted(events, key=_MERGED_ORDER)
    registration = _genuine_registration(ordered, ctx)
    if registration is None:
        return None
    rows = _registered(registration)
    state = CaseState(status=CaseStatus(rows.case["status"]))
    registered = False
    trail = FactsTrail()
    for event in ordered:
        if event is registration:
            registered = True
        elif not registered or event.type == EventType.CASE_REGISTERED:
            # stamped before the case existed, or the case registered a second time: kept,
            # never applied, and the case is flagged
            rows.conflicts.append({"event_id": event.id, "kind": "rival", "resolved_by": None})
        else:
            state = _step(rows, state, event, ctx, trail)
    _save_state(rows.case, state)
    rows.case["conflict"] = int(any(c["resolved_by"] is None for c in rows.conflicts))
    _due_times(rows, ctx)
    rows.facts = case_facts(rows.case, rows.pauses, rows.calls, state, trail, ctx)
    return rows


def _genuine_registration(ordered: Sequence[Event], ctx: Context) -> Event | None:
    """The registration that counts: the first made on the device whose code is in the
    case number (QS-20261126-EU0001 was registered on device EU), so a backdated copy from
    another device can never take a case over. Unknown devices (before enrolment) pass."""
    registrations = [e for e in ordered if e.type == EventType.CASE_REGISTERED]

    def vouched(event: Event) -> bool:
        code = ctx.device_codes.get(event.device_id)
        return code is None or made_on(str(event.payload.get("number", "")), code)

    fallback = registrations[0] if registrations else None
    return next((e for e in registrations if vouched(e)), fallback)


def _registered(event: Event) -> CaseRows:
    p = event.payload
    received_at = p["received_at"]
    case = {
        "id": event.entity_id,
        "number": p["number"],
        "source": p["source"],
        "category_code": p["category_code"],
        "grid_code": p["grid_code"],
        "description": p["description"],
        "address": p.get("address", ""),
        "urgency": Urgency(p["urgency"]).value,  # one this version cannot read is damage
        # every case starts in triage, whatever its registration says: only steps move it on
        "status": CaseStatus.PENDING_TRIAGE.value,
        "first_receiver_unit": p["first_receiver_unit"],
        "first_receiver_user_id": event.actor_id,
        "reporter_name": p.get("reporter_name", ""),
        "reporter_phone": p.get("reporter_phone", ""),
        "reporter_ref": p.get("reporter_ref"),  # the contact held by ref (core/secrets.py)
        "latitude": p.get("latitude"),
        "longitude": p.get("longitude"),
        "received_at": received_at,
        "updated_at": received_at,
        "last_event_id": event.id,
        "assigned_at": None,
        "signed_at": None,
        "finished_at": None,
        "handling_since": None,
        "merged_into": None,
    }
    rows = CaseRows(case, registration_terms(p), status_since=received_at)
    _photos(rows, event, received_at)
    sender = p.get("transfer_from")
    if sender:  # registered from another authority's transfer letter (移送来的案件)
        rows.transfers.append(
            transfer_row(event.id, "in", sender["unit"], sender.get("letter_no", ""), received_at)
        )
    return rows


def registration_terms(payload: Mapping[str, Any]) -> IndexedText:
    """What the search index holds of a case: the terms of its registration's text."""
    p = payload
    return index_terms(
        p["description"], p.get("address", ""), p.get("category_name", ""), p["number"]
    )


def _photos(rows: CaseRows, event: Event, at: str) -> None:
    """Photos that came with an event: the case's evidence, and where custody begins."""
    for photo in event.payload.get("photos", []):
        rows.evidence.setdefault(
            photo["sha256"],
            {"sha256": photo["sha256"], "file_name": photo["file_name"], "added_at": at},
        )
        rows.custody.append(
            {
                "sha256": photo["sha256"],
                "at": at,
                "device_id": event.device_id,
                "actor_id": event.actor_id,
            }
        )


def _step(
    rows: CaseRows, state: CaseState, event: Event, ctx: Context, trail: FactsTrail
) -> CaseState:
    if event.type in PARTY_TYPES:
        _party(rows, state, event, ctx)
        return state
    previous = rows.case["last_event_id"]
    rows.case["last_event_id"] = event.id
    actor = ctx.actor_at(event.actor_id, (event.hlc, event.device_id, event.device_seq))
    if event.type == EventType.CASE_CONFLICT_RESOLVED:
        if actor is None or not may(actor.role, RESOLVE_CONFLICT):
            return state  # only the office's clerks and leaders settle conflicts
        settled = set(event.payload["events"])
        for conflict in rows.conflicts:
            if conflict["event_id"] in settled and conflict["resolved_by"] is None:
                conflict["resolved_by"] = event.id
        return state
    action = event_action(event.type)
    if action is None:  # a type from a newer TownDesk: kept in the log, not understood
        return state
    at = event.local_time
    _photos(rows, event, at)  # evidence is kept even from a rival step
    outcome = fold_step(state, actor, event.type, event.payload, previous)
    if outcome.conflict:
        rows.conflicts.append({"event_id": event.id, "kind": outcome.conflict, "resolved_by": None})
    if outcome.applied:
        rows.case["updated_at"] = at
        _side_effects(rows, action, event.payload, state, outcome.state, at)
        _coordination(rows, action, event, at)
        trail.note(rows.case, rows.pauses, action, event, state, outcome.state, ctx)
        if outcome.state.status != state.status:
            rows.status_since = at
        return outcome.state
    return state


def _party(rows: CaseRows, state: CaseState, event: Event, ctx: Context) -> None:
    """A party recorded or removed. Not a step of the path: it leaves ``last_event_id``
    (a step's basis) alone, so a party recorded at the office never makes a laptop's
    offline step look concurrent."""
    actor = ctx.actor_at(event.actor_id, (event.hlc, event.device_id, event.device_seq))
    at = event.local_time
    if fold_party(rows.parties, state, actor, event, at):
        rows.case["updated_at"] = at
    else:
        rows.conflicts.append({"event_id": event.id, "kind": "rival", "resolved_by": None})


def _side_effects(
    rows: CaseRows,
    action: Action,
    p: Mapping[str, Any],
    before: CaseState,
    after: CaseState,
    at: str,
) -> None:
    case = rows.case
    if action in (Action.SELF_HANDLE, Action.DISPATCH, Action.CALL):
        case["assigned_at"], case["signed_at"] = at, None
        units = [(p["lead_unit"], "lead")] + [(u, "cooperating") for u in p["cooperating_units"]]
        for unit, part in units:
            rows.assignments.append(
                {
                    "unit": unit,
                    "part": part,
                    "assigned_at": at,
                    "ended_at": None,
                    "end_reason": None,
                }
            )
    if action == Action.CALL:
        rows.calls.append(
            {
                "id": p["call_id"],
                "department": p["lead_unit"],
                "reason": p["reason"],
                "urgent": int(p["urgent"]),
                "duty_phone": p["duty_phone"],
                "status": "called",
                "called_at": at,
                "acknowledged_at": None,
                "on_scene_at": None,
                "handled_at": None,
                "confirmed_at": None,
                "ended_at": None,
            }
        )
    if after.status == CaseStatus.HANDLING and before.status == CaseStatus.ASSIGNED:
        case["signed_at"] = case["handling_since"] = at
    if after.rework_count > before.rework_count:  # a new handling period, a new clock
        case["handling_since"] = at
    opened = action == Action.POLICE_REVIEW_ANSWER and p["answer"] == OPENED
    if action in (Action.RETURN, Action.POLICE_APPROVE) or opened:  # off the unit's desk
        ended = p.get("reason") or "移送公安"
        for assignment in rows.assignments:
            if assignment["ended_at"] is None:
                assignment["ended_at"], assignment["end_reason"] = at, ended
        for call in rows.calls:  # a confirmed call stays confirmed
            if call["id"] == before.call_id and call["ended_at"] is None:
                call["ended_at"], call["status"] = at, "abandoned"
    if action == Action.APPROVE_PARK:
        rows.pauses.append({"started_at": at, "until": p["until"], "ended_at": None})
    if action == Action.RESUME:
        for pause in rows.pauses:
            if pause["ended_at"] is None:
                pause["ended_at"] = at
    if action in CALL_COLUMNS:
        for call in rows.calls:
            if call["id"] == p["call_id"]:
                call["status"] = after.call_status.value if after.call_status else None
                call[CALL_COLUMNS[action]] = at
                if action == Action.CALL_CONFIRM:
                    call["ended_at"] = at
    if action == Action.MERGE:
        case["merged_into"] = p["into"]
    if after.status in FINISHED:
        case["finished_at"] = at
    elif before.status in FINISHED:  # reopened for rework, or a transfer came back
        case["finished_at"] = None


def _coordination(rows: CaseRows, action: Action, event: Event, at: str) -> None:
    """Duty disputes and transfers: records of their own, kept with the case."""
    p = event.payload
    if action == Action.RETURN and p.get("not_our_duty"):
        rows.disputes.append(
            {
                "id": event.id,
                "unit": p.get("unit") or p["by_unit"],
                "reasons": p["reason"],
                "cited": json.dumps(p.get("cited", []), ensure_ascii=False),
                "opened_at": at,
                "opened_by": event.actor_id,
            }
        )
    if action in (Action.TRANSFER, Action.TRANSFER_POLICE):
        row = transfer_row(event.id, "out", p["to"], p.get("letter_no", ""), at)
        police = action == Action.TRANSFER_POLICE
        row |= {"police": int(police), "reason": p["reason"], "offence": p.get("offence", "")}
        rows.transfers.append(row | {"threshold": p.get("threshold", "")})
    police_step(rows.police_requests, rows.transfers, action, event, at)
    open_out = [t for t in rows.transfers if t["direction"] == "out" and t["outcome"] is None]
    if action == Action.TRANSFER_RECEIPT and open_out:
        open_out[-1] |= {"receipt_at": at, "receipt_by": p["received_by"]}
    if action == Action.TRANSFER_OUTCOME and open_out:
        open_out[-1] |= {"outcome": p["outcome"], "outcome_at": at, "outcome_note": p["note"]}
        open_out[-1]["handover_owed"] = int(bool(p.get("handover_due")))  # schema 13


def _save_state(case: dict[str, Any], state: CaseState) -> None:
    case.update(
        status=state.status.value,
        route=state.route.value if state.route else None,
        lead_unit=state.lead_unit,
        cooperating_units=list(state.cooperating_units),
        extension_requested=state.extension_requested,
        extension_days=state.extension_days,
        park_requested_until=state.park_requested_until,
        parked_until=state.parked_until,
        verified=int(state.verified),
        rework_count=state.rework_count,
        supervision_count=state.supervision_count,
        call_id=state.call_id,
        call_status=state.call_status.value if state.call_status else None,
    )


def _due_times(rows: CaseRows, ctx: Context) -> None:
    """Due times follow from the case and the calendar; stored so lists can sort by them."""
    case = rows.case
    status = CaseStatus(case["status"])
    sign_due_at: datetime | None = None
    handle_due_at: datetime | None = None
    if status == CaseStatus.ASSIGNED:
        sign_due_at = sign_due(case, case["assigned_at"], ctx)
    elif status in (CaseStatus.HANDLING, CaseStatus.PARKED):
        handle_due_at = handling_due(case, rows.pauses, ctx)
    case["sign_due_at"] = sign_due_at.strftime(TIME_FORMAT) if sign_due_at else None
    case["handle_due_at"] = handle_due_at.strftime(TIME_FORMAT) if handle_due_at else None
    step = _step_clock(rows, status, ctx)
    case["step_clock"] = step[0].value if step else None
    case["step_due_at"] = step[1].strftime(TIME_FORMAT) if step else None


OFFICE_STEPS = {
    CaseStatus.PENDING_TRIAGE: StepKind.TRIAGE,
    CaseStatus.FEEDBACK: StepKind.VERIFY,
    CaseStatus.VERIFIED: StepKind.CLOSE,
}


def _step_clock(
    rows: CaseRows, status: CaseStatus, ctx: Context
) -> tuple[StepKind, datetime] | None:
    """The clock of the office's own step (triage, verification, closing), started when the
    case entered that status, or of its last outgoing transfer while it stays transferred."""
    pending = [r for r in rows.police_requests if r["decision"] is None]
    if pending and status in (CaseStatus.PENDING_TRIAGE, CaseStatus.HANDLING):
        # the case stands still until the leader decides, within 3 days (order 310 art. 5)
        requested = parse_local(pending[-1]["requested_at"])
        return StepKind.POLICE_DECISION, decision_due(ctx.calendar, requested)
    kind = OFFICE_STEPS.get(status)
    if kind is not None:
        started = parse_local(rows.status_since)
        urgency = Urgency(rows.case["urgency"])
        if ctx.limit_hours.get(rows.case["category_code"]):
            # a category handled within hours (燃气泄漏 …) is an urgent kind: its triage and
            # verification run in office hours whatever the single case was marked
            urgency = Urgency.URGENT
        own = ctx.step_limits.get(rows.case["category_code"])
        return kind, office_step_due(ctx.calendar, kind, started, urgency, own)
    if status == CaseStatus.TRANSFERRED:
        sent = [t for t in rows.transfers if t["direction"] == "out"]
        clock = police_clock(rows.police_requests, sent[-1], ctx) if sent else None
        if clock is not None:
            return clock
        return transfer_clock(ctx.calendar, sent[-1]) if sent else None
    return None
