"""One item of the power or boundary list added or changed: checked like an imported row,
an event, the list's next version, routing follows at once; refused edits change nothing."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from app.core.errors import DomainError
from app.core.lists import ListKind
from app.store.cases import case_by_number
from app.store.lists import list_rows, search_lists, set_item, versions
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.routing import boundary_entries, suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import full_dump, projection_dump


def _item(db: Database, kind: ListKind, code: str) -> dict[str, str]:
    headers, rows = list_rows(db, kind)
    at = headers.index("事项编码")
    return next(dict(zip(headers, r, strict=True)) for r in rows if r[at] == code)


def test_changing_the_lead_of_a_boundary_item_moves_the_suggestion(demo_db: Database) -> None:
    admin = user_by_name(demo_db, "admin")
    before = _item(demo_db, ListKind.BOUNDARY, "QS-XZCF-001")
    done = set_item(
        demo_db, admin, ListKind.BOUNDARY, "QS-XZCF-001", {"牵头单位": "市场监管所"}, wall=frozen
    )
    assert (done.version, done.rows) == (2, 43)
    after = _item(demo_db, ListKind.BOUNDARY, "QS-XZCF-001")
    assert after["牵头部门"] == "青石市场监管所"
    unchanged = {k: v for k, v in before.items() if k != "牵头部门"}
    assert {k: after[k] for k in unchanged} == unchanged  # only the named column moved
    assert boundary_entries(demo_db, "0101")[0].lead == "SCJG"
    number = demo_db.execute(
        "SELECT number FROM cases WHERE category_code = '0101' LIMIT 1"
    ).fetchone()[0]
    suggestion = suggestion_for(demo_db, case_by_number(demo_db, number))
    assert suggestion is not None and suggestion.lead == "SCJG"
    latest = versions(demo_db, ListKind.BOUNDARY)[0]
    assert (latest.actor, latest.source) == ("孙志远", "逐项修改（QS-XZCF-001）")
    event = demo_db.execute(
        "SELECT actor_id, payload FROM events WHERE type = 'list.item_set'"
    ).fetchone()
    assert event[0] == admin.id
    assert json.loads(event[1])["items"][0]["lead"] == "SCJG"


def test_a_new_item_gets_the_next_number_and_is_searchable(demo_db: Database) -> None:
    admin = user_by_name(demo_db, "admin")
    done = set_item(
        demo_db,
        admin,
        ListKind.BOUNDARY,
        "QS-QT-009",
        {"事项名称": "农村户外电子屏播放内容监管", "牵头部门": "执法中队", "配合部门": "派出所"},
        wall=frozen,
    )
    assert (done.version, done.rows) == (2, 44)
    item = _item(demo_db, ListKind.BOUNDARY, "QS-QT-009")
    assert (item["序号"], item["配合部门"]) == ("44", "青石派出所")
    assert ("boundary", "QS-QT-009") in {(h.kind, h.item) for h in search_lists(demo_db, "电子屏")}
    set_item(
        demo_db, admin, ListKind.POWER, "QS-XZCF-005", {"可见性": "低", "专业性": "高"}, wall=frozen
    )
    assert _item(demo_db, ListKind.POWER, "QS-XZCF-005")["专业性"] == "高"
    before = projection_dump(demo_db)
    rebuild(demo_db, admin)
    assert projection_dump(demo_db) == before


REFUSED = [
    ("clerk", ListKind.BOUNDARY, "QS-XZCF-001", {"牵头部门": "市场监管所"}, "permission_denied"),
    ("admin", ListKind.DUTIES, "1", {"岗位": "巡查岗"}, "list_item_kind_unsupported"),
    ("admin", ListKind.BOUNDARY, "QS-XZCF-001", {"颜色": "红"}, "list_column_unknown"),
    ("admin", ListKind.BOUNDARY, "QS-XZCF-001", {"可见性": "中"}, "list_item_invalid"),
    ("admin", ListKind.BOUNDARY, "QS-XZCF-001", {"牵头部门": "区城管局"}, "list_item_invalid"),
    ("admin", ListKind.BOUNDARY, "QS-XZCF-001", {"关联问题类别": "9999"}, "list_item_invalid"),
    ("admin", ListKind.BOUNDARY, "QS-NEW-1", {"事项名称": "只有名称"}, "list_item_invalid"),
    ("admin", ListKind.POWER, "  ", {"事项名称": "无编码"}, "list_item_code_missing"),
    ("admin", ListKind.BOUNDARY, "QS-XZCF-001", {"牵头部门": "ZFZD"}, "list_item_unchanged"),
]


@pytest.mark.parametrize(("user", "kind", "code", "changes", "error"), REFUSED)
def test_a_refused_edit_says_why_and_changes_nothing(
    demo_db: Database,
    user: str,
    kind: ListKind,
    code: str,
    changes: dict[str, str],
    error: str,
) -> None:
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as caught:
        set_item(demo_db, user_by_name(demo_db, user), kind, code, changes, wall=frozen)
    assert caught.value.code == error
    assert "第 1 行" not in str(caught.value) and "。。" not in str(caught.value)
    assert full_dump(demo_db) == before


def test_levels_are_read_the_way_lists_write_them(demo_db: Database) -> None:
    admin = user_by_name(demo_db, "admin")
    for written, stored in (("强", "高"), ("隐蔽", "低"), ("可见", "高"), ("弱", "低")):
        set_item(demo_db, admin, ListKind.POWER, "QS-XZCF-005", {"专业性": written}, wall=frozen)
        assert _item(demo_db, ListKind.POWER, "QS-XZCF-005")["专业性"] == stored
