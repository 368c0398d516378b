"""The signed-in session every screen works in (as Anki's main window and CollectionOp).

Reads that must be instant use ``db`` on the window's thread; every write goes through
``write``: it runs on the one worker thread with its own connection, and once committed,
``changed`` tells every page what changed (store/changes.py), so each re-reads only what it
shows. A rule's refusal goes back to the form that asked, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from app.core.clock import Clock
from app.core.errors import DomainError
from app.core.model import User
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.changes import NOTHING, REFERENCE, Changes, changes_of, recording
from app.store.encryption import DatabaseFile, database_file
from app.store.evidence_copies import PlainCopies
from app.store.reference import ReferenceData
from app.ui.common.runner import BackgroundRunner, Operation, Progress

T = TypeVar("T")


class Session(QObject):
    changed = Signal(object)  # Changes: what a write changed, for every page to look at

    def __init__(
        self,
        database: Path | DatabaseFile,
        db: Database,
        user: User,
        clock: Clock,
        window: QWidget | None = None,
    ) -> None:
        super().__init__(window)
        # the worker opens its own connection: an encrypted database's key travels with it
        self.database = database_file(database)
        self.db_path, self.db, self.user, self.clock = self.database.path, db, user, clock
        self.ref = ReferenceData(db)
        self.blobs = BlobStore.beside(self.database)  # with the key: evidence encrypted too
        self.runner = BackgroundRunner(self.database, window)
        self.evidence_copies = PlainCopies()  # PDFs opened in the system's reader

    def write(
        self,
        work: Callable[[Database], T],
        done: Callable[[T], None] = lambda _result: None,
        refused: Callable[[DomainError], None] | None = None,
        settled: Callable[[], None] | None = None,
        label: str = "",
        also: Changes = NOTHING,
    ) -> Operation:
        """Run ``work(db)`` on the worker thread; then tell the pages what changed, then
        ``done(result)``. ``refused``: where a DomainError goes (else the error dialog);
        ``settled``: called last, whatever happened (a form enables its button again);
        ``also``: what changed besides the events (a sync file's history, say)."""
        return self.write_with_progress(
            lambda db, _progress: work(db), done, refused, settled, label, also
        )

    def write_with_progress(
        self,
        work: Callable[[Database, Progress], T],
        done: Callable[[T], None] = lambda _result: None,
        refused: Callable[[DomainError], None] | None = None,
        settled: Callable[[], None] | None = None,
        label: str = "",
        also: Changes = NOTHING,
    ) -> Operation:
        """``write`` for long work: ``work(db, progress)`` may report and be cancelled."""

        def on_worker(db: Database | None, progress: Progress) -> tuple[T, Changes]:
            assert db is not None
            try:
                with recording(db) as committed:
                    result = work(db, progress)
            except sqlite_driver.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                # another program holds the write lock (a rebuild, an import): say so
                raise DomainError("database_busy", reason=str(error)) from error
            return result, changes_of(committed) | also

        def finished(outcome: tuple[T, Changes]) -> None:
            result, changes = outcome
            self.publish(changes)
            done(result)

        operation = Operation(
            on_worker,
            finished,
            refused=refused,
            settled=settled,
            label=label,
            report_if_cancelled=True,  # what was committed, the pages must hear of
        )
        return self.runner.run(operation)

    def publish(self, changes: Changes) -> None:
        """Tell every page; reference data first, so the pages read the new names."""
        if changes.touches([REFERENCE]):
            self.ref.reload(self.db)
        if changes:
            self.changed.emit(changes)

    def close(self) -> None:
        self.runner.shutdown()
        self.evidence_copies.clear()
