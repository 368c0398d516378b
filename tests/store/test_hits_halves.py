"""Every hit of a search read in two halves, one on a second connection on a thread of
its own (app/store/hits_halves.py): the same hits as one read, whatever happens to the
second read; one read inside a transaction, whose writes only this connection sees."""

from __future__ import annotations

import threading

import pytest

import app.store.hits_halves as halves
from app.core.errors import DomainError
from app.core.text import fts_query
from app.store.search_hits import forget_searches, search_hits
from tests.store.store_helpers import SEARCHES
from tests.store.test_search_hits import indexed

ALL = 2**62


@pytest.fixture
def halved(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, str]]:
    """Halved whatever the number of cases and hits; the upper halves read on the other
    connection (a read that failed is not among them), and on which thread."""
    monkeypatch.setattr(halves, "HALVED_ABOVE", 0)
    monkeypatch.setattr(halves, "FEW_HITS", 1)
    read = halves._read_apart
    seen: list[tuple[int, int, str]] = []

    def reading_apart(file, match, low, high):  # type: ignore[no-untyped-def]
        found = read(file, match, low, high)
        seen.append((low, high, threading.current_thread().name))  # read there, not failed
        return found

    monkeypatch.setattr(halves, "_read_apart", reading_apart)
    return seen


def test_two_halves_hold_what_one_read_finds(demo_db, halved) -> None:
    last = demo_db.execute("SELECT max(seq) FROM cases").fetchone()[0]
    for text in [*SEARCHES, "没有这样的字"]:
        match = fts_query(text)
        for below in (ALL, last, last // 3):
            expected = sorted(row for row in indexed(demo_db, text) if row < below)
            assert halves.hits_below(demo_db, match, below).tolist() == expected, (text, below)
    assert halved and all(name.startswith("towndesk-hits") for _, _, name in halved)
    assert all(low == high // 2 for low, high, _ in halved)  # the upper half of the rest


def test_a_word_of_few_hits_is_read_on_one_connection(demo_db, halved, monkeypatch) -> None:
    monkeypatch.setattr(halves, "FEW_HITS", 10**9)
    for text in SEARCHES:
        assert halves.hits_below(demo_db, fts_query(text), ALL).tolist() == sorted(
            indexed(demo_db, text)
        )
    assert not halved


def test_the_upper_half_is_read_here_when_the_other_read_fails(
    demo_db, halved, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[object] = []

    def locked(file):  # type: ignore[no-untyped-def]
        tried.append(file)
        raise DomainError("database_locked", value=str(file.path))

    monkeypatch.setattr(halves, "connect", locked)
    forget_searches()
    for text in SEARCHES:
        hits = search_hits(demo_db, fts_query(text))
        assert hits.count == len(indexed(demo_db, text)), text
    assert tried and not halved  # every upper half tried there, and read here instead


def test_inside_a_transaction_one_read_sees_its_writes(demo_db, halved) -> None:
    last = demo_db.execute("SELECT max(seq) FROM cases").fetchone()[0]
    match = fts_query("占道")
    demo_db.conn.execute("BEGIN")
    try:
        for seq in (last + 1, last + 2):  # the second the newest, the first among the rest
            demo_db.conn.execute(
                "INSERT INTO cases_search (rowid, unigrams, bigrams) VALUES (?, '占 道', '占道')",
                [seq],
            )
        assert last + 1 in halves.hits_below(demo_db, match, ALL).tolist()
    finally:
        demo_db.conn.execute("ROLLBACK")
    assert not halved


_WHILE_A_STATEMENT_RUNS = """
import sys, threading
from pathlib import Path
from app.store.database import connect
from app.store.encryption import is_encrypted

path = Path(sys.argv[1])
db = connect(path)
inside, release = threading.Event(), threading.Event()

def hold():
    inside.set()
    release.wait()  # (Python's lock let go: only the connection's is held)
    return 1

db.conn.create_function("hold", 0, hold)
running = threading.Thread(target=lambda: db.execute("SELECT hold()").fetchall())
running.start()
inside.wait()
second = connect(path)  # as the second half's read opens its connection meanwhile
print("plain" if not is_encrypted(path) else "encrypted", flush=True)
release.set()
running.join()
second.close()
db.close()
"""


def test_a_connection_opens_while_another_runs_a_statement(tmp_path) -> None:
    """Opening a second connection on the file (the upper half's read) while the first
    runs a statement never waits for that statement: the check that the file's other
    connections are still open asks nothing of SQLite (which holds each connection's lock
    while it runs a statement). It did: the second half waited for the first, and with a
    statement calling back into Python the two waited for each other for ever."""
    import subprocess
    import sys
    from pathlib import Path

    from app.store.database import connect

    path = tmp_path / "towndesk.sqlite3"
    connect(path).close()
    root = Path(__file__).resolve().parents[2]
    try:
        done = subprocess.run(
            [sys.executable, "-c", _WHILE_A_STATEMENT_RUNS, str(path)],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("opening a connection waited for a statement on another one")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["plain"]
