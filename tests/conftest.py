"""Shared fixtures. Qt runs offscreen; every test works in its own temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.clock import DEMO_NOW_MS, TestClock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # the township office PC's screen, less its taskbar: what every window must fit
    OFFICE_SCREEN = Path(__file__).with_name("office_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={OFFICE_SCREEN}"
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/wqy")

DEMO_CASES = 400
# The demo moves its most recent cases along the case path, and a township of 400 cases has
# only a case or two waiting at the desk at any moment: the tests' demo leaves its oldest
# cases untriaged (as the window's large demo does), for the tests to route themselves.
DEMO_UNTRIAGED = 60


@pytest.fixture
def clock() -> TestClock:
    """The one clock of the tests: an hour after the demo's present, until a test moves it."""
    return TestClock()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo township built once per test run; tests get their own copy. Without the
    demo's joint meetings, so tests of meetings number and refer from a clean slate (the
    meetings themselves: tests/store/test_demo_meetings.py), and without its photos, so
    tests of evidence start from an empty store (the photos: tests/store/test_demo.py)."""
    from app.store.demo.township import build_demo

    path = tmp_path_factory.mktemp("demo-template") / "towndesk.sqlite3"
    walked = DEMO_CASES - DEMO_UNTRIAGED
    build_demo(
        path,
        cases=DEMO_CASES,
        seed=7,
        now_ms=DEMO_NOW_MS,
        meetings=False,
        walk=walked,
        photos=False,
    )
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (WAL checkpointed into the main file)."""
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy2(demo_template, target)
    return target


@pytest.fixture
def demo_db(demo_path: Path):
    from app.store.setup import open_database

    db = open_database(demo_path)
    yield db
    db.close()
