"""The three lists: replaced whole from checked rows, versioned, searched, rebuilt."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.lists import ListKind
from app.store.lists import list_rows, replace_list, search_lists, versions
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.store.store_helpers import full_dump, projection_dump

POWER_HEADERS = ["事项编码", "事项名称", "事项类型", "设定依据", "实施层级", "责任单位"]
POWER = [
    [
        "QS-XZCF-001",
        "对占道经营的处罚",
        "行政处罚",
        "《城市市容和环境卫生管理条例》",
        "乡镇",
        "青石综合执法中队",
    ],
    [
        "QS-XZCF-002",
        "对无照经营的处罚",
        "行政处罚",
        "《无证无照经营查处办法》",
        "乡镇",
        "青石市场监管所",
    ],
]
BOUNDARY_HEADERS = [
    "序号",
    "事项编码",
    "事项名称",
    "牵头部门",
    "配合部门",
    "可见性",
    "专业性",
    "关联问题类别",
]
BOUNDARY = [
    [
        "1",
        "QS-XZCF-001",
        "对占道经营的处罚",
        "青石综合执法中队",
        "青石市场监管所、青石交警中队",
        "高",
        "低",
        "0101",
    ],
    ["2", "QS-XZCF-002", "对无照经营的处罚", "青石市场监管所", "", "低", "高", ""],
]


def _replace(db: Database, kind: ListKind, headers: list[str], rows: list[list[str]], **kw):  # type: ignore[no-untyped-def]
    admin = user_by_name(db, "admin")
    numbers = list(range(2, len(rows) + 2))
    return replace_list(
        db, admin, kind, headers, rows, numbers, source="测试.xlsx", wall=frozen, **kw
    )


def test_a_boundary_list_is_imported_versioned_linked_and_searchable(demo_db: Database) -> None:
    # the demo loaded the sample lists as version 1 of each
    assert _replace(demo_db, ListKind.POWER, POWER_HEADERS, POWER).version == 2
    done = _replace(demo_db, ListKind.BOUNDARY, BOUNDARY_HEADERS, BOUNDARY)
    assert (done.version, done.rows) == (2, 2)
    lead, helpers = demo_db.execute(
        "SELECT lead, cooperating FROM boundary_items WHERE code = 'QS-XZCF-001'"
    ).fetchone()
    assert (lead, helpers) == ("ZFZD", '["SCJG", "JJZD"]')
    assert demo_db.execute("SELECT * FROM category_matters").fetchall() == [("0101", "QS-XZCF-001")]
    hits = {(h.kind, h.item) for h in search_lists(demo_db, "占道")}
    assert (ListKind.BOUNDARY, "QS-XZCF-001") in hits and (ListKind.POWER, "QS-XZCF-001") in hits
    assert search_lists(demo_db, "无照经营") and not search_lists(demo_db, "违章建筑")
    _headers, rows = list_rows(demo_db, ListKind.BOUNDARY)
    assert rows[0][3:5] == ["青石综合执法中队", "青石市场监管所、青石交警中队"]
    assert _replace(demo_db, ListKind.BOUNDARY, BOUNDARY_HEADERS, BOUNDARY[:1]).version == 3
    history = versions(demo_db, ListKind.BOUNDARY)
    assert [(v.version, v.source) for v in history][:2] == [(3, "测试.xlsx"), (2, "测试.xlsx")]
    assert history[-1].source == "职责边界清单.csv"
    before = projection_dump(demo_db)
    rebuild(demo_db, user_by_name(demo_db, "admin"))
    assert projection_dump(demo_db) == before


def test_differently_named_headers_are_mapped_or_named_with_map(demo_db: Database) -> None:
    headers = ["编码", "权力名称", "类型", "依据", "层级", "实施主体"]
    assert _replace(demo_db, ListKind.POWER, headers, POWER).rows == 2
    odd = ["代号", "名称", "主办"]
    with pytest.raises(DomainError) as refused:
        _replace(demo_db, ListKind.POWER, odd, [r[:3] for r in POWER])
    assert refused.value.code == "list_columns_missing" and "事项编码" in str(refused.value)
    rows = [[r[0], r[1], r[5]] for r in POWER]
    done = _replace(demo_db, ListKind.POWER, odd, rows, mapping_text="事项编码=代号,责任单位=主办")
    assert done.version == 3


def test_a_broken_list_names_every_problem_and_changes_nothing(demo_db: Database) -> None:
    _replace(demo_db, ListKind.POWER, POWER_HEADERS, POWER)
    before = full_dump(demo_db)
    broken = [
        ["1", "QS-XZCF-001", "", "青石综合执法中队", "", "高", "低", ""],
        ["2", "QS-XZCF-001", "重复编码", "青石城管局", "", "中", "低", "9999"],
        ["3", "QS-XZCF-003", "合并单元格", "青石综合执法中队", "", "高", "低", ""],
    ]
    with pytest.raises(DomainError) as refused:
        _replace(demo_db, ListKind.BOUNDARY, BOUNDARY_HEADERS, broken, merged_cells=["D3:D4"])
    text = str(refused.value)
    assert refused.value.code == "list_rows_invalid"
    for words in (
        "第 2 行：“事项名称”不能为空",
        "第 3 行：事项编码“QS-XZCF-001”与第 2 行重复",
        "部门“青石城管局”不是本镇的部门",
        "“中”无法识别",
        "问题类别“9999”不存在",
        "第 4 行有合并单元格",
    ):
        assert words in text, words
    assert full_dump(demo_db) == before


def test_only_the_administrator_replaces_a_list(demo_db: Database) -> None:
    clerk = user_by_name(demo_db, "clerk")
    with pytest.raises(DomainError) as refused:
        replace_list(demo_db, clerk, ListKind.POWER, POWER_HEADERS, POWER, [2, 3], wall=frozen)
    assert refused.value.code == "permission_denied"
