"""Printing slips from the window: the call slip (呼叫单) and the supervision notice (督办单)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlite_utils import Database

from app.reports.call_slip import write_call_slip
from app.reports.supervision_notice import write_supervision_notice

WRITERS = {"call_slip": write_call_slip, "supervision_notice": write_supervision_notice}
TITLES = {"call_slip": "呼叫单", "supervision_notice": "督办单"}  # the documents' own names


def print_slip(parent: QWidget, db: Database, kind: str, number: str) -> Path | None:
    """Ask where to save the PDF, write it, open it for printing. None if cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    suggested = str(Path(folder) / f"{TITLES[kind]}-{number}.pdf")
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Save the PDF"),
        suggested,
        QCoreApplication.translate("Printing", "PDF (*.pdf)"),
    )
    if not chosen:
        return None
    out = Path(chosen)
    WRITERS[kind](db, number, out)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))  # the PDF viewer prints it
    return out
