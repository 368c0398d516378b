"""The review window after the police declined a transfer (复议, order 310 art. 9: 3 days) as
a clock: on the case while it is open, on the board's due-soon list as it closes, gone once
it has passed (the right lapsed, nothing to chase); and the step offered only while open."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.core.case_path.steps import Action
from app.store.board import board
from app.store.case_actions import actions_for
from app.store.cases import case_by_number
from app.store.clocks import case_clocks, due_soon_cases, overdue_cases, review_clocks
from app.store.reference import user_by_name
from tests.store.test_police_transfers import declined
from tests.store.test_transfers import Office

A = Action
REVIEW = "police_review"
# refused Monday 2026-12-07 09:07: the window ends at the office's close on Thursday
CLOSES = "2026-12-10 17:30:00"


@pytest.fixture
def office(small_db, small_path: Path) -> Office:
    return Office(small_db, small_path)


def review_rows(rows) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(r.number, r.due, r.lead_unit) for r in rows if r.kind == REVIEW]


def test_the_window_is_a_clock_of_the_office_while_it_is_open(office: Office) -> None:
    number = declined(office)
    case = case_by_number(office.db, number)
    tuesday = datetime(2026, 12, 8, 10, 0)
    [clock] = [c for c in case_clocks(office.db, case.id, tuesday) if c.kind == REVIEW]
    assert (clock.due, clock.state.value, clock.overdue) == (CLOSES, "on_time", False)
    assert review_rows(review_clocks(office.db, tuesday)) == [(number, CLOSES, "ZHB")]
    assert review_rows(due_soon_cases(office.db, tuesday)) == []  # not closing yet
    thursday = datetime(2026, 12, 10, 14, 0)  # within half an office day of the close
    assert review_rows(due_soon_cases(office.db, thursday)) == [(number, CLOSES, "ZHB")]


def test_the_board_shows_the_window_closing_once_the_case_is_routed(office: Office) -> None:
    number = declined(office)
    # routed anew (its triage clock stops), the refusal may still be put up for review
    office.act(number, A.DISPATCH, to="SCJG", override_reason="先由市场监管所查处无照经营")
    shown = board(office.db, datetime(2026, 12, 10, 14, 0))
    assert [(r.number, r.unit, r.kind, r.due) for r in shown.due_soon if r.kind == REVIEW] == [
        (number, "ZHB", REVIEW, CLOSES)
    ]
    assert all(r.kind != REVIEW for r in shown.overdue)


def test_a_passed_window_leaves_the_clocks_and_the_board(office: Office) -> None:
    number = declined(office)
    case = case_by_number(office.db, number)
    friday = datetime(2026, 12, 11, 9, 0)
    assert all(c.kind != REVIEW for c in case_clocks(office.db, case.id, friday))
    assert review_rows(review_clocks(office.db, friday)) == []
    assert review_rows(overdue_cases(office.db, friday)) == []
    assert review_rows(due_soon_cases(office.db, friday)) == []


def test_a_review_asked_stops_the_clock(office: Office) -> None:
    number = declined(office)
    office.act(number, A.POLICE_REVIEW, reason="抽头数额已经鉴定，达到追诉标准")
    assert review_rows(review_clocks(office.db, datetime(2026, 12, 8, 10, 0))) == []


def test_the_step_is_offered_only_while_the_window_is_open(office: Office) -> None:
    number = declined(office)
    case = case_by_number(office.db, number)
    clerk = user_by_name(office.db, "clerk")
    assert A.POLICE_REVIEW in actions_for(office.db, clerk, case, datetime(2026, 12, 10, 17, 30))
    late = actions_for(office.db, clerk, case, datetime(2026, 12, 10, 17, 31))
    assert A.POLICE_REVIEW not in late
    assert A.DISPATCH in late  # the rest of triage is still offered
    assert A.POLICE_REVIEW in actions_for(office.db, clerk, case)  # no time given: by state
