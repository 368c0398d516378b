"""Plaintext copies of stored evidence for a program of the system to open (a PDF in the
PDF reader): the only time an encrypted evidence file is ever written out as plaintext.

They go in a folder only this user may open, in the system's temporary folder, named with
this process's id: ``towndesk-evidence-<pid>-<random>``. The window removes its copies when
the session ends (``clear``), not when the case's window closes: the reader may still be
loading the file then. A program that was killed (or a reader that still held a file open
on Windows) leaves them behind, so every opening of a database sweeps the folders of
processes no longer running (``sweep_plain_copies``, called by ``store/setup.open_database``).

Which those are, each folder's mark says (``IN_USE``, held locked by its session as long as
the folder is in use: store/processes.py ``hold``), not the id in its name: a new process
may be given a killed one's id, and the killed one's copies would then be kept. The id is
asked only of a folder whose mark says nothing (an older version's, or one made this very
moment).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from app.core.errors import DomainError
from app.store.blobs import BlobStore
from app.store.processes import hold, holder_running, process_alive

FOLDER_PREFIX = "towndesk-evidence-"
IN_USE = ".in-use"  # in each folder, held locked by its session (store/processes.py)
_PRIVATE_FILE = 0o600


class PlainCopies:
    """This session's plaintext copies (the folder is made on the first one)."""

    def __init__(self, parent: Path | None = None) -> None:
        self._parent = parent  # tests keep to their own folder; else the system's
        self.folder: Path | None = None
        self._mark: BinaryIO | None = None  # open, and so locked, while the folder is ours

    def write(self, store: BlobStore, sha256: str, file_name: str) -> Path:
        """The stored file's plaintext under its own name (the reader shows the name), in a
        sub-folder per file: two evidence files may share a name."""
        folder = self.folder
        if folder is None or not folder.is_dir():
            folder = self._new_folder()
        name = Path(file_name).name
        target = folder / sha256[:16] / (name if name not in ("", ".", "..") else sha256)
        if target.is_file():
            return target
        partial = target.with_name(target.name + ".partial")
        try:
            target.parent.mkdir(mode=0o700, exist_ok=True)
            handle = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, _PRIVATE_FILE)
            with os.fdopen(handle, "wb") as out:
                for chunk in store.chunks(sha256):  # damage found: nothing left half-written
                    out.write(chunk)
            os.replace(partial, target)
        except BaseException as error:
            partial.unlink(missing_ok=True)
            if isinstance(error, OSError):  # a full or read-only temporary folder
                raise DomainError("evidence_copy_failed", value=str(folder)) from error
            raise
        return target

    def _new_folder(self) -> Path:
        self.clear()  # one removed under us: its mark is let go too
        # mkdtemp: created readable, writable and enterable by this user only (0700)
        folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-", dir=self._parent))
        try:
            self._mark = hold(folder / IN_USE)
        except OSError as error:  # a full temporary folder
            shutil.rmtree(folder, ignore_errors=True)
            raise DomainError("evidence_copy_failed", value=str(folder)) from error
        self.folder = folder
        return folder

    def clear(self) -> None:
        """Remove every copy (a reader holding one open on Windows keeps it until the
        next start's sweep)."""
        if self._mark is not None:
            self._mark.close()  # first: Windows removes no file that is open
            self._mark = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def sweep_plain_copies(parent: Path | None = None) -> int:
    """Remove the copies folders of sessions that no longer run; returns how many."""
    root = parent or Path(tempfile.gettempdir())
    swept = 0
    for folder in root.glob(f"{FOLDER_PREFIX}*"):
        if folder.is_dir() and not _in_use(folder):
            shutil.rmtree(folder, ignore_errors=True)
            swept += not folder.exists()
    return swept


def _in_use(folder: Path) -> bool:
    running = holder_running(folder / IN_USE)
    if running is not None:
        return running
    owner = folder.name.removeprefix(FOLDER_PREFIX).partition("-")[0]
    return not owner.isdigit() or process_alive(int(owner))
