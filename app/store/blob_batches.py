"""Many evidence files stored at once: a sync file's, written in the background while its
import folds and writes its transaction. Each file is stored as ``BlobStore.put_bytes``
stores one (whole, fsynced, renamed, its folder fsynced); several are written together so
the disk commits their fsyncs at once rather than one after another."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Protocol

_WRITERS = 8  # evidence files written at once by put_all
_IN_FLIGHT = 64 << 20  # bytes put_all holds read and not yet written


class _Store(Protocol):
    """What the batch writing needs of the evidence folder (``BlobStore``)."""

    def has(self, sha256: str) -> bool: ...

    def put_bytes(self, sha256: str, data: bytes) -> None: ...

    def put_all(self, files: Iterable[str], read: Callable[[str], bytes]) -> None: ...


class BatchStoring:
    """``BlobStore``'s writing of many files, kept apart from the writing of one. Methods,
    not functions: callers (and the sync import's timing, tests/perf/sync_split.py) use
    them as ``store.put_all`` and ``store.storing``."""

    def put_all(self: _Store, files: Iterable[str], read: Callable[[str], bytes]) -> None:
        """Store many files already checked against their SHA-256 (a sync file's), each
        as ``put_bytes`` stores one, several at once. Read here one at a time; at most
        about ``_IN_FLIGHT`` bytes are held read and not yet written. The first failure is
        raised once the writes under way have ended."""
        with ThreadPoolExecutor(_WRITERS, thread_name_prefix="evidence") as pool:
            pending: list[Future[None]] = []
            held = 0
            for sha256 in files:
                if self.has(sha256):
                    continue
                data = read(sha256)
                pending.append(pool.submit(self.put_bytes, sha256, data))
                held += len(data)
                if held > _IN_FLIGHT:
                    _all_written(pending)
                    pending, held = [], 0
            _all_written(pending)

    @contextmanager
    def storing(
        self: _Store, files: Iterable[str], read: Callable[[str], bytes]
    ) -> Iterator[Callable[[], None]]:
        """``put_all`` in the background while the caller works (a sync import folds and
        writes its transaction meanwhile). The caller calls what this yields to wait until
        every file is stored, raising the first failure: before it commits anything that
        names them. Leaving, by an exception too, waits for every write to end, so nothing
        is still being written once the caller takes back what it must."""
        wanted = list(files)
        with ThreadPoolExecutor(1, thread_name_prefix="evidence-files") as background:
            stored = background.submit(self.put_all, wanted, read)
            try:
                yield stored.result
            finally:
                wait([stored])


def _all_written(pending: list[Future[None]]) -> None:
    """Wait for every write under way; then raise the first that failed, if any."""
    wait(pending)
    for future in pending:
        future.result()
