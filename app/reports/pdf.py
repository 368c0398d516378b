"""HTML to an A4 PDF through Qt (QTextDocument + QPdfWriter): Chinese fonts included."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

FONT_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC")


def _application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # printing needs no screen
    return QGuiApplication(["towndesk"])


def write_pdf(html: str, out: Path, title: str) -> Path:
    _application()
    writer = QPdfWriter(str(out))
    writer.setTitle(title)
    writer.setCreator("TownDesk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 16, 18, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    installed = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in installed), None)
    if family:
        document.setDefaultFont(QFont(family, 11))
    document.setHtml(html)
    document.print_(writer)
    return out
