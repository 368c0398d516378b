"""A year's holiday schedule as the administrator enters it, checked and counted."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from app.core.errors import DomainError
from app.core.holidays import (
    FESTIVALS,
    Festival,
    check_schedule,
    check_year,
    missing_festivals,
    parse_festival,
    schedule_days,
    schedule_notice,
)

# The State Council's arrangement for 2026 (国办发明电〔2025〕7号), as typed on the command line.
SCHEDULE_2026 = [
    "元旦:2026-01-01..2026-01-03:2026-01-04",
    "春节:2026-02-15..2026-02-23:2026-02-14,2026-02-28",
    "清明节:2026-04-04..2026-04-06",
    "劳动节:2026-05-01..2026-05-05:2026-05-09",
    "端午节:2026-06-19..2026-06-21",
    "中秋节:2026-09-25..2026-09-27",
    "国庆节:2026-10-01..2026-10-07:2026-09-20,2026-10-10",
]


def _code(error: pytest.ExceptionInfo[DomainError]) -> str:
    return error.value.code


def test_a_schedule_typed_in_counts_every_day_as_the_published_tables_do() -> None:
    """The schedule alone (with Monday to Friday for the days it does not set), not the
    library it is compared with, gives every day of 2026 as the library does."""
    entries = check_schedule(2026, [parse_festival(text) for text in SCHEDULE_2026])
    assert missing_festivals(entries) == []
    days = schedule_days(entries)
    day = date(2026, 1, 1)
    while day.year == 2026:
        working = days[day][0] if day in days else day.weekday() < 5
        assert working == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_parse_reads_names_days_off_and_make_up_days() -> None:
    merged = parse_festival(" 中秋节+国庆节:2025-10-01..2025-10-08:2025-09-28,2025-10-11 ")
    assert merged.names == ("中秋节", "国庆节")
    assert (merged.rest_from, merged.rest_to) == (date(2025, 10, 1), date(2025, 10, 8))
    assert merged.working == (date(2025, 9, 28), date(2025, 10, 11))
    one_day = parse_festival("清明节:2031-04-05")
    assert one_day.days_off() == [date(2031, 4, 5)]
    assert Festival.from_record(merged.record()) == merged
    assert parse_festival("中秋节、国庆节:2025-10-01..2025-10-08").names == ("中秋节", "国庆节")


@pytest.mark.parametrize(
    "text", ["春节", "春节:2027-02-30", "春节:2027-02-05..", "春节:2027-02-05:周六", ""]
)
def test_parse_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(DomainError) as error:
        parse_festival(text)
    assert _code(error) == "holiday_invalid"
    assert "春节:2027-02-05..2027-02-11" in str(error.value)  # the message shows the form


@pytest.mark.parametrize(
    ("year", "texts", "code"),
    [
        (2027, [":2027-01-01"], "holiday_name_missing"),
        (2027, ["圣诞节:2027-12-25"], "holiday_unknown"),
        (2027, ["春节:2027-02-05", "春节:2027-02-06"], "holiday_twice"),
        (2027, ["春节:2027-02-11..2027-02-05"], "holiday_span_invalid"),
        (2027, ["国庆节:2027-10-01..2027-10-20"], "holiday_span_invalid"),
        (2027, ["春节:2028-01-26..2028-02-01"], "holiday_wrong_year"),
        (2027, ["春节:2027-02-05..2027-02-11:2027-02-15"], "holiday_workday_invalid"),  # Monday
        (2027, ["春节:2027-02-06..2027-02-11:2027-02-07"], "holiday_workday_invalid"),  # a day off
        (2027, ["春节:2027-02-05..2027-02-11:2029-02-03"], "holiday_workday_invalid"),
        (2027, [], "holiday_schedule_empty"),
        (10000, ["春节:2027-02-05"], "year_invalid"),
    ],
)
def test_check_refuses_a_schedule_that_cannot_be_right(
    year: int, texts: list[str], code: str
) -> None:
    with pytest.raises(DomainError) as error:
        check_schedule(year, [parse_festival(text) for text in texts])
    assert _code(error) == code
    assert "{" not in str(error.value)  # every placeholder filled


def test_new_year_may_begin_on_the_last_day_of_the_year_before() -> None:
    entries = check_schedule(2027, [parse_festival("元旦:2026-12-31..2027-01-02")])
    assert schedule_days(entries)[date(2026, 12, 31)] == (False, "元旦")


@pytest.mark.parametrize("year", [-5, 0, 1999, 2101, 10000])
def test_years_out_of_range_are_refused_in_words(year: int) -> None:
    with pytest.raises(DomainError) as error:
        check_year(year)
    assert str(year) in str(error.value) and "2000" in str(error.value)


def test_missing_festivals_lists_what_a_partial_schedule_lacks_in_the_year_s_order() -> None:
    entries = [parse_festival("国庆节:2027-10-01..2027-10-07"), parse_festival("元旦:2027-01-01")]
    assert missing_festivals(entries) == ["春节", "清明节", "劳动节", "端午节", "中秋节"]
    assert missing_festivals([]) == list(FESTIVALS)


def test_the_notice_warns_from_november_until_next_year_is_complete() -> None:
    known = {2026: True}
    assert schedule_notice(date(2026, 10, 31), known, {}) is None
    notice = schedule_notice(date(2026, 11, 1), known, {})
    assert notice is not None and notice.year == 2027 and notice.missing == FESTIVALS
    partly = schedule_notice(date(2026, 12, 4), known, {2027: ["中秋节"]})
    assert partly is not None and partly.missing == ("中秋节",)
    assert schedule_notice(date(2026, 12, 4), {2026: True, 2027: True}, {}) is None
    this_year = schedule_notice(date(2031, 3, 1), {}, {})  # nothing known at all
    assert this_year is not None and this_year.year == 2031


def test_a_make_up_day_far_from_its_festival_is_refused() -> None:
    far = Festival(("春节",), date(2027, 2, 5), date(2027, 2, 11), (date(2026, 1, 3),))
    with pytest.raises(DomainError) as refused:
        check_schedule(2027, [far])
    assert refused.value.code == "holiday_workday_invalid"


def test_full_width_separators_are_read_as_the_window_writes_them() -> None:
    entry = parse_festival("春节：2027-02-05..2027-02-11：2027-02-14，2027-02-20")
    assert entry.working == (date(2027, 2, 14), date(2027, 2, 20))
