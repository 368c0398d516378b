"""What a field laptop may do offline. The office triages, approves and closes; a laptop
works a case where it stands: a grid worker's laptop reports and verifies on site, a
department's laptop signs for, handles and reports back on its own cases."""

from __future__ import annotations

from app.core.errors import DomainError, Words
from app.core.events import EventType
from app.core.model import CaseStatus
from app.core.workflow import CALL_STEPS, HANDLER_STEPS, STATES, Action, action_words
from app.core.workflow_events import event_action

FIELD_KINDS = {
    "grid-worker": Words("网格员终端", "grid worker's laptop"),
    "department": Words("部门终端", "department laptop"),
}
FIELD_STEPS: dict[str, frozenset[Action]] = {
    "grid-worker": frozenset({Action.VERIFY}),
    "department": frozenset(
        {*HANDLER_STEPS, Action.RESUME, *(a for a in CALL_STEPS if a != Action.CALL_CONFIRM)}
    ),
}


def may_originate(device_kind: str | None, event_type: str) -> bool:
    """Whether events of this type are believable from a device of this kind: a laptop
    reports cases, records evidence it received and takes its field steps; reference data,
    calendars, devices and conflict resolutions come from the office only."""
    if device_kind not in FIELD_STEPS:
        return device_kind == "office"
    if event_type in (EventType.CASE_REGISTERED, EventType.EVIDENCE_RECEIVED):
        return True
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
