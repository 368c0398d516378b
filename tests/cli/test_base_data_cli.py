"""A real township sets itself up from the command line: ``init``, the base-data workbook
or the standard starting set, single changes, and its three lists on top."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from app.reports.setup_workbook import read_workbook
from app.reports.sheet_writer import SheetOut, write_workbook
from app.reports.spreadsheets import read_sheet
from tests.cli.test_cli import dump, fails, ok

LISTS = Path(__file__).parents[2] / "resources" / "lists"
BASE_TABLES = ("departments", "grids", "categories", "users")


def new_township(tmp_path: Path, capsys, name: str = "白石镇", *extra: str) -> Path:
    db = tmp_path / f"{name}.sqlite3"
    ok(capsys, "init", "--db", str(db), "--township", name, "--code", "BS",
       "--admin-password", "admin123", *extra)  # fmt: skip
    return db


def base_rows(path: Path) -> dict[str, list[tuple]]:
    """The base data as a clerk sees it: no ids or password hashes."""
    conn = sqlite3.connect(path)
    try:
        return {
            "departments": conn.execute(
                "SELECT code, name, short_name, tier, parent_code, duty_phone, contact, active, "
                "ack_minutes, arrive_minutes, handle_days FROM departments ORDER BY code"
            ).fetchall(),
            "grids": conn.execute(
                "SELECT g.code, g.name, g.area, g.description, g.active, u.username "
                "FROM grids g LEFT JOIN users u ON u.id = g.worker_id ORDER BY g.code"
            ).fetchall(),
            "categories": conn.execute(
                "SELECT code, name, parent_code, route, department_code, limit_days, limit_hours, "
                "sign_days, matter_code, active FROM categories ORDER BY code"
            ).fetchall(),
            "users": conn.execute(
                "SELECT username, name, role, department_code, phone, active FROM users "
                "ORDER BY username"
            ).fetchall(),
        }
    finally:
        conn.close()


def test_init_names_the_issuing_authority(tmp_path: Path, capsys) -> None:
    db = new_township(tmp_path, capsys, "白石镇", "--authority", "白石镇人民政府",
                      "--address", "白石路 8 号", "--phone", "0535-1234567")  # fmt: skip
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT authority, address, duty_phone FROM township").fetchone()
    conn.close()
    assert row == ("白石镇人民政府", "白石路 8 号", "0535-1234567")


def test_a_workbook_from_one_township_sets_up_another_unchanged(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    workbook = tmp_path / "青石镇基础数据.xlsx"
    ok(capsys, "setup", "export", "--db", str(demo_path), "-o", str(workbook))
    db = new_township(tmp_path, capsys)
    out = ok(capsys, "setup", "import", "--db", str(db), str(workbook))
    assert "新增 部门 13" in out and "初始密码" in out
    demo, ours = base_rows(demo_path), base_rows(db)
    assert ours["departments"] == demo["departments"]  # the office renamed as the workbook says
    assert ours["categories"] == demo["categories"]
    assert ours["grids"] == demo["grids"]
    demo_users = {u[0]: u for u in demo["users"]}
    assert {u[0]: u for u in ours["users"]} == demo_users  # admin renamed, roles, units
    again = ok(capsys, "setup", "import", "--db", str(db), str(workbook))
    assert "新增 无；修改 无" in again  # twice: nothing more
    for kind, name in (("power", "权责清单"), ("duties", "职责任务清单"),
                       ("boundary", "职责边界清单")):  # fmt: skip
        ok(capsys, "lists", "import", "--db", str(db), "--kind", kind, str(LISTS / f"{name}.csv"))


def test_new_users_get_a_first_password_they_must_change(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    workbook = tmp_path / "base.xlsx"
    ok(capsys, "setup", "export", "--db", str(demo_path), "-o", str(workbook))
    db = new_township(tmp_path, capsys)
    out = ok(capsys, "setup", "import", "--db", str(db), str(workbook), "--json")
    passwords = json.loads(out)["passwords"]
    assert "clerk" in passwords and len(passwords["clerk"]) == 10
    from app.store.reference import must_change_password, user_by_name
    from app.store.setup import open_database
    from app.store.signin import sign_in

    opened = open_database(db)
    try:
        clerk = sign_in(opened, "clerk", passwords["clerk"], now_ms=lambda: 0)
        assert must_change_password(opened, clerk.id)
        assert user_by_name(opened, "admin").name == "孙志远"
    finally:
        opened.close()
    first_passwords = [row[6] for row in read_sheet(workbook, "用户").rows]
    assert first_passwords and not any(first_passwords)  # no password leaves TownDesk


def test_the_standard_starting_set_covers_township_enforcement(tmp_path: Path, capsys) -> None:
    db = new_township(tmp_path, capsys)
    ok(capsys, "setup", "standard", "--db", str(db))
    rows = base_rows(db)
    leaves = [c for c in rows["categories"] if c[2]]
    groups = {c[0]: c[1] for c in rows["categories"] if not c[2]}
    assert len(leaves) >= 80 and len(groups) >= 10
    for name in ("市容环境", "市场监管", "安全生产", "生态环境", "卫生健康", "交通运输"):
        assert name in groups.values()
    by_name = {c[1]: c for c in leaves}
    assert by_name["燃气泄漏"][6] is not None and by_name["燃气泄漏"][5] is None  # hours
    tiers = {d[0]: d[3] for d in rows["departments"]}
    assert {tiers["PCS"], tiers["SCJG"], tiers["YJJ"]} == {"X", "Y"}
    assert {c[3] for c in leaves} == {"ONE", "X", "Y"}


def test_the_template_imports_as_nothing_and_reads_back(tmp_path: Path, capsys) -> None:
    template = tmp_path / "模板.xlsx"
    ok(capsys, "setup", "template", "-o", str(template))
    sheet = read_sheet(template, "部门")
    assert sheet.headers[:3] == ["编码", "层级", "全称"] and sheet.rows[0][0].startswith("示例")
    db = new_township(tmp_path, capsys)
    before = dump(db)
    assert "新增 无；修改 无" in ok(capsys, "setup", "import", "--db", str(db), str(template))
    assert dump(db)["events"] == before["events"]


def test_a_bad_workbook_names_every_row_and_changes_nothing(tmp_path: Path, capsys) -> None:
    workbook = tmp_path / "bad.xlsx"
    departments = [["PCS", "X", "派出所"], ["YJJ", "Z", "应急局"]]
    kinds = [["01", "市容环境", "", "", "", ""], ["0101", "占道经营", "01", "X", "PCS", "三"]]
    write_workbook(workbook, "基础数据表", [
        SheetOut("部门", ["编码", "层级", "全称"], departments),
        SheetOut("问题类别", ["编码", "名称", "所属大类", "默认处置方式", "默认单位",
                             "办理时限（工作日）"], kinds),
        SheetOut("用户", ["用户名", "姓名", "角色", "单位"], [["li", "李四", "局长", "ZHB"]]),
    ])  # fmt: skip
    db = new_township(tmp_path, capsys)
    before = dump(db)
    err = fails(capsys, "setup", "import", "--db", str(db), str(workbook))
    assert "基础数据表有 3 处问题，什么都没有导入" in err
    assert "部门 第 3 行：“层级”一栏的“Z”不是可选的值" in err
    assert "问题类别 第 3 行：“办理时限（工作日）”应填整数，不是“三”" in err
    assert "用户 第 2 行：“角色”一栏的“局长”不是可选的值" in err
    assert dump(db) == before


def test_rows_that_do_not_fit_the_township_are_refused_together(tmp_path: Path, capsys) -> None:
    workbook = tmp_path / "bad.xlsx"
    write_workbook(workbook, "基础数据表", [
        SheetOut("部门", ["编码", "层级", "全称", "上级主管部门"],
                 [["PCS", "X", "派出所", "NOPE"]]),
        SheetOut("用户", ["用户名", "姓名", "角色", "单位"], [["li", "李四", "网格员", "PCS"]]),
    ])  # fmt: skip
    db = new_township(tmp_path, capsys)
    before = dump(db)
    err = fails(capsys, "setup", "import", "--db", str(db), str(workbook))
    assert "上级主管部门“NOPE”不存在" in err and "部门“PCS”不存在" in err
    assert dump(db) == before


def test_a_workbook_that_is_no_base_data_is_explained(tmp_path: Path, capsys) -> None:
    other = tmp_path / "other.xlsx"
    write_workbook(other, "别的表", [SheetOut("Sheet1", ["a", "b"], [["1", "2"]])])
    with pytest.raises(Exception) as refused:
        read_workbook(other)
    assert "没有“部门”工作表" in str(refused.value)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    db = new_township(tmp_path, capsys)
    assert "已损坏" in fails(capsys, "setup", "import", "--db", str(db), str(broken))


def test_single_changes_and_their_refusals(tmp_path: Path, capsys) -> None:
    db = new_township(tmp_path, capsys)
    d = str(db)
    ok(capsys, "setup", "standard", "--db", d)
    with pytest.MonkeyPatch.context() as env:  # the first password: never an option
        env.setenv("TOWNDESK_NEW_PASSWORD", "first123")
        ok(capsys, "user", "add", "--db", d, "wgy01", "--name", "李四", "--role", "网格员",
           "--unit", "ZHB")  # fmt: skip
    ok(capsys, "grid", "add", "--db", d, "G01", "--name", "白石村第一网格", "--village", "白石村",
       "--worker", "wgy01")  # fmt: skip
    ok(capsys, "category", "set", "--db", d, "0101", "--hours", "6")
    row = base_rows(db)["categories"]
    assert next(c for c in row if c[0] == "0101")[5:7] == (None, 6)
    # the first password the administrator gave is only a way in: nothing else until changed
    grid_worker = ["user", "add", "wgy02", "--name", "王五", "--role", "网格员", "--unit", "ZHB",
                   "--as", "wgy01"]  # fmt: skip
    before = dump(db)
    err = fails(capsys, grid_worker[0], grid_worker[1], "--db", d, *grid_worker[2:],
                password="first123")  # fmt: skip
    assert "须先修改密码" in err and "towndesk account password" in err
    assert dump(db) == before
    with pytest.MonkeyPatch.context() as env:
        env.setenv("TOWNDESK_NEW_PASSWORD", "mine1234")
        ok(capsys, "account", "password", "--db", d, "--as", "wgy01", password="first123")
    before = dump(db)
    for argv, message, password in (
        (["department", "deactivate", "YJJ"], "还是", None),
        (["department", "add", "NEW", "--tier", "Q", "--name", "新"], "“--tier”一栏的“Q”", None),
        (["grid", "set", "G09", "--name", "x"], "网格“G09”不存在", None),
        (["user", "deactivate", "admin"], "至少要保留一名在用的管理员", None),
        (grid_worker, "网格员不能维护基础数据", "mine1234"),
    ):  # fmt: skip
        assert message in fails(capsys, argv[0], argv[1], "--db", d, *argv[2:], password=password)
    assert dump(db) == before


def test_the_starting_set_adds_only_what_the_township_lacks(demo_path: Path, capsys) -> None:
    before = base_rows(demo_path)
    out = ok(capsys, "setup", "standard", "--db", str(demo_path))
    assert "修改 无" in out
    after = base_rows(demo_path)
    demo_codes = {row[0] for row in before["departments"]}
    assert [d for d in after["departments"] if d[0] in demo_codes] == before["departments"]
    assert len(after["categories"]) > len(before["categories"])


def test_a_new_township_takes_a_case_along_its_whole_path(
    demo_path: Path,
    tmp_path: Path,
    capsys,
    qapp,  # qapp: the PDF is drawn by Qt
) -> None:
    """Issue 11's first day: a township made with init and a workbook, with no demo data,
    imports its three lists, takes a case from registration to closing and prints a
    transfer letter issued by its own government."""
    from app.reports.transfer_letter import transfer_letter
    from app.store.setup import open_database

    workbook = tmp_path / "基础数据.xlsx"
    ok(capsys, "setup", "export", "--db", str(demo_path), "-o", str(workbook))
    db = new_township(tmp_path, capsys, "白石镇", "--authority", "白石镇人民政府")
    d = str(db)
    imported = ok(capsys, "setup", "import", "--db", d, str(workbook))
    first = dict(re.findall(r"^  (\S+) +(\S+)$", imported, re.MULTILINE))
    for username in ("clerk", "officer_zfzd"):  # each chooses their own before working
        with pytest.MonkeyPatch.context() as env:
            env.setenv("TOWNDESK_NEW_PASSWORD", f"{username}-own")
            ok(capsys, "account", "password", "--db", d, "--as", username,
               password=first[username])  # fmt: skip
    for kind, name in (("power", "权责清单"), ("duties", "职责任务清单"),
                       ("boundary", "职责边界清单")):  # fmt: skip
        ok(capsys, "lists", "import", "--db", d, "--kind", kind, str(LISTS / f"{name}.csv"))
    added = json.loads(ok(capsys, "case", "add", "--db", d, "--category", "0101", "--grid",
                          "G01", "--description", "路口流动摊贩占道经营", "--json"))  # fmt: skip
    number = added["number"]
    assert number.startswith("BS-")
    for step in (
        ["dispatch", "--to", "ZFZD", "--as", "clerk"],
        ["sign", "--as", "officer_zfzd"],
        ["feedback", "--note", "已劝离摊贩", "--as", "officer_zfzd"],
        ["verify", "--pass", "--as", "clerk"],
        ["close", "--as", "clerk"],
    ):
        ok(capsys, "case", "act", "--db", d, number, *step, password=f"{step[-1]}-own")
    shown = json.loads(ok(capsys, "case", "show", "--db", d, number, "--json"))
    assert shown["status"] == "closed"
    second = json.loads(ok(capsys, "case", "add", "--db", d, "--category", "0301", "--grid",
                           "G01", "--description", "村民在基本农田上挖塘", "--json"))  # fmt: skip
    ok(capsys, "case", "act", "--db", d, second["number"], "transfer", "--to", "区自然资源局",
       "--reason", "属区自然资源局管辖", "--as", "clerk", password="clerk-own")  # fmt: skip
    letter = tmp_path / "移送函.pdf"
    ok(capsys, "transfer-letter", "--db", d, second["number"], "-o", str(letter))
    assert letter.read_bytes().startswith(b"%PDF")
    opened = open_database(db)
    try:
        assert "白石镇人民政府（盖章）" in transfer_letter(opened, second["number"]).main
    finally:
        opened.close()


def test_a_code_twice_is_refused_and_a_commitment_is_updated(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    workbook = tmp_path / "two.xlsx"
    head = ["编码", "层级", "全称", "简称", "上级主管部门", "值班电话", "联系人",
            "响应时限（分钟）", "到场时限（分钟）", "办结时限（工作日）"]  # fmt: skip
    twice = [["LYZ", "X", "林业站"], ["LYZ", "X", "林业工作站"]]
    write_workbook(workbook, "基础数据表", [SheetOut("部门", head[:3], twice)])
    before = dump(demo_path)
    err = fails(capsys, "setup", "import", "--db", str(demo_path), str(workbook))
    assert "部门 第 3 行：编码“LYZ”在本表中出现了两次（第一次在第 2 行）" in err
    assert dump(demo_path) == before
    quicker = [["YJJ", "Y", "蓬山区应急管理局", "应急局", "", "0535-6218350", "", "10", "30", "2"]]
    write_workbook(workbook, "基础数据表", [SheetOut("部门", head, quicker)])
    assert "修改 部门 1" in ok(capsys, "setup", "import", "--db", str(demo_path), str(workbook))
    row = base_rows(demo_path)["departments"]
    assert next(d for d in row if d[0] == "YJJ")[8:] == (10, 30, 2)
    again = ok(capsys, "setup", "import", "--db", str(demo_path), str(workbook))
    assert "修改 无" in again


def test_only_the_administrator_exports_the_staff_list(demo_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "staff.xlsx"
    err = fails(capsys, "setup", "export", "--db", str(demo_path), "-o", str(out), "--as", "clerk")
    assert "受理员不能维护基础数据" in err
    assert not out.exists()


def test_an_oversized_workbook_is_refused_before_it_is_read(tmp_path: Path, capsys) -> None:
    from app.reports import setup_workbook

    big = tmp_path / "big.xlsx"
    rows = [[f"G{n}", f"网格{n}", "村"] for n in range(setup_workbook.MAX_ROWS + 1)]
    write_workbook(big, "基础数据表", [SheetOut("网格", ["编码", "名称", "所在村（社区）"], rows)])
    db = new_township(tmp_path, capsys)
    before = dump(db)
    assert "超过 5000 行" in fails(capsys, "setup", "import", "--db", str(db), str(big))
    assert dump(db) == before


def test_a_file_too_large_for_base_data_is_refused_unread(tmp_path: Path, capsys) -> None:
    huge = tmp_path / "huge.xlsx"
    huge.write_bytes(b"PK\x03\x04" + b"\0" * (3 * 1024 * 1024))
    db = new_township(tmp_path, capsys)
    assert "超过 2 MB" in fails(capsys, "setup", "import", "--db", str(db), str(huge))
