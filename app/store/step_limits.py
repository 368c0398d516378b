"""A category's own limits for the office's steps (core/step_limits.py): read and set."""

from __future__ import annotations

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.core.step_limits import StepLimits, check_step_limits
from app.store.devices import require_office
from app.store.eventlog import writing


def step_limits(db: Database, code: str) -> StepLimits:
    """The category's own limits; all None where it has none (the defaults hold)."""
    row = db.execute(
        "SELECT triage_days, verify_days, close_days FROM category_step_limits WHERE code = ?",
        [code],
    ).fetchone()
    return StepLimits(*row) if row else StepLimits()


def set_step_limits(
    db: Database, user: User, code: str, limits: StepLimits, *, wall: Wall
) -> StepLimits:
    """Record a category's own limits (the whole set: a limit left None goes back to the
    default); the clocks of its open cases follow at once. Unchanged: nothing is written."""
    require_office(db, user, MANAGE_REFERENCE_DATA)
    known = db.execute("SELECT parent_code FROM categories WHERE code = ?", [code]).fetchone()
    if known is None:
        raise DomainError("category_unknown", value=code)
    if known[0] is None:
        raise DomainError("category_not_leaf", value=code)
    checked = check_step_limits(limits)
    if checked != step_limits(db, code):
        payload = {
            "triage_days": checked.triage_days,
            "verify_days": checked.verify_days,
            "close_days": checked.close_days,
        }
        with writing(db, wall) as writer:
            writer.append(user.id, "category", code, EventType.CATEGORY_STEP_LIMITS_SET, payload)
    return step_limits(db, code)
