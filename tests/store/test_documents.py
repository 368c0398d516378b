"""Document numbers from the event log (store/documents.py): each series counts its own
issuing events of the year, China time, in the log's order; a new year starts again at 1;
a reprint keeps its number; the count walks the log's order index, not the whole log."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import epoch_ms
from app.core.documents import Issue
from app.core.errors import DomainError
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.documents import SERIES_COUNT, SUPERVISE_EVENT, call_event_id, issue_of
from app.store.reference import user_by_name
from tests.store.store_helpers import case_for, full_dump


def at(*moment: int) -> Any:
    ms = epoch_ms(datetime(*moment))
    return lambda: ms


def step(db: Any, path: Path, who: str, number: str, request: Request, wall: Any) -> None:
    act(db, BlobStore.beside(path), user_by_name(db, who), number, request, wall=wall)


def supervision_ids(db: Any) -> list[str]:
    rows = db.execute(
        "SELECT id FROM events WHERE type = ? ORDER BY hlc, device_id, device_seq",
        [SUPERVISE_EVENT],
    )
    return [row[0] for row in rows]


def test_each_year_numbers_from_one(small_db: Any, small_path: Path) -> None:
    wall = at(2026, 12, 30, 9, 0)
    first = case_for(small_db, "SCJG", wall=wall)
    step(small_db, small_path, "clerk", first, Request(Action.DISPATCH, to="SCJG"), wall)
    second = case_for(small_db, "SCJG", taken={first}, wall=wall)
    step(small_db, small_path, "clerk", second, Request(Action.DISPATCH, to="SCJG"), wall)
    note = Request(Action.SUPERVISE, note="请加快办理")
    step(small_db, small_path, "supervisor", first, note, at(2026, 12, 31, 10, 0))
    # 23:30 on New Year's Eve in the township is 15:30 UTC: still 2026
    step(small_db, small_path, "leader", second, note, at(2026, 12, 31, 23, 30))
    step(small_db, small_path, "supervisor", first, note, at(2027, 1, 1, 0, 30))
    step(small_db, small_path, "supervisor", second, note, at(2027, 1, 4, 9, 0))
    issues = [issue_of(small_db, event_id) for event_id in supervision_ids(small_db)]
    assert issues == [
        Issue(2026, 1, date(2026, 12, 31)),
        Issue(2026, 2, date(2026, 12, 31)),
        Issue(2027, 1, date(2027, 1, 1)),
        Issue(2027, 2, date(2027, 1, 4)),
    ]
    # the calls' series is a series of its own: no call was made, so none is numbered
    assert small_db.execute("SELECT count(*) FROM calls").fetchone()[0] == 0


def test_a_call_slip_counts_calls_only(small_db: Any, small_path: Path) -> None:
    wall = at(2026, 11, 18, 9, 0)
    number = case_for(small_db, "SCJG", wall=wall)
    step(small_db, small_path, "clerk", number, Request(Action.DISPATCH, to="SCJG"), wall)
    step(small_db, small_path, "supervisor", number, Request(Action.SUPERVISE, note="快"), wall)
    called = case_for(small_db, "YJJ", wall=wall)
    request = Request(Action.CALL, to="YJJ", reason="燃气泄漏", urgent=True, override_reason="急")
    step(small_db, small_path, "clerk", called, request, at(2026, 11, 18, 10, 0))
    case_id, call_id = small_db.execute(
        "SELECT case_id, id FROM calls ORDER BY called_at LIMIT 1"
    ).fetchone()
    event_id = call_event_id(small_db, case_id, call_id)
    assert event_id is not None
    assert issue_of(small_db, event_id) == Issue(2026, 1, date(2026, 11, 18))


def test_the_count_walks_the_order_index(small_db: Any) -> None:
    bounds = {"start": 1, "hlc": 2, "device": "d", "seq": 3, "type": SUPERVISE_EVENT}
    plan = small_db.execute(f"EXPLAIN QUERY PLAN {SERIES_COUNT}", bounds).fetchall()
    # a search bounded on both sides, never a scan of the log
    assert " ".join(row[-1] for row in plan) == (
        "SEARCH events USING INDEX events_in_order (hlc>? AND (hlc,device_id,device_seq)<(?,?,?))"
    )


def test_a_reply_by_date_in_the_past_is_refused(small_db: Any, small_path: Path) -> None:
    wall = at(2026, 11, 18, 9, 0)
    number = case_for(small_db, "SCJG", wall=wall)
    step(small_db, small_path, "clerk", number, Request(Action.DISPATCH, to="SCJG"), wall)
    before = full_dump(small_db)
    for reply_by, words in (("2026-11-17", "已经过去"), ("2026-13-01", "不对")):
        request = Request(Action.SUPERVISE, note="快", reply_by=reply_by)
        with pytest.raises(DomainError) as refused:
            step(small_db, small_path, "supervisor", number, request, wall)
        assert words in str(refused.value)
    assert full_dump(small_db) == before
    request = Request(Action.SUPERVISE, note="快", reply_by="2026-11-25")
    step(small_db, small_path, "supervisor", number, request, wall)
    payload = small_db.execute(
        "SELECT json_extract(payload, '$.reply_by') FROM events WHERE type = ?", [SUPERVISE_EVENT]
    ).fetchone()[0]
    assert payload == "2026-11-25"
