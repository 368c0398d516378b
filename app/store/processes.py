"""Whether the process that left a file behind still runs: a file of a running process is
in use, one of a killed process is a leftover to sweep (half-written evidence, opened PDFs'
copies, a sync file being written). A process id alone may mislead once its process has
ended and a new one is given the same id; a mark the process holds locked (``hold``) does
not."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO


def process_alive(pid: int) -> bool:
    """Whether a process runs (what it left is still in use). Another user's process is
    taken as running: not ours to judge."""
    if os.name == "nt":  # os.kill(pid, 0) there sends CTRL_C_EVENT to a process group
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: another user's
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def hold(mark: Path) -> BinaryIO | None:
    """Make ``mark`` this process's own for as long as the returned file stays open: it is
    created, locked, and then given this process's id. The system lets go of the lock when
    the process ends, however it ends, so unlike a process id (which a later process may be
    given) it cannot be taken for another process's. Close the file to let go. None, and no
    mark, where the file system locks nothing: the caller's process id must then do."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)  # O_BINARY: Windows only
    handle = os.fdopen(os.open(mark, flags, 0o600), "r+b")
    try:
        try:
            _lock(handle, wait=True)  # a sweep may be looking at it this very moment
        except OSError:
            handle.close()
            mark.unlink(missing_ok=True)
            return None
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode("ascii"))  # written once held: see below
        handle.flush()
    except BaseException:
        handle.close()
        raise
    return handle


def holder_running(mark: Path) -> bool | None:
    """Whether the process that made ``mark`` (``hold``) still runs: False once its lock is
    free, True while it is held or when the mark is not ours to open. None when the mark
    says nothing: not there, or empty (``hold`` writes only once it holds the lock, so an
    empty one may be being made this moment, or its maker was killed first)."""
    try:
        handle = mark.open("r+b")
    except FileNotFoundError:
        return None
    except OSError:  # another user's, or not a file: not ours to judge
        return True
    with handle:
        try:
            _lock(handle, wait=False)
        except OSError:
            return True
        try:
            return False if handle.read(1) else None
        finally:
            _unlock(handle)


def _lock(handle: BinaryIO, wait: bool) -> None:
    """An exclusive lock of the whole file (its first byte on Windows), refused with an
    OSError when another open file holds it: in this process too, so a sweep never takes
    this session's own mark for a dead one."""
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
    else:
        import fcntl  # flock, not lockf: a lockf lock is the process's, not the open file's

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    handle.seek(0)


def _unlock(handle: BinaryIO) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
