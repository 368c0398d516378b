"""Two (or more) devices of one demo township: the office and enrolled field laptops.

Keys use the cheap argon2 cost (``CHEAP``) so the suite stays fast; the cost is stored in
each key file, so nothing else differs from production."""

from __future__ import annotations

import os
import select
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.core.clock import Wall
from app.core.intake import IntakeRequest
from app.core.model import Case, User
from app.store.blobs import BlobStore
from app.store.cases import register_case
from app.store.devices import is_office
from app.store.reference import user_by_name
from app.store.setup import open_database
from app.sync.applying import ImportSummary
from app.sync.enrolment import enrol, join, unlock
from app.sync.export import ExportSummary, export_sync_file
from app.sync.files import import_file
from app.sync.keys import CHEAP, DeviceKeys
from app.sync.unlocking import unlock_database
from tests.clock import TestClock, frozen
from tests.images import TINY_JPEG

OFFICE_PASSWORD = "office-keys"
LAPTOP_PASSWORD = "laptop-keys"


@dataclass
class Node:
    """One device: its database, evidence folder and unlocked keys."""

    path: Path
    db: Database
    blobs: BlobStore
    keys: DeviceKeys
    wall: Wall = frozen  # what this device's clock says (tests move or skew it)

    @property
    def id(self) -> str:
        return self.keys.device_id

    def user(self, username: str) -> User:
        return user_by_name(self.db, username)

    def export_to(self, peer: Node, target: Path, full: bool = False) -> ExportSummary:
        return export_sync_file(
            self.db, self.blobs, self.keys, None, peer.id, target, full, wall=self.wall
        )

    def import_file(self, source: Path) -> ImportSummary:
        return import_file(self.db, self.blobs, self.keys, None, source, wall=self.wall)

    def report(
        self,
        description: str,
        photo: Path | None = None,
        grid: str = "G01",
        category: str | None = None,
    ) -> Case:
        """A grid worker's report; in the first leaf category (占道经营) unless told."""
        leaf = (
            category
            or self.db.execute(
                "SELECT code FROM categories WHERE parent_code IS NOT NULL ORDER BY code"
            ).fetchone()[0]
        )
        worker = self.db.execute(
            "SELECT u.username FROM users u WHERE u.role = 'grid_worker' ORDER BY username"
        ).fetchone()[0]
        request = IntakeRequest(leaf, grid, description)
        return register_case(
            self.db,
            self.blobs,
            self.user(worker),
            request,
            [photo] if photo else [],
            wall=self.wall,
        )


def open_node(path: Path, password: str, wall: Wall = frozen) -> Node:
    database = unlock_database(path, password)  # a laptop's database is encrypted
    db = open_database(database)
    admin = user_by_name(db, "admin") if is_office(db) else None  # the office's first use
    keys = unlock(db, path, password, CHEAP, admin, wall=wall)
    return Node(path, db, BlobStore.beside(database), keys, wall)  # evidence encrypted too


def enrol_laptop(
    office: Node, folder: Path, name: str, kind: str = "grid-worker", department: str | None = None
) -> Node:
    folder.mkdir(parents=True, exist_ok=True)
    enrolment = folder / "enrol.tdenrol"
    admin = office.user("admin")
    enrol(
        office.db,
        office.blobs,
        office.keys,
        admin,
        name,
        kind,
        department,
        LAPTOP_PASSWORD,
        enrolment,
        CHEAP,
        wall=office.wall,
    )
    path = folder / "towndesk.sqlite3"
    join(enrolment, path, LAPTOP_PASSWORD, CHEAP, wall=office.wall)
    return open_node(path, LAPTOP_PASSWORD, office.wall)  # one township, one passing time


@pytest.fixture
def clock() -> TestClock:
    """Time passes between steps here, a millisecond a reading: the devices' merged order
    follows the order the test takes its steps in, as it would in real time."""
    return TestClock(tick_ms=1)


@pytest.fixture
def office(demo_path: Path, clock: TestClock) -> Iterator[Node]:
    node = open_node(demo_path, OFFICE_PASSWORD, clock.wall)
    yield node
    node.db.close()


@pytest.fixture
def laptop(office: Node, tmp_path: Path) -> Iterator[Node]:
    node = enrol_laptop(office, tmp_path / "laptop", "青石村网格终端")
    yield node
    node.db.close()


def jpeg(folder: Path, name: str = "photo.jpg", body: bytes = b"EXIF 2026:11:26 fake") -> Path:
    """A small photo that decodes, with distinct bytes after its end (EXIF-ish)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(TINY_JPEG + body)
    return path


def dump_but_refusals(db: Database) -> dict[str, object]:
    """``full_dump`` without the office's local note of refused laptop files (the one thing
    a refusal writes, on purpose: app/sync/refusals.py; tests/sync/test_refusal_notice.py)."""
    from tests.store.store_helpers import full_dump

    dump = full_dump(db)
    dump["settings"] = [row for row in dump["settings"] if row[0] != "sync_refusals"]
    return dump


def every_import_beside(patch: pytest.MonkeyPatch) -> None:
    """Every import checks and stores its new evidence files in a forked child, and in
    another checks its events' hashes, then folds its cases and adds up the new ones'
    daily sums (app/sync/beside.py), however few, on whatever machine."""
    from app.store.projections import fold_beside, fold_work
    from app.sync import beside

    patch.setattr(fold_work, "FOLD_BESIDE_AT_LEAST", 1)
    patch.setattr(fold_beside, "other_core_free", lambda: True)
    patch.setattr(beside, "EVIDENCE_BESIDE_AT_LEAST", 0)
    patch.setattr(beside, "HASHED_BESIDE_AT_LEAST", 1)
    patch.setattr(beside, "other_core_free", lambda: True)


def watch_evidence_beside(patch: pytest.MonkeyPatch) -> list[set[str]]:
    """What each evidence child that was started reported checked and stored, in order."""
    from app.sync.beside import EvidenceBeside

    found: list[set[str]] = []
    checked = EvidenceBeside.checked

    def watched(self: EvidenceBeside) -> set[str]:
        started = self._child is not None
        result = checked(self)
        if started:
            found.append(result)
        return result

    patch.setattr(EvidenceBeside, "checked", watched)
    return found


def watch_fold_beside(patch: pytest.MonkeyPatch) -> list[object]:
    """What each fold beside that was started gave its import, in order: None where the
    import folded the cases itself all the same."""
    from app.store.projections.fold_beside import FoldBeside

    taken: list[object] = []
    projections = FoldBeside.projections

    def watched(self: FoldBeside, db: Database, written: object) -> object:
        started = self._folding is not None
        result = projections(self, db, written)  # type: ignore[arg-type]
        if started:
            taken.append(result)
        return result

    patch.setattr(FoldBeside, "projections", watched)
    return taken


class Told:
    """A word from a forked child to this process, through a pipe: waited for, not
    polled. Made before the fork (the child writes into it), closed with ``with``."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()

    def __enter__(self) -> Told:
        return self

    def tell(self) -> None:  # in the child
        os.write(self._write, b"!")

    def wait(self) -> None:
        assert select.select([self._read], [], [], 10)[0], "the child never said"

    def __exit__(self, *_: object) -> None:
        os.close(self._read)
        os.close(self._write)
