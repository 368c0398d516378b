"""Run in a child process by test_window.py: open the window on a database and time it.

argv: database path, the parent's time.time() just before it started this process, and
optionally ``start-only``: stop once the window is shown (the cold start's run), or
``matrix``: time the cases page's every filter x sort x search instead (case_matrix.py).
Prints one ``label<TAB>milliseconds`` line per figure; the matrix prints
``label<TAB>window ms<TAB>raw ms<TAB>exact count ms`` (raw: the same SQL on the driver).
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.perf.case_matrix


# Between two figures the window is left this long to finish painting the last one (a
# clerk's next keystroke or click comes later than this).
SETTLE_MS = 50


def peak_mib() -> float:
    """The window's own peak resident set (VmHWM), not ``ru_maxrss``: that one carries the
    parent's peak into a child started by fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _timed(module, name: str) -> list[float]:  # type: ignore[no-untyped-def]
    """Time ``module.name`` from now on: the seconds its calls took, summed, in a list."""
    spent = [0.0]
    real = getattr(module, name)

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    setattr(module, name, timed)
    return spent


def _password_typed(app) -> None:  # type: ignore[no-untyped-def]
    """While the clerk types the password, the sign-in dialog's preload of the statistics
    page's charts starts (app/ui/app.py) and ends (app/ui/common/preload.py)."""
    import threading

    def preloading() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name.startswith("preload ")]

    given_up = time.time() + 10
    while "pyqtgraph" not in sys.modules and not preloading() and time.time() < given_up:
        app.processEvents()
        time.sleep(0.01)
    for thread in preloading():
        thread.join()


def main() -> None:
    database, started = Path(sys.argv[1]), float(sys.argv[2])
    from PySide6.QtCore import QEventLoop, QTimer

    from app.core.indicators import Group
    from app.core.periods import Span
    from app.store.case_list import CaseFilter
    from app.store.demo.township import demo_users
    from app.store.encryption import is_encrypted
    from app.store.setup import open_database
    from app.ui import signin as signin_module
    from app.ui.app import Desk, create_application
    from app.ui.cases.cells import COLUMNS
    from app.wall_clock import system_clock

    app = create_application(["towndesk"])
    target: object = database
    if is_encrypted(database):  # what the unlock dialog does with the device password
        import os

        from app.sync.unlocking import unlock_database

        t = time.perf_counter()
        target = unlock_database(database, os.environ["TOWNDESK_KEY_PASSWORD"])
        unlock_ms = (time.perf_counter() - t) * 1000
    db = open_database(target)  # type: ignore[arg-type]
    desk = Desk(target, db, system_clock())  # type: ignore[arg-type]
    signin = desk.start("clerk")  # as the program starts: the sign-in dialog, then ...
    app.processEvents()
    to_signin = time.time() - started
    # ... the clerk types the password (not counted), and the dialog's preload runs
    _password_typed(app)
    signin.password.setText(next(u.password for u in demo_users() if u.username == "clerk"))
    checking = _timed(signin_module, "sign_in")  # the password's check, argon2id
    signed_in = time.time()
    statements: list[str] = []  # what the window reads before it shows, timed raw below
    db.conn.set_trace_callback(statements.append)
    signin.try_sign_in()  # the password checked, then the window opened
    app.processEvents()
    window = desk.window
    assert window is not None, "the benchmark's clerk could not sign in"
    shown = to_signin + time.time() - signed_in
    print(f"process start to main window shown\t{shown * 1000:.1f}")
    print(f"  of which to the sign-in dialog shown\t{to_signin * 1000:.1f}")
    print(f"  of which the password's check (argon2id)\t{checking[0] * 1000:.1f}")
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

    window.resize(1366, 728)  # the office PC: 1366×768 less a 40 px taskbar (the offscreen
    settle(window, app)  # screen is smaller); the other pages built, the cases counted

    page = window.cases
    model = page.model

    def wait(*signals, within_ms: int = 30_000) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        for signal in signals:
            signal.connect(loop.quit)
        QTimer.singleShot(within_ms, loop.quit)
        loop.exec()
        for signal in signals:
            signal.disconnect(loop.quit)

    def measure(label: str, action, wait_for=None) -> float:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        if wait_for is not None:
            loop = QEventLoop()
            wait_for.connect(loop.quit)
            action()
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
            wait_for.disconnect(loop.quit)
        else:
            action()
        app.processEvents()  # paint; the rows of a page read on the worker come later:
        while model.is_reading():  # the answer resets the model or changes rows, or (the
            # same rows read again) neither: looked at again each millisecond too
            wait(model.modelReset, model.dataChanged, within_ms=1)
            app.processEvents()
        ms = (time.perf_counter() - t) * 1000
        if label:
            print(f"{label}\t{ms:.1f}")
        return ms

    def settled() -> None:  # the query on screen, the rest of its first page and count too
        # (a figure started while the worker still read the last one's would wait for it)
        given_up = time.perf_counter() + 60
        while (model.reads_on() or window.runner.is_busy()) and time.perf_counter() < given_up:
            wait(window.runner.done)
        # and painted: the view lays out rows the exact count added or removed on a timer,
        # then paints; in the next figure that paint ran beside its worker (one GIL)
        loop = QEventLoop()
        QTimer.singleShot(SETTLE_MS, loop.quit)
        loop.exec()

    measure("open the cases page", lambda: window.show_page("cases"))
    settled()
    size = window.size()  # the rows a new list is read with first: these and one more
    print(f"rows shown by the cases table ({size.width()}×{size.height()})\t{model.rows_shown()}")
    if len(sys.argv) > 3 and sys.argv[3] == "matrix":
        _values_read(window, db, wait)
        _searched_before(window, wait)
        _matrix(app, db, page, measure, settled)
        window.close()
        window.runner.shutdown()
        return
    table = page.table
    for times in ("cold", "warm"):
        for share in (0.1, 0.5, 0.9):
            measure(f"scroll to {share:.0%} ({times})", lambda s=share: table.scrollTo(
                model.index(int(model.rowCount() * s), 0)))  # fmt: skip
        measure(f"scroll to the end ({times})", table.scrollToBottom)
        measure(f"scroll back to the top ({times})", table.scrollToTop)
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
    settled()
    grid = next(i for i, c in enumerate(COLUMNS) if c[0] == "grid_code")
    measure("sort by grid (header click)", lambda: page.model.sort(grid), reset)
    settled()
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
    _values_read(window, db, wait, raw=False)
    print(f"peak memory after the cases' values read on idle\t{peak_mib():.1f}")
    window.close()
    window.runner.shutdown()


def _values_read(window, db, wait, raw: bool = True) -> None:  # type: ignore[no-untyped-def]
    """What the idle upkeep does once the search index is merged, done now: every case's
    values read (store/values_kept.py), on the window's worker, and on this
    connection for the raw floors (``raw``)."""
    from app.store.values_kept import read_more
    from app.ui.common.runner import Operation

    def read_all(database, _progress) -> int:  # type: ignore[no-untyped-def]
        steps = 0
        while read_more(database):
            steps += 1
        return steps

    done: list[int] = []
    t = time.perf_counter()
    window.runner.run(Operation(read_all, done.append))
    while not done:
        wait(window.runner.done)
    ms = (time.perf_counter() - t) * 1000
    print(f"the cases' values read on idle ({done[0]} steps)\t{ms:.1f}")
    if raw:
        read_all(db, None)


def _searched_before(window, wait) -> None:  # type: ignore[no-untyped-def]
    """``case_matrix.searched_before`` on the window's worker (whose connection keeps what
    it reads, and writes it on idle)."""
    from app.ui.common.runner import Operation
    from tests.perf.case_matrix import searched_before

    done: list[str] = []
    t = time.perf_counter()
    window.runner.run(Operation(lambda database, _progress: searched_before(database), done.append))
    while not done:
        wait(window.runner.done)
    print(f"{done[0]}\t{(time.perf_counter() - t) * 1000:.1f}")


def _matrix(app, db, page, measure, settled) -> None:  # type: ignore[no-untyped-def]
    """Each combination as the page shows it (the first page and the count, estimated when
    large, painted), then the same statements straight on the driver, then the time until
    the exact count is on screen."""
    from app.store.case_count import first_window
    from app.store.reference import user_by_name
    from app.store.search_hits import forget_searches
    from tests.perf.case_matrix import matrix, raw_ms, recorded

    model = page.model
    for combination in matrix(user_by_name(db, "clerk")):
        f, sort = combination.case_filter, combination.sort
        forget_searches()  # timed as first typed, not as kept from the last combination
        t = time.perf_counter()
        shown = measure(
            "",  # printed below, with its floor
            lambda f=f, sort=sort: model.set_query(f, sort, background=True),
            model.modelReset,
        )
        settled()
        exact = (time.perf_counter() - t) * 1000
        forget_searches()
        statements = recorded(
            db, lambda f=f, sort=sort: first_window(db, f, sort, model.first_asked)
        )
        raw = raw_ms(db, statements)
        print(f"{combination.label}\t{shown:.1f}\t{raw:.1f}\t{exact:.1f}", flush=True)


if __name__ == "__main__":
    main()
