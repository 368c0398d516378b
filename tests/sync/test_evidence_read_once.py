"""An import reads each new evidence file from the sync file once: its check hashes the
bytes, and its apply stores those very bytes (app/sync/archive.py ``keep_evidence``), up to
``EVIDENCE_KEPT`` bytes in all; beyond that a file is read again. The evidence rows of a
file (``blobs``, custody on receipt) are written in one statement each, and a failure
after them still takes back the whole transaction and the files it stored."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.sync import applying, archive, files
from tests.sync.conftest import Node, dump_but_refusals, jpeg

BIG = 150_000  # spans three 64 KiB chunks of the spool


@pytest.fixture
def upload(office: Node, laptop: Node, tmp_path: Path) -> Path:
    """Three new cases from the laptop, two with a photo (one of them large)."""
    camera = tmp_path / "camera"
    laptop.report("路边占道经营，摊位堵塞人行道", jpeg(camera, "small.jpg"))
    laptop.report("夜间施工噪音扰民", jpeg(camera, "big.jpg", random.Random(5).randbytes(BIG)))
    laptop.report("小区门口垃圾堆放")
    return laptop.export_to(office, tmp_path / "up.tdsync").path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each member of a sync file is read whole (``archive._read``)."""
    counted: Counter[str] = Counter()
    real = archive._read

    def counting(opened_zip, name: str, cap: int) -> bytes:  # type: ignore[no-untyped-def]
        counted[name] += 1
        return real(opened_zip, name, cap)

    monkeypatch.setattr(archive, "_read", counting)
    return counted


def _evidence(counted: Counter[str]) -> dict[str, int]:
    return {name: n for name, n in counted.items() if name.startswith("blobs/")}


def _stored(node: Node) -> set[Path]:
    folder = node.blobs.folder
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def _photos(node: Node) -> dict[str, bytes]:
    rows = node.db.execute("SELECT sha256 FROM case_evidence").fetchall()
    return {sha256: node.blobs.read_bytes(sha256) for (sha256,) in rows}


def test_an_import_reads_each_new_evidence_file_once(
    office: Node, laptop: Node, upload: Path, reads: Counter[str]
) -> None:
    office.import_file(upload)
    read = _evidence(reads)
    assert len(read) == 2
    assert set(read.values()) == {1}
    sent = _photos(laptop)
    assert {sha256: office.blobs.read_bytes(sha256) for sha256 in sent} == sent


def test_verify_keeps_nothing_and_beyond_the_budget_a_file_is_read_again(
    office: Node, upload: Path, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files.verify_file(office.db, office.blobs, office.keys, upload)
    assert set(_evidence(reads).values()) == {1}  # hashed, not stored
    reads.clear()
    monkeypatch.setattr(files, "EVIDENCE_KEPT", BIG - 1)  # the small photo fits, the big not
    office.import_file(upload)
    assert sorted(_evidence(reads).values()) == [1, 2]
    assert len(_photos(office)) >= 2


def test_a_failure_after_the_evidence_rows_takes_everything_back(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last write of the transaction fails (as a constraint would): the batched rows of
    the evidence and their custody go with the rest, and so do the files just stored."""
    before = dump_but_refusals(office.db)
    stored_before = _stored(office)

    def failing(*args: object) -> None:
        raise sqlite_driver.IntegrityError("the last write of the import")

    monkeypatch.setattr(applying, "clear_refusal", failing)
    with pytest.raises(DomainError) as refused:
        office.import_file(upload)
    assert refused.value.code == "sync_damaged"
    assert dump_but_refusals(office.db) == before
    assert _stored(office) == stored_before
    monkeypatch.undo()
    assert office.import_file(upload).preview["new_evidence"] == 2  # and it imports after
