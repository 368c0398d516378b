"""The sealed spool a decrypted sync file lives in (app/sync/spool.py): it reads back
exactly what was written, from anywhere, and what it puts on disk is not the plaintext."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from app.sync import spool
from app.sync.spool import CHUNK, SealedSpool


def test_it_reads_back_what_was_written_from_anywhere(tmp_path: Path) -> None:
    rng = random.Random(4)
    data = rng.randbytes(3 * CHUNK + 123)
    with SealedSpool(tmp_path) as sealed:
        for start in range(0, len(data), 8192):  # as pyrage writes: 8 KiB at a time
            sealed.write(data[start : start + 8192])
        sealed.finish()
        assert sealed.size == len(data)
        for _ in range(200):
            at = rng.randrange(len(data) + 10)
            size = rng.randrange(2 * CHUNK)
            sealed.seek(at)
            assert sealed.read(size) == data[at : at + size]
        sealed.seek(-5, io.SEEK_END)
        assert sealed.read() == data[-5:]
    assert list(tmp_path.iterdir()) == []  # a file without a name: nothing to leave behind


def test_a_zip_written_to_it_streams_and_reads_back(tmp_path: Path) -> None:
    """While written it cannot seek, so zipfile writes a stream (data descriptors)."""
    with SealedSpool(tmp_path) as sealed:
        with zipfile.ZipFile(sealed, "w") as archive:
            archive.writestr("a.txt", "青石镇" * 1000, zipfile.ZIP_DEFLATED)
        sealed.finish()
        with zipfile.ZipFile(sealed) as archive:
            assert archive.read("a.txt").decode() == "青石镇" * 1000


def test_what_it_stores_is_not_the_plaintext(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = tmp_path / "stored"
    monkeypatch.setattr(spool.tempfile, "TemporaryFile", lambda dir=None: stored.open("w+b"))
    secret = "举报人：张三 13800000000 ".encode() * 5000
    with SealedSpool(tmp_path) as sealed:
        sealed.write(secret)
        sealed.finish()
        assert sealed.read(len(secret)) == secret
    on_disk = stored.read_bytes()
    assert len(on_disk) >= len(secret)
    assert "张三".encode() not in on_disk and b"13800000000" not in on_disk
