"""First start without a database: the demo is made on the worker thread, then sign-in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from app.store.case_list import CaseFilter, count_cases
from app.store.setup import open_database
from app.ui.setup.first_run import DEMO_CASES, FirstRunDialog


def test_first_run_creates_the_demo_township(qtbot, tmp_path: Path, clock) -> None:
    path = tmp_path / "new" / "towndesk.sqlite3"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_button.click()
    assert not dialog.demo_button.isEnabled()  # no second demo while the first is made
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=60_000)
    db = open_database(path)
    assert count_cases(db, CaseFilter()) == DEMO_CASES
    db.close()
    assert not list(path.parent.glob("*.partial*"))


def test_quitting_the_first_run_creates_nothing(qtbot, tmp_path: Path, clock) -> None:
    path = tmp_path / "towndesk.sqlite3"
    dialog = FirstRunDialog(path, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert list(tmp_path.iterdir()) == []
