"""The window over a million cases, in a fresh process, as a clerk would meet it.

The program runs from compiled bytecode, as an installed one does (a source checkout with
PYTHONDONTWRITEBYTECODE would otherwise compile every module at each start: 0.3–0.4 s): the
probe's modules are compiled into a cache beside the benchmark databases, by the first run.
Run as root, the start-up is timed once more after the page cache is dropped, as after a
morning boot (``COLD``); otherwise that figure is skipped and the report says so."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.case_matrix import header, line, summary
from tests.perf.conftest import BENCH_DEVICE_PASSWORD, FOLDER, report

PROBE = Path(__file__).with_name("window_probe.py")
ROOT = Path(__file__).parents[2]
DROP_CACHES = Path("/proc/sys/vm/drop_caches")
COLD = "process start to main window shown, cold (page cache dropped)"


def test_window_on_a_million_cases(million_db: Path) -> None:
    _measure(million_db, {}, cold=True)


def test_window_on_an_encrypted_million_cases(million_db_encrypted: Path) -> None:
    """The same database encrypted (SQLCipher), unlocked with the device password first."""
    _measure(million_db_encrypted, {"TOWNDESK_KEY_PASSWORD": BENCH_DEVICE_PASSWORD})


def _measure(million_db: Path, extra_env: dict[str, str], cold: bool = False) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPYCACHEPREFIX": str(FOLDER / "pycache"),
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        **extra_env,
    }
    runs = [_run(million_db, env) for _ in range(3)]  # the first also reads from disk
    coldest = None
    if cold and os.geteuid() == 0 and DROP_CACHES.exists():
        subprocess.run(["sync"], check=True)
        DROP_CACHES.write_text("3\n")  # every file: the program's own and the database
        coldest = _run(million_db, env, "start-only")
    print("\nwindow over the database (best of 3 processes):")
    for label in runs[0]:
        unit = "MiB" if "memory" in label else "rows" if "rows shown" in label else "ms"
        best = max if "memory" in label else min
        report(label, best(float(run[label]) for run in runs), unit)
    if coldest is not None:
        report(COLD, float(coldest["process start to main window shown"]))
        report("  its raw SQLite time (statements run warm)", float(coldest[RAW]))
    elif cold:
        print(f"  {COLD}: skipped (dropping the page cache needs root)")


RAW = "  raw SQLite time of the window's statements"


def _run(database: Path, env: dict[str, str], *options: str) -> dict[str, str]:
    started = time.time()
    output = subprocess.run(
        [sys.executable, str(PROBE), str(database), repr(started), *options],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return dict(text.split("\t") for text in output.splitlines() if "\t" in text)


def test_window_matrix_on_a_million_cases(million_db: Path) -> None:
    """Every filter x sort x search of the cases page in the window (first page and count
    painted), beside the raw SQLite time of its own statements measured in the same
    process, and the time until the exact count replaced an estimate."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    output = subprocess.run(
        [sys.executable, str(PROBE), str(million_db), repr(time.time()), "matrix"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    rows = []
    print("\ncases page matrix in the window (first page + count shown; exact count after):")
    print(header("window") + f" {'exact ms':>9}")
    for text in output.splitlines():
        fields = text.split("\t")
        if len(fields) == 2:  # a figure before the matrix
            print(f"  {fields[0]:<64} {float(fields[1]):>8.1f}")
        if len(fields) == 4:
            label, shown, raw, exact = fields[0], *map(float, fields[1:])
            rows.append((label, shown, raw))
            print(line(label, shown, raw) + f" {exact:>9.1f}")
    print("\n".join(summary(rows)))
