"""The three lists (三张清单, DOMAIN.md §5) as the township receives them in spreadsheets:
which columns each list has, how differently named headers map onto them, and the checks a
row must pass before a list is replaced. Pure: rows in, items and problems out."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.core.errors import DomainError, Words


class ListKind(StrEnum):
    POWER = "power"  # 权责清单
    DUTIES = "duties"  # 部门及内设机构职责任务清单
    BOUNDARY = "boundary"  # 部门职责边界清单


LIST_NAMES = {
    ListKind.POWER: Words("权责清单", "power & responsibility list"),
    ListKind.DUTIES: Words("职责任务清单", "duty task list"),
    ListKind.BOUNDARY: Words("职责边界清单", "duty boundary list"),
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header of the sample lists, and of the export
    required: bool = False
    synonyms: tuple[str, ...] = ()


COLUMNS: dict[ListKind, tuple[Column, ...]] = {
    ListKind.POWER: (
        Column("code", "事项编码", True, ("编码", "事项代码", "权力编码", "编号")),
        Column("name", "事项名称", True, ("名称", "权力事项", "权力名称", "职权名称")),
        Column("kind", "事项类型", False, ("类型", "权力类型", "职权类型", "类别")),
        Column("legal_basis", "设定依据", False, ("法律依据", "依据", "实施依据")),
        Column("level", "实施层级", False, ("行使层级", "层级")),
        Column("unit", "责任单位", True, ("实施主体", "责任部门", "承办单位", "实施部门")),
        Column("duties", "责任事项", False, ("责任事项内容",)),
        Column("accountability", "追责情形", False, ("追责情形及依据", "问责情形")),
        # the division rule's inputs, for matters the boundary list has no entry for
        Column("visibility", "可见性", False, ("违法行为可见性",)),
        Column("specialism", "专业性", False, ("专业性强弱",)),
        Column("categories", "关联问题类别", False, ("问题类别", "类别编码")),
    ),
    ListKind.DUTIES: (
        Column("unit", "部门", True, ("单位", "部门名称", "责任单位")),
        Column("section", "科室", False, ("内设机构", "科室（队所）", "处室")),
        Column("post", "岗位", False, ("工作岗位", "岗位名称")),
        Column("duties", "岗位职责", True, ("职责", "职责任务", "工作职责")),
        Column("matter", "关联事项编码", False, ("事项编码", "关联事项")),
    ),
    ListKind.BOUNDARY: (
        Column("item_no", "序号", False, ("编号",)),
        Column("code", "事项编码", True, ("编码", "事项代码")),
        Column("name", "事项名称", True, ("名称", "事项", "监管事项")),
        Column("lead", "牵头部门", True, ("牵头单位", "主责部门", "责任部门")),
        Column("cooperating", "配合部门", False, ("配合单位", "协办部门")),
        Column("lead_duty", "牵头部门职责", False, ("牵头职责", "主责部门职责")),
        Column("cooperating_duty", "配合部门职责", False, ("配合职责",)),
        Column("visibility", "可见性", False, ("违法行为可见性",)),
        Column("specialism", "专业性", False, ("专业性强弱",)),
        Column("categories", "关联问题类别", False, ("问题类别", "类别编码")),
        Column("notes", "备注", False, ("说明",)),
    ),
}

_SPACES = re.compile(r"[\s\u3000]+")
_SEPARATORS = re.compile(r"[、,，;；/\s]+")


def normalise(text: str) -> str:
    """Headers and names as people type them: no spaces, full-width brackets made plain."""
    return _SPACES.sub("", text).replace("（", "(").replace("）", ")")


def suggest_mapping(kind: ListKind, headers: Sequence[str]) -> dict[str, int]:
    """Column key -> index of the header it most likely is (exact label, then synonyms)."""
    found: dict[str, int] = {}
    plain = [normalise(h) for h in headers]
    for column in COLUMNS[kind]:
        for name in (column.label, *column.synonyms):
            if normalise(name) in plain and plain.index(normalise(name)) not in found.values():
                found[column.key] = plain.index(normalise(name))
                break
    return found


def mapping_from_text(kind: ListKind, text: str, headers: Sequence[str]) -> dict[str, int]:
    """``--map 事项名称=权力名称,牵头部门=主办单位``: our column = the file's header."""
    mapping = suggest_mapping(kind, headers)
    labels = {normalise(c.label): c.key for c in COLUMNS[kind]} | {
        c.key: c.key for c in COLUMNS[kind]
    }
    plain = [normalise(h) for h in headers]
    for pair in filter(None, (p.strip() for p in re.split(r"[,，]", text))):
        ours, _, theirs = pair.partition("=")
        key = labels.get(normalise(ours))
        if key is None:
            raise DomainError("list_column_unknown", value=ours.strip())
        if normalise(theirs) not in plain:
            raise DomainError("list_header_missing", value=theirs.strip())
        mapping[key] = plain.index(normalise(theirs))
    return mapping


def missing_columns(kind: ListKind, mapping: Mapping[str, int]) -> list[str]:
    return [c.label for c in COLUMNS[kind] if c.required and c.key not in mapping]


@dataclass(frozen=True)
class Problem:
    row: int  # the row number in the spreadsheet
    error: DomainError

    def text(self, language: str = "zh") -> str:
        return self.error.text(language)


@dataclass
class Checked:
    kind: ListKind
    items: list[dict[str, object]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.items) and not self.problems


@dataclass(frozen=True)
class Reference:
    """What rows are checked against: departments by any of their names, and so on."""

    units: Mapping[str, str]  # code, full name or short name (normalised) -> code
    matters: Mapping[str, str]  # matter code -> name (from the power list)
    categories: frozenset[str]  # leaf category codes


def check_rows(
    kind: ListKind,
    rows: Sequence[Sequence[str]],
    row_numbers: Sequence[int],
    mapping: Mapping[str, int],
    ref: Reference,
    merged_rows: frozenset[int] = frozenset(),
) -> Checked:
    """Every row's items and every problem, all at once, so a clerk fixes the file in one go."""
    result = Checked(kind)
    seen: dict[str, int] = {}
    for values, number in zip(rows, row_numbers, strict=True):
        cells = {key: values[i].strip() if i < len(values) else "" for key, i in mapping.items()}
        problems = _row_problems(kind, cells, number, ref, merged_rows)
        code = cells.get("code", "")
        if code and kind != ListKind.DUTIES:
            if code in seen:
                problems.append(
                    DomainError("list_code_duplicate", row=number, value=code, found=seen[code])
                )
            seen.setdefault(code, number)
        result.problems += [Problem(number, p) for p in problems]
        if not problems:
            result.items.append(_item(kind, cells, ref))
    return result


def _row_problems(
    kind: ListKind, cells: Mapping[str, str], number: int, ref: Reference, merged: frozenset[int]
) -> list[DomainError]:
    problems = []
    if number in merged:
        problems.append(DomainError("list_row_merged", row=number))
    for column in COLUMNS[kind]:
        if column.required and not cells.get(column.key):
            problems.append(DomainError("list_cell_empty", row=number, value=column.label))
    for key in ("unit", "lead"):
        name = cells.get(key, "")
        if name and unit_code(name, ref) is None:
            problems.append(DomainError("list_unit_unknown", row=number, value=name))
    for name in split_names(cells.get("cooperating", "")):
        if unit_code(name, ref) is None:
            problems.append(DomainError("list_unit_unknown", row=number, value=name))
    for code in split_names(cells.get("categories", "")):
        if code not in ref.categories:
            problems.append(DomainError("list_category_unknown", row=number, value=code))
    for matter in split_names(cells.get("matter", "")):  # a post may serve several matters
        if ref.matters and matter not in ref.matters:
            problems.append(DomainError("list_matter_unknown", row=number, value=matter))
    for key in ("visibility", "specialism"):
        if level(cells.get(key, "")) is None:
            problems.append(DomainError("list_level_invalid", row=number, value=cells[key]))
    return problems


# How spreadsheets write the division rule's two levels (职责分工办法: 可见性, 专业性强弱).
LEVELS = {
    "": "",
    "高": "高",
    "低": "低",
    "强": "高",
    "弱": "低",
    "可见": "高",
    "明显": "高",
    "隐蔽": "低",
    "不可见": "低",
    "专业性强": "高",
    "专业性弱": "低",
}


def level(text: str) -> str | None:
    """高, 低 or "" for any way a list writes a level; None when it is none of them."""
    return LEVELS.get(normalise(text))


def split_names(text: str) -> list[str]:
    return [part for part in _SEPARATORS.split(text) if part]


def unit_code(name: str, ref: Reference) -> str | None:
    """A department by code, full or short name, or a part of its name that only one
    department has (spreadsheets write 综合执法中队 for 青石综合执法中队)."""
    plain = normalise(name)
    exact = ref.units.get(plain) or ref.units.get(plain.upper())
    if exact or len(plain) < 2:
        return exact
    candidates = {code for key, code in ref.units.items() if plain in key}
    return candidates.pop() if len(candidates) == 1 else None


def _item(kind: ListKind, cells: Mapping[str, str], ref: Reference) -> dict[str, object]:
    item: dict[str, object] = dict(cells)
    if "unit" in cells:
        item["unit"] = unit_code(cells["unit"], ref)
    if kind == ListKind.BOUNDARY:
        item["lead"] = unit_code(cells["lead"], ref)
        item["cooperating"] = [unit_code(n, ref) for n in split_names(cells.get("cooperating", ""))]
    if kind != ListKind.DUTIES:
        item["categories"] = split_names(cells.get("categories", ""))
        for key in ("visibility", "specialism"):
            if key in cells:
                item[key] = level(cells[key]) or ""
    return item
