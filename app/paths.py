"""Where things are: bundled resources and migrations, and the user's data directory.

One helper that knows the three ways TownDesk runs: from the source tree, installed as a
wheel (resources under ``<prefix>/share/towndesk``) and frozen by PyInstaller.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

APP_NAME = "TownDesk"


@cache
def bundle_root() -> Path:
    """The folder that holds ``resources/`` and ``db/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    source_tree = Path(__file__).resolve().parent.parent
    if (source_tree / "resources").is_dir():
        return source_tree
    return Path(sys.prefix) / "share" / "towndesk"


def resource(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return bundle_root() / "db"


def default_database() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "towndesk.sqlite3"
