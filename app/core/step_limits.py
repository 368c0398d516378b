"""The clocks of the office's own steps and of a transfer (issue 14, "clocks on every step").

Signing for and handling have had clocks from the start (``time_limits``); these are the
steps that used to wait unwatched: triage (研判) of a case in 待研判, verification (核查) of
reported work, closing (结案) once verified, and the receipt (回执) and outcome (结果) of an
ordinary transfer (移送) to another authority. Each runs on office time (``WorkCalendar``).

The limits are the office's own working rules, not a statute's; DOMAIN.md §4 asks that every
step be timed in working days and gives no numbers, so each default says why it was chosen.
Police transfers (行刑衔接) have the regulation's own clocks (State Council order 310, DOMAIN.md
§8); ``transfer_clock`` times only ordinary ones and returns None for a police transfer, the
place where those clocks plug in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any

from app.core.calendar import WorkCalendar
from app.core.clock import parse_local
from app.core.errors import DomainError, Words
from app.core.model import Urgency

# Triage: a case registered today is routed by the end of the next working day, the same
# rhythm as signing for it (time_limits.SIGN_LIMIT_DAYS); an urgent one within two office
# hours, so a hazard reported in the morning is routed before lunch.
TRIAGE_LIMIT_DAYS = 1
URGENT_TRIAGE_HOURS = 2
# Verification: a grid worker checks on site within three working days of the feedback (one
# patrol round of a grid); urgent work within half an office day (four hours), because an
# urgent fix that did not hold is a hazard again.
VERIFY_LIMIT_DAYS = 3
URGENT_VERIFY_HOURS = 4
# Closing is paperwork once the check passed: by the end of the next working day.
CLOSE_LIMIT_DAYS = 1
# An ordinary transfer: the receiving authority returns its receipt (回执) within five
# working days (a letter by post or by hand and a working week to log it), and reports its
# outcome within thirty days of the receipt (a month, counted in calendar days; a last day
# on a holiday moves to the next working day, as periods do in Chinese procedure).
TRANSFER_RECEIPT_DAYS = 5
TRANSFER_OUTCOME_DAYS = 30


STEP_DAYS = (0, 30)  # a category's own limit in working days; 0: by the end of the same day


@dataclass(frozen=True)
class StepLimits:
    """A category's own limits for the office's steps, in working days (None: the default).
    Set by its own event (``category.step_limits_set``), not by the category's record, so
    what ``category.set`` has always meant stays as it was. Where it matters: a category
    whose fix needs a rectification period checked later (建筑垃圾, 违建整改) is verified in
    more days; urgent cases keep their office-hour limits whatever the category says."""

    triage_days: int | None = None
    verify_days: int | None = None
    close_days: int | None = None


STEP_WORDS = {
    "triage_days": Words("研判时限（工作日）", "The triage limit (working days)"),
    "verify_days": Words("核查时限（工作日）", "The verification limit (working days)"),
    "close_days": Words("结案时限（工作日）", "The closing limit (working days)"),
}


def check_step_limits(limits: StepLimits) -> StepLimits:
    for name, words in STEP_WORDS.items():
        value = getattr(limits, name)
        if value is not None and not STEP_DAYS[0] <= value <= STEP_DAYS[1]:
            raise DomainError(
                "limit_out_of_range", value=words, found=STEP_DAYS[0], limit=STEP_DAYS[1]
            )
    return limits


class StepKind(StrEnum):
    """The kind of a case's office-step clock (cases.step_clock)."""

    TRIAGE = "triage"  # 待研判
    VERIFY = "verify"  # 待核查
    CLOSE = "close"  # 待结案
    TRANSFER_RECEIPT = "transfer_receipt"  # 移送回执
    TRANSFER_OUTCOME = "transfer_outcome"  # 移送结果
    # 行刑衔接, order 310 (core/police_transfer.py)
    POLICE_DECISION = "police_decision"  # 移送公安审批, art. 5: 3 days
    POLICE_SENDING = "police_sending"  # 移送公安送达, art. 5: 24 hours after approval
    POLICE_OUTCOME = "police_outcome"  # 公安立案决定, art. 8: 3 days after receipt
    # 复议 window, art. 9: 3 days after the police declined; read at ``now`` from the
    # transfer's record (store/clocks.review_clocks), not stored as the case's step clock,
    # since the case waits in 待研判 on its triage clock at the same time
    POLICE_REVIEW = "police_review"
    # schema 13: the police's answer to a review (art. 9: 3 days, read at ``now`` like the
    # review window), and the items handed over once a case is opened (art. 12: 3 days)
    POLICE_REVIEW_ANSWER = "police_review_answer"
    POLICE_HANDOVER = "police_handover"


def office_step_due(
    calendar: WorkCalendar,
    kind: StepKind,
    start: datetime,
    urgency: Urgency,
    limits: StepLimits | None = None,
) -> datetime:
    """When the triage, verification or closing begun at ``start`` is due: working days
    (the category's own ``limits`` where set, else the defaults), or office hours for an
    urgent case where urgency matters (triage, verification)."""
    urgent = urgency == Urgency.URGENT
    own = limits or StepLimits()
    if kind == StepKind.TRIAGE:
        if urgent:
            return calendar.add_working_seconds(start, URGENT_TRIAGE_HOURS * 3600)
        return calendar.add_working_days(start, _days(own.triage_days, TRIAGE_LIMIT_DAYS))
    if kind == StepKind.VERIFY:
        if urgent:
            return calendar.add_working_seconds(start, URGENT_VERIFY_HOURS * 3600)
        return calendar.add_working_days(start, _days(own.verify_days, VERIFY_LIMIT_DAYS))
    if kind == StepKind.CLOSE:
        return calendar.add_working_days(start, _days(own.close_days, CLOSE_LIMIT_DAYS))
    raise ValueError(f"not an office step: {kind}")


def _days(own: int | None, default: int) -> int:
    return default if own is None else own


def period_end(calendar: WorkCalendar, start: datetime, days: int) -> datetime:
    """Office close of the ``days``-th calendar day after ``start``, moved to the next
    working day when that day is not one."""
    last = datetime.combine(start.date() + timedelta(days=days), time(0, 0))
    return calendar.add_working_days(last, 0)


def transfer_clock(
    calendar: WorkCalendar, transfer: Mapping[str, Any]
) -> tuple[StepKind, datetime] | None:
    """The running clock of an outgoing ordinary transfer (a ``case_transfers`` row as the
    fold builds it), or None once its outcome is in, for incoming and police transfers.
    A police transfer's clocks (receipt, the police's decision in 3 days, review) follow
    order 310 and are set where that transfer is folded, not here."""
    if transfer["direction"] != "out" or transfer["police"] or transfer["outcome"] is not None:
        return None
    if transfer["receipt_at"] is None:
        sent = parse_local(transfer["sent_at"])
        return StepKind.TRANSFER_RECEIPT, calendar.add_working_days(sent, TRANSFER_RECEIPT_DAYS)
    received = parse_local(transfer["receipt_at"])
    return StepKind.TRANSFER_OUTCOME, period_end(calendar, received, TRANSFER_OUTCOME_DAYS)
