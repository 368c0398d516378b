"""Evidence files, content-addressed by SHA-256 beside the database, never modified."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.core.errors import DomainError

PHOTO_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".heic": "image/heic",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
}
PHOTO_LIMIT_MB = 40
_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str
    file_name: str


class BlobStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, database: Path) -> BlobStore:
        return cls(database.parent / "blobs")

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_photo(self, source: Path) -> StoredFile:
        """Copy a photo in, byte for byte; the same photo twice is stored once."""
        media_type = _check_photo(source)

        def copy(out: BinaryIO) -> str:
            digest = hashlib.sha256()
            with source.open("rb") as data:
                while chunk := data.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            return digest.hexdigest()

        sha256 = self._store(copy)
        return StoredFile(sha256, source.stat().st_size, media_type, source.name)

    def sweep_leftovers(self, now_s: float, older_than_s: float = 3600.0) -> int:
        """Delete half-written ``.incoming-*`` files a killed write left behind; nothing
        names them. Only those older than ``older_than_s`` at ``now_s`` (epoch seconds): a
        write in progress takes seconds. Returns how many."""
        if not self.folder.is_dir():
            return 0
        swept = 0
        for leftover in self.folder.glob(".incoming-*"):
            try:
                if now_s - leftover.stat().st_mtime > older_than_s:
                    leftover.unlink()
                    swept += 1
            except FileNotFoundError:  # another writer finished or swept it meanwhile
                continue
        return swept

    def put_bytes(self, sha256: str, data: bytes) -> None:
        """Store a file already checked against ``sha256`` (from a sync file)."""

        def write(out: BinaryIO) -> str:
            out.write(data)
            return sha256

        if not self.has(sha256):
            self._store(write)

    def _store(self, write: Callable[[BinaryIO], str]) -> str:
        """Write to a temporary file, fsync it, then rename it to its hash: a file is
        either whole under its name or not there. ``write`` returns the SHA-256."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                sha256 = write(out)
                out.flush()
                os.fsync(out.fileno())
            final = self.path(sha256)
            final.parent.mkdir(exist_ok=True)
            if final.exists():
                os.unlink(temporary)
            else:
                os.replace(temporary, final)
                _sync_folder(final.parent)
        except OSError as error:
            if os.path.exists(temporary):
                os.unlink(temporary)
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DomainError("disk_full") from error
            raise
        return sha256


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Make a rename durable: after a power cut the file is there, not only the record."""
    if os.name == "posix":
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _looks_like(media_type: str, head: bytes) -> bool:
    """The first bytes agree with the file name: a renamed document is not a photo."""
    if media_type == "image/jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if media_type == "image/png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if media_type == "image/bmp":
        return head.startswith(b"BM")
    if media_type == "image/webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return head[4:8] == b"ftyp"  # HEIC


def _check_photo(source: Path) -> str:
    if not source.is_file():
        raise DomainError("photo_missing", value=str(source))
    media_type = PHOTO_TYPES.get(source.suffix.lower())
    with source.open("rb") as data:
        head = data.read(16)
    if media_type is None or not _looks_like(media_type, head):
        raise DomainError("photo_not_image", value=source.name)
    if source.stat().st_size > PHOTO_LIMIT_MB * 1024 * 1024:
        raise DomainError("photo_too_large", value=source.name, limit=PHOTO_LIMIT_MB)
    return media_type
