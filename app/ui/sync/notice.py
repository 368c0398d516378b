"""The Sync page's word on refused files. On a laptop: the office refused a file of ours,
why, and what to do (from the notice the office's latest file carried). At the office:
the laptops whose latest file was refused and none accepted since. Hidden when all is well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget
from sqlite_utils import Database

from app.sync.status import office_notice, refused_laptops
from app.ui.common.i18n import core_language

STYLE = """
#syncRefusal { background: #fdf1f0; border: 1px solid #e3a29b; border-radius: 6px; }
#syncRefusalTitle { color: #a3231a; font-weight: bold; }
"""


class RefusalPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncRefusal")
        self.setStyleSheet(STYLE)
        self.title = QLabel()
        self.title.setObjectName("syncRefusalTitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(4)
        column.addWidget(self.title)
        column.addWidget(self.body)
        self.hide()

    def fill(self, db: Database) -> bool:
        """Show what there is to say; False (and hidden) when nothing was refused."""
        language = core_language()
        notice = office_notice(db)
        laptops = refused_laptops(db)
        if notice is not None:
            refusal = notice.refusal
            self.title.setText(
                self.tr("The office refused a sync file from this laptop ({file}, {when})").format(
                    file=refusal.file, when=refusal.refused_at
                )
            )
            lines = [refusal.why(language), refusal.todo(language)]
            if notice.exported_since:
                lines.append(
                    self.tr(
                        "A new file for the office has been written since: waiting for the "
                        "office to import it."
                    )
                )
            self.body.setText("\n".join(lines))
        elif laptops:
            self.title.setText(
                self.tr("Refused files: these laptops' work has not reached the office")
            )
            self.body.setText(
                "\n".join(
                    f"{laptop.peer} · {laptop.refusal.file} · {laptop.refusal.refused_at}\n"
                    f"    {laptop.refusal.why(language)}"
                    for laptop in laptops
                )
            )
        shown = notice is not None or bool(laptops)
        self.setVisible(shown)
        return shown
