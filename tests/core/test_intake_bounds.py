"""The bounds of what people type at intake, named once in core (app/core/intake.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.errors import DomainError, Words
from app.core.intake import (
    ADDRESS_LIMIT,
    FIRST_DAY,
    LAST_DAY,
    LETTER_NO_LIMIT,
    NAME_LIMIT,
    UNIT_LIMIT,
    check_day,
    validate_intake,
)
from tests.core.test_intake import CATEGORIES, GOOD, GRIDS, errors_of


@pytest.mark.parametrize(
    ("change", "field", "limit"),
    [
        ({"reporter_name": "张" * (NAME_LIMIT + 1)}, "反映人姓名", NAME_LIMIT),
        ({"address": "路" * (ADDRESS_LIMIT + 1)}, "地址", ADDRESS_LIMIT),
        (
            {"source": "transfer", "transfer_unit": "局" * (UNIT_LIMIT + 1)},
            "移送单位",
            UNIT_LIMIT,
        ),
        (
            {"source": "transfer", "transfer_unit": "区公安分局", "transfer_letter": "号" * 51},
            "移送函文号",
            LETTER_NO_LIMIT,
        ),
    ],
)
def test_a_text_over_its_bound_is_refused_with_its_name_and_numbers(
    change: dict, field: str, limit: int
) -> None:
    errors = errors_of(replace(GOOD, **change))
    assert [e.code for e in errors] == ["text_too_long"]
    text = str(errors[0])
    assert field in text and str(limit) in text and str(limit + 1) in text
    assert errors[0].text("en") != text


def test_texts_at_their_bounds_are_accepted() -> None:
    at_limits = replace(
        GOOD,
        reporter_name=" " + "张" * NAME_LIMIT + " ",  # surrounding spaces do not count
        address="路" * ADDRESS_LIMIT,
        source="transfer",
        transfer_unit="局" * UNIT_LIMIT,
        transfer_letter="号" * LETTER_NO_LIMIT,
    )
    validate_intake(at_limits, CATEGORIES, GRIDS)


@pytest.mark.parametrize("day", [date(1926, 11, 26), date(2206, 1, 1), date(1999, 12, 31)])
def test_a_day_outside_the_programs_lifetime_is_refused(day: date) -> None:
    with pytest.raises(DomainError) as caught:
        check_day(day, Words("暂停到", "paused until"))
    assert caught.value.code == "date_out_of_range"
    assert day.isoformat() in str(caught.value) and "2000-01-01" in str(caught.value)


def test_the_first_and_last_days_are_accepted() -> None:
    for day in (FIRST_DAY, LAST_DAY):
        assert check_day(day, Words("日期", "date")) == day
