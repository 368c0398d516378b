"""An import first sweeps what an import killed earlier left: half-written evidence files
and the decrypted sync data in the temporary folder."""

from __future__ import annotations

import os
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


def test_decrypted_data_of_a_killed_import_is_removed_by_the_next(
    office: Node, tmp_path: Path, monkeypatch
) -> None:
    import subprocess
    import sys
    import tempfile

    from app.sync.archive import FOLDER_PREFIX

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])  # a process that has ended
    dead.wait()
    killed = tmp_path / "tmp" / f"{FOLDER_PREFIX}{dead.pid}-abc"
    (killed / "plain").mkdir(parents=True)
    (killed / "plain" / "events.jsonl").write_text("{}")
    running = tmp_path / "tmp" / f"{FOLDER_PREFIX}{os.getpid()}-def"  # still working
    running.mkdir()
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    assert not killed.exists() and running.exists()
