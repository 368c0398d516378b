"""The base-data workbook (基础数据表.xlsx): the township's departments, grids, problem
categories and users, one sheet each, with a line of guidance above each header. Exported
from one township it imports into another unchanged; the empty template carries example
rows (marked 示例) that import skips. Passwords are never exported."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from app.core.base_data_sheets import (
    CATEGORIES,
    DEPARTMENTS,
    EXAMPLE_MARK,
    GRIDS,
    HEADERS,
    NOTES,
    SHEETS,
    USERS,
    BaseDataSet,
    SheetProblem,
    category_cells,
    department_cells,
    grid_cells,
    read_rows,
    user_cells,
)
from app.core.errors import DomainError
from app.reports.sheet_writer import SheetOut, write_workbook
from app.reports.spreadsheets import read_sheet
from app.store.base_data_import import BaseDataRefused
from app.store.reference import categories, departments, grids, township, users

TITLE = "基础数据表"
MAX_BYTES = 2 * 1024 * 1024  # a township's base data: a few hundred rows, some 100 KB
MAX_ROWS = 5_000  # per sheet: more than any township has units, grids, categories or staff
EXAMPLES: dict[str, list[list[str]]] = {
    DEPARTMENTS: [
        [f"{EXAMPLE_MARK}PCS", "X", "白石派出所", "派出所", "GAJ", "0535-0000000", "张警官",
         "", "", "", "是"],
        [f"{EXAMPLE_MARK}GAJ", "Y", "某某区公安分局", "公安分局", "", "0535-0000110", "",
         "15", "30", "3", "是"],
    ],
    GRIDS: [[f"{EXAMPLE_MARK}G01", "白石村第一网格", "白石村", "一组至五组", "wgy01", "是"]],
    CATEGORIES: [
        [f"{EXAMPLE_MARK}01", "市容环境", "", "", "", "", "", "", "", "是"],
        [f"{EXAMPLE_MARK}0101", "占道经营", "01", "X", "ZFZD", "3", "", "", "", "是"],
        [f"{EXAMPLE_MARK}0605", "燃气泄漏", "06", "Y", "ZJJ", "", "2", "", "", "是"],
    ],
    USERS: [[f"{EXAMPLE_MARK}wgy01", "李四", "网格员", "ZHB", "13900000000", "是", ""]],
}  # fmt: skip


def export_workbook(db: Database, path: Path) -> dict[str, int]:
    """The township's base data as it stands; returns the rows written per sheet."""
    usernames = {u.id: u.username for u in users(db)}
    rows = {
        DEPARTMENTS: [department_cells(d) for d in departments(db)],
        GRIDS: [grid_cells(g, usernames.get(g.worker_id or "", "")) for g in grids(db)],
        CATEGORIES: [category_cells(c) for c in categories(db)],
        USERS: [user_cells(u) for u in users(db)],
    }
    _write(path, f"{township(db).name}{TITLE}", rows)
    return {sheet: len(found) for sheet, found in rows.items()}


def write_template(path: Path) -> None:
    """An empty workbook to fill in: the guidance line, the headers and example rows."""
    _write(path, TITLE, EXAMPLES)


def _write(path: Path, title: str, rows: dict[str, list[list[str]]]) -> None:
    sheets = [
        SheetOut(sheet, list(HEADERS[sheet]), rows.get(sheet, []), NOTES[sheet]) for sheet in SHEETS
    ]
    write_workbook(path, title, sheets)


def read_workbook(path: Path) -> BaseDataSet:
    """Every sheet there is; raises BaseDataRefused with every problem of every row, or
    DomainError when the file cannot be read at all."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_sheet says in plain words why it cannot be read
    if size > MAX_BYTES:
        raise DomainError("base_data_too_large", value=path.name, limit=MAX_BYTES // 2**20)
    dataset = BaseDataSet()
    problems: list[SheetProblem] = []
    found = 0
    for sheet in SHEETS:
        try:
            table = read_sheet(path, sheet)
        except DomainError as error:
            if error.code in ("sheet_not_found", "sheet_empty"):
                continue  # a workbook may hold only some kinds
            raise
        found += 1
        if len(table.rows) > MAX_ROWS:
            raise DomainError("base_data_too_many_rows", value=sheet, limit=MAX_ROWS)
        problems += read_rows(dataset, sheet, table.headers, table.rows, table.row_numbers)
    if not found:
        raise DomainError("base_data_sheet_missing", value=DEPARTMENTS)
    if problems:
        raise BaseDataRefused(problems)
    return dataset
