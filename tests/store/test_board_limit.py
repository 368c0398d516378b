"""The board lists at most its limit of rows, the longest overdue first, cases and calls
together: a township far behind is shown its worst, not every late clock it has."""

from __future__ import annotations

from datetime import datetime

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA
from app.store.blobs import BlobStore
from app.store.board import board
from app.store.case_actions import act
from app.store.reference import user_by_name
from tests.store.store_helpers import case_for

FAR_AHEAD = datetime(2031, 6, 2, 10, 0)  # every open clock of the demo is late by then


def _calls_placed(db, path, count: int) -> set[str]:
    """``count`` calls to the emergency bureau, placed on a Friday in 2026."""
    blobs, clerk = BlobStore.beside(path), user_by_name(db, "clerk")
    friday = int(datetime(2026, 12, 4, 17, tzinfo=CHINA).timestamp() * 1000)
    called: set[str] = set()
    for i in range(count):
        number = case_for(db, "YJJ", called, wall=lambda: friday)
        request = Request(Action.CALL, to="YJJ", reason="广告牌松动")
        act(db, blobs, clerk, number, request, wall=lambda i=i: friday + i * 1000)
        called.add(number)
    return called


def test_the_board_lists_the_longest_overdue_up_to_its_limit(demo_db, demo_path):
    called = _calls_placed(demo_db, demo_path, 3)
    everything = board(demo_db, FAR_AHEAD, limit=100_000)
    calls = [row for row in everything.overdue if row.kind.startswith("call")]
    assert {row.number for row in calls} == called
    cases = [row for row in everything.overdue if not row.kind.startswith("call")]
    limit = len(cases)  # as many as the cases alone: with the calls, more than that
    shown = board(demo_db, FAR_AHEAD, limit=limit)
    assert len(shown.overdue) == limit
    assert shown.overdue == everything.overdue[:limit]  # longest overdue first
    assert [row.due for row in shown.overdue] == sorted(row.due for row in shown.overdue)
