"""The cases list's columns, and what one cell shows for each Qt role: the words of the
codes, the full names as tooltips, urgent cases in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.core.model import Case, Urgency
from app.store.case_list import ListedCase
from app.store.reference import ReferenceData
from app.ui.common.i18n import word

# (Case attribute, SQL sort column or None when SQL cannot sort by it)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("number", "number"),
    ("received_at", "received_at"),
    ("status", "status"),
    ("lead_unit", "lead_unit"),  # not a Case attribute: ListedCase carries it
    ("category_code", "category_code"),
    ("grid_code", "grid_code"),
    ("source", "source"),
    ("urgency", "urgency"),
    ("address", "address"),
    ("description", None),
    ("first_receiver_unit", "first_receiver_unit"),
)
DESCRIPTION_COLUMN = next(i for i, c in enumerate(COLUMNS) if c[0] == "description")

CaseRole = Qt.ItemDataRole.UserRole  # the Case itself
RawValueRole = Qt.ItemDataRole.UserRole + 1  # the stored value (code, ISO time) of the cell
URGENT_COLOUR = QColor("#c0392b")
# The roles a cell answers; the view asks for seven per cell it paints, so the others are
# refused before the row is looked up (a third of the list's painting time).
ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        CaseRole,
        RawValueRole,
    }
)


def cell_data(ref: ReferenceData, listed: ListedCase, attribute: str, role: int) -> Any:
    """The cell of ``attribute`` (a COLUMNS name) of one listed case, in ``role``."""
    case = listed.case
    if role == CaseRole:
        return case
    if attribute == "lead_unit":
        return _lead_unit(ref, listed.lead_unit, role)
    if role == Qt.ItemDataRole.DisplayRole:
        return _display(ref, case, attribute)
    if role == RawValueRole:
        value = getattr(case, attribute)
        return str(value)
    if role == Qt.ItemDataRole.ToolTipRole:
        if attribute == "description":
            return case.description
        if attribute == "category_code":
            return ref.category_path(case.category_code)
        if attribute == "grid_code":
            grid = ref.grids.get(case.grid_code)
            return f"{grid.code} {grid.name}（{grid.area}）" if grid else case.grid_code
        if attribute == "address":
            return case.address
    if (
        role == Qt.ItemDataRole.ForegroundRole
        and attribute == "urgency"
        and case.urgency == Urgency.URGENT
    ):
        return QBrush(URGENT_COLOUR)
    return None


def _lead_unit(ref: ReferenceData, code: str | None, role: int) -> Any:
    """The lead unit's short name; its full name as the tooltip; empty before triage."""
    if role == Qt.ItemDataRole.DisplayRole:
        return ref.department_name(code) if code else ""
    if role == RawValueRole:
        return code or ""
    if role == Qt.ItemDataRole.ToolTipRole and code:
        department = ref.departments.get(code)
        return department.name if department else code
    return None


def _display(ref: ReferenceData, case: Case, attribute: str) -> str:
    if attribute == "number":
        return case.number
    if attribute == "received_at":
        return case.received_at[:16]  # minutes are enough in a list
    if attribute in ("status", "source", "urgency"):
        return word(getattr(case, attribute))
    if attribute == "category_code":
        return ref.category_name(case.category_code)
    if attribute == "grid_code":
        return ref.grid_name(case.grid_code)
    if attribute == "address":
        return case.address
    if attribute == "description":
        return " ".join(case.description.split())  # one line; the view elides it
    if attribute == "first_receiver_unit":
        return ref.department_name(case.first_receiver_unit)
    return ""
