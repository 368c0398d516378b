"""Evidence files, content-addressed by SHA-256 beside the database, never modified."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from app.core.errors import DomainError
from app.store.blob_batches import BatchStoring
from app.store.blob_cipher import (
    MAGIC,
    CheckedPlainReader,
    OpenedReader,
    SealingWriter,
    damaged,
    is_sealed,
    plain_size,
)
from app.store.encryption import DatabaseFile
from app.store.evidence_files import (
    EVIDENCE_TYPES,
    PHOTO_LIMIT_MB,
    PHOTO_TYPES,
    check_content,
    check_evidence_name,
)
from app.store.processes import process_alive

__all__ = ["EVIDENCE_TYPES", "PHOTO_LIMIT_MB", "PHOTO_TYPES", "BlobStore", "StoredFile"]

_CHUNK = 1 << 20
INCOMING = ".incoming-"  # + the writing process's id + "-": a copy not yet whole


@dataclass(frozen=True)
class Sealed:
    """What ``encrypt_plain`` did: the files encrypted now, and those left plain (their
    names), which could not be read whole or do not hold what their name says."""

    encrypted: int
    left_plain: list[str]


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str
    file_name: str


class BlobStore(BatchStoring):
    """The evidence folder. With the database's key (an encrypted database) new files are
    written encrypted (store/blob_cipher.py); without it, plain as before. Either way each
    file is read as what its first bytes say it is, so a folder half-way through
    ``encrypt_plain`` reads whole. Many files at once (``put_all``): in
    store/blob_batches.py."""

    def __init__(self, folder: Path, key: bytes | None = None) -> None:
        self.folder = folder
        self._key = key  # never in a repr: not a dataclass field

    @classmethod
    def beside(cls, database: Path | DatabaseFile) -> BlobStore:
        """The folder beside the database; an encrypted database's key goes with it."""
        if isinstance(database, DatabaseFile):
            return cls(database.path.parent / "blobs", database.key)
        return cls(database.parent / "blobs")

    @property
    def encrypted(self) -> bool:
        """Whether new files are written encrypted."""
        return self._key is not None

    def path(self, sha256: str) -> Path:
        """Where the stored file is: for its presence, age and removal only; its content
        is read with ``open`` or ``read_bytes`` (it may be encrypted)."""
        return self.folder / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def still_has(self, sha256: str) -> bool:
        """``has``, for a file about to be recorded: made young again if it is there, so
        the sweep of files no record names (which goes by their age) keeps it."""
        return _touched(self.path(sha256))

    def is_sealed(self, sha256: str) -> bool:
        """Whether the stored file is encrypted (its first bytes say so)."""
        with self._raw(sha256) as data:
            return is_sealed(data.read(len(MAGIC)))

    def open(self, sha256: str) -> BinaryIO:
        """The stored file's plaintext as a stream read from start to end. An encrypted
        file that was changed or cut off raises a DomainError when the damage is reached;
        one met without the key says it needs the encrypted database's password."""
        data = self._raw(sha256)
        try:
            head = data.read(len(MAGIC))
            if len(head) < len(MAGIC) and MAGIC.startswith(head):
                raise damaged(sha256)  # an encrypted file cut inside its first bytes
            data.seek(0)
            if not is_sealed(head) and self._key is None:
                return data
            if not is_sealed(head):  # not yet encrypted: served only if it is what it says
                return io.BufferedReader(CheckedPlainReader(data, sha256), _CHUNK)
            if self._key is None:
                raise DomainError("evidence_file_locked", value=sha256[:12])
            return io.BufferedReader(OpenedReader(data, self._key, sha256), _CHUNK)
        except BaseException:
            data.close()
            raise

    def read_bytes(self, sha256: str) -> bytes | bytearray:
        """The whole plaintext, proven whole (an encrypted file's last chunk checked), held
        once: read into a buffer of its size (known from the file's), not joined up."""
        whole = bytearray(self.size(sha256))
        with self.open(sha256) as data:
            if data.readinto(whole) != len(whole) or data.read(1):  # type: ignore[attr-defined]
                raise damaged(sha256)  # not the size its file says: cut or changed meanwhile
        return whole

    def chunks(self, sha256: str) -> Iterator[bytes]:
        with self.open(sha256) as data:
            while chunk := data.read(_CHUNK):
                yield chunk

    def size(self, sha256: str) -> int:
        """The plaintext's size in bytes, without reading the file."""
        sealed = self.is_sealed(sha256)  # a missing file: said so in plain words
        stored = self.path(sha256).stat().st_size
        return plain_size(stored) if sealed else stored

    def content_sha256(self, sha256: str) -> str:
        """The SHA-256 of what the stored file holds (its name says what it should)."""
        digest = hashlib.sha256()
        for chunk in self.chunks(sha256):
            digest.update(chunk)
        return digest.hexdigest()

    def _raw(self, sha256: str) -> BinaryIO:
        try:
            return self.path(sha256).open("rb")
        except (FileNotFoundError, IsADirectoryError) as error:
            raise DomainError("evidence_file_missing", value=sha256[:12]) from error
        except PermissionError as error:
            raise DomainError("file_unreadable", value=str(self.path(sha256))) from error

    def put_photo(self, source: Path) -> StoredFile:
        """Copy a photo or document in; the same file twice is stored once. The file is read
        once: its hash and size are of the bytes copied, and those bytes are what is checked
        (decoded as an image, or a PDF's start and end), so a file still being written or
        changed meanwhile can never be recorded with a size or hash of other bytes."""
        media_type = check_evidence_name(source)
        limit = PHOTO_LIMIT_MB * 1024 * 1024

        def copy(out: BinaryIO) -> tuple[str, int]:
            digest, size = hashlib.sha256(), 0
            try:
                with source.open("rb") as data:
                    while chunk := data.read(_CHUNK):
                        size += len(chunk)
                        if size > limit:  # grew while being read: stop before filling the disk
                            raise DomainError(
                                "photo_too_large", value=source.name, limit=PHOTO_LIMIT_MB
                            )
                        digest.update(chunk)
                        out.write(chunk)
            except FileNotFoundError as error:
                raise DomainError("photo_missing", value=str(source)) from error
            except (IsADirectoryError, PermissionError) as error:
                raise DomainError("file_unreadable", value=str(source)) from error
            return digest.hexdigest(), size

        sha256, size = self._store(
            copy, lambda copied: check_content(copied, media_type, source.name)
        )
        return StoredFile(sha256, size, media_type, source.name)

    def sweep_leftovers(self, now_s: float, older_than_s: float = 3600.0) -> int:
        """Delete half-written ``.incoming-*`` files a killed write left behind; nothing
        names them. Only those older than ``older_than_s`` at ``now_s`` (epoch seconds): a
        write in progress takes seconds. Returns how many."""
        swept = 0
        for leftover in self._incoming():
            try:
                if now_s - leftover.stat().st_mtime > older_than_s:
                    leftover.unlink()
                    swept += 1
            except FileNotFoundError:  # another writer finished or swept it meanwhile
                continue
        return swept

    def sweep_killed_writes(self) -> int:
        """Delete the half-written copies of processes that no longer run (their id is in
        the name), whatever their age: no clock needed, so every opening does it."""
        swept = 0
        for leftover in self._incoming():
            owner = leftover.name.removeprefix(INCOMING).partition("-")[0]
            if owner.isdigit() and not process_alive(int(owner)):
                leftover.unlink(missing_ok=True)
                swept += 1
        return swept

    def sweep_orphans(
        self, recorded: set[str], now_s: float, older_than_s: float = 86_400.0
    ) -> int:
        """Delete stored copies no record names (a registration refused or killed after its
        photos were copied), older than a day: a write in progress records its copies in
        seconds, and a sync import its own within the same run."""
        swept = 0
        if not self.folder.is_dir():
            return 0
        for sub in self.folder.iterdir():
            if len(sub.name) != 2 or not sub.is_dir():
                continue
            for stored in sub.iterdir():
                if stored.name in recorded or len(stored.name) != 64:
                    continue
                try:
                    if now_s - stored.stat().st_mtime > older_than_s:
                        stored.unlink()
                        swept += 1
                except FileNotFoundError:
                    continue
        return swept

    def _incoming(self) -> list[Path]:
        return list(self.folder.glob(INCOMING + "*")) if self.folder.is_dir() else []

    def put_bytes(self, sha256: str, data: bytes) -> None:
        """Store a file already checked against ``sha256`` (from a sync file, or another
        store's), in this store's own mode: encrypted beside an encrypted database."""

        def write(out: BinaryIO) -> tuple[str, int]:
            out.write(data)
            return sha256, len(data)

        if not self.still_has(sha256):
            self._store(write)

    def encrypt_plain(self) -> Sealed:
        """Encrypt every plain stored file (``towndesk encrypt``): each written whole,
        encrypted, to a temporary name, then renamed over the plain one. A killed run
        leaves each file plain or encrypted, never half; running again finishes the rest.
        A file that cannot be read whole, or does not hold what its name says, is left as
        it is and named, and the others go on; a full disk stops it."""
        if self._key is None:
            raise ValueError("a store without a key writes plain files")
        encrypted, left_plain = 0, []
        for stored in self._stored():
            try:
                if self.is_sealed(stored.name):
                    continue
                self._store(partial(self._checked_copy, stored.name), replace=True)
                encrypted += 1
            except DomainError as error:
                if error.code == "disk_full":
                    raise
                left_plain.append(stored.name)
        return Sealed(encrypted, left_plain)

    def plain_files(self) -> list[str]:
        """The stored files that are not encrypted (their names): in an encrypted store,
        those ``encrypt_plain`` has not reached yet. One that cannot be opened is left to
        the check of each file's content (``towndesk verify``) to name."""
        plain = []
        for stored in self._stored():
            try:
                if not self.is_sealed(stored.name):
                    plain.append(stored.name)
            except DomainError:  # gone or unreadable meanwhile
                continue
        return plain

    def _checked_copy(self, sha256: str, out: BinaryIO) -> tuple[str, int]:
        """A plain file copied as it is hashed: sealed under its name, a file holding other
        bytes would be vouched for, so it is refused as damaged."""
        digest, size = hashlib.sha256(), 0
        for chunk in self.chunks(sha256):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
        if digest.hexdigest() != sha256:
            raise damaged(sha256)
        return sha256, size

    def _stored(self) -> list[Path]:
        """Every stored file: named by a SHA-256, in the folder of its first two digits."""
        if not self.folder.is_dir():
            return []
        return sorted(
            stored
            for sub in self.folder.iterdir()
            if len(sub.name) == 2 and sub.is_dir()
            for stored in sub.iterdir()
            if SHA256_NAME.fullmatch(stored.name) and stored.is_file()
        )

    def _store(
        self,
        write: Callable[[BinaryIO], tuple[str, int]],
        check: Callable[[Path | BinaryIO], None] | None = None,
        replace: bool = False,
    ) -> tuple[str, int]:
        """Write to a temporary file (owner-only), fsync it, ``check`` it, then rename it to
        its hash: a file is either whole and checked under its name or not there. ``write``
        returns the SHA-256 and size of what it wrote; with a key, what it writes is
        encrypted on the way. ``replace``: put it in place of the file of that name."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f"{INCOMING}{os.getpid()}-")
        try:
            with os.fdopen(handle, "wb") as out:
                sealing = SealingWriter(out, self._key) if self._key is not None else None
                sha256, size = write(sealing or out)  # type: ignore[arg-type]
                if sealing is not None:
                    sealing.finish(sha256)
                out.flush()
                os.fsync(out.fileno())
            self._check_written(Path(temporary), sha256, check)
            final = self.path(sha256)
            final.parent.mkdir(exist_ok=True, mode=0o700)
            if not replace and _touched(final):
                os.unlink(temporary)
            else:
                os.replace(temporary, final)
                _sync_folder(final.parent)
        except BaseException as error:
            if os.path.exists(temporary):
                os.unlink(temporary)
            if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DomainError("disk_full") from error
            raise
        return sha256, size

    def _check_written(
        self, written: Path, sha256: str, check: Callable[[Path | BinaryIO], None] | None
    ) -> None:
        """``check`` the plaintext just written (decrypted into memory when encrypted: the
        checks seek, and a photo is decoded whole anyway). A plain file may not start as an
        encrypted one does: it would be read as one."""
        if self._key is None:
            with written.open("rb") as data:
                if is_sealed(data.read(len(MAGIC))):
                    raise DomainError("evidence_file_damaged", value=sha256[:12])
            if check is not None:
                check(written)
        elif check is not None:
            with written.open("rb") as sealed:
                plaintext = OpenedReader(sealed, self._key, sha256).read()
            if is_sealed(plaintext[: len(MAGIC)]):  # a plain store could not take it in
                raise DomainError("evidence_file_damaged", value=sha256[:12])
            check(io.BytesIO(plaintext))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while chunk := data.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _touched(stored: Path) -> bool:
    """Whether the file is there, made young again if so: a file copied in again is about
    to be recorded, and the sweep of files no record names goes by their age. One whose
    age cannot be changed (another owner's, read-only media) is there all the same."""
    try:
        os.utime(stored)
    except FileNotFoundError:
        return False
    except OSError:
        return stored.is_file()
    return True


def _sync_folder(folder: Path) -> None:
    """Make a rename durable: after a power cut the file is there, not only the record."""
    if os.name == "posix":
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


SHA256_NAME = re.compile(r"[0-9a-f]{64}")  # a stored file's name
