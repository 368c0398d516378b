"""Bring a whole set of base data into the township at once: a filled-in workbook, or the
standard starting set shipped in resources/setup/. All or nothing: every row is checked
against the township as the rows planned before it leave it (units, then categories,
users and grids, then the units the workbook deactivates); one problem anywhere and
nothing is written, and every problem is reported with its sheet and row. A row the
township already has unchanged writes nothing, so importing the same workbook twice, or
a workbook exported from another township, just works."""

from __future__ import annotations

import json
import secrets
import string
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from app.core import base_data as rules
from app.core.auth import hash_password
from app.core.base_data_sheets import (
    CATEGORIES,
    DEPARTMENTS,
    BaseDataSet,
    GridEntry,
    Row,
    SheetProblem,
    UserEntry,
)
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.model import Category, Department, Grid, ResponseCommitment, Route, Tier, User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.paths import resource
from app.store.base_data import (
    known,
    write_category,
    write_department,
    write_grid,
    write_new_user,
    write_user,
)
from app.store.devices import require_office
from app.store.eventlog import new_id, writing

# first passwords are read out or printed: no 0/O, 1/l/I to misread
PASSWORD_LETTERS = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
PASSWORD_LENGTH = 10
TIER_ORDER = {Tier.Y: 0, Tier.ONE: 1, Tier.X: 2}  # a stationed unit names its Y parent


class BaseDataRefused(DomainError):
    """Nothing was imported; ``problems`` says what to fix, row by row."""

    def __init__(self, problems: list[SheetProblem]) -> None:
        super().__init__("base_data_refused", found=len(problems))
        self.problems = problems


@dataclass
class Imported:
    added: dict[str, int] = field(default_factory=dict)  # sheet -> records added
    changed: dict[str, int] = field(default_factory=dict)  # sheet -> records changed
    passwords: dict[str, str] = field(default_factory=dict)  # new user -> first password


@dataclass
class _Plan:
    """What would be written, in order, once every row has passed."""

    known: rules.BaseData
    adds_only: bool
    writes: list[tuple[str, Any, Any]] = field(default_factory=list)  # kind, record, old
    seen: dict[tuple[str, str], int] = field(default_factory=dict)  # (sheet, key) -> row
    problems: list[SheetProblem] = field(default_factory=list)
    result: Imported = field(default_factory=Imported)

    def first_time(self, row: Row[Any], key: str) -> bool:
        """A key written twice in one sheet is a problem of the second row."""
        first = self.seen.setdefault((row.sheet, key), row.number)
        if first != row.number:
            error = DomainError("base_data_row_twice", value=key, found=first)
            self.problems.append(SheetProblem(row.sheet, row.number, error))
        return first == row.number

    def keeps(self, old: object) -> bool:
        """Whether a record the township has stays as it is (a starting set's row)."""
        return old is not None and self.adds_only

    def count(self, sheet: str, new: bool) -> None:
        tally = self.result.added if new else self.result.changed
        tally[sheet] = tally.get(sheet, 0) + 1


def import_base_data(db: Database, actor: User, dataset: BaseDataSet, *, wall: Wall) -> Imported:
    """Check every row, then write them all in one transaction, or raise BaseDataRefused."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    plan = _Plan(_copy(known(db)), dataset.adds_only)
    # units first (a district department before the units it oversees), then what names
    # them; a unit the workbook deactivates last, once its people and categories have moved
    units = sorted(dataset.departments, key=lambda r: TIER_ORDER[r.record.tier])
    for row in (r for r in units if r.record.active):
        _plan_department(plan, row)
    for row in sorted(dataset.categories, key=lambda r: r.record.parent_code is not None):
        _plan_category(plan, row)
    for user_row in dataset.users:
        _plan_user(plan, user_row)
    for grid_row in dataset.grids:
        _plan_grid(plan, grid_row)
    for row in (r for r in units if not r.record.active):
        _plan_department(plan, row)
    if plan.problems:
        raise BaseDataRefused(plan.problems)
    with writing(db, wall) as writer:
        for kind, record, old in plan.writes:
            if kind == DEPARTMENTS:
                write_department(writer, actor.id, record, old)
            elif kind == CATEGORIES:
                write_category(writer, actor.id, record, new=old is None)
            elif kind == "user":
                write_user(writer, actor.id, record)
            elif kind == "new user":
                user, hashed = record
                write_new_user(writer, actor.id, user, hashed, must_change=True)
            else:
                write_grid(writer, actor.id, record, new=old is None)
    return plan.result


def _copy(base: rules.BaseData) -> rules.BaseData:
    return rules.BaseData(
        dict(base.departments), dict(base.categories), dict(base.users), dict(base.grids)
    )


def _attempt(plan: _Plan, row: Row[Any], check: Any) -> Any:
    try:
        return check()
    except DomainError as error:
        plan.problems.append(SheetProblem(row.sheet, row.number, error))
        return None


def _plan_keyed(plan: _Plan, row: Row[Any], records: dict[str, Any], kind: str, check: Any) -> None:
    """A record keyed by its code: checked (``check(old)``) and planned when it is new or
    differs from what the township has."""
    code = row.record.code.strip().upper()
    old = records.get(code)
    if not plan.first_time(row, code) or plan.keeps(old):
        return
    checked = _attempt(plan, row, lambda: check(old))
    if checked is None or checked == old:
        return
    records[checked.code] = checked
    plan.writes.append((kind, checked, old))
    plan.count(row.sheet, old is None)


def _plan_department(plan: _Plan, row: Row[Department]) -> None:
    def check(old: Department | None) -> Department:
        record = row.record
        if old is not None and record.response is None:  # set on its own (towndesk response)
            record = replace(record, response=old.response)
        return rules.check_department(record, plan.known, new=old is None)

    _plan_keyed(plan, row, plan.known.departments, DEPARTMENTS, check)  # type: ignore[arg-type]


def _plan_category(plan: _Plan, row: Row[Category]) -> None:
    def check(old: Category | None) -> Category:
        return rules.check_category(row.record, plan.known, new=old is None)

    _plan_keyed(plan, row, plan.known.categories, CATEGORIES, check)  # type: ignore[arg-type]


def _plan_user(plan: _Plan, row: Row[UserEntry]) -> None:
    entry = row.record
    username = entry.user.username.strip()
    if not plan.first_time(row, username):
        return
    old = next((u for u in plan.known.users.values() if u.username == username), None)
    record = replace(entry.user, id=old.id if old else new_id())
    made = "" if old or entry.password else _first_password()

    def check() -> tuple[User, str]:
        checked = rules.check_user(record, plan.known, new=old is None)
        return checked, "" if old else hash_password(entry.password or made)

    outcome = _attempt(plan, row, check)
    if outcome is None or outcome[0] == old:
        return
    checked, hashed = outcome
    plan.known.users[checked.id] = checked  # type: ignore[index]
    if old is None:
        if made:
            plan.result.passwords[checked.username] = made
        plan.writes.append(("new user", (checked, hashed), None))
    else:
        plan.writes.append(("user", checked, old))
    plan.count(row.sheet, old is None)


def _plan_grid(plan: _Plan, row: Row[GridEntry]) -> None:
    entry = row.record
    worker = next(
        (u.id for u in plan.known.users.values() if u.username == entry.worker.strip()), None
    )
    if entry.worker.strip() and worker is None:
        plan.problems.append(
            SheetProblem(row.sheet, row.number, DomainError("user_unknown", value=entry.worker))
        )
        return
    grid = replace(entry.grid, worker_id=worker)

    def check(old: Grid | None) -> Grid:
        return rules.check_grid(grid, plan.known, new=old is None)

    grid_row = Row(row.sheet, row.number, grid)
    _plan_keyed(plan, grid_row, plan.known.grids, "grid", check)  # type: ignore[arg-type]


def _first_password() -> str:
    return "".join(secrets.choice(PASSWORD_LETTERS) for _ in range(PASSWORD_LENGTH))


# --- the standard starting set -------------------------------------------------------------


def standard_set() -> BaseDataSet:
    """The departments and categories shipped in resources/setup/standard.json, named by
    role ("派出所", "应急管理局") for the township to rename."""
    data = json.loads(resource("setup", "standard.json").read_text(encoding="utf-8"))
    dataset = BaseDataSet(adds_only=True)
    for number, item in enumerate(data["departments"], start=1):
        dataset.departments.append(Row(DEPARTMENTS, number, _standard_department(item)))
    number = 0
    for group in data["categories"]:
        number += 1
        group_row = Category(group["code"], group["name"], None)
        dataset.categories.append(Row(CATEGORIES, number, group_row))
        for leaf in group["children"]:
            number += 1
            dataset.categories.append(Row(CATEGORIES, number, _standard_category(leaf, group)))
    return dataset


def _standard_department(item: dict[str, Any]) -> Department:
    response = item.get("response")
    return Department(
        code=item["code"],
        name=item["name"],
        short_name=item.get("short", ""),
        tier=Tier(item["tier"]),
        duty_phone=item.get("duty_phone", ""),
        response=ResponseCommitment(
            response["ack_minutes"], response["arrive_minutes"], response["handle_days"]
        )
        if response
        else None,
        parent_code=item.get("parent"),
        contact=item.get("contact", ""),
    )


def _standard_category(leaf: dict[str, Any], group: dict[str, Any]) -> Category:
    return Category(
        code=leaf["code"],
        name=leaf["name"],
        parent_code=group["code"],
        route=Route(leaf["route"]),
        department_code=leaf["unit"],
        limit_days=leaf.get("limit_days"),
        sign_days=leaf.get("sign_days"),
        limit_hours=leaf.get("limit_hours"),
    )
