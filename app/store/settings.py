"""Typed local preferences in the database's ``settings`` table (JSON values, never synced)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

LANGUAGE = "language"
WINDOW_GEOMETRY = "window_geometry"
LAST_USERNAME = "last_username"


def read_setting(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except ValueError:  # a hand-edited value: ignore it rather than refuse to start
        return default


def write_setting(db: Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value, ensure_ascii=False)],
    )


def forget_setting(db: Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", [key])
