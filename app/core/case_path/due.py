"""When a case's running steps are due: the sign-for clock from its assignment, the handling
clock from when handling began, pushed back by approved extensions and time parked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from app.core.case_path.context import Context
from app.core.clock import parse_local
from app.core.deadlines import Pause
from app.core.model import Route, Urgency
from app.core.time_limits import handle_due, handle_due_hours, sign_limit_days


def sign_due(case: Mapping[str, Any], assigned_at: str, ctx: Context) -> datetime:
    """The sign-for deadline of an assignment made at ``assigned_at``."""
    days = sign_limit_days(ctx.sign_days.get(case["category_code"]), Urgency(case["urgency"]))
    return ctx.calendar.add_working_days(parse_local(assigned_at), days)


def handling_due(
    case: Mapping[str, Any], pauses: Sequence[Mapping[str, Any]], ctx: Context
) -> datetime | None:
    """The handling deadline as the case stands (``handling_since``, its route and lead unit,
    approved extension days, pauses so far); None while parked."""
    urgency = Urgency(case["urgency"])
    limit_days = ctx.limit_days.get(case["category_code"])
    limit_hours = ctx.limit_hours.get(case["category_code"])
    call_days = ctx.call_handle_days.get(case["lead_unit"] or "")
    if case["route"] == Route.CALL_Y and call_days:
        # a called department is held to its own commitment, not the category's limit
        limit_days, limit_hours, urgency = call_days, None, Urgency.NORMAL
    spans = [Pause(parse_local(p["started_at"]), maybe_time(p["ended_at"])) for p in pauses]
    started = parse_local(case["handling_since"])
    if limit_hours:
        return handle_due_hours(ctx.calendar, started, limit_hours, case["extension_days"], spans)
    return handle_due(ctx.calendar, started, limit_days, urgency, case["extension_days"], spans)


def maybe_time(text: str | None) -> datetime | None:
    return parse_local(text) if text else None
