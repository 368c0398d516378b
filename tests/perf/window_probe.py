"""Run in a child process by test_window.py: open the window on a database and time it.

argv: database path, the parent's time.time() just before it started this process, and
optionally ``start-only``: stop once the window is shown (the cold start's run).
Prints one ``label<TAB>milliseconds`` line per figure.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path


def peak_mib() -> float:
    """The window's own peak resident set (VmHWM), not ``ru_maxrss``: that one carries the
    parent's peak into a child started by fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    database, started = Path(sys.argv[1]), float(sys.argv[2])
    from PySide6.QtCore import QEventLoop, QTimer

    from app.core.indicators import Group
    from app.core.periods import Span
    from app.store.case_list import CaseFilter
    from app.store.encryption import is_encrypted
    from app.store.reference import user_by_name
    from app.store.setup import open_database
    from app.ui.app import create_application
    from app.ui.common.preload import preload
    from app.ui.main_window import MainWindow
    from app.wall_clock import system_clock

    app = create_application(["towndesk"])
    preload("pyqtgraph")  # as the sign-in dialog does (app/ui/app.py), which this skips
    target: object = database
    if is_encrypted(database):  # what the unlock dialog does with the device password
        import os

        from app.sync.unlocking import unlock_database

        t = time.perf_counter()
        target = unlock_database(database, os.environ["TOWNDESK_KEY_PASSWORD"])
        unlock_ms = (time.perf_counter() - t) * 1000
    db = open_database(target)  # type: ignore[arg-type]
    statements: list[str] = []  # what the window reads before it shows, timed raw below
    db.conn.set_trace_callback(statements.append)
    window = MainWindow(target, db, user_by_name(db, "clerk"), system_clock())  # type: ignore[arg-type]
    window.show()
    app.processEvents()
    print(f"process start to main window shown\t{(time.time() - started) * 1000:.1f}")
    # on a shared machine the wall time above follows the load; the CPU time much less
    print(f"  CPU time of the process to then (all threads)\t{time.process_time() * 1000:.1f}")
    db.conn.set_trace_callback(None)
    if target is database:
        from tests.perf.board_probe import raw_ms

        print(f"  raw SQLite time of the window's statements\t{raw_ms(database, statements):.1f}")
    if sys.argv[3:] == ["start-only"]:
        window.close()
        window.runner.shutdown()
        return
    if target is not database:
        print(f"  of which unlocking (argon2id, key file)\t{unlock_ms:.1f}")
    from tests.perf.board_probe import settle

    settle(window, app)  # the other pages are built and the cases counted, then we measure

    page = window.cases

    def measure(label: str, action, wait_for=None) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        if wait_for is not None:
            wait_for.connect(loop.quit)
        t = time.perf_counter()
        action()
        if wait_for is not None:
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
            wait_for.disconnect(loop.quit)
        app.processEvents()  # paint
        print(f"{label}\t{(time.perf_counter() - t) * 1000:.1f}")

    measure("open the cases page", lambda: window.show_page("cases"))
    measure("scroll to the end", page.table.scrollToBottom)
    measure("scroll back to the top", page.table.scrollToTop)
    reset = page.model.modelReset
    for label, case_filter in [
        ("filter by grid", CaseFilter(grid_code="G07")),
        ("filter by category", CaseFilter(category_codes=("0101",))),
        (
            "filter by source + month",
            CaseFilter(source="hotline", received_from="2026-09-01", received_to="2026-09-30"),
        ),
        ("search 占道 (2 characters)", CaseFilter(text="占道")),
        ("search 占道经营 (4 characters)", CaseFilter(text="占道经营")),
        ("search 占 (1 character)", CaseFilter(text="占")),
        ("clear the filters", CaseFilter()),
    ]:
        measure(label, lambda f=case_filter: page.apply_filter(f), reset)
    measure("sort by grid (header click)", lambda: page.model.sort(4))
    measure("scroll to the end, sorted by grid", page.table.scrollToBottom)
    statistics = window.statistics
    shown = statistics.figures_shown
    measure("open the statistics page (this month, per unit)", lambda: window.show_page(
        "statistics"), shown)  # fmt: skip
    last = date.today().replace(day=1) - timedelta(days=1)
    measure("statistics: last month, per unit", lambda: statistics.set_period(
        Span.MONTH, last), shown)  # fmt: skip
    measure("statistics: the year, per unit", lambda: statistics.set_period(
        Span.YEAR, last), shown)  # fmt: skip
    measure("statistics: the year, per grid", lambda: statistics.group.setCurrentIndex(
        statistics.group.findData(Group.GRID)), shown)  # fmt: skip
    print(f"peak memory (VmHWM of this process)\t{peak_mib():.1f}")
    window.close()
    window.runner.shutdown()


if __name__ == "__main__":
    main()
