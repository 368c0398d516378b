"""A request -> the event that carries it out (type and payload), or a refusal in plain
words. Who may do what and when is in ``rules``; how the event changes the case, in ``fold``."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.core.case_path.police import DECIDING
from app.core.case_path.police_followups import FOLLOW_UPS, follow_up_payload
from app.core.case_path.rules import (
    CALL_STEPS,
    RETIRED,
    ROUTING,
    TRIAGE,
    check_allowed,
    check_preconditions,
    refuse,
)
from app.core.case_path.steps import Action, Actor, CaseState, event_type_of
from app.core.documents import check_reply_by
from app.core.errors import DomainError, Words
from app.core.intake import check_day
from app.core.model import Department, Route, Tier, office_unit
from app.core.police_transfer import ANY_LEADER, Deciders, attachments_of, check_decider
from app.core.routing import Suggestion
from app.core.transfers import ACCEPTED, POLICE, TRANSFER_OUTCOMES


@dataclass(frozen=True)
class Request:
    """What someone asks to do to a case, as the window's form or the command line gives it."""

    action: Action
    to: str | None = None  # a department code, or an outside authority for TRANSFER
    with_units: tuple[str, ...] = ()
    reason: str = ""
    note: str = ""
    days: int | None = None
    until: str | None = None  # YYYY-MM-DD
    passed: bool | None = None
    into: str | None = None  # case number, for MERGE
    offence: str = ""
    urgent: bool = False
    photos: tuple[dict[str, str], ...] = field(default=())
    override_reason: str = ""  # why the route differs from the lists' suggestion
    not_our_duty: bool = False  # RETURN: the unit says the case is not its duty (职责争议)
    cited: tuple[str, ...] = ()  # the list items such a return cites
    threshold: str = ""  # TRANSFER_POLICE: why the facts meet the prosecution threshold
    received_by: str = ""  # TRANSFER_RECEIPT: who signed the receipt (回执)
    outcome: str = ""  # TRANSFER_OUTCOME: accepted, declined or returned
    reply_by: str = ""  # SUPERVISE: the new deadline (YYYY-MM-DD) to finish and reply by
    facts: str = ""  # POLICE_REQUEST: the facts found (违法事实)
    # POLICE_REQUEST: the materials, evidence files of the case ({sha256, kind}; art. 6)
    attachments: tuple[dict[str, str], ...] = field(default=())
    copy_to: str = ""  # POLICE_APPROVE: the procuratorate copied (抄送)
    on: str = ""  # POLICE_SUPERVISION, POLICE_HANDOVER: the day (YYYY-MM-DD), checked by the store
    at: str = ""  # POLICE_PASSED_ON: when the police passed it on, checked by the store


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
    evidence: Collection[str] = (),
    deciders: Deciders = ANY_LEADER,
) -> Decision:
    """The event that carries out ``request``, or a DomainError saying why not.

    ``suggestion``: the route the three lists suggest for the case; routing elsewhere needs
    ``request.override_reason``, and both are kept in the event for the override report.
    ``evidence``: the sha256 of the case's evidence files, which a police transfer's
    materials must be among (or among the files the request itself brings).
    ``deciders``: who may decide a police transfer (order 310 art. 5), once named."""
    action = request.action
    if action in RETIRED:
        raise refuse("police_transfer_needs_request", action)
    check_allowed(state, actor, action, {code: d.short_name for code, d in departments.items()})
    check_preconditions(state, action)
    if action in DECIDING:
        check_decider(deciders, actor.user_id)
    payload: dict[str, Any] = {"by_unit": actor.unit}
    if action in (Action.POLICE_REQUEST, Action.POLICE_APPROVE):
        payload.update(_police(request, numbers, state, evidence))
    elif action in FOLLOW_UPS:
        fields = {k: getattr(request, k) for k in ("to", "outcome", "reason", "note", "on", "at")}
        fields |= {"received_by": request.received_by, "to": request.to or ""}
        payload.update(follow_up_payload(state, action, fields))
    elif action in TRIAGE:
        payload.update(_triage(request, departments, numbers))
        if action in ROUTING and suggestion is not None:
            payload.update(_against_suggestion(payload, request, suggestion))
    else:
        payload.update(_handling(state, request, today))
    return Decision(event_type_of(action), payload)


def _against_suggestion(
    payload: Mapping[str, Any], request: Request, suggestion: Suggestion
) -> dict[str, Any]:
    route, lead = payload["route"], payload["lead_unit"]
    out: dict[str, Any] = {
        "suggested": suggestion.record(),
        "overridden": not suggestion.followed_by(route, lead),
    }
    if suggestion.override_needs_reason(route, lead):
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
    if not department.active:
        raise DomainError("department_inactive", value=department.short_name)
    return department


def _helpers(
    request: Request, lead: Department, departments: Mapping[str, Department]
) -> list[str]:
    """The cooperating units (配合单位) of a dispatch or a call, checked like the lead; the
    lead itself is left out, since a unit cannot both lead and cooperate."""
    helpers = {_unit(code, departments).code for code in request.with_units}
    return sorted(helpers - {lead.code})


def _triage(
    request: Request, departments: Mapping[str, Department], numbers: Numbers
) -> dict[str, Any]:
    action = request.action
    if action == Action.SELF_HANDLE:
        office = office_unit(departments)
        return {"route": Route.SELF.value, "lead_unit": office, "cooperating_units": []}
    if action == Action.DISPATCH:
        lead = _unit(request.to, departments)
        if lead.tier != Tier.X:
            raise refuse("dispatch_needs_x", action, unit=lead.short_name)
        return {
            "route": Route.DISPATCH_X.value,
            "lead_unit": lead.code,
            "cooperating_units": _helpers(request, lead, departments),
        }
    if action == Action.CALL:
        called = _unit(request.to, departments)
        if called.tier != Tier.Y:
            raise refuse("call_needs_y", action, unit=called.short_name)
        return {
            "route": Route.CALL_Y.value,
            "lead_unit": called.code,
            "cooperating_units": _helpers(request, called, departments),
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


def _police(
    request: Request, numbers: Numbers, state: CaseState, evidence: Collection[str]
) -> dict[str, Any]:
    """The request with its materials (order 310 art. 5, 6), or the leader's approval, which
    numbers the letter and names the police and the procuratorate it is copied to."""
    action = request.action
    if action == Action.POLICE_REQUEST:
        brought = {p["sha256"] for p in request.photos}
        return {
            "from_status": state.status.value,
            "offence": _need(request.offence, "offence_missing", action),
            "threshold": _need(request.threshold, "threshold_missing", action),
            "facts": request.facts.strip(),
            "attachments": attachments_of(request.attachments, {*evidence, *brought}),
            "photos": list(request.photos),
        }
    return {
        "to": (request.to or "").strip() or POLICE,
        "letter_no": numbers.letter_no,
        "copy_to": _need(request.copy_to, "copy_to_missing", action),
    }


def _park_until(text: str, today: date | None) -> str:
    try:
        until = date.fromisoformat(text.strip())
    except ValueError:
        raise refuse("until_invalid", Action.PARK, value=text) from None
    check_day(until, Words("挂账日期", "park-until date"))
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
    if action in (
        Action.RETURN,
        Action.DENY_EXTENSION,
        Action.DENY_PARK,
        Action.REWORK,
        Action.POLICE_DENY,  # art. 5: a refusal is recorded with its reasons
    ):
        return {"reason": _need(request.reason, "reason_missing", action)}
    if action == Action.POLICE_REVIEW:
        return {
            "letter_no": state.police_refused_letter,
            "reason": _need(request.reason, "reason_missing", action),
        }
    if action == Action.TRANSFER_RECEIPT:
        return {
            "letter_no": state.transfer_letter,
            "received_by": _need(request.received_by, "received_by_missing", action),
            "note": request.note.strip(),
        }
    if action == Action.TRANSFER_OUTCOME:
        if request.outcome not in TRANSFER_OUTCOMES:
            raise refuse("outcome_invalid", action)
        outcome = {
            "letter_no": state.transfer_letter,
            "police": state.transfer_police,  # whose words the outcome is told in
            "outcome": request.outcome,
            "note": _need(request.note, "note_missing", action),
        }
        if state.transfer_approved and request.outcome == ACCEPTED:
            # since schema 13 a case the police open owes the handover of its items within
            # 3 days (order 310 art. 12); an outcome written before says nothing of it and
            # starts no clock, so an upgraded office is not told of handovers long done
            outcome["handover_due"] = True
        return outcome
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
        supervision = {"note": _need(request.note, "note_missing", action)}
        if request.reply_by.strip():  # optional: older supervisions carry none
            supervision["reply_by"] = check_reply_by(request.reply_by, today)
        return supervision
    if action in CALL_STEPS:
        return {"call_id": state.call_id, "note": request.note.strip()}
    return {}  # SIGN, RESUME, CLOSE
