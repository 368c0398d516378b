"""Many evidence files stored at once: a sync file's, written before its import's
transaction. Each file is stored as ``BlobStore.put_bytes`` stores one (whole, fsynced,
renamed, its folder fsynced); several are written together so the disk commits their
fsyncs at once rather than one after another."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Protocol

_WRITERS = 8  # evidence files written at once by put_all
_IN_FLIGHT = 64 << 20  # bytes put_all holds read and not yet written


class _Store(Protocol):
    """What the batch writing needs of the evidence folder (``BlobStore``)."""

    def put_bytes(self, sha256: str, data: bytes) -> None: ...

    def still_has(self, sha256: str) -> bool: ...


class BatchStoring:
    """``BlobStore``'s writing of many files, kept apart from the writing of one. Methods,
    not functions: callers (and the sync import's timing, tests/perf/sync_split.py) use
    it as ``store.put_all``."""

    def put_all(
        self: _Store,
        files: Iterable[str],
        read: Callable[[str], bytes],
        stored: Callable[[list[str]], object] | None = None,
    ) -> None:
        """Store many files already checked against their SHA-256 (a sync file's), each
        as ``put_bytes`` stores one, several at once. Read here one at a time; at most
        about ``_IN_FLIGHT`` bytes are held read and not yet written. The first failure is
        raised once the writes under way have ended. ``stored``: told the files of each
        batch once all of them are written (those found here already are not read)."""
        with ThreadPoolExecutor(_WRITERS, thread_name_prefix="evidence") as pool:
            pending: list[Future[None]] = []
            names: list[str] = []
            held = 0
            for sha256 in files:
                if self.still_has(sha256):  # (made young again: it is about to be recorded)
                    continue
                data = read(sha256)
                pending.append(pool.submit(self.put_bytes, sha256, data))
                names.append(sha256)
                held += len(data)
                if held > _IN_FLIGHT:
                    _all_written(pending, names, stored)
                    pending, names, held = [], [], 0
            _all_written(pending, names, stored)


def _all_written(
    pending: list[Future[None]], names: list[str], stored: Callable[[list[str]], object] | None
) -> None:
    """Wait for every write under way; then raise the first that failed, if any, or tell
    ``stored`` their names."""
    wait(pending)
    for future in pending:
        future.result()
    if stored is not None and names:
        stored(names)
