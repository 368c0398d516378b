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


MARKER = "泄密测试标记QX7"  # a description only the sync file holds


def test_a_killed_import_leaves_nothing_readable(office: Node, tmp_path: Path) -> None:
    """An import killed (SIGKILL) while the decrypted file is open: no file anywhere near
    the database or in the temporary folder holds any of its plaintext, and the next
    import goes in and leaves only its (empty) lock beside the database."""
    from tests.sync.conftest import jpeg

    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    laptop.report(MARKER, jpeg(tmp_path / "laptop" / "camera", "marker.jpg", MARKER.encode() * 20))
    (tmp_path / "outbox").mkdir()
    up = laptop.export_to(office, tmp_path / "outbox" / "up.tdsync").path
    laptop.db.close()
    temp = tmp_path / "temp"
    temp.mkdir()
    killed_in_a_child(
        "from app.sync import files\n"
        "from tests.sync.conftest import OFFICE_PASSWORD\n"
        "node = open_node(Path(sys.argv[1]), OFFICE_PASSWORD)\n"
        "files.apply = killed  # decrypted and checked: killed before anything is written\n"
        "files.import_file(node.db, node.blobs, node.keys, None, Path(sys.argv[2]), wall=frozen)\n",
        [str(office.path), str(up)],
        temp,
    )
    plaintext = [MARKER.encode(), b"PK\x03\x04", b"events_sha256"]
    near = [p for p in office.path.parent.iterdir() if p.name not in ("laptop", "outbox")]
    looked = [temp, *near]
    files = [f for p in looked for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    assert files  # the database itself at least
    for file in files:
        data = file.read_bytes()
        assert not [mark for mark in plaintext if mark in data], file
    office.import_file(up)
    assert office.db.execute("SELECT 1 FROM cases WHERE description = ?", [MARKER]).fetchone()
    work = office.path.parent / ".towndesk-work"
    assert [p.name for p in work.iterdir()] == ["import.lock"]


def test_a_killed_export_leaves_nothing_readable(office: Node, tmp_path: Path) -> None:
    """An export killed (SIGKILL) once every event is written and before the archive is
    sealed: nothing in the temporary folder or beside the (encrypted) laptop database
    holds a report's text. The events were sealed as they were written (sync/spool.py)."""
    from tests.sync.conftest import LAPTOP_PASSWORD

    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    laptop.report(MARKER)
    laptop.db.close()
    temp = tmp_path / "temp"
    temp.mkdir()
    target = tmp_path / "outbox" / "up.tdsync"
    target.parent.mkdir()
    killed_in_a_child(
        "from app.sync import export\n"
        "node = open_node(Path(sys.argv[1]), sys.argv[2])\n"
        "export.write_archive = killed  # every event written: killed before the archive\n"
        "export.export_sync_file(\n"
        "    node.db, node.blobs, node.keys, None, sys.argv[4], Path(sys.argv[3]), wall=frozen\n"
        ")\n",
        [str(laptop.path), LAPTOP_PASSWORD, str(target), office.id],
        temp,
    )
    looked = [temp, target.parent, laptop.path.parent]
    files = [f for p in looked for f in p.rglob("*") if f.is_file()]
    assert any(f.name == laptop.path.name for f in files)  # the database at least
    for file in files:
        assert MARKER.encode() not in file.read_bytes(), file


def killed_in_a_child(script: str, argv: list[str], temp: Path) -> None:
    """Run ``script`` in a fresh Python with ``killed`` (SIGKILL to itself) at hand and
    ``temp`` as its temporary folder; it must end killed."""
    import signal
    import subprocess
    import sys

    import app

    prelude = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from tests.clock import frozen\n"
        "from tests.sync.conftest import open_node\n"
        "def killed(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    root = Path(app.__file__).resolve().parents[1]
    env = os.environ | {"PYTHONPATH": str(root), "TMPDIR": str(temp)}
    done = subprocess.run(
        [sys.executable, "-c", prelude + script, *argv], env=env, cwd=root, timeout=120
    )
    assert done.returncode == -signal.SIGKILL
