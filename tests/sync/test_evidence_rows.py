"""The evidence rows of an imported file (``blobs``, and custody on receipt) are written
with one statement each for all its files: the same rows as one statement per file, and
a failure after them still takes back the whole transaction and the files it stored."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import sqlite_driver
from app.sync import applying
from tests.sync.conftest import Node, dump_but_refusals, jpeg


@pytest.fixture
def upload(office: Node, laptop: Node, tmp_path: Path) -> Path:
    """Three new cases from the laptop, two with a photo (one spanning several chunks)."""
    camera = tmp_path / "camera"
    laptop.report("路边占道经营，摊位堵塞人行道", jpeg(camera, "small.jpg"))
    big = random.Random(5).randbytes(150_000)
    laptop.report("夜间施工噪音扰民", jpeg(camera, "big.jpg", big))
    laptop.report("小区门口垃圾堆放")
    return laptop.export_to(office, tmp_path / "up.tdsync").path


def _stored(node: Node) -> set[Path]:
    folder = node.blobs.folder
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def test_each_evidence_file_of_an_import_has_its_row_and_its_custody_on_receipt(
    office: Node, laptop: Node, upload: Path
) -> None:
    office.import_file(upload)
    sent = {
        sha256: size
        for sha256, size in laptop.db.execute(
            "SELECT b.sha256, b.size FROM blobs b JOIN case_evidence e ON e.sha256 = b.sha256"
        )
    }
    assert len(sent) == 2
    rows = office.db.execute(
        "SELECT sha256, size, media_type FROM blobs WHERE sha256 IN (SELECT value FROM "
        "json_each(?)) ORDER BY sha256",
        [json.dumps(list(sent))],
    ).fetchall()
    assert [tuple(r) for r in rows] == [(s, sent[s], "image/jpeg") for s in sorted(sent)]
    event = office.db.execute(
        "SELECT id, device_id, actor_id, payload FROM events WHERE type = 'evidence.received'"
    ).fetchone()
    p = json.loads(event[3])
    custody = office.db.execute(
        "SELECT sha256, kind, device_id, actor_id, from_device_id, file_id, file_created_at "
        "FROM custody WHERE kind = 'received' ORDER BY sha256"
    ).fetchall()
    assert p["blobs"] == sorted(sent)
    assert [tuple(r) for r in custody] == [
        (s, "received", event[1], event[2], laptop.id, p["file_id"], p["file_created_at"])
        for s in sorted(sent)
    ]


def test_a_failure_after_the_evidence_rows_takes_everything_back(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last write of the transaction fails (as a constraint would): the rows of the
    evidence and their custody go with the rest, and so do the files just stored."""
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
