"""The sync file as bytes: a zip (manifest, its signature, events, evidence files by
SHA-256) encrypted with age to the recipient device and the office escrow key.

Reading never extracts: only the expected member names are read, each with a size cap,
and the counts and sizes are checked before anything is read (zip-slip, zip-bomb). Before
the manifest's signature is checked (app/sync/importer.py) only bounded structures are
parsed: the age header (its end within 16 KiB), the zip's end record and central
directory (at most ``Limits.members`` entries of at most 256 bytes each), and the manifest
(app/sync/manifest.py). Every failure of the parsers is a classified refusal.
The plaintext never touches the disk: it is kept in a sealed spool (app/sync/spool.py).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import struct
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from app.core.errors import DomainError
from app.store.processes import process_alive
from app.sync.keys import DeviceKeys
from app.sync.manifest import MANIFEST_BYTES, parse_bounded
from app.sync.member_lines import READ_CHUNK, checked_lines, member_lines, reading
from app.sync.spool import CHUNK, SealedSpool, private_dir

FORMAT = "towndesk-sync"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
EVENTS = "events.jsonl"
SECRETS = "secrets.jsonl"  # optional: password hashes and reporters, by ref (secret_files.py)
BLOB_MEMBER = re.compile(r"blobs/([0-9a-f]{64})")
AGE_MAGIC = b"age-encryption.org/v1\n"
READABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what write_archive writes
# deflate options, data descriptor, UTF-8 names; never encrypted (0x1, 0x40) or patched (0x20)
READABLE_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800


MAX_EXTRACT_VERSION = 45  # 2.0 (deflate) or 4.5 (zip64): what zipfile writes
HEADER_BYTES = 16 * 1024  # an age header with a few recipients is under 1 KB
DIRECTORY_ENTRY_BYTES = 256  # a central directory record with a blob's name is ~120


@dataclass(frozen=True)
class Limits:
    members: int = 50_000
    member_bytes: int = 64 * 1024 * 1024  # a photo is at most 40 MB
    events_bytes: int = 1024 * 1024 * 1024  # and MAX_EVENTS (app/sync/manifest.py)
    event_line: int = 1024 * 1024  # one event, payload and all
    total_bytes: int = 16 * 1024 * 1024 * 1024
    ratio: int = 200  # uncompressed / compressed, beyond which it is a bomb
    secrets: int = 200_000  # a laptop's reporters since its last file, or the users' passwords
    secret_line: int = 8 * 1024  # one {"ref", "value"}: a reporter's secret is under 1 KB


LIMITS = Limits()


def write_archive(
    target: Path,
    manifest: dict[str, Any],
    events: SealedSpool,
    blobs: dict[str, Callable[[], BinaryIO]],
    signer: DeviceKeys,
    recipients: list[str],
    secrets: bytes = b"",
) -> int:
    """Write the encrypted sync file atomically; returns its size in bytes. The zip is
    built in a sealed spool (streamed, with data descriptors), so no plaintext copy of
    it is ever on disk. ``secrets`` (JSON lines) is written only when there are any: a
    file without them reads as files did before secrets travelled."""
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    partial = target.with_name(target.name + ".partial")
    try:
        with SealedSpool() as plain:  # nameless, sealed: in the temporary folder
            with zipfile.ZipFile(plain, "w") as archive:
                archive.writestr(MANIFEST, manifest_bytes, zipfile.ZIP_DEFLATED)
                archive.writestr(SIGNATURE, signer.signature(manifest_bytes))
                member = zipfile.ZipInfo(EVENTS, time.localtime()[:6])
                member.compress_type = zipfile.ZIP_DEFLATED
                events.seek(0)
                with archive.open(member, "w", force_zip64=events.size > ZIP64_FROM) as out:
                    shutil.copyfileobj(events, out, CHUNK)
                if secrets:
                    archive.writestr(SECRETS, secrets, zipfile.ZIP_DEFLATED)
                for sha256, open_blob in sorted(blobs.items()):
                    member = zipfile.ZipInfo(f"blobs/{sha256}", time.localtime()[:6])
                    member.compress_type = zipfile.ZIP_STORED  # photos: packed already
                    with open_blob() as data, archive.open(member, "w") as out:
                        shutil.copyfileobj(data, out, CHUNK)
            plain.finish()
            with partial.open("wb") as out:
                pyrage.encrypt_io(
                    plain, out, [pyrage.x25519.Recipient.from_str(key) for key in recipients]
                )
                out.flush()
                os.fsync(out.fileno())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise _disk_error(error, target) from error
    except pyrage.EncryptError as error:
        partial.unlink(missing_ok=True)
        raise _disk_error(OSError(str(error)), target) from error
    return target.stat().st_size


def _disk_error(error: OSError, target: Path) -> DomainError:
    if _disk_full(error):
        return DomainError("disk_full")
    return DomainError("sync_write_failed", value=str(target), reason=str(error))


def _disk_full(error: Exception) -> bool:
    """ENOSPC or EDQUOT; pyrage's OSErrors carry no errno, only "(os error 28)"."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return any(f"(os error {code})" in str(error) for code in (errno.ENOSPC, errno.EDQUOT))


ZIP64_FROM = 2**31 - 2**24  # a member this large needs zip64 sizes (zipfile's own margin)
FOLDER_PREFIX = "towndesk-sync-"
WORK_FOLDER = ".towndesk-work"  # beside the database (or the written file), mode 0700


@contextmanager
def private_folder() -> Iterator[Path]:
    """A folder only this user may read, for the files an enrolment is made of (a sync file
    still encrypted to the laptop; decrypted data goes to a sealed spool, never here);
    removed afterwards, and by the next use if this process was killed first (its pid is
    in the name)."""
    _remove_orphans()
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _remove_orphans() -> None:
    """Decrypted sync data must not outlive the process that made it."""
    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        owner = folder.name.removeprefix(FOLDER_PREFIX).partition("-")[0]
        if owner.isdigit() and not process_alive(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)


class Opened:
    """A decrypted sync file whose zip structure passed the checks; members are read on
    demand, each under its cap. Nothing in it is trusted until ``importer.check`` has
    verified the manifest's signature."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        manifest_bytes: bytes,
        signature: str,
        blobs: set[str],
        limits: Limits,
        secrets: bool = False,
    ) -> None:
        self.archive = archive
        self.manifest_bytes = manifest_bytes
        self.signature = signature
        self.blob_names = blobs
        self.limits = limits
        self.has_secrets = secrets  # checked against the signed manifest (secret_files.py)
        self._manifest: dict[str, Any] | None = None

    @property
    def manifest(self) -> dict[str, Any]:
        """Parsed under fixed bounds (app/sync/manifest.py); not yet authenticated."""
        if self._manifest is None:
            self._manifest = parse_bounded(self.manifest_bytes)
        return self._manifest

    def event_lines(self, sha256: str) -> Iterator[bytes]:
        """The events member's lines, none longer than ``limits.event_line``, once its
        SHA-256 is found to be ``sha256`` (the signed one)."""
        mismatch = DomainError("sync_damaged", reason="events hash")
        limits = self.limits
        return self.checked_lines(EVENTS, limits.events_bytes, limits.event_line, sha256, mismatch)

    def member_sha256(self, name: str, cap: int) -> str:
        """The SHA-256 of a member, streamed, refused beyond ``cap`` bytes."""
        digest = hashlib.sha256()
        with reading(name), self.archive.open(name) as member:
            total = 0
            while chunk := member.read(READ_CHUNK):
                total += len(chunk)
                if total > cap:
                    raise DomainError("sync_limits", reason=f"{name}: larger than declared")
                digest.update(chunk)
        return digest.hexdigest()

    def member_lines(self, name: str, line_cap: int) -> Iterator[bytes]:
        """A member line by line, none longer than ``line_cap`` (member_lines.py)."""
        return member_lines(self.archive, name, line_cap)

    def checked_lines(
        self, name: str, cap: int, line_cap: int, sha256: str, mismatch: DomainError
    ) -> Iterator[bytes]:
        """A member line by line, read once and given only once its SHA-256 is ``sha256``
        (member_lines.py)."""
        return checked_lines(self.archive, name, cap, line_cap, sha256, mismatch)

    def blob_bytes(self, sha256: str) -> bytes:
        return _read(self.archive, f"blobs/{sha256}", self.limits.member_bytes)


@contextmanager
def open_archive(
    source: Path,
    identities: list[pyrage.x25519.Identity],
    limits: Limits | None = None,
    work: Path | None = None,
) -> Iterator[Opened]:
    """Decrypt a sync file and check its zip structure; the caller reads it inside the
    ``with`` block. The plaintext goes to a sealed spool (app/sync/spool.py) in ``work``
    (a private folder beside the database) or the system's temporary folder."""
    limits = limits or LIMITS
    _check_envelope(source, limits)
    _remove_orphans()  # what an export or an older version killed earlier left
    with SealedSpool(private_dir(work) if work else None) as plain:
        _decrypt(source, plain, identities)
        archive = _zip_directory(plain, limits)
        with archive:
            blob_names = _check_members(archive, limits, plain.size)
            yield Opened(
                archive,
                _read(archive, MANIFEST, MANIFEST_BYTES),
                _read(archive, SIGNATURE, 1024).decode("ascii", "replace"),
                blob_names,
                limits,
                SECRETS in archive.namelist(),
            )


def _decrypt(source: Path, plain: SealedSpool, identities: list[pyrage.x25519.Identity]) -> None:
    try:
        with source.open("rb") as encrypted:
            pyrage.decrypt_io(encrypted, plain, identities)
        plain.finish()
    except (pyrage.DecryptError, OSError, ValueError) as error:
        if "No matching keys" in str(error):
            raise DomainError("sync_wrong_recipient") from None
        if _disk_full(error):
            raise DomainError("disk_full") from None
        raise DomainError("sync_damaged", reason=str(error)[:200]) from None


def _check_envelope(source: Path, limits: Limits) -> None:
    """The age header, bounded: the magic line, and the header's end near the start."""
    if not source.is_file():
        raise DomainError("sync_file_missing", value=str(source))
    with source.open("rb") as data:
        head = data.read(HEADER_BYTES)
    if head[: len(AGE_MAGIC)] != AGE_MAGIC:
        if head and AGE_MAGIC.startswith(head):
            raise DomainError("sync_damaged", reason="truncated")  # cut inside the first line
        raise DomainError("sync_not_a_sync_file", value=source.name)
    if b"\n--- " not in head:
        raise DomainError("sync_damaged", reason="header")
    if source.stat().st_size > limits.total_bytes + limits.total_bytes // 64 + HEADER_BYTES:
        raise DomainError("sync_limits", reason=f"{source.stat().st_size} bytes")


def _zip_directory(plain: SealedSpool, limits: Limits) -> zipfile.ZipFile:
    """Open the zip after checking its end record: the central directory (which zipfile
    reads whole into memory) is bounded before zipfile sees it."""
    try:
        end = zipfile._EndRecData(plain)
    except (OSError, ValueError, struct.error, zipfile.BadZipFile):
        end = None
    if not end:
        raise DomainError("sync_damaged", reason="zip")
    entries, directory = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]
    if entries > limits.members or directory > limits.members * DIRECTORY_ENTRY_BYTES:
        raise DomainError("sync_limits", reason=f"{entries} members")
    try:
        plain.seek(0)
        return zipfile.ZipFile(plain)
    except NotImplementedError as error:  # e.g. "zip file version 9.9"
        raise DomainError("sync_zip_unsupported", reason=str(error)[:100]) from None
    except Exception as error:  # the stdlib's parser on hostile bytes: any failure means
        # this is not a zip TownDesk wrote
        raise DomainError("sync_damaged", reason=f"zip: {type(error).__name__}") from None


def _shown(name: str) -> str:
    return name if len(name) <= 80 else name[:80] + "…"


def _check_members(archive: zipfile.ZipFile, limits: Limits, archive_size: int) -> set[str]:
    members = archive.infolist()
    if len(members) > limits.members:
        raise DomainError("sync_limits", reason=f"{len(members)} members")
    names: set[str] = set()
    total = 0
    for info in members:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.split("/") or ":" in name or "\\" in name:
            raise DomainError("sync_unsafe_member", value=_shown(name))
        if name in names:
            raise DomainError("sync_damaged", reason=f"{_shown(name)} twice")
        names.add(name)
        if info.compress_type not in READABLE or info.flag_bits & ~READABLE_FLAGS:
            raise DomainError("sync_zip_unsupported", reason=f"{_shown(name)}: compression")
        if info.extract_version > MAX_EXTRACT_VERSION:
            raise DomainError("sync_zip_unsupported", reason=f"{_shown(name)}: version")
        cap = limits.events_bytes if name == EVENTS else limits.member_bytes
        if info.file_size > cap:
            raise DomainError("sync_limits", reason=f"{_shown(name)}: {info.file_size} bytes")
        if info.compress_size > archive_size or info.header_offset > archive_size:
            raise DomainError("sync_damaged", reason=f"{_shown(name)}: sizes")
        if info.compress_size and info.file_size / info.compress_size > limits.ratio:
            raise DomainError("sync_limits", reason=f"{_shown(name)}: compression ratio")
        if not info.compress_size and info.file_size:
            raise DomainError("sync_limits", reason=f"{_shown(name)}: compression ratio")
        total += info.file_size
    if total > limits.total_bytes:
        raise DomainError("sync_limits", reason=f"{total} bytes in all")
    for needed in (MANIFEST, SIGNATURE, EVENTS):
        if needed not in names:
            raise DomainError("sync_damaged", reason=f"{needed} missing")
    blobs = set()
    for name in names - {MANIFEST, SIGNATURE, EVENTS, SECRETS}:
        match = BLOB_MEMBER.fullmatch(name)
        if not match:
            raise DomainError("sync_unexpected_member", value=_shown(name))
        blobs.add(match.group(1))
    return blobs


def _read(archive: zipfile.ZipFile, name: str, cap: int) -> bytes:
    """Read one member, never more than ``cap`` bytes whatever its header claims."""
    with reading(name), archive.open(name) as member:
        data = member.read(cap + 1)
    if len(data) > cap:
        raise DomainError("sync_limits", reason=f"{name}: larger than declared")
    return data
