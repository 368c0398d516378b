"""The clocks of triage, verification, closing and a transfer (core/step_limits.py), and the
office-hours clock of an ordinary call (time_limits.call_step_due): working days, office
hours for urgent kinds, the statutory holidays and make-up working days of the calendar."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from app.core.calendar import WorkCalendar
from app.core.errors import DomainError
from app.core.model import Urgency
from app.core.step_limits import (
    StepKind,
    StepLimits,
    check_step_limits,
    office_step_due,
    period_end,
    transfer_clock,
)
from app.core.time_limits import call_step_due

CAL = WorkCalendar()
NORMAL, URGENT = Urgency.NORMAL, Urgency.URGENT


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("kind", "start", "urgency", "due"),
    [
        # triage: by the end of the next working day; a Friday case waits for Monday
        (StepKind.TRIAGE, "2026-12-04 16:00", NORMAL, "2026-12-07 17:30"),
        # ... the Saturday before the Spring Festival is a make-up working day (调休) ...
        (StepKind.TRIAGE, "2026-02-13 10:00", NORMAL, "2026-02-14 17:30"),
        # ... and the festival itself (2-15 … 2-23) does not count
        (StepKind.TRIAGE, "2026-02-14 10:00", NORMAL, "2026-02-24 17:30"),
        # urgent: two office hours, the night not counted (1 h on Friday, 1 h on Monday)
        (StepKind.TRIAGE, "2026-12-04 16:30", URGENT, "2026-12-07 09:30"),
        (StepKind.TRIAGE, "2026-12-07 09:00", URGENT, "2026-12-07 11:00"),
        # verification: three working days; urgent: four office hours (2.5 + 1.5)
        (StepKind.VERIFY, "2026-12-09 10:00", NORMAL, "2026-12-14 17:30"),
        (StepKind.VERIFY, "2026-12-04 15:00", URGENT, "2026-12-07 10:00"),
        # closing: the next working day, urgent or not
        (StepKind.CLOSE, "2026-12-04 11:00", NORMAL, "2026-12-07 17:30"),
        (StepKind.CLOSE, "2026-12-04 11:00", URGENT, "2026-12-07 17:30"),
    ],
)
def test_office_steps_are_due_in_office_time(
    kind: StepKind, start: str, urgency: Urgency, due: str
) -> None:
    assert office_step_due(CAL, kind, dt(start), urgency) == dt(due)


def test_an_office_day_off_moves_the_triage_clock() -> None:
    """The office's own exceptions (a local day off) count like holidays."""
    own = WorkCalendar(overrides={date(2026, 12, 7): False})
    assert office_step_due(own, StepKind.TRIAGE, dt("2026-12-04 16:00"), NORMAL) == dt(
        "2026-12-08 17:30"
    )


def test_a_transfer_is_not_an_office_step() -> None:
    with pytest.raises(ValueError):
        office_step_due(CAL, StepKind.TRANSFER_RECEIPT, dt("2026-12-04 11:00"), NORMAL)


def transfer(**fields: Any) -> dict[str, Any]:
    row = {"direction": "out", "police": 0, "sent_at": "2026-12-07 10:00:00"}
    return row | {"receipt_at": None, "outcome": None} | fields


def test_a_transfer_waits_for_its_receipt_then_for_its_outcome() -> None:
    # the receipt: five working days after sending
    assert transfer_clock(CAL, transfer()) == (StepKind.TRANSFER_RECEIPT, dt("2026-12-14 17:30"))
    # the outcome: thirty calendar days after the receipt
    received = transfer(receipt_at="2026-12-08 15:00:00")
    assert transfer_clock(CAL, received) == (StepKind.TRANSFER_OUTCOME, dt("2027-01-07 17:30"))
    # a last day on a weekend moves to the next working day (2027-01-09 is a Saturday)
    late = transfer(receipt_at="2026-12-10 09:00:00")
    assert transfer_clock(CAL, late) == (StepKind.TRANSFER_OUTCOME, dt("2027-01-11 17:30"))
    assert transfer_clock(CAL, received | {"outcome": "accepted"}) is None


def test_police_and_incoming_transfers_have_no_ordinary_clock() -> None:
    """行刑衔接 has the regulation's own clocks, set elsewhere; a case sent to us is ours."""
    assert transfer_clock(CAL, transfer(police=1)) is None
    assert transfer_clock(CAL, transfer(direction="in")) is None


def test_a_period_ending_in_the_spring_festival_ends_after_it() -> None:
    assert period_end(CAL, dt("2026-01-16 10:00"), 30) == dt("2026-02-24 17:30")


@pytest.mark.parametrize(
    ("called", "minutes", "urgent", "due"),
    [
        # urgent calls run on the wall clock, through the night
        ("2026-12-04 17:00", 60, True, "2026-12-04 18:00"),
        # ordinary calls on office hours: half an hour on Friday, half an hour on Monday
        ("2026-12-04 17:00", 60, False, "2026-12-07 09:00"),
        # ... within office hours both read the same
        ("2026-12-07 09:00", 60, False, "2026-12-07 10:00"),
        # ... an ordinary call made on a holiday starts when the office opens again
        ("2026-02-16 10:00", 60, False, "2026-02-24 09:30"),
        ("2026-02-16 10:00", 60, True, "2026-02-16 11:00"),
    ],
)
def test_ordinary_calls_run_on_office_hours(
    called: str, minutes: int, urgent: bool, due: str
) -> None:
    assert call_step_due(CAL, dt(called), minutes, urgent) == dt(due)


def test_a_negative_call_limit_is_refused() -> None:
    with pytest.raises(ValueError):
        call_step_due(CAL, dt("2026-12-04 17:00"), -1, False)


def test_a_categorys_own_limits_replace_the_defaults_for_ordinary_cases() -> None:
    """建筑垃圾 整改 checked after a week: verification in 5 working days; urgent cases keep
    their office hours; a limit left None keeps the default."""
    own = StepLimits(verify_days=5, close_days=0)
    start = dt("2026-12-04 11:00")
    assert office_step_due(CAL, StepKind.VERIFY, start, NORMAL, own) == dt("2026-12-11 17:30")
    assert office_step_due(CAL, StepKind.VERIFY, start, URGENT, own) == dt("2026-12-04 15:00")
    assert office_step_due(CAL, StepKind.CLOSE, start, NORMAL, own) == dt("2026-12-04 17:30")
    assert office_step_due(CAL, StepKind.TRIAGE, start, NORMAL, own) == dt("2026-12-07 17:30")


@pytest.mark.parametrize("days", [-1, 31])
def test_a_categorys_limit_out_of_range_is_refused(days: int) -> None:
    with pytest.raises(DomainError) as refused:
        check_step_limits(StepLimits(verify_days=days))
    assert refused.value.code == "limit_out_of_range"
