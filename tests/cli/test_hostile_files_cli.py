"""The command line on files that are not a sound TownDesk database: one plain Chinese line,
exit code 1 or 2, and the file as it was."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from app.store import sqlite_driver
from tests.cli.signed import run
from tests.clock import TestClock

CJK = re.compile(r"[\u4e00-\u9fff]")


def one_plain_line(capsys, *argv: str) -> str:
    code = run(list(argv), TestClock())
    out, err = capsys.readouterr()
    assert code in (1, 2)
    assert out == ""
    assert err.startswith("错误：") and CJK.search(err), err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "malformed" not in err
    return err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_programs_database(capsys, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite_driver.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    before = digest(path)
    err = one_plain_line(capsys, "case", "list", "--db", str(path))
    assert "不是 TownDesk 的数据库" in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_folder(capsys, tmp_path: Path) -> None:
    err = one_plain_line(capsys, "case", "list", "--db", str(tmp_path))
    assert "是一个文件夹" in err


def test_damage_found_past_the_header(capsys, demo_path: Path) -> None:
    """The file opens (its header and schema are sound); the cases' pages are not."""
    conn = sqlite_driver.connect(demo_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'cases'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with demo_path.open("r+b") as data:
        data.seek((root - 1) * page_size)
        data.write(os.urandom(page_size))
    err = one_plain_line(capsys, "case", "list", "--db", str(demo_path))
    assert "不是 TownDesk 数据库或已损坏" in err


@pytest.mark.parametrize("junk", [b"", b"SQLite format 3\x00" + b"\x00" * 20])
def test_an_empty_or_cut_file(capsys, tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "towndesk.sqlite3"
    path.write_bytes(junk)
    one_plain_line(capsys, "case", "list", "--db", str(path))
    assert path.read_bytes() == junk
