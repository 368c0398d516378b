"""The printed slips, by kind: one place for the window's print buttons and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from app.core.model import Role
from app.reports.call_slip import call_slip_document
from app.reports.pdf import Document, write_document
from app.reports.supervision_notice import supervision_notice_document
from app.reports.transfer_letter import transfer_letter_document

# (db, case number) -> (the document as it goes on paper, its verification code)
Maker = Callable[[Database, str], tuple[Document, str]]

SLIPS: dict[str, tuple[str, Maker]] = {  # kind -> (the document's own name, maker)
    "call_slip": ("呼叫单", call_slip_document),
    "supervision_notice": ("督办单", supervision_notice_document),
    "transfer_letter": ("移送函", transfer_letter_document),
}


def slip_document(
    db: Database, kind: str, number: str, role: Role | None = None
) -> tuple[Document, str]:
    """``role``: who prints it, for a transfer letter's parties (masked by role like the
    reporter); None for the document as issued."""
    if kind == "transfer_letter":
        return transfer_letter_document(db, number, role)
    return SLIPS[kind][1](db, number)


def write_slip(db: Database, kind: str, number: str, out: Path, role: Role | None = None) -> str:
    """Write the PDF; returns the verification code printed on it."""
    document, code = slip_document(db, kind, number, role)
    write_document(document, out)
    return code
