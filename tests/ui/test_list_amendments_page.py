"""The lists page's local amendments (本镇修订): the tab that lists them, the mark on the
amended boundary item, the change proposal exported from there, and what an official import
says it settled."""

from __future__ import annotations

from openpyxl import load_workbook

from app.core.disputes import Ruling
from app.core.lists import ListKind
from app.store.disputes import decide_dispute, dispute_by_id
from app.store.lists import list_rows, replace_list
from app.store.reference import user_by_name
from app.ui.lists.import_dialog import success_text
from tests.clock import frozen
from tests.ui.conftest import open_window
from tests.ui.test_disputes_page import disputed_case

RULED = "夜间施工噪声由执法中队查处"


def amend(demo_path, demo_db) -> tuple[str, str]:
    """The leader rules a case the lists give to the police station to the enforcement
    squadron, amending the list; returns (case number, the official item amended)."""
    number, dispute_id = disputed_case(demo_path, demo_db)
    leader = user_by_name(demo_db, "leader")
    ruling = Ruling("ZFZD", (), RULED, amend_list=True)
    decide_dispute(demo_db, leader, dispute_id, ruling, wall=frozen)
    return number, dispute_by_id(demo_db, dispute_id).amended_item


def test_the_amendments_tab_lists_them_and_the_item_is_marked(qtbot, demo_path, demo_db, tmp_path):
    number, item = amend(demo_path, demo_db)
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("lists")
    page = window.lists
    tab = page.amendments
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "本镇修订"
    assert tab.tree.topLevelItemCount() == 1
    row = tab.tree.topLevelItem(0)
    assert [row.text(c) for c in (0, 2, 3, 5, 6, 8)] == [
        item, "派出所", "执法中队", number, "刘建军", "有效",
    ]  # fmt: skip
    assert row.toolTip(1) == RULED

    table = page.tables[ListKind.BOUNDARY]
    at = table.row_of(item)
    name_at = table.headers.index("事项名称")
    official_name = table.rows[at][name_at]
    assert table.table.item(at, name_at).text() == f"【本镇修订】{official_name}"
    table.select_row(at)
    assert "本镇修订" in table.detail.text() and number in table.detail.text()

    target = tmp_path / "修订建议.xlsx"
    assert tab.proposal_button.isEnabled()
    with qtbot.waitSignal(page.message) as said:
        tab.export_proposal(target)
    assert said.args[0] == f"已导出修订建议 1 项：{target}"
    sheet = load_workbook(target).active
    assert sheet.cell(3, 2).value == item and sheet.cell(3, 8).value == "青石综合执法中队"


def test_an_official_import_says_what_it_settled(qtbot, demo_path, demo_db):
    _number, item = amend(demo_path, demo_db)
    headers, rows = list_rows(demo_db, ListKind.BOUNDARY)
    code, lead, helpers = (headers.index(h) for h in ("事项编码", "牵头部门", "配合部门"))
    for row in rows:
        if row[code] == item:  # now says what the leader ruled: the squadron alone
            row[lead], row[helpers] = "青石综合执法中队", ""
    done = replace_list(
        demo_db,
        user_by_name(demo_db, "admin"),
        ListKind.BOUNDARY,
        headers,
        rows,
        list(range(2, len(rows) + 2)),
        wall=frozen,
    )
    category = done.settled[0].category_name
    assert success_text(done) == (
        f"已导入职责边界清单第 {done.version} 版，共 {done.rows} 项"
        f"；本镇修订已被吸收：{item}（{category}）；仍不一致：0"
    )
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    window.show_page("lists")
    tab = window.lists.amendments
    assert tab.tree.topLevelItemCount() == 0 and not tab.proposal_button.isEnabled()
    tab.settled_too.setChecked(True)
    assert tab.tree.topLevelItem(0).text(8) == f"已被第 {done.version} 版吸收"


def test_an_import_says_which_items_settled_a_split_categorys_amendment(qtbot):
    from app.core.amendments import Amendment
    from app.store.lists import Replaced

    construction = Amendment(
        "a-1", "2026-11-20 10:00:00", "刘建军", "QS-XZCF-018", True, "18", "社会生活噪声",
        "PCS", (), "040201", "建筑施工噪声", "ZFZD", ("PCS",), RULED, "QS-1", "d-1", None, 5,
    )  # fmt: skip
    by_own_item = Replaced(ListKind.BOUNDARY, 5, 44, (construction,), (), {"a-1": ["QS-XZCF-018"]})
    assert success_text(by_own_item).endswith(
        "；本镇修订已被吸收：QS-XZCF-018（建筑施工噪声）；仍不一致：0"
    )
    named = Replaced(ListKind.BOUNDARY, 5, 44, (construction,), (), {"a-1": ["QS-XZCF-044"]})
    assert success_text(named) == (
        "已导入职责边界清单第 5 版，共 44 项；本镇修订已被吸收："
        "QS-XZCF-018（建筑施工噪声，由 QS-XZCF-044 吸收）；仍不一致：0"
    )
