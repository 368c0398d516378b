"""No core dump of this program's processes. One would write the process's memory to a
disk in plaintext: the database key, reporters' names and parties, a password being
typed (systemd-coredump keeps them under /var/lib/systemd/coredump, apport under
/var/crash). The forked children (store/forked.py) inherit both settings."""

from __future__ import annotations

import contextlib
import ctypes
import sys

_PR_SET_DUMPABLE = 4


def forbid_core_dumps() -> None:
    """A core-size limit of 0 (a core file in the working folder), and on Linux the process
    marked not dumpable, which the kernel honours for a core handed to a program as well."""
    with contextlib.suppress(ImportError, ValueError, OSError):  # Windows has no such limit
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
