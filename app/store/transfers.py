"""Case transfers in the database: the next letter number, the transfers of a case, and
the transfers still waiting for the receiver's receipt or outcome."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from app.core.transfers import OUT, Transfer, letter_number
from app.store.reference import township

_COLUMNS = (
    "t.id, t.case_id, c.number, t.direction, t.police, t.letter_no, t.counterpart, t.reason, "
    "t.offence, t.threshold, t.sent_at, t.receipt_at, t.receipt_by, t.outcome, t.outcome_at, "
    "t.outcome_note, t.passed_to, t.passed_at, t.handed_over_on, t.handover_list, "
    "t.handover_officer, t.handover_owed"
)
_FROM = "FROM transfers t JOIN cases c ON c.id = t.case_id"


def next_letter_no(db: Database, police: bool, today: date) -> str:
    """The next number in this year's series; called inside the writing transaction, and
    only the office transfers, so two letters never share a number."""
    prefix = letter_number(township(db).name, today.year, 0, police).removesuffix("0号")
    # the largest number in SQL: a year's letters are not read into Python for each new one
    # (the million-case demo sends tens of thousands)
    (largest,) = db.execute(
        "SELECT max(CAST(number AS INTEGER)) FROM ("
        "  SELECT substr(letter_no, length(:prefix) + 1, length(letter_no) - length(:prefix) - 1)"
        "  AS number FROM transfers"
        "  WHERE direction = 'out' AND substr(letter_no, 1, length(:prefix)) = :prefix"
        "  AND letter_no LIKE '%号') WHERE number != '' AND number NOT GLOB '*[^0-9]*'",
        {"prefix": prefix},
    ).fetchone()
    return letter_number(township(db).name, today.year, (largest or 0) + 1, police)


def _transfer(row: tuple) -> Transfer:
    values = list(row)
    values[4] = bool(values[4])  # police
    values[-1] = bool(values[-1])  # handover_owed
    return Transfer(*values)


def transfers_of(db: Database, case_id: str) -> list[Transfer]:
    """Every transfer of a case, in and out, in the order they happened."""
    rows = db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE t.case_id = ? ORDER BY t.sent_at, t.id", [case_id]
    ).fetchall()
    return [_transfer(row) for row in rows]


def all_transfers(db: Database) -> list[Transfer]:
    """Every transfer of the township, the latest first."""
    rows = db.execute(f"SELECT {_COLUMNS} {_FROM} ORDER BY t.sent_at DESC, t.id").fetchall()
    return [_transfer(row) for row in rows]


def waiting_transfers(db: Database) -> list[Transfer]:
    """Transfers out still owed an answer (the receipt, or then the outcome), the one
    waiting longest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE t.direction = ? AND t.outcome IS NULL "
        "ORDER BY coalesce(t.receipt_at, t.sent_at), t.id",
        [OUT],
    ).fetchall()
    return [_transfer(row) for row in rows]


def latest_transfer_out(db: Database, case_id: str) -> Transfer | None:
    """The case's latest transfer out (the one its letter is printed for), if any."""
    outs = [t for t in transfers_of(db, case_id) if t.direction == OUT]
    return outs[-1] if outs else None
