"""What the statistics count, worked out while a case is folded (core/indicators.py says how
they are counted).

A case's facts are part of its projection: written with it in the same transaction, worked
out again with it after a late event or a rebuild, so a figure never depends on what the
tables happen to hold now. The due time of a closed case is gone from ``cases``; whether it
closed on time is kept here, judged when it happened:

- one row per case (``case_facts``): when it came in, was first routed and closed, whether
  the last report of the work done (反馈) came before the handling deadline then in force,
  how long handling took, and whether it was reworked, extended, parked or supervised;
- one row per lead assignment (``handling_facts``): signed for on time, returned, against
  the lists' suggestion;
- one row per call to a Y department (``call_facts``): its response and arrival times
  against the department's commitment.

Each row carries the same grouping columns (unit, grid, category, route, source).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.case_path.context import Context
from app.core.case_path.due import handling_due, sign_due
from app.core.case_path.rules import DEAD_ENDS, ROUTING
from app.core.case_path.steps import Action, CaseState
from app.core.clock import TIME_FORMAT, parse_local
from app.core.deadlines import Pause, finished_late, paused_working_seconds
from app.core.events import Event
from app.core.model import CaseSource, CaseStatus, ResponseCommitment, Route
from app.core.time_limits import call_limits, call_step_due

PROACTIVE_SOURCES = frozenset({CaseSource.PATROL, CaseSource.JOINT_PATROL})  # 主动发现
TRIAGE_STEPS = frozenset(
    {
        *ROUTING,
        Action.TRANSFER,
        Action.TRANSFER_POLICE,
        Action.POLICE_APPROVE,  # a case sent to the police from triage was triaged then
        Action.REJECT,
        Action.MERGE,
    }
)


@dataclass
class FactsTrail:
    """What the fold notes on the way, for the facts worked out at the end."""

    routed_at: str | None = None  # the first triage step (首接: registration to routing)
    last_feedback_late: bool = False
    handling: list[dict[str, Any]] = field(default_factory=list)  # one per lead assignment
    commitments: dict[str, ResponseCommitment | None] = field(default_factory=dict)  # by call

    def note(
        self,
        case: Mapping[str, Any],
        pauses: list[dict[str, Any]],
        action: Action,
        event: Event,
        before: CaseState,
        after: CaseState,
        ctx: Context,
    ) -> None:
        """One applied step (after the projection's own side effects), judged by the limits
        in force when it was taken."""
        payload, at = event.payload, event.local_time
        judged = action in ROUTING or action in (Action.CALL, Action.FEEDBACK)
        # only the steps judged here need the limits then (as_of copies the limits: not free)
        then = ctx.as_of((event.hlc, event.device_id, event.device_seq)) if judged else ctx
        if action in TRIAGE_STEPS and self.routed_at is None:
            self.routed_at = at
        if action in ROUTING:
            self.handling.append(_assignment(case, payload, at, then))
        if action == Action.CALL:
            self.commitments[payload["call_id"]] = then.call_commitments.get(payload["lead_unit"])
        signed = after.status == CaseStatus.HANDLING and before.status == CaseStatus.ASSIGNED
        if signed and self.handling:
            self.handling[-1]["signed_at"] = at
        if action == Action.RETURN and self.handling:
            self.handling[-1] |= {
                "ended_at": at,
                "returned": 1,
                "not_our_duty": int(bool(payload.get("not_our_duty"))),
            }
        if action == Action.FEEDBACK:
            # judged against the deadline as it stood just before the report
            standing = {
                **case,
                "route": before.route,
                "lead_unit": before.lead_unit,
                "extension_days": before.extension_days,
            }
            due = handling_due(standing, pauses, then)
            self.last_feedback_late = due is not None and parse_local(at) > due


def _assignment(
    case: Mapping[str, Any], payload: Mapping[str, Any], at: str, ctx: Context
) -> dict[str, Any]:
    return {
        "unit": payload["lead_unit"],
        "route": payload["route"],
        "assigned_at": at,
        "sign_due_at": sign_due(case, at, ctx).strftime(TIME_FORMAT),
        "signed_at": None,
        "ended_at": None,
        "returned": 0,
        "not_our_duty": 0,
        "overridden": int(bool(payload.get("overridden"))),
        "matter": (payload.get("suggested") or {}).get("matter", ""),
    }


@dataclass(frozen=True)
class CaseFacts:
    case: dict[str, Any]  # case_facts
    handling: list[dict[str, Any]]  # handling_facts
    calls: list[dict[str, Any]]  # call_facts


def case_facts(
    case: Mapping[str, Any],
    pauses: list[dict[str, Any]],
    calls: list[dict[str, Any]],
    state: CaseState,
    trail: FactsTrail,
    ctx: Context,
) -> CaseFacts:
    """The facts of a case once its fold is done (``case`` holds its final state)."""
    last = trail.handling[-1] if trail.handling else None
    groups = {
        "unit": state.lead_unit or (last["unit"] if last else None),
        "route": state.route.value if state.route else (last["route"] if last else None),
        "grid_code": case["grid_code"],
        "category_code": case["category_code"],
        "source": case["source"],
    }
    closed = state.status == CaseStatus.CLOSED
    closed_at = case["finished_at"] if closed else None
    first_assigned = trail.handling[0]["assigned_at"] if trail.handling else None
    facts = groups | {
        "received_at": case["received_at"],
        "proactive": int(case["source"] in PROACTIVE_SOURCES),
        "routed_at": trail.routed_at,
        "first_routing_hours": _working_hours(ctx, case["received_at"], trail.routed_at),
        "self_handled": int(groups["route"] == Route.SELF),
        "to_handle": int(state.status not in DEAD_ENDS),
        "closed": int(closed),
        "closed_at": closed_at,
        "closed_on_time": int(not trail.last_feedback_late) if closed else None,
        "handling_days": _handling_days(ctx, first_assigned, closed_at, pauses),
        "reworked": int(state.rework_count > 0),
        "extended": int(state.extension_days > 0),
        "supervised": int(state.supervision_count > 0),
        "parked_at": pauses[0]["started_at"] if pauses else None,
        "returns": sum(h["returned"] for h in trail.handling),
    }
    shared = {k: v for k, v in groups.items() if k not in ("unit", "route")}
    return CaseFacts(
        {"case_id": case["id"], **facts},
        [_judged_sign(h) | shared for h in trail.handling],
        [_call_facts(call, trail.commitments.get(call["id"]), ctx) | shared for call in calls],
    )


def _judged_sign(h: dict[str, Any]) -> dict[str, Any]:
    """Signed for on time, and from when that can be judged: the signature, or the deadline
    once it passed unsigned; never for an assignment returned unsigned before its deadline."""
    signed, due, ended = h["signed_at"], h["sign_due_at"], h["ended_at"]
    if signed:
        judged = signed
    elif ended and ended <= due:
        judged = None
    else:
        judged = due
    return h | {
        "signed_on_time": int(bool(signed) and signed <= due),
        "sign_judged_at": judged,
        # judged by the clock until signed for (core/rollup.py counts it live till then)
        "pending": int(not signed and not ended),
    }


def _call_facts(
    call: Mapping[str, Any], commitment: ResponseCommitment | None, ctx: Context
) -> dict[str, Any]:
    """A call's response and arrival against the called department's commitment (urgent
    calls get the committed minutes on the wall clock, ordinary calls twice as many in
    office hours: core/time_limits.call_step_due, the same rule as the window's clocks)."""
    ack_minutes, arrive_minutes, _ = call_limits(commitment, bool(call["urgent"]))
    called = parse_local(call["called_at"])
    abandoned = call["status"] == "abandoned"
    facts: dict[str, Any] = {
        "call_id": call["id"],
        "unit": call["department"],
        "route": Route.CALL_Y.value,
        "called_at": call["called_at"],
        "urgent": call["urgent"],
        "confirmed": int(call["confirmed_at"] is not None),
        "settled": int(not abandoned or call["confirmed_at"] is not None),
    }
    for name, column, minutes in (
        ("response", "acknowledged_at", ack_minutes),
        ("arrival", "on_scene_at", arrive_minutes),
    ):
        due = call_step_due(ctx.calendar, called, minutes, bool(call["urgent"]))
        done = call[column]
        ended = call["ended_at"] if abandoned else None
        if done:
            judged = done
        elif ended and parse_local(ended) <= due:
            judged = None  # the case was returned before this step was due
        else:
            judged = due.strftime(TIME_FORMAT)
        facts |= {
            f"{name}_due_at": due.strftime(TIME_FORMAT),
            f"{name}_minutes": _minutes(called, done),
            f"{name}_on_time": int(bool(done) and not finished_late(due, parse_local(done))),
            f"{name}_judged_at": judged,
        }
    # a step not yet taken on a running call is judged by the clock (counted live)
    running = call["ended_at"] is None
    facts["pending"] = int(running and not (call["acknowledged_at"] and call["on_scene_at"]))
    return facts


def _minutes(start: datetime, end: str | None) -> float | None:
    return round((parse_local(end) - start).total_seconds() / 60, 1) if end else None


def _working_hours(ctx: Context, start: str, end: str | None) -> float | None:
    if end is None:
        return None
    seconds = ctx.calendar.working_seconds_between(parse_local(start), parse_local(end))
    return round(max(seconds, 0) / 3600, 2)


def _handling_days(
    ctx: Context, start: str | None, end: str | None, pauses: list[dict[str, Any]]
) -> float | None:
    """Working days from the first routing to closing, less office time spent parked."""
    if start is None or end is None:
        return None
    begun, finished = parse_local(start), parse_local(end)
    spans = [Pause(parse_local(p["started_at"]), parse_local(p["ended_at"] or end)) for p in pauses]
    worked = ctx.calendar.working_seconds_between(begun, finished)
    worked -= paused_working_seconds(ctx.calendar, begun, spans)
    return round(max(worked, 0) / ctx.calendar.office_seconds_per_day, 2)
