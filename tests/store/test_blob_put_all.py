"""``BlobStore.put_all``: a sync file's evidence files written several at once, each whole
under its name or not there, the first failure raised once the writes under way end."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

import app.store.blob_batches as batches_module
from app.core.errors import DomainError
from app.store.blobs import BlobStore


def files(count: int, size: int = 3000) -> dict[str, bytes]:
    made = [bytes([i % 251]) * size + i.to_bytes(4, "big") for i in range(count)]
    return {hashlib.sha256(data).hexdigest(): data for data in made}


def stored_names(store: BlobStore) -> set[str]:
    return {p.name for p in store.folder.rglob("*") if p.is_file()}


def test_every_file_is_stored_whole_under_its_hash(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    wanted = files(40)
    read: list[str] = []

    def reading(sha256: str) -> bytes:
        read.append(sha256)
        return wanted[sha256]

    store.put_all(wanted, reading)
    assert stored_names(store) == set(wanted)  # nothing else: no half-written copy
    for sha256, data in wanted.items():
        assert store.path(sha256).read_bytes() == data
    assert read == list(wanted)  # each read once, in the order given


def test_files_already_held_are_not_read_again(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    wanted = files(6)
    first = dict(list(wanted.items())[:4])
    store.put_all(first, first.__getitem__)
    read: list[str] = []
    store.put_all(wanted, lambda sha256: read.append(sha256) or wanted[sha256])
    assert read == list(wanted)[4:]
    assert stored_names(store) == set(wanted)


def test_a_window_of_bytes_in_flight_still_stores_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More bytes than may be held at once: written window by window."""
    monkeypatch.setattr(batches_module, "_IN_FLIGHT", 10_000)  # about three files
    store = BlobStore(tmp_path / "blobs")
    wanted = files(25)
    store.put_all(wanted, wanted.__getitem__)
    assert stored_names(store) == set(wanted)


def test_a_full_disk_is_told_and_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path / "blobs")
    wanted = files(12)
    real_fsync = os.fsync
    calls = 0

    def fsync(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls >= 5:  # the disk is full from the fifth fsync on
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(DomainError) as refused:
        store.put_all(wanted, wanted.__getitem__)
    assert refused.value.code == "disk_full"
    names = stored_names(store)
    assert not [name for name in names if name.startswith(".incoming-")]
    assert names < set(wanted)  # one failed: not all are there
    for name in names:  # and each one there is whole
        assert store.path(name).read_bytes() == wanted[name]
