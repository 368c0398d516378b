"""A second connection this process opens on a database it has open (the window's worker,
a search's second half, the command line's checks) never reads the file from Python: on
POSIX, closing any handle of a process to a file drops all its locks on it, SQLite's too,
and another program closing its connection would then delete the -wal under ours (what we
commit after that is lost)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.text import fts_query
from app.store import hits_halves
from app.store.database import connect
from app.store.encryption import DatabaseFile, is_encrypted, needs_key
from app.store.setup import open_database

ANOTHER_PROGRAM = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); {}; c.close()"


def another_program(path: Path, statement: str) -> str:
    code = ANOTHER_PROGRAM.format(statement)
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def second_connection(path: Path) -> None:
    connect(path).close()


def the_workers_opening(path: Path) -> None:
    open_database(path).close()


def a_search_halved(path: Path) -> None:
    hits_halves._read_apart(DatabaseFile(path), fts_query("占道"), 0, 10**9)


def the_checks(path: Path) -> None:
    assert not is_encrypted(path) and not needs_key(path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX record locks")
@pytest.mark.parametrize(
    "opening", [second_connection, the_workers_opening, a_search_halved, the_checks]
)
def test_what_we_commit_after_a_second_opening_is_not_lost(
    demo_path: Path, opening: Callable[[Path], None]
) -> None:
    db = open_database(demo_path)
    try:
        db.execute("CREATE TABLE lock_probe (x)")
        db.conn.commit()
        db.execute("SELECT count(*) FROM lock_probe").fetchone()
        opening(demo_path)
        another_program(demo_path, "c.execute('SELECT count(*) FROM lock_probe').fetchone()")
        assert demo_path.with_name(demo_path.name + "-wal").exists()  # not deleted under us
        db.execute("INSERT INTO lock_probe VALUES (1)")
        db.conn.commit()
        seen = "print(c.execute('SELECT count(*) FROM lock_probe').fetchone()[0])"
        assert another_program(demo_path, seen) == "1"
    finally:
        db.close()
