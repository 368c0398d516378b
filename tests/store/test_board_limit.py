"""The board lists about its limit of rows, the longest overdue first, cases and calls
together, and every unit late among them with its own longest: a township far behind is
shown its worst, and no unit drops off because another's backlog is older."""

from __future__ import annotations

from datetime import datetime

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA
from app.store.blobs import BlobStore
from app.store.board import BoardRow, board, capped
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


def _row(number: str, unit: str, due: str) -> BoardRow:
    return BoardRow(number, unit, "handle", due, "handling", 0, 1)


def test_a_board_cut_to_its_limit_keeps_each_units_longest():
    rows = [_row(f"A{i}", "ZHB", f"2026-06-0{i} 09:00") for i in range(1, 6)]
    rows += [_row(f"B{i}", "YJJ", f"2026-07-0{i} 09:00") for i in range(1, 4)]
    kept = capped(rows, 2, per_unit=1)
    assert [r.number for r in kept] == ["A1", "A2", "B1"]  # the longest two, and YJJ's own
    assert capped(rows, 2, per_unit=0) == rows[:2]
    assert capped(rows, 100) == rows


def test_the_board_lists_the_longest_overdue_and_every_unit_late(demo_db, demo_path):
    called = _calls_placed(demo_db, demo_path, 3)
    everything = board(demo_db, FAR_AHEAD, limit=100_000)
    calls = [row for row in everything.overdue if row.kind.startswith("call")]
    assert {row.number for row in calls} == called
    cases = [row for row in everything.overdue if not row.kind.startswith("call")]
    limit = len(cases)  # as many as the cases alone: the calls, due later, come after them
    shown = board(demo_db, FAR_AHEAD, limit=limit)
    assert shown.overdue[:limit] == everything.overdue[:limit]  # longest overdue first
    assert {row.unit for row in shown.overdue} == {row.unit for row in everything.overdue}
    assert called <= {row.number for row in shown.overdue}  # the bureau late to its calls
    assert [row.due for row in shown.overdue] == sorted(row.due for row in shown.overdue)
