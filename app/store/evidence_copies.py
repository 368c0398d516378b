"""Plaintext copies of stored evidence for a program of the system to open (a PDF in the
PDF reader): the only time an encrypted evidence file is ever written out as plaintext.

They go in a folder only this user may open, in the system's temporary folder, named with
this process's id: ``towndesk-evidence-<pid>-<random>``. The window removes its copies when
the session ends (``clear``), not when the case's window closes: the reader may still be
loading the file then. A program that was killed (or a reader that still held a file open
on Windows) leaves them behind, so every opening of a database sweeps the folders of
processes no longer running (``sweep_plain_copies``, called by ``store/setup.open_database``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from app.core.errors import DomainError
from app.store.blobs import BlobStore
from app.store.processes import process_alive

FOLDER_PREFIX = "towndesk-evidence-"
_PRIVATE_FILE = 0o600


class PlainCopies:
    """This session's plaintext copies (the folder is made on the first one)."""

    def __init__(self, parent: Path | None = None) -> None:
        self._parent = parent  # tests keep to their own folder; else the system's
        self.folder: Path | None = None

    def write(self, store: BlobStore, sha256: str, file_name: str) -> Path:
        """The stored file's plaintext under its own name (the reader shows the name), in a
        sub-folder per file: two evidence files may share a name."""
        if self.folder is None or not self.folder.is_dir():
            # mkdtemp: created readable, writable and enterable by this user only (0700)
            self.folder = Path(
                tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-", dir=self._parent)
            )
        name = Path(file_name).name
        target = self.folder / sha256[:16] / (name if name not in ("", ".", "..") else sha256)
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
                raise DomainError("evidence_copy_failed", value=str(self.folder)) from error
            raise
        return target

    def clear(self) -> None:
        """Remove every copy (a reader holding one open on Windows keeps it until the
        next start's sweep)."""
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def sweep_plain_copies(parent: Path | None = None) -> int:
    """Remove the copies folders of processes that no longer run; returns how many."""
    root = parent or Path(tempfile.gettempdir())
    swept = 0
    for folder in root.glob(f"{FOLDER_PREFIX}*"):
        owner = folder.name.removeprefix(FOLDER_PREFIX).partition("-")[0]
        if folder.is_dir() and owner.isdigit() and not process_alive(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)
            swept += not folder.exists()
    return swept
