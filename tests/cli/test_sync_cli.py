"""towndesk device | sync | verify | evidence | case resolve, in process."""

from __future__ import annotations

import json
import shutil
from contextlib import closing
from pathlib import Path

import pytest

from app.store import sqlite_driver
from app.store.setup import open_database
from app.sync.unlocking import unlock_database
from tests.cli.signed import run
from tests.cli.test_cli import CJK, JPEG, dump
from tests.clock import TEST_NOW_MS

OFFICE_KEYS = "office-keys"
LAPTOP_KEYS = "laptop-keys"
ON_THE_LAPTOP = ["--as", "wgy01"]  # who signs in on a grid worker's laptop: its grid worker


@pytest.fixture
def pair(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The demo office and a grid-worker laptop joined from an enrolment file."""
    monkeypatch.setenv("TOWNDESK_DEVICE_PASSWORD", LAPTOP_KEYS)
    monkeypatch.setenv("TOWNDESK_KEY_PASSWORD", LAPTOP_KEYS)  # opens the encrypted laptop
    enrolment = tmp_path / "lap.tdenrol"
    office = demo_path
    assert (
        run(
            [
                "device",
                "enrol",
                "青石村网格终端",
                "--role",
                "grid-worker",
                "-o",
                str(enrolment),
                "--db",
                str(office),
                "--key-password",
                OFFICE_KEYS,
            ]
        )
        == 0
    )
    laptop = tmp_path / "laptop" / "towndesk.sqlite3"
    assert run(["device", "join", str(enrolment), "--db", str(laptop)]) == 0
    return {"office": office, "laptop": laptop, "folder": tmp_path}


def _code(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    capsys.readouterr()
    run(["device", "list", "--db", str(db), "--json"])
    return next(d["code"] for d in json.loads(capsys.readouterr().out) if d["kind"] != "office")


def test_report_on_the_laptop_import_at_the_office_and_back(
    pair: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    office, laptop, folder = pair["office"], pair["laptop"], pair["folder"]
    laptop_code, office_code = _code(capsys, office), _office_code(capsys, laptop)
    photo = folder / "p.jpg"
    photo.write_bytes(JPEG)
    add = ["case", "add", "--db", str(laptop), "--as", "wgy01", "--category", "0101"]
    add += ["--grid", "G01", "--description", "占道经营摊位", "--photo", str(photo), "--json"]
    capsys.readouterr()
    assert run(add) == 0
    number = json.loads(capsys.readouterr().out)["number"]
    up, down = folder / "up.tdsync", folder / "down.tdsync"
    office_keys, laptop_keys = ["--key-password", OFFICE_KEYS], ["--key-password", LAPTOP_KEYS]
    assert (
        run(
            [
                "sync",
                "export",
                "--db",
                str(laptop),
                *ON_THE_LAPTOP,
                "--to",
                office_code,
                "-o",
                str(up),
                *laptop_keys,
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert run(["sync", "verify", str(up), "--db", str(office), "--json", *office_keys]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert (preview["new_cases"], preview["new_evidence"]) == (1, 1)
    assert run(["sync", "import", str(up), "--db", str(office), "--as", "clerk", *office_keys]) == 0
    assert "已导入" in capsys.readouterr().out
    assert handlers(office) == ["admin", "clerk"]  # who handled each file: who signed in
    assert handlers(laptop, LAPTOP_KEYS) == ["wgy01"]
    dispatch = ["case", "act", number, "dispatch", "--to", "ZFZD", "--db", str(office)]
    assert run([*dispatch, "--as", "clerk"]) == 0
    assert (
        run(
            [
                "sync",
                "export",
                "--db",
                str(office),
                "--to",
                laptop_code,
                "-o",
                str(down),
                *office_keys,
            ]
        )
        == 0
    )
    assert (
        run(["sync", "import", str(down), "--db", str(laptop), *ON_THE_LAPTOP, *laptop_keys]) == 0
    )
    capsys.readouterr()
    assert run(["case", "show", number, "--db", str(laptop), *ON_THE_LAPTOP, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "assigned"
    assert run(["evidence", number, "--db", str(office), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in items[0]["custody"]] == ["captured", "received"]
    assert run(["verify", "--db", str(office)]) == 0
    assert "未发现问题" in capsys.readouterr().out


def handlers(path: Path, device_password: str | None = None) -> list[str]:
    """Who handled each sync file, in the order handled (a laptop: opened with its key)."""
    database = unlock_database(path, device_password) if device_password else path
    with closing(open_database(database)) as db:
        rows = db.execute(
            "SELECT u.username FROM sync_files f JOIN users u ON u.id = f.actor_id ORDER BY f.rowid"
        ).fetchall()
    return [row[0] for row in rows]


def _office_code(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    capsys.readouterr()
    run(["device", "list", "--db", str(db), *ON_THE_LAPTOP, "--json"])
    return next(d["code"] for d in json.loads(capsys.readouterr().out) if d["kind"] == "office")


def test_refusals_are_in_chinese_and_change_nothing(
    pair: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop, folder = pair["office"], pair["laptop"], pair["folder"]
    laptop_code = _code(capsys, office)
    good = folder / "good.tdsync"
    assert (
        run(
            [
                "sync",
                "export",
                "--db",
                str(office),
                "--to",
                laptop_code,
                "-o",
                str(good),
                "--key-password",
                OFFICE_KEYS,
            ]
        )
        == 0
    )
    broken = folder / "broken.tdsync"
    broken.write_bytes(good.read_bytes()[:-40])
    not_sync = folder / "notes.tdsync"
    not_sync.write_text("会议纪要", encoding="utf-8")
    before = dump(laptop, LAPTOP_KEYS)
    capsys.readouterr()
    for argv, words in [
        (["sync", "import", str(broken), "--key-password", LAPTOP_KEYS], "文件损坏"),
        (["sync", "import", str(not_sync), "--key-password", LAPTOP_KEYS], "不是同步包"),
        (["sync", "import", str(good), "--key-password", "wrong-password"], "口令不正确"),
        (["device", "revoke", "青石村网格终端", "--key-password", LAPTOP_KEYS], "不能维护基础数据"),
        (["case", "resolve", "QS-20261127-ZZ9999", "--note", "核对"], "不存在"),
    ]:
        assert run([*argv, "--db", str(laptop), *ON_THE_LAPTOP]) == 2  # its grid worker
        err = capsys.readouterr().err
        assert words in err and CJK.search(err), err
        assert dump(laptop, LAPTOP_KEYS) == before
    # the administrator may not sign in on a laptop, which holds no password of theirs:
    # refused as an unknown name, and counted as a failed sign-in like any other
    show = ["case", "show", "QS-20261127-ZZ9999", "--as", "admin", "--db", str(laptop)]
    assert run(show) == 2
    err = capsys.readouterr().err
    assert "用户名或密码不正确" in err, err
    after = dump(laptop, LAPTOP_KEYS)
    assert after.pop("sign_in_failures") == [("admin", 1, TEST_NOW_MS)]
    assert after == {k: v for k, v in before.items() if k != "sign_in_failures"}
    monkeypatch.delenv("TOWNDESK_KEY_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run(["sync", "verify", str(good), "--db", str(laptop), *ON_THE_LAPTOP]) == 2
    assert "TOWNDESK_KEY_PASSWORD" in capsys.readouterr().err


def test_a_revoked_laptop_is_refused_and_verify_finds_tampering(
    pair: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    office, laptop, folder = pair["office"], pair["laptop"], pair["folder"]
    office_code = _office_code(capsys, laptop)
    up = folder / "up.tdsync"
    assert (
        run(
            [
                "sync",
                "export",
                "--db",
                str(laptop),
                *ON_THE_LAPTOP,
                "--to",
                office_code,
                "-o",
                str(up),
                "--key-password",
                LAPTOP_KEYS,
            ]
        )
        == 0
    )
    revoke = ["device", "revoke", "青石村网格终端", "--reason", "丢失", "--db", str(office)]
    before = dump(office)
    assert run([*revoke, "--key-password", "wrong-password"]) == 2  # the office's key password
    assert "口令不正确" in capsys.readouterr().err
    assert dump(office) == before
    assert run([*revoke, "--key-password", OFFICE_KEYS]) == 0
    before = dump(office)
    capsys.readouterr()
    assert run(["sync", "import", str(up), "--db", str(office), "--key-password", OFFICE_KEYS]) == 2
    assert "已注销" in capsys.readouterr().err
    assert dump(office) == before

    copy = folder / "copy" / "towndesk.sqlite3"
    copy.parent.mkdir()
    shutil.copy(office, copy)

    conn = sqlite_driver.connect(copy)
    conn.execute("DROP TRIGGER events_are_never_updated")
    conn.execute(
        "UPDATE events SET payload = json_set(payload, '$.description', '已篡改') "
        "WHERE rowid = (SELECT min(rowid) FROM events WHERE type = 'case.registered')"
    )
    conn.commit()
    conn.close()
    assert run(["verify", "--db", str(copy), "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and any("已被改动" in p for p in report["problems"])
