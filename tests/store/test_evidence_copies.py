"""The plaintext copies a session wrote out for the PDF reader (store/evidence_copies.py):
swept at the next opening once their session has ended, told by the mark the session held
locked, not by the process id in the folder's name (a new process may be given it)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import processes
from app.store.blobs import BlobStore
from app.store.evidence_copies import FOLDER_PREFIX, IN_USE, PlainCopies, sweep_plain_copies
from app.store.processes import hold, holder_running
from tests.images import TINY_PDF
from tests.store.store_helpers import dead_pid

ROOT = Path(__file__).resolve().parents[2]
KEY = bytes(range(32))

# A session in a process of its own: holds its mark, says so, and waits to be killed.
HOLDER = """
import sys, threading
from pathlib import Path
from app.store.processes import hold
mark = hold(Path(sys.argv[1]))
print("held", flush=True)
threading.Event().wait()  # until killed
"""


def copies_folder(parent: Path, pid: int, tail: str) -> Path:
    folder = parent / f"{FOLDER_PREFIX}{pid}-{tail}"
    (folder / "0123456789abcdef").mkdir(parents=True)
    (folder / "0123456789abcdef" / "通知书.pdf").write_bytes(TINY_PDF)
    return folder


@pytest.fixture
def holder(tmp_path: Path):
    """Start a process holding the mark of a copies folder named with THIS process's id:
    the id a killed session's new neighbour was given."""
    folder = copies_folder(tmp_path, os.getpid(), "reused")
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder / IN_USE)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert process.stdout is not None and process.stdout.readline() == "held\n"
        yield folder, process
    finally:
        process.kill()
        process.wait(timeout=30)


def test_a_killed_sessions_copies_are_swept_though_its_id_now_names_a_running_process(
    tmp_path: Path, holder
) -> None:
    folder, process = holder
    assert sweep_plain_copies(tmp_path) == 0  # its session runs: in use
    assert (folder / "0123456789abcdef" / "通知书.pdf").exists()
    process.kill()  # killed: no chance to clear anything
    process.wait(timeout=30)
    assert (folder / IN_USE).read_text() == f"{process.pid}\n"  # left behind, lock let go
    assert sweep_plain_copies(tmp_path) == 1  # though the id in its name (ours) runs
    assert not folder.exists()


def test_this_sessions_own_copies_are_kept_by_its_own_sweep(tmp_path: Path) -> None:
    """Opening another database in the same window sweeps too: its own mark, held by an
    open file of this very process, is still in use."""
    store = BlobStore(tmp_path / "blobs", KEY)
    stored = store.put_photo(_pdf(tmp_path))
    (tmp_path / "tmp").mkdir()
    copies = PlainCopies(tmp_path / "tmp")
    copy = copies.write(store, stored.sha256, "通知书.pdf")
    assert copies.folder is not None
    assert (copies.folder / IN_USE).read_text() == f"{os.getpid()}\n"
    assert sweep_plain_copies(tmp_path / "tmp") == 0
    assert copy.read_bytes() == TINY_PDF
    copies.clear()
    assert list((tmp_path / "tmp").iterdir()) == []
    again = copies.write(store, stored.sha256, "通知书.pdf")  # a new folder, marked anew
    assert copies.folder is not None and (copies.folder / IN_USE).is_file()
    assert sweep_plain_copies(tmp_path / "tmp") == 0 and again.exists()
    copies.clear()


@pytest.mark.skipif(os.name != "posix", reason="a process's end is checked on POSIX only")
def test_a_folder_whose_mark_says_nothing_goes_by_the_id_in_its_name(tmp_path: Path) -> None:
    """No mark (an older version's folder) or an empty one (being made this moment, or its
    maker killed before it held it): the process id decides, as before."""
    dead = dead_pid()
    unmarked_dead = copies_folder(tmp_path, dead, "old")
    unmarked_running = copies_folder(tmp_path, os.getpid(), "old")
    being_made = copies_folder(tmp_path, os.getpid(), "new")
    (being_made / IN_USE).write_bytes(b"")
    made_and_killed = copies_folder(tmp_path, dead, "new")
    (made_and_killed / IN_USE).write_bytes(b"")
    assert sweep_plain_copies(tmp_path) == 2
    assert not unmarked_dead.exists() and not made_and_killed.exists()
    assert unmarked_running.exists() and being_made.exists()


def test_a_mark_is_held_while_open_and_let_go_when_closed(tmp_path: Path) -> None:
    mark = tmp_path / IN_USE
    assert holder_running(mark) is None  # none: nothing to say
    held = hold(mark)
    assert held is not None
    assert holder_running(mark) is True
    assert holder_running(mark) is True  # looking does not take it
    held.close()
    assert holder_running(mark) is False
    mark.write_bytes(b"")
    assert holder_running(mark) is None


def test_where_nothing_can_be_locked_the_copy_is_still_written_and_goes_by_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A temporary folder on a file system without locks: no mark (an unlocked one would
    read as a dead session's), the PDF still opens, and the sweep asks the id as before."""

    def no_locks(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(processes, "_lock", no_locks)
    store = BlobStore(tmp_path / "blobs", KEY)
    stored = store.put_photo(_pdf(tmp_path))
    (tmp_path / "tmp").mkdir()
    copies = PlainCopies(tmp_path / "tmp")
    copy = copies.write(store, stored.sha256, "通知书.pdf")
    assert copy.read_bytes() == TINY_PDF
    assert copies.folder is not None and not (copies.folder / IN_USE).exists()
    assert sweep_plain_copies(tmp_path / "tmp") == 0  # named with our id: running
    copies.clear()


def _pdf(tmp_path: Path) -> Path:
    path = tmp_path / "通知书.pdf"
    path.write_bytes(TINY_PDF)
    return path
