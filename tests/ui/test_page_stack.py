"""The window builds its pages when first needed (ui/page_stack.py)."""

from __future__ import annotations

import gc
from pathlib import Path

from app.store.reference import user_by_name
from app.ui.main_window import MainWindow
from app.ui.page_stack import PAGE_CLASSES, PAGES, PageOf
from tests.clock import TestClock


def test_only_the_workbench_is_built_with_the_window_then_the_rest_once_it_shows(
    qtbot, window
) -> None:
    # the conftest's window is shown; the others come one per turn of the event loop
    assert "workbench" in window.stack.built
    qtbot.waitUntil(lambda: len(window.stack.built) == len(PAGES), timeout=20_000)
    for row, key in enumerate(PAGES):  # each page stands at its navigation row
        assert window.stack.widget(row).widget() is window.stack.built[key]


def test_once_every_page_is_built_the_collector_leaves_what_the_window_holds(
    qtbot, demo_path, demo_db
) -> None:
    """Its full passes over ~100,000 objects took 30-40 ms, stopping whatever was asked
    then; they are frozen once every page is built, and let go when the window closes."""
    gc.unfreeze()
    window = MainWindow(demo_path, demo_db, user_by_name(demo_db, "clerk"), TestClock())
    window.remember_geometry = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.stack.built) == len(PAGES), timeout=20_000)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    window.close()
    assert gc.get_freeze_count() == 0


def test_a_page_asked_for_is_built_at_once_in_its_place(qtbot, demo_path, demo_db) -> None:
    window = MainWindow(demo_path, demo_db, user_by_name(demo_db, "clerk"), TestClock())
    window.remember_geometry = False
    qtbot.addWidget(window)
    assert sorted(window.stack.built) == ["workbench"]  # not shown: nothing more is built
    board = window.board
    assert window.stack.built["board"] is board
    assert window.stack.widget(PAGES.index("board")).widget() is board
    window.show_page("calls")
    assert window.stack.currentWidget().widget() is window.stack.built["calls"]
    assert isinstance(MainWindow.cases, PageOf)  # the class itself builds nothing
    window.close()


def test_the_packaged_program_carries_every_page_imported_by_name() -> None:
    spec = (Path(__file__).parents[2] / "build.spec").read_text(encoding="utf-8")
    for where in PAGE_CLASSES.values():
        module = where.split(":")[0]
        assert f'"{module}",' in spec, module
