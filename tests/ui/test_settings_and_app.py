"""Settings page, preferences in the database, and the window's geometry."""

from __future__ import annotations

import threading

from app.store.case_list import CaseFilter, count_cases
from app.store.changes import EVERYTHING
from app.store.rebuild import RebuildCancelled
from app.store.settings import LANGUAGE, WINDOW_GEOMETRY, read_setting, write_setting
from app.ui.app import chosen_language
from app.ui.settings import page as settings_page
from tests.ui.conftest import open_window


def test_language_choice_is_saved_and_applies_after_restart(qtbot, window, demo_db):
    page = window.settings
    assert "重新启动" in page.language_note.text()
    with qtbot.waitSignal(page.message):
        page.language.setCurrentIndex(page.language.findData("en"))
    assert read_setting(demo_db, LANGUAGE) == "en"
    assert chosen_language(demo_db, None) == "en"
    assert chosen_language(demo_db, "zh_CN") == "zh_CN"  # the command line wins
    assert window.nav.item(0).text() == "工作台"  # nothing changes until restart


def test_unknown_saved_language_falls_back_to_chinese(demo_db):
    write_setting(demo_db, LANGUAGE, "fr")
    assert chosen_language(demo_db, None) == "zh_CN"


def test_rebuild_is_for_administrators_only(qtbot, window, demo_path, demo_db):
    assert not window.settings.rebuild_button.isEnabled()
    admin = open_window(qtbot, demo_path, demo_db, "admin")
    assert admin.settings.rebuild_button.isEnabled()
    before = count_cases(demo_db, CaseFilter())
    with qtbot.waitSignal(admin.session.changed, timeout=10_000) as told:
        admin.settings.start_rebuild()
    assert told.args[0] == EVERYTHING  # every page reads again, reference data too
    assert "重建数据" in admin.statusBar().currentMessage()
    assert count_cases(demo_db, CaseFilter()) == before


def test_window_geometry_is_remembered(qtbot, demo_path, demo_db):
    first = open_window(qtbot, demo_path, demo_db, "clerk")
    first.remember_geometry = True
    first.resize(1030, 700)
    first.close()
    assert isinstance(read_setting(demo_db, WINDOW_GEOMETRY), str)
    second = open_window(qtbot, demo_path, demo_db, "clerk")
    assert second.restore_geometry()
    assert second.height() == 700  # (the offscreen screen is narrow: width is clamped)


def test_header_and_status_bar(qtbot, window, demo_path):
    assert "青石镇" in window.windowTitle()
    assert str(demo_path) in window.path_label.text()
    # counted on the worker once the window is up (a whole index at a million cases)
    qtbot.waitUntil(lambda: window.count_label.text() == "案件总数 400 件")


def test_a_cancelled_rebuild_changes_nothing_and_says_so(qtbot, demo_path, demo_db, monkeypatch):
    release = threading.Event()

    def slow_rebuild(_db, _user, progress) -> int:
        release.wait(10)
        if not progress(1, 2):
            raise RebuildCancelled()
        return 2

    monkeypatch.setattr(settings_page, "rebuild", slow_rebuild)
    admin = open_window(qtbot, demo_path, demo_db, "admin")
    admin.runner.progress_delay_ms = 0
    told: list[object] = []
    admin.session.changed.connect(told.append)
    admin.settings.start_rebuild()
    assert not admin.settings.rebuild_button.isEnabled()
    qtbot.waitUntil(lambda: admin.runner.progress_dialog is not None)
    admin.runner.progress_dialog.canceled.emit()  # as its Cancel button does
    release.set()
    qtbot.waitUntil(admin.settings.rebuild_button.isEnabled)
    assert admin.statusBar().currentMessage() == "已取消重建，数据没有变化。"
    assert told == []  # nothing changed, so no page reads again
