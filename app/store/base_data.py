"""Changes to a township's base data (基础数据): its profile, departments, grids, problem
categories and users. Only the administrator changes them; core/base_data.py checks each
record; each change is one event, so it syncs, is attributable and survives a rebuild.
Nothing is ever deleted: what is no longer used is deactivated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from app.core import base_data as rules
from app.core.auth import hash_password, password_matches
from app.core.case_path.rules import FIELD_KINDS
from app.core.category_split import check_split
from app.core.clock import Wall
from app.core.errors import DomainError, Words
from app.core.events import EventType
from app.core.model import Category, Department, Grid, ResponseCommitment, Tier, Township, User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.store.devices import own_kind, require_office
from app.store.eventlog import EventWriter, new_id, writing
from app.store.reference import (
    categories,
    departments,
    grids,
    password_hash,
    user_by_name,
    users,
)
from app.store.reference import township as read_township
from app.store.secrets import store_password

PASSWORD_WORDS = Words("修改密码", "change a password")


def known(db: Database) -> rules.BaseData:
    """What the township has now, to check a change against."""
    return rules.BaseData(
        departments={d.code: d for d in departments(db)},
        categories={c.code: c for c in categories(db)},
        users={u.id: u for u in users(db)},
        grids={g.code: g for g in grids(db)},
    )


# ------------------------------------------------------------------------------ township


def set_township_profile(db: Database, actor: User, profile: Township, *, wall: Wall) -> Township:
    """The issuing authority printed on documents, the office's address and duty phone."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    with writing(db, wall) as writer:
        write_township_profile(writer, actor.id, profile)
    return read_township(db)


def write_township_profile(writer: EventWriter, actor_id: str | None, profile: Township) -> None:
    payload = {
        "authority": rules.check_name(profile.issuer),
        "address": profile.address.strip(),
        "duty_phone": profile.duty_phone.strip(),
    }
    writer.append(actor_id, "township", "township", EventType.TOWNSHIP_PROFILE_SET, payload)


# --------------------------------------------------------------------------- departments


def department_payload(d: Department) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "code": d.code,
        "name": d.name,
        "short_name": d.short_name,
        "tier": d.tier.value,
        "duty_phone": d.duty_phone,
        "parent_code": d.parent_code,
        "contact": d.contact,
    }
    if d.response is not None:
        payload["response"] = {
            "acknowledge_minutes": d.response.acknowledge_minutes,
            "arrive_minutes": d.response.arrive_minutes,
            "handle_days": d.response.handle_days,
        }
    return payload


def save_department(
    db: Database, actor: User, record: Department, *, new: bool, wall: Wall
) -> Department:
    """Add a department (``new``) or change one; deactivating is a change (active False)."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    base = known(db)
    checked = rules.check_department(record, base, new=new)
    old = base.departments.get(checked.code)
    if checked != old:
        with writing(db, wall) as writer:
            write_department(writer, actor.id, checked, old)
    return checked


def write_department(
    writer: EventWriter, actor_id: str | None, d: Department, old: Department | None
) -> None:
    """The events that make ``old`` (None: a new unit) into ``d``: its record, and for a Y
    department a new response commitment when it differs (a setting of its own)."""
    if old is None:
        if d.tier == Tier.Y and d.response is None:
            d = replace(d, response=ResponseCommitment())
        payload = department_payload(d)
        writer.append(actor_id, "department", d.code, EventType.DEPARTMENT_ADDED, payload)
        if d.active:
            return
    elif d.tier == Tier.Y and d.response is not None and d.response != old.response:
        commitment = department_payload(d)["response"]
        writer.append(actor_id, "department", d.code, EventType.DEPARTMENT_RESPONSE_SET, commitment)
    fields = ("name", "short_name", "parent_code", "duty_phone", "contact")
    payload = {k: department_payload(d)[k] for k in fields} | {"active": d.active}
    if (
        old is None
        or {k: department_payload(old)[k] for k in fields} | {"active": old.active} != payload
    ):
        writer.append(actor_id, "department", d.code, EventType.DEPARTMENT_SET, payload)


# -------------------------------------------------------------------------------- grids


def save_grid(db: Database, actor: User, record: Grid, *, new: bool, wall: Wall) -> Grid:
    return _save_coded(db, actor, record, new, wall, rules.check_grid, "grids", write_grid)


def write_grid(writer: EventWriter, actor_id: str | None, g: Grid, *, new: bool) -> None:
    payload = {
        "name": g.name,
        "area": g.area,
        "description": g.description,
        "worker_id": g.worker_id,
    }
    kinds = (EventType.GRID_ADDED, EventType.GRID_SET)
    _write_coded(writer, actor_id, "grid", g.code, {}, payload, g.active, kinds, new=new)


# --------------------------------------------------------------------------- categories


def save_category(
    db: Database, actor: User, record: Category, *, new: bool, wall: Wall
) -> Category:
    """A group (no parent) or a leaf with its default route, unit and limits. A change of
    limits moves the clocks of the category's open cases."""
    check, write = rules.check_category, write_category
    return _save_coded(db, actor, record, new, wall, check, "categories", write)


def write_category(writer: EventWriter, actor_id: str | None, c: Category, *, new: bool) -> None:
    payload = {
        "name": c.name,
        "route": c.route.value if c.route else None,
        "department_code": c.department_code,
        "limit_days": c.limit_days,
        "limit_hours": c.limit_hours,
        "sign_days": c.sign_days,
        "matter_code": c.matter_code,
    }
    kinds = (EventType.CATEGORY_ADDED, EventType.CATEGORY_SET)
    fixed = {"parent_code": c.parent_code}  # a category stays in its group
    _write_coded(writer, actor_id, "category", c.code, fixed, payload, c.active, kinds, new=new)


def _save_coded(
    db: Database, actor: User, record: Any, new: bool, wall: Wall, check: Any, table: str,
    write: Any,
) -> Any:  # fmt: skip
    """Check a grid or category against the township and write it; unchanged: nothing."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    base = known(db)
    checked = check(record, base, new=new)
    if checked != getattr(base, table).get(checked.code):
        with writing(db, wall) as writer:
            write(writer, actor.id, checked, new=new)
    return checked


def _write_coded(
    writer: EventWriter, actor_id: str | None, entity: str, code: str, fixed: dict[str, Any],
    payload: dict[str, Any], active: bool, kinds: tuple[EventType, EventType], *, new: bool,
) -> None:  # fmt: skip
    """A new record's ``added`` event (its code and what never changes, then the rest), and
    the ``set`` event of a changed one (or of a new one added as deactivated)."""
    added, changed = kinds
    if new:
        writer.append(actor_id, entity, code, added, {"code": code, **fixed, **payload})
        if active:
            return
    writer.append(actor_id, entity, code, changed, {**payload, "active": active})


# -------------------------------------------------------------------------------- users


def save_user(
    db: Database, actor: User, record: User, *, new: bool, wall: Wall, password: str = ""
) -> User:
    """Add a user with a first password, or change one (found by ``record.username``);
    a ``password`` given for a known user resets it. Either password is the
    administrator's: the user replaces it at the next sign-in. One transaction."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    base = known(db)
    old = None if new else user_by_name(db, record.username)
    record = replace(record, id=old.id if old else new_id())
    hashed = hash_password(password) if new or password else ""  # a short one: refused now
    checked = rules.check_user(record, base, new=new)
    with writing(db, wall) as writer:
        if old is None:
            write_new_user(writer, actor.id, checked, hashed, must_change=True)
        elif checked != old:
            write_user(writer, actor.id, checked)
        if old is not None and hashed:
            payload = {**store_password(writer.db, hashed), "must_change_password": True}
            writer.append(actor.id, "user", checked.id, EventType.USER_PASSWORD_SET, payload)
    return checked


def write_new_user(
    writer: EventWriter, actor_id: str | None, u: User, hashed: str, *, must_change: bool
) -> None:
    payload = {
        "username": u.username,
        "name": u.name,
        "role": u.role.value,
        "department_code": u.department_code,
        "phone": u.phone,
        **store_password(writer.db, hashed),
        "must_change_password": must_change,
    }
    writer.append(actor_id, "user", u.id, EventType.USER_ADDED, payload)
    if not u.active:
        write_user(writer, actor_id, u)


def write_user(writer: EventWriter, actor_id: str | None, u: User) -> None:
    payload = {
        "name": u.name,
        "role": u.role.value,
        "department_code": u.department_code,
        "phone": u.phone,
        "active": u.active,
    }
    writer.append(actor_id, "user", u.id, EventType.USER_SET, payload)


def reset_password(db: Database, actor: User, username: str, password: str, *, wall: Wall) -> User:
    """The administrator gives a user a new password, which the user must change at the
    next sign-in."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    user = user_by_name(db, username)
    hashed = hash_password(password)
    with writing(db, wall) as writer:
        payload = {**store_password(writer.db, hashed), "must_change_password": True}
        writer.append(actor.id, "user", user.id, EventType.USER_PASSWORD_SET, payload)
    return user


def change_own_password(db: Database, user: User, old: str, new: str, *, wall: Wall) -> None:
    """A signed-in user replaces their password, proving it with the current one. On the
    office PC only: the office believes no user record from a field laptop."""
    kind = own_kind(db)
    if kind in FIELD_KINDS:
        raise DomainError("field_device_cannot", device=FIELD_KINDS[kind], action=PASSWORD_WORDS)
    stored = password_hash(db, user.username)
    if stored is None or not password_matches(stored, old):
        raise DomainError("password_old_wrong")
    if old == new:
        raise DomainError("password_unchanged")
    hashed = hash_password(new)
    with writing(db, wall) as writer:
        payload = {**store_password(writer.db, hashed), "must_change_password": False}
        writer.append(user.id, "user", user.id, EventType.USER_PASSWORD_SET, payload)


def split_category(
    db: Database, actor: User, code: str, into: Sequence[tuple[str, str]], *, wall: Wall
) -> list[Category]:
    """Split a leaf into narrower ones (core/category_split.py): one category.split event;
    returns the new categories."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    old, narrower = check_split(code, into, known(db).categories)
    payload = {
        "into": [
            {
                "code": c.code,
                "name": c.name,
                "parent_code": c.parent_code,
                "route": c.route.value if c.route else None,
                "department_code": c.department_code,
                "limit_days": c.limit_days,
                "limit_hours": c.limit_hours,
                "sign_days": c.sign_days,
                "matter_code": c.matter_code,
            }
            for c in narrower
        ]
    }
    with writing(db, wall) as writer:
        writer.append(actor.id, "category", old.code, EventType.CATEGORY_SPLIT, payload)
    return narrower
