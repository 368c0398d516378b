"""The case path (DOMAIN.md §4) as a pure state machine.

``decide`` checks who may do what in which state and turns a request into an event
(type + payload) or refuses in plain words; ``evolve`` folds an event into the state.
The store keeps the state in its projection and calls ``evolve`` for every event, so the
window, the command line and sync all obey the same rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.errors import DomainError, Words
from app.core.model import CaseStatus, Role, Route, chinese
from app.core.permissions import ROLE_WORDS

S = CaseStatus


class Action(StrEnum):
    """What can be done to a case; the values are the command-line names."""

    SELF_HANDLE = "self-handle"
    DISPATCH = "dispatch"
    CALL = "call"
    TRANSFER = "transfer"
    TRANSFER_POLICE = "transfer-police"
    REJECT = "reject"
    MERGE = "merge"
    SIGN = "sign"
    FEEDBACK = "feedback"
    RETURN = "return"
    EXTEND = "extend"
    APPROVE_EXTENSION = "approve-extension"
    DENY_EXTENSION = "deny-extension"
    PARK = "park"
    APPROVE_PARK = "approve-park"
    DENY_PARK = "deny-park"
    RESUME = "resume"
    VERIFY = "verify"
    CLOSE = "close"
    REWORK = "rework"
    SUPERVISE = "supervise"
    CALL_ACK = "call-ack"
    CALL_ARRIVE = "call-arrive"
    CALL_DONE = "call-done"
    CALL_CONFIRM = "call-confirm"
    TRANSFER_RECEIPT = "transfer-receipt"
    TRANSFER_OUTCOME = "transfer-outcome"


ACTION_NAMES: dict[Action, tuple[str, str]] = {
    Action.SELF_HANDLE: ("交由镇街自行处置", "have the township handle it"),
    Action.DISPATCH: ("派遣", "dispatch"),
    Action.CALL: ("呼叫区直部门", "call a district department"),
    Action.TRANSFER: ("移送", "transfer"),
    Action.TRANSFER_POLICE: ("移送公安", "transfer to the police"),
    Action.REJECT: ("不予受理", "reject"),
    Action.MERGE: ("合并", "merge"),
    Action.SIGN: ("签收", "sign for"),
    Action.FEEDBACK: ("反馈", "report back"),
    Action.RETURN: ("回退", "return"),
    Action.EXTEND: ("申请延期", "ask for an extension"),
    Action.APPROVE_EXTENSION: ("批准延期", "approve an extension"),
    Action.DENY_EXTENSION: ("驳回延期", "deny an extension"),
    Action.PARK: ("申请挂账", "ask to park"),
    Action.APPROVE_PARK: ("批准挂账", "approve parking"),
    Action.DENY_PARK: ("驳回挂账", "deny parking"),
    Action.RESUME: ("恢复办理", "resume"),
    Action.VERIFY: ("核查", "verify"),
    Action.CLOSE: ("结案", "close"),
    Action.REWORK: ("返工", "send back for rework"),
    Action.SUPERVISE: ("督办", "supervise"),
    Action.CALL_ACK: ("登记响应", "record the response"),
    Action.CALL_ARRIVE: ("登记到场", "record the arrival"),
    Action.CALL_DONE: ("登记办结", "record the call as handled"),
    Action.CALL_CONFIRM: ("确认呼叫办结", "confirm the call"),
    Action.TRANSFER_RECEIPT: ("登记移送回执", "record the transfer receipt"),
    Action.TRANSFER_OUTCOME: ("登记移送结果", "record the transfer outcome"),
}


def action_words(action: Action) -> Words:
    return Words(*ACTION_NAMES[action])


class CallStatus(StrEnum):
    """A call to a Y department: 呼叫 → 响应 → 到场 → 办结 → 确认."""

    CALLED = "called"
    ACKNOWLEDGED = "acknowledged"
    ON_SCENE = "on_scene"
    HANDLED = "handled"
    CONFIRMED = "confirmed"


CALL_STATUS_NAMES = {
    "called": "已呼叫",
    "acknowledged": "已响应",
    "on_scene": "已到场",
    "handled": "已办结",
    "confirmed": "已确认",
    "abandoned": "已撤回",  # the case was returned before the call ended
}

CALL_STEPS = {  # action -> (the call status it needs, the status it leads to)
    Action.CALL_ACK: (CallStatus.CALLED, CallStatus.ACKNOWLEDGED),
    Action.CALL_ARRIVE: (CallStatus.ACKNOWLEDGED, CallStatus.ON_SCENE),
    Action.CALL_DONE: (CallStatus.ON_SCENE, CallStatus.HANDLED),
    Action.CALL_CONFIRM: (CallStatus.HANDLED, CallStatus.CONFIRMED),
}


@dataclass(frozen=True)
class CaseState:
    """What the rules need to know about a case. Derived from its events only."""

    status: CaseStatus = S.PENDING_TRIAGE
    route: Route | None = None
    lead_unit: str | None = None
    cooperating_units: tuple[str, ...] = ()
    extension_requested: int | None = None  # working days asked for, awaiting a decision
    extension_days: int = 0  # approved in total
    park_requested_until: str | None = None  # YYYY-MM-DD, awaiting a decision
    parked_until: str | None = None
    verified: bool = False  # the latest on-site check passed
    rework_count: int = 0
    supervision_count: int = 0
    call_id: str | None = None
    call_status: CallStatus | None = None
    transfer_letter: str | None = None  # the open transfer's letter number ("" before v5)
    transfer_police: bool = False
    transfer_received: bool = False  # its receipt (回执) is recorded
    transfer_settled: bool = False  # the receiver accepted it (立案 / 已受理)

    @property
    def call_open(self) -> bool:
        return self.call_id is not None and self.call_status != CallStatus.CONFIRMED


@dataclass(frozen=True)
class Actor:
    user_id: str
    role: Role
    unit: str  # department code


@dataclass(frozen=True)
class Request:
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


# -- who may act ------------------------------------------------------------------------------

OFFICE_ROLES = frozenset({Role.CLERK, Role.ADMINISTRATOR})
APPROVERS = frozenset({Role.LEADER, Role.SUPERVISOR})
TRIAGE = (
    Action.SELF_HANDLE,
    Action.DISPATCH,
    Action.CALL,
    Action.TRANSFER,
    Action.TRANSFER_POLICE,
    Action.REJECT,
    Action.MERGE,
)
# Handling steps belong to the lead unit; the office may record them on its behalf
# (a Y department that does not run TownDesk phones its answers in).
HANDLER_STEPS = (Action.SIGN, Action.FEEDBACK, Action.RETURN, Action.EXTEND, Action.PARK)
UNIT_STEPS = (*HANDLER_STEPS, Action.RESUME, Action.CALL_ACK, Action.CALL_ARRIVE, Action.CALL_DONE)
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
}

# -- in which state -----------------------------------------------------------------------------

OPEN = frozenset(set(S) - {S.CLOSED, S.TRANSFERRED, S.REJECTED, S.MERGED})
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
    officer_of_another_unit = (
        actor.role == Role.DEPARTMENT_OFFICER and actor.unit != state.lead_unit
    )
    if officer_of_another_unit and action in UNIT_STEPS:
        lead = state.lead_unit or "—"
        raise refuse("not_lead_unit", action, unit=(unit_names or {}).get(lead, lead))


def allowed_actions(state: CaseState, actor: Actor) -> list[Action]:
    """What this person may do now: the window shows exactly these."""
    allowed = []
    for action in Action:
        try:
            check_allowed(state, actor, action)
            check_preconditions(state, action)
        except DomainError:
            continue
        allowed.append(action)
    return allowed


def check_preconditions(state: CaseState, action: Action) -> None:
    """Rules beyond role and status: pending requests, the call's own steps."""
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
