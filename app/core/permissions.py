"""Who may do what. Enforced here, in the domain, not only by hiding buttons."""

from __future__ import annotations

from app.core.errors import DomainError
from app.core.model import Role, chinese

REGISTER_CASE = "register_case"
MANAGE_REFERENCE_DATA = "manage_reference_data"
REBUILD = "rebuild"

ACTION_WORDS = {
    REGISTER_CASE: "登记案件",
    MANAGE_REFERENCE_DATA: "维护基础数据",
    REBUILD: "重建数据",
}

ALLOWED: dict[str, frozenset[Role]] = {
    REGISTER_CASE: frozenset(
        {Role.ADMINISTRATOR, Role.CLERK, Role.GRID_WORKER, Role.DEPARTMENT_OFFICER}
    ),
    MANAGE_REFERENCE_DATA: frozenset({Role.ADMINISTRATOR}),
    REBUILD: frozenset({Role.ADMINISTRATOR}),
}


def may(role: Role, action: str) -> bool:
    return role in ALLOWED[action]


def require(role: Role, action: str) -> None:
    if not may(role, action):
        raise DomainError("permission_denied", role=chinese(role), action=ACTION_WORDS[action])
