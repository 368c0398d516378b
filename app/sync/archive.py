"""The sync file as bytes: a zip (manifest, its signature, events, evidence files by
SHA-256) encrypted with age to the recipient device and the office escrow key.

Reading never extracts: only the expected member names are read, each with a size cap,
and the counts and sizes are checked before anything is read (zip-slip, zip-bomb). The
plaintext lives only in a private temporary folder and is deleted afterwards.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from app.core.errors import DomainError
from app.sync.keys import DeviceKeys

FORMAT = "towndesk-sync"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
EVENTS = "events.jsonl"
BLOB_MEMBER = re.compile(r"blobs/([0-9a-f]{64})")
AGE_MAGIC = b"age-encryption.org/v1\n"
READABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what write_archive writes
# deflate options, data descriptor, UTF-8 names; never encrypted (0x1, 0x40) or patched (0x20)
READABLE_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800


@dataclass(frozen=True)
class Limits:
    members: int = 50_000
    member_bytes: int = 64 * 1024 * 1024  # a photo is at most 40 MB
    events_bytes: int = 2 * 1024 * 1024 * 1024
    total_bytes: int = 16 * 1024 * 1024 * 1024
    ratio: int = 200  # uncompressed / compressed, beyond which it is a bomb


LIMITS = Limits()


def write_archive(
    target: Path,
    manifest: dict[str, Any],
    events_file: Path,
    blobs: dict[str, Path],
    signer: DeviceKeys,
    recipients: list[str],
) -> int:
    """Write the encrypted sync file atomically; returns its size in bytes."""
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    with private_folder() as work:
        plain = work / "plain.zip"
        with zipfile.ZipFile(plain, "w") as archive:
            archive.writestr(MANIFEST, manifest_bytes, zipfile.ZIP_DEFLATED)
            archive.writestr(SIGNATURE, signer.signature(manifest_bytes))
            archive.write(events_file, EVENTS, zipfile.ZIP_DEFLATED)
            for sha256, path in sorted(blobs.items()):
                archive.write(path, f"blobs/{sha256}", zipfile.ZIP_STORED)  # photos: packed
        partial = target.with_name(target.name + ".partial")
        try:
            pyrage.encrypt_file(
                str(plain),
                str(partial),
                [pyrage.x25519.Recipient.from_str(key) for key in recipients],
            )
            with partial.open("rb+") as out:
                os.fsync(out.fileno())
            os.replace(partial, target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise _disk_error(error, target) from error
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


FOLDER_PREFIX = "towndesk-sync-"


@contextmanager
def private_folder() -> Iterator[Path]:
    """A folder only this user may read, for a decrypted sync file; removed afterwards, and
    the next time by any process if this one was killed first (its pid is in the name)."""
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
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: not ours to judge
    return True


@dataclass
class Opened:
    """A decrypted sync file whose members passed the checks; read members on demand."""

    archive: zipfile.ZipFile
    manifest_bytes: bytes
    signature: str
    blob_names: set[str]
    limits: Limits

    @property
    def manifest(self) -> dict[str, Any]:
        try:
            value = json.loads(self.manifest_bytes)
        except (ValueError, UnicodeDecodeError):
            raise DomainError("sync_damaged", reason="manifest") from None
        if not isinstance(value, dict):
            raise DomainError("sync_damaged", reason="manifest")
        return value

    def events_bytes(self) -> bytes:
        return _read(self.archive, EVENTS, self.limits.events_bytes)

    def blob_bytes(self, sha256: str) -> bytes:
        return _read(self.archive, f"blobs/{sha256}", self.limits.member_bytes)


@contextmanager
def open_archive(
    source: Path, identities: list[pyrage.x25519.Identity], limits: Limits = LIMITS
) -> Iterator[Opened]:
    """Decrypt and check a sync file; the caller reads it inside the ``with`` block."""
    _check_envelope(source)
    with private_folder() as work:
        plain = work / "plain.zip"
        try:
            pyrage.decrypt_file(str(source), str(plain), identities)
        except (pyrage.DecryptError, OSError) as error:
            if "No matching keys" in str(error):
                raise DomainError("sync_wrong_recipient") from None
            if _disk_full(error):
                raise DomainError("disk_full") from None
            raise DomainError("sync_damaged", reason=str(error)) from None
        try:
            archive = zipfile.ZipFile(plain)
        except (zipfile.BadZipFile, OSError):
            raise DomainError("sync_damaged", reason="zip") from None
        with archive:
            blob_names = _check_members(archive, limits)
            yield Opened(
                archive,
                _read(archive, MANIFEST, 1024 * 1024 * 64),
                _read(archive, SIGNATURE, 1024).decode("ascii", "replace"),
                blob_names,
                limits,
            )


def _check_envelope(source: Path) -> None:
    if not source.is_file():
        raise DomainError("sync_file_missing", value=str(source))
    with source.open("rb") as data:
        head = data.read(len(AGE_MAGIC))
    if head and AGE_MAGIC.startswith(head) and head != AGE_MAGIC:
        raise DomainError("sync_damaged", reason="truncated")  # cut inside the first line
    if head != AGE_MAGIC:
        raise DomainError("sync_not_a_sync_file", value=source.name)


def _check_members(archive: zipfile.ZipFile, limits: Limits) -> set[str]:
    members = archive.infolist()
    if len(members) > limits.members:
        raise DomainError("sync_limits", reason=f"{len(members)} members")
    names: set[str] = set()
    total = 0
    for info in members:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.split("/") or ":" in name or "\\" in name:
            raise DomainError("sync_unsafe_member", value=name)
        if name in names:
            raise DomainError("sync_damaged", reason=f"{name} twice")
        names.add(name)
        cap = limits.events_bytes if name == EVENTS else limits.member_bytes
        if info.file_size > cap:
            raise DomainError("sync_limits", reason=f"{name}: {info.file_size} bytes")
        if info.compress_type not in READABLE or info.flag_bits & ~READABLE_FLAGS:
            raise DomainError("sync_damaged", reason=f"{name}: compression")
        if info.compress_size and info.file_size / info.compress_size > limits.ratio:
            raise DomainError("sync_limits", reason=f"{name}: compression ratio")
        total += info.file_size
    if total > limits.total_bytes:
        raise DomainError("sync_limits", reason=f"{total} bytes in all")
    for needed in (MANIFEST, SIGNATURE, EVENTS):
        if needed not in names:
            raise DomainError("sync_damaged", reason=f"{needed} missing")
    blobs = set()
    for name in names - {MANIFEST, SIGNATURE, EVENTS}:
        match = BLOB_MEMBER.fullmatch(name)
        if not match:
            raise DomainError("sync_unexpected_member", value=name)
        blobs.add(match.group(1))
    return blobs


def _read(archive: zipfile.ZipFile, name: str, cap: int) -> bytes:
    """Read one member, never more than ``cap`` bytes whatever its header claims."""
    try:
        with archive.open(name) as member:
            data = member.read(cap + 1)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        KeyError,
        EOFError,
        NotImplementedError,  # an unknown compression method
        RuntimeError,  # an encrypted member
    ) as error:
        raise DomainError("sync_damaged", reason=f"{name}: {error}") from None
    if len(data) > cap:
        raise DomainError("sync_limits", reason=f"{name}: larger than declared")
    return data
