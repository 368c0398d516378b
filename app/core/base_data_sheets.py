"""The base-data workbook (基础数据表): one sheet per kind (部门, 网格, 问题类别, 用户), what
each column means, and turning a sheet's rows into records with every problem of every row
at once. Only the cells' meaning is checked here; whether a record fits the township
(core/base_data.py) is checked when the whole workbook is applied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from app.core.errors import DomainError
from app.core.model import (
    Category,
    Department,
    Grid,
    ResponseCommitment,
    Role,
    Route,
    Tier,
    User,
    chinese,
)

DEPARTMENTS, GRIDS, CATEGORIES, USERS = "部门", "网格", "问题类别", "用户"
SHEETS = (DEPARTMENTS, GRIDS, CATEGORIES, USERS)
HEADERS: dict[str, tuple[str, ...]] = {
    DEPARTMENTS: (
        "编码", "层级", "全称", "简称", "上级主管部门", "值班电话", "联系人",
        "响应时限（分钟）", "到场时限（分钟）", "办结时限（工作日）", "在用",
    ),
    GRIDS: ("编码", "名称", "所在村（社区）", "区域描述", "网格员", "在用"),
    CATEGORIES: (
        "编码", "名称", "所属大类", "默认处置方式", "默认单位", "办理时限（工作日）",
        "办理时限（小时）", "签收时限（工作日）", "权责事项编码", "在用",
    ),
    USERS: ("用户名", "姓名", "角色", "单位", "电话", "在用", "初始密码"),
}  # fmt: skip
NOTES: dict[str, str] = {
    DEPARTMENTS: "层级：1 本镇（综合执法办）、X 派驻乡镇的单位、Y 按需呼叫的区（县）直部门。"
    "上级主管部门只填 X 类单位所属的 Y 类部门编码。时限只填 Y 类部门。在用：是/否。",
    GRIDS: "网格员填用户名（须是“用户”表中角色为网格员的人）。",
    CATEGORIES: "两级：大类只填编码和名称；小类填所属大类的编码、默认处置方式（1/X/Y）、"
    "默认单位编码，办理时限填工作日或小时（燃气泄漏等紧急隐患）其中一种。",
    USERS: "角色：管理员、受理员、网格员、部门人员、督查人员、分管领导。初始密码可留空，"
    "导入时会生成；新用户首次登录须修改密码。",
}
EXAMPLE_MARK = "示例"  # rows whose first cell starts with it are the template's examples
YES, NO = ("是", "在用", "yes", "y", "1", "true"), ("否", "停用", "no", "n", "0", "false")
TIER_WORDS = {"1": Tier.ONE, "ONE": Tier.ONE, "X": Tier.X, "Y": Tier.Y}
ROUTE_WORDS = {"1": Route.SELF, "ONE": Route.SELF, "X": Route.DISPATCH_X, "Y": Route.CALL_Y}

Record = TypeVar("Record")


@dataclass(frozen=True)
class Row(Generic[Record]):
    """A record and where it came from, for a message that names the row."""

    sheet: str
    number: int
    record: Record


@dataclass(frozen=True)
class UserEntry:
    user: User
    password: str = ""  # empty: one is made when the user is added


@dataclass(frozen=True)
class GridEntry:
    grid: Grid
    worker: str = ""  # the grid worker's user name


@dataclass
class BaseDataSet:
    """A workbook's (or the standard starting set's) records, in sheet order."""

    departments: list[Row[Department]] = field(default_factory=list)
    grids: list[Row[GridEntry]] = field(default_factory=list)
    categories: list[Row[Category]] = field(default_factory=list)
    users: list[Row[UserEntry]] = field(default_factory=list)
    # a starting set only fills in what the township lacks: it never renames a unit or
    # changes a category the township already has
    adds_only: bool = False


@dataclass(frozen=True)
class SheetProblem:
    sheet: str
    row: int  # 0: the sheet as a whole
    error: DomainError

    def text(self, language: str = "zh") -> str:
        where = f"{self.sheet} 第 {self.row} 行：" if self.row else f"{self.sheet}："
        if language.startswith("en"):
            where = f"{self.sheet}, row {self.row}: " if self.row else f"{self.sheet}: "
        return where + self.error.text(language)


class Cells:
    """One row's cells by header, each parsed with a clear error naming the column."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def text(self, header: str) -> str:
        return self.values.get(header, "").strip()

    def number(self, header: str) -> int | None:
        text = self.text(header)
        if not text:
            return None
        try:
            return int(float(text)) if float(text).is_integer() else int(text)
        except ValueError:
            raise DomainError("cell_not_a_number", value=text, found=header) from None

    def active(self) -> bool:
        text = self.text("在用").lower()
        if text in NO:
            return False
        if not text or text in YES:
            return True
        raise DomainError("cell_yes_no", value=text, found="在用")

    def choice(self, header: str, words: dict[str, object]) -> object:
        text = self.text(header).upper()
        if text in words:
            return words[text]
        raise DomainError("cell_choice_invalid", value=self.text(header) or "—", found=header)


def _department(cells: Cells) -> Department:
    tier = Tier(str(cells.choice("层级", TIER_WORDS)))  # type: ignore[arg-type]
    minutes = [cells.number(h) for h in HEADERS[DEPARTMENTS][7:10]]
    response = None
    if tier == Tier.Y and any(m is not None for m in minutes):
        defaults = ResponseCommitment()
        ack, arrive, days = minutes
        response = ResponseCommitment(
            ack or defaults.acknowledge_minutes,
            arrive or defaults.arrive_minutes,
            days or defaults.handle_days,
        )
    return Department(
        cells.text("编码"), cells.text("全称"), cells.text("简称"), tier,
        cells.text("值班电话"), response, cells.text("上级主管部门") or None,
        cells.text("联系人"), cells.active(),
    )  # fmt: skip


def _grid(cells: Cells) -> GridEntry:
    grid = Grid(
        cells.text("编码"), cells.text("名称"), cells.text("所在村（社区）"), None,
        cells.text("区域描述"), cells.active(),
    )  # fmt: skip
    return GridEntry(grid, cells.text("网格员"))


def _category(cells: Cells) -> Category:
    parent = cells.text("所属大类") or None
    route = None
    if parent is not None:
        route = Route(str(cells.choice("默认处置方式", ROUTE_WORDS)))  # type: ignore[arg-type]
    return Category(
        cells.text("编码"), cells.text("名称"), parent, route, cells.text("默认单位") or None,
        cells.number("办理时限（工作日）"), cells.number("签收时限（工作日）"),
        cells.number("办理时限（小时）"), cells.text("权责事项编码") or None, cells.active(),
    )  # fmt: skip


ROLE_WORDS: dict[str, object] = {
    **{role.value.upper(): role for role in Role},
    **{chinese(role).upper(): role for role in Role},
}


def _user(cells: Cells) -> UserEntry:
    role = Role(str(cells.choice("角色", ROLE_WORDS)))  # type: ignore[arg-type]
    user = User(
        "", cells.text("用户名"), cells.text("姓名"), role, cells.text("单位").upper(),
        cells.text("电话"), cells.active(),
    )  # fmt: skip
    return UserEntry(user, cells.text("初始密码"))


PARSERS = {DEPARTMENTS: _department, GRIDS: _grid, CATEGORIES: _category, USERS: _user}


def read_rows(
    dataset: BaseDataSet,
    sheet: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    row_numbers: Sequence[int],
) -> list[SheetProblem]:
    """Add a sheet's rows to ``dataset``, its columns found by their headers in any order;
    returns the problems of the rows left out."""
    target = {
        DEPARTMENTS: dataset.departments,
        GRIDS: dataset.grids,
        CATEGORIES: dataset.categories,
        USERS: dataset.users,
    }[sheet]
    plain = [h.replace("(", "（").replace(")", "）").strip() for h in headers]
    missing = [h for h in HEADERS[sheet][:2] if h not in plain]  # the key and the name
    if missing:
        return [SheetProblem(sheet, 0, DomainError("list_header_missing", value=missing[0]))]
    columns = {h: plain.index(h) for h in HEADERS[sheet] if h in plain}
    problems: list[SheetProblem] = []
    for values, number in zip(rows, row_numbers, strict=True):
        cells = {h: values[i] if i < len(values) else "" for h, i in columns.items()}
        first = cells[HEADERS[sheet][0]].strip()
        if not any(v.strip() for v in values) or first.startswith(EXAMPLE_MARK):
            continue
        try:
            target.append(Row(sheet, number, PARSERS[sheet](Cells(cells))))
        except DomainError as error:
            problems.append(SheetProblem(sheet, number, error))
    return problems


# --- writing: a record as the cells of its sheet ------------------------------------------

TIER_CELLS = {Tier.ONE: "1", Tier.X: "X", Tier.Y: "Y"}
ROUTE_CELLS = {Route.SELF: "1", Route.DISPATCH_X: "X", Route.CALL_Y: "Y"}


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _yes(active: bool) -> str:
    return "是" if active else "否"


def department_cells(d: Department) -> list[str]:
    r = d.response
    return [
        d.code, TIER_CELLS[d.tier], d.name, d.short_name, d.parent_code or "", d.duty_phone,
        d.contact, _number(r.acknowledge_minutes if r else None),
        _number(r.arrive_minutes if r else None), _number(r.handle_days if r else None),
        _yes(d.active),
    ]  # fmt: skip


def grid_cells(g: Grid, worker: str) -> list[str]:
    return [g.code, g.name, g.area, g.description, worker, _yes(g.active)]


def category_cells(c: Category) -> list[str]:
    return [
        c.code, c.name, c.parent_code or "", ROUTE_CELLS[c.route] if c.route else "",
        c.department_code or "", _number(c.limit_days), _number(c.limit_hours),
        _number(c.sign_days), c.matter_code or "", _yes(c.active),
    ]  # fmt: skip


def user_cells(u: User) -> list[str]:
    """Never a password: the sheet's 初始密码 is only for new users, typed by the admin."""
    return [u.username, u.name, chinese(u.role), u.department_code, u.phone, _yes(u.active), ""]
