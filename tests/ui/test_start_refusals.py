"""The window's start on a database it cannot open: one plain message in a box (no
traceback, no details), exit code 1, and the file exactly as it was."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.store import sqlite_driver
from app.ui.app import run_window
from tests.clock import TestClock


def start_and_read_the_box(path: Path) -> tuple[int, list[tuple[str, str]]]:
    """Start the window; close the first message box it shows, keeping its text."""
    seen: list[tuple[str, str]] = []
    polls: list[int] = []

    def close_the_box() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            polls.append(1)
            if len(polls) < 250:
                QTimer.singleShot(20, close_the_box)
            else:  # no message (the sign-in opened?): end the start so the test fails
                QApplication.closeAllWindows()
            return
        seen.append((boxes[0].text(), boxes[0].detailedText()))
        boxes[0].done(0)

    QTimer.singleShot(0, close_the_box)
    code = run_window(path, TestClock())
    return code, seen


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    conn = sqlite_driver.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    before = digest(path)
    code, seen = start_and_read_the_box(path)
    assert code == 1
    assert len(seen) == 1
    text, details = seen[0]
    assert "不是 TownDesk 的数据库" in text and details == ""
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_damage_found_after_opening(demo_path: Path) -> None:
    """The header and schema are sound, the township's page is not: found by the sign-in's
    first read, still one plain message."""
    conn = sqlite_driver.connect(demo_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'township'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with demo_path.open("r+b") as data:
        data.seek((root - 1) * page_size)
        data.write(os.urandom(page_size))
    code, seen = start_and_read_the_box(demo_path)
    assert code == 1
    text, details = seen[0]
    assert "不是 TownDesk 数据库或已损坏" in text and details == ""


def test_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "towndesk.sqlite3"
    folder.mkdir()
    code, seen = start_and_read_the_box(folder)
    assert code == 1 and "是一个文件夹" in seen[0][0]
