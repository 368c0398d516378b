"""A member of a sync file's zip read line by line: the events (one JSON line per event) and
the secrets. Read in chunks and split here, each line bounded; the events member is read
once, hashed as it is split, and handed over only once its hash matches the signed one.
Any failure of zipfile or zlib on the way is damage, classified (``reading``)."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from app.core.errors import DomainError

READ_CHUNK = 1024 * 1024


@contextmanager
def reading(name: str) -> Iterator[None]:
    """Any failure of zipfile or zlib while a member is read is damage, classified."""
    try:
        yield
    except DomainError:
        raise
    except NotImplementedError as error:
        raise DomainError("sync_zip_unsupported", reason=f"{name}: {error}"[:150]) from None
    except Exception as error:  # hostile bytes in the stdlib's decoders (zlib, struct...)
        raise DomainError("sync_damaged", reason=f"{name}: {error}"[:150]) from None


def member_lines(archive: zipfile.ZipFile, name: str, line_cap: int) -> Iterator[bytes]:
    """A member line by line (each with its newline, the last one perhaps without),
    none longer than ``line_cap``. Read in chunks and split here: zipfile's readline
    costs more than parsing the line (a sync file holds up to millions)."""
    too_long = DomainError("sync_limits", reason=f"{name}: a line too long")
    with reading(name), archive.open(name) as member:
        yield from _split(iter(lambda: member.read(READ_CHUNK), b""), line_cap, too_long)


def checked_lines(
    archive: zipfile.ZipFile,
    name: str,
    cap: int,
    line_cap: int,
    sha256: str,
    mismatch: DomainError,
) -> Iterator[bytes]:
    """A member line by line, as ``member_lines`` gives them, read once: hashed as it
    is split, and given only once its SHA-256 is found to be ``sha256`` (else
    ``mismatch``), so nothing in it is parsed before its bytes match the signed hash.
    Read twice, hashed then split, it cost a second decompression. The refusals are
    those of ``Opened.member_sha256`` and then ``member_lines``: larger than ``cap`` or
    ``mismatch`` at once, a line too long where it comes."""
    digest = hashlib.sha256()
    too_long = DomainError("sync_limits", reason=f"{name}: a line too long")

    def hashed(member: zipfile.ZipExtFile) -> Iterator[bytes]:
        total = 0
        while chunk := member.read(READ_CHUNK):
            total += len(chunk)
            if total > cap:
                raise DomainError("sync_limits", reason=f"{name}: larger than declared")
            digest.update(chunk)
            yield chunk

    lines: list[bytes] = []
    refusal = None
    with reading(name), archive.open(name) as member:
        chunks = hashed(member)
        try:
            for line in _split(chunks, line_cap, too_long):
                lines.append(line)
        except DomainError as error:
            if error is not too_long:
                raise
            refusal = error  # given after the lines before it, once the hash matches
            for _chunk in chunks:  # only the hash is still to be known
                pass
    if digest.hexdigest() != sha256:
        raise mismatch
    return _handed_over(lines, refusal)


def _split(chunks: Iterator[bytes], line_cap: int, too_long: DomainError) -> Iterator[bytes]:
    """The lines of ``chunks`` (each with its newline, the last one perhaps without);
    ``too_long`` where a line of ``line_cap`` bytes or more (with its newline) comes."""
    rest = b""
    for chunk in chunks:
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()  # the start of a line the next chunk goes on with
        for line in lines:
            if len(line) >= line_cap:
                raise too_long
            yield line + b"\n"
        if len(rest) > line_cap:
            raise too_long
    if rest:
        yield rest


def _handed_over(lines: list[bytes], refusal: DomainError | None) -> Iterator[bytes]:
    """The lines in order, each let go of once given, then ``refusal`` if there is one."""
    lines.reverse()
    while lines:
        yield lines.pop()
    if refusal is not None:
        raise refusal
