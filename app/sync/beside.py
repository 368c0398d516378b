"""What an import does on the machine's other core while this one checks the sync file:
its evidence files checked and stored by a forked child from the moment the manifest is
authenticated (``EvidenceBeside``), and its cases folded by another once the events are
parsed (``FoldBeside``, app/store/projections/fold_beside.py). ``Beside`` holds both for
one import and ends both, whatever happened (``with``).

The evidence child has the other core to itself while this process reads, parses and
checks the events. It reads each listed file from the spool (the same zip, read at its
place: spool.py), checks it against the signed manifest as ``held.check_blobs`` does
(``as_listed``), stores it as ``BlobStore.put_all`` does, and reports each batch once
stored. ``check_blobs`` then takes the files reported instead of reading and hashing them
again; any file not reported — the child failed, was killed, or stopped at a file not as
listed — is read and checked here as always, so every refusal is the one it was, in the
same order. The files it stored are taken back when the import is refused (``fresh``),
as the import's own are.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from app.store.blobs import BlobStore
from app.store.forked import Reporting, StoppedOnExit, keep_to_one_core, other_core_free
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


class Beside(StoppedOnExit):
    """The work one import has done on the other core: its evidence files and its fold."""

    def __init__(self) -> None:
        self.evidence = EvidenceBeside()
        self.fold = FoldBeside()

    def stop(self) -> None:
        self.evidence.stop()
        self.fold.stop()
