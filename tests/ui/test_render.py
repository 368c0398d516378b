"""Screenshots and the self-test used by ``towndesk screenshot`` and ``towndesk self-test``."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage

from app.ui.render import PAGE_NAMES, render_page, self_test
from tests.clock import TestClock


@pytest.mark.parametrize("page", PAGE_NAMES)
def test_render_page_writes_a_png(qapp, demo_path, tmp_path, page):
    out = render_page(demo_path, page, tmp_path / f"{page}.png", TestClock(), size=(1280, 760))
    assert out.stat().st_size > 5000
    image = QImage(str(out))
    assert not image.isNull()
    small = {"signin": 300, "triage": 450}  # dialogs, not the window
    assert image.width() >= small.get(page, 600)


def test_the_triage_screenshot_writes_nothing(qapp, demo_path, demo_db, tmp_path):
    events = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    out = render_page(demo_path, "triage", tmp_path / "triage.png", TestClock())
    assert QImage(str(out)).height() > 200
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == events


def test_render_a_named_case_in_english(qapp, demo_path, demo_db, tmp_path):
    number = demo_db.execute("SELECT number FROM cases LIMIT 1").fetchone()[0]
    out = render_page(
        demo_path, "case", tmp_path / "c.png", TestClock(), language="en", case_number=number
    )
    assert QImage(str(out)).width() > 0


def test_render_refuses_an_unknown_page(qapp, demo_path, tmp_path):
    with pytest.raises(ValueError):
        render_page(demo_path, "nope", tmp_path / "x.png", TestClock())


def test_render_writes_nothing_to_the_database(qapp, demo_path, demo_db, tmp_path):
    render_page(demo_path, "cases", tmp_path / "x.png", TestClock())
    assert demo_db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    assert demo_db.execute("SELECT count(*) FROM sign_in_failures").fetchone()[0] == 0


def test_self_test_passes_on_a_good_database(qapp, demo_path):
    assert self_test(demo_path, TestClock()) == []


def test_self_test_reports_charts_that_cannot_be_loaded(qapp, demo_path, monkeypatch):
    # a build that left out what pyqtgraph imports at run time: None in sys.modules fails the import
    monkeypatch.setitem(sys.modules, "pyqtgraph", None)
    problems = self_test(demo_path, TestClock())
    assert len(problems) == 1 and problems[0].startswith("图表组件无法加载：")


def test_self_test_reports_a_missing_database(qapp, tmp_path):
    problems = self_test(tmp_path / "missing.sqlite3", TestClock())
    assert problems and "还没有初始化" in problems[-1]


def test_the_command_line_offers_exactly_the_pages_that_render() -> None:
    from app.cli.main import build_parser
    from app.ui.render import PAGE_NAMES

    parser = build_parser()
    screenshot = parser._subparsers._group_actions[0].choices["screenshot"]
    page_option = next(a for a in screenshot._actions if a.dest == "page")
    assert set(page_option.choices) == set(PAGE_NAMES)


def test_the_sync_page_renders_locked_without_a_password_and_writes_nothing(
    qapp, demo_path, demo_db, tmp_path
):
    from app.sync.keys import key_file_beside

    out = render_page(demo_path, "sync", tmp_path / "sync.png", TestClock())
    assert QImage(str(out)).width() >= 600
    assert not key_file_beside(demo_path).exists()  # no keys were made
    assert demo_db.execute("SELECT count(*) FROM devices").fetchone()[0] == 0
    assert demo_db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
