"""No core dump of this program's processes. One would write the process's memory to a
disk in plaintext: the database key, reporters' names and parties, a password being
typed. The forked children (store/forked.py) inherit the limit.

A core-size limit of 0, soft and hard: the kernel then writes no core file, and
systemd-coredump, to which Debian may hand a crash, honours the crashing process's limit
and stores none. The process is not also marked not dumpable (``PR_SET_DUMPABLE``): that
keeps the desktop portal from identifying the program, and the file dialogs it serves
would refuse to open."""

from __future__ import annotations

import contextlib


def forbid_core_dumps() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):  # Windows has no such limit
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
