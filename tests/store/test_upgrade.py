"""Every released schema upgrades to the current one, keeps its data and goes on working."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.core.workflow import Action, Request
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.database import latest_version, peek_schema_version, schema_version
from app.store.projections import rebuild
from app.store.reference import user_by_name
from app.store.setup import open_database
from app.sync.enrolment import unlock
from app.sync.keys import CHEAP
from tests.store.store_helpers import projection_dump
from tests.sync.conftest import Node, enrol_laptop

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / name, target)
    return target


def test_schema_2_upgrades_with_a_backup_and_rebuilds_to_the_same_state(tmp_path: Path) -> None:
    path = _copy("schema-2.sqlite3", tmp_path)
    db = open_database(path)
    assert schema_version(db) == latest_version()
    backup = tmp_path / "towndesk.before-v3.sqlite3"
    assert backup.exists()
    assert peek_schema_version(backup) == 2
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_an_upgraded_office_takes_steps_and_enrols_a_laptop(tmp_path: Path) -> None:
    path = _copy("schema-2.sqlite3", tmp_path)
    db = open_database(path)
    number = db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number"
    ).fetchone()[0]
    case = act(
        db,
        BlobStore.beside(path),
        user_by_name(db, "clerk"),
        number,
        Request(Action.DISPATCH, to="ZFZD"),
    )
    assert case.status == "assigned"
    office = Node(
        path,
        db,
        BlobStore.beside(path),
        unlock(db, path, "office-keys", CHEAP, user_by_name(db, "admin")),
    )
    laptop = enrol_laptop(office, tmp_path / "laptop", "升级后的终端")
    count = "SELECT count(*) FROM cases"
    assert laptop.db.execute(count).fetchone() == db.execute(count).fetchone()
    status = "SELECT status FROM cases WHERE number = ?"
    assert laptop.db.execute(status, [number]).fetchone()[0] == "assigned"
