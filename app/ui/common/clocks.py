"""Clocks of the case path in the window: countdowns in office time and wall time.

The clocks count office time for case steps ("还剩 1 个工作日 3 小时") and wall time for the
steps of a Y call ("还剩 12 分钟"), as the deadlines are set (core/deadlines.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.core.calendar import WorkCalendar
from app.core.clock import parse_local
from app.core.deadlines import DeadlineState
from app.store.clocks import StepClock

# one colour per clock state: green on time, amber due soon, red overdue, grey paused/done
STATE_COLOURS = {
    DeadlineState.ON_TIME: QColor("#1e7b34"),
    DeadlineState.DUE_SOON: QColor("#b26a00"),
    DeadlineState.OVERDUE: QColor("#c62828"),
    DeadlineState.PAUSED: QColor("#7b8794"),
    DeadlineState.DONE: QColor("#7b8794"),
}


def colour_name(state: DeadlineState) -> str:
    return STATE_COLOURS[state].name()


# -- spans of time ----------------------------------------------------------------------------


def wall_span(seconds: int) -> str:
    """``2 小时 5 分钟`` / ``3 天 4 小时`` / ``12 分钟`` (wall time, for calls)."""
    days, rest = divmod(abs(seconds) // 60, 24 * 60)
    day_text = QCoreApplication.translate("Clock", "{days} d").format(days=days) if days else ""
    return _span(day_text, *divmod(rest, 60))


def working_span(seconds: int, seconds_per_day: int) -> str:
    """``1 个工作日 3 小时`` (office time: a working day is one office day)."""
    days, rest = divmod(abs(seconds), seconds_per_day)
    if days == 1:
        day_text = QCoreApplication.translate("Clock", "1 working day")
    elif days:
        day_text = QCoreApplication.translate("Clock", "{days} working days").format(days=days)
    else:
        day_text = ""
    return _span(day_text, *divmod(rest // 60, 60))


def _span(day_text: str, hours: int, minutes: int) -> str:
    """Days, hours, and minutes only when under a day: as precise as anyone needs."""
    parts = [day_text] if day_text else []
    if hours:
        parts.append(QCoreApplication.translate("Clock", "{hours} h").format(hours=hours))
    if minutes and not day_text:
        parts.append(QCoreApplication.translate("Clock", "{minutes} min").format(minutes=minutes))
    if not parts:
        return QCoreApplication.translate("Clock", "under a minute")
    return " ".join(parts)


def case_clock_text(
    due: str | None, state: DeadlineState, now: datetime, calendar: WorkCalendar
) -> str:
    """还剩 1 个工作日 3 小时 / 已超期 2 小时 / 已挂账，计时暂停."""
    if state == DeadlineState.PAUSED or due is None:
        return QCoreApplication.translate("Clock", "parked: the clock is stopped")
    if state == DeadlineState.DONE:
        return QCoreApplication.translate("Clock", "done")
    moment = parse_local(due)
    per_day = calendar.office_seconds_per_day
    left = calendar.working_seconds_between(now, moment)
    if state == DeadlineState.OVERDUE:
        if left > -60:  # past the due time outside office hours: say it in wall time
            return QCoreApplication.translate("Clock", "{span} overdue").format(
                span=wall_span(int((now - moment).total_seconds()))
            )
        return QCoreApplication.translate("Clock", "{span} overdue").format(
            span=working_span(-left, per_day)
        )
    return QCoreApplication.translate("Clock", "{span} left").format(
        span=working_span(left, per_day)
    )


def overdue_span(due: str, now: datetime, calendar: WorkCalendar) -> tuple[str, int]:
    """How long past ``due`` (office time, wall time when that is zero) and the seconds,
    for sorting."""
    moment = parse_local(due)
    late = calendar.working_seconds_between(moment, now)
    if late < 60:
        wall = int((now - moment).total_seconds())
        return wall_span(wall), late
    return working_span(late, calendar.office_seconds_per_day), late


def call_clock_text(
    clock: StepClock,
    started: str,
    finished: str | None,
    now: datetime,
    office: WorkCalendar | None = None,
) -> str:
    """A step of a Y call: 还剩 12 分钟 / 已超时 5 分钟 / 用时 25 分钟. Time left or late on
    the wall clock for an urgent call; in office time with ``office`` (an ordinary call runs
    on office hours: core/time_limits.call_step_due), so Friday night shows what Monday
    morning has left. Whether a finished step was late is core's rule (``clock.overdue``)."""
    due, state = clock.due, clock.state
    if due is None:
        return "—"
    moment = parse_local(due)
    if finished:
        took = int((parse_local(finished) - parse_local(started)).total_seconds())
        if clock.overdue:
            return QCoreApplication.translate("Clock", "took {span} (late)").format(
                span=wall_span(took)
            )
        return QCoreApplication.translate("Clock", "took {span}").format(span=wall_span(took))
    if state == DeadlineState.DONE:  # the call ended (case returned) before this step
        return "—"
    if office is not None:
        left = office.working_seconds_between(now, moment)
        if left <= 0 and now > moment:  # late: office time since the due time, at least 1 s
            left = min(left, -1)
    else:
        left = int((moment - now).total_seconds())
    if left < 0:
        return QCoreApplication.translate("Clock", "{span} late").format(span=wall_span(-left))
    return QCoreApplication.translate("Clock", "{span} left").format(span=wall_span(left))


def clock_name(kind: str) -> str:
    names = {
        "sign": QCoreApplication.translate("Clock", "Sign-for deadline"),
        "handle": QCoreApplication.translate("Clock", "Handling deadline"),
        "call_ack": QCoreApplication.translate("Clock", "Response"),
        "call_arrive": QCoreApplication.translate("Clock", "Arrival"),
        "triage": QCoreApplication.translate("Clock", "Triage deadline"),
        "verify": QCoreApplication.translate("Clock", "Verification deadline"),
        "close": QCoreApplication.translate("Clock", "Closing deadline"),
        "transfer_receipt": QCoreApplication.translate("Clock", "Transfer receipt"),
        "transfer_outcome": QCoreApplication.translate("Clock", "Transfer outcome"),
        "police_decision": QCoreApplication.translate("Clock", "Police transfer approval"),
        "police_sending": QCoreApplication.translate("Clock", "Police transfer sending"),
        "police_outcome": QCoreApplication.translate("Clock", "Police decision on the case"),
        "police_review": QCoreApplication.translate("Clock", "Review request window"),
        "police_review_answer": QCoreApplication.translate("Clock", "Police answer to the review"),
        "police_handover": QCoreApplication.translate("Clock", "Items handed to the police"),
    }
    return names.get(kind, kind)
