"""Fuzzing sync import (and ``verify_file``) with mutated files made in memory from one
genuine file (tests/sync/fuzz_mutations.py), with a fixed seed.

Every file must end in one of two ways: imported with exactly the genuine file's data
(only a benign variant, or a change to bytes nothing reads such as a zip timestamp), or
refused with a classified DomainError in Chinese that leaves the database as it was.
A compromised laptop's own events with hostile values, chain and head signed anew, may
also go in as signed, and so may a re-signed manifest that declares another media type for
an evidence file (nothing else may differ). Anything else is counted: *accepted wrongly*
(imported, other data), *crashed* (any other exception, or a refusal that changed the
database or the evidence folder), *benign refused* (a variant that only writes the same
content differently was refused).

The database is one opened office, reused: after a refused file, its connection's
``total_changes`` must not have moved (nothing was written, not even rolled back), else
its full dump is compared with the one taken first; the dump is compared every 100 files
and at the end as well. After an accepted file the office is restored from an in-memory
copy. ``make fuzz`` runs 20,000 files (``TOWNDESK_FUZZ_COUNT``; ``TOWNDESK_FUZZ_SEED``).
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.messages import MESSAGES
from app.store import sqlite_driver
from app.store.cases import register_case
from app.sync.files import verify_file
from tests.conftest import DEMO_NOW_MS
from tests.sync import forge
from tests.sync.conftest import Node, enrol_laptop, jpeg
from tests.sync.conftest import dump_but_refusals as full_dump  # a refusal notes only itself
from tests.sync.forge import new_office
from tests.sync.fuzz_mutations import DECLARED, Material, mutate

FUZZ_COUNT = int(os.environ.get("TOWNDESK_FUZZ_COUNT", "2000"))
SEED = int(os.environ.get("TOWNDESK_FUZZ_SEED", "20261204"))
VERIFY_EVERY = 4  # verify_file too, on every 4th file: it must refuse what import refuses
DUMP_EVERY = 100
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Node, Material]]:
    """A small demo office (20 cases: restoring it after an accepted file is quick) and the
    genuine file a laptop sent it: two new cases, one with a photo, one with a reporter (so
    the file has a secrets member)."""
    from app.store.demo.township import build_demo

    root = tmp_path_factory.mktemp("fuzz")
    path = root / "office" / "towndesk.sqlite3"
    path.parent.mkdir()
    build_demo(path, cases=20, seed=7, now_ms=DEMO_NOW_MS, meetings=False)
    office = new_office(path)
    laptop = enrol_laptop(office, root / "laptop", "青石村网格终端")
    laptop.report("路边占道经营", jpeg(root / "camera", "small.jpg"))
    grid = laptop.db.execute("SELECT code FROM categories WHERE parent_code IS NOT NULL").fetchone()
    reported = IntakeRequest(grid[0], "G01", "小区门口垃圾堆放", reporter_name="李女士")
    register_case(laptop.db, laptop.blobs, laptop.user("wgy01"), reported, wall=laptop.wall)
    up = laptop.export_to(office, root / "up.tdsync").path  # with secrets.jsonl (a reporter)
    laptop.db.close()
    parts = forge.open_parts(up, office.keys)
    assert parts.secrets and "secrets" in parts.manifest  # fuzzed along with the rest
    escrow = office.db.execute("SELECT escrow_key FROM township").fetchone()[0]
    material = Material(
        up.read_bytes(),
        parts,
        forge.zip_bytes(parts.members()),
        [office.keys.public.box_key, escrow],
        laptop.keys,
        forge.DeviceKeys.generate("01900000-0000-7000-8000-0000000000ff"),
    )
    yield office, material
    office.db.close()


def blob_files(node: Node) -> set[str]:
    if not node.blobs.folder.exists():
        return set()
    return {str(p) for p in node.blobs.folder.rglob("*") if p.is_file()}


def imported(node: Node) -> tuple[Any, ...]:
    """What an import of the genuine file changes: the laptop's events, the evidence, the
    cases (the office's own evidence.received event gets a new id every time)."""
    db = node.db
    return (
        db.execute(
            "SELECT id, hash FROM events WHERE device_id != ? ORDER BY id", [node.id]
        ).fetchall(),
        db.execute("SELECT count(*) FROM events WHERE device_id = ?", [node.id]).fetchone(),
        db.execute("SELECT sha256, size, media_type FROM blobs ORDER BY sha256").fetchall(),
        db.execute("SELECT id, number, status, description FROM cases ORDER BY id").fetchall(),
        db.execute("SELECT count(*) FROM quarantine").fetchone(),
        sorted(p.name for p in node.blobs.folder.rglob("*") if p.is_file()),
    )


class Office:
    """The office's database, put back as it was after every accepted file."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.pristine = sqlite_driver.connect(":memory:")
        node.db.conn.backup(self.pristine)
        self.dump = full_dump(node.db)
        self.files = blob_files(node)

    def restore(self) -> None:
        self.pristine.backup(self.node.db.conn)
        vars(self.node.db).pop("_case_context", None)  # cached case data of the import
        for extra in blob_files(self.node) - self.files:
            Path(extra).unlink()

    def unchanged(self, changes_before: int) -> bool:
        if blob_files(self.node) != self.files:
            return False
        if self.node.db.conn.total_changes == changes_before:
            return True  # not a row written, even in a rolled-back transaction
        return full_dump(self.node.db) == self.dump


def test_mutated_sync_files_import_right_or_are_refused_plainly(
    world: tuple[Node, Material], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node, material = world
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    office = Office(node)
    source = tmp_path / "fuzz.tdsync"
    source.write_bytes(material.encrypted)
    node.import_file(source)
    expected = imported(node)
    office.restore()
    assert full_dump(node.db) == office.dump

    rng = random.Random(SEED)
    counts: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    for n in range(FUZZ_COUNT):
        name, data, benign = mutate(material, rng)
        source.write_bytes(data)
        outcome = _one(node, office, source, n % VERIFY_EVERY == 0, expected)
        kind, detail = outcome
        if kind == "accepted_wrongly" and (
            benign is None or (benign == DECLARED and detail == "other media type")
        ):
            kind = "accepted_as_signed"  # the laptop's own content or claim, as it signed it
        if kind == "refused":
            codes[detail] += 1
            if benign is True:
                kind = "benign_refused"
        counts[kind] += 1
        counts[f"{kind}:{name}"] += 1
        if kind in ("crashed", "accepted_wrongly", "benign_refused"):
            failures.append(f"#{n} {name}: {kind} {detail}")
        if n % DUMP_EVERY == 0 or n == FUZZ_COUNT - 1:
            assert full_dump(node.db) == office.dump, f"after #{n} {name}"
    elapsed = time.perf_counter() - started
    report = (
        f"\nfuzz: {FUZZ_COUNT} files, seed {SEED}, {elapsed:.1f} s: "
        f"accepted (genuine data) {counts['accepted']}, "
        f"accepted as the laptop signed it {counts['accepted_as_signed']}, "
        f"accepted wrongly {counts['accepted_wrongly']}, refused {counts['refused']}, "
        f"benign refused {counts['benign_refused']}, crashed {counts['crashed']}\n"
        f"  refusals by code: {dict(codes.most_common())}\n"
        f"  by mutation: {dict(sorted((k, v) for k, v in counts.items() if ':' in k))}\n"
    )
    sys.stdout.write(report)
    assert not failures, report + "\n".join(failures[:20])
    assert counts["accepted_wrongly"] == counts["crashed"] == 0
    assert counts["refused"] > FUZZ_COUNT * 0.8  # the mutations mostly reach a refusal
    assert list(temp.iterdir()) == []  # no plaintext, no spool left in the temporary folder


def _one(
    node: Node, office: Office, source: Path, verify: bool, expected: tuple[Any, ...]
) -> tuple[str, str]:
    changes = node.db.conn.total_changes
    verified: str | None = None
    try:
        if verify:
            try:
                verify_file(node.db, node.blobs, node.keys, source)
            except DomainError as error:
                verified = error.code
        node.import_file(source)
    except DomainError as error:
        text = str(error)
        if error.code not in MESSAGES or not CHINESE.search(text):
            return "crashed", f"unclassified {error.code}: {text[:100]}"
        if verified is not None and verified != error.code:
            return "crashed", f"verify said {verified}, import {error.code}"
        if not office.unchanged(changes):
            office.restore()
            return "crashed", f"refused ({error.code}) but the database changed"
        return "refused", error.code
    except Exception as error:  # exactly what the fuzz counts
        office.restore()
        return "crashed", f"{type(error).__name__}: {str(error)[:150]}"
    if verified is not None:
        office.restore()
        return "crashed", f"verify refused ({verified}) what import took"
    found = imported(node)
    office.restore()
    if found == expected:
        return "accepted", ""
    if _without_media_types(found) == _without_media_types(expected):
        return "accepted_wrongly", "other media type"
    return "accepted_wrongly", "other data"


def _without_media_types(state: tuple[Any, ...]) -> tuple[Any, ...]:
    blobs = [row[:2] for row in state[2]]
    return (*state[:2], blobs, *state[3:])
