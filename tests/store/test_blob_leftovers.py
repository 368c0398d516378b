"""Half-written evidence files a killed write left behind are swept, old ones only (the
next sync import sweeps them first: tests/sync/test_leftovers.py)."""

from __future__ import annotations

import os
from pathlib import Path

from app.store.blobs import BlobStore
from tests.clock import TEST_NOW_MS
from tests.images import TINY_JPEG

NOW_S = TEST_NOW_MS / 1000  # the sweep runs when the tests' clock stands


def leftover(folder: Path, name: str, age_s: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"\xff\xd8 half a photo")
    then = NOW_S - age_s
    os.utime(path, (then, then))
    return path


def test_only_old_leftovers_are_swept_and_stored_files_stay(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    assert store.sweep_leftovers(NOW_S) == 0  # no folder yet: nothing to do
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(TINY_JPEG + b"evidence" * 16)
    kept = store.put_photo(photo)
    old = leftover(store.folder, ".incoming-abc123", age_s=2 * 3600)
    fresh = leftover(store.folder, ".incoming-def456", age_s=5)  # a write in progress
    assert store.sweep_leftovers(NOW_S) == 1
    assert not old.exists() and fresh.exists()
    assert store.has(kept.sha256)
