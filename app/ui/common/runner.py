"""Background operations, in the manner of Anki's ``QueryOp``.

One worker thread with its own database connection runs ``work(db, progress)`` and hands
the result back to the UI thread by signal. Exceptions go to one error handler (a dialog
by default). A progress dialog appears only when the work takes longer than ~600 ms, so
fast work never flickers; its Cancel makes ``progress(done, total)`` return False.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from sqlite_utils import Database

from app.core.errors import DomainError
from app.store.encryption import DatabaseFile
from app.store.setup import open_database
from app.ui.common.i18n import error_text

Progress = Callable[[int, int], bool]  # (done, total) -> go on?
Work = Callable[[Database | None, Progress], Any]

PROGRESS_DELAY_MS = 600
# On closing, work under way may finish for this long (a write committing); a read still
# running then (a count over millions of cases) is interrupted: a thread left running when
# the program ends aborts it.
SHUTDOWN_GRACE_MS = 3_000
SHUTDOWN_WRITES_MS = 120_000  # writes still queued or running: they are waited for
NOT_RUN = object()  # the outcome of work cancelled before it started
_ids = count(1)


@dataclass(eq=False)
class Operation:
    """What to run, what to do with the result, and how to tell the user it is running."""

    work: Work
    success: Callable[[Any], None] = lambda _result: None
    failure: Callable[[BaseException], None] | None = None  # None: the runner's error handler
    refused: Callable[[DomainError], None] | None = None  # a rule said no (in a form: inline)
    settled: Callable[[], None] | None = None  # afterwards, whatever the outcome
    # a write that finished is reported even if Cancel came too late to stop it
    report_if_cancelled: bool = False
    label: str = ""  # shown in the progress dialog
    needs_database: bool = True
    id: int = field(default_factory=lambda: next(_ids))
    cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Ask the work to stop; its result (if any) is then dropped."""
        self.cancelled.set()


class _Worker(QObject):
    """Lives on the worker thread. Signals carry only operation ids; results wait in a
    locked dict, so no Python object travels through Qt's queued connections (PySide
    has had reference-count bugs there, e.g. 6.12.0)."""

    finished = Signal(int)  # operation id; the outcome is in ``outcomes``
    progressed = Signal(int, int, int)  # operation id, done, total

    def __init__(self, database: Path | DatabaseFile) -> None:
        super().__init__()
        self.database = database  # a path, or the path and key of an encrypted database
        self.db: Database | None = None
        self.lock = threading.Lock()
        self.pending: dict[int, Operation] = {}
        self.outcomes: dict[int, tuple[bool, Any, str]] = {}  # id -> (ok, result/error, details)

    @Slot(int)
    def execute(self, operation_id: int) -> None:
        with self.lock:
            operation = self.pending.pop(operation_id)
        if operation.cancelled.is_set():  # superseded before it started (a newer search)
            self._report(operation_id, (True, NOT_RUN, ""))  # forgotten; no success call
            return

        def progress(done: int, total: int) -> bool:
            self.progressed.emit(operation_id, done, total)
            return not operation.cancelled.is_set()

        try:
            db = None
            if operation.needs_database:
                if self.db is None:
                    self.db = open_database(self.database)
                db = self.db
            outcome = (True, operation.work(db, progress), "")
        except BaseException as error:  # every failure must reach the user, not the console
            outcome = (False, error, traceback.format_exc())
        self._report(operation_id, outcome)

    def _report(self, operation_id: int, outcome: tuple[bool, Any, str]) -> None:
        with self.lock:
            self.outcomes[operation_id] = outcome
        self.finished.emit(operation_id)

    def take_outcome(self, operation_id: int) -> tuple[bool, Any, str]:
        with self.lock:
            return self.outcomes.pop(operation_id)

    def interrupt(self) -> None:
        """Stop the SQL this worker runs now (called from another thread: SQLite allows it)."""
        db = self.db
        if db is not None:
            db.conn.interrupt()

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
        QThread.currentThread().quit()


class BackgroundRunner(QObject):
    """Runs operations one after another on a single worker thread."""

    _submit = Signal(int)
    _close = Signal()
    started = Signal()
    done = Signal()  # emitted after success or failure handling

    def __init__(self, database: Path | DatabaseFile, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.parent_widget = parent_widget
        self.error_handler: Callable[[BaseException, str], None] = self.show_error
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.progress_dialog: QProgressDialog | None = None
        self._running: dict[int, Operation] = {}
        self._thread = QThread()
        self._thread.setObjectName("towndesk-worker")
        self._worker = _Worker(database)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute, Qt.ConnectionType.QueuedConnection)
        self._close.connect(self._worker.close, Qt.ConnectionType.QueuedConnection)
        self._worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._worker.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    def run(self, operation: Operation) -> Operation:
        self._running[operation.id] = operation
        with self._worker.lock:
            self._worker.pending[operation.id] = operation
        self.started.emit()
        if operation.label:
            QTimer.singleShot(self.progress_delay_ms, lambda: self._maybe_show(operation))
        self._submit.emit(operation.id)
        return operation

    def is_busy(self) -> bool:
        return bool(self._running)

    def shutdown(self) -> None:
        """Close the worker's connection and stop the thread, after the work queued. Reads
        (a count over millions of cases) still running after SHUTDOWN_GRACE_MS are
        interrupted; writes are waited for (SHUTDOWN_WRITES_MS at most)."""
        if self._thread.isRunning():
            writes = any(op.report_if_cancelled for op in self._running.values())
            for operation in self._running.values():
                if not operation.report_if_cancelled:
                    operation.cancel()  # a read not started yet is skipped
            self._close.emit()
            if not self._thread.wait(SHUTDOWN_WRITES_MS if writes else SHUTDOWN_GRACE_MS):
                self._worker.interrupt()
                self._thread.wait(10_000)

    # -- progress dialog -----------------------------------------------------------------

    def _maybe_show(self, operation: Operation) -> None:
        if operation.id not in self._running or operation.cancelled.is_set():
            return
        dialog = QProgressDialog(operation.label, self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.tr("Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(operation.cancel)
        dialog.setProperty("operation_id", operation.id)
        dialog.show()
        self.progress_dialog = dialog

    def _close_dialog(self, operation: Operation) -> None:
        dialog = self.progress_dialog
        if dialog is not None and dialog.property("operation_id") == operation.id:
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()
            self.progress_dialog = None

    @Slot(int, int, int)
    def _progressed(self, operation_id: int, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is not None and dialog.property("operation_id") == operation_id and total:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    # -- results -------------------------------------------------------------------------

    @Slot(int)
    def _finished(self, operation_id: int) -> None:
        ok, value, details = self._worker.take_outcome(operation_id)
        operation = self._running.pop(operation_id)
        self._close_dialog(operation)
        try:
            ran = value is not NOT_RUN
            if ok and ran and (operation.report_if_cancelled or not operation.cancelled.is_set()):
                operation.success(value)
            elif not ok and isinstance(value, DomainError) and operation.refused is not None:
                operation.refused(value)
            elif not ok and operation.failure is not None:
                operation.failure(value)
            elif not ok and not operation.cancelled.is_set():
                self.error_handler(value, details)
        except Exception as error:  # a bug in a handler: still tell the user
            self.error_handler(error, traceback.format_exc())
        if operation.settled is not None:
            operation.settled()
        self.done.emit()

    def show_error(self, error: BaseException, details: str) -> None:
        show_error_dialog(self.parent_widget, error, details)


def show_error_dialog(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    """The one error dialog: a domain error in plain words, anything else with details."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("BackgroundRunner", "TownDesk"))
    if isinstance(error, DomainError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(error_text(error))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            QCoreApplication.translate(
                "BackgroundRunner",
                "Something went wrong and the operation did not finish. "
                "Your data is unchanged. Please send the details below to the administrator.",
            )
        )
        box.setDetailedText(details or repr(error))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): never block the caller, the window stays alive
