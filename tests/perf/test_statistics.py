"""Statistics over a million cases: a month and a year per unit and per grid, the cases
behind a figure, the monthly bulletin (PDF and workbook), and the upgrade that adds them.
Figures printed, not asserted;
the window's own timings are in test_window.py."""

from __future__ import annotations

import contextlib
import time
from datetime import datetime, timedelta
from pathlib import Path

from app.core.clock import CHINA
from app.core.indicators import Group
from app.core.periods import month_of, year_of
from app.reports.bulletin.write import write_bulletin
from app.store.database import write_transaction
from app.store.projections.cases import refold_cases
from app.store.setup import open_database
from app.store.statistics import cases_behind, figures
from tests.perf.conftest import report, timed


def test_figures_and_bulletin(million_db: Path, tmp_path: Path) -> None:
    db = open_database(million_db)
    now = datetime.now(CHINA).replace(tzinfo=None)
    month = month_of(now.date().replace(day=1) - timedelta(days=1))
    year = year_of(now.date())
    cases = db.execute(
        "SELECT count(*) FROM case_facts WHERE received_at >= ? AND received_at < ?",
        [month.start, month.end],
    ).fetchone()[0]
    print(f"\nstatistics ({cases} cases received in {month.label}):")
    for label, period in ((month.label, month), (f"{year.label}", year)):
        for group in (Group.UNIT, Group.GRID):
            report(
                f"figures, {label}, per {group.value}",
                timed(lambda p=period, g=group: figures(db, p, g, now), repeat=3),
            )
    report(
        "cases behind 按期结案率, the month, one unit",
        timed(lambda: cases_behind(db, "on_time_closure_rate", month, Group.UNIT, "ZFZD", now)),
    )
    for suffix in ("pdf", "xlsx"):
        out = tmp_path / f"bulletin.{suffix}"
        report(
            f"monthly bulletin ({suffix})",
            timed(lambda o=out: write_bulletin(db, month, o, now), repeat=3),
        )
    db.close()


class _RolledBack(Exception):
    """Leaves the benchmark database as it was."""


REFOLDED = 20_000


def test_the_upgrade_to_statistics(million_db: Path) -> None:
    """The upgrade to schema 8 works every case out again (``refold_all_cases``): timed on
    the first 20,000 cases, in a transaction rolled back, and projected to all of them."""
    db = open_database(million_db)
    total = db.execute("SELECT count(*) FROM cases").fetchone()[0]
    ids = [r[0] for r in db.execute("SELECT id FROM cases ORDER BY seq LIMIT ?", [REFOLDED])]
    started = time.perf_counter()
    with contextlib.suppress(_RolledBack), write_transaction(db):
        for start in range(0, len(ids), 2000):
            refold_cases(db, ids[start : start + 2000])
        elapsed = time.perf_counter() - started
        raise _RolledBack
    print(f"\nthe upgrade to schema 8 ({total} cases):")
    report(f"refold {len(ids)} cases", elapsed, "s")
    report("projected for every case", elapsed * total / max(len(ids), 1) / 60, "min")
    db.close()
