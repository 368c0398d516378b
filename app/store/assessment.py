"""The assessment's weights (考核权重): set by the administrator as an event, read by the
statistics page and the bulletin; and the month's scores from the figures."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlite_utils import Database

from app.core.assessment import DEFAULT_WEIGHTS, Score, check_weights, ranking, score_unit
from app.core.clock import Wall
from app.core.events import EventType
from app.core.indicators import Group
from app.core.model import User
from app.core.periods import Period
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.store.devices import require_office
from app.store.eventlog import writing
from app.store.statistics import NO_GROUP, TOTAL, figures


def assessment_weights(db: Database) -> dict[str, int]:
    """The weights as last set; the defaults until the administrator sets them."""
    rows = db.conn.execute("SELECT indicator, weight FROM assessment_weights").fetchall()
    return dict(rows) if rows else dict(DEFAULT_WEIGHTS)


def set_assessment_weights(
    db: Database, user: User, weights: Mapping[str, int], *, wall: Wall
) -> dict[str, int]:
    """Record new weights (the whole set; indicators left out weigh nothing)."""
    require_office(db, user, MANAGE_REFERENCE_DATA)
    checked = check_weights(weights)
    with writing(db, wall) as writer:
        writer.append(
            user.id, "assessment", "weights", EventType.ASSESSMENT_WEIGHTS_SET, {"weights": checked}
        )
    return assessment_weights(db)


def unit_scores(db: Database, period: Period, now: datetime) -> list[Score]:
    """Every unit with work in the period, scored and ranked (best first)."""
    weights = assessment_weights(db)
    rows = figures(db, period, Group.UNIT, now, keys=tuple(weights))
    return ranking(
        [
            score_unit(
                row.group,
                {k: (f.value, f.counted) for k, f in row.figures.items()},
                weights,
            )
            for row in rows
            if row.group not in (TOTAL, NO_GROUP)
        ]
    )
