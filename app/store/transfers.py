"""Case transfers in the database: the next letter number, and the transfers of a case."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from app.core.transfers import letter_number
from app.store.reference import township


def next_letter_no(db: Database, police: bool, today: date) -> str:
    """The next number in this year's series; called inside the writing transaction, and
    only the office transfers, so two letters never share a number."""
    prefix = letter_number(township(db).name, today.year, 0, police).removesuffix("0号")
    used = db.execute(
        "SELECT letter_no FROM transfers WHERE direction = 'out' AND letter_no LIKE ? || '%'",
        [prefix],
    ).fetchall()
    numbers = [int(n[len(prefix) : -1]) for (n,) in used if n[len(prefix) : -1].isdigit()]
    return letter_number(township(db).name, today.year, max(numbers, default=0) + 1, police)


def transfers_of(db: Database, case_id: str) -> list[dict[str, Any]]:
    return [
        dict(row)
        for row in db.query(
            "SELECT * FROM transfers WHERE case_id = ? ORDER BY sent_at, id", [case_id]
        )
    ]
