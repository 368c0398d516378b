"""Who may take which step of the case path, in which state, on which device (DOMAIN.md §4).

Enforced here, in the domain, not only by hiding buttons: ``decide`` checks every request
against these rules, the fold checks every event again (a step from another device may no
longer be allowed), and the window offers exactly ``allowed_actions``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from app.core.case_path.police import DECIDING, WHILE_POLICE_REQUESTED
from app.core.case_path.police_followups import FOLLOW_UP_ROLES, FOLLOW_UP_STATES, check_follow_up
from app.core.case_path.steps import (
    Action,
    Actor,
    CallStatus,
    CaseState,
    action_words,
    event_action,
)
from app.core.errors import DomainError, Words
from app.core.events import EventType
from app.core.model import CaseStatus, Role, Route, chinese
from app.core.permissions import RESOLVE_CONFLICT, ROLE_WORDS, require
from app.core.police_transfer import ANY_LEADER, Deciders

S = CaseStatus

# -- statuses ---------------------------------------------------------------------------------

# The one set of finished statuses: nothing more is done on such a case, no clock runs.
# A closed case may still be sent back for rework; the others are dead ends.
FINISHED = frozenset({S.CLOSED, S.TRANSFERRED, S.REJECTED, S.MERGED})
OPEN = frozenset(set(S) - FINISHED)
DEAD_ENDS = FINISHED - {S.CLOSED}

# -- steps ------------------------------------------------------------------------------------

TRIAGE = (
    Action.SELF_HANDLE,
    Action.DISPATCH,
    Action.CALL,
    Action.TRANSFER,
    Action.TRANSFER_POLICE,
    Action.REJECT,
    Action.MERGE,
)
# Route <-> action: the three triage steps that give a case a lead unit, which the three
# lists suggest (the others, transfer, reject and merge, take it off the township's desk).
ROUTE_ACTIONS = {
    Route.SELF: Action.SELF_HANDLE,
    Route.DISPATCH_X: Action.DISPATCH,
    Route.CALL_Y: Action.CALL,
}
ACTION_ROUTES = {action: route for route, action in ROUTE_ACTIONS.items()}
ROUTING = tuple(ACTION_ROUTES)
# Handling steps belong to the lead unit; the office may record them on its behalf
# (a Y department that does not run TownDesk phones its answers in).
HANDLER_STEPS = (Action.SIGN, Action.FEEDBACK, Action.RETURN, Action.EXTEND, Action.PARK)
UNIT_STEPS = (
    *HANDLER_STEPS,
    Action.RESUME,
    Action.CALL_ACK,
    Action.CALL_ARRIVE,
    Action.CALL_DONE,
    Action.POLICE_REQUEST,
)
# 行刑衔接 (order 310, core/police_transfer.py): a crime is usually found while handling
# (art. 3), so the unit handling the case asks, or the office, also straight from triage.
POLICE_STEPS = (Action.POLICE_REQUEST, Action.POLICE_APPROVE, Action.POLICE_DENY)
# Steps whose old events still fold but which are no longer taken: the one-step transfer to
# the police without request, materials or approval (schema 5 to 11).
RETIRED = frozenset({Action.TRANSFER_POLICE})
CALL_STEPS = {  # action -> (the call status it needs, the status it leads to)
    Action.CALL_ACK: (CallStatus.CALLED, CallStatus.ACKNOWLEDGED),
    Action.CALL_ARRIVE: (CallStatus.ACKNOWLEDGED, CallStatus.ON_SCENE),
    Action.CALL_DONE: (CallStatus.ON_SCENE, CallStatus.HANDLED),
    Action.CALL_CONFIRM: (CallStatus.HANDLED, CallStatus.CONFIRMED),
}

# -- who ----------------------------------------------------------------------------------------

OFFICE_ROLES = frozenset({Role.CLERK, Role.ADMINISTRATOR})
APPROVERS = frozenset({Role.LEADER, Role.SUPERVISOR})
ROLES: dict[Action, frozenset[Role]] = {
    **{action: OFFICE_ROLES for action in TRIAGE},
    **{action: OFFICE_ROLES | {Role.DEPARTMENT_OFFICER} for action in HANDLER_STEPS},
    Action.APPROVE_EXTENSION: APPROVERS,
    Action.DENY_EXTENSION: APPROVERS,
    Action.APPROVE_PARK: APPROVERS,
    Action.DENY_PARK: APPROVERS,
    Action.RESUME: OFFICE_ROLES | APPROVERS | {Role.DEPARTMENT_OFFICER},
    Action.VERIFY: OFFICE_ROLES | {Role.GRID_WORKER, Role.SUPERVISOR},
    Action.CLOSE: OFFICE_ROLES,
    Action.REWORK: OFFICE_ROLES | APPROVERS,
    Action.SUPERVISE: APPROVERS,
    Action.CALL_ACK: OFFICE_ROLES | {Role.DEPARTMENT_OFFICER},
    Action.CALL_ARRIVE: OFFICE_ROLES | {Role.DEPARTMENT_OFFICER},
    Action.CALL_DONE: OFFICE_ROLES | {Role.DEPARTMENT_OFFICER},
    Action.CALL_CONFIRM: OFFICE_ROLES,  # 事不完人不撤: only the caller closes a call
    Action.TRANSFER_RECEIPT: OFFICE_ROLES,
    Action.TRANSFER_OUTCOME: OFFICE_ROLES,
    Action.POLICE_REQUEST: OFFICE_ROLES | {Role.DEPARTMENT_OFFICER},
    # Art. 5 has the authority's principal leader (正职负责人, or the one acting for them)
    # decide: a LEADER, and once the administrator names them, only those
    # (police_transfer.Deciders, asked by ``decide`` and ``allowed_actions``).
    Action.POLICE_APPROVE: frozenset({Role.LEADER}),
    Action.POLICE_DENY: frozenset({Role.LEADER}),
    # Art. 9: the authority asks the police to review; the office writes, or the leader.
    Action.POLICE_REVIEW: OFFICE_ROLES | {Role.LEADER},
    **FOLLOW_UP_ROLES,
}


# -- in which state -----------------------------------------------------------------------------

STATES: dict[Action, frozenset[CaseStatus]] = {
    **{action: frozenset({S.PENDING_TRIAGE}) for action in TRIAGE},
    Action.SIGN: frozenset({S.ASSIGNED}),
    Action.FEEDBACK: frozenset({S.HANDLING}),
    Action.RETURN: frozenset({S.ASSIGNED, S.HANDLING}),
    Action.EXTEND: frozenset({S.ASSIGNED, S.HANDLING}),
    Action.APPROVE_EXTENSION: OPEN,
    Action.DENY_EXTENSION: OPEN,
    Action.PARK: frozenset({S.HANDLING}),
    Action.APPROVE_PARK: frozenset({S.HANDLING}),
    Action.DENY_PARK: frozenset({S.HANDLING}),
    Action.RESUME: frozenset({S.PARKED}),
    Action.VERIFY: frozenset({S.FEEDBACK}),
    Action.CLOSE: frozenset({S.VERIFIED}),
    Action.REWORK: frozenset({S.VERIFIED, S.CLOSED}),
    Action.SUPERVISE: OPEN,
    **{action: OPEN for action in CALL_STEPS},
    Action.TRANSFER_RECEIPT: frozenset({S.TRANSFERRED}),
    Action.TRANSFER_OUTCOME: frozenset({S.TRANSFERRED}),
    **{action: frozenset({S.PENDING_TRIAGE, S.HANDLING}) for action in POLICE_STEPS},
    # after the police's refusal the case is the office's again (in triage, or routed anew)
    Action.POLICE_REVIEW: OPEN,
    **FOLLOW_UP_STATES,
}

STATE_PHRASES = {
    S.PENDING_TRIAGE: Words("还未研判分拨", "has not been triaged"),
    S.ASSIGNED: Words("尚未签收", "has not been signed for"),
    S.HANDLING: Words("正在处置", "is being handled"),
    S.PARKED: Words("已挂账", "is parked"),
    S.FEEDBACK: Words("正等待核查", "is waiting to be verified"),
    S.VERIFIED: Words("已核查通过，等待结案", "is verified and waiting to be closed"),
    S.CLOSED: Words("已结案", "is closed"),
    S.TRANSFERRED: Words("已移送", "was transferred"),
    S.REJECTED: Words("已不予受理", "was rejected"),
    S.MERGED: Words("已合并到其他案件", "was merged into another case"),
}


def refuse(code: str, action: Action, **params: object) -> DomainError:
    return DomainError(code, action=action_words(action), **params)


def check_allowed(
    state: CaseState, actor: Actor, action: Action, unit_names: Mapping[str, str] | None = None
) -> None:
    """Role first, then state, then the unit: the first rule broken is the one reported."""
    if actor.role not in ROLES[action]:
        role = Words(chinese(actor.role), ROLE_WORDS[actor.role])
        raise DomainError("permission_denied", role=role, action=action_words(action))
    if state.status not in STATES[action]:
        raise refuse("wrong_state", action, state=STATE_PHRASES[state.status])
    from_triage = state.status == S.PENDING_TRIAGE
    if action == Action.POLICE_REQUEST and actor.role == Role.DEPARTMENT_OFFICER and from_triage:
        raise refuse("police_request_office_only", action)  # no unit handles it yet
    officer_of_another_unit = (
        actor.role == Role.DEPARTMENT_OFFICER and actor.unit != state.lead_unit
    )
    if officer_of_another_unit and action in UNIT_STEPS:
        lead = state.lead_unit or "—"
        raise refuse("not_lead_unit", action, unit=(unit_names or {}).get(lead, lead))


def check_preconditions(state: CaseState, action: Action) -> None:
    """Rules beyond role and status: pending requests, the call's own steps."""
    if state.police_requested and action not in WHILE_POLICE_REQUESTED:
        raise refuse("police_request_pending", action)
    deciding_police = action in (Action.POLICE_APPROVE, Action.POLICE_DENY)
    if deciding_police and not state.police_requested:
        raise refuse("nothing_to_decide", action)
    if action == Action.POLICE_REVIEW and state.police_refused_letter is None:
        raise refuse("review_needs_refusal", action)
    check_follow_up(state, action)
    deciding_extension = action in (Action.APPROVE_EXTENSION, Action.DENY_EXTENSION)
    if deciding_extension and state.extension_requested is None:
        raise refuse("nothing_to_decide", action)
    if action == Action.EXTEND and state.extension_requested is not None:
        raise refuse("already_requested", action)
    deciding_park = action in (Action.APPROVE_PARK, Action.DENY_PARK)
    if deciding_park and state.park_requested_until is None:
        raise refuse("nothing_to_decide", action)
    if action == Action.PARK and state.park_requested_until is not None:
        raise refuse("already_requested", action)
    if action in CALL_STEPS:
        needed, _ = CALL_STEPS[action]
        if state.call_status != needed:
            raise refuse("call_step_out_of_order", action)
    if action == Action.SIGN and state.call_open:  # the department's response is its 签收
        raise refuse("sign_by_call_response", action)
    if action == Action.VERIFY and state.call_open:
        raise refuse("call_still_open", action)
    if action == Action.FEEDBACK and state.call_open and state.call_status != CallStatus.HANDLED:
        raise refuse("call_not_handled", action)
    if action == Action.TRANSFER_RECEIPT and state.transfer_received:
        raise refuse("already_recorded", action)
    if action == Action.TRANSFER_OUTCOME and not state.transfer_received:
        raise refuse("receipt_first", action)
    if action == Action.TRANSFER_OUTCOME and state.transfer_settled:
        raise refuse("already_recorded", action)


def may_take(state: CaseState, actor: Actor | None, action: Action) -> bool:
    """Whether ``actor`` may take ``action`` now, every rule above considered."""
    if actor is None:
        return False
    try:
        check_allowed(state, actor, action)
        check_preconditions(state, action)
    except DomainError:
        return False
    return True


def allowed_actions(
    state: CaseState, actor: Actor, device_kind: str | None = None, deciders: Deciders = ANY_LEADER
) -> list[Action]:
    """What this person may do now, on this device: the window offers exactly these."""
    return [
        a
        for a in Action
        if a not in RETIRED
        and may_take(state, actor, a)
        and field_allows(device_kind, a)
        and (a not in DECIDING or deciders.may_decide(actor.user_id))
    ]


def check_merge_target(
    case_id: str, target_id: str, target_number: str, target: CaseStatus
) -> None:
    """A case merges into another case, never into itself, nor into a dead end (one
    transferred, rejected or merged itself), so merged cases never form a cycle."""
    if target_id == case_id:
        raise DomainError("merge_into_itself")
    if target in DEAD_ENDS:
        raise DomainError("merge_target_finished", value=target_number)


def check_settling(
    role: Role, device_kind: str | None, note: str, open_conflicts: Collection[str], number: str
) -> str:
    """A sync conflict is settled at the office, by a clerk, administrator or leader who says
    how; only while the case has one. Returns the note as recorded."""
    require(role, RESOLVE_CONFLICT)
    if device_kind in FIELD_KINDS:
        raise DomainError("conflict_office_only")
    if not note.strip():
        raise DomainError("conflict_note_missing")
    if not open_conflicts:
        raise DomainError("conflict_none", value=number)
    return note.strip()


def check_cited(cited: Collection[str], listed: Collection[str]) -> None:
    """A duty dispute cites items of the power or boundary list: ones that exist."""
    for code in filter(None, (c.strip() for c in cited)):
        if code not in listed:
            raise DomainError("list_item_unknown", value=code)


# -- on which device ------------------------------------------------------------------------
# The office triages, approves and closes; a laptop works a case where it stands: a grid
# worker's laptop reports and verifies on site, a department's laptop signs for, handles and
# reports back on its own cases.

FIELD_KINDS = {
    "grid-worker": Words("网格员终端", "grid worker's laptop"),
    "department": Words("部门终端", "department laptop"),
}
FIELD_STEPS: dict[str, frozenset[Action]] = {
    "grid-worker": frozenset({Action.VERIFY}),
    "department": frozenset(
        {
            *HANDLER_STEPS,
            Action.RESUME,
            Action.POLICE_REQUEST,  # the unit that found the crime asks where it works
            *(a for a in CALL_STEPS if a != Action.CALL_CONFIRM),
        }
    ),
}


def may_originate(device_kind: str | None, event_type: str) -> bool:
    """Whether events of this type are believable from a device of this kind: a laptop
    reports cases, records evidence it received and takes its field steps (a department's
    laptop also records the parties of its cases); reference data,
    calendars, devices and conflict resolutions come from the office only."""
    if device_kind not in FIELD_STEPS:
        return device_kind == "office"
    if event_type in (EventType.CASE_REGISTERED, EventType.EVIDENCE_RECEIVED):
        return True
    if event_type in (EventType.CASE_PARTY_ADDED, EventType.CASE_PARTY_REMOVED):
        # the unit handling a case records its parties where it works (core/case_path/parties.py)
        return device_kind == "department"
    action = event_action(event_type)
    return action is not None and action in FIELD_STEPS[device_kind]


def field_statuses(device_kind: str | None) -> frozenset[CaseStatus] | None:
    """The statuses in which a case can be moved on this device; None on the office PC
    (every status). A laptop's workbench lists only cases it can act on."""
    if device_kind not in FIELD_STEPS:
        return None
    return frozenset(status for action in FIELD_STEPS[device_kind] for status in STATES[action])


def field_allows(device_kind: str | None, action: Action) -> bool:
    """``device_kind`` None or "office": the office PC, where every step may be taken."""
    return device_kind not in FIELD_STEPS or action in FIELD_STEPS[device_kind]


def check_field(device_kind: str | None, action: Action) -> None:
    if not field_allows(device_kind, action):
        assert device_kind is not None
        raise DomainError(
            "field_device_cannot", device=FIELD_KINDS[device_kind], action=action_words(action)
        )
