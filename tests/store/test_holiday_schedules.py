"""A year's holiday schedule entered by the administrator moves the clocks of open cases,
survives a rebuild, and until it is complete the workbench is told the year is counted
Monday to Friday. Years far ahead (2034, 2035) are used so that no release of
chinese-calendar that CI may install already knows them."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.errors import DomainError
from app.core.holidays import FESTIVALS, Festival
from app.store.calendar_days import calendar_notice, known_year, set_year
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.work_calendar import holiday_schedules
from tests.clock import frozen
from tests.store.store_helpers import full_dump, projection_dump
from tests.store.test_calendar_days import dispatched_case as dispatched_at
from tests.store.test_calendar_days import sign_due

FRIDAY_MS = 2_050_966_800_000  # 2034-12-29 09:00 China time, a Friday before 元旦 2035

NEW_YEAR_2035 = Festival(("元旦",), date(2035, 1, 1), date(2035, 1, 1))


def dispatched_case(db, path) -> str:  # type: ignore[no-untyped-def]
    return dispatched_at(db, path, FRIDAY_MS)


def whole_year(year: int) -> list[Festival]:
    """A complete schedule: one day off per festival, on weekdays spread over the year."""
    days = [date(year, month, 10) for month in (1, 2, 4, 5, 6, 9, 10)]
    return [Festival((name,), day, day) for name, day in zip(FESTIVALS, days, strict=True)]


def test_a_schedule_moves_the_due_time_of_open_cases(demo_db, demo_path) -> None:
    number = dispatched_case(demo_db, demo_path)
    assert sign_due(demo_db, number) == "2035-01-01 17:30:00"  # Monday, counted as working
    moved = set_year(demo_db, user_by_name(demo_db, "admin"), 2035, [NEW_YEAR_2035], wall=frozen)
    assert moved >= 1
    assert sign_due(demo_db, number) == "2035-01-02 17:30:00"
    assert holiday_schedules(demo_db) == {2035: [NEW_YEAR_2035]}


def test_a_make_up_working_day_counts_as_working(demo_db, demo_path) -> None:
    number = dispatched_case(demo_db, demo_path)
    saturday = date(2034, 12, 30)
    new_year = Festival(("元旦",), date(2035, 1, 1), date(2035, 1, 1), (saturday,))
    set_year(demo_db, user_by_name(demo_db, "admin"), 2035, [new_year], wall=frozen)
    assert sign_due(demo_db, number) == "2034-12-30 17:30:00"


def test_entering_a_year_again_replaces_it(demo_db, demo_path) -> None:
    number = dispatched_case(demo_db, demo_path)
    admin = user_by_name(demo_db, "admin")
    set_year(demo_db, admin, 2035, [NEW_YEAR_2035], wall=frozen)
    spring = Festival(("春节",), date(2035, 2, 7), date(2035, 2, 13))
    set_year(demo_db, admin, 2035, [spring], wall=frozen)  # 元旦 corrected away
    assert holiday_schedules(demo_db) == {2035: [spring]}
    assert sign_due(demo_db, number) == "2035-01-01 17:30:00"


def test_a_rebuild_gives_the_same_calendar_and_clocks(demo_db, demo_path) -> None:
    dispatched_case(demo_db, demo_path)
    admin = user_by_name(demo_db, "admin")
    set_year(demo_db, admin, 2035, [NEW_YEAR_2035], wall=frozen)
    before = projection_dump(demo_db)
    rebuild(demo_db, admin)
    assert projection_dump(demo_db) == before


@pytest.mark.parametrize(
    ("username", "year", "festivals", "message"),
    [
        ("clerk", 2035, [NEW_YEAR_2035], "受理员不能维护基础数据"),
        ("admin", 1999, [NEW_YEAR_2035], "年份“1999”不对"),
        ("admin", 2035, [], "请至少填写一个节日"),
        ("admin", 2036, [NEW_YEAR_2035], "元旦的放假日期不在 2036 年"),
        ("admin", 2035, [NEW_YEAR_2035, NEW_YEAR_2035], "元旦的放假安排写了两次"),
    ],
)
def test_refusals_change_nothing(demo_db, username, year, festivals, message) -> None:
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        set_year(demo_db, user_by_name(demo_db, username), year, festivals, wall=frozen)
    assert message in str(refused.value)
    assert full_dump(demo_db) == before


def test_the_workbench_is_told_until_the_year_is_complete(demo_db) -> None:
    admin = user_by_name(demo_db, "admin")
    november = date(2034, 11, 15)
    set_year(demo_db, admin, 2034, whole_year(2034), wall=frozen)
    assert known_year(demo_db, 2034)
    assert calendar_notice(demo_db, date(2034, 10, 31)) is None  # next year not due yet
    notice = calendar_notice(demo_db, november)
    assert notice is not None and (notice.year, notice.missing) == (2035, FESTIVALS)
    set_year(demo_db, admin, 2035, [NEW_YEAR_2035], wall=frozen)
    notice = calendar_notice(demo_db, november)
    assert notice is not None and notice.missing == FESTIVALS[1:]
    assert not known_year(demo_db, 2035)  # one festival does not make a year known
    set_year(demo_db, admin, 2035, whole_year(2035), wall=frozen)
    assert calendar_notice(demo_db, november) is None
    assert known_year(demo_db, 2035)


def test_a_year_nobody_entered_is_named_when_it_has_begun(demo_db) -> None:
    notice = calendar_notice(demo_db, date(2034, 6, 1))
    assert notice is not None and notice.year == 2034
