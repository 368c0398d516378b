"""Two imports at once (two windows, or the window and the command line): the second
import of the same file says it is under way; one of another file waits a bounded time
and then says another import is running; a database whose write lock another program
holds is tried again for a bounded time, then refused in plain words. Each refusal leaves
the database exactly as it was; the first import completes untouched."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.sync import files
from app.sync.applying import ImportSummary
from tests.store.store_helpers import full_dump
from tests.sync.conftest import OFFICE_PASSWORD, Node, enrol_laptop, open_node


@pytest.fixture
def second(office: Node) -> Iterator[Node]:
    """The same office database opened a second time (another window or process)."""
    node = open_node(office.path, OFFICE_PASSWORD, office.wall)
    yield node
    node.db.close()


@pytest.fixture
def paused(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """The first import stops inside its checks until the test lets it go."""
    inside, go = threading.Event(), threading.Event()
    real = files.check

    def slow_check(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not inside.is_set():
            inside.set()
            assert go.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(files, "check", slow_check)
    yield inside, go
    go.set()


def _in_background(node: Node, source: Path) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(node.import_file(source))
        except Exception as error:  # the test reports whatever happened
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_the_same_file_imported_twice_at_once_is_told_it_is_under_way(
    office: Node,
    second: Node,
    tmp_path: Path,
    paused: tuple[threading.Event, threading.Event],
) -> None:
    inside, go = paused
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    laptop.report("路边占道经营")
    up = laptop.export_to(office, tmp_path / "up.tdsync").path
    copy = Path(tmp_path / "copy-on-a-usb-stick.tdsync")
    copy.write_bytes(up.read_bytes())
    before = full_dump(second.db)
    thread, outcome = _in_background(office, up)
    assert inside.wait(30)
    with pytest.raises(DomainError) as error:
        second.import_file(copy)  # the same file, another copy of it
    assert error.value.code == "sync_import_in_progress"
    assert "这个同步包正在导入" in str(error.value)
    assert full_dump(second.db) == before
    go.set()
    thread.join(30)
    assert isinstance(outcome[0], ImportSummary), outcome
    assert outcome[0].preview["new_cases"] == 1
    assert second.import_file(copy).preview["already_imported"] is True
    laptop.db.close()


def test_another_file_waits_a_bounded_time_then_says_another_import_runs(
    office: Node,
    second: Node,
    tmp_path: Path,
    paused: tuple[threading.Event, threading.Event],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inside, go = paused
    monkeypatch.setattr(files, "IMPORT_WAIT_S", 0.3)
    a = enrol_laptop(office, tmp_path / "a", "青石村网格终端")
    b = enrol_laptop(office, tmp_path / "b", "青石村二号终端")
    a.report("路边占道经营")
    b.report("小区门口垃圾堆放")
    from_a = a.export_to(office, tmp_path / "a.tdsync").path
    from_b = b.export_to(office, tmp_path / "b.tdsync").path
    before = full_dump(second.db)
    thread, outcome = _in_background(office, from_a)
    assert inside.wait(30)
    with pytest.raises(DomainError) as error:
        second.import_file(from_b)
    assert error.value.code == "sync_import_busy"
    assert "另一个同步包正在导入" in str(error.value)
    assert full_dump(second.db) == before
    go.set()
    thread.join(30)
    assert isinstance(outcome[0], ImportSummary), outcome
    assert second.import_file(from_b).preview["new_cases"] == 1  # its turn now
    for node in (a, b):
        node.db.close()


def test_a_write_lock_held_elsewhere_is_waited_for_then_refused_plainly(
    office: Node, tmp_path: Path
) -> None:
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    laptop.report("路边占道经营")
    up = laptop.export_to(office, tmp_path / "up.tdsync").path
    before = full_dump(office.db)
    blocker = sqlite_driver.connect(office.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
    office.db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(DomainError) as error:
            office.import_file(up)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert error.value.code == "sync_database_busy"
    assert "数据库正被另一个窗口或程序写入" in str(error.value)
    assert full_dump(office.db) == before
    assert office.import_file(up).preview["new_cases"] == 1  # free again: it goes in
    laptop.db.close()


def test_an_import_leaves_only_its_lock_beside_the_database(office: Node, tmp_path: Path) -> None:
    laptop = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    laptop.report("路边占道经营")
    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    work = office.path.parent / ".towndesk-work"
    assert sorted(p.name for p in work.iterdir()) == ["import.lock"]
    assert (work.stat().st_mode & 0o777) == 0o700
    assert (work / "import.lock").stat().st_size == 0
    laptop.db.close()


def test_files_are_taken_back_only_under_the_write_lock(office: Node, tmp_path: Path) -> None:
    """A refused import's take-back holds the write lock, so a window that copied in a
    photo of the same content and is recording it now (evidence.record_stored) keeps it; when
    the lock cannot be had, the files stay, for the sweep of files no record names."""
    taken, kept = hashlib.sha256(b"taken").hexdigest(), hashlib.sha256(b"kept").hexdigest()
    office.blobs.put_bytes(taken, b"taken")
    office.blobs.put_bytes(kept, b"kept")
    office.db.execute(
        "INSERT INTO blobs (sha256, size, media_type) VALUES (?, 4, 'image/jpeg')", [kept]
    )
    blocker = sqlite_driver.connect(office.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # a window recording its photo
    statements: list[str] = []
    office.db.conn.set_trace_callback(statements.append)
    try:
        files._take_back(office.db, office.blobs, [taken, kept])
        assert office.blobs.has(taken) and office.blobs.has(kept)
        # the lock waited for briefly, not SQLite's 10 s (the refusal is told at once)
        assert f"PRAGMA busy_timeout = {files.TAKE_BACK_WAIT_MS}" in statements
    finally:
        office.db.conn.set_trace_callback(None)
        blocker.execute("ROLLBACK")
        blocker.close()
    assert office.db.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000  # as it was
    files._take_back(office.db, office.blobs, [taken, kept])
    assert not office.blobs.has(taken) and office.blobs.has(kept)
