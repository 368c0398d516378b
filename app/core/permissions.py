"""Who may do what. Enforced here, in the domain, not only by hiding buttons."""

from __future__ import annotations

from app.core.errors import DomainError, Words
from app.core.model import Role, chinese

REGISTER_CASE = "register_case"
MANAGE_REFERENCE_DATA = "manage_reference_data"
REBUILD = "rebuild"
RESOLVE_CONFLICT = "resolve_conflict"
COORDINATE = "coordinate"  # duty disputes and joint meetings

ACTION_WORDS = {
    REGISTER_CASE: Words("登记案件", "register cases"),
    MANAGE_REFERENCE_DATA: Words("维护基础数据", "manage reference data"),
    REBUILD: Words("重建数据", "rebuild the data"),
    RESOLVE_CONFLICT: Words("处理同步冲突", "resolve sync conflicts"),
    COORDINATE: Words("处理职责争议和联席会议", "handle duty disputes and joint meetings"),
}
ROLE_WORDS = {
    Role.ADMINISTRATOR: "administrator",
    Role.CLERK: "clerk",
    Role.GRID_WORKER: "grid worker",
    Role.DEPARTMENT_OFFICER: "department officer",
    Role.SUPERVISOR: "supervisor",
    Role.LEADER: "leader",
}

ALLOWED: dict[str, frozenset[Role]] = {
    REGISTER_CASE: frozenset(
        {Role.ADMINISTRATOR, Role.CLERK, Role.GRID_WORKER, Role.DEPARTMENT_OFFICER}
    ),
    MANAGE_REFERENCE_DATA: frozenset({Role.ADMINISTRATOR}),
    REBUILD: frozenset({Role.ADMINISTRATOR}),
    RESOLVE_CONFLICT: frozenset({Role.ADMINISTRATOR, Role.CLERK, Role.LEADER}),
    COORDINATE: frozenset({Role.ADMINISTRATOR, Role.CLERK, Role.LEADER}),
}


def may(role: Role, action: str) -> bool:
    return role in ALLOWED[action]


def require(role: Role, action: str) -> None:
    if not may(role, action):
        role_words = Words(chinese(role), ROLE_WORDS[role])
        raise DomainError("permission_denied", role=role_words, action=ACTION_WORDS[action])
