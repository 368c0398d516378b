"""The one table of projections: which handler keeps the tables in step with each type of
event. A handler depends on its event alone (never on the clock or on this device), so that
``rebuild`` replays the log into exactly the same tables. Case-path events are not listed:
a case is worked out again from all its events (``projections.cases``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from app.core.events import Event, EventType
from app.store.projections import disputes, lists, meetings, reference
from app.store.projections.cases import refold_cases

Handler = Callable[[Database, Event], None]

HANDLERS: dict[str, Handler] = {
    EventType.TOWNSHIP_CREATED: reference.township_created,
    EventType.TOWNSHIP_ESCROW_SET: reference.escrow_set,
    EventType.DEPARTMENT_ADDED: reference.department_added,
    EventType.DEPARTMENT_RESPONSE_SET: reference.response_set,
    EventType.USER_ADDED: reference.user_added,
    EventType.GRID_ADDED: reference.grid_added,
    EventType.CATEGORY_ADDED: reference.category_added,
    EventType.TOWNSHIP_PROFILE_SET: reference.township_profile_set,
    EventType.TOWNSHIP_PRINCIPAL_SET: reference.principal_leader_set,
    EventType.DEPARTMENT_SET: reference.department_set,
    EventType.GRID_SET: reference.grid_set,
    EventType.CATEGORY_SET: reference.category_set,
    EventType.CATEGORY_SPLIT: reference.category_split,
    EventType.CATEGORY_STEP_LIMITS_SET: reference.step_limits_set,
    EventType.USER_SET: reference.user_set,
    EventType.USER_PASSWORD_SET: reference.user_password_set,
    EventType.DEVICE_ENROLLED: reference.device_enrolled,
    EventType.DEVICE_REVOKED: reference.device_revoked,
    EventType.EVIDENCE_RECEIVED: reference.evidence_received,
    EventType.CALENDAR_DAY_SET: reference.calendar_day_set,
    EventType.OFFICE_HOURS_SET: reference.office_hours_set,
    EventType.CALENDAR_YEAR_SET: reference.calendar_year_set,
    EventType.LIST_REPLACED: lists.list_replaced,
    EventType.LIST_ITEM_SET: lists.list_item_set,
    EventType.LIST_AMENDED: lists.list_amended,
    EventType.DISPUTE_REFERRED: disputes.referred,
    EventType.DISPUTE_DECIDED: disputes.decided,
    EventType.DISPUTE_WITHDRAWN: disputes.withdrawn,
    EventType.MEETING_MEMBERS_SET: meetings.members_set,
    EventType.MEETING_SCHEDULED: meetings.scheduled,
    EventType.MEETING_AGENDA_SET: meetings.agenda_set,
    EventType.MEETING_MINUTES_RECORDED: meetings.minutes_recorded,
    EventType.MEETING_DECISION_DONE: meetings.decision_done,
    EventType.ASSESSMENT_WEIGHTS_SET: reference.assessment_weights_set,
}

PROJECTION_TABLES = (
    # children before parents, for deleting
    "meeting_decisions",
    "meetings",
    "meeting_members",
    "dispute_rulings",
    "disputes",
    "transfers",
    "police_requests",
    "case_parties",
    "list_versions",
    "list_amendments",
    "power_items",
    "duty_items",
    "boundary_items",
    "category_matters",
    "lists_search",
    "custody",
    "case_conflicts",
    "holiday_schedules",
    "devices",
    "case_pauses",
    "figure_days",
    "case_facts",
    "handling_facts",
    "call_facts",
    "calls",
    "assignments",
    "case_evidence",
    "cases",
    "category_step_limits",
    "category_splits",
    "categories",
    "grids",
    "users",
    "departments",
    "township",
    "assessment_weights",
)


def apply_event(db: Database, event: Event) -> None:
    """Bring the projections up to date with one event, in the caller's transaction."""
    handler = HANDLERS.get(event.type)
    if handler is not None:
        handler(db, event)
    elif event.type.startswith("case."):
        # the case path: triage, handling, calls, closing
        refold_cases(db, [event.entity_id], named=True)
    # other types come from a newer TownDesk: kept in the log, projected by that version
