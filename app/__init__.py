"""TownDesk — 乡镇综合执法联动工作台."""

import sys

__version__ = "0.1.0"


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with numpy hidden from it. It imports numpy when it can, only to
    map numpy's number types to column types, which TownDesk never hands it; that import
    was a fifth of the time before the sign-in dialog shows (0.13 s of 0.7). numpy comes
    later, while the password is typed (pyqtgraph's import) or at the first search."""
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # importing it fails meanwhile
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]


_sqlite_utils_without_numpy()
