"""Evidence files encrypted at rest, beside an encrypted database (issue 14, "Trust").

A lost field laptop must not give away its photos, scanned notices or a party's ID card,
so when the database is encrypted its evidence files are too. The layout follows age's
payload (the design the sync files already use, and the STREAM construction of Hoang,
Reyhanitabar, Rogaway and Vizár):

    MAGIC (8 bytes) | salt (16 random bytes) | chunk 0 | chunk 1 | … | last chunk

* The file key is HKDF-SHA256 of the database key with the file's own random salt and a
  label used for nothing else, so no two files share a key and the database key itself
  never encrypts a file.
* The plaintext is cut into 64 KiB chunks, each sealed with AES-256-GCM; the nonce is the
  chunk's number and a flag on the last one: chunks cannot be reordered, dropped or cut
  off at the end unnoticed.
* The last chunk's associated data holds the SHA-256 the file is stored under (the hash of
  its plaintext), so one encrypted file cannot be swapped for another: the name is only
  known once every byte was read, which is why it binds the last chunk.

Memory stays at one chunk whatever the file's size. The file name stays the plaintext's
SHA-256: sync and de-duplication rely on it. A file is plain or encrypted, told by its
first bytes (``MAGIC``), never guessed: evidence files are photos and PDFs checked on the
way in, and none of those start so (``BlobStore`` refuses a plain one that does).
"""

from __future__ import annotations

import hashlib
import io
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.core.errors import DomainError

MAGIC = b"\x89TDBLOB\x01"  # \x89: not text, not a JPEG, PNG, BMP, WEBP or PDF start
SALT = 16
HEADER = len(MAGIC) + SALT
CHUNK = 64 * 1024
TAG = 16
LABEL = b"TownDesk evidence file v1"  # distinct from every other use of the database key


def file_key(database_key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=LABEL)
    return AESGCM(derived.derive(database_key))


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _associated(header: bytes, last: bool, sha256: str) -> bytes:
    return header + sha256.encode("ascii") if last else header


def is_sealed(head: bytes) -> bool:
    """Whether a stored file's first bytes say it is encrypted."""
    return head[: len(MAGIC)] == MAGIC


def plain_size(sealed_size: int) -> int:
    """The plaintext's size from the encrypted file's: every chunk but the last is whole,
    and there is always a last one (empty for an empty file)."""
    body = max(0, sealed_size - HEADER)
    chunks = max(1, -(-body // (CHUNK + TAG)))
    return max(0, body - chunks * TAG)


class SealingWriter:
    """Encrypts what is written to ``out``; ``finish(sha256)`` seals the last chunk with the
    name the file will be stored under. One chunk is held back, since only at the end is it
    known which chunk is the last."""

    def __init__(self, out: BinaryIO, database_key: bytes) -> None:
        salt = os.urandom(SALT)
        self._out, self._aead, self._header = out, file_key(database_key, salt), MAGIC + salt
        self._pending = bytearray()
        self._index = 0
        out.write(self._header)

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            if len(self._pending) == CHUNK:  # more follows: this one was not the last
                self._seal(bytes(self._pending), last=False, sha256="")
                self._pending.clear()
            room = CHUNK - len(self._pending)
            self._pending += view[:room]
            view = view[room:]
        return len(data)

    def finish(self, sha256: str) -> None:
        self._seal(bytes(self._pending), last=True, sha256=sha256)
        self._pending.clear()

    def _seal(self, chunk: bytes, last: bool, sha256: str) -> None:
        associated = _associated(self._header, last, sha256)
        self._out.write(self._aead.encrypt(_nonce(self._index, last), chunk, associated))
        self._index += 1


class OpenedReader(io.RawIOBase):
    """The plaintext of an encrypted file, read from start to end, one chunk at a time.
    Damage (a changed byte, a cut-off end, another file's content under this name) raises
    a DomainError where it is met: a reader must take what came before as unproven until
    the end is reached (``read_all`` does)."""

    def __init__(self, source: BinaryIO, database_key: bytes, sha256: str) -> None:
        super().__init__()
        self._source, self._sha256 = source, sha256
        header = source.read(HEADER)
        if len(header) < HEADER or not is_sealed(header):
            raise damaged(sha256)
        self._header = header
        self._aead = file_key(database_key, header[len(MAGIC) :])
        self._index = 0
        self._next = source.read(CHUNK + TAG)
        self._buffer = memoryview(b"")  # the open chunk, and how much of it was read
        self._taken = 0
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._taken == len(self._buffer) and not self._ended:
            self._open_next()
        size = min(len(target), len(self._buffer) - self._taken)
        target[:size] = self._buffer[self._taken : self._taken + size]
        self._taken += size
        return size

    def _open_next(self) -> None:
        sealed = self._next
        self._next = self._source.read(CHUNK + TAG)
        last = not self._next
        associated = _associated(self._header, last, self._sha256)
        try:
            opened = self._aead.decrypt(_nonce(self._index, last), sealed, associated)
        except InvalidTag as error:
            raise damaged(self._sha256) from error
        self._buffer, self._taken = memoryview(opened), 0
        self._index += 1
        self._ended = last

    def close(self) -> None:
        self._source.close()
        super().close()


class CheckedPlainReader(io.RawIOBase):
    """A plain file read in an encrypted store (one ``towndesk encrypt`` has not reached
    yet), hashed as it is read: at its end, bytes other than its name says raise a
    DomainError, so a plain file put in place of an encrypted one is never taken for it."""

    def __init__(self, source: BinaryIO, sha256: str) -> None:
        super().__init__()
        self._source, self._sha256 = source, sha256
        self._digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        size = self._source.readinto(target)  # type: ignore[attr-defined]
        if size:
            self._digest.update(memoryview(target)[:size])
        elif self._digest.hexdigest() != self._sha256:
            raise damaged(self._sha256)
        return size

    def close(self) -> None:
        self._source.close()
        super().close()


def damaged(sha256: str) -> DomainError:
    return DomainError("evidence_file_damaged", value=sha256[:12])
