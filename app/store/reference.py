"""Read the reference data as domain objects: township, departments, grids, users, categories."""

from __future__ import annotations

from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.model import (
    Category,
    Department,
    Grid,
    ResponseCommitment,
    Role,
    Route,
    Tier,
    Township,
    User,
)


def township(db: Database) -> Township:
    row = db.execute("SELECT name, code, authority, address, duty_phone FROM township").fetchone()
    if row is None:
        raise DomainError(
            "database_not_initialised", value=db.conn.execute("PRAGMA database_list").fetchone()[2]
        )
    return Township(*row)


def departments(db: Database) -> list[Department]:
    rows = db.query(
        "SELECT * FROM departments ORDER BY CASE tier WHEN 'ONE' THEN 0 WHEN 'X' THEN 1 "
        "ELSE 2 END, code"
    )
    return [_department(row) for row in rows]


def _department(row: dict) -> Department:
    response = None
    if row["ack_minutes"] is not None:
        response = ResponseCommitment(row["ack_minutes"], row["arrive_minutes"], row["handle_days"])
    return Department(
        code=row["code"],
        name=row["name"],
        short_name=row["short_name"],
        tier=Tier(row["tier"]),
        duty_phone=row["duty_phone"],
        response=response,
        parent_code=row["parent_code"],
        contact=row["contact"],
        active=bool(row["active"]),
    )


def grids(db: Database) -> list[Grid]:
    return [
        Grid(
            row["code"],
            row["name"],
            row["area"],
            row["worker_id"],
            row["description"],
            bool(row["active"]),
        )
        for row in db.query("SELECT * FROM grids ORDER BY code")
    ]


def categories(db: Database) -> list[Category]:
    """Groups and leaves in tree order (a group, then its leaves)."""
    return [
        Category(
            code=row["code"],
            name=row["name"],
            parent_code=row["parent_code"],
            route=Route(row["route"]) if row["route"] else None,
            department_code=row["department_code"],
            limit_days=row["limit_days"],
            sign_days=row["sign_days"],
            limit_hours=row["limit_hours"],
            matter_code=row["matter_code"],
            active=bool(row["active"]),
        )
        for row in db.query("SELECT * FROM categories ORDER BY code")
    ]


def _user(row: dict) -> User:
    return User(
        id=row["id"],
        username=row["username"],
        name=row["name"],
        role=Role(row["role"]),
        department_code=row["department_code"],
        phone=row["phone"],
        active=bool(row["active"]),
    )


def users(db: Database) -> list[User]:
    return [_user(row) for row in db.query("SELECT * FROM users ORDER BY role, username")]


def user_by_name(db: Database, username: str) -> User:
    rows = list(db.query("SELECT * FROM users WHERE username = ?", [username]))
    if not rows:
        raise DomainError("user_unknown", value=username)
    return _user(rows[0])


def user_by_id(db: Database, user_id: str) -> User | None:
    rows = list(db.query("SELECT * FROM users WHERE id = ?", [user_id]))
    return _user(rows[0]) if rows else None


def must_change_password(db: Database, user_id: str) -> bool:
    """A new or reset password is the administrator's: its owner replaces it at sign-in."""
    row = db.execute("SELECT must_change_password FROM users WHERE id = ?", [user_id]).fetchone()
    return bool(row and row[0])


def password_hash(db: Database, username: str) -> str | None:
    """The user's argon2 hash, or None: no such user, or their password is held by ref
    (app/core/secrets.py) and this device does not hold it (a laptop they may not use)."""
    row = db.execute(
        "SELECT CASE WHEN u.password_ref IS NULL THEN u.password_hash ELSE s.value END "
        "FROM users u LEFT JOIN secrets s ON s.ref = u.password_ref WHERE u.username = ?",
        [username],
    ).fetchone()
    return row[0] if row else None


class ReferenceData:
    """Everything intake and the lists need to turn codes into names, loaded once."""

    def __init__(self, db: Database) -> None:
        self.reload(db)

    def reload(self, db: Database) -> None:
        """Read it all again, in place: everyone holding this object sees the new data."""
        self.township = township(db)
        self.departments = {d.code: d for d in departments(db)}
        self.grids = {g.code: g for g in grids(db)}
        self.categories = {c.code: c for c in categories(db)}
        self.users = {u.id: u for u in users(db)}

    def department_name(self, code: str) -> str:
        department = self.departments.get(code)
        return department.short_name if department else code

    def category_name(self, code: str) -> str:
        category = self.categories.get(code)
        return category.name if category else code

    def category_path(self, code: str) -> str:
        """``市容环境 / 占道经营``"""
        category = self.categories.get(code)
        if category is None:
            return code
        parent = self.categories.get(category.parent_code or "")
        return f"{parent.name} / {category.name}" if parent else category.name

    def grid_name(self, code: str) -> str:
        grid = self.grids.get(code)
        return grid.name if grid else code

    def user_name(self, user_id: str | None) -> str:
        if user_id is None:
            return "系统初始化"
        user = self.users.get(user_id)
        return user.name if user else user_id


def split_from(db: Database) -> dict[str, str]:
    """Each category made by a split (category.split) -> the one it was split from."""
    return dict(db.execute("SELECT code, split_from FROM category_splits").fetchall())
