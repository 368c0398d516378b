"""Import a module the window will need on a background thread while the user is busy
elsewhere, so the first page that needs it does not wait for the import.

pyqtgraph takes about half a second to import (it copies PySide6's enums); imported while the
sign-in dialog waits for a password, the statistics page's first opening skips it. Importing
creates no widgets, so another thread may do it; a page that needs the module before the
thread is done simply waits on Python's import lock for the rest.
"""

from __future__ import annotations

import importlib
import sys
import threading

_started: set[str] = set()


def preload(module: str) -> None:
    if module in sys.modules or module in _started:
        return
    _started.add(module)
    threading.Thread(
        target=importlib.import_module, args=(module,), name=f"preload {module}", daemon=True
    ).start()
