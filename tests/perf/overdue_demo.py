"""Build the benchmark's township that fell behind: tens of thousands of cases overdue and a
couple of thousand calls open, written by the program itself (run by conftest.py).

argv: database path, cases left waiting for triage, open calls to add, cases walked.

The demo generator walks its most recent ``walk`` cases along the case path; the older ones
stay waiting for triage, each with the office's triage clock long run out (store/demo). Then
the clerk calls a district department on ``calls`` of those waiting cases through the same
``act`` the window uses, so each call is an ordinary open call with its response clocks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.demo.township import build_demo
from app.store.reference import user_by_name
from app.store.setup import open_database

# the demo's Y departments (呼叫区直部门), called in turn
CALLED = ("YJJ", "WJJ", "SWJ", "ZJJ")


def build(path: Path, waiting: int, calls: int, walk: int) -> None:
    now_ms = int(time.time() * 1000)
    partial = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    build_demo(partial, now_ms=now_ms, cases=walk + waiting, walk=walk, meetings=False)
    db = open_database(partial)
    try:
        clerk = user_by_name(db, "clerk")
        y_units = {row[0] for row in db.execute("SELECT code FROM departments WHERE tier = 'Y'")}
        units = [code for code in CALLED if code in y_units] or sorted(y_units)
        numbers = [
            row[0]
            for row in db.execute(
                "SELECT number FROM cases WHERE status = 'pending_triage' "
                "ORDER BY received_at LIMIT ?",
                [calls],
            )
        ]
        blobs = BlobStore.beside(partial)
        for i, number in enumerate(numbers):
            request = Request(
                Action.CALL,
                to=units[i % len(units)],
                reason="需区直部门到场处置",
                urgent=i % 5 == 0,
                override_reason="基准测试：积压案件呼叫区直部门",
            )
            act(db, blobs, clerk, number, request, wall=lambda: int(time.time() * 1000))
    finally:
        db.close()
    partial.replace(path)


if __name__ == "__main__":
    build(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
