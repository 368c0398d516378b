"""The assessment of units: weights checked as the administrator gives them, a weighted score
where lower-is-better rates count inverted and thinly measured rates leave the score, the
ranking, and the green and red lists."""

from __future__ import annotations

import pytest

from app.core.assessment import (
    DEFAULT_WEIGHTS,
    MIN_COUNTED,
    Score,
    check_weights,
    green_and_red,
    ranking,
    score_unit,
)
from app.core.errors import DomainError


def test_the_default_weights_pass_their_own_check() -> None:
    assert check_weights(DEFAULT_WEIGHTS) == DEFAULT_WEIGHTS
    assert sum(DEFAULT_WEIGHTS.values()) == 100


def test_zero_weights_are_dropped() -> None:
    assert check_weights({"on_time_closure_rate": 60, "rework_rate": 0}) == {
        "on_time_closure_rate": 60
    }


@pytest.mark.parametrize(
    "weights, code",
    [
        ({"closure": 10}, "indicator_unknown"),
        ({"received": 10}, "weight_not_scored"),  # a count
        ({"handling_days": 10}, "weight_not_scored"),  # an average
        ({"self_handled_rate": 10}, "weight_not_scored"),  # neither higher nor lower is better
        ({"on_time_closure_rate": 101}, "weight_invalid"),
        ({"on_time_closure_rate": -1}, "weight_invalid"),
        ({"on_time_closure_rate": 12.5}, "weight_invalid"),
        ({"on_time_closure_rate": "40"}, "weight_invalid"),
        ({"on_time_closure_rate": True}, "weight_invalid"),
        ({"on_time_closure_rate": 0, "rework_rate": 0}, "weights_empty"),
        ({}, "weights_empty"),
    ],
)
def test_bad_weights_are_refused(weights: dict, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_weights(weights)
    assert caught.value.code == code
    assert caught.value.text()  # a message in plain words for every refusal


def test_a_score_with_a_lower_is_better_rate() -> None:
    weights = {"on_time_closure_rate": 60, "rework_rate": 40}
    # on time 90% → 90 points; reworked 25% → 75 points; (90 × 60 + 75 × 40) / 100 = 84
    score = score_unit(
        "SCJG", {"on_time_closure_rate": (0.9, 10), "rework_rate": (0.25, 8)}, weights
    )
    assert score == Score("SCJG", 84.0, {"on_time_closure_rate": 90.0, "rework_rate": 75.0})


def test_a_rate_measured_on_too_few_rows_leaves_the_score() -> None:
    weights = {"on_time_closure_rate": 60, "rework_rate": 40}
    few = MIN_COUNTED - 1
    # rework measured on 4 cases only: the score is the on-time rate alone
    score = score_unit(
        "YJJ", {"on_time_closure_rate": (0.8, 5), "rework_rate": (0.0, few)}, weights
    )
    assert score == Score("YJJ", 80.0, {"on_time_closure_rate": 80.0})
    # nothing measured (no rows, or None): no score at all
    assert score_unit("JTJ", {"rework_rate": (None, 0)}, weights) == Score("JTJ", None, {})
    assert score_unit("JTJ", {}, weights) == Score("JTJ", None, {})


def test_a_weight_of_a_rate_not_given_is_shared_by_the_others() -> None:
    weights = {"on_time_closure_rate": 40, "signed_on_time_rate": 20, "response_on_time_rate": 40}
    rates = {"on_time_closure_rate": (0.5, 6), "signed_on_time_rate": (1.0, 6)}
    # (50 × 40 + 100 × 20) / 60 = 66.7
    assert score_unit("ZFZD", rates, weights).score == 66.7


def test_ranking_best_first_then_the_unscored_by_code() -> None:
    scores = [
        Score("ZFZD", 80.0, {}),
        Score("JTJ", None, {}),
        Score("SCJG", 95.0, {}),
        Score("PCS", 80.0, {}),
        Score("ABC", None, {}),
    ]
    assert [s.unit for s in ranking(scores)] == ["SCJG", "PCS", "ZFZD", "ABC", "JTJ"]


def test_green_and_red_lists() -> None:
    ranked = ranking(
        [
            Score("A1", 99.0, {}),
            Score("A2", 95.0, {}),
            Score("A3", 90.0, {}),  # at the line: green
            Score("A4", 92.0, {}),
            Score("B1", 80.0, {}),
            Score("C1", 75.0, {}),  # at the line: not red
            Score("C2", 74.9, {}),
            Score("C3", 60.0, {}),
            Score("C4", 50.0, {}),
            Score("C5", 40.0, {}),
            Score("N1", None, {}),
        ]
    )
    green, red = green_and_red(ranked)
    assert [s.unit for s in green] == ["A1", "A2", "A4"]  # the best three at or above 90
    assert [s.unit for s in red] == ["C5", "C4", "C3"]  # the worst three below 75, worst first
    green, red = green_and_red(ranking([Score("X", 89.9, {}), Score("Y", 75.0, {})]))
    assert (green, red) == ([], [])
    assert green_and_red([]) == ([], [])
