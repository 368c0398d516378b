"""How the base-data page words a record's fields: tiers and routes with their letters
(1/X/Y, as the workbook and the township say them), limits, commitments, in use or not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from app.core.base_data_sheets import ROUTE_CELLS, TIER_CELLS
from app.core.model import Category, Department, ResponseCommitment, Route, Tier, User
from app.core.time_limits import DEFAULT_HANDLE_DAYS, SIGN_LIMIT_DAYS
from app.ui.common.i18n import route_word, word

INACTIVE = QBrush(QColor("#9aa5b1"))  # a deactivated record: greyed, never gone


def tier_text(tier: Tier) -> str:
    """``X 派驻机构``"""
    return f"{TIER_CELLS[tier]} {word(tier)}"


def route_text(route: Route | None) -> str:
    """``Y 呼叫区直部门``"""
    if route is None:
        return "—"
    return f"{ROUTE_CELLS[route]} {route_word(route.value)}"


def status_text(active: bool) -> str:
    return (
        QCoreApplication.translate("BaseDataWords", "In use")
        if active
        else QCoreApplication.translate("BaseDataWords", "Deactivated")
    )


def response_text(response: ResponseCommitment | None) -> str:
    """A district department's promise when called, in a few words."""
    if response is None:
        return "—"
    return QCoreApplication.translate(
        "BaseDataWords", "{ack} min to respond · {arrive} min on scene · {days} working days"
    ).format(
        ack=response.acknowledge_minutes,
        arrive=response.arrive_minutes,
        days=response.handle_days,
    )


def limit_text(category: Category) -> str:
    """The handling limit: working days, or hours for urgent hazards."""
    if not category.is_leaf:
        return ""
    if category.limit_hours is not None:
        return QCoreApplication.translate("BaseDataWords", "{count} hours").format(
            count=category.limit_hours
        )
    if category.limit_days is not None:
        return QCoreApplication.translate("BaseDataWords", "{count} working days").format(
            count=category.limit_days
        )
    return QCoreApplication.translate("BaseDataWords", "Default ({count} working days)").format(
        count=DEFAULT_HANDLE_DAYS
    )


def sign_text(category: Category) -> str:
    if not category.is_leaf:
        return ""
    if category.sign_days is None:
        return QCoreApplication.translate("BaseDataWords", "Default ({count} working day)").format(
            count=SIGN_LIMIT_DAYS
        )
    if category.sign_days == 0:
        return QCoreApplication.translate("BaseDataWords", "The same working day")
    return QCoreApplication.translate("BaseDataWords", "{count} working days").format(
        count=category.sign_days
    )


def unit_text(department: Department | None, code: str | None) -> str:
    """A unit by its short name and code: ``执法中队（ZFZD）``."""
    if not code:
        return "—"
    if department is None:
        return code
    return f"{department.short_name}（{department.code}）"


def unit_choice(department: Department) -> str:
    """A unit in a picker, with its tier letter: ``执法中队（ZFZD · X）``."""
    return f"{department.short_name}（{department.code} · {TIER_CELLS[department.tier]}）"


def person_text(user: User | None, user_id: str | None) -> str:
    """``刘建华（wgy01）``; a deactivated person says so."""
    if not user_id:
        return "—"
    if user is None:
        return user_id
    text = f"{user.name}（{user.username}）"
    return text if user.active else f"{text} · {status_text(False)}"
