"""The window merges the search index on idle (ui/search_upkeep.py): a step only when the
clerk and the worker have been idle, one at a time, other work first, failures quiet.
The idle time is read from a clock the test moves; the timer is driven by calling
``check`` (what its timeout calls), so nothing sleeps."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from sqlite_utils import Database

import app.store.case_values as case_values
import app.store.values_kept as values_kept
import app.ui.search_upkeep as search_upkeep
from app.store.database import write_transaction
from app.store.grid_terms import UNREAD_BELOW, lacks
from app.store.search_index import Merging, merge_step, segment_count
from app.store.settings import write_setting
from app.store.setup import open_database
from app.ui.common.runner import BackgroundRunner, Operation
from app.ui.search_upkeep import START_AFTER_MS, SearchIndexUpkeep, upkeep_step
from tests.store.test_search_index import register_one_by_one
from tests.ui.conftest import open_window

IDLE_MS = 10_000


class Clock:
    def __init__(self) -> None:
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


@pytest.fixture
def runner(qtbot, demo_path: Path) -> Iterator[BackgroundRunner]:
    runner = BackgroundRunner(demo_path)
    errors: list[BaseException] = []
    runner.error_handler = lambda error, _details: errors.append(error)
    runner.errors = errors  # type: ignore[attr-defined]
    yield runner
    runner.shutdown()


class Steps:
    """A step the test sees: how many started, and each waits until let go if asked."""

    def __init__(self, outcomes: list[Merging], hold: bool = False) -> None:
        self.outcomes = outcomes
        self.started = 0
        self.running = 0
        self.most_running = 0
        self.go = threading.Event()
        if not hold:
            self.go.set()
        self.lock = threading.Lock()

    def __call__(self, _db: Database) -> Merging:
        with self.lock:
            self.started += 1
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            outcome = self.outcomes[min(self.started, len(self.outcomes)) - 1]
        self.go.wait(10)
        with self.lock:
            self.running -= 1
        return outcome


def upkeep_for(
    runner: BackgroundRunner, clock: Clock, step: Callable[[Database], Merging]
) -> SearchIndexUpkeep:
    upkeep = SearchIndexUpkeep(
        runner, start_after_ms=0, idle_ms=IDLE_MS, pause_ms=0, step=step, now=clock
    )
    upkeep.start()
    upkeep.check()  # the start's timeout: the input watch from now on
    return upkeep


def settle(qtbot, upkeep: SearchIndexUpkeep) -> None:
    qtbot.waitUntil(lambda: upkeep.step is None and not upkeep.runner.is_busy(), timeout=5000)


def test_a_step_runs_only_once_the_clerk_has_been_idle(qtbot, runner) -> None:
    clock, steps = Clock(), Steps([Merging.DONE])
    upkeep = upkeep_for(runner, clock, steps)
    line = QLineEdit()
    qtbot.addWidget(line)
    clock.advance(IDLE_MS / 1000 - 1)
    upkeep.check()
    assert upkeep.step is None  # nine seconds: not yet
    QTest.keyClick(line, Qt.Key.Key_A)  # the clerk types
    clock.advance(5)
    upkeep.check()
    assert upkeep.step is None  # five seconds after the key
    clock.advance(IDLE_MS / 1000)
    upkeep.check()
    assert upkeep.step is not None
    settle(qtbot, upkeep)
    assert steps.started == 1
    assert upkeep.resting  # merged: nothing until the clerk comes back
    upkeep.stop()


def test_typing_through_an_input_method_is_activity(qtbot, runner) -> None:
    """Chinese typed with pinyin (ibus, fcitx, Microsoft Pinyin): the input method takes the
    keys, and the line edit gets what is composed as input-method events, no KeyPress."""
    clock, steps = Clock(), Steps([Merging.DONE])
    upkeep = upkeep_for(runner, clock, steps)
    line = QLineEdit()
    qtbot.addWidget(line)
    clock.advance(IDLE_MS / 1000 - 1)
    for composing in ("z", "zh", "zhan"):  # 占, being composed
        QCoreApplication.sendEvent(line, QInputMethodEvent(composing, []))
    clock.advance(5)
    upkeep.check()
    assert upkeep.step is None  # five seconds after the clerk's last keystroke
    upkeep.stop()


def test_no_step_while_the_worker_has_work(qtbot, runner) -> None:
    clock, steps = Clock(), Steps([Merging.DONE])
    upkeep = upkeep_for(runner, clock, steps)
    release = threading.Event()
    runner.run(Operation(lambda _db, _p: release.wait(10)))  # a slow list read
    clock.advance(IDLE_MS / 1000 + 5)
    upkeep.check()
    assert upkeep.step is None
    release.set()
    settle(qtbot, upkeep)
    clock.advance(5)
    upkeep.check()
    assert upkeep.step is None  # the worker was busy five seconds ago
    clock.advance(IDLE_MS / 1000)
    upkeep.check()
    settle(qtbot, upkeep)
    assert steps.started == 1
    upkeep.stop()


def test_one_step_at_a_time_and_other_work_first(qtbot, runner) -> None:
    clock = Clock()
    steps = Steps([Merging.MORE, Merging.MORE, Merging.DONE], hold=True)
    upkeep = upkeep_for(runner, clock, steps)
    clock.advance(IDLE_MS / 1000 + 1)
    upkeep.check()
    qtbot.waitUntil(lambda: steps.running == 1, timeout=5000)
    for _ in range(3):  # the timer firing again meanwhile
        upkeep.check()
    order: list[str] = []
    runner.run(Operation(lambda _db, _p: order.append("read")))  # the clerk's list
    upkeep.timer.timeout.emit()
    assert len(runner._running) == 2  # the step and the read: no second step queued
    steps.go.set()
    settle(qtbot, upkeep)
    assert order == ["read"] and steps.started == 1  # the read came before any next step
    clock.advance(IDLE_MS / 1000 + 1)
    upkeep.check()
    qtbot.waitUntil(lambda: upkeep.resting, timeout=5000)  # the rest, a step at a time
    assert steps.started == 3
    assert steps.most_running == 1
    upkeep.stop()


def test_a_failing_step_stops_quietly_until_the_next_idle_period(qtbot, runner) -> None:
    clock = Clock()

    def failing(_db: Database) -> Merging:
        raise RuntimeError("disk gone")

    upkeep = upkeep_for(runner, clock, failing)
    clock.advance(IDLE_MS / 1000 + 1)
    upkeep.check()
    settle(qtbot, upkeep)
    assert upkeep.resting
    assert runner.errors == []  # type: ignore[attr-defined]  # no error dialog
    clock.advance(IDLE_MS / 1000 + 1)
    upkeep.check()
    assert upkeep.step is None  # stopped: not again in the same idle period
    runner.run(Operation(lambda _db, _p: None))  # the clerk works again
    settle(qtbot, upkeep)
    assert not upkeep.resting
    clock.advance(IDLE_MS / 1000 + 1)
    upkeep.check()
    assert upkeep.step is not None  # the next idle period tries again
    settle(qtbot, upkeep)
    upkeep.stop()


def test_idle_steps_merge_the_index(qtbot, demo_path: Path) -> None:
    db = open_database(demo_path)
    register_one_by_one(db, demo_path, 24)
    assert segment_count(db) > 2
    runner = BackgroundRunner(demo_path)
    upkeep = SearchIndexUpkeep(
        runner,
        start_after_ms=0,
        idle_ms=0,
        pause_ms=0,
        step=lambda db: merge_step(db, pages=2, most_segments=1),
    )
    try:
        upkeep.start()
        qtbot.waitUntil(lambda: upkeep.resting, timeout=20_000)
        assert upkeep.steps > 3
        assert segment_count(db) == 1
    finally:
        upkeep.stop()
        runner.shutdown()
        db.close()


def test_idle_steps_keep_a_search_first_then_read_the_values_then_the_grids_terms_then_merge(
    monkeypatch,
) -> None:
    """A step first keeps a common search read since (store/search_bitmaps.py: its hits
    hold only until the next commit; one that cannot be written waits, noted), else reads
    a chunk of the cases' fixed values (store/case_values.py) while there are more, then
    the terms of a chunk of cases (store/grid_terms.py: a database made before schema 16),
    then merges the index a step at a time (a merge step that finds nothing worth merging
    still writes: not at every read); a step that cannot write the terms stops."""
    calls: list[str] = []
    kept = iter([False, False, True, None, False, False])
    chunks = iter([True, False, False, False, False])
    terms = iter([True, False, False, None])
    merges = iter([Merging.MORE, Merging.DONE])
    monkeypatch.setattr(search_upkeep, "keep_noted", lambda _db: calls.append("keep") or next(kept))
    monkeypatch.setattr(
        search_upkeep, "read_more", lambda _db: calls.append("read") or next(chunks)
    )
    monkeypatch.setattr(
        search_upkeep, "read_more_terms", lambda _db: calls.append("terms") or next(terms)
    )
    monkeypatch.setattr(
        search_upkeep, "merge_step", lambda _db: calls.append("merge") or next(merges)
    )
    outcomes = [upkeep_step(None) for _ in range(6)]  # type: ignore[arg-type]
    assert outcomes == [Merging.MORE] * 4 + [Merging.DONE, Merging.STOPPED]
    assert calls == (
        ["keep", "read"]
        + ["keep", "read", "terms"]
        + ["keep"]
        + ["keep", "read", "terms", "merge"] * 2
        + ["keep", "read", "terms"]
    )


def test_idle_steps_read_every_case(demo_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(values_kept, "CHUNK", 100)
    monkeypatch.setattr(values_kept, "READ_WHEN_ASKED", 0)  # (not read when asked)
    db = open_database(demo_path)
    try:
        top = numpy.array([db.execute("SELECT max(seq) FROM cases").fetchone()[0]])
        with write_transaction(db):  # as db/0016 leaves a database made before it
            db.execute("DELETE FROM grid_search_terms")
            write_setting(db, UNREAD_BELOW, int(top[0]) + 1)
        assert case_values.values_holding(db, "grid_code", top) is None
        assert not lacks(db, "G07", "占道")
        while upkeep_step(db) is Merging.MORE:
            pass
        assert case_values.values_holding(db, "grid_code", top) is not None
        assert lacks(db, "G07", "占道") and not lacks(db, "G07", "北沟村")
    finally:
        db.close()


def test_the_window_waits_before_merging_and_stops_on_closing(qtbot, demo_path, demo_db) -> None:
    window = open_window(qtbot, demo_path, demo_db, "clerk")
    upkeep = window.search_upkeep
    assert upkeep.timer.isActive()
    assert upkeep.timer.remainingTime() > START_AFTER_MS - 5_000  # not in the first seconds
    assert upkeep.step is None
    window.close()
    assert upkeep.closed and not upkeep.timer.isActive()
    upkeep.check()
    assert upkeep.step is None  # nothing queued on a closed window's worker
