"""Where a sync import's time goes: the import run as ``import_file`` runs it (the
garbage collector paused, open the archive, ``check``, ``apply``), with timers around
its parts.

- checking: the events (parse, field types, each event's hash: for a large file, the
  wait for the child hashing them), the evidence
  files' hashes, and the rest (manifest signature, chains and their signed heads, who may
  send what, actors per laptop, what is held here already);
- applying: the evidence files written (before the transaction; a large file's by a
  child during the check, whose wait is counted with the evidence hashes); the fold
  (``project_case`` for every case touched, and the daily sums of its facts), pure
  Python — for a large file, what is left of it when the import comes to write the cases:
  the cases taken from the child folding beside it as they are written, the waits for
  it and the cases this process folds itself (``fold_beside.py``); the statements that
  write (INSERT, UPDATE, DELETE and the COMMIT, timed around ``execute``/
  ``executemany``); the rest (reads, which fetch lazily so part of their time lands here,
  and the bookkeeping between).

The timers wrap module attributes and the connection for the duration of one import of
a copy of the laptop; nothing else runs meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

import app.store.projections.cases as case_projection
import app.store.projections.rollup as rollup
import app.sync.importer as importer
from app.store.blobs import BlobStore
from app.store.projections.fold_beside import FoldBeside, _Folding
from app.sync.applying import apply
from app.sync.archive import open_archive
from app.sync.beside import Beside, EvidenceBeside, HashesBeside
from app.sync.files import collector_paused

WRITES = ("INSERT", "UPDATE", "DELETE", "COMMIT", "REPLACE")


class _TimedConnection:
    """The connection as the import sees it, timing the statements that write."""

    def __init__(self, conn: Any, totals: dict[str, float]) -> None:
        self._conn = conn
        self._totals = totals

    def _timed(self, method: Callable[..., Any], sql: str, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(sql, *args)
        finally:
            verb = sql.lstrip()[:7].upper()
            if verb.startswith(WRITES):
                self._totals["writes"] += time.perf_counter() - started

    def execute(self, sql: str, *args: Any) -> Any:
        return self._timed(self._conn.execute, sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        return self._timed(self._conn.executemany, sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _timing(totals: dict[str, float], key: str, function: Callable[..., Any]) -> Callable:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[key] += time.perf_counter() - started

    return timed


@contextmanager
def _timers(db: Database, totals: dict[str, float]) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for module, name, key in (
            (importer, "_events", "events"),
            (importer, "_check_hashes", "events"),
            (HashesBeside, "first_wrong", "events"),
            (importer, "check_blobs", "evidence_hashes"),
            (EvidenceBeside, "checked", "evidence_hashes"),
            (case_projection, "project_case", "fold"),
            (FoldBeside, "projections", "fold"),
            (_Folding, "__getitem__", "fold"),
            (rollup, "daily_sums", "fold"),
            (BlobStore, "put_all", "evidence_files"),
        ):
            patch.setattr(module, name, _timing(totals, key, getattr(module, name)))
        patch.setattr(db, "conn", _TimedConnection(db.conn, totals))
        yield


def split_import(db: Database, store: BlobStore, keys: Any, source: Path, wall: Any) -> dict:
    """Seconds per part of one import (``import_file``'s steps, without its lock)."""
    totals = dict.fromkeys(("events", "evidence_hashes", "fold", "evidence_files", "writes"), 0.0)
    with _timers(db, totals), collector_paused():
        started = time.perf_counter()
        with open_archive(source, keys.identities()) as opened:
            opened_at = time.perf_counter()
            beside = Beside()
            checked = importer.check(db, store, opened, beside=beside)
            checked_at = time.perf_counter()
            with beside:
                apply(db, store, opened, checked, None, source, wall=wall, beside=beside)
            applied_at = time.perf_counter()
    totals["open"] = opened_at - started
    totals["check"] = checked_at - opened_at
    totals["apply"] = applied_at - checked_at
    totals["check_rest"] = totals["check"] - totals["events"] - totals["evidence_hashes"]
    parts = totals["evidence_files"] + totals["fold"] + totals["writes"]
    totals["apply_rest"] = totals["apply"] - parts
    return totals
