"""Run in a child process by test_board_window.py: the workbench, the overdue watch and the
call-response desk of a township that fell behind, timed in the window, each beside the raw
SQLite time of the very statements the window ran for it.

argv: database path, the parent's time.time() just before it started this process.
Prints one ``label<TAB>window ms<TAB>raw ms<TAB>window thread's CPU ms`` line per figure
(the CPU time says what the window itself spent when other work shares the machine).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.perf.window_probe import peak_mib


def raw_ms(path: Path, statements: list[str], repeat: int = 5) -> float:
    """The median time SQLite itself takes for ``statements`` (as the window ran them, with
    their values), on a connection of its own that has already read them once."""
    from app.store import sqlite_driver

    conn = sqlite_driver.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    samples = []
    try:
        for _ in range(repeat + 1):  # the first run warms the connection's cache
            started = time.perf_counter()
            for statement in reads:
                conn.execute(statement).fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    return statistics.median(samples[1:])


def settle(window: object, app: object) -> None:
    """Let the window build its other pages and count the cases, as it does in the first
    second or two while the clerk looks at it, so no figure below includes that work."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.ui.page_stack import PAGES

    deadline = time.perf_counter() + 60
    while len(window.stack.built) < len(PAGES) or window.runner.is_busy():  # type: ignore[attr-defined]
        if time.perf_counter() > deadline:
            break
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def main() -> None:
    database, started = Path(sys.argv[1]), float(sys.argv[2])
    from PySide6.QtWidgets import QApplication

    from app.store.reference import user_by_name
    from app.store.setup import open_database
    from app.ui.app import create_application
    from app.ui.main_window import MainWindow
    from app.wall_clock import system_clock

    app = create_application(["towndesk"])
    db = open_database(database)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    window = MainWindow(database, db, user_by_name(db, "clerk"), system_clock())
    window.show()
    app.processEvents()
    shown, cpu = (time.time() - started) * 1000, time.process_time() * 1000
    raw = raw_ms(database, statements)
    print(f"start to main window, workbench shown\t{shown:.1f}\t{raw:.1f}\t{cpu:.1f}")
    settle(window, app)

    def measure(label: str, action: Callable[[], object]) -> None:
        statements.clear()
        t, cpu = time.perf_counter(), time.thread_time()
        action()
        QApplication.processEvents()  # paint
        took, cpu = (time.perf_counter() - t) * 1000, (time.thread_time() - cpu) * 1000
        print(f"{label}\t{took:.1f}\t{raw_ms(database, list(statements)):.1f}\t{cpu:.1f}")

    measure("workbench: read again", window.workbench.reread)
    measure("open the overdue watch (board)", lambda: window.show_page("board"))
    measure("board: read again", window.board.reread)
    measure("open the call-response desk", lambda: window.show_page("calls"))
    measure("calls: read again", window.calls.reread)
    measure("back to the workbench", lambda: window.show_page("workbench"))
    overdue = len(window.board.rows)
    print(f"board: overdue rows listed (case and unit)\t{overdue}")
    print(f"calls listed\t{window.calls.model.rowCount()}")
    print(f"peak memory (VmHWM of this process)\t{peak_mib():.1f}")
    window.close()
    window.runner.shutdown()


if __name__ == "__main__":
    main()
