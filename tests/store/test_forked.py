"""A forked child doing pure work beside this process (app/store/forked.py): its result
comes back whole, or None whatever went wrong; it is always reaped, never outlives its
parent, and never returns into the parent's code."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import forked
from app.store.forked import Child, Reporting, keep_to_one_core, other_core_free

ROOT = Path(__file__).resolve().parents[2]


def _gone(pid: int) -> bool:
    """No such process, or a dead one not yet reaped (an orphan's reaper may be slow, or
    in a container a shell that never reaps)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def test_the_result_comes_back_whole() -> None:
    rows = {f"case-{i}": {"n": i, "text": "占道经营" * (i % 7)} for i in range(20_000)}
    child = Child(lambda: {key: (value["n"] * 2, value["text"]) for key, value in rows.items()})
    found = child.result()
    assert found == {key: (value["n"] * 2, value["text"]) for key, value in rows.items()}


def test_the_child_works_on_what_the_parent_held_at_the_fork() -> None:
    held = [1, 2, 3]
    child = Child(lambda: sum(held))
    held.append(100)  # the parent's change after the fork is not the child's
    assert child.result() == 6


def test_a_failure_in_the_child_gives_none_and_leaves_the_parent_as_it_was() -> None:
    def broken() -> int:
        raise ValueError("折叠失败")

    marker = os.getpid()
    assert Child(broken).result() is None
    assert os.getpid() == marker  # the child never came back into this code


@pytest.mark.parametrize(
    "work",
    [
        lambda: os.kill(os.getpid(), signal.SIGKILL),  # killed mid-way
        lambda: os._exit(0),  # ended without a result
        lambda: lambda: None,  # a result that does not pickle
    ],
    ids=["killed", "no result", "not picklable"],
)
def test_no_result_is_none(work: object) -> None:
    assert Child(work).result() is None  # type: ignore[arg-type]


def test_stop_ends_and_reaps_a_child_still_working() -> None:
    def forever() -> None:
        while True:
            pass

    child = Child(forever)
    pid = child._pid
    assert pid is not None and not _gone(pid)
    child.stop()
    assert not Path(f"/proc/{pid}").exists()  # killed and reaped: not even a zombie
    child.stop()  # harmless twice
    assert child.result() is None  # and after stop


def test_the_child_ends_with_its_parent(tmp_path: Path) -> None:
    """A killed import must leave no process behind: the parent here is a separate
    program, killed with SIGKILL while its child works."""
    script = (
        "import os, sys\n"
        "from app.store.forked import Child\n"
        "def forever():\n"
        "    while True:\n"
        "        pass\n"
        "child = Child(forever)\n"
        "print(child._pid, flush=True)\n"
        "sys.stdin.read()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert not _gone(pid)
    watched = os.pidfd_open(pid)  # readable once the child has ended: waited for, not polled
    try:
        parent.kill()
        parent.wait()
        assert select.select([watched], [], [], 10)[0], "the child outlived its parent"
    finally:
        os.close(watched)
    assert _gone(pid)


def test_the_other_core_is_asked_of_the_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert not other_core_free()
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert other_core_free()


def test_reports_come_as_they_are_made_and_hold_after_a_failure() -> None:
    def work(report: object) -> None:
        for n in range(3):
            report(bytes([n]) * 32)  # type: ignore[operator]
        raise ValueError("第四份出错")

    child = Reporting(work)
    assert child.reports(silent_at_most=10) == b"".join(bytes([n]) * 32 for n in range(3))
    assert child._pid is None  # reaped
    assert child.reports(silent_at_most=10) == b""  # and harmless again


def test_a_silent_reporting_child_is_killed_and_what_it_said_kept() -> None:
    """The report reaches the parent at once, not when the child ends: the child then
    waits for good, and is given up once silent for the time allowed."""

    def work(report: object) -> None:
        report(b"stored")  # type: ignore[operator]
        select.select([], [], [])  # blocked for good

    child = Reporting(work)
    pid = child._pid
    assert child.reports(silent_at_most=0.3) == b"stored"
    assert pid is not None and not Path(f"/proc/{pid}").exists()  # killed and reaped


def test_a_child_reporting_more_than_a_pipe_holds_never_waits_for_its_parent() -> None:
    """Four MiB reported in 4 KiB reports, none read meanwhile: the child's work goes on
    to its end all the same (what the pipe cannot take is kept, and sent once the work is
    done), and every byte comes, in order."""
    reports = [bytes([n % 251]) * 4096 for n in range(1024)]
    done_out, done_in = os.pipe()

    def work(report: object) -> None:
        for data in reports:
            report(data)  # type: ignore[operator]
        os.write(done_in, b"!")

    child = Reporting(work)
    try:
        assert select.select([done_out], [], [], 30)[0], "the work waited for a read"
        assert child.reports(silent_at_most=10) == b"".join(reports)
    finally:
        child.stop()
        os.close(done_out)
        os.close(done_in)


def test_what_was_reported_since_comes_as_soon_as_it_is_there() -> None:
    """``reported_since``: None while nothing came within the wait, what came as soon as
    it is there, b"" once the child has ended (then reaped, and b"" again after)."""
    go_out, go_in = os.pipe()

    def work(report: object) -> None:
        report(b"first")  # type: ignore[operator]
        os.read(go_out, 1)  # until the parent lets it go on
        report(b"second")  # type: ignore[operator]

    child = Reporting(work)
    try:
        assert child.reported_since(10) == b"first"
        assert child.reported_since(0) is None  # nothing more yet
        os.write(go_in, b"!")
        said = b""
        while (part := child.reported_since(10)) != b"":
            assert part is not None
            said += part
        assert said == b"second"
        assert child._pid is None  # reaped
        assert child.reported_since(0) == b""
    finally:
        os.close(go_out)
        os.close(go_in)


def test_a_child_waited_for_only_later_yields_the_cores_to_its_parent() -> None:
    """A child runs at its parent's priority, or lower if asked (one whose work is waited
    for only at the end: an import's fold)."""
    here = os.getpriority(os.PRIO_PROCESS, 0)
    assert Child(lambda: os.getpriority(os.PRIO_PROCESS, 0)).result() == here

    def work(report: object) -> None:
        forked.yield_the_cores()
        report(bytes([os.getpriority(os.PRIO_PROCESS, 0)]))  # type: ignore[operator]

    later = Reporting(work)
    assert later.reports(silent_at_most=10) == bytes([here + forked.LATER_NICENESS])


def test_a_child_kept_to_one_core_leaves_its_parent_the_others() -> None:
    before = os.sched_getaffinity(0)

    def one_core() -> set[int]:
        keep_to_one_core()
        return os.sched_getaffinity(0)

    assert Child(one_core).result() == {max(before)}
    assert os.sched_getaffinity(0) == before  # the parent's own are untouched


# Windows as forked.py meets it: no fork, no scheduler affinity, and ctypes.CDLL(None)
# raising TypeError there (it looks for "/" in the name); macOS: fork, no affinity. The
# module loaded on its own (the rest of the program is not what is tried here).
_ELSEWHERE = """
import ctypes, importlib.util, os
def windows_cdll(name, *args, **kwargs):
    if name is None:
        raise TypeError("argument of type 'NoneType' is not iterable")
    raise OSError(name)
if {windows}:
    ctypes.CDLL = windows_cdll
    del os.fork
del os.sched_getaffinity, os.sched_setaffinity
spec = importlib.util.spec_from_file_location("forked", {path!r})
forked = importlib.util.module_from_spec(spec)
spec.loader.exec_module(forked)
assert forked.other_core_free() is False
"""


@pytest.mark.parametrize("windows", [True, False], ids=["windows", "macos"])
def test_elsewhere_the_module_loads_and_no_child_is_started(windows: bool) -> None:
    path = Path(forked.__file__)
    code = _ELSEWHERE.format(windows=windows, path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
