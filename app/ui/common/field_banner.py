"""On a field laptop: what it is for, when it last synced, and what still has to go to the
office. Shown at the top of the workbench (which calls ``refresh`` when it reads); hidden on
the office PC. ``field_can_do`` also words the sync page's device card."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlite_utils import Database

from app.sync.status import Backlog, SyncRecord, backlog, here, last_sync
from app.ui.common.i18n import current_language


def sync_moment(record: SyncRecord | None) -> str:
    """``2026-11-27 06:07 导入（来自 青石镇办公室（LE））``, or that there was none."""
    if record is None:
        return QCoreApplication.translate("FieldBanner", "never")
    if record.direction == "export":
        text = QCoreApplication.translate("FieldBanner", "{time} exported to {peer}")
    else:
        text = QCoreApplication.translate("FieldBanner", "{time} imported from {peer}")
    return text.format(time=record.processed_at[:16], peer=record.peer)


def backlog_text(waiting: Backlog) -> str:
    if waiting.waiting:
        return QCoreApplication.translate(
            "FieldBanner", "{n} records wait to be exported to the office"
        ).format(n=f"{waiting.waiting:,}")
    if waiting.unconfirmed:
        return QCoreApplication.translate(
            "FieldBanner", "all exported; {n} records wait for the office to confirm receipt"
        ).format(n=f"{waiting.unconfirmed:,}")
    return QCoreApplication.translate("FieldBanner", "the office has every record")


def field_can_do(kind: str) -> str:
    """What a field laptop of this kind does, in one sentence (the rule: core/case_path/rules)."""
    if kind == "department":
        can = QCoreApplication.translate(
            "FieldBanner",
            "On this laptop you sign for, handle and report back on your unit's cases "
            "(签收、处置、反馈处置结果).",
        )
    else:
        can = QCoreApplication.translate(
            "FieldBanner",
            "On this laptop you report problems (上报问题) and verify on site (核查).",
        )
    rest = QCoreApplication.translate(
        "FieldBanner",
        "Triage, approvals and closing are done on the office PC; sync files carry the "
        "records to and from the office.",
    )
    return f"{can} {rest}" if current_language() == "en" else can + rest


STYLE = """
#fieldBanner { background: #ecfdf3; border: 1px solid #75e0a7; border-radius: 6px; }
#fieldBannerText { color: #085d3a; }
#fieldBannerStatus { color: #1f2933; }
"""


class FieldBanner(QFrame):
    """Reads nothing until its page refreshes it (``db``: the window's, for quick reads)."""

    sync_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("fieldBanner")
        self.title = QLabel()
        self.title.setObjectName("fieldBannerText")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(STYLE)
        self.status = QLabel()
        self.status.setObjectName("fieldBannerStatus")
        self.status.setWordWrap(True)
        self.button = QPushButton(self.tr("Sync…"))
        self.button.setToolTip(self.tr("Open the sync page to export or import a sync file"))
        self.button.clicked.connect(self.sync_requested)
        text = QVBoxLayout()
        text.setSpacing(3)
        text.addWidget(self.title)
        text.addWidget(self.status)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.addLayout(text, 1)
        row.addWidget(self.button)
        self.hide()  # until the first refresh knows this is a field laptop

    def refresh(self) -> None:
        device = here(self.db)
        field = not device.is_office and device.office_id is not None
        self.setVisible(field)
        if not field:
            return
        name = device.record.name if device.record else device.code
        title = self.tr("Field laptop {name} ({code}), works offline").format(
            name=name, code=device.code
        )
        self.title.setText(f"<b>{escape(title)}</b>　{escape(field_can_do(device.kind))}")
        office = device.office_id or ""
        self.status.setText(
            self.tr("Last sync: {moment} · {waiting}").format(
                moment=sync_moment(last_sync(self.db)),
                waiting=backlog_text(backlog(self.db, office)),
            )
        )
