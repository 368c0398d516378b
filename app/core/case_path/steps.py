"""The words of the case path: what can be done to a case, a case's state as the rules see
it, and who acts. The rules themselves are in ``rules``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from app.core.errors import Words
from app.core.model import CaseStatus, Role, Route


class Action(StrEnum):
    """What can be done to a case; the values are the command-line names."""

    SELF_HANDLE = "self-handle"
    DISPATCH = "dispatch"
    CALL = "call"
    TRANSFER = "transfer"
    # The one-step transfer to the police of schema 5-11: its events still fold as before,
    # no new one is written (``rules.RETIRED``); the command line's "transfer-police" is now
    # the request below.
    TRANSFER_POLICE = "transfer-police-direct"
    POLICE_REQUEST = "transfer-police"  # 行刑衔接 as order 310 prescribes: request,
    POLICE_APPROVE = "approve-transfer"  # the leader's approval (numbers the letter)
    POLICE_DENY = "deny-transfer"  # or refusal,
    POLICE_REVIEW = "transfer-review"  # and review (复议) after the police refused
    # what follows (schema 13): the police's answer to the review, the procuratorate asked
    # to supervise after the refusal was upheld (art. 9), the case passed on by the police
    # to the competent authority (art. 7), the items handed over once a case is opened (12)
    POLICE_REVIEW_ANSWER = "transfer-review-answer"
    POLICE_SUPERVISION = "transfer-supervision"
    POLICE_PASSED_ON = "transfer-passed-on"
    POLICE_HANDOVER = "items-handover"
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
    Action.POLICE_REQUEST: ("申请移送公安", "ask to transfer to the police"),
    Action.POLICE_APPROVE: ("批准移送公安", "approve the transfer to the police"),
    Action.POLICE_DENY: ("不批准移送公安", "refuse the transfer to the police"),
    Action.POLICE_REVIEW: ("提请复议", "ask the police to review their refusal"),
    Action.POLICE_REVIEW_ANSWER: ("登记复议决定", "record the police's decision on review"),
    Action.POLICE_SUPERVISION: ("建议检察院立案监督", "ask the procuratorate to supervise"),
    Action.POLICE_PASSED_ON: ("登记公安移交主管机关", "record the police passing the case on"),
    Action.POLICE_HANDOVER: ("登记移交涉案物品", "record the items handed over"),
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


# Event types not spelt after the command-line name (both are fixed for ever once written).
_EVENT_TYPES = {
    Action.TRANSFER_POLICE: "case.transfer_police",
    Action.POLICE_REQUEST: "case.police_transfer_requested",
    Action.POLICE_APPROVE: "case.police_transfer_approved",
    Action.POLICE_DENY: "case.police_transfer_denied",
    Action.POLICE_REVIEW: "case.police_transfer_review_requested",
    Action.POLICE_REVIEW_ANSWER: "case.police_review_answered",
    Action.POLICE_SUPERVISION: "case.police_supervision_requested",
    Action.POLICE_PASSED_ON: "case.police_transfer_passed_on",
    Action.POLICE_HANDOVER: "case.police_items_handed_over",
}


def event_type_of(action: Action) -> str:
    """``case.self_handle`` …: the event type a step is written as (never renamed)."""
    return _EVENT_TYPES.get(action) or f"case.{action.value.replace('-', '_')}"


_EVENT_ACTIONS = {event_type_of(action): action for action in Action}


def event_action(event_type: str) -> Action | None:
    """The step an event records; None for registration, conflicts and unknown types."""
    return _EVENT_ACTIONS.get(event_type)


class CallStatus(StrEnum):
    """A call to a Y department: 呼叫 → 响应 → 到场 → 办结 → 确认."""

    CALLED = "called"
    ACKNOWLEDGED = "acknowledged"
    ON_SCENE = "on_scene"
    HANDLED = "handled"
    CONFIRMED = "confirmed"


ABANDONED = "abandoned"  # a call's row once the case was returned before the call ended
CALL_STATUS_NAMES = {
    "called": "已呼叫",
    "acknowledged": "已响应",
    "on_scene": "已到场",
    "handled": "已办结",
    "confirmed": "已确认",
    ABANDONED: "已撤回",
}


@dataclass(frozen=True)
class CaseState:
    """What the rules need to know about a case. Derived from its events only."""

    status: CaseStatus = CaseStatus.PENDING_TRIAGE
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
    police_requested: bool = False  # a request to transfer to the police awaits the leader
    transfer_approved: bool = False  # the open police transfer was requested and approved
    # the police declined to open a case on this letter (复议 may be asked; approved
    # transfers only: a one-step transfer of schema 5-11 has no request to review)
    police_refused_letter: str | None = None
    police_review_letter: str | None = None  # a review asked on this letter awaits the answer
    police_upheld_letter: str | None = None  # the refusal upheld: 立案监督 may be asked
    transfer_passed_on: bool = False  # the police passed the open transfer on (art. 7)
    items_handed_over: bool = False  # the items went to the police after 立案 (art. 12)

    @property
    def call_open(self) -> bool:
        return self.call_id is not None and self.call_status != CallStatus.CONFIRMED

    def but(self, **changes: Any) -> CaseState:
        """A copy with ``changes``: ``dataclasses.replace`` without its walk over every
        field and its ``__init__`` (a fold takes a step for each event of each case, an
        import of 100,000 events 100,000 of them). A name that is not a field is refused,
        as ``replace`` refuses it."""
        unknown = changes.keys() - _STATE_FIELDS
        if unknown:
            raise TypeError(f"CaseState has no field {sorted(unknown)[0]!r}")
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__, **changes)
        return copy


_STATE_FIELDS = frozenset(f.name for f in fields(CaseState))


@dataclass(frozen=True)
class Actor:
    """Who takes a step, as the township's records know them (never what an event claims)."""

    user_id: str
    role: Role
    unit: str  # department code


# What leaves with a case taken off the handling unit's desk (a return; a transfer, to the
# police too): its route, its units, the requests it had open and a call under way.
OFF_THE_DESK: dict[str, Any] = {
    "route": None,
    "lead_unit": None,
    "cooperating_units": (),
    "extension_requested": None,
    "park_requested_until": None,
    "call_id": None,
    "call_status": None,
}
