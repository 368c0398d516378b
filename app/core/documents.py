"""What every printed document carries (DOMAIN.md §8): its number in its own series, its issue
date in words, and the words for the limits and dates it states. The store finds an issuing
event's place in its series (app/store/documents.py); the reports print what is decided here.

A document's number is the position of the event that issued it among the events of that
type in the same year (China time), in the order of the event log: the same on every device
and on every reprint, without a counter to keep. Supervisions, calls and minutes are
written on the office PC only (case_path/rules.FIELD_STEPS), whose clock never goes back, so
no later sync can slip an earlier one in before a number already printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from app.core.calendar import WorkCalendar
from app.core.clock import CHINA, first_hlc_at, hlc_ms
from app.core.errors import DomainError, Words
from app.core.intake import check_day
from app.core.model import Role

# The series with a document number of their own, by the abbreviation after 综执 (the
# transfer letters' 移 and 移公 are in core/transfers.py and share township_short).
SUPERVISION, CALL = "督", "呼"
# A supervision's new deadline is offered this many working days after the step.
REPLY_WORKING_DAYS = 5


@dataclass(frozen=True)
class Issue:
    """Where an issuing event stands: its place in the year's series and its day."""

    year: int
    sequence: int  # 1, 2, 3 … within the year
    day: date  # the issue date (China time)


def township_short(township: str) -> str:
    """青石镇 → 青石: the name without 镇, 乡 or 街道(办事处), as document numbers begin."""
    return re.sub(r"(街道办事处|街道|镇|乡)$", "", township) or township


def document_number(township: str, series: str, issue: Issue) -> str:
    """青石综执督〔2026〕3号: 六角括号, no 第, no leading zeros (DOMAIN.md §8)."""
    return f"{township_short(township)}综执{series}〔{issue.year}〕{issue.sequence}号"


def responsible_leader(handler: str, role: Role | None) -> str:
    """The 负责人 a document names: its handler when they held the leader role at the step
    that issued it; else "" (a blank line the responsible leader signs by hand), since
    TownDesk cannot tell which leader answers for a clerk's or a supervisor's step."""
    return handler if role == Role.LEADER else ""


def minutes_issue_number(issue: Issue) -> str:
    """The minutes' 期号: 2026年第2期."""
    return f"{issue.year}年第{issue.sequence}期"


def date_words(day: date) -> str:
    """2026-11-08 → 2026年11月8日, as a document's date is written."""
    return f"{day.year}年{day.month}月{day.day}日"


def year_start_hlc(year: int) -> int:
    """The smallest clock value of the year, China time: a series restarts at 1 each year."""
    return first_hlc_at(datetime(year, 1, 1))


def year_of_hlc(hlc: int) -> int:
    """The year (China time) an event with this clock value happened in."""
    return datetime.fromtimestamp(hlc_ms(hlc) / 1000, CHINA).year


def minutes_words(minutes: int) -> str:
    """A limit as people say it: 2 小时, 1 小时 30 分钟, 30 分钟 (never 240 分钟)."""
    hours, rest = divmod(max(minutes, 0), 60)
    if hours and rest:
        return f"{hours} 小时 {rest} 分钟"
    return f"{hours} 小时" if hours else f"{rest} 分钟"


def check_reply_by(text: str, today: date | None) -> str:
    """A supervision's new deadline (办结并书面回复的期限): a real day, not before the day
    the supervision is given (``today``, the step's day). Returns it as YYYY-MM-DD."""
    field = Words("回复期限", "reply-by date")
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError("reply_by_invalid", value=text) from None
    check_day(day, field)
    if today is not None and day < today:
        raise DomainError("reply_by_past", value=day.isoformat(), low=today.isoformat())
    return day.isoformat()


def default_reply_by(calendar: WorkCalendar, day: date) -> date:
    """What the supervise form offers: REPLY_WORKING_DAYS working days after ``day``."""
    return calendar.add_working_days(datetime.combine(day, time()), REPLY_WORKING_DAYS).date()


def minutes_distribution(
    attendees: Sequence[str], members: Sequence[str], concerned: Iterable[str]
) -> tuple[list[str], list[str]]:
    """(主送, 抄送) of a meeting's minutes, as unit codes.

    A meeting records who attended but not who was invited, so the units expected are the
    joint meeting's member units and every unit its business concerned (the units of the
    disputes and cases on its agenda, and the units its decisions name). The minutes go
    to the units that attended (主送) and are copied to the expected units that did not
    (抄送, which are also the absent units the minutes list)."""
    present = list(dict.fromkeys(attendees))
    expected = dict.fromkeys([*members, *concerned])
    return present, [unit for unit in expected if unit not in present]


def members_when_held(
    changes: Sequence[tuple[datetime, Sequence[str]]], held_on: datetime
) -> list[str]:
    """The joint meeting's member units when a meeting met, from the changes of the member
    list (meeting.members_set, in the log's order, each with the China time it was
    recorded): the last list set at or before ``held_on``, so a unit that joins later is
    not listed absent from meetings held before it joined. A township that recorded its
    members only after a meeting has nothing older to go by: the first list set stands."""
    before = [units for at, units in changes if at <= held_on]
    if before:
        return list(before[-1])
    return list(changes[0][1]) if changes else []
