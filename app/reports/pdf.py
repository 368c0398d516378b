"""HTML to an A4 PDF through Qt (QTextDocument + QPdfWriter): Chinese fonts included."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

NEW_PAGE = ' style="page-break-before: always;"'  # on the first element of a new page
FONT_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC")


def _application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs no screen
    return QGuiApplication(["towndesk"])


@dataclass(frozen=True)
class Document:
    """A document as it is put on paper: its title and its HTML with every page break
    decided, so the PDF and the printer get the same pages."""

    title: str
    html: str


def write_pdf(html: str, out: Path, title: str) -> Path:
    _application()
    writer = QPdfWriter(str(out))
    writer.setTitle(title)
    writer.setCreator("TownDesk")
    _lay_out(writer, html).print_(writer)
    return out


def write_document(document: Document, out: Path) -> Path:
    return write_pdf(document.html, out, document.title)


def print_document(document: Document, printer: QPrinter) -> None:
    """Put the document on a printer (QPrinter) exactly as on the PDF: A4, the same margins
    and the same font, so what the preview shows is what the PDF holds."""
    _application()
    printer.setDocName(document.title)
    _lay_out(printer, document.html).print_(printer)


def _lay_out(device: QPagedPaintDevice, html: str) -> QTextDocument:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            # none here: print_() lays an unpaginated document out with 2 cm margins itself
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    installed = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in installed), None)
    if family:
        document.setDefaultFont(QFont(family, 11))
    document.setHtml(html)
    return document


def keeping_end(main: str, end: str, end_on_new_page: str, title: str) -> str:
    """``main`` then ``end`` (a document's last paragraph and its signatures, seal or a
    receipt), never letting ``end`` run onto a page of its own: when it does not fit on the
    last page of ``main``, ``end_on_new_page`` (the same with a page break before it) is
    used instead. Decided by laying both out on a scratch PDF."""
    with tempfile.TemporaryDirectory(prefix="towndesk-") as folder:
        scratch = Path(folder) / "pages.pdf"
        pages = page_count(write_pdf(main, scratch, title))
        if page_count(write_pdf(main + end, scratch, title)) > pages:
            return main + end_on_new_page
    return main + end


def on_new_page(html: str) -> str:
    """``html`` starting a page: the page break on its first element (which must not carry
    a style of its own), the ``end_on_new_page`` of ``keeping_end``."""
    first = html.index(">")
    return html[:first] + NEW_PAGE + html[first:]


def keeping_end_together(main: str, end: str, title: str) -> str:
    """``keeping_end`` where ``end`` moves to a new page whole, as it is."""
    return keeping_end(main, end, on_new_page(end), title)


def page_count(pdf: Path) -> int:
    """How many pages a PDF written by ``write_pdf`` has (its page tree's /Count)."""
    found = re.search(rb"/Count (\d+)", pdf.read_bytes())
    return int(found.group(1)) if found else 0


# The look of every printed slip: a title, a subtitle, and bordered label/value tables.
SLIP_STYLE = """
<style>
 h1 { text-align: center; font-size: 20pt; margin-bottom: 2px; }
 p.sub { text-align: center; color: #444; margin-top: 0; }
 td { border: 1px solid #555; padding: 6px 8px; font-size: 11pt; vertical-align: top; }
 td.k { width: 22%; background: #eef2f7; font-weight: bold; }
 h2 { font-size: 13pt; margin-top: 18px; }
 p.note { font-size: 10pt; color: #333; }
</style>
"""


def label_table(cells: list[tuple[str, str]]) -> str:
    """A two-column table of labels and values, escaped."""
    rows = "".join(f'<tr><td class="k">{escape(k)}</td><td>{escape(v)}</td></tr>' for k, v in cells)
    return f'<table width="100%" cellspacing="0">{rows}</table>'
