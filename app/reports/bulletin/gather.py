"""The monthly bulletin's content (月度通报), gathered once for both forms: every figure read
from store/statistics.figures() as it gives it; nothing is counted again here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlite_utils import Database

from app.core.assessment import (
    Score,
    green_and_red,
    ranking,
    score_unit,
)
from app.core.indicators import INDICATORS, Group, Indicator
from app.core.model import Tier, office_unit
from app.core.periods import Period
from app.store import bulletin_data as data
from app.store.reference import ReferenceData
from app.store.statistics import NO_GROUP, TOTAL, Figure, GroupFigures, figures

HEADLINE = (
    "received",
    "closed",
    "closure_rate",
    "on_time_closure_rate",
    "handling_days",
    "self_handled_rate",
    "proactive_rate",
    "rework_rate",
    "extension_rate",
)
UNIT_KEYS = (
    "received",
    "closed",
    "on_time_closure_rate",
    "signed_on_time_rate",
    "rework_rate",
    "extension_rate",
    "handling_days",
)
CALL_KEYS = (
    "calls",
    "response_on_time_rate",
    "arrival_on_time_rate",
    "response_avg_minutes",
    "response_p90_minutes",
    "arrival_p90_minutes",
    "confirmation_rate",
)
DECISION_KEY = "decisions_on_time_rate"
TOP_CATEGORIES = 5
TOP_PLACES = 5
OVERDUE_ROWS = 15
STEP_NAMES = {"sign": "签收", "handle": "处置"}


@dataclass
class Bulletin:
    """Everything the bulletin prints, gathered once for both forms."""

    period: Period
    now: datetime
    issuer: str  # the authority (DOMAIN.md §8)
    office: str  # the comprehensive enforcement office, which prints it
    number: str  # 青石综执通〔2026〕11号
    total: dict[str, Figure]
    before: dict[str, Figure]  # the previous month's township row
    units: list[GroupFigures]  # by unit, "-" (未分拨) last
    calls: list[GroupFigures]  # the district (Y) departments called
    categories: list[GroupFigures]  # the top ones by cases received
    weights: dict[str, int]
    ranked: list[Score]
    green: list[Score]
    red: list[Score]
    unit_names: dict[str, str]
    places: list[data.PlaceCount]
    silent: list[data.SilentGrid]
    overdue: list[data.OverdueOpenCase]
    decisions: list[data.DecisionDue]
    used: list[Indicator] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"关于{self.period.label}综合行政执法工作情况的通报"

    @property
    def empty(self) -> bool:
        """Nothing received, closed or called in the month."""
        return not any(count(self.total, k) for k in ("received", "closed", "calls"))


def bulletin_number(township: str, year: int, serial: int) -> str:
    """青石镇, 2026, 11 → 青石综执通〔2026〕11号 (六角括号, no 第, no leading zeros)."""
    short = re.sub(r"(街道办事处|街道|镇|乡)$", "", township) or township
    return f"{short}综执通〔{year}〕{serial}号"


def gather(db: Database, period: Period, now: datetime) -> Bulletin:
    ref = ReferenceData(db)
    by_unit = figures(db, period, Group.UNIT, now)
    total = by_unit[-1].figures
    before = figures(db, period.previous(), Group.UNIT, now, HEADLINE)[-1].figures
    units = [g for g in by_unit if g.group not in (TOTAL, NO_GROUP)]
    unassigned = [g for g in by_unit if g.group == NO_GROUP]
    y_units = {code for code, d in ref.departments.items() if d.tier == Tier.Y}
    calls = [g for g in units if g.group in y_units and count(g.figures, "calls")]
    weights = data.weights_in_force(db)
    scores = [
        score_unit(
            g.group,
            {k: _pair(g.figures.get(k)) for k in weights},
            weights,
        )
        for g in units
    ]
    ranked = ranking(scores)
    green, red = green_and_red(ranked)
    by_category = figures(db, period, Group.CATEGORY, now, ("received",))[:-1]
    categories = sorted(
        (g for g in by_category if count(g.figures, "received")),
        key=lambda g: (-count(g.figures, "received"), g.group),
    )[:TOP_CATEGORIES]
    used_keys = {*HEADLINE, *UNIT_KEYS, *weights, *CALL_KEYS, DECISION_KEY}
    office = ref.departments[office_unit(ref.departments)].name
    return Bulletin(
        period=period,
        now=now,
        issuer=ref.township.issuer,
        office=office,
        number=bulletin_number(ref.township.name, period.first.year, period.first.month),
        total=total,
        before=before,
        units=units + unassigned,
        calls=calls,
        categories=categories,
        weights=weights,
        ranked=ranked,
        green=green,
        red=red,
        unit_names={g.group: g.name for g in units},
        places=data.top_places(db, period, TOP_PLACES),
        silent=data.silent_grids(db, period),
        overdue=data.overdue_open_cases(db, now),
        decisions=data.decisions_due(db, period, now),
        used=[i for i in INDICATORS if i.key in used_keys],
    )


def count(found: dict[str, Figure], key: str) -> int:
    figure = found.get(key)
    return int(figure.value or 0) if figure else 0


def _pair(figure: Figure | None) -> tuple[float | None, int]:
    return (None, 0) if figure is None else (figure.value, figure.counted)
