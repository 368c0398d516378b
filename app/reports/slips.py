"""The printed slips, by kind: one place for the window's print buttons and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from app.core.model import Role
from app.reports.call_slip import write_call_slip
from app.reports.supervision_notice import write_supervision_notice
from app.reports.transfer_letter import write_transfer_letter

Writer = Callable[[Database, str, Path], str]  # (db, case number, out) -> verification code

SLIPS: dict[str, tuple[str, Writer]] = {  # kind -> (the document's own name, writer)
    "call_slip": ("呼叫单", write_call_slip),
    "supervision_notice": ("督办单", write_supervision_notice),
    "transfer_letter": ("移送函", write_transfer_letter),
}


def write_slip(db: Database, kind: str, number: str, out: Path, role: Role | None = None) -> str:
    """Write the PDF; returns the verification code printed on it. ``role``: who prints it,
    for a transfer letter's parties (masked by role like the reporter)."""
    if kind == "transfer_letter":
        return write_transfer_letter(db, number, out, role)
    return SLIPS[kind][1](db, number, out)
