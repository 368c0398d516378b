"""An import first sweeps the half-written evidence files an import killed earlier left."""

from __future__ import annotations

from pathlib import Path

from tests.store.test_blob_leftovers import leftover
from tests.sync.conftest import Node, enrol_laptop


def test_an_import_sweeps_what_a_killed_import_left(office: Node, tmp_path: Path) -> None:
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    old = leftover(office.blobs.folder, ".incoming-killed", age_s=3 * 3600)
    fresh = leftover(office.blobs.folder, ".incoming-writing", age_s=1)
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    office.import_file(up.path)
    assert not old.exists() and fresh.exists()
