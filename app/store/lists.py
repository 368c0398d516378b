"""The three lists in the database: replacing a list from checked spreadsheet rows (one
event, one new version), reading, exporting and searching them."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.core.amendments import Amendment
from app.core.clock import Wall
from app.core.errors import DomainError
from app.core.events import EventType
from app.core.lists import (
    COLUMNS,
    Checked,
    ListKind,
    Reference,
    check_rows,
    mapping_from_text,
    missing_columns,
    normalise,
    suggest_mapping,
)
from app.core.model import User
from app.core.permissions import MANAGE_REFERENCE_DATA
from app.core.text import fts_query
from app.paths import resource
from app.store.amendments import amendments, settling
from app.store.devices import require_office
from app.store.eventlog import writing
from app.store.projections.lists import TABLES

SHOWN_PROBLEMS = 30
_CELL = re.compile(r"([A-Z]+)(\d+)")


def list_kind(value: str) -> ListKind:
    try:
        return ListKind(value.strip().lower())
    except ValueError:
        raise DomainError("list_kind_unknown", value=value) from None


def reference(db: Database) -> Reference:
    units: dict[str, str] = {}
    for code, name, short in db.execute("SELECT code, name, short_name FROM departments"):
        for key in (code, name, short):
            units[normalise(key)] = code
    return Reference(
        units=units,
        matters=dict(db.execute("SELECT code, name FROM power_items").fetchall()),
        categories=frozenset(
            row[0]
            for row in db.execute(
                "SELECT code FROM categories c WHERE NOT EXISTS "
                "(SELECT 1 FROM categories k WHERE k.parent_code = c.code)"
            )
        ),
    )


def merged_rows(ranges: Sequence[str]) -> frozenset[int]:
    """Rows whose cells were merged into the row above ("B5:B7" -> 6, 7): they look empty."""
    rows: set[int] = set()
    for text in ranges:
        start, _, end = text.partition(":")
        first, last = _CELL.fullmatch(start), _CELL.fullmatch(end or start)
        if first and last:
            rows.update(range(int(first.group(2)) + 1, int(last.group(2)) + 1))
    return frozenset(rows)


@dataclass(frozen=True)
class Replaced:
    kind: ListKind
    version: int
    rows: int
    # the boundary list's local amendments (本镇修订): those this official version settled
    # (it now says the same), and those still in force (it says otherwise)
    settled: tuple[Amendment, ...] = ()
    differing: tuple[Amendment, ...] = ()
    # each settled amendment's id -> the official items that now say what it said (for a
    # split category, the narrower categories' items or the wider one's)
    settled_by: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def settling_items(self, amendment: Amendment) -> Sequence[str]:
        """The items that settled ``amendment`` where they are not simply its own item."""
        items = self.settled_by.get(amendment.id, ())
        return () if list(items) == [amendment.item] else items


def _replaced(
    db: Database,
    kind: ListKind,
    version: int,
    rows: int,
    settles: Mapping[str, Sequence[str]],
) -> Replaced:
    if kind != ListKind.BOUNDARY:
        return Replaced(kind, version, rows)
    every = amendments(db)
    settled = tuple(a for a in every if a.settled_version == version)
    differing = tuple(a for a in every if not a.settled)
    return Replaced(kind, version, rows, settled, differing, dict(settles))


def replace_list(
    db: Database,
    actor: User,
    kind: ListKind,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    row_numbers: Sequence[int],
    merged_cells: Sequence[str] = (),
    mapping_text: str = "",
    source: str = "",
    *,
    wall: Wall,
    mapping: Mapping[str, int] | None = None,
) -> Replaced:
    """All or nothing: every row is checked first; any problem refuses the whole file.
    ``mapping`` (column key -> header index, as a window's mapping step chose it) wins over
    ``mapping_text`` (``牵头部门=主办单位``), which adds to the headers' own synonyms."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    if mapping is None:
        mapping = (
            mapping_from_text(kind, mapping_text, headers)
            if mapping_text
            else suggest_mapping(kind, headers)
        )
    if missing := missing_columns(kind, mapping):
        raise DomainError("list_columns_missing", value="、".join(missing))
    if not rows:
        raise DomainError("list_empty")
    checked = check_list(db, kind, rows, row_numbers, mapping, merged_cells)
    if checked.problems:
        shown = [p.text() for p in checked.problems[:SHOWN_PROBLEMS]]
        if len(checked.problems) > SHOWN_PROBLEMS:
            shown.append(f"……另有 {len(checked.problems) - SHOWN_PROBLEMS} 处")
        raise DomainError("list_rows_invalid", found=len(checked.problems), value="\n".join(shown))
    payload: dict[str, Any] = {"items": checked.items, "source": source}
    with writing(db, wall) as writer:
        if kind == ListKind.BOUNDARY:
            payload["settles"] = settling(db, checked.items, whole=True)
        writer.append(actor.id, "list", kind.value, EventType.LIST_REPLACED, payload)
    version = db.execute(
        "SELECT max(version) FROM list_versions WHERE kind = ?", [kind.value]
    ).fetchone()[0]
    return _replaced(db, kind, version, len(checked.items), payload.get("settles", {}))


def check_list(
    db: Database,
    kind: ListKind,
    rows: Sequence[Sequence[str]],
    row_numbers: Sequence[int],
    mapping: Mapping[str, int],
    merged_cells: Sequence[str] = (),
) -> Checked:
    """Every row's item and problem against this township, writing nothing (a preview)."""
    ref = reference(db)
    if kind != ListKind.DUTIES:
        ref = Reference(ref.units, {}, ref.categories)  # matters are what is being defined
    return check_rows(kind, rows, row_numbers, mapping, ref, merged_rows(merged_cells))


def set_item(
    db: Database,
    actor: User,
    kind: ListKind,
    code: str,
    changes: Mapping[str, str],
    *,
    wall: Wall,
) -> Replaced:
    """Add or change one item of the power or boundary list: ``changes`` maps a column
    (its label, key or a synonym) to the new text; other columns keep their values. The item
    passes the same checks as an imported row; the list gets its next version."""
    require_office(db, actor, MANAGE_REFERENCE_DATA)
    if kind == ListKind.DUTIES:
        raise DomainError("list_item_kind_unsupported")
    code = code.strip()
    if not code:
        raise DomainError("list_item_code_missing")
    headers, rows = list_rows(db, kind)
    at = headers.index("事项编码")
    current = (dict(zip(headers, r, strict=True)) for r in rows if r[at] == code)
    cells = next(current, {"事项编码": code})
    before = dict(cells)
    for name, value in changes.items():
        cells[_column_label(kind, name)] = value.strip()
    cells["事项编码"] = code
    if kind == ListKind.BOUNDARY and not cells.get("序号"):
        last = db.execute("SELECT max(CAST(item_no AS INTEGER)) FROM boundary_items").fetchone()
        cells["序号"] = str((last[0] or 0) + 1)
    checked = _checked_item(db, kind, cells)
    if checked.problems:
        text = "；".join(_ROW_PREFIX.sub("", p.text()).rstrip("。") for p in checked.problems)
        raise DomainError("list_item_invalid", value=code, reason=text)
    if len(before) > 1 and _checked_item(db, kind, before).items == checked.items:
        raise DomainError("list_item_unchanged", value=code)  # no new version for nothing
    payload: dict[str, Any] = {"items": checked.items, "source": f"逐项修改（{code}）"}
    with writing(db, wall) as writer:
        if kind == ListKind.BOUNDARY:
            payload["settles"] = settling(db, checked.items, whole=False)
        writer.append(actor.id, "list", kind.value, EventType.LIST_ITEM_SET, payload)
    latest = versions(db, kind)[0]
    return _replaced(db, kind, latest.version, latest.rows, payload.get("settles", {}))


def _checked_item(db: Database, kind: ListKind, cells: Mapping[str, str]) -> Checked:
    labels = [c.label for c in COLUMNS[kind]]
    row = [cells.get(label, "") for label in labels]
    return check_list(db, kind, [row], [1], suggest_mapping(kind, labels))


_ROW_PREFIX = re.compile(r"^第 \d+ 行[：:]\s*")


def _column_label(kind: ListKind, name: str) -> str:
    plain = normalise(name)
    for column in COLUMNS[kind]:
        if plain in (normalise(column.label), column.key, *map(normalise, column.synonyms)):
            return column.label
    raise DomainError("list_column_unknown", value=name)


# -- reading --------------------------------------------------------------------------------


def list_rows(db: Database, kind: ListKind) -> tuple[list[str], list[list[str]]]:
    """The list as a table with the sample spreadsheets' headers (for export and display);
    department codes are shown as their names, as the township's spreadsheets have them."""
    names = dict(db.execute("SELECT code, name FROM departments").fetchall())
    headers = [c.label for c in COLUMNS[kind]]
    order = {
        ListKind.POWER: "code",
        ListKind.DUTIES: "position",
        ListKind.BOUNDARY: "CAST(item_no AS INTEGER), code",
    }[kind]
    out = []
    for row in db.execute(f"SELECT * FROM {TABLES[kind]} ORDER BY {order}").fetchall():
        out.append(_display(kind, row, names))
    return headers, out


def _display(kind: ListKind, row: tuple[Any, ...], names: dict[str, str]) -> list[str]:
    if kind == ListKind.POWER:
        code, name, kind_, basis, level, unit, duties, accountability, vis, spec, cats = row
        return [
            *(code, name, kind_, basis, level, names.get(unit, unit), duties, accountability),
            *(vis, spec, "、".join(json.loads(cats))),
        ]
    if kind == ListKind.DUTIES:
        _, unit, section, post, duties, matter = row
        return [names.get(unit, unit), section, post, duties, matter]
    code, item_no, name, lead, cooperating, lead_duty, co_duty, vis, spec, cats, notes = row
    helpers = "、".join(names.get(u, u) for u in json.loads(cooperating))
    return [
        item_no,
        code,
        name,
        names.get(lead, lead),
        helpers,
        lead_duty,
        co_duty,
        vis,
        spec,
        "、".join(json.loads(cats)),
        notes,
    ]


SAMPLE_LISTS = {  # resources/lists: realistic samples for the demo township
    ListKind.POWER: "权责清单.csv",
    ListKind.DUTIES: "职责任务清单.csv",
    ListKind.BOUNDARY: "职责边界清单.csv",
}


def load_sample_lists(db: Database, actor: User, *, wall: Wall) -> None:
    """The demo's three lists, power list first (the duty list links to its matters)."""
    for kind, name in SAMPLE_LISTS.items():
        with resource("lists", name).open(encoding="utf-8-sig", newline="") as data:
            headers, *rows = list(csv.reader(data))
        numbers = list(range(2, len(rows) + 2))
        replace_list(db, actor, kind, headers, rows, numbers, source=name, wall=wall)


@dataclass(frozen=True)
class ListVersion:
    kind: str
    version: int
    changed_at: str
    actor: str
    source: str
    rows: int


def versions(db: Database, kind: ListKind) -> list[ListVersion]:
    rows = db.execute(
        "SELECT v.kind, v.version, v.changed_at, coalesce(u.name, ''), v.source, v.rows "
        "FROM list_versions v LEFT JOIN users u ON u.id = v.actor_id "
        "WHERE v.kind = ? ORDER BY v.version DESC",
        [kind.value],
    ).fetchall()
    return [ListVersion(*row) for row in rows]


@dataclass(frozen=True)
class ListHit:
    kind: ListKind
    item: str  # matter code, or the row's position in the duty task list


def search_lists(db: Database, query: str, limit: int = 200) -> list[ListHit]:
    """Any two or more characters, over all three lists (the cases' CJK search)."""
    match = fts_query(query)
    if match is None:
        return []
    rows = db.execute(
        "SELECT kind, item FROM lists_search WHERE lists_search MATCH ? LIMIT ?", [match, limit]
    ).fetchall()
    return [ListHit(ListKind(kind), item) for kind, item in rows]
