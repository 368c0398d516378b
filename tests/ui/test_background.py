"""The background-operation runner: results by signal, errors to one handler, a progress
dialog only for slow work, and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

import app.ui.common.runner as runner_module
from app.core.errors import DomainError
from app.ui.common.runner import BackgroundRunner, Operation


@pytest.fixture
def runner(qtbot, demo_path: Path):
    errors: list[BaseException] = []
    runner = BackgroundRunner(demo_path)
    runner.error_handler = lambda error, _details: errors.append(error)
    runner.errors = errors  # type: ignore[attr-defined]
    yield runner
    runner.shutdown()


def test_fast_work_returns_by_signal_without_a_progress_dialog(qtbot, runner):
    results = []
    ui_thread = threading.get_ident()

    def work(db, _progress):
        return threading.get_ident(), db.execute("SELECT count(*) FROM cases").fetchone()[0]

    operation = Operation(work, results.append, label="数数")
    with qtbot.waitSignal(runner.done):
        runner.run(operation)
    ((worker_thread, count),) = results
    assert count == 400
    assert worker_thread != ui_thread  # its own thread, its own connection
    qtbot.wait(runner.progress_delay_ms + 100)  # past the moment a dialog would appear
    assert runner.progress_dialog is None
    assert not runner.is_busy()


def test_exceptions_reach_the_error_handler(qtbot, runner):
    def work(_db, _progress):
        raise DomainError("case_unknown", value="QS-1")

    with qtbot.waitSignal(runner.done):
        runner.run(Operation(work))
    assert len(runner.errors) == 1
    assert str(runner.errors[0]) == "案件“QS-1”不存在。"


def test_a_failure_callback_takes_the_error_instead(qtbot, runner):
    seen = []
    with qtbot.waitSignal(runner.done):
        runner.run(Operation(lambda _db, _p: 1 / 0, failure=seen.append))
    assert isinstance(seen[0], ZeroDivisionError)
    assert runner.errors == []


def test_slow_work_shows_progress_and_can_be_cancelled(qtbot, runner):
    runner.progress_delay_ms = 50
    release = threading.Event()
    answers: list[bool] = []

    def work(_db, progress):
        progress(1, 10)
        release.wait(10)
        answers.append(progress(5, 10))
        return "finished"

    results = []
    runner.run(Operation(work, results.append, label="重建数据"))
    qtbot.waitUntil(lambda: runner.progress_dialog is not None)
    assert runner.progress_dialog.isVisible()
    assert runner.progress_dialog.labelText() == "重建数据"
    cancel_button = runner.progress_dialog.findChild(QPushButton)
    assert cancel_button.text() == "取消"
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy())
    assert answers == [False]  # the work was told to stop
    assert results == []  # and its result is dropped
    assert runner.progress_dialog is None


def test_operations_run_one_after_another(qtbot, runner):
    order = []
    for n in range(5):
        runner.run(Operation(lambda _db, _p, n=n: n, order.append))
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]


def test_a_cancelled_operation_that_has_not_started_never_runs(qtbot, runner):
    release = threading.Event()
    ran = []
    runner.run(Operation(lambda _db, _p: release.wait(10)))
    second = runner.run(Operation(lambda _db, _p: ran.append(1)))
    second.cancel()
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy() or bool(ran))
    assert ran == []


ENDLESS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"


def test_closing_interrupts_a_read_still_running(qtbot, runner, monkeypatch):
    """A read still running when the window closes (a count over millions of cases) is
    interrupted after the grace period: a worker thread left running aborts the program
    when it ends."""
    monkeypatch.setattr(runner_module, "SHUTDOWN_GRACE_MS", 50)
    started = threading.Event()

    def counting(db, _progress):
        started.set()
        return db.execute(ENDLESS).fetchone()

    runner.run(Operation(counting))
    assert started.wait(10)
    runner.shutdown()
    assert not runner._thread.isRunning()


def test_closing_waits_for_the_writes_queued(qtbot, runner, monkeypatch):
    """A write queued behind others still runs when the window closes: what the clerk
    saved is not dropped (a read queued is)."""
    monkeypatch.setattr(runner_module, "SHUTDOWN_GRACE_MS", 50)
    done: list[str] = []
    started = threading.Event()

    def slow(name: str):
        def work(_db, _progress):
            started.set()
            threading.Event().wait(0.2)
            done.append(name)

        return work

    runner.run(Operation(slow("read")))
    runner.run(Operation(slow("queued read")))
    runner.run(Operation(slow("write"), report_if_cancelled=True))
    assert started.wait(10)  # the first read runs; the others wait their turn
    runner.shutdown()
    assert done == ["read", "write"]
    assert not runner._thread.isRunning()
