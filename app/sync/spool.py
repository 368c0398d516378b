"""Where a decrypted sync file is kept while it is checked and applied: on disk, but never
as plaintext. Each 64 KiB chunk is sealed with AES-128-GCM under a key that lives
only in this process's memory, in a file without a name (``tempfile.TemporaryFile``: an
unlinked file on Linux, delete-on-close on Windows) inside a folder only this user may
open. A killed import therefore leaves nothing readable: the key died with the process,
and the operating system drops the nameless file.

Memory stays at one chunk whatever the file's size (zipfile reads it like any file).
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

CHUNK = 64 * 1024
TAG = 16


def private_dir(folder: Path) -> Path:
    """``folder`` created readable by this user only (an existing one is tightened)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


class SealedSpool(io.RawIOBase):
    """Written once from start to end (``write`` then ``finish``), then read anywhere."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed in close()
        self._aead = AESGCM(AESGCM.generate_key(bit_length=128))  # AES-NI: twice ChaCha's speed
        self._pending = bytearray()
        self._chunks = 0
        self._size = 0
        self._finished = False
        self._position = 0
        self._cached: tuple[int, bytes] | None = None

    # -- writing ------------------------------------------------------------------------

    def writable(self) -> bool:
        return not self._finished

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self._finished:
            raise io.UnsupportedOperation("the spool is finished")
        self._pending += data
        while len(self._pending) >= CHUNK:
            self._seal(bytes(self._pending[:CHUNK]))
            del self._pending[:CHUNK]
        return len(data)

    def finish(self) -> None:
        """No more writes: seal what is pending and make the spool readable."""
        if self._pending:
            self._seal(bytes(self._pending))
            self._pending.clear()
        self._file.flush()
        self._finished = True

    def _seal(self, chunk: bytes) -> None:
        self._file.write(self._aead.encrypt(self._nonce(self._chunks), chunk, None))
        self._chunks += 1
        self._size += len(chunk)

    @staticmethod
    def _nonce(index: int) -> bytes:
        return index.to_bytes(12, "little")  # one key per spool: an index never repeats

    # -- reading ------------------------------------------------------------------------

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return self._finished

    def seekable(self) -> bool:
        return self._finished

    def tell(self) -> int:
        if not self._finished:  # zipfile then writes a stream (data descriptors)
            raise io.UnsupportedOperation("the spool is written from start to end")
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if not self._finished:
            raise io.UnsupportedOperation("the spool is written from start to end")
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._position = base + offset
        return self._position

    def read(self, size: int | None = -1) -> bytes:
        if not self._finished:
            raise io.UnsupportedOperation("the spool is still being written")
        end = self._size if size is None or size < 0 else min(self._size, self._position + size)
        parts = []
        while self._position < end:
            index, offset = divmod(self._position, CHUNK)
            chunk = self._chunk(index)
            piece = chunk[offset : offset + end - self._position]
            parts.append(piece)
            self._position += len(piece)
        return b"".join(parts)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _chunk(self, index: int) -> bytes:
        if self._cached is None or self._cached[0] != index:
            sealed = self._read_at(index * (CHUNK + TAG), CHUNK + TAG)
            self._cached = (index, self._aead.decrypt(self._nonce(index), sealed, None))
        return self._cached[1]

    def _read_at(self, offset: int, size: int) -> bytes:
        """Read at its place, never through the file's offset, which a forked child
        reading the same spool meanwhile shares (the evidence files, app/sync/beside.py;
        where there is no ``pread`` there is no fork either)."""
        if hasattr(os, "pread"):
            return os.pread(self._file.fileno(), size, offset)
        self._file.seek(offset)
        return self._file.read(size)

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            self._cached = None
        super().close()
