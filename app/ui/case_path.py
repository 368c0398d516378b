"""Words for the case path in the window: clocks as countdowns, timeline steps as sentences.

The clocks count office time for case steps ("还剩 1 个工作日 3 小时") and wall time for the
steps of a Y call ("还剩 12 分钟"), as the deadlines are set (core/deadlines.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from sqlite_utils import Database

from app.core.calendar import WorkCalendar
from app.core.clock import parse_local
from app.core.deadlines import DeadlineState
from app.core.events import Event, EventType
from app.core.timeline import TimelineEntry, describe
from app.core.transfers import outcome_words
from app.core.workflow import Action
from app.core.workflow_events import event_action
from app.store.eventlog import entity_events
from app.store.reference import ReferenceData
from app.ui.i18n import action_word, current_language

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
    due: str | None,
    state: DeadlineState,
    started: str,
    finished: str | None,
    now: datetime,
) -> str:
    """A step of a Y call on the wall clock: 还剩 12 分钟 / 已超时 5 分钟 / 用时 25 分钟."""
    if due is None:
        return "—"
    moment = parse_local(due)
    if finished:
        took = int((parse_local(finished) - parse_local(started)).total_seconds())
        late = int((parse_local(finished) - moment).total_seconds())
        if late >= 60:
            return QCoreApplication.translate("Clock", "took {span} (late)").format(
                span=wall_span(took)
            )
        return QCoreApplication.translate("Clock", "took {span}").format(span=wall_span(took))
    if state == DeadlineState.DONE:  # the call ended (case returned) before this step
        return "—"
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
    }
    return names.get(kind, kind)


# -- timeline -----------------------------------------------------------------------------------


def case_steps(db: Database, case_id: str, ref: ReferenceData) -> list[TimelineEntry]:
    """Every event of the case in words, oldest first: registration as the domain tells it,
    the steps of the case path as sentences of the window's language."""
    return [entry for _event_id, entry in case_steps_by_event(db, case_id, ref)]


def case_steps_by_event(
    db: Database, case_id: str, ref: ReferenceData
) -> list[tuple[str, TimelineEntry]]:
    """``case_steps`` with each entry's event id (to mark the steps of a sync conflict)."""
    entries = []
    police = False  # whether the latest transfer went to the police (for its outcome's words)
    for event in entity_events(db, "case", case_id):
        if event.type == EventType.CASE_REGISTERED:
            entry = describe(event, ref.user_name, ref.category_name, ref.department_name)
        else:
            action = event_action(event.type)
            if action in (Action.TRANSFER, Action.TRANSFER_POLICE):
                police = action == Action.TRANSFER_POLICE
            entry = describe_step(event, ref, police)
        entries.append((event.id, entry))
    return entries


def describe_step(event: Event, ref: ReferenceData, police: bool = False) -> TimelineEntry:
    time = event.local_time
    actor = ref.user_name(event.actor_id)
    unit = event.payload.get("by_unit")
    if unit:
        actor = f"{actor}（{ref.department_name(unit)}）"
    if event.type == EventType.CASE_CONFLICT_RESOLVED:
        return TimelineEntry(
            time,
            actor,
            QCoreApplication.translate("CaseStep", "Sync conflict settled"),
            _join(
                (event.payload.get("note") or "").strip(),
                QCoreApplication.translate("CaseStep", "{count} steps looked at").format(
                    count=len(event.payload.get("events") or ())
                ),
            ),
            event.type,
        )
    action = event_action(event.type)
    if action is None:
        return TimelineEntry(time, actor, event.type, "", event.type)
    detail = step_detail(action, event.payload, ref.department_name, police)
    return TimelineEntry(time, actor, action_word(action), detail, event.type)


def _photos(payload: dict[str, Any]) -> str:
    count = len(payload.get("photos") or ())
    return (
        QCoreApplication.translate("CaseStep", "{count} photos").format(count=count)
        if count
        else ""
    )


def _letter(letter: str) -> str:
    if not letter:
        return ""
    return QCoreApplication.translate("CaseStep", "transfer letter {letter}").format(letter=letter)


def _join(*parts: str) -> str:
    separator = QCoreApplication.translate("CaseStep", "; ")
    return separator.join(p for p in parts if p)


def step_detail(
    action: Action, p: dict[str, Any], unit: Callable[[str], str], police: bool = False
) -> str:
    """The sentence under a step's title, e.g. 市场监管所牵头，执法中队配合; a route taken
    against the three lists' suggestion says why."""
    detail = _step_sentence(action, p, unit, police)
    override = (p.get("override_reason") or "").strip()
    if p.get("overridden") and override:
        detail = _join(
            detail,
            QCoreApplication.translate(
                "CaseStep", "not as the lists suggest, because: {reason}"
            ).format(reason=override),
        )
    return detail


def _step_sentence(
    action: Action, p: dict[str, Any], unit: Callable[[str], str], police: bool
) -> str:
    reason = (p.get("reason") or "").strip()
    note = (p.get("note") or "").strip()
    letter = (p.get("letter_no") or "").strip()
    if action == Action.SELF_HANDLE:
        return QCoreApplication.translate("CaseStep", "{lead} handles it itself").format(
            lead=unit(p["lead_unit"])
        )
    if action == Action.DISPATCH:
        lead = unit(p["lead_unit"])
        helpers = QCoreApplication.translate("CaseStep", ", ").join(
            unit(c) for c in p.get("cooperating_units") or ()
        )
        if helpers:
            return QCoreApplication.translate(
                "CaseStep", "{lead} leads, {helpers} cooperate"
            ).format(lead=lead, helpers=helpers)
        return QCoreApplication.translate("CaseStep", "{lead} leads").format(lead=lead)
    if action == Action.CALL:
        called = unit(p["lead_unit"])
        if p.get("urgent"):
            head = QCoreApplication.translate("CaseStep", "{unit} (urgent): {reason}").format(
                unit=called, reason=reason
            )
        else:
            head = QCoreApplication.translate("CaseStep", "{unit}: {reason}").format(
                unit=called, reason=reason
            )
        phone = p.get("duty_phone")
        return _join(
            head,
            QCoreApplication.translate("CaseStep", "duty phone {phone}").format(phone=phone)
            if phone
            else "",
        )
    if action == Action.TRANSFER:
        return _join(
            QCoreApplication.translate("CaseStep", "To {authority}: {reason}").format(
                authority=p["to"], reason=reason
            ),
            _letter(letter),
        )
    if action == Action.TRANSFER_POLICE:
        threshold = (p.get("threshold") or "").strip()
        return _join(
            QCoreApplication.translate("CaseStep", "Suspected offence: {offence}; {reason}").format(
                offence=p["offence"], reason=reason
            ),
            QCoreApplication.translate(
                "CaseStep", "why it meets the prosecution threshold: {threshold}"
            ).format(threshold=threshold)
            if threshold
            else "",
            _letter(letter),
        )
    if action == Action.RETURN and p.get("not_our_duty"):
        cited = "、".join(p.get("cited") or ())
        return _join(
            QCoreApplication.translate("CaseStep", "Not the unit's duty: {reason}").format(
                reason=reason
            ),
            QCoreApplication.translate("CaseStep", "cited: {items}").format(items=cited)
            if cited
            else "",
            QCoreApplication.translate("CaseStep", "a duty dispute is raised"),
        )
    if action == Action.TRANSFER_RECEIPT:
        return _join(
            QCoreApplication.translate("CaseStep", "Receipt signed by {who}").format(
                who=p.get("received_by", "")
            ),
            note,
        )
    if action == Action.TRANSFER_OUTCOME:
        words = outcome_words(p["outcome"], police)
        outcome = words.en if current_language() == "en" else words.zh
        return _join(
            QCoreApplication.translate("CaseStep", "Outcome: {outcome}").format(outcome=outcome),
            note,
        )
    if action == Action.MERGE:
        return QCoreApplication.translate("CaseStep", "Merged into case {number}").format(
            number=p["into"]
        )
    if action == Action.SIGN:
        return QCoreApplication.translate("CaseStep", "{unit} signed for it").format(
            unit=unit(p.get("by_unit", ""))
        )
    if action == Action.EXTEND:
        return QCoreApplication.translate("CaseStep", "{days} working days: {reason}").format(
            days=p["days"], reason=reason
        )
    if action == Action.APPROVE_EXTENSION:
        return QCoreApplication.translate("CaseStep", "{days} more working days").format(
            days=p["days"]
        )
    if action == Action.PARK:
        return QCoreApplication.translate("CaseStep", "Until {date}: {reason}").format(
            date=p["until"], reason=reason
        )
    if action == Action.APPROVE_PARK:
        return QCoreApplication.translate(
            "CaseStep", "Parked until {date}; the clock stops"
        ).format(date=p["until"])
    if action == Action.RESUME:
        return QCoreApplication.translate("CaseStep", "The clock runs again")
    if action == Action.VERIFY:
        verdict = (
            QCoreApplication.translate("CaseStep", "Fixed: verified on site")
            if p.get("passed")
            else QCoreApplication.translate("CaseStep", "Not fixed: back to the handler")
        )
        return _join(verdict, note, _photos(p))
    if action == Action.FEEDBACK:
        return _join(note, _photos(p))
    if action == Action.SUPERVISE:
        return QCoreApplication.translate("CaseStep", "Supervision notice: {note}").format(
            note=note
        )
    if reason:
        return QCoreApplication.translate("CaseStep", "Reason: {reason}").format(reason=reason)
    return note
