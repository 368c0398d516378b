"""Statistics over a million cases: a month and a year per unit and per grid, the cases
behind a figure, and the monthly bulletin (PDF and workbook). Figures printed, not asserted;
the window's own timings are in test_window.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from app.core.clock import CHINA
from app.core.indicators import Group
from app.core.periods import month_of, year_of
from app.reports.bulletin import write_bulletin
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
