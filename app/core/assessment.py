"""The assessment of units (考核): a weighted score of chosen rates, a ranking, and the month's
green and red lists (红黑榜). The administrator sets the weights; the bulletin prints them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.errors import DomainError
from app.core.indicators import BY_KEY, INDICATORS, Kind

# What a township office usually weighs: closing on time first, then signing for work on
# time, then quality (rework) and the discipline of extensions, then answering calls.
DEFAULT_WEIGHTS: dict[str, int] = {
    "on_time_closure_rate": 40,
    "signed_on_time_rate": 20,
    "rework_rate": 15,
    "extension_rate": 10,
    "response_on_time_rate": 15,
}
# the rates a score can use: those where higher (or lower) is plainly better
SCORED_RATES = tuple(
    i.key for i in INDICATORS if i.kind == Kind.RATE and i.higher_is_better is not None
)
MIN_COUNTED = 5  # a unit with fewer measured cases in a rate is not scored on it
GREEN_LIST_SCORE = 90.0  # 红榜: the best three at or above this
RED_LIST_SCORE = 75.0  # 黑榜: the worst three below this
LIST_LENGTH = 3


def check_weights(weights: Mapping[str, int]) -> dict[str, int]:
    """Weights as the administrator gives them: rates only, whole numbers 0–100, not all 0."""
    checked: dict[str, int] = {}
    for key, weight in weights.items():
        if key not in BY_KEY:
            raise DomainError("indicator_unknown", value=key, limit="、".join(sorted(BY_KEY)))
        if key not in SCORED_RATES:
            raise DomainError("weight_not_scored", value=BY_KEY[key].name)
        if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= 100:
            raise DomainError("weight_invalid", value=BY_KEY[key].name)
        if weight:
            checked[key] = weight
    if not checked:
        raise DomainError("weights_empty")
    return checked


@dataclass(frozen=True)
class Score:
    unit: str
    score: float | None  # 0–100; None when no weighted rate could be measured
    parts: dict[str, float]  # indicator key -> points (0–100) it gave


def score_unit(
    unit: str, rates: Mapping[str, tuple[float | None, int]], weights: Mapping[str, int]
) -> Score:
    """``rates``: indicator key -> (rate 0..1, rows counted). A rate where lower is better
    (rework, extension) gives 100 × (1 − rate). Rates measured on fewer than ``MIN_COUNTED``
    rows leave the score, and their weight is shared among the others (a Y department is not
    marked down for having no X work)."""
    parts: dict[str, float] = {}
    for key in weights:
        value, counted = rates.get(key, (None, 0))
        if value is None or counted < MIN_COUNTED:
            continue
        good = value if BY_KEY[key].higher_is_better is not False else 1 - value
        parts[key] = round(100 * good, 1)
    total = sum(weights[k] for k in parts)
    if not total:
        return Score(unit, None, parts)
    return Score(unit, round(sum(parts[k] * weights[k] for k in parts) / total, 1), parts)


def ranking(scores: list[Score]) -> list[Score]:
    """Best first; units that could not be scored last, by code."""
    scored = sorted((s for s in scores if s.score is not None), key=lambda s: (-s.score, s.unit))  # type: ignore[operator]
    return scored + sorted((s for s in scores if s.score is None), key=lambda s: s.unit)


def green_and_red(ranked: list[Score]) -> tuple[list[Score], list[Score]]:
    """红榜: up to three best scores at or above ``GREEN_LIST_SCORE``; 黑榜: up to three
    worst below ``RED_LIST_SCORE``, worst first."""
    scored = [s for s in ranked if s.score is not None]
    green = [s for s in scored if s.score >= GREEN_LIST_SCORE][:LIST_LENGTH]  # type: ignore[operator]
    red = [s for s in reversed(scored) if s.score < RED_LIST_SCORE][:LIST_LENGTH]  # type: ignore[operator]
    return green, red
