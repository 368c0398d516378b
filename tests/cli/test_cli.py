"""The command line, in process (``app.cli.main.run``) and once or twice as the program."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.store import sqlite_driver
from tests.cli.signed import run
from tests.clock import frozen
from tests.images import TINY_JPEG, TINY_PNG

CJK = re.compile(r"[\u4e00-\u9fff]")
TOWNDESK = Path(sys.executable).with_name("towndesk")
JPEG = TINY_JPEG + b"evidence" * 200


def dump(path: Path, device_password: str | None = None) -> dict:
    """Every row of every table (FTS shadow tables too) and the schema version; an
    encrypted database (a laptop's) is opened with its device password."""
    conn = sqlite_driver.connect(path)
    if device_password is not None:
        from app.store.encryption import key_statement
        from app.sync.unlocking import unlock_database

        key = unlock_database(path, device_password).key
        assert key is not None
        conn.execute(key_statement(key))
    try:
        out = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        for name in names:
            out[name] = sorted(conn.execute(f"SELECT * FROM [{name}]").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def projections(path: Path) -> dict:
    """The tables derived from events, without the local row number ``seq``."""
    conn = sqlite_driver.connect(path)
    try:
        out = {}
        for table in (
            "township",
            "departments",
            "users",
            "grids",
            "categories",
            "cases",
            "case_evidence",
        ):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "seq"]
            out[table] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {table}"), key=repr)
        return out
    finally:
        conn.close()


def ok(capsys, *argv: str, password: str | None = None) -> str:
    """Run a command signed in (tests/cli/signed.py); ``password``: not the demo's."""
    code = run(list(argv), password=password)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def fails(capsys, *argv: str, password: str | None = None) -> str:
    """Run a command that must fail; returns stderr (Chinese, one line per problem)."""
    code = run(list(argv), password=password)
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert err.startswith("错误："), err
    assert CJK.search(err)
    assert "Traceback" not in err
    return err


def case_add(db: Path, *extra: str) -> list[str]:
    return [
        "case",
        "add",
        "--db",
        str(db),
        "--category",
        "0101",
        "--grid",
        "G01",
        "--description",
        "青石村村口流动摊贩占道经营",
        *extra,
    ]


# ------------------------------------------------------------------ init / version


def test_init_then_use_the_new_township(tmp_path: Path, capsys) -> None:
    db = tmp_path / "data" / "new.sqlite3"
    out = ok(
        capsys,
        "init",
        "--db",
        str(db),
        "--township",
        "白云镇",
        "--code",
        "by",
        "--admin-password",
        "s3cret!",
    )
    assert "白云镇" in out and "BY" in out and "s3cret!" in out
    assert db.is_file()
    users = json.loads(ok(capsys, "users", "--db", str(db), "--json", password="s3cret!"))
    assert [(u["username"], u["role"]) for u in users] == [("admin", "administrator")]
    departments = json.loads(ok(capsys, "departments", "--db", str(db), "--json",
                                password="s3cret!"))  # fmt: skip
    assert [d["tier"] for d in departments] == ["ONE"]


def test_init_without_a_password_prints_a_random_one(tmp_path: Path, capsys) -> None:
    db = tmp_path / "new.sqlite3"
    out = ok(capsys, "init", "--db", str(db), "--township", "白云镇", "--code", "BY")
    password = re.search(r"密码 (\S+)", out).group(1)
    assert len(password) >= 8
    from app.store.setup import open_database
    from app.store.signin import sign_in

    handle = open_database(db)
    assert sign_in(handle, "admin", password, now_ms=frozen).username == "admin"
    handle.close()


def test_demo_walks_only_the_most_recent_cases_when_asked(tmp_path: Path, capsys) -> None:
    """``--walk 5``: five cases move along the case path, the other 35 wait for triage
    (a large benchmark database builds in minutes instead of hours)."""
    db = tmp_path / "demo.sqlite3"
    ok(capsys, "demo", "--db", str(db), "--cases", "40", "--walk", "5")
    conn = sqlite_driver.connect(db)
    try:
        statuses = dict(conn.execute("SELECT status, count(*) FROM cases GROUP BY status"))
        newest = conn.execute(
            "SELECT status FROM cases ORDER BY received_at DESC, seq DESC LIMIT 5"
        ).fetchall()
    finally:
        conn.close()
    assert sum(statuses.values()) == 40
    assert statuses["pending_triage"] == 35
    assert all(status != "pending_triage" for (status,) in newest)


def test_demo_refuses_a_negative_walk(tmp_path: Path, capsys) -> None:
    db = tmp_path / "demo.sqlite3"
    with pytest.raises(SystemExit) as exit_status:
        run(["demo", "--db", str(db), "--cases", "20", "--walk", "-5"])
    assert exit_status.value.code == 2
    assert "错误：命令参数不对" in capsys.readouterr().err
    assert not db.exists()


def test_init_refuses_to_overwrite(demo_path: Path, capsys) -> None:
    before = demo_path.read_bytes()
    err = fails(
        capsys,
        "init",
        "--db",
        str(demo_path),
        "--township",
        "白云镇",
        "--code",
        "BY",
        "--admin-password",
        "s3cret!",
    )
    assert "已存在" in err and "不会覆盖" in err
    assert demo_path.read_bytes() == before


def test_init_refuses_a_short_password_and_creates_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "new.sqlite3"
    err = fails(
        capsys,
        "init",
        "--db",
        str(db),
        "--township",
        "白云镇",
        "--code",
        "BY",
        "--admin-password",
        "123",
    )
    assert "密码至少" in err
    assert not db.exists()


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        run(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"TownDesk {__version__}"


# -------------------------------------------------------------------- case add


def test_case_add_prints_the_number(demo_path: Path, capsys) -> None:
    number = ok(capsys, *case_add(demo_path)).strip()
    assert re.fullmatch(r"QS-\d{8}-[A-Z0-9]{2,4}\d{4}", number)
    shown = json.loads(ok(capsys, "case", "show", number, "--db", str(demo_path), "--json"))
    assert shown["number"] == number
    assert shown["description"] == "青石村村口流动摊贩占道经营"


def test_case_add_json(demo_path: Path, capsys) -> None:
    data = json.loads(
        ok(
            capsys,
            *case_add(
                demo_path,
                "--json",
                "--as",
                "officer",
                "--address",
                "青石村村口",
                "--reporter",
                "张先生",
                "--phone",
                "13812345678",
                "--source",
                "hotline",
                "--urgent",
                "--lat",
                "37.5",
                "--lon",
                "121.4",
            ),
        )
    )
    expected_keys = {
        "number",
        "id",
        "status",
        "status_name",
        "source",
        "category",
        "category_name",
        "grid",
        "grid_name",
        "address",
        "description",
        "urgency",
        "first_receiver_unit",
        "first_receiver_unit_name",
        "first_receiver",
        "reporter_name",
        "reporter_phone",
        "latitude",
        "longitude",
        "received_at",
        "updated_at",
        "photos",
    }
    assert expected_keys <= set(data)
    assert data["status"] == "pending_triage" and data["status_name"] == "待研判"
    assert data["category"] == "0101" and data["category_name"].endswith("占道经营")
    assert data["grid"] == "G01" and data["grid_name"] == "青石村第一网格"
    assert data["first_receiver_unit"] == "SCJG"
    assert data["urgency"] == "urgent" and data["source"] == "hotline"
    assert (data["latitude"], data["longitude"]) == (37.5, 121.4)
    # a department officer may not see who reported it, even on a case they registered
    assert (data["reporter_name"], data["reporter_phone"]) == ("保密", "138****5678")
    assert data["photos"] == []


def test_case_add_with_a_photo(demo_path: Path, tmp_path: Path, capsys) -> None:
    import hashlib

    picture = tmp_path / "现场.jpg"
    picture.write_bytes(JPEG)
    data = json.loads(ok(capsys, *case_add(demo_path, "--json", "--photo", str(picture))))
    digest = hashlib.sha256(JPEG).hexdigest()
    assert data["photos"] == [digest]
    assert (demo_path.parent / "blobs" / digest[:2] / digest).read_bytes() == JPEG
    text = ok(capsys, "case", "show", data["number"], "--db", str(demo_path))
    assert "照片：1 张" in text


def test_reporter_phone_is_masked_for_roles_that_may_not_see_it(demo_path: Path, capsys) -> None:
    number = ok(
        capsys,
        *case_add(
            demo_path, "--reporter", "张先生", "--phone", "13812345678", "--source", "hotline"
        ),
    ).strip()
    show = ["case", "show", number, "--db", str(demo_path), "--json"]
    assert json.loads(ok(capsys, *show, "--as", "clerk"))["reporter_phone"] == "13812345678"
    masked = json.loads(ok(capsys, *show, "--as", "grid"))["reporter_phone"]
    assert masked != "13812345678" and masked.endswith("5678") and "*" in masked


# ------------------------------------------------------------------- list / show


def scan(path: Path, query: str) -> list[str]:
    conn = sqlite_driver.connect(path)
    rows = conn.execute(
        "SELECT c.number FROM cases c JOIN categories k ON k.code = c.category_code "
        "WHERE instr(c.description, ?) OR instr(c.address, ?) OR instr(k.name, ?)",
        [query, query, query],
    ).fetchall()
    conn.close()
    return sorted(r[0] for r in rows)


def test_case_list_search_json(demo_path: Path, capsys) -> None:
    expected = scan(demo_path, "占道")
    data = json.loads(
        ok(
            capsys,
            "case",
            "list",
            "--db",
            str(demo_path),
            "--search",
            "占道",
            "--json",
            "--limit",
            "1000",
        )
    )
    assert data["total"] == len(expected) > 0
    assert sorted(c["number"] for c in data["cases"]) == expected
    limited = json.loads(
        ok(
            capsys,
            "case",
            "list",
            "--db",
            str(demo_path),
            "--search",
            "占道",
            "--json",
            "--limit",
            "5",
        )
    )
    assert limited["total"] == len(expected)
    assert len(limited["cases"]) == min(5, len(expected))
    received = [c["received_at"] for c in limited["cases"]]
    assert received == sorted(received, reverse=True)


def test_case_list_category_group_and_table(demo_path: Path, capsys) -> None:
    data = json.loads(
        ok(
            capsys,
            "case",
            "list",
            "--db",
            str(demo_path),
            "--category",
            "01",
            "--json",
            "--limit",
            "1000",
        )
    )
    assert data["total"] > 0
    assert {c["category"][:2] for c in data["cases"]} == {"01"}
    text = ok(capsys, "case", "list", "--db", str(demo_path), "--category", "01", "--limit", "3")
    assert "案件编号" in text and f"共 {data['total']} 件" in text
    assert fails(capsys, "case", "list", "--db", str(demo_path), "--category", "99")


def test_case_show_json_has_the_timeline(demo_path: Path, capsys) -> None:
    conn = sqlite_driver.connect(demo_path)
    number = conn.execute("SELECT number FROM cases WHERE status = 'pending_triage'").fetchone()[0]
    conn.close()
    ok(
        capsys,
        "case",
        "act",
        number,
        "reject",
        "--reason",
        "不属于执法事项",
        "--as",
        "clerk",
        "--db",
        str(demo_path),
    )
    data = json.loads(ok(capsys, "case", "show", number.lower(), "--db", str(demo_path), "--json"))
    assert data["number"] == number
    assert [entry["action"] for entry in data["timeline"]][-1] == "不予受理"
    assert data["timeline"][-1]["detail"] == "理由：不属于执法事项"  # as the window words it
    assert data["timeline"][-1]["actor"].endswith("（综合执法办）")  # who, and for which unit
    assert data["status"] == "rejected" and data["deadlines"] == []
    assert data["timeline"][0]["type"] == "case.registered"
    assert data["timeline"][0]["time"] == data["received_at"]
    text = ok(capsys, "case", "show", number, "--db", str(demo_path))
    assert "办理过程" in text and "受理登记" in text


# --------------------------------------------------------------- reference lists


@pytest.mark.parametrize(
    ("kind", "header", "key", "minimum"),
    [
        ("categories", "编码", "code", 40),
        ("grids", "所在村社区", "code", 15),
        ("departments", "值班电话", "code", 11),
        ("users", "角色", "username", 6),
    ],
)
def test_reference_lists(demo_path: Path, capsys, kind, header, key, minimum) -> None:
    items = json.loads(ok(capsys, kind, "--db", str(demo_path), "--json"))
    assert len(items) >= minimum
    assert all(item[key] for item in items)
    text = ok(capsys, kind, "--db", str(demo_path))
    lines = text.splitlines()
    assert header in lines[0]
    assert len(lines) == len(items) + 1
    assert CJK.search(text)


def test_user_list_does_not_print_password_hashes(demo_path: Path, capsys) -> None:
    text = ok(capsys, "users", "--db", str(demo_path), "--json")
    assert "argon2" not in text and "password" not in text


# ------------------------------------------------------------------ error paths


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--category", "9999"], "问题类别“9999”不存在"),
        (["--category", "01"], "是大类"),
        (["--grid", "G99"], "网格“G99”不存在"),
        (["--description", "   "], "请填写问题描述"),
        (["--phone", "12", "--reporter", "张先生"], "格式不对"),
        (["--phone", "13812345678"], "反映人姓名"),
        (["--lat", "37.5"], "经度和纬度"),
        (["--as", "nobody"], "用户名或密码不正确"),  # the sign-in tells no one who exists
        (["--as", "leader"], "分管领导不能登记案件"),
        (["--photo", "/no/such/photo.jpg"], "照片文件不存在"),
    ],
)
def test_case_add_errors_change_nothing(demo_path: Path, capsys, extra, fragment) -> None:
    before = dump(demo_path)
    err = fails(capsys, *case_add(demo_path), *extra)
    assert fragment in err
    after = dump(demo_path)
    failures = [row[:2] for row in after.pop("sign_in_failures")]
    before.pop("sign_in_failures")
    assert after == before
    assert failures == ([("nobody", 1)] if "nobody" in extra else [])  # the guess is counted
    assert not (demo_path.parent / "blobs").exists() or not any(
        p.is_file() for p in (demo_path.parent / "blobs").rglob("*")
    )


def test_several_intake_problems_are_listed_together(demo_path: Path, capsys) -> None:
    err = fails(
        capsys,
        "case",
        "add",
        "--db",
        str(demo_path),
        "--category",
        "9999",
        "--grid",
        "G99",
        "--description",
        " ",
    )
    assert "9999" in err and "G99" in err and "问题描述" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["case", "list"],
        ["case", "show", "QS-20260101-AA0001"],
        ["categories"],
        ["users", "--json"],
        ["rebuild"],
        ["case", "add", "--category", "0101", "--grid", "G01", "--description", "x"],
    ],
)
def test_missing_database(tmp_path: Path, capsys, argv) -> None:
    db = tmp_path / "nowhere.sqlite3"
    err = fails(capsys, *argv, "--db", str(db))
    assert "还没有初始化" in err and "towndesk init" in err
    assert not db.exists()


def test_unknown_case_number(demo_path: Path, capsys) -> None:
    before = dump(demo_path)
    err = fails(capsys, "case", "show", "QS-19990101-ZZ9999", "--db", str(demo_path))
    assert "案件“QS-19990101-ZZ9999”不存在" in err
    assert dump(demo_path) == before


@pytest.mark.parametrize("command", [["case", "list"], ["case", "show", "X"], ["rebuild"]])
def test_unknown_acting_user(demo_path: Path, capsys, command) -> None:
    before = dump(demo_path)
    err = fails(capsys, *command, "--db", str(demo_path), "--as", "ghost")
    assert "用户名或密码不正确" in err  # as for a wrong password: a guesser learns nothing
    after = dump(demo_path)
    assert [row[:2] for row in after.pop("sign_in_failures")] == [("ghost", 1)]  # counted
    before.pop("sign_in_failures")
    assert after == before


@pytest.mark.parametrize("username", ["clerk", "leader", "grid"])
def test_rebuild_needs_the_administrator(demo_path: Path, capsys, username) -> None:
    before = dump(demo_path)
    err = fails(capsys, "rebuild", "--db", str(demo_path), "--as", username)
    assert "不能重建数据" in err
    assert dump(demo_path) == before


def test_rebuild_leaves_the_projections_identical(demo_path: Path, tmp_path, capsys) -> None:
    picture = tmp_path / "a.png"
    picture.write_bytes(TINY_PNG + b"p" * 300)
    ok(capsys, *case_add(demo_path, "--photo", str(picture), "--as", "grid"))
    before = projections(demo_path)
    events = dump(demo_path)["events"]
    out = ok(capsys, "rebuild", "--db", str(demo_path))
    assert f"已由 {len(events)} 条事件重建" in out
    assert projections(demo_path) == before
    assert dump(demo_path)["events"] == events


# ------------------------------------------------------------- the real program


def towndesk(*argv: str) -> subprocess.CompletedProcess:
    """The installed program, run by a script signed in as the clerk (PYTHONPATH passes on:
    a helper's worktree is the program)."""
    env = {**os.environ, "TOWNDESK_USER": "clerk", "TOWNDESK_PASSWORD": "clerk123"}
    return subprocess.run(
        [str(TOWNDESK), *argv], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def test_installed_program_errors_in_chinese_and_changes_nothing(demo_path: Path) -> None:
    assert TOWNDESK.is_file()
    before = demo_path.read_bytes()
    result = towndesk(
        "case",
        "add",
        "--db",
        str(demo_path),
        "--category",
        "0101",
        "--grid",
        "G01",
        "--description",
        "占道",
        "--phone",
        "12",
        "--reporter",
        "张",
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.startswith("错误：") and "格式不对" in result.stderr
    assert demo_path.read_bytes() == before
    result = towndesk("case", "list", "--db", str(demo_path.parent / "none.sqlite3"))
    assert result.returncode != 0 and "还没有初始化" in result.stderr
    assert not (demo_path.parent / "none.sqlite3").exists()


def test_installed_program_version_and_success(demo_path: Path) -> None:
    result = towndesk("--version")
    assert result.returncode == 0 and __version__ in result.stdout
    result = towndesk("case", "list", "--db", str(demo_path), "--search", "占道", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == len(scan(demo_path, "占道"))


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        (["--status", "bogus"], "状态“bogus”不存在"),
        (["--grid", "G99"], "网格“G99”不存在"),
        (["--from", "2026-13-01"], "日期“2026-13-01”格式不对"),
        (["--to", "yesterday"], "日期“yesterday”格式不对"),
    ],
)
def test_case_list_refuses_unknown_filters(demo_path: Path, capsys, extra, fragment) -> None:
    err = fails(capsys, "case", "list", "--db", str(demo_path), *extra)
    assert fragment in err


def test_bad_arguments_are_explained_in_chinese(demo_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_status:
        run(["case", "add", "--db", str(demo_path), "--source", "fax"])
    assert exit_status.value.code == 2
    err = capsys.readouterr().err
    assert "错误：命令参数不对" in err and "--help" in err
