"""Whether the process that left a file behind still runs: a file of a running process is
in use, one of a killed process is a leftover to sweep (half-written evidence, opened PDFs'
copies, a sync file being written)."""

from __future__ import annotations

import os


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
