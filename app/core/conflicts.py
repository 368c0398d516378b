"""The rule for steps that collide when two devices change the same case offline.

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

from app.core.errors import DomainError
from app.core.workflow import Action, Actor, CaseState, check_allowed, check_preconditions
from app.core.workflow_events import event_action, evolve

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
    if action is None or not _still_allowed(state, actor, action):
        return Outcome(state, False, "rival")
    after = evolve(state, event_type, payload)
    basis = payload.get(BASIS)
    concurrent = basis is not None and basis != previous_event_id
    changed = (after.status, after.lead_unit) != (state.status, state.lead_unit)
    return Outcome(after, True, "concurrent" if concurrent and changed else None)


def _still_allowed(state: CaseState, actor: Actor | None, action: Action) -> bool:
    if actor is None:
        return False
    try:
        check_allowed(state, actor, action)
        check_preconditions(state, action)
    except DomainError:
        return False
    return True
