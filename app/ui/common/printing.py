"""Printing slips from the window: the call slip (呼叫单) and the supervision notice (督办单)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlite_utils import Database

from app.core.model import Role
from app.reports.slips import SLIPS, write_slip


def print_slip(
    parent: QWidget, db: Database, kind: str, number: str, role: Role | None = None
) -> Path | None:
    """Ask where to save the PDF, write it, open it for printing. None if cancelled.
    ``role``: who prints, for a transfer letter's parties (masked by role)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / f"{SLIPS[kind][0]}-{number}.pdf")
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Save the PDF"),
        suggested,
        QCoreApplication.translate("Printing", "PDF (*.pdf)"),
    )
    if not chosen:
        return None
    out = Path(chosen)
    write_slip(db, kind, number, out, role)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))  # the PDF viewer prints it
    return out
