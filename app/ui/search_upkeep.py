"""Merging the cases' search index while the office is idle (store/search_index.py).

A clerk saving cases one by one leaves the index in many small segments, and every search
of the cases list reads each of them; merging them back takes one short write transaction
per step (about 20–40 ms at a million cases). The window runs a step on its one worker, as
a background operation with neither progress nor error dialog, only once the clerk has done
nothing for ``IDLE_MS`` (no key or text from an input method, click, wheel or mouse move;
the worker given no work either), and then the next after ``STEP_PAUSE_MS``, until the
index is merged. Whatever the worker is asked meanwhile (a list read, a save) runs before
the next step: a step is queued only when the one before is done and the worker has
nothing else, so never two. A step that cannot write (another program holding the lock, a
read-only file, a full disk) ends merging until the clerk's next idle period, or the next
start.

The same idle steps first read each case's values (category, grid, source, urgency,
units, status, time received), a chunk at a time (store/values_kept.py: about 30 ms a
step, 84 steps at a million cases; then only the few registered, or changed by the events
appended, since), so a search within a filter of those is told in memory; then, once, in a
database made before schema 16, which terms each grid's cases hold (store/grid_terms.py);
and first of all, the hits of each common search read whole since are kept in the
database (store/search_bitmaps.py), so it is not read from the index again after the next
change.

Nothing happens in the first ``START_AFTER_MS`` after the window shows: its first figures
and pages come first (the benchmarks time them), and the input watch (an event filter on the
application, which sees every event) is installed only then.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from sqlite_utils import Database

from app.store.grid_terms import read_more_terms
from app.store.search_hits import keep_noted
from app.store.search_index import Merging, merge_step
from app.store.values_kept import read_more
from app.ui.common.runner import BackgroundRunner, Operation

START_AFTER_MS = 30_000
IDLE_MS = 10_000  # then a step of about 20–40 ms is not in the clerk's way
STEP_PAUSE_MS = 100  # between steps: a full merge at a million cases, 248 steps, ~30 s
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.InputMethod,  # pinyin composed by an input method: no KeyPress
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def upkeep_step(db: Database) -> Merging:
    """One idle step: a common search read since kept in the database (first: its hits
    hold only until the next commit; one that cannot be written now waits, noted), else
    the cases' values read, a chunk a step, then the terms of each grid's cases (a
    database made before schema 16), then the search index merged (a step that finds
    nothing worth merging still writes: not again at each read)."""
    if keep_noted(db) or read_more(db):
        return Merging.MORE
    terms_left = read_more_terms(db)
    if terms_left is None:
        return Merging.STOPPED
    return Merging.MORE if terms_left else merge_step(db)


class SearchIndexUpkeep(QObject):
    """Merges the search index on idle, a step at a time; ``start`` once the window shows,
    ``stop`` before the worker shuts down."""

    def __init__(
        self,
        runner: BackgroundRunner,
        parent: QObject | None = None,
        *,
        start_after_ms: int = START_AFTER_MS,
        idle_ms: int = IDLE_MS,
        pause_ms: int = STEP_PAUSE_MS,
        step: Callable[[Database], Merging] = upkeep_step,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.start_after_ms, self.idle_ms, self.pause_ms = start_after_ms, idle_ms, pause_ms
        self._merge_step = step
        self._now = now
        self.step: Operation | None = None  # the step queued or running
        self.steps = 0  # steps that merged or read something
        # merged, stopped or not started: nothing until the clerk's next activity
        self.resting = True
        self.closed = False
        self._watching = False  # the input watch is installed
        self._queuing = False  # the runner's ``started`` is our own step's
        self._last_activity = now()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        runner.started.connect(self._runner_started)

    def start(self) -> None:
        if self.closed:
            return
        self.resting = False
        self._last_activity = self._now()
        self.timer.start(self.start_after_ms)

    def stop(self) -> None:
        """For good (the window closes): no step is queued after this."""
        self.closed = True
        self.timer.stop()
        app = QCoreApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False

    # -- what the clerk and the worker do ------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._activity()
        return False  # only watching: every event goes on as it would

    def _runner_started(self) -> None:
        if not self._queuing:  # a list read, a save: the office is not idle
            self._activity()

    def _activity(self) -> None:
        self._last_activity = self._now()
        if self.resting and not self.closed and self._watching:
            self.resting = False  # the next idle period may merge what was written since
            self.timer.start(self.idle_ms)

    # -- steps ---------------------------------------------------------------------------

    def check(self) -> None:
        """The timer's: a step if the clerk and the worker have been idle long enough,
        else a look again when they may have been."""
        if self.closed or self.resting or self.step is not None:
            return
        if not self._watching:  # the first seconds are over: watch from now on
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
            self._last_activity = self._now()  # input before the watch was not seen
        if self.runner.is_busy():
            self._last_activity = self._now()
        quiet_ms = (self._now() - self._last_activity) * 1000
        if quiet_ms < self.idle_ms:
            self.timer.start(max(1, round(self.idle_ms - quiet_ms)))
            return
        self._run_step()

    def _run_step(self) -> None:
        outcome: list[Merging] = []
        operation = Operation(
            lambda db, _progress: self._merge_step(db),  # type: ignore[arg-type]
            outcome.append,
            failure=lambda _error: None,  # never the clerk's concern: merge another time
            settled=lambda: self._stepped(outcome),
        )
        self.step = operation
        self._queuing = True
        try:
            self.runner.run(operation)
        finally:
            self._queuing = False

    def _stepped(self, outcome: list[Merging]) -> None:
        self.step = None
        if self.closed:
            return
        if outcome == [Merging.MORE]:
            self.steps += 1
            self.timer.start(self.pause_ms)  # then ``check``: still idle, the next step
        else:  # merged, could not write, failed, or dropped at closing
            self.resting = True
