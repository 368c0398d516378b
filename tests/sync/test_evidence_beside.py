"""A sync file's evidence files checked and stored by a forked child while the import
checks the events (app/sync/beside.py): what is stored is what the import would store
itself; every refusal is the one it was and leaves no file behind; whatever the child did
not report — it failed, died half-way, fell silent — the import checks and stores itself."""
# ruff: noqa: F811 - the fixtures of test_bad_files.py, imported, are the tests' arguments

from __future__ import annotations

import errno
import hashlib
import os
import select
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import app.sync.importer as importer
from app.store import blob_batches
from app.sync import applying, beside, held
from app.sync.beside import EvidenceBeside
from tests.sync import forge
from tests.sync.conftest import (
    OFFICE_PASSWORD,
    Node,
    Told,
    every_import_beside,
    watch_evidence_beside,
)
from tests.sync.test_bad_files import (  # noqa: F401 - fixtures
    blob_files,
    copy_node,
    disk_full_from_the_second_fsync,
    genuine_parts,
    laptop,
    office,
    private_temp,
    recipients,
    refused,
    template,
    upload,
)


@pytest.fixture(autouse=True)
def every_import_checks_its_evidence_beside(monkeypatch: pytest.MonkeyPatch) -> None:
    every_import_beside(monkeypatch)


@pytest.fixture
def reported(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    return watch_evidence_beside(monkeypatch)


@pytest.fixture
def checked_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The evidence files the import's own process checked (the child's are not seen)."""
    found: list[str] = []
    as_listed = held.as_listed

    def watched(data: bytes, sha256: str, info: dict) -> bool:
        found.append(sha256)
        return as_listed(data, sha256, info)

    monkeypatch.setattr(held, "as_listed", watched)
    return found


def _stored_right(node: Node, names: set[str]) -> None:
    for sha256 in names:
        assert hashlib.sha256(node.blobs.read_bytes(sha256)).hexdigest() == sha256


def test_the_files_the_child_stores_are_those_the_import_stores(
    office: Node,
    upload: Path,
    tmp_path: Path,
    reported: list[set[str]],
    checked_here: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twin = copy_node(office, tmp_path / "twin", OFFICE_PASSWORD)
    imported = office.import_file(upload).preview
    listed = set(genuine_parts(upload, office).manifest["blobs"])
    assert (imported["new_cases"], imported["new_evidence"]) == (3, 2)
    assert reported == [listed] and checked_here == []  # the child did it all
    _stored_right(office, listed)
    monkeypatch.setattr(beside, "EVIDENCE_BESIDE_AT_LEAST", 1 << 40)  # no child
    assert twin.import_file(upload).preview == imported
    rows = "SELECT sha256, size, media_type FROM blobs ORDER BY sha256"
    assert office.db.execute(rows).fetchall() == twin.db.execute(rows).fetchall()
    assert blob_files(office) == blob_files(twin)
    for sha256 in listed:  # encrypted or not as the store keeps them
        assert office.blobs.is_sealed(sha256) == twin.blobs.is_sealed(sha256)
    twin.db.close()


@pytest.mark.parametrize("how", ["content", "size", "missing"])
def test_an_evidence_file_not_as_listed_is_refused_and_nothing_stays(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, how: str
) -> None:
    """The child stops at the file, the import finds it and refuses the file as it did;
    what the child stored before is taken back (``refused`` compares the folder)."""
    parts = genuine_parts(upload, office)
    last = sorted(parts.blobs)[-1]  # the child stores the first one before it
    if how == "content":
        parts.blobs[last] = parts.blobs[last][:-1] + b"!"
    elif how == "size":
        parts.manifest["blobs"][last]["size"] += 1
        forge.resign(parts, laptop.keys)
    else:
        del parts.blobs[last]
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    code = "sync_blob_missing" if how == "missing" else "sync_damaged"
    refused(office, source, code)


def test_a_file_refused_for_its_events_leaves_none_of_the_files_the_child_stored(
    office: Node, upload: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The events' hash is checked after the child has begun: it has stored the files by
    then (the check waits here for the child to end), and they are taken back."""
    parts = genuine_parts(upload, office)
    parts.events = parts.events.replace("人行道".encode(), "车行道".encode())
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    stored: list[int] = []
    events = importer._events

    def once_the_child_has_ended(opened: Any, manifest: dict) -> list:
        child = beside_of_this_import[-1]._child
        assert child is not None
        child.reports(30)  # every file stored: the child ended
        stored.append(sum(office.blobs.has(sha) for sha in manifest["blobs"]))
        return events(opened, manifest)

    beside_of_this_import: list[EvidenceBeside] = []
    start = EvidenceBeside.start

    def noted(self: EvidenceBeside, *args: Any) -> None:
        beside_of_this_import.append(self)
        start(self, *args)

    monkeypatch.setattr(EvidenceBeside, "start", noted)
    monkeypatch.setattr(importer, "_events", once_the_child_has_ended)
    error = refused(office, source, "sync_damaged")
    assert "events hash" in str(error)
    assert stored == [2], "the child had stored both files, to be taken back"


def test_a_file_refused_as_it_is_applied_leaves_none_of_the_files_the_child_stored(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch, reported: list[set[str]]
) -> None:
    """Values the fold cannot store turn up only in the transaction, after the child has
    stored every file: the refusal takes them back as it takes back the import's own."""

    def cannot_store(*_args: object, **_kwargs: object) -> None:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(applying, "_write", cannot_store)
    refused(office, upload, "sync_damaged", verify=False)
    assert reported == [set(genuine_parts(upload, office).manifest["blobs"])]


def _child_doing(
    monkeypatch: pytest.MonkeyPatch, work: Callable[[Callable[[bytes], None]], None]
) -> None:
    real = beside._check_and_store

    def patched(store: object, opened: object, listed: dict, report: Callable) -> None:
        work(lambda data: report(data))  # may end the child before any real work
        real(store, opened, listed, report)  # type: ignore[arg-type]

    monkeypatch.setattr(beside, "_check_and_store", patched)


def _raises(_report: Callable[[bytes], None]) -> None:
    raise OSError(errno.EIO, "input/output error")


def _killed(_report: Callable[[bytes], None]) -> None:
    os.kill(os.getpid(), 9)


def _silent(_report: Callable[[bytes], None]) -> None:
    select.select([], [], [])  # blocked for good


@pytest.mark.parametrize("work", [_raises, _killed, _silent], ids=["raises", "killed", "stuck"])
def test_a_child_that_fails_costs_nothing_but_its_time(
    office: Node,
    upload: Path,
    reported: list[set[str]],
    checked_here: list[str],
    monkeypatch: pytest.MonkeyPatch,
    work: Callable[[Callable[[bytes], None]], None],
) -> None:
    monkeypatch.setattr(beside, "CHILD_SILENT_AT_MOST", 0.5)
    _child_doing(monkeypatch, work)
    imported = office.import_file(upload).preview
    listed = set(genuine_parts(upload, office).manifest["blobs"])
    assert imported["new_evidence"] == 2
    assert reported == [set()]
    assert sorted(checked_here) == sorted(listed)  # checked here instead
    _stored_right(office, listed)


def test_what_a_child_reported_before_it_died_holds(
    office: Node,
    upload: Path,
    reported: list[set[str]],
    checked_here: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One batch per file; the child dies once it has reported the first: the import
    checks only the other one itself."""
    monkeypatch.setattr(blob_batches, "_IN_FLIGHT", 0)
    real = beside._check_and_store

    def dies_after_one(store: object, opened: object, listed: dict, report: Callable) -> None:
        def once(data: bytes) -> None:
            report(data)
            os._exit(1)

        real(store, opened, listed, once)  # type: ignore[arg-type]

    monkeypatch.setattr(beside, "_check_and_store", dies_after_one)
    assert office.import_file(upload).preview["new_evidence"] == 2
    listed = set(genuine_parts(upload, office).manifest["blobs"])
    assert len(reported) == 1 and len(reported[0]) == 1
    assert set(checked_here) == listed - reported[0]
    _stored_right(office, listed)


def test_a_full_disk_in_the_child_is_a_full_disk_for_the_import(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's second fsync finds the disk full: it ends, the import stores the
    rest itself, finds the disk full too, and refuses; nothing it or the child stored
    stays. With room again, the file goes in."""
    with monkeypatch.context() as patch:
        disk_full_from_the_second_fsync(patch)
        refused(office, upload, "disk_full", verify=False, blobs_may_grow=True)
    after = office.import_file(upload).preview
    assert (after["new_cases"], after["new_evidence"]) == (3, 2)


def test_no_child_for_files_already_here_or_too_few(
    office: Node,
    laptop: Node,
    upload: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reported: list[set[str]],
) -> None:
    twin = copy_node(office, tmp_path / "twin", OFFICE_PASSWORD)
    office.import_file(upload)
    assert reported == [set(genuine_parts(upload, office).manifest["blobs"])]
    assert office.import_file(upload).preview["already_imported"]  # every file is here
    assert len(reported) == 1
    photos = sum(len(data) for data in genuine_parts(upload, office).blobs.values())
    monkeypatch.setattr(beside, "EVIDENCE_BESIDE_AT_LEAST", photos + 1)
    assert twin.import_file(upload).preview["new_evidence"] == 2
    assert len(reported) == 1
    twin.db.close()


def test_one_core_no_child(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch, reported: list[set[str]]
) -> None:
    monkeypatch.setattr(beside, "other_core_free", lambda: False)
    assert office.import_file(upload).preview["new_evidence"] == 2
    assert reported == []


def _child_stuck_in_a_write(monkeypatch: pytest.MonkeyPatch, writing: Told | None = None) -> None:
    """The child's writers hang at the fsync of their first copy (half-written, under its
    temporary name), saying so through ``writing``, until killed; this process's own
    writes go on."""
    parent = os.getpid()
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.getpid() != parent:
            if writing is not None:
                writing.tell()
            select.select([], [], [])  # blocked for good
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def _half_written(node: Node) -> list[str]:
    return [name for name in blob_files(node) if name.startswith(".incoming-")]


def test_a_file_refused_while_the_child_writes_leaves_no_half_written_copy(
    office: Node, upload: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child is killed in the middle of a copy: its temporary file goes with it, as
    the import's own would (``refused`` compares the whole evidence folder)."""
    parts = genuine_parts(upload, office)
    parts.events = parts.events.replace("人行道".encode(), "车行道".encode())
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    writing = Told()
    _child_stuck_in_a_write(monkeypatch, writing)
    events = importer._events

    def once_a_copy_is_half_written(opened: Any, manifest: dict) -> list:
        writing.wait()
        assert _half_written(office), "the child began no copy"
        return events(opened, manifest)

    monkeypatch.setattr(importer, "_events", once_a_copy_is_half_written)
    with writing:
        refused(office, source, "sync_damaged", verify=False)  # the preview starts no child


def test_a_child_given_up_in_the_middle_of_a_write_leaves_no_half_written_copy(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch, reported: list[set[str]]
) -> None:
    monkeypatch.setattr(beside, "CHILD_SILENT_AT_MOST", 0.5)
    _child_stuck_in_a_write(monkeypatch)
    assert office.import_file(upload).preview["new_evidence"] == 2
    assert reported == [set()]
    assert _half_written(office) == []
    _stored_right(office, set(genuine_parts(upload, office).manifest["blobs"]))


def test_a_file_swept_after_it_was_stored_is_put_back_inside_the_transaction(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sweep of files no record names (another program opening the database, holding
    the write lock) may take an old copy the import found here before its transaction:
    inside it, each file is looked at again and put back from the sync file."""
    real = blob_batches.BatchStoring.put_all
    calls: list[int] = []

    def put_all(self, files, read, stored=None):  # type: ignore[no-untyped-def]
        real(self, files, read, stored)
        calls.append(len(list(files)))
        if len(calls) == 1:  # stored before the transaction, then swept
            for sha256 in files:
                self.path(sha256).unlink()

    monkeypatch.setattr(blob_batches.BatchStoring, "put_all", put_all)
    monkeypatch.setattr(beside, "EVIDENCE_BESIDE_AT_LEAST", 2**62)  # stored by the import
    office.import_file(upload)
    listed = set(genuine_parts(upload, office).manifest["blobs"])
    assert len(calls) == 2 and listed
    for sha256 in listed:
        assert office.blobs.read_bytes(sha256)  # there, and whole
