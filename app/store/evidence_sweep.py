"""The sweep of evidence files at a database's opening: half-written copies of killed
processes, and, given the time, old half-written copies and stored files no record names."""

from __future__ import annotations

from sqlite_utils import Database

from app.core.clock import Wall
from app.core.errors import DomainError
from app.store import sqlite_driver
from app.store.blobs import SHA256_NAME, BlobStore
from app.store.database import lock_waited_at_most, write_transaction


def sweep_evidence(db: Database, store: BlobStore, wall: Wall | None) -> None:
    """At opening: half-written copies of killed processes; given the time, also copies
    older than an hour and stored files no record names older than a day. The last holding
    the write lock, so that no file is recorded meanwhile (a window's photo of the same
    content, ``evidence.record_stored``; a sync import's, ``sync/applying``: each looks
    again inside its own transaction); when another program holds it, not this time."""
    store.sweep_killed_writes()
    if wall is None:
        return
    now_s = wall() / 1000
    store.sweep_leftovers(now_s)
    try:
        with lock_waited_at_most(db, 0), write_transaction(db):
            recorded = {row[0] for row in db.execute("SELECT sha256 FROM blobs")}
            for (body,) in db.execute("SELECT body FROM quarantine"):  # kept as received
                recorded.update(SHA256_NAME.findall(body))
            store.sweep_orphans(recorded, now_s)
    except (sqlite_driver.OperationalError, DomainError):
        pass  # the write lock is another program's now: the next opening sweeps them
