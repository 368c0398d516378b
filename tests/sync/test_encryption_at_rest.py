"""A lost laptop gives nothing away: field laptops join encrypted, the stolen files yield
no text, phone number or password hash, and a plain database moves to an encrypted one
without losing anything, even when killed half-way."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.store import sqlite_driver
from app.store.cases import register_case
from app.store.encrypting import backup_path, work_path
from app.store.encryption import DatabaseFile, is_encrypted
from app.store.reference import user_by_name
from app.store.setup import open_database
from app.sync.keys import CHEAP, key_file_beside
from app.sync.unlocking import encrypt_existing, unlock_database
from tests.store.store_helpers import full_dump
from tests.sync.conftest import LAPTOP_PASSWORD, OFFICE_PASSWORD, Node, jpeg, open_node

ROOT = Path(__file__).resolve().parents[2]
# Four Chinese characters in a row, as UTF-8: random bytes (ciphertext) hold one such run
# in about 10^11 positions, while any Chinese text has many.
CJK_TEXT = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){4}")
# a mobile number standing alone: not a run of digits inside the hex text of the key file
# (its salt, nonce and ciphertext), where eleven digits in a row turn up by chance
PHONE = re.compile(rb"(?<![0-9a-fA-F])1[3-9][0-9]{9}(?![0-9a-fA-F])")
HASH = re.compile(rb"\$argon2")
REPORTER, REPORTER_PHONE = "王建国", "13912345678"


def secrets_found(folder: Path) -> dict[str, list[str]]:
    """What an attacker without the password reads in every file under ``folder``."""
    found: dict[str, list[str]] = {"cjk": [], "phone": [], "hash": []}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for name, pattern in (("cjk", CJK_TEXT), ("phone", PHONE), ("hash", HASH)):
            if pattern.search(data):
                found[name].append(path.name)
    return found


def report_with_reporter(node: Node) -> None:
    """A grid worker's report naming the reporter and their phone, with a photo."""
    leaf = node.db.execute(
        "SELECT code FROM categories WHERE parent_code IS NOT NULL ORDER BY code"
    ).fetchone()[0]
    worker = node.db.execute(
        "SELECT username FROM users WHERE role = 'grid_worker' ORDER BY username"
    ).fetchone()[0]
    request = IntakeRequest(
        leaf,
        "G01",
        "青石村路口流动摊贩占道经营，影响通行",
        reporter_name=REPORTER,
        reporter_phone=REPORTER_PHONE,
    )
    photo = jpeg(node.path.parent.parent / "camera", body=b"EXIF 2026:11:26 14:05 fake")
    register_case(
        node.db, node.blobs, user_by_name(node.db, worker), request, [photo], wall=node.wall
    )


def test_a_laptop_joins_encrypted_with_its_key_only_in_the_sealed_key_file(
    laptop: Node,
) -> None:
    assert is_encrypted(laptop.path)
    assert laptop.keys.database_key is not None
    key_file = key_file_beside(laptop.path)
    assert laptop.keys.database_key.hex().encode() not in key_file.read_bytes()
    assert stat.S_IMODE(laptop.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with pytest.raises(DomainError) as refused:
        unlock_database(laptop.path, "not-the-password")
    assert refused.value.code == "key_password_wrong"


def test_a_stolen_laptop_s_files_yield_no_text_no_phone_no_hash(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    report_with_reporter(laptop)
    # stolen while running: the newest pages are still in the -wal file
    assert Path(f"{laptop.path}-wal").stat().st_size > 0
    stolen = tmp_path / "stolen"
    shutil.copytree(laptop.path.parent, stolen)
    names = {p.name for p in stolen.rglob("*") if p.is_file()}
    assert {"towndesk.sqlite3", "towndesk.sqlite3-wal", "towndesk.sqlite3.keys"} <= names
    assert any(len(name) == 64 for name in names)  # the photo, in blobs/
    assert secrets_found(stolen) == {"cjk": [], "phone": [], "hash": []}
    # the search works: the office's plain database shows all three, and the laptop does
    # hold them, readable once unlocked with the device password
    assert all(secrets_found(office.path.parent).values())
    copy = open_database(unlock_database(stolen / "towndesk.sqlite3", LAPTOP_PASSWORD))
    # the reporter its own grid worker typed, held by ref until it is sent (core/secrets.py)
    held = copy.execute(
        "SELECT s.value FROM cases c JOIN secrets s ON s.ref = c.reporter_ref"
    ).fetchall()
    assert [REPORTER_PHONE in value for (value,) in held] == [True]
    copy.close()


def test_the_stolen_database_opens_with_no_other_tool_or_key(laptop: Node) -> None:
    plain = sqlite_driver.connect(str(laptop.path))
    with pytest.raises(sqlite_driver.DatabaseError, match="not a database"):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump_of(path: Path, password: str) -> dict[str, object]:
    db = open_database(unlock_database(path, password))
    try:
        return full_dump(db)
    finally:
        db.close()


def test_the_office_database_moves_to_an_encrypted_one_losing_nothing(office: Node) -> None:
    path = office.path
    office.db.close()
    before = dump_of(path, OFFICE_PASSWORD)
    done = encrypt_existing(path, OFFICE_PASSWORD, None, CHEAP, wall=office.wall)
    assert is_encrypted(path)
    assert done.plaintext_removed == [backup_path(path)]
    assert not backup_path(path).exists() and not work_path(path).exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert dump_of(path, OFFICE_PASSWORD) == before
    node = open_node(path, OFFICE_PASSWORD)  # and sync still opens its keys
    assert node.keys.database_key is not None
    node.db.close()
    with pytest.raises(DomainError) as again:
        encrypt_existing(path, OFFICE_PASSWORD, None, CHEAP, wall=office.wall)
    assert again.value.code == "already_encrypted"
    assert dump_of(path, OFFICE_PASSWORD) == before


def test_an_open_window_stops_the_move_and_nothing_changes(office: Node) -> None:
    path = office.path  # office.db stays open, as a window's connection would
    office.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(path)
    with pytest.raises(DomainError) as refused:
        encrypt_existing(path, OFFICE_PASSWORD, None, CHEAP, wall=office.wall)
    assert refused.value.code == "encryption_busy"
    assert "关闭" in str(refused.value)
    assert digest(path) == before and not is_encrypted(path)
    assert not backup_path(path).exists() and not work_path(path).exists()


def test_a_wrong_password_moves_nothing(office: Node) -> None:
    path = office.path
    office.db.close()
    before = digest(path)
    with pytest.raises(DomainError) as refused:
        encrypt_existing(path, "wrong-password", None, CHEAP, wall=office.wall)
    assert refused.value.code == "key_password_wrong"
    assert digest(path) == before


def test_old_migration_backups_are_encrypted_too(office: Node) -> None:
    path = office.path
    office.db.close()
    old = path.with_name("towndesk.before-v5.sqlite3")
    shutil.copy2(path, old)
    encrypt_existing(path, OFFICE_PASSWORD, None, CHEAP, wall=office.wall)
    assert is_encrypted(old)
    key = unlock_database(path, OFFICE_PASSWORD).key
    copy = open_database(DatabaseFile(old, key))
    copy.close()


KILLED_CHILD = """
import os, sys
from app.store import encrypting
from app.sync.keys import CHEAP
from app.sync.unlocking import encrypt_existing
from tests.clock import frozen
from pathlib import Path

limit, steps = int(sys.argv[2]), [0]
def dying(real):
    def step(*args, **kwargs):
        result = real(*args, **kwargs)
        steps[0] += 1
        if steps[0] == limit:
            os._exit(9)  # as kill -9 would: no clean-up, no finally
        return result
    return step
for name in ("backup", "_export", "_verify", "remove_with_side_files", "_replace"):
    setattr(encrypting, name, dying(getattr(encrypting, name)))
encrypt_existing(Path(sys.argv[1]), sys.argv[3], None, CHEAP, wall=frozen)
"""


@pytest.mark.slow
def test_a_move_killed_at_any_step_loses_nothing_and_a_re_run_finishes(
    office: Node, tmp_path: Path
) -> None:
    office.db.close()
    template = tmp_path / "template"
    shutil.copytree(office.path.parent, template, ignore=shutil.ignore_patterns("laptop"))
    before = dump_of(office.path, OFFICE_PASSWORD)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed_at = []
    for limit in range(1, 40):
        folder = tmp_path / f"run{limit}"
        shutil.copytree(template, folder)
        path = folder / office.path.name
        child = subprocess.run(
            [sys.executable, "-c", KILLED_CHILD, str(path), str(limit), OFFICE_PASSWORD],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
        )
        assert child.returncode in (0, 9), child.stderr
        # killed or not: the database is whole, plain or encrypted, and never beside a
        # plaintext copy once encrypted
        assert dump_of(path, OFFICE_PASSWORD) == before
        if is_encrypted(path):
            assert not backup_path(path).exists()
        if not is_encrypted(path):  # the re-run: sweeps the half-made files, starts again
            encrypt_existing(path, OFFICE_PASSWORD, None, CHEAP, wall=office.wall)
        assert is_encrypted(path)
        assert dump_of(path, OFFICE_PASSWORD) == before
        assert not backup_path(path).exists() and not work_path(path).exists()
        if child.returncode == 0:
            break
        killed_at.append(limit)
    assert len(killed_at) >= 5  # backup, export, verify, delete the backup, rename
