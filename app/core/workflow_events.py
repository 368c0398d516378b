"""The case path's events: ``decide`` turns an allowed request into an event (type and
payload); ``evolve`` folds an event into the state. Rules about who and when are in
core/workflow.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from app.core.errors import DomainError
from app.core.model import CaseStatus, Department, Route, Tier
from app.core.routing import Suggestion
from app.core.transfers import ACCEPTED, POLICE, TRANSFER_OUTCOMES
from app.core.workflow import (
    CALL_STEPS,
    TRIAGE,
    Action,
    Actor,
    CallStatus,
    CaseState,
    Request,
    check_allowed,
    check_preconditions,
    refuse,
)

S = CaseStatus
ROUTING = (Action.SELF_HANDLE, Action.DISPATCH, Action.CALL)  # the lists suggest these


@dataclass(frozen=True)
class Decision:
    event_type: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Numbers:
    """Identifiers the store hands out for a step: a call's id, a transfer letter's number."""

    call_id: str = ""
    letter_no: str = ""


def decide(
    state: CaseState,
    actor: Actor,
    request: Request,
    departments: Mapping[str, Department],
    numbers: Numbers = Numbers(),
    today: date | None = None,
    suggestion: Suggestion | None = None,
) -> Decision:
    """The event that carries out ``request``, or a DomainError saying why not.

    ``suggestion``: the route the three lists suggest for the case; routing elsewhere needs
    ``request.override_reason``, and both are kept in the event for the override report."""
    action = request.action
    check_allowed(state, actor, action, {code: d.short_name for code, d in departments.items()})
    check_preconditions(state, action)
    payload: dict[str, Any] = {"by_unit": actor.unit}
    if action in TRIAGE:
        payload.update(_triage(request, departments, numbers))
        if action in ROUTING and suggestion is not None:
            payload.update(_against_suggestion(payload, request, suggestion))
    else:
        payload.update(_handling(state, request, today))
    return Decision(f"case.{action.value.replace('-', '_')}", payload)


def _against_suggestion(
    payload: Mapping[str, Any], request: Request, suggestion: Suggestion
) -> dict[str, Any]:
    followed = suggestion.followed_by(payload["route"], payload["lead_unit"])
    out: dict[str, Any] = {"suggested": suggestion.record(), "overridden": not followed}
    if not followed and suggestion.from_lists:
        out["override_reason"] = _need(
            request.override_reason, "override_reason_missing", request.action
        )
    return out


def _need(value: str, code: str, action: Action) -> str:
    if not value.strip():
        raise refuse(code, action)
    return value.strip()


def _unit(code: str | None, departments: Mapping[str, Department]) -> Department:
    department = departments.get((code or "").strip().upper())
    if department is None:
        raise DomainError("department_unknown", value=code or "")
    return department


def _triage(
    request: Request, departments: Mapping[str, Department], numbers: Numbers
) -> dict[str, Any]:
    action = request.action
    if action == Action.SELF_HANDLE:
        office = next(d.code for d in departments.values() if d.tier == Tier.ONE)
        return {"route": Route.SELF.value, "lead_unit": office, "cooperating_units": []}
    if action == Action.DISPATCH:
        lead = _unit(request.to, departments)
        if lead.tier != Tier.X:
            raise refuse("dispatch_needs_x", action, unit=lead.short_name)
        helpers = [_unit(code, departments).code for code in request.with_units]
        helpers = sorted(set(helpers) - {lead.code})
        return {
            "route": Route.DISPATCH_X.value,
            "lead_unit": lead.code,
            "cooperating_units": helpers,
        }
    if action == Action.CALL:
        called = _unit(request.to, departments)
        if called.tier != Tier.Y:
            raise refuse("call_needs_y", action, unit=called.short_name)
        return {
            "route": Route.CALL_Y.value,
            "lead_unit": called.code,
            "cooperating_units": [],
            "call_id": numbers.call_id,
            "reason": _need(request.reason, "reason_missing", action),
            "urgent": request.urgent,
            "duty_phone": called.duty_phone,
        }
    if action == Action.TRANSFER:
        return {
            "to": _need(request.to or "", "transfer_target_missing", action),
            "reason": _need(request.reason, "reason_missing", action),
            "letter_no": numbers.letter_no,
        }
    if action == Action.TRANSFER_POLICE:
        return {
            "to": (request.to or "").strip() or POLICE,
            "offence": _need(request.offence, "offence_missing", action),
            "threshold": _need(request.threshold, "threshold_missing", action),
            "reason": _need(request.reason, "reason_missing", action),
            "letter_no": numbers.letter_no,
        }
    if action == Action.REJECT:
        return {"reason": _need(request.reason, "reason_missing", action)}
    return {"into": _need(request.into or "", "merge_target_missing", action).upper()}


def _park_until(text: str, today: date | None) -> str:
    try:
        until = date.fromisoformat(text.strip())
    except ValueError:
        raise refuse("until_invalid", Action.PARK, value=text) from None
    if today is not None and until <= today:
        raise refuse("until_invalid", Action.PARK, value=text)
    return until.isoformat()


def _handling(state: CaseState, request: Request, today: date | None) -> dict[str, Any]:
    action = request.action
    if action == Action.RETURN and request.not_our_duty:  # opens a duty dispute (职责争议)
        return {
            "reason": _need(request.reason, "reason_missing", action),
            "not_our_duty": True,
            "unit": state.lead_unit,  # whose duty is disputed, also when the office records it
            "cited": sorted({c.strip() for c in request.cited if c.strip()}),
        }
    if action in (Action.RETURN, Action.DENY_EXTENSION, Action.DENY_PARK, Action.REWORK):
        return {"reason": _need(request.reason, "reason_missing", action)}
    if action == Action.TRANSFER_RECEIPT:
        return {
            "letter_no": state.transfer_letter,
            "received_by": _need(request.received_by, "received_by_missing", action),
            "note": request.note.strip(),
        }
    if action == Action.TRANSFER_OUTCOME:
        if request.outcome not in TRANSFER_OUTCOMES:
            raise refuse("outcome_invalid", action)
        return {
            "letter_no": state.transfer_letter,
            "police": state.transfer_police,  # whose words the outcome is told in
            "outcome": request.outcome,
            "note": _need(request.note, "note_missing", action),
        }
    if action == Action.FEEDBACK:
        return {
            "note": _need(request.note, "note_missing", action),
            "photos": list(request.photos),
        }
    if action == Action.EXTEND:
        if request.days is None or not 1 <= request.days <= 60:
            raise refuse("days_invalid", action)
        return {"days": request.days, "reason": _need(request.reason, "reason_missing", action)}
    if action == Action.APPROVE_EXTENSION:
        return {"days": state.extension_requested}
    if action == Action.PARK:
        return {
            "until": _park_until(request.until or "", today),
            "reason": _need(request.reason, "reason_missing", action),
        }
    if action == Action.APPROVE_PARK:
        return {"until": state.park_requested_until}
    if action == Action.VERIFY:
        if request.passed is None:
            raise refuse("verify_result_missing", action)
        return {
            "passed": request.passed,
            "note": request.note.strip(),
            "photos": list(request.photos),
        }
    if action == Action.SUPERVISE:
        return {"note": _need(request.note, "note_missing", action)}
    if action in CALL_STEPS:
        return {"call_id": state.call_id, "note": request.note.strip()}
    return {}  # SIGN, RESUME, CLOSE


def evolve(state: CaseState, event_type: str, payload: Mapping[str, Any]) -> CaseState:
    """The state after an event. Unknown event types leave it unchanged."""
    action = _EVENT_ACTIONS.get(event_type)
    if action is None:
        return state
    p = payload
    if action in (Action.SELF_HANDLE, Action.DISPATCH, Action.CALL):
        state = replace(
            state,
            status=S.ASSIGNED,
            route=Route(p["route"]),
            lead_unit=p["lead_unit"],
            cooperating_units=tuple(p["cooperating_units"]),
        )
        if action == Action.CALL:
            state = replace(state, call_id=p["call_id"], call_status=CallStatus.CALLED)
        return state
    if action in (Action.TRANSFER, Action.TRANSFER_POLICE):
        return replace(
            state,
            status=S.TRANSFERRED,
            transfer_letter=p.get("letter_no", ""),
            transfer_police=action == Action.TRANSFER_POLICE,
            transfer_received=False,
            transfer_settled=False,
        )
    if action == Action.TRANSFER_RECEIPT:
        return replace(state, transfer_received=True)
    if action == Action.TRANSFER_OUTCOME:
        if p["outcome"] == ACCEPTED:
            return replace(state, transfer_settled=True)
        return replace(  # declined or sent back: the case is ours again, to triage anew
            state,
            status=S.PENDING_TRIAGE,
            transfer_letter=None,
            transfer_police=False,
            transfer_received=False,
        )
    if action == Action.REJECT:
        return replace(state, status=S.REJECTED)
    if action == Action.MERGE:
        return replace(state, status=S.MERGED)
    if action == Action.SIGN:
        return replace(state, status=S.HANDLING)
    if action == Action.FEEDBACK:  # the work is reported done: open requests lapse
        return replace(
            state, status=S.FEEDBACK, extension_requested=None, park_requested_until=None
        )
    if action == Action.RETURN:
        return replace(  # back to triage; a call to a Y department ends with it
            state,
            status=S.PENDING_TRIAGE,
            route=None,
            lead_unit=None,
            cooperating_units=(),
            extension_requested=None,
            park_requested_until=None,
            call_id=None,
            call_status=None,
        )
    if action == Action.EXTEND:
        return replace(state, extension_requested=p["days"])
    if action == Action.APPROVE_EXTENSION:
        return replace(
            state, extension_requested=None, extension_days=state.extension_days + p["days"]
        )
    if action == Action.DENY_EXTENSION:
        return replace(state, extension_requested=None)
    if action == Action.PARK:
        return replace(state, park_requested_until=p["until"])
    if action == Action.APPROVE_PARK:
        return replace(state, status=S.PARKED, park_requested_until=None, parked_until=p["until"])
    if action == Action.DENY_PARK:
        return replace(state, park_requested_until=None)
    if action == Action.RESUME:
        return replace(state, status=S.HANDLING, parked_until=None)
    if action == Action.VERIFY:
        if p["passed"]:
            return replace(state, status=S.VERIFIED, verified=True)
        return replace(
            state, status=S.HANDLING, verified=False, rework_count=state.rework_count + 1
        )
    if action == Action.CLOSE:
        return replace(state, status=S.CLOSED)
    if action == Action.REWORK:
        return replace(
            state, status=S.HANDLING, verified=False, rework_count=state.rework_count + 1
        )
    if action == Action.SUPERVISE:
        return replace(state, supervision_count=state.supervision_count + 1)
    _, after = CALL_STEPS[action]
    state = replace(state, call_status=after)
    if action == Action.CALL_ACK and state.status == S.ASSIGNED:
        state = replace(state, status=S.HANDLING)  # the department's response is its 签收
    return state


_EVENT_ACTIONS = {f"case.{action.value.replace('-', '_')}": action for action in Action}


def event_action(event_type: str) -> Action | None:
    return _EVENT_ACTIONS.get(event_type)
