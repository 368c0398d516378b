"""The base-data page (基础数据): the administrator keeps the township's departments, grids,
problem categories and users, one small form at a time or by workbook; core decides what
stands, the page shows its refusal and writes nothing; everyone else only reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from app.core.auth import password_matches
from app.core.model import Role, Tier
from app.store.reference import (
    departments,
    grids,
    must_change_password,
    password_hash,
    township,
    user_by_name,
    users,
)
from app.ui.base_data.page import BaseDataPage
from app.ui.base_data.parts import DIALOG_MAX_HEIGHT, ActiveDialog
from app.ui.base_data.record_tab import KeyRole, RecordTab
from app.ui.base_data.results import ImportedDialog, ProblemsDialog
from app.ui.base_data.units import DepartmentDialog
from app.ui.base_data.words import INACTIVE
from app.ui.base_data.workbook import ConfirmDialog
from app.ui.common.session import Session
from tests.clock import TestClock
from tests.store.store_helpers import full_dump

PAGE_SIZE = (1226, 640)  # the page inside a 1366×728 window, beside the navigation


def _raise_in_test(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error dialog: {error!r}\n{details}")


def open_page(qtbot, path: Path, db, clock: TestClock, username: str = "admin") -> BaseDataPage:
    session = Session(path, db, user_by_name(db, username), clock)
    session.runner.error_handler = _raise_in_test
    page = BaseDataPage(session)
    page.resize(*PAGE_SIZE)
    qtbot.addWidget(page, before_close_func=lambda _page: session.close())
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, demo_path, demo_db, clock) -> BaseDataPage:
    return open_page(qtbot, demo_path, demo_db, clock)


def rows(tab: RecordTab) -> dict[str, QTreeWidgetItem]:
    """Every row shown, by its record's key (groups and their leaves alike)."""
    return {item.data(0, KeyRole): item for item in tab.items()}


def choose(page: BaseDataPage, tab: RecordTab, key: str) -> None:
    page.tabs.setCurrentWidget(tab)
    assert tab.select(key), f"{key} is not shown"


def signs_in_with(db, username: str, password: str) -> bool:  # type: ignore[no-untyped-def]
    stored = password_hash(db, username)
    return stored is not None and password_matches(stored, password)


def save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """OK, and wait until the store wrote it and the page read it again."""
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def refusal(qtbot, dialog) -> str:  # type: ignore[no-untyped-def]
    """OK, and wait for the store's refusal to come back to the form: its words."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.writing is None and not dialog.error.isHidden())
    return dialog.error.text()


def test_the_lists_show_the_demo_base_data(page, demo_db) -> None:
    shown = rows(page.departments)
    assert len(shown) == len(departments(demo_db)) == 14
    assert shown["ZHB"].text(0) == "1 综合执法办"
    assert shown["SCJG"].text(0) == "X 派驻机构" and shown["SCJG"].text(2) == "市场监管所"
    assert shown["YJJ"].text(0) == "Y 区直部门"
    assert shown["YJJ"].text(7) == "20 分钟响应 · 60 分钟到场 · 2 个工作日办结"
    assert shown["SCJG"].text(7) == ""  # only district departments promise a response
    assert page.tabs.tabText(0) == "部门 14"
    worker = user_by_name(demo_db, "wgy01")
    grid = next(g for g in grids(demo_db) if g.worker_id == worker.id)
    assert rows(page.grids)[grid.code].text(4) == "刘建华（wgy01）"
    categories = rows(page.categories)
    group = categories["01"]
    assert group.text(0) == "市容环境" and group.parent() is None
    leaf = categories["0101"]
    assert leaf.parent() is group
    assert [leaf.text(c) for c in (0, 2, 3, 4, 5)] == [
        "占道经营", "X 派遣派驻机构", "执法中队（ZFZD）", "3 个工作日", "默认（1 个工作日）",
    ]  # fmt: skip
    people = rows(page.users)
    assert len(people) == len(users(demo_db)) == 27
    admin = people[user_by_name(demo_db, "admin").id]
    assert [admin.text(c) for c in (0, 1, 2, 3)] == [
        "admin",
        "孙志远",
        "管理员",
        "综合执法办（ZHB）",
    ]
    assert page.authority.text() == "青石镇人民政府"
    assert page.address.text() == "未填写"
    assert not page.read_only.isVisible()


def test_the_page_and_its_forms_fit_the_office_pc(page) -> None:
    hint = page.minimumSizeHint()
    assert hint.width() <= PAGE_SIZE[0] and hint.height() <= PAGE_SIZE[1]
    choose(page, page.categories, "0101")
    opened = [
        page.edit_profile(),
        page.departments.add(),
        page.grids.add(),
        page.categories.edit(),
        page.categories.add(),
        page.users.add(),
    ]
    for dialog in opened:
        assert dialog is not None
        assert dialog.sizeHint().height() <= DIALOG_MAX_HEIGHT, dialog.objectName()
        dialog.done(0)


def test_the_administrator_adds_a_stationed_unit_under_a_district_department(
    qtbot, page, demo_db
) -> None:
    heard: list[str] = []
    page.message.connect(heard.append)
    page.tabs.setCurrentWidget(page.departments)
    qtbot.mouseClick(page.departments.add_button, Qt.MouseButton.LeftButton)
    dialog = page.departments.dialog
    assert isinstance(dialog, DepartmentDialog) and dialog.isVisible()
    assert dialog.tier.currentData() == Tier.X
    qtbot.keyClicks(dialog.code, "hbz")
    dialog.name.setText("青石生态环境监管站")
    dialog.parent_unit.set_code("STHJ")
    qtbot.keyClicks(dialog.duty_phone, "0535-6321999")
    dialog.contact.setText("周站长")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)  # Enter confirms
    added = {d.code: d for d in departments(demo_db)}["HBZ"]
    assert (added.tier, added.parent_code, added.short_name) == (
        Tier.X, "STHJ", "青石生态环境监管站",
    )  # fmt: skip
    assert (added.duty_phone, added.contact, added.active) == ("0535-6321999", "周站长", True)
    row = rows(page.departments)["HBZ"]
    assert row.text(4) == "生态环境（STHJ）"
    assert page.departments.tree.currentItem() is row
    assert page.tabs.tabText(0) == "部门 15"
    assert heard == ["已保存：青石生态环境监管站"]


def test_a_leaf_with_two_limits_is_refused_and_nothing_is_written(qtbot, page, demo_db) -> None:
    choose(page, page.categories, "0101")
    dialog = page.categories.edit()
    assert dialog.findChild(object, "categoryCodeFixed").text() == "0101"  # shown, not typed
    assert dialog.days.value() == 3
    before = full_dump(demo_db)
    dialog.hours.setValue(2)
    assert "类别“0101”的办理时限只能写一种" in refusal(qtbot, dialog)
    assert dialog.isVisible() and dialog.hours.value() == 2  # what was typed stays
    assert full_dump(demo_db) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels
    assert not dialog.isVisible()
    assert full_dump(demo_db) == before


def test_a_category_gets_its_own_verification_limit(qtbot, page, demo_db) -> None:
    """The office steps' limits: shown as 默认, set to 5 working days for verification; the
    category's own record (category.set) is not written again for it."""
    choose(page, page.categories, "0101")
    dialog = page.categories.edit()
    verify = dialog.steps["verify_days"]
    assert verify.text() == "默认"
    verify.setValue(5)
    sets = "SELECT count(*) FROM events WHERE type = 'category.set'"
    before = demo_db.execute(sets).fetchone()[0]
    save(qtbot, dialog)
    limits = demo_db.execute("SELECT * FROM category_step_limits").fetchall()
    assert limits == [("0101", None, 5, None)]
    assert demo_db.execute(sets).fetchone()[0] == before
    choose(page, page.categories, "0101")
    again = page.categories.edit()
    assert again.steps["verify_days"].text() == "5 个工作日"
    assert again.steps["triage_days"].text() == "默认"


def test_a_parent_for_a_district_department_is_refused(qtbot, page, demo_db) -> None:
    choose(page, page.departments, "JTJ")
    dialog = page.departments.edit()
    before = full_dump(demo_db)
    dialog.parent_unit.set_code("YJJ")
    assert "只有派驻乡镇的 X 类单位才有上级主管部门" in refusal(qtbot, dialog)
    assert full_dump(demo_db) == before


def test_a_grid_is_deactivated_greyed_and_reactivated(qtbot, page, demo_db) -> None:
    tab = page.grids
    choose(page, tab, "G19")
    assert tab.active_button.text() == "停用…"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ActiveDialog) and "停用" in dialog.windowTitle()
    save(qtbot, dialog)
    assert {g.code: g.active for g in grids(demo_db)}["G19"] is False
    assert "G19" not in rows(tab)  # hidden while deactivated records are not shown
    page.show_inactive.setChecked(True)
    row = rows(tab)["G19"]
    assert row.text(5) == "停用" and row.foreground(1) == INACTIVE
    choose(page, tab, "G19")
    assert tab.active_button.text() == "重新启用…"
    tab.toggle_active()
    save(qtbot, tab.dialog)
    assert {g.code: g.active for g in grids(demo_db)}["G19"] is True
    assert rows(tab)["G19"].text(5) == "在用"


def test_a_unit_that_still_has_people_stays_active(qtbot, page, demo_db) -> None:
    choose(page, page.departments, "SCJG")
    dialog = page.departments.toggle_active()
    before = full_dump(demo_db)
    assert "部门“SCJG”还有 1 名在用的用户" in refusal(qtbot, dialog)
    assert full_dump(demo_db) == before


def test_reset_password_must_be_changed_at_the_next_sign_in(qtbot, page, demo_db) -> None:
    clerk = user_by_name(demo_db, "clerk")
    assert not must_change_password(demo_db, clerk.id)
    choose(page, page.users, clerk.id)
    qtbot.mouseClick(page.users.reset_button, Qt.MouseButton.LeftButton)
    dialog = page.users.dialog
    before = full_dump(demo_db)
    qtbot.keyClicks(dialog.password.edit, "abc")
    assert "密码至少需要 6 位" in refusal(qtbot, dialog)
    assert full_dump(demo_db) == before
    dialog.password.edit.setText("Qingshi2026")
    save(qtbot, dialog)
    assert must_change_password(demo_db, clerk.id)
    assert signs_in_with(demo_db, "clerk", "Qingshi2026")
    assert rows(page.users)[clerk.id].text(5) == "待下次登录时修改"


def test_a_new_user_gets_a_first_password_to_change(qtbot, page, demo_db) -> None:
    page.tabs.setCurrentWidget(page.users)
    dialog = page.users.add()
    qtbot.keyClicks(dialog.username, "wgy20")
    dialog.name.setText("李四")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.GRID_WORKER))
    dialog.unit.set_code("ZHB")
    qtbot.mouseClick(dialog.password.make, Qt.MouseButton.LeftButton)
    first = dialog.password.text()
    assert len(first) >= 6
    save(qtbot, dialog)
    added = user_by_name(demo_db, "wgy20")
    assert (added.name, added.role, added.department_code) == ("李四", Role.GRID_WORKER, "ZHB")
    assert must_change_password(demo_db, added.id)
    assert signs_in_with(demo_db, "wgy20", first)
    assert page.users.tree.currentItem() is rows(page.users)[added.id]


def test_the_profile_names_the_authority_on_documents(qtbot, page, demo_db) -> None:
    dialog = page.edit_profile()
    dialog.authority.setText("青石镇人民政府")
    dialog.address.setText("青石镇政府路 8 号")
    dialog.duty_phone.setText("0535-6321000")
    save(qtbot, dialog)
    place = township(demo_db)
    assert (place.authority, place.address, place.duty_phone) == (
        "青石镇人民政府", "青石镇政府路 8 号", "0535-6321000",
    )  # fmt: skip
    assert page.address.text() == "青石镇政府路 8 号"


def test_the_profile_names_who_decides_police_transfers(qtbot, page, demo_db) -> None:
    from app.store.police_transfers import deciders_of

    dialog = page.edit_profile()
    assert dialog.principal.currentData() is None  # not named: any leader decides
    assert [dialog.principal.itemText(i) for i in range(dialog.principal.count())][1:] == ["刘建军"]
    dialog.acting.setCurrentIndex(1)  # an acting leader without a principal one
    assert "请先设定主要负责人" in refusal(qtbot, dialog)
    assert deciders_of(demo_db).principal is None
    assert demo_db.execute(
        "SELECT count(*) FROM events WHERE type = 'township.principal_leader_set'"
    ).fetchone() == (0,)
    dialog = page.edit_profile()
    dialog.principal.setCurrentIndex(1)
    save(qtbot, dialog)
    assert deciders_of(demo_db).principal == (user_by_name(demo_db, "leader").id, "刘建军")
    dialog = page.edit_profile()
    assert dialog.principal.currentData() == "leader"


def _export(qtbot, page: BaseDataPage, path: Path) -> None:
    with qtbot.waitSignal(page.workbook.message, timeout=10_000):
        page.workbook.export_file(path)
    assert path.is_file()


def _import(qtbot, page: BaseDataPage, path: Path) -> ImportedDialog:
    with qtbot.waitSignal(page.workbook.imported, timeout=20_000):
        page.workbook.import_file(path)
    dialog = page.workbook.dialog
    assert isinstance(dialog, ImportedDialog) and dialog.isVisible()
    return dialog


def test_an_exported_workbook_imports_back_unchanged_then_with_changes(
    qtbot, page, demo_db, tmp_path
) -> None:
    path = tmp_path / "青石镇基础数据表.xlsx"
    _export(qtbot, page, path)
    before = full_dump(demo_db)
    unchanged = _import(qtbot, page, path)
    assert "一致" in unchanged.summary.text() and unchanged.passwords is None
    assert full_dump(demo_db) == before
    book = load_workbook(path)
    sheet = book["用户"]
    sheet.append(["wgy20", "李四", "网格员", "ZHB", "13900000000", "是", ""])
    departments_sheet = book["部门"]
    for row in departments_sheet.iter_rows():
        if row[0].value == "JTJ":
            row[5].value = "0535-6218000"
    book.save(path)
    changed = _import(qtbot, page, path)
    assert "部门：新增 0，修改 1" in changed.summary.text()
    assert "用户：新增 1，修改 0" in changed.summary.text()
    assert changed.passwords is not None
    name, first = changed.passwords.toPlainText().split("\t")
    assert name == "wgy20"
    added = user_by_name(demo_db, "wgy20")
    assert must_change_password(demo_db, added.id)
    assert signs_in_with(demo_db, "wgy20", first)
    assert rows(page.departments)["JTJ"].text(5) == "0535-6218000"


def test_a_bad_workbook_lists_every_problem_and_writes_nothing(
    qtbot, page, demo_db, tmp_path
) -> None:
    path = tmp_path / "基础数据表.xlsx"
    _export(qtbot, page, path)
    book = load_workbook(path)
    book["部门"].append(["HBZ", "X", "青石生态环境监管站", "", "PCS", "", "", "", "", "", "是"])
    book["问题类别"].append(["0106", "夜市占道", "01", "Y", "ZFZD", "3", "", "", "", "是"])
    book["网格"].append(["G20", "青石村第三网格", "青石村", "", "wgy99", "是"])
    book.save(path)
    before = full_dump(demo_db)
    page.workbook.import_file(path)
    qtbot.waitUntil(lambda: isinstance(page.workbook.dialog, ProblemsDialog), timeout=20_000)
    dialog = page.workbook.dialog
    assert len(dialog.lines) == 3
    text = dialog.problems.toPlainText()
    assert "上级主管部门“PCS”不存在，或不是区（县）直部门（Y）" in text
    assert "类别“0106”的默认单位“ZFZD”与默认处置方式不符" in text
    assert "用户“wgy99”不存在" in text
    assert all("行：" in line for line in dialog.lines)
    assert full_dump(demo_db) == before


def test_the_standard_starting_set_asks_first(qtbot, page, demo_db) -> None:
    confirm = page.workbook.confirm_standard_set()
    assert isinstance(confirm, ConfirmDialog) and not confirm.ok_button.isDefault()
    before = full_dump(demo_db)
    qtbot.keyClick(confirm, Qt.Key.Key_Escape)
    assert full_dump(demo_db) == before
    confirm = page.workbook.confirm_standard_set()
    with qtbot.waitSignal(page.workbook.imported, timeout=20_000):
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    codes = {d.code for d in departments(demo_db)}
    assert {"GAJ", "LYZ", "XFDD"} <= codes
    assert "LYZ" in rows(page.departments)


def test_a_clerk_reads_the_base_data_but_cannot_change_it(qtbot, demo_path, demo_db, clock) -> None:
    page = open_page(qtbot, demo_path, demo_db, clock, "clerk")
    assert page.read_only.isVisible()
    assert "只有管理员可以修改基础数据" in page.read_only.text()
    assert len(rows(page.departments)) == 14
    buttons = [page.profile_button, page.workbook.import_button, page.workbook.standard_button]
    buttons.append(page.workbook.export_button)  # it holds every user's phone
    for tab in (page.departments, page.grids, page.categories, page.users):
        buttons += [tab.add_button, tab.edit_button, tab.active_button]
    buttons += [page.categories.add_group_button, page.users.reset_button]
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == "只有管理员可以修改基础数据。"
    assert page.workbook.template_button.isEnabled()  # an empty template holds nobody
    choose(page, page.departments, "SCJG")
    item = page.departments.tree.currentItem()
    assert item is not None
    rect = page.departments.tree.visualItemRect(item)
    qtbot.mouseDClick(
        page.departments.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert page.departments.dialog is None
    assert page.departments.edit() is None and page.edit_profile() is None
    assert page.workbook.import_standard_set() is None
