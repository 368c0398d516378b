"""The percentile rule of the call indicators (core/indicators.py): nearest rank over whole
minutes, a started minute counted whole; and the store's SQL rounding agrees with it."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.indicators import nearest_rank_p90, whole_minutes
from app.store.statistics import whole_minutes_sql


def test_nothing_counted_has_no_percentile() -> None:
    assert nearest_rank_p90({}) is None


def test_the_nearest_rank_is_the_smallest_value_with_nine_tenths_at_or_below_it() -> None:
    # 10 rows: rank ceil(9) = 9; sorted 5 5 5 7 7 7 7 8 30 60 -> the 9th is 30
    assert nearest_rank_p90({5: 3, 7: 4, 8: 1, 30: 1, 60: 1}) == 30
    # 11 rows: rank ceil(9.9) = 10 -> 60 (the 10th of 5×3, 7×4, 8, 30, 60, 60)
    assert nearest_rank_p90({5: 3, 7: 4, 8: 1, 30: 1, 60: 2}) == 60
    assert nearest_rank_p90({42: 1}) == 42  # one row: rank 1
    assert nearest_rank_p90({40: 1, 50: 1}) == 50  # two rows: rank ceil(1.8) = 2


def test_the_order_the_counts_come_in_does_not_matter() -> None:
    assert nearest_rank_p90({60: 1, 5: 3, 30: 1, 8: 1, 7: 4}) == 30


def test_a_started_minute_counts_whole() -> None:
    assert [whole_minutes(m) for m in (0.0, 0.01, 1.0, 1.5, 49.99, 50.0)] == [0, 1, 1, 2, 50, 50]


@pytest.mark.parametrize(
    "minutes", [0.0, 0.0001, 0.5, 1.0, 1.0000001, 2.5, 59.999, 60.0, 1439.5, -0.5, -1.0, -1.5]
)
def test_the_store_rounds_minutes_as_core_does(minutes: float) -> None:
    connection = sqlite3.connect(":memory:")
    found = connection.execute(f"SELECT {whole_minutes_sql('?1')}", [minutes]).fetchone()[0]
    assert found == whole_minutes(minutes)


def test_a_percentile_is_printed_and_shown_in_whole_minutes() -> None:
    from app.core.indicators import BY_KEY
    from app.reports.bulletin.rows import value_text
    from app.store.statistics import Figure
    from app.ui.statistics.table_model import shown_value

    figure = Figure(41, 12, 12)
    assert value_text("arrival_p90_minutes", figure) == "41"
    assert shown_value(BY_KEY["arrival_p90_minutes"], figure) == "41"
    assert value_text("arrival_avg_minutes", Figure(40.3, 12, 12)) == "40.3"
