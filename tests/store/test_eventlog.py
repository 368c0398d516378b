"""The append-only event log: gapless sequence, hash chain, hybrid clock, triggers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.events import GENESIS_HASH, canonical_json
from app.core.intake import IntakeRequest
from app.store import sqlite_driver
from app.store.blobs import BlobStore
from app.store.cases import register_case
from app.store.eventlog import EVENT_COLUMNS, row_to_event, writing
from app.store.reference import user_by_name
from tests.store.store_helpers import DEMO_NOW_MS


def check_log(db) -> int:
    """Assert every invariant of this device's log; returns the number of events."""
    device_id = db.execute("SELECT id FROM device").fetchone()[0]
    rows = db.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE device_id = ? ORDER BY device_seq", [device_id]
    ).fetchall()
    events = [row_to_event(row) for row in rows]
    assert [e.device_seq for e in events] == list(range(1, len(events) + 1)), "gapless"
    previous_hash, previous_hlc = GENESIS_HASH, -1
    for event, row in zip(events, rows, strict=True):
        assert event.prev_hash == previous_hash, f"chain broken at {event.device_seq}"
        assert event.computed_hash() == event.hash, f"hash wrong at {event.device_seq}"
        assert event.hlc > previous_hlc, f"clock went back at {event.device_seq}"
        assert row[8] == canonical_json(json.loads(row[8])), "payload is canonical JSON"
        previous_hash, previous_hlc = event.hash, event.hlc
    assert db.execute("SELECT last_hlc FROM device").fetchone()[0] == previous_hlc
    return len(events)


def test_the_demo_log_is_gapless_chained_and_ordered(demo_db) -> None:
    assert check_log(demo_db) == demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert check_log(demo_db) > 400


def test_events_cannot_be_changed_or_deleted(demo_db) -> None:
    before = demo_db.execute("SELECT * FROM events ORDER BY device_seq").fetchall()
    with pytest.raises(sqlite_driver.DatabaseError, match="append-only"):
        demo_db.execute("UPDATE events SET payload = '{}' WHERE device_seq = 1")
    with pytest.raises(sqlite_driver.DatabaseError, match="append-only"):
        demo_db.execute("DELETE FROM events WHERE device_seq = 2")
    with pytest.raises(sqlite_driver.DatabaseError, match="append-only"):
        demo_db.execute("DELETE FROM events")
    assert demo_db.execute("SELECT * FROM events ORDER BY device_seq").fetchall() == before


def test_new_events_continue_the_chain_even_when_the_wall_clock_goes_back(
    small_db, tmp_path: Path
) -> None:
    clerk = user_by_name(small_db, "clerk")
    blobs = BlobStore(tmp_path / "blobs")
    request = IntakeRequest("0101", "G01", "村口有流动摊贩占道经营")
    late = register_case(small_db, blobs, clerk, request, wall=lambda: DEMO_NOW_MS + 3_600_000)
    early = register_case(small_db, blobs, clerk, request, wall=lambda: DEMO_NOW_MS - 86_400_000)
    hlc = dict(small_db.execute("SELECT entity_id, hlc FROM events WHERE entity = 'case'"))
    assert hlc[early.id] > hlc[late.id]  # the event order never goes back ...
    assert early.received_at < late.received_at  # ... while business time follows the wall
    check_log(small_db)


def test_a_failed_transaction_leaves_no_event_and_no_gap(small_db) -> None:
    count = check_log(small_db)
    with pytest.raises(RuntimeError), writing(small_db, wall=lambda: DEMO_NOW_MS) as writer:
        writer.append(None, "note", "n1", "note.added", {"text": "半途而废"})
        raise RuntimeError("power cut")
    assert check_log(small_db) == count
    with writing(small_db, wall=lambda: DEMO_NOW_MS) as writer:
        writer.append(None, "note", "n1", "note.added", {"text": "再来一次"})
    assert check_log(small_db) == count + 1


def test_events_of_unknown_types_are_kept(small_db) -> None:
    """A type from a newer version has no projection yet, but stays in the log."""
    with writing(small_db, wall=lambda: DEMO_NOW_MS) as writer:
        # joint meetings were once such a type; now they are known, so a made-up one
        event = writer.append(None, "inspection", "i1", "inspection.planned", {"topic": "联合检查"})
    stored = small_db.execute("SELECT payload FROM events WHERE id = ?", [event.id]).fetchone()
    assert json.loads(stored[0]) == {"topic": "联合检查"}
