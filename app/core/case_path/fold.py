"""How events change a case: ``evolve`` folds one event into the state, and ``fold_step``
applies the rule for steps that collide when two devices change the same case offline.

A case's events are folded in the merged order ``(hlc, device_id, device_seq)``, which
every device computes the same way, so every device reaches the same state:

1. A step that is still allowed (its actor's role and unit, the case's state and the
   step's preconditions) in the state reached so far is applied.
2. A step that is no longer allowed is a **rival** (并行冲突): it stays in the log and the
   timeline, marked as not applied, and the case is flagged. Example: two devices dispatch
   the same case to different units; the earlier dispatch holds, the later one is a rival.
3. A step taken without knowing the event just before it in the merged order (its
   ``basis`` differs) is **concurrent**. If it is applied and changes the case's status or
   lead unit, the case is flagged too, so a clerk looks at both versions. Example: the
   office closes a case while a laptop, offline, adds feedback.
4. A clerk resolves the flag with ``case.conflict_resolved``, naming the events looked at;
   to adopt a rival version the clerk then takes that step again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.case_path.police_followups import FOLLOW_UPS, FRESH_TRANSFER, evolve_follow_up
from app.core.case_path.rules import CALL_STEPS, may_take
from app.core.case_path.steps import (
    OFF_THE_DESK,
    Action,
    Actor,
    CallStatus,
    CaseState,
    event_action,
)
from app.core.model import CaseStatus, Route
from app.core.transfers import ACCEPTED, DECLINED

S = CaseStatus


def evolve(state: CaseState, event_type: str, payload: Mapping[str, Any]) -> CaseState:
    """The state after an event. Unknown event types leave it unchanged."""
    action = event_action(event_type)
    if action is None:
        return state
    p = payload
    if action in (Action.SELF_HANDLE, Action.DISPATCH, Action.CALL):
        state = state.but(
            status=S.ASSIGNED,
            route=Route(p["route"]),
            lead_unit=p["lead_unit"],
            cooperating_units=tuple(p["cooperating_units"]),
        )
        if action == Action.CALL:
            state = state.but(call_id=p["call_id"], call_status=CallStatus.CALLED)
        return state
    if action in (Action.TRANSFER, Action.TRANSFER_POLICE):
        return state.but(
            status=S.TRANSFERRED,
            police_refused_letter=None,
            transfer_approved=False,
            transfer_letter=p.get("letter_no", ""),
            transfer_police=action == Action.TRANSFER_POLICE,
            transfer_received=False,
            transfer_settled=False,
            **FRESH_TRANSFER,
        )
    if action == Action.TRANSFER_RECEIPT:
        return state.but(transfer_received=True)
    if action == Action.POLICE_REQUEST:
        return state.but(police_requested=True)
    if action == Action.POLICE_DENY:  # the case goes on where it was
        return state.but(police_requested=False)
    if action == Action.POLICE_APPROVE:  # transferred, as the one-step transfer did, and
        return state.but(  # off the handling unit's desk, as a return takes it
            status=S.TRANSFERRED,
            police_requested=False,
            police_refused_letter=None,
            transfer_letter=p["letter_no"],
            transfer_police=True,
            transfer_approved=True,
            transfer_received=False,
            transfer_settled=False,
            **OFF_THE_DESK,
            **FRESH_TRANSFER,
        )
    if action == Action.POLICE_REVIEW:  # one review per refusal, whose answer is awaited
        return state.but(police_refused_letter=None, police_review_letter=p["letter_no"])
    if action in FOLLOW_UPS:
        return evolve_follow_up(state, action, p)
    if action == Action.TRANSFER_OUTCOME:
        if p["outcome"] == ACCEPTED:
            return state.but(transfer_settled=True)
        refused = state.transfer_approved and p["outcome"] == DECLINED  # art. 9: 复议 is open
        return state.but(  # declined or sent back: the case is ours again, to triage anew
            status=S.PENDING_TRIAGE,
            transfer_letter=None,
            transfer_police=False,
            transfer_received=False,
            police_refused_letter=state.transfer_letter if refused else None,
        )
    if action == Action.REJECT:
        return state.but(status=S.REJECTED)
    if action == Action.MERGE:
        return state.but(status=S.MERGED)
    if action == Action.SIGN:
        return state.but(status=S.HANDLING)
    if action == Action.FEEDBACK:  # the work is reported done: open requests lapse
        return state.but(status=S.FEEDBACK, extension_requested=None, park_requested_until=None)
    if action == Action.RETURN:
        return state.but(  # back to triage; a call to a Y department ends with it
            status=S.PENDING_TRIAGE,
            **OFF_THE_DESK,
        )
    if action == Action.EXTEND:
        return state.but(extension_requested=p["days"])
    if action == Action.APPROVE_EXTENSION:
        return state.but(extension_requested=None, extension_days=state.extension_days + p["days"])
    if action == Action.DENY_EXTENSION:
        return state.but(extension_requested=None)
    if action == Action.PARK:
        return state.but(park_requested_until=p["until"])
    if action == Action.APPROVE_PARK:
        return state.but(status=S.PARKED, park_requested_until=None, parked_until=p["until"])
    if action == Action.DENY_PARK:
        return state.but(park_requested_until=None)
    if action == Action.RESUME:
        return state.but(status=S.HANDLING, parked_until=None)
    if action == Action.VERIFY:
        if p["passed"]:
            return state.but(status=S.VERIFIED, verified=True)
        return state.but(status=S.HANDLING, verified=False, rework_count=state.rework_count + 1)
    if action == Action.CLOSE:
        return state.but(status=S.CLOSED)
    if action == Action.REWORK:
        return state.but(status=S.HANDLING, verified=False, rework_count=state.rework_count + 1)
    if action == Action.SUPERVISE:
        return state.but(supervision_count=state.supervision_count + 1)
    _, after = CALL_STEPS[action]
    state = state.but(call_status=after)
    if action == Action.CALL_ACK and state.status == S.ASSIGNED:
        state = state.but(status=S.HANDLING)  # the department's response is its 签收
    return state


BASIS = "basis"  # payload key: the id of the case's latest event known when deciding


@dataclass(frozen=True)
class Outcome:
    state: CaseState  # the state after the step (unchanged for a rival)
    applied: bool
    conflict: str | None  # None, "rival" or "concurrent"


def fold_step(
    state: CaseState,
    actor: Actor | None,
    event_type: str,
    payload: Mapping[str, Any],
    previous_event_id: str | None,
) -> Outcome:
    """Apply one case-path event under the rule above. ``actor``: the event's user with
    the role and unit the township's records give them (never what the event claims)."""
    action = event_action(event_type)
    if action is None or not may_take(state, actor, action):
        return Outcome(state, False, "rival")
    after = evolve(state, event_type, payload)
    basis = payload.get(BASIS)
    concurrent = basis is not None and basis != previous_event_id
    changed = (after.status, after.lead_unit) != (state.status, state.lead_unit)
    return Outcome(after, True, "concurrent" if concurrent and changed else None)
