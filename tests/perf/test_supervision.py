"""The supervision board and the workbench over a million cases (target: under 200 ms)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.core.clock import CHINA
from app.store.case_list import CaseFilter, count_cases
from app.store.clocks import calls, overdue_cases
from app.store.queues import my_tasks
from app.store.reference import user_by_name
from app.store.setup import open_database
from tests.perf.conftest import report, timed


def test_board_and_workbench(million_db: Path) -> None:
    db = open_database(million_db)
    now = datetime.now(CHINA).replace(tzinfo=None)
    today = now.date().isoformat()
    print(f"\nsupervision board and workbench ({len(overdue_cases(db, now, 100_000))} overdue):")
    report("overdue cases, all units (board)", timed(lambda: overdue_cases(db, now)))
    report("open calls with their clocks (calls page)", timed(lambda: calls(db, now, True)))

    def workbench() -> None:
        for case_filter in (
            CaseFilter(received_from=today),
            CaseFilter(status="pending_triage"),
            CaseFilter(status="assigned"),
            CaseFilter(status="feedback"),
        ):
            count_cases(db, case_filter)

    report("workbench counts (today, triage, sign-for, verify)", timed(workbench))
    for username in ("clerk", "officer", "leader"):
        user = user_by_name(db, username)
        report(f"what waits on {username} (workbench)", timed(lambda u=user: my_tasks(db, u)))
    db.close()
