"""The form for a problem category: a group (top level) gathers leaves; a leaf carries its
default route, default unit, handling limit (working days, or hours for urgent hazards),
sign-for limit, its own limits for the office's steps (triage, verification, closing:
core/step_limits.py, recorded by their own event) and the power list's matter. Which unit
fits which route, and that a leaf has one limit only, core/base_data.py says when the store
checks it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget
from sqlite_utils import Database

from app.core.base_data import CODE_LIMIT
from app.core.model import Category, Route
from app.core.step_limits import StepLimits
from app.store.base_data import save_category
from app.store.reference import categories, departments
from app.store.step_limits import set_step_limits, step_limits
from app.ui.base_data.parts import RecordDialog, fixed, hint, line
from app.ui.base_data.units import TIERS
from app.ui.base_data.words import route_text, sign_text, unit_choice
from app.ui.common.pickers import CodePicker
from app.ui.common.runner import Operation
from app.ui.common.session import Session

ROUTES = (Route.SELF, Route.DISPATCH_X, Route.CALL_Y)
NONE = 0  # a limit spin box at its minimum: no limit of that kind
DEFAULT_SIGN = -1  # the sign-for spin box at its minimum: the default sign-for limit
SPIN_MAX = 999  # wide: the ranges are core's to check, and to explain
DEFAULT = Category("", "", "")  # a leaf that names no limits: how the defaults read
STEP_DEFAULT = -1  # a step-limit spin box at its minimum: the default (0 is "the same day")


def _spin(name: str, minimum: int, special: str, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(minimum, SPIN_MAX)
    spin.setSpecialValueText(special)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(120)
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


class CategoryDialog(RecordDialog):
    """A new group (``group`` None), a new leaf under ``group``, or ``record`` to change."""

    def __init__(
        self,
        session: Session,
        record: Category | None,
        group: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.setObjectName("categoryDialog")
        self.record = record
        db = session.db
        parent_code = record.parent_code if record else group
        self.is_leaf = parent_code is not None
        known = categories(db)
        self.code = line(
            "categoryCode",
            placeholder=self.tr("Letters and digits, up to {limit}, e.g. 0106").format(
                limit=CODE_LIMIT
            ),
        )
        self.name = line("categoryName", placeholder=self.tr("e.g. 占道经营"))
        group_names = {c.code: f"{c.name}（{c.code}）" for c in known if not c.is_leaf}
        self.group_text = group_names.get(parent_code or "", parent_code or "")
        self.parent_code = parent_code
        self.route = QComboBox()
        self.route.setObjectName("categoryRoute")
        for route in ROUTES:
            self.route.addItem(route_text(route), route)
        units = sorted(
            (
                d
                for d in departments(db)
                if d.active or (record and record.department_code == d.code)
            ),
            key=lambda d: (TIERS.index(d.tier), d.code),
        )
        self.unit = CodePicker([(unit_choice(d), d.code) for d in units], self.tr("The lead unit"))
        self.unit.setObjectName("categoryUnit")
        self.days = _spin("categoryDays", NONE, "—", self.tr(" working days"))
        self.hours = _spin("categoryHours", NONE, "—", self.tr(" hours"))
        self.sign = _spin(
            "categorySign", DEFAULT_SIGN, sign_text(DEFAULT), self.tr(" working days")
        )
        self.sign.setMinimumWidth(170)
        self.sign.setToolTip(self.tr("0: the same working day"))
        self.matter = line("categoryMatter", placeholder=self.tr("From the power list, if any"))
        days = self.tr(" d")
        self.steps = {
            name: _spin(f"categoryStep_{name}", STEP_DEFAULT, self.tr("default"), days)
            for name in ("triage_days", "verify_days", "close_days")
        }
        self.own_steps = step_limits(db, record.code) if record else StepLimits()
        self._fill(record)
        self._lay_out(record)

    def _fill(self, record: Category | None) -> None:
        self.days.setValue(NONE)
        self.hours.setValue(NONE)
        self.sign.setValue(DEFAULT_SIGN)
        for name, spin in self.steps.items():
            value = getattr(self.own_steps, name)
            spin.setValue(STEP_DEFAULT if value is None else value)
        if record is None:
            return
        self.name.setText(record.name)
        if record.route is not None:
            self.route.setCurrentIndex(ROUTES.index(record.route))
        self.unit.set_code(record.department_code or "")
        self.days.setValue(record.limit_days if record.limit_days is not None else NONE)
        self.hours.setValue(record.limit_hours if record.limit_hours is not None else NONE)
        self.sign.setValue(record.sign_days if record.sign_days is not None else DEFAULT_SIGN)
        self.matter.setText(record.matter_code or "")

    def _lay_out(self, record: Category | None) -> None:
        if record is None:
            self.form.addRow(self.tr("Code"), self.code)
        else:
            why = self.tr("The code of a category cannot change.")
            self.form.addRow(self.tr("Code"), fixed("categoryCodeFixed", record.code, why))
        self.form.addRow(self.tr("Name"), self.name)
        if self.is_leaf:
            why = self.tr("The group of a category cannot change.")
            self.form.addRow(self.tr("Group"), fixed("categoryGroup", self.group_text, why))
            self.form.addRow(self.tr("Default route"), self.route)
            self.form.addRow(self.tr("Default unit"), self.unit)
            limits = QHBoxLayout()
            limits.setSpacing(8)
            limits.addWidget(self.days)
            limits.addWidget(QLabel(self.tr("or")))
            limits.addWidget(self.hours)
            limits.addStretch(1)
            self.form.addRow(self.tr("Handling limit"), limits)
            self.form.addRow(
                "",
                hint(
                    self.tr(
                        "Working days; or, for urgent hazards such as a gas leak, hours on "
                        "the clock. Leave both at — for the default."
                    )
                ),
            )
            self.form.addRow(self.tr("Sign-for limit"), self.sign)
            steps = QHBoxLayout()
            steps.setSpacing(8)
            for caption, name in (
                (self.tr("triage"), "triage_days"),
                (self.tr("verification"), "verify_days"),
                (self.tr("closing"), "close_days"),
            ):
                steps.addWidget(QLabel(caption))
                steps.addWidget(self.steps[name])
            steps.addStretch(1)
            self.form.addRow(self.tr("Office steps"), steps)
            self.form.addRow(
                "",
                hint(
                    self.tr(
                        "Working days. Default: triage 1, verification 3, closing 1; urgent "
                        "cases 2 and 4 office hours."
                    )
                ),
            )
            self.form.addRow(self.tr("Power-list matter"), self.matter)
        if record is None:
            title = self.tr("Add a category") if self.is_leaf else self.tr("Add a group")
            question = self.tr("A new problem category") if self.is_leaf else self.tr("A new group")
            self.finish(title, question, self.tr("Add"))
            self.code.setFocus()
        else:
            self.finish(
                self.tr("Edit a category"),
                self.tr("Category {name}").format(name=record.name),
                self.tr("Save"),
            )
            self.name.setFocus()

    @staticmethod
    def _number(spin: QSpinBox, none: int) -> int | None:
        return None if spin.value() == none else spin.value()

    def submit(self) -> Operation | None:
        old = self.record
        code = old.code if old else self.code.text()
        active = old.active if old else True
        if not self.is_leaf:
            record = Category(code, self.name.text(), None, active=active)
        else:
            record = Category(
                code=code,
                name=self.name.text(),
                parent_code=self.parent_code,
                route=Route(self.route.currentData()),
                department_code=self.unit.code() or None,
                limit_days=self._number(self.days, NONE),
                sign_days=self._number(self.sign, DEFAULT_SIGN),
                limit_hours=self._number(self.hours, NONE),
                matter_code=self.matter.text() or None,
                active=active,
            )
        user, wall, new = self.session.user, self.session.clock.wall, old is None
        own = StepLimits(*(self._number(spin, STEP_DEFAULT) for spin in self.steps.values()))
        if not self.is_leaf or own == self.own_steps:
            return self.write(lambda db: save_category(db, user, record, new=new, wall=wall))

        def save(db: Database) -> Category:
            saved = save_category(db, user, record, new=new, wall=wall)
            set_step_limits(db, user, saved.code, own, wall=wall)  # its own event
            return saved

        return self.write(save)
