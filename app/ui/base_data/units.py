"""The forms for the township's profile, its departments (1+X+Y) and its grids. Each hands
the record as typed to the store (store/base_data.py), which checks it against
core/base_data.py; the code of an existing record and a department's tier stay as they are."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLabel, QWidget
from sqlite_utils import Database

from app.core.base_data import CODE_LIMIT
from app.core.model import Department, Grid, Role, Tier, Township, User
from app.core.police_transfer import check_deciders
from app.store.base_data import save_department, save_grid, set_township_profile
from app.store.police_transfers import deciders_of, set_deciders
from app.store.reference import departments, grids, user_by_name, users
from app.ui.base_data.parts import RecordDialog, fixed, hint, line
from app.ui.base_data.words import person_text, response_text, tier_text, unit_choice
from app.ui.common.pickers import CodePicker
from app.ui.common.runner import Operation
from app.ui.common.session import Session

TIERS = (Tier.ONE, Tier.X, Tier.Y)


class ProfileDialog(RecordDialog):
    """The issuing authority printed on documents, the office's address and duty phone."""

    def __init__(self, session: Session, township: Township, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setObjectName("profileDialog")
        self.township = township
        self.authority = line("profileAuthority", township.issuer)
        self.authority.setToolTip(
            self.tr(
                "The township people's government holds the enforcement powers; documents "
                "are issued in its name, e.g. 青石镇人民政府."
            )
        )
        self.address = line("profileAddress", township.address, self.tr("e.g. 青石镇政府路 8 号"))
        self.duty_phone = line("profilePhone", township.duty_phone, "0535-0000000")
        name = f"{township.name}（{township.code}）"
        self.form.addRow(
            self.tr("Township"),
            fixed("profileName", name, self.tr("Set when TownDesk was set up.")),
        )
        self.form.addRow(self.tr("Issuing authority"), self.authority)
        self.form.addRow("", hint(self.tr("Printed on call slips, transfer letters and notices.")))
        self.form.addRow(self.tr("Office address"), self.address)
        self.form.addRow(self.tr("Duty phone"), self.duty_phone)
        self._deciders(session.db)
        self.finish(
            self.tr("Township profile"),
            self.tr("The township as its documents name it"),
            self.tr("Save"),
        )
        self.authority.setFocus()

    def _deciders(self, db: Database) -> None:
        """Who decides a transfer to the police (order 310 art. 5): the principal leader
        and the one presiding in their place, among the active leaders."""
        self.named = deciders_of(db)
        leaders = [u for u in users(db) if u.role == Role.LEADER and u.active]
        self.principal, self.acting = QComboBox(), QComboBox()
        for box, name, chosen in (
            (self.principal, "profilePrincipal", self.named.principal),
            (self.acting, "profileActing", self.named.acting),
        ):
            box.setObjectName(name)
            box.addItem(self.tr("Not named"), None)
            for leader in leaders:
                box.addItem(leader.name, leader.username)
                if chosen is not None and chosen[0] == leader.id:
                    box.setCurrentIndex(box.count() - 1)
        self.form.addRow(self.tr("Principal leader"), self.principal)
        self.form.addRow(self.tr("Acting for them"), self.acting)
        self.form.addRow(
            "",
            hint(
                self.tr(
                    "Only they approve or refuse a transfer to the police; while none is "
                    "named, any leader may."
                )
            ),
        )

    def submit(self) -> Operation | None:
        profile = replace(
            self.township,
            authority=self.authority.text(),
            address=self.address.text(),
            duty_phone=self.duty_phone.text(),
        )
        user, wall = self.session.user, self.session.clock.wall
        principal, acting = self.principal.currentData(), self.acting.currentData()
        named = self.named

        def save(db: Database) -> Township:
            chosen = [user_by_name(db, n) if n else None for n in (principal, acting)]
            check_deciders(*chosen)  # before anything is written
            saved = set_township_profile(db, user, profile, wall=wall)
            ids = tuple(u.id if u else None for u in chosen)
            if ids != tuple(n[0] if n else None for n in (named.principal, named.acting)):
                set_deciders(db, user, principal, acting, wall=wall)
            return saved

        return self.write(save)


class DepartmentDialog(RecordDialog):
    """A new department (``record`` None) or one to change."""

    def __init__(
        self, session: Session, record: Department | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("departmentDialog")
        self.record = record
        units = departments(session.db)
        self.code = line(
            "departmentCode",
            placeholder=self.tr("Letters and digits, up to {limit}, e.g. HBZ").format(
                limit=CODE_LIMIT
            ),
        )
        self.tier = QComboBox()
        self.tier.setObjectName("departmentTier")
        for tier in TIERS:
            self.tier.addItem(tier_text(tier), tier)
        self.name = line("departmentName", placeholder=self.tr("e.g. 青石镇生态环境监管站"))
        self.short_name = line(
            "departmentShortName", placeholder=self.tr("The full name when left empty")
        )
        parents = [
            (unit_choice(d), d.code)
            for d in units
            if d.tier == Tier.Y and (d.active or (record and record.parent_code == d.code))
        ]
        self.parent_unit = CodePicker(parents, self.tr("None"))
        self.parent_unit.setObjectName("departmentParent")
        self.duty_phone = line("departmentPhone", placeholder="0535-0000000")
        self.contact = line("departmentContact")
        if record is None:
            self.tier.setCurrentIndex(TIERS.index(Tier.X))
            self.form.addRow(self.tr("Code"), self.code)
            self.form.addRow(self.tr("Tier"), self.tier)
        else:
            why = self.tr("The code and tier of a department cannot change.")
            self.form.addRow(self.tr("Code"), fixed("departmentCodeFixed", record.code, why))
            self.form.addRow(
                self.tr("Tier"), fixed("departmentTierFixed", tier_text(record.tier), why)
            )
            self.name.setText(record.name)
            self.short_name.setText(record.short_name)
            self.parent_unit.set_code(record.parent_code or "")
            self.duty_phone.setText(record.duty_phone)
            self.contact.setText(record.contact)
        self.form.addRow(self.tr("Full name"), self.name)
        self.form.addRow(self.tr("Short name"), self.short_name)
        self.form.addRow(self.tr("Parent department"), self.parent_unit)
        self.form.addRow(
            "",
            hint(self.tr("For a stationed (X) unit: the district (Y) department it belongs to.")),
        )
        self.form.addRow(self.tr("Duty phone"), self.duty_phone)
        self.form.addRow(self.tr("Contact person"), self.contact)
        if record is not None and record.tier == Tier.Y:
            commitment = QLabel(response_text(record.response))
            commitment.setObjectName("departmentResponse")
            commitment.setToolTip(
                self.tr(
                    "For urgent calls; an ordinary call gets twice the minutes. Set with the "
                    "command towndesk response."
                )
            )
            self.form.addRow(self.tr("Response commitment"), commitment)
        if record is None:
            self.finish(self.tr("Add a department"), self.tr("A new department"), self.tr("Add"))
            self.code.setFocus()
        else:
            self.finish(
                self.tr("Edit a department"),
                self.tr("Department {name}").format(name=record.short_name),
                self.tr("Save"),
            )
            self.name.setFocus()

    def submit(self) -> Operation | None:
        old = self.record
        tier = old.tier if old else Tier(self.tier.currentData())
        record = Department(
            code=old.code if old else self.code.text(),
            name=self.name.text(),
            short_name=self.short_name.text(),
            tier=tier,
            duty_phone=self.duty_phone.text(),
            response=old.response if old else None,
            parent_code=self.parent_unit.code() or None,
            contact=self.contact.text(),
            active=old.active if old else True,
        )
        user, wall, new = self.session.user, self.session.clock.wall, old is None
        return self.write(lambda db: save_department(db, user, record, new=new, wall=wall))


def grid_workers(db: Database, keep: str | None) -> list[User]:
    """Who may be chosen to look after a grid: the grid workers in use (and the one it has)."""
    return [u for u in users(db) if u.role == Role.GRID_WORKER and (u.active or u.id == keep)]


class GridDialog(RecordDialog):
    """A new grid (``record`` None) or one to change."""

    def __init__(self, session: Session, record: Grid | None, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setObjectName("gridDialog")
        self.record = record
        db = session.db
        self.code = line(
            "gridCode",
            placeholder=self.tr("Letters and digits, up to {limit}, e.g. G20").format(
                limit=CODE_LIMIT
            ),
        )
        self.name = line("gridName", placeholder=self.tr("e.g. 青石村第三网格"))
        areas = sorted({g.area for g in grids(db) if g.area})
        self.area = CodePicker([(area, area) for area in areas], self.tr("e.g. 青石村"))
        self.area.setObjectName("gridArea")
        self.description = line(
            "gridDescription", placeholder=self.tr("The groups, streets or landmarks it covers")
        )
        workers = grid_workers(db, record.worker_id if record else None)
        self.worker = CodePicker(
            [(person_text(u, u.id), u.id) for u in workers], self.tr("Nobody yet")
        )
        self.worker.setObjectName("gridWorker")
        if record is None:
            self.form.addRow(self.tr("Code"), self.code)
        else:
            why = self.tr("The code of a grid cannot change.")
            self.form.addRow(self.tr("Code"), fixed("gridCodeFixed", record.code, why))
            self.name.setText(record.name)
            self.area.setEditText(record.area)
            self.description.setText(record.description)
            self.worker.set_code(record.worker_id or "")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Village or community"), self.area)
        self.form.addRow(self.tr("Area covered"), self.description)
        self.form.addRow(self.tr("Grid worker"), self.worker)
        if record is None:
            self.finish(self.tr("Add a grid"), self.tr("A new grid"), self.tr("Add"))
            self.code.setFocus()
        else:
            self.finish(
                self.tr("Edit a grid"),
                self.tr("Grid {name}").format(name=record.name),
                self.tr("Save"),
            )
            self.name.setFocus()

    def submit(self) -> Operation | None:
        old = self.record
        record = Grid(
            code=old.code if old else self.code.text(),
            name=self.name.text(),
            area=self.area.currentText(),
            worker_id=self.worker.code() or None,
            description=self.description.text(),
            active=old.active if old else True,
        )
        user, wall, new = self.session.user, self.session.clock.wall, old is None
        return self.write(lambda db: save_grid(db, user, record, new=new, wall=wall))
