"""Setting up our township from the window: each page checks what was typed, the base data
comes from the standard set, a workbook or nothing, and the township is made whole or not
at all (a bad workbook leaves no file behind)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QWizard

from app.reports.setup_workbook import export_workbook
from app.reports.sheet_writer import SheetOut, write_workbook
from app.store.reference import categories, departments, must_change_password, township, users
from app.store.setup import open_database
from app.store.signin import sign_in
from app.store.work_calendar import OFFICE_HOURS
from app.ui.setup.wizard import SetupWizard
from tests.clock import frozen
from tests.ui.conftest import type_chinese

PASSWORD = "baishi-2026"


@pytest.fixture
def wizard(qtbot, tmp_path: Path, clock) -> SetupWizard:
    made = SetupWizard(tmp_path / "data" / "towndesk.sqlite3", clock)
    made.runner.error_handler = _raise
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def _raise(error: BaseException, details: str) -> None:
    raise AssertionError(f"unexpected error dialog: {error!r}\n{details}")


def fill_township(qtbot, wizard: SetupWizard, name: str = "白石镇", code: str = "bs") -> None:
    page = wizard.township_page
    page.name.setFocus()
    type_chinese(page.name, name)
    qtbot.keyClicks(page.code, code)
    type_chinese(page.address, "白石路 8 号")
    qtbot.keyClicks(page.phone, "0535-1234567")


def fill_admin(qtbot, wizard: SetupWizard, password: str = PASSWORD, again: str | None = None):
    page = wizard.admin_page
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.again, password if again is None else again)


def create(qtbot, wizard: SetupWizard) -> None:
    assert wizard.currentPage() is wizard.confirm_page
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.operation is None, timeout=30_000)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_standard_set_makes_baishi_with_its_authority(qtbot, wizard: SetupWizard) -> None:
    fill_township(qtbot, wizard)
    page = wizard.township_page
    assert page.code.text() == "BS"  # capitals as it is typed
    assert page.authority.text() == "白石镇人民政府"  # DOMAIN.md §8: its people's government
    assert "BS-20261118-AB0001" in page.code_hint.text()  # a case number, from the tests' clock
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)  # Enter is Next
    assert wizard.currentPage() is wizard.admin_page
    fill_admin(qtbot, wizard)
    qtbot.keyClick(wizard.admin_page.again, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.data_page
    assert wizard.data_page.standard_option.isChecked()
    wizard.next()
    confirm = wizard.confirm_page
    assert confirm.rows["township"].text() == "白石镇（BS）"
    assert confirm.rows["hours"].text() == "08:30–17:30"
    assert "标准初始数据" in confirm.rows["data"].text()
    create(qtbot, wizard)
    assert wizard.currentPage() is wizard.done_page
    assert "白石镇" in wizard.done_page.summary.text()
    assert not wizard.done_page.password_part.isVisibleTo(wizard)  # nobody else yet
    path = wizard.db_path
    assert leftovers(path.parent) == ["towndesk.sqlite3"]  # no staging file left
    db = open_database(path)
    try:
        made = township(db)
        assert (made.name, made.code, made.authority) == ("白石镇", "BS", "白石镇人民政府")
        assert (made.address, made.duty_phone) == ("白石路 8 号", "0535-1234567")
        codes = {d.code for d in departments(db)}
        assert {"ZHB", "PCS", "SCJG", "YJJ"} <= codes
        assert len([c for c in categories(db) if c.parent_code]) > 80
        assert [u.username for u in users(db)] == ["admin"]
        assert sign_in(db, "admin", PASSWORD, now_ms=frozen).username == "admin"
    finally:
        db.close()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_office_hours_and_an_edited_authority_are_kept(qtbot, wizard: SetupWizard) -> None:
    fill_township(qtbot, wizard)
    page = wizard.township_page
    page.authority.clear()
    type_chinese(page.authority, "某某区白石镇人民政府")
    page.name.setText("白石镇")  # once edited, a change of name no longer rewrites it
    assert page.authority.text() == "某某区白石镇人民政府"
    page.opens.setTime(QTime(8, 0))
    page.closes.setTime(QTime(17, 0))
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    wizard.data_page.nothing_option.setChecked(True)
    wizard.next()
    create(qtbot, wizard)
    db = open_database(wizard.db_path)
    try:
        assert township(db).authority == "某某区白石镇人民政府"
        assert [d.code for d in departments(db)] == ["ZHB"]  # nothing for now
        saved = db.execute("SELECT value FROM settings WHERE key = ?", [OFFICE_HOURS])
        assert json.loads(saved.fetchone()[0]) == {"start": "08:00", "end": "17:00"}
    finally:
        db.close()


def test_each_page_says_what_is_wrong_before_next(qtbot, wizard: SetupWizard) -> None:
    page = wizard.township_page
    wizard.next()
    assert wizard.currentPage() is page
    assert page.error.isVisibleTo(wizard) and page.error.text() == "请填写乡镇名称。"
    type_chinese(page.name, "白石镇")
    type_chinese(page.code, "白石")  # not capitals
    wizard.next()
    assert wizard.currentPage() is page
    assert "只能包含大写字母和数字（6 位以内）" in page.error.text()
    assert page.code.hasFocus()
    page.code.setText("BS")
    page.closes.setTime(QTime(8, 0))
    wizard.next()
    assert wizard.currentPage() is page and "下班晚于上班" in page.error.text()
    page.closes.setTime(QTime(17, 30))
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    fill_admin(qtbot, wizard, "abc")
    wizard.next()
    assert wizard.currentPage() is admin and admin.error.text() == "密码至少需要 6 位。"
    admin.password.setText(PASSWORD)
    admin.again.setText(PASSWORD + "x")
    wizard.next()
    assert wizard.currentPage() is admin
    assert admin.error.text() == "两次输入的密码不一致，请再输入一遍。"
    assert admin.again.text() == "" and admin.again.hasFocus()
    assert leftovers(wizard.db_path.parent) == []  # nothing made while typing


def test_a_workbook_brings_users_with_first_passwords(
    qtbot, wizard: SetupWizard, demo_db, tmp_path: Path
) -> None:
    workbook = tmp_path / "青石镇基础数据表.xlsx"
    export_workbook(demo_db, workbook)
    fill_township(qtbot, wizard)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    data = wizard.data_page
    data.read(workbook)
    assert data.workbook_option.isChecked()
    qtbot.waitUntil(lambda: data.reading is None)
    assert data.workbook is not None
    assert "读取无误" in data.status.text()
    wizard.next()
    assert "青石镇基础数据表.xlsx" in wizard.confirm_page.rows["data"].text()
    create(qtbot, wizard)
    done = wizard.done_page
    assert wizard.currentPage() is done and done.password_part.isVisibleTo(wizard)
    first = {
        done.passwords.item(row, 0).text(): done.passwords.item(row, 2).text()
        for row in range(done.passwords.rowCount())
    }
    assert "clerk" in first and "admin" not in first  # admin keeps the password chosen
    done.copy_button.click()
    assert first["clerk"] in QApplication.clipboard().text()
    db = open_database(wizard.db_path)
    try:
        assert {"PCS", "ZFZD"} <= {d.code for d in departments(db)}
        clerk = sign_in(db, "clerk", first["clerk"], now_ms=frozen)
        assert must_change_password(db, clerk.id)
        assert sign_in(db, "admin", PASSWORD, now_ms=frozen).username == "admin"
    finally:
        db.close()


def bad_workbook(path: Path) -> Path:
    departments_rows = [["PCS", "X", "派出所"], ["YJJ", "Z", "应急局"]]
    write_workbook(path, "基础数据表", [
        SheetOut("部门", ["编码", "层级", "全称"], departments_rows),
        SheetOut("用户", ["用户名", "姓名", "角色", "单位"], [["li", "李四", "局长", "ZHB"]]),
    ])  # fmt: skip
    return path


def test_a_bad_workbook_shows_its_problems_and_creates_nothing(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:
    workbook = bad_workbook(tmp_path / "bad.xlsx")
    fill_township(qtbot, wizard)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    data = wizard.data_page
    data.read(workbook)
    qtbot.waitUntil(lambda: data.reading is None)
    problems = [data.problems.item(i).text() for i in range(data.problems.count())]
    assert "部门 第 3 行：“层级”一栏的“Z”不是可选的值。" in problems[0]
    assert any(p.startswith("用户 第 2 行：") for p in problems)
    assert data.problems.isVisibleTo(wizard)
    assert "基础数据表有 2 处问题" in data.error.text()
    wizard.next()  # not with this workbook
    assert wizard.currentPage() is data
    assert not wizard.db_path.parent.exists()  # nothing made
    data.standard_option.setChecked(True)  # another choice goes on
    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page


def test_a_workbook_that_does_not_fit_the_township_leaves_no_file(
    qtbot, wizard: SetupWizard, tmp_path: Path
) -> None:
    workbook = tmp_path / "parent.xlsx"
    write_workbook(workbook, "基础数据表", [
        SheetOut("部门", ["编码", "层级", "全称", "上级主管部门"],
                 [["PCS", "X", "派出所", "NOPE"]]),
        SheetOut("用户", ["用户名", "姓名", "角色", "单位"], [["li", "李四", "网格员", "PCS"]]),
    ])  # fmt: skip
    fill_township(qtbot, wizard)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    data = wizard.data_page
    data.read(workbook)
    qtbot.waitUntil(lambda: data.reading is None)
    assert data.workbook is not None  # it reads well: the rows are checked against the township
    wizard.next()
    create(qtbot, wizard)
    assert wizard.currentPage() is data  # back, with the rows that do not fit
    text = "\n".join(data.problems.item(i).text() for i in range(data.problems.count()))
    assert "上级主管部门“NOPE”不存在" in text and "部门“PCS”不存在" in text
    assert "什么都没有创建" in data.error.text()
    assert leftovers(wizard.db_path.parent) == []  # the staging file is gone too
    wizard.reject()
    assert wizard.result() == QWizard.DialogCode.Rejected


def test_the_wizard_fits_a_small_screen(qtbot, wizard: SetupWizard) -> None:
    """1366×768 less a 40 px taskbar, less the title bar."""
    fill_township(qtbot, wizard)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    for page in (wizard.township_page, wizard.admin_page, wizard.data_page):
        assert page.sizeHint().height() <= wizard.height()
    assert wizard.sizeHint().height() <= 690 and wizard.height() <= 690
    assert wizard.sizeHint().width() <= 1366
