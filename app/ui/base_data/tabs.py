"""The four tabs of the base-data page: departments (1+X+Y), grids, problem categories (a
tree of groups and leaves) and users (with a password reset)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from sqlite_utils import Database

from app.core.model import Category, Department, Grid, User
from app.store.base_data import save_category, save_department, save_grid, save_user
from app.store.reference import categories, departments, grids, must_change_password, users
from app.ui.base_data.categories import CategoryDialog
from app.ui.base_data.parts import ActiveDialog
from app.ui.base_data.people import ResetPasswordDialog, UserDialog
from app.ui.base_data.record_tab import RecordTab
from app.ui.base_data.split import SplitDialog
from app.ui.base_data.units import DepartmentDialog, GridDialog
from app.ui.base_data.words import (
    limit_text,
    person_text,
    response_text,
    route_text,
    sign_text,
    tier_text,
    unit_text,
)
from app.ui.common.i18n import word


class DepartmentsTab(RecordTab):
    name = "departmentList"
    widths = (118, 64, 104, 236, 112, 112, 76, 250, 60)
    stretch = 3

    def column_titles(self) -> list[str]:
        return [
            self.tr("Tier"), self.tr("Code"), self.tr("Short name"), self.tr("Full name"),
            self.tr("Parent department"), self.tr("Duty phone"), self.tr("Contact"),
            self.tr("Response commitment (Y)"), self.tr("Status"),
        ]  # fmt: skip

    def read(self, db: Database) -> list[Department]:
        found = departments(db)
        self.by_code = {d.code: d for d in found}
        return found

    def cells(self, d: Department) -> list[str]:
        parent = unit_text(self.by_code.get(d.parent_code or ""), d.parent_code)
        return [
            tier_text(d.tier), d.code, d.short_name, d.name, parent, d.duty_phone or "—",
            d.contact or "—", response_text(d.response) if d.response else "",
        ]  # fmt: skip

    def label(self, d: Department) -> str:
        return d.short_name

    def editor(self, record: Department | None) -> QDialog:
        return DepartmentDialog(self.session, record, self)

    def activity(self, d: Department) -> ActiveDialog:
        question, ok = self.activity_texts(d, f"{d.short_name}（{d.code}）")
        text = (
            self.tr(
                "A deactivated department is no longer offered for dispatch, calls or new "
                "users. Its cases and records stay as they are; it can be reactivated later."
            )
            if d.active
            else self.tr("The department is offered for dispatch, calls and new users again.")
        )
        user, wall, record = (
            self.session.user,
            self.session.clock.wall,
            replace(d, active=not d.active),
        )
        return ActiveDialog(
            self.session, question, text, ok,
            lambda db: save_department(db, user, record, new=False, wall=wall), self,
        )  # fmt: skip


class GridsTab(RecordTab):
    name = "gridList"
    widths = (64, 170, 130, 320, 170, 60)
    stretch = 3

    def column_titles(self) -> list[str]:
        return [
            self.tr("Code"), self.tr("Name"), self.tr("Village or community"),
            self.tr("Area covered"), self.tr("Grid worker"), self.tr("Status"),
        ]  # fmt: skip

    def read(self, db: Database) -> list[Grid]:
        self.people = {u.id: u for u in users(db)}
        return grids(db)

    def cells(self, g: Grid) -> list[str]:
        worker = person_text(self.people.get(g.worker_id or ""), g.worker_id)
        return [g.code, g.name, g.area, g.description or "—", worker]

    def editor(self, record: Grid | None) -> QDialog:
        return GridDialog(self.session, record, self)

    def activity(self, g: Grid) -> ActiveDialog:
        question, ok = self.activity_texts(g, f"{g.name}（{g.code}）")
        text = (
            self.tr(
                "A deactivated grid is no longer offered when a case is registered. Its "
                "cases stay as they are; it can be reactivated later."
            )
            if g.active
            else self.tr("The grid is offered again when a case is registered.")
        )
        user, wall, record = (
            self.session.user,
            self.session.clock.wall,
            replace(g, active=not g.active),
        )
        return ActiveDialog(
            self.session, question, text, ok,
            lambda db: save_grid(db, user, record, new=False, wall=wall), self,
        )  # fmt: skip


class CategoriesTab(RecordTab):
    """Groups, each with its leaves below it."""

    name = "categoryList"
    widths = (230, 70, 170, 150, 150, 150, 110, 60)
    stretch = 6

    def column_titles(self) -> list[str]:
        return [
            self.tr("Name"), self.tr("Code"), self.tr("Default route"), self.tr("Default unit"),
            self.tr("Handling limit"), self.tr("Sign-for limit"), self.tr("Power-list matter"),
            self.tr("Status"),
        ]  # fmt: skip

    def extra_buttons_before(self) -> list[QWidget]:
        self.add_group_button = self.button(self.tr("Add group…"), self.add_group)
        self.split_button = self.button(self.tr("Split…"), self.split)
        self.split_button.setToolTip(self.tr("Split the selected category into narrower ones"))
        return [self.add_group_button, self.split_button]

    def read(self, db: Database) -> list[Category]:
        self.units = {d.code: d for d in departments(db)}
        return categories(db)

    def cells(self, c: Category) -> list[str]:
        unit = unit_text(self.units.get(c.department_code or ""), c.department_code)
        if not c.is_leaf:
            return [c.name, c.code, "", "", "", "", ""]
        return [
            c.name, c.code, route_text(c.route), unit, limit_text(c), sign_text(c),
            c.matter_code or "—",
        ]  # fmt: skip

    def fill(self, records: list[Category]) -> None:
        self.tree.setRootIsDecorated(True)
        leaves: dict[str, list[Category]] = {}
        for c in records:
            if c.is_leaf and (c.active or self.show_inactive):
                leaves.setdefault(c.parent_code or "", []).append(c)
        for group in (c for c in records if not c.is_leaf):
            below = leaves.get(group.code, [])
            if not (group.active or self.show_inactive or below):
                continue
            item = self.item(group)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.addChildren([self.item(leaf) for leaf in below])
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)

    def update_buttons(self) -> None:
        super().update_buttons()
        record = self.current()
        self.add_button.setText(self.tr("Add category…"))
        if self.editable:
            self.add_button.setEnabled(record is not None)
            self.add_button.setToolTip(
                "" if record is not None else self.tr("Select the group to add a category to.")
            )
            self.split_button.setEnabled(record is not None and record.is_leaf and record.active)

    def add(self) -> QDialog | None:
        record = self.current()
        if not self.editable or record is None:
            return None
        group = record.parent_code if record.is_leaf else record.code
        return self._open(CategoryDialog(self.session, None, group, self))

    def split(self) -> QDialog | None:
        record = self.current()
        if not self.editable or record is None or not record.is_leaf:
            return None
        return self._open(SplitDialog(self.session, record, self))

    def add_group(self) -> QDialog | None:
        return self._open(CategoryDialog(self.session, None, None, self)) if self.editable else None

    def editor(self, record: Category | None) -> QDialog:
        return CategoryDialog(self.session, record, None, self)

    def activity(self, c: Category) -> ActiveDialog:
        question, ok = self.activity_texts(c, f"{c.name}（{c.code}）")
        text = (
            self.tr(
                "A deactivated category is no longer offered when a case is registered. Its "
                "cases keep it; it can be reactivated later."
            )
            if c.active
            else self.tr("The category is offered again when a case is registered.")
        )
        user, wall, record = (
            self.session.user,
            self.session.clock.wall,
            replace(c, active=not c.active),
        )
        return ActiveDialog(
            self.session, question, text, ok,
            lambda db: save_category(db, user, record, new=False, wall=wall), self,
        )  # fmt: skip


class UsersTab(RecordTab):
    name = "userList"
    widths = (110, 90, 110, 170, 120, 200, 60)
    stretch = 5

    def column_titles(self) -> list[str]:
        return [
            self.tr("Username"), self.tr("Real name"), self.tr("Role"), self.tr("Unit"),
            self.tr("Phone"), self.tr("Password"), self.tr("Status"),
        ]  # fmt: skip

    def extra_buttons(self) -> list[QWidget]:
        self.reset_button: QPushButton = self.button(self.tr("Reset password…"), self.reset)
        return [self.reset_button]

    def key(self, record: Any) -> str:
        return str(record.id)

    def read(self, db: Database) -> list[User]:
        self.units = {d.code: d for d in departments(db)}
        found = users(db)
        self.must_change = {u.id for u in found if must_change_password(db, u.id)}
        return found

    def cells(self, u: User) -> list[str]:
        unit = unit_text(self.units.get(u.department_code), u.department_code)
        password = self.tr("To be changed at next sign-in") if u.id in self.must_change else ""
        return [u.username, u.name, word(u.role), unit, u.phone or "—", password]

    def label(self, u: User) -> str:
        return f"{u.name}（{u.username}）"

    def update_buttons(self) -> None:
        super().update_buttons()
        if self.editable:
            record = self.current()
            self.reset_button.setEnabled(record is not None and record.active)

    def editor(self, record: User | None) -> QDialog:
        return UserDialog(self.session, record, self)

    def activity(self, u: User) -> ActiveDialog:
        question, ok = self.activity_texts(u, self.label(u))
        text = (
            self.tr(
                "A deactivated user can no longer sign in. What they recorded stays, under "
                "their name; they can be reactivated later."
            )
            if u.active
            else self.tr("The user can sign in again with their password.")
        )
        user, wall, record = (
            self.session.user,
            self.session.clock.wall,
            replace(u, active=not u.active),
        )
        return ActiveDialog(
            self.session, question, text, ok,
            lambda db: save_user(db, user, record, new=False, wall=wall), self,
        )  # fmt: skip

    def reset(self) -> QDialog | None:
        record = self.current()
        if not self.editable or record is None:
            return None
        dialog = ResetPasswordDialog(self.session, record, self)
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.saved.connect(lambda _user: self._reset_done(record))
        dialog.open()
        return dialog

    def _reset_done(self, record: User) -> None:
        self.select(record.id)
        self.message.emit(
            self.tr("New password set for {name}; it must be changed at the next sign-in.").format(
                name=self.label(record)
            )
        )
