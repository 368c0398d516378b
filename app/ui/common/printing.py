"""Printing from the window. A document (reports/pdf.Document: its pages already decided)
goes to any installed printer through Qt's print preview, laid out exactly as its PDF is,
or is saved as a PDF and opened. With no printer installed the window says so and offers
the PDF; with no program to open the PDF it says where the file was saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlite_utils import Database

from app.core.model import Role
from app.reports.pdf import Document, print_document, write_document
from app.reports.slips import SLIPS, slip_document
from app.ui.common.runner import show_error_dialog

PREVIEW, OFFER_PDF = "preview", "offer_pdf"  # what the print button does


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_route(printers: list[str]) -> str:
    """Preview and print when a printer is installed; otherwise offer to save a PDF."""
    return PREVIEW if printers else OFFER_PDF


def installed_printers() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def print_or_offer_pdf(
    parent: QWidget, make: Callable[[], Document], file_name: str
) -> QPrintPreviewDialog | Path | None:
    """The print button: the preview with the printer's own dialog, or, with no printer,
    the offer to save a PDF instead. None if the person let it be."""
    if print_route(installed_printers()) == OFFER_PDF:
        return save_pdf(parent, file_name, make) if offer_pdf_instead(parent) else None
    try:
        preview = preview_dialog(parent, make())
    except OSError as error:
        show_error_dialog(parent, error, str(error))
        return None
    preview.exec()
    return preview


def preview_dialog(parent: QWidget | None, document: Document) -> QPrintPreviewDialog:
    """The print preview of ``document`` on the default printer, A4 as on the PDF, sized to
    the screen it opens on (built here, shown by the caller)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, parent)
    preview.printer_ = printer  # type: ignore[attr-defined]  # the dialog does not own it
    preview.setObjectName("printPreview")
    preview.setWindowTitle(_tr("Print: {title}").format(title=document.title))
    preview.paintRequested.connect(lambda target: print_document(document, target))
    screen = (parent.screen() if parent else None) or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    preview.resize(min(1000, room.width() - 40), min(700, room.height() - 60))
    return preview


def offer_pdf_instead(parent: QWidget) -> bool:
    """No printer is installed: say so, and ask whether to save a PDF instead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("No printer"))
    box.setText(
        _tr(
            "No printer is installed on this computer. Save the document as a PDF and "
            "print it from a computer with a printer?"
        )
    )
    save = box.addButton(_tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is save


def save_pdf(parent: QWidget, file_name: str, make: Callable[[], Document]) -> Path | None:
    """Ask where to save the PDF, write it, open it. None if cancelled or it could not be
    written (the error is shown)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save the PDF"), str(Path(folder) / file_name), _tr("PDF (*.pdf)")
    )
    if not chosen:
        return None
    out = Path(chosen)
    try:
        write_document(make(), out)
    except OSError as error:
        show_error_dialog(parent, error, str(error))
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(out))):
        no_viewer(parent, out)
    return out


def no_viewer(parent: QWidget, saved: Path) -> None:
    """Nothing on this computer opens PDFs: say where the file is."""
    text = _tr("No program to open PDF files was found; the file is saved at {path}")
    QMessageBox.information(parent, _tr("PDF saved"), text.format(path=saved))


def slip_file_name(kind: str, number: str) -> str:
    return f"{SLIPS[kind][0]}-{number}.pdf"


def print_slip(
    parent: QWidget, db: Database, kind: str, number: str, role: Role | None = None
) -> object:
    """A case's slip to the printer (or, with none, a PDF); ``role``: who prints, for a
    transfer letter's parties (masked by role)."""
    return print_or_offer_pdf(
        parent, lambda: slip_document(db, kind, number, role)[0], slip_file_name(kind, number)
    )


def save_slip(
    parent: QWidget, db: Database, kind: str, number: str, role: Role | None = None
) -> Path | None:
    """A case's slip saved as a PDF and opened."""
    return save_pdf(
        parent, slip_file_name(kind, number), lambda: slip_document(db, kind, number, role)[0]
    )
