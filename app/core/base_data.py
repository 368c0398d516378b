"""The rules of a township's base data (基础数据): its departments (1+X+Y), grids, problem
categories and users. Each check takes the record as the administrator typed it and what
the township already has, and raises a DomainError naming the field when it is wrong.
The store writes what passes as an event; the window and the CLI only ask."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from app.core.errors import DomainError, Words
from app.core.model import Category, Department, Grid, ResponseCommitment, Role, Route, Tier, User

Known = TypeVar("Known", Department, Category, Grid)
CODE_LIMIT = 8
LIMIT_DAYS = (1, 60)  # a handling limit in working days
LIMIT_HOURS = (1, 72)  # for urgent hazards: hours on the clock
SIGN_DAYS = (0, 10)  # 0: the same working day
# which tier of unit leads each route: the office itself, a stationed unit, a district one
ROUTE_TIER = {Route.SELF: Tier.ONE, Route.DISPATCH_X: Tier.X, Route.CALL_Y: Tier.Y}


def check_code(code: str, limit: int = CODE_LIMIT) -> str:
    code = code.strip().upper()
    if not code or len(code) > limit or not code.isascii() or not code.isalnum():
        raise DomainError("code_invalid", value=code, limit=limit)
    return code


def check_name(name: str) -> str:
    if not name.strip():
        raise DomainError("name_empty")
    return name.strip()


DAYS_WORDS = Words("办理时限（工作日）", "The handling limit (working days)")
HOURS_WORDS = Words("办理时限（小时）", "The handling limit (hours)")
SIGN_WORDS = Words("签收时限（工作日）", "The sign-for limit (working days)")


def _in_range(value: int | None, bounds: tuple[int, int], field: Words) -> None:
    if value is not None and not bounds[0] <= value <= bounds[1]:
        raise DomainError("limit_out_of_range", value=field, found=bounds[0], limit=bounds[1])


@dataclass(frozen=True)
class BaseData:
    """What the township knows of its own units and people, to check a record against."""

    departments: Mapping[str, Department]
    categories: Mapping[str, Category]
    users: Mapping[str, User]  # by id
    grids: Mapping[str, Grid]


def _existing(records: Mapping[str, Known], code: str, kind: str, *, new: bool) -> Known | None:
    """The record ``code`` names, refused when it exists and is to be added, or does not
    and is to be changed (codes ``<kind>_exists``, ``<kind>_unknown``)."""
    old = records.get(code)
    if new and old is not None:
        raise DomainError(f"{kind}_exists", value=code)
    if not new and old is None:
        raise DomainError(f"{kind}_unknown", value=code)
    return old


def check_department(record: Department, known: BaseData, *, new: bool) -> Department:
    code = check_code(record.code)
    old = _existing(known.departments, code, "department", new=new)
    if old is not None and old.tier != record.tier:
        raise DomainError("department_tier_fixed", value=code)
    if (
        old is None
        and record.tier == Tier.ONE
        and any(d.tier == Tier.ONE for d in known.departments.values())
    ):
        raise DomainError("office_exists", value=code)  # the office is the one unit of tier 1
    if record.response is not None:
        check_response(record.response)
    name = check_name(record.name)
    parent = (record.parent_code or "").strip().upper() or None
    if parent is not None:
        if record.tier != Tier.X:
            raise DomainError("department_parent_only_x", value=code)
        above = known.departments.get(parent)
        if above is None or above.tier != Tier.Y or not above.active:
            raise DomainError("department_parent_invalid", value=parent)
    if not record.active:
        _check_may_deactivate(code, record.tier, known)
    return Department(
        code=code,
        name=name,
        short_name=record.short_name.strip() or name,
        tier=Tier(record.tier),
        duty_phone=record.duty_phone.strip(),
        response=record.response,
        parent_code=parent,
        contact=record.contact.strip(),
        active=record.active,
    )


def check_response(commitment: ResponseCommitment) -> ResponseCommitment:
    """What a Y department promises when called: whole minutes and working days, 1-10,000."""
    values = (commitment.acknowledge_minutes, commitment.arrive_minutes, commitment.handle_days)
    if not all(isinstance(v, int) and 0 < v <= 10_000 for v in values):
        raise DomainError("response_invalid")
    return commitment


def _check_may_deactivate(code: str, tier: Tier, known: BaseData) -> None:
    if tier == Tier.ONE:
        raise DomainError("office_stays_active", value=code)
    children = [d for d in known.departments.values() if d.active and d.parent_code == code]
    if children:
        raise DomainError("department_has_units", value=code, found=len(children))
    people = [u for u in known.users.values() if u.active and u.department_code == code]
    if people:
        raise DomainError("department_has_users", value=code, found=len(people))
    led = [c for c in known.categories.values() if c.active and c.department_code == code]
    if led:
        raise DomainError("department_leads_categories", value=code, found=len(led))


def check_category(record: Category, known: BaseData, *, new: bool) -> Category:
    code = check_code(record.code)
    old = _existing(known.categories, code, "category", new=new)
    parent = (record.parent_code or "").strip().upper() or None
    if old is not None and old.parent_code != parent:
        raise DomainError("category_parent_fixed", value=code)
    name = check_name(record.name)
    if parent is None:  # a group: it only gathers leaves
        return Category(code, name, None, active=record.active)
    group = known.categories.get(parent)
    if group is None or group.parent_code is not None:
        raise DomainError("category_group_invalid", value=parent)
    if record.route is None:
        raise DomainError("category_route_missing", value=code)
    unit = (record.department_code or "").strip().upper()
    department = known.departments.get(unit)
    if department is None or not department.active:
        raise DomainError("department_unknown", value=unit or "—")
    if department.tier != ROUTE_TIER[Route(record.route)]:
        raise DomainError("category_unit_wrong_tier", value=unit, found=code)
    if record.limit_days is not None and record.limit_hours is not None:
        raise DomainError("category_two_limits", value=code)
    _in_range(record.limit_days, LIMIT_DAYS, DAYS_WORDS)
    _in_range(record.limit_hours, LIMIT_HOURS, HOURS_WORDS)
    _in_range(record.sign_days, SIGN_DAYS, SIGN_WORDS)
    return Category(
        code,
        name,
        parent,
        Route(record.route),
        unit,
        record.limit_days,
        record.sign_days,
        record.limit_hours,
        (record.matter_code or "").strip() or None,
        record.active,
    )


def check_grid(record: Grid, known: BaseData, *, new: bool) -> Grid:
    code = check_code(record.code)
    old = _existing(known.grids, code, "grid", new=new)
    if not record.area.strip():
        raise DomainError("grid_village_missing", value=code)
    worker = known.users.get(record.worker_id or "")
    unchanged = old is not None and old.worker_id == record.worker_id
    fit = worker is not None and worker.role == Role.GRID_WORKER and worker.active
    if record.worker_id and not unchanged and not fit:
        name = worker.username if worker else record.worker_id
        raise DomainError("grid_worker_invalid", value=name)
    return Grid(
        code,
        check_name(record.name),
        record.area.strip(),
        record.worker_id or None,
        record.description.strip(),
        record.active,
    )


def check_user(record: User, known: BaseData, *, new: bool) -> User:
    """``record.id``: the user's id when changed; ignored when new."""
    username = check_name(record.username)
    same_name = [u for u in known.users.values() if u.username == username]
    if new and same_name:
        raise DomainError("user_exists", value=username)
    if not new and record.id not in known.users:
        raise DomainError("user_unknown", value=username)
    unit = record.department_code.strip().upper()
    department = known.departments.get(unit)
    if department is None or not department.active:
        raise DomainError("department_unknown", value=unit or "—")
    role = Role(record.role)
    if (role == Role.DEPARTMENT_OFFICER) != (department.tier != Tier.ONE):
        raise DomainError("user_role_unit_mismatch", value=username, unit=department.short_name)
    if not new:
        _check_an_administrator_remains(record.id, role, record.active, known)
        patrols = [g for g in known.grids.values() if g.active and g.worker_id == record.id]
        if patrols and (role != Role.GRID_WORKER or not record.active):
            raise DomainError("user_has_grids", value=username, found=len(patrols))
    return User(
        record.id, username, check_name(record.name), role, unit, record.phone.strip(),
        record.active,
    )  # fmt: skip


def _check_an_administrator_remains(
    user_id: str, role: Role, active: bool, known: BaseData
) -> None:
    others = [
        u
        for u in known.users.values()
        if u.id != user_id and u.active and u.role == Role.ADMINISTRATOR
    ]
    if not others and not (active and role == Role.ADMINISTRATOR):
        raise DomainError("last_administrator")
