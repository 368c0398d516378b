"""Work handed to the machine's other core: a function run in a forked child process,
its result sent back pickled through a pipe (``Child``), or reported bit by bit as it
goes (``Reporting``).

A process, not a thread: the work is Python, and a thread would wait for Python's lock
while this one writes (each row written hands the lock over and waits to have it back).
Forked, not started afresh: the child begins with everything the parent has read, with
nothing to send it and no interpreter to start (nor, in the packaged program, a second
copy of it to unpack). What the child may do is narrow, because only the forking thread
lives on in it: run the function it was given on data already in memory, write to the
pipe, and end with ``os._exit`` — no import (another thread may have held the import lock
at the fork), no database connection (SQLite forbids using one across a fork), no file
written but what it is for (a sync file's evidence files, stored as the import stores
them; results may hold reporters' names: they never touch a disk), never a return into
the parent's code. It dies with the parent (Linux's parent-death signal), so a killed
import leaves no process behind.

Whatever goes wrong in the child — an exception, a crash, a kill, a result that does not
unpickle — gives None (or only what it reported before): the caller does the rest itself,
and any error is raised there, as it would have been without the child.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import select
import signal
from collections.abc import Callable
from typing import BinaryIO, Generic, Self, TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1
# a child whose work is waited for only at the end runs at this niceness
# (``yield_the_cores``): the scheduler then gives it about a tenth of the parent's share of
# a core they would both want
LATER_NICENESS = 10
try:  # looked up here: a child must not open a library (another thread may hold its lock)
    _prctl = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError, TypeError):  # not Linux (Windows: TypeError for None)
    _prctl = None


def other_core_free() -> bool:
    """Whether a child can run beside this process: fork exists and two cores are ours
    (macOS has fork but does not say which cores are ours: no child there)."""
    return (
        hasattr(os, "fork")
        and hasattr(os, "sched_getaffinity")
        and len(os.sched_getaffinity(0)) >= 2
    )


class StoppedOnExit:
    """``with``: ``stop`` (the children ended, whatever they did) on the way out, whatever
    happened."""

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def keep_to_one_core() -> None:
    """In a child whose work runs on threads: all of them on one core, the other left to
    the parent. (The evidence child's writers encrypt and write with Python's lock let go;
    spread over both cores they slowed the parent's parsing by a quarter.)"""
    os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})


def yield_the_cores() -> None:
    """In a child whose work is waited for only at the end (an import's fold): its parent
    first wherever both want a core."""
    os.nice(LATER_NICENESS)


class _Forked:
    """A forked child running ``run`` on the writing end of a pipe; this process reads
    what it writes. ``stop`` ends it; every way out reaps the process, and calling any of
    them twice is harmless."""

    def __init__(self, run: Callable[[BinaryIO], object]) -> None:
        parent = os.getpid()
        readable, writable = os.pipe()
        try:
            pid = os.fork()
        except BaseException:  # no process to be had: the caller does the work itself
            os.close(readable)
            os.close(writable)
            raise
        if pid == 0:  # the child: never leaves this branch
            os.close(readable)
            _run_child(run, writable, parent)
        os.close(writable)
        self._pid: int | None = pid
        self._pipe = os.fdopen(readable, "rb")

    def _read(self, silent_at_most: float | None) -> tuple[bytes, bool]:
        """What the child wrote, and whether it came to the end (the child closed the
        pipe) rather than falling silent for ``silent_at_most`` seconds."""
        if silent_at_most is None:
            return self._pipe.read(), True
        readable = self._pipe.fileno()
        waiting = select.poll()
        waiting.register(readable, select.POLLIN)
        parts: list[bytes] = []
        while waiting.poll(silent_at_most * 1000):
            part = os.read(readable, 1 << 20)
            if not part:
                return b"".join(parts), True
            parts.append(part)
        return b"".join(parts), False

    def _collect(self, silent_at_most: float | None) -> tuple[bytes, int]:
        """What the child wrote, and its exit status (-1 if it was killed for its
        silence, or had been stopped); reaped either way."""
        if self._pid is None:
            return b"", -1
        data, ended = b"", False
        try:
            data, ended = self._read(silent_at_most)
        finally:
            if not ended:
                self.stop()
        return data, self._reap()

    def stop(self) -> None:
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> int:
        pid, self._pid = self._pid, None
        if pid is None:
            return -1
        self._pipe.close()
        _, status = os.waitpid(pid, 0)
        return status


class Child(_Forked, Generic[T]):
    """A forked child working out one result. ``result`` waits for it; ``stop`` ends it
    unread."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__(lambda pipe: pipe.write(pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)))

    def result(self, silent_at_most: float | None = None) -> T | None:
        """The child's result, or None if it failed in any way. With ``silent_at_most``
        (seconds), also None — the child killed — once it has sent nothing for that long:
        a child blocked for good (on a lock another thread of the parent held at the
        fork) must not hold the parent up."""
        data, status = self._collect(silent_at_most)
        if status != 0 or not data:
            return None
        try:
            return pickle.loads(data)
        except Exception:  # a torn result is the same as no result
            return None


class Reporting(_Forked):
    """A forked child that reports as it goes: ``work(report)``, each ``report(bytes)``
    sent to this process as soon as the pipe takes it. The child never waits for this
    process to read: what the pipe cannot take yet is kept and sent with the next report,
    the rest once the work is done. What it reported holds even if it fails later on."""

    def __init__(self, work: Callable[[Callable[[bytes], None]], object]) -> None:
        def run(pipe: BinaryIO) -> None:
            pipe_end = pipe.fileno()
            os.set_blocking(pipe_end, False)
            kept = bytearray()

            def report(data: bytes) -> None:
                kept.extend(data)
                with contextlib.suppress(BlockingIOError):
                    while kept:
                        del kept[: os.write(pipe_end, kept)]

            work(report)
            os.set_blocking(pipe_end, True)
            while kept:
                del kept[: os.write(pipe_end, kept)]

        super().__init__(run)
        self._waiting: select.poll | None = None

    def reports(self, silent_at_most: float) -> bytes:
        """Everything the child reported, once it has ended or been silent for
        ``silent_at_most`` seconds (then killed); either way it is reaped."""
        return self._collect(silent_at_most)[0]

    def reported_since(self, wait: float) -> bytes | None:
        """What the child reported since the last call, as soon as anything is there,
        waiting ``wait`` seconds at most: None if nothing came, b"" once it has ended (or
        was stopped): then it is reaped."""
        if self._pid is None:
            return b""
        if self._waiting is None:
            self._waiting = select.poll()
            self._waiting.register(self._pipe.fileno(), select.POLLIN)
        if not self._waiting.poll(wait * 1000):
            return None
        part = os.read(self._pipe.fileno(), 1 << 20)
        if not part:
            self._reap()
        return part


def _run_child(run: Callable[[BinaryIO], object], writable: int, parent: int) -> None:
    code = 1  # whatever is raised: ended here, unreported (the parent does the work itself)
    try:
        _die_with(parent)
        with os.fdopen(writable, "wb") as pipe:
            run(pipe)
        code = 0
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """Linux sends the child SIGKILL when the parent's forking thread ends; elsewhere a
    child whose parent is gone ends when it writes into the closed pipe."""
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)
