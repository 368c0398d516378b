"""What an import does on the machine's other core while this one checks the sync file:
its evidence files checked and stored by a forked child from the moment the manifest is
authenticated (``EvidenceBeside``); once the events are parsed, its cases folded by a
second (``FoldBeside``, app/store/projections/fold_beside.py), which first works out the
events' hashes again (``HashesBeside``). One child for both, not one each: every page of
the events this process touches after a fork is copied for each child (two forks took
0.25 s at 100,000 events), and the scheduler need not be told which comes first. The
hashes are worked out at this process's priority, the fold at a lower one
(``forked.LATER_NICENESS``): its cases are waited for only as the import writes them. A
file too small for the fold has a hashes child of its own. ``Beside`` holds them for one
import and ends them all, whatever happened (``with``).

The evidence child has the other core to itself while this process reads and parses the
events. It reads each listed file from the spool (the same zip, read at its place:
spool.py), checks it against the signed manifest as ``held.check_blobs`` does
(``as_listed``), stores it as ``BlobStore.put_all`` does, and reports each batch once
stored. ``check_blobs`` then takes the files reported instead of reading and hashing them
again; any file not reported — the child failed, was killed, or stopped at a file not as
listed — is read and checked here as always, so every refusal is the one it was, in the
same order. The files it stored are taken back when the import is refused (``fresh``),
as the import's own are.

The hashes child works out every event's hash while this process checks the rest of the
file (chains, origins, actors, what is held here); a wrong hash it finds is told before
anything the rest found, as when every hash was checked first. Each event's payload text,
which the hash covers and the event's row stores, is kept from its work. If it fails, the
hashes are checked here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, cast

from sqlite_utils import Database

from app.core.events import Event, first_wrong_hash, payload_text_known
from app.store.blobs import BlobStore
from app.store.forked import Child, Reporting, StoppedOnExit, keep_to_one_core, other_core_free
from app.store.projections.fold_beside import FoldBeside
from app.sync.archive import Opened
from app.sync.held import as_listed

# declared bytes of evidence files to check and store: below, this process does it (500
# events, 7 imports each way: with 10 photos, about 2 MiB, the child broke even, 80 ms
# against 82; with 40, about 8 MiB, it gained 9 ms of 141)
EVIDENCE_BESIDE_AT_LEAST = 4 << 20
# seconds without a report (one per batch of up to 64 MiB stored) before the child is
# given up: its files not reported are then read, checked and stored here
CHILD_SILENT_AT_MOST = 60.0
_DIGEST = 32  # a report: the SHA-256 of each file stored, as bytes
# events whose hashes are worked out again by a child while this process checks the rest
# of the file (chains, origins, actors, what is held here): below, this process does it.
# It once checked half of them itself: at 100,000 events, none is 3% faster (median of 8
# imports alternated, 7.18 s against 7.42; a fifth here, the same as none)
HASHED_BESIDE_AT_LEAST = 20_000


class EvidenceBeside:
    """The evidence files of one import checked and stored by a child: ``start`` once the
    manifest is authenticated, ``checked`` when the check comes to them."""

    def __init__(self) -> None:
        self._child: Reporting | None = None
        self._store: BlobStore | None = None
        self.fresh: list[str] = []  # files it may have stored that were not here before

    def start(self, store: BlobStore, opened: Opened, blobs: dict[str, Any]) -> None:
        """Check and store beside the caller the files of ``blobs`` (the signed manifest's)
        that the file holds and the store lacks, when they are worth a child."""
        self.stop()
        listed = {
            sha256: info
            for sha256, info in blobs.items()
            if sha256 in opened.blob_names and not store.has(sha256)
        }
        size = sum(info["size"] for info in listed.values())
        if not listed or size < EVIDENCE_BESIDE_AT_LEAST or not other_core_free():
            return
        try:
            self._child = Reporting(partial(_check_and_store, store, opened, listed))
        except OSError:  # no process to be had (too many, no memory): done here
            return
        self._store = store
        self.fresh = list(listed)

    def checked(self) -> set[str]:
        """The files the child found as listed and stored (waiting for it to end)."""
        child, self._child = self._child, None
        if child is None:
            return set()
        reports = child.reports(CHILD_SILENT_AT_MOST)
        self._sweep()
        whole = len(reports) - len(reports) % _DIGEST
        return {reports[at : at + _DIGEST].hex() for at in range(0, whole, _DIGEST)}

    def stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.stop()
            self._sweep()

    def _sweep(self) -> None:
        """The copies a child killed in the middle of a write left half-written (given up
        for its silence, or stopped by a refusal): gone with it, not left until the next
        opening. Its process is reaped by now, so they are a dead process's."""
        if self._store is not None:
            self._store.sweep_killed_writes()


def _check_and_store(
    store: BlobStore,
    opened: Opened,
    listed: dict[str, Any],
    report: Callable[[bytes], None],
) -> None:  # in the child
    keep_to_one_core()  # its writing threads: one core, the other for the events' check

    def as_read(sha256: str) -> bytes:
        data = opened.blob_bytes(sha256)
        if not as_listed(data, sha256, listed[sha256]):
            raise ValueError("not as listed")  # the import finds it too, and says so
        return data

    def stored(names: list[str]) -> None:
        report(b"".join(bytes.fromhex(name) for name in names))

    store.put_all(listed, as_read, stored)


class HashesBeside:
    """Every event's hash of a large file worked out again by a child while this process
    checks the rest of the file: ``work`` and ``start`` once the events are parsed;
    ``first_wrong`` when the check comes to them."""

    def __init__(self) -> None:
        self._child: Child[_Found] | None = None
        self._carried_by: FoldBeside | None = None  # the fold's child, which does it first
        self._events: list[Event] = []  # those the child checks

    def work(self, events: list[Event]) -> partial[_Found] | None:
        """The child's work, from ``HASHED_BESIDE_AT_LEAST`` events."""
        if len(events) < HASHED_BESIDE_AT_LEAST or not other_core_free():
            return None
        return partial(_hashes_as_signed, events)

    def start(self, work: partial[_Found] | None, carried_by: FoldBeside | None) -> bool:
        """Whether a child does ``work``: the fold's (``carried_by``), which took it, or one
        of its own."""
        self.stop()
        if work is None:
            return False
        if carried_by is None:
            try:
                self._child = Child(work)
            except OSError:  # no process to be had: checked here
                return False
        self._carried_by = carried_by
        self._events = work.args[0]
        return True

    def first_wrong(self) -> Event | None:
        """The first event whose hash is not its own (each one's payload text, as stored,
        kept from the child's work); all of them checked here if the child failed."""
        child, self._child = self._child, None
        carrier, self._carried_by = self._carried_by, None
        events, self._events = self._events, []
        found: _Found | None = None
        if child is not None:
            found = child.result(CHILD_SILENT_AT_MOST)
        elif carrier is not None:
            found = cast("_Found | None", carrier.first_result(CHILD_SILENT_AT_MOST))
        if found is None:
            return first_wrong_hash(events)
        wrong, payloads = found
        for event, payload in zip(events, payloads, strict=False):
            payload_text_known(event, payload)
        return events[wrong] if wrong is not None else None

    def stop(self) -> None:
        child, self._child, self._events = self._child, None, []
        self._carried_by = None  # the fold's child is the fold's to stop
        if child is not None:
            child.stop()


# where the first wrong hash is among the child's events, and their payload texts
_Found = tuple[int | None, list[str]]


def _hashes_as_signed(events: list[Event]) -> _Found:
    """(In the child.) Where the first event whose hash is not its own is, if any, and the
    payload text of each event up to there."""
    payloads: list[str] = []
    for at, event in enumerate(events):
        if event.computed_hash() != event.hash:
            return at, payloads
        payloads.append(event.canonical_payload)
    return None, payloads


class Beside(StoppedOnExit):
    """The work one import has done on the other core: its evidence files, its events'
    hashes and its fold."""

    def __init__(self) -> None:
        self.evidence = EvidenceBeside()
        self.hashes = HashesBeside()
        self.fold = FoldBeside()

    def events_parsed(self, db: Database, events: list[Event]) -> bool:
        """The fold and the events' hashes started beside: in one child where the fold is
        worth one (the hashes first), one fork and one copy of each page this process
        touches after it. Whether a child checks the hashes (else they are checked here)."""
        work = self.hashes.work(events)
        carried = self.fold.start(db, events, first=work)
        return self.hashes.start(work, self.fold if carried else None)

    def stop(self) -> None:
        self.evidence.stop()
        self.hashes.stop()
        self.fold.stop()
