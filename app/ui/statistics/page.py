"""The statistics page, which comes with a later issue: it says plainly what is coming."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.common.page import Page
from app.ui.common.session import Session


class StatisticsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        title = QLabel(QCoreApplication.translate("PlaceholderPage", "Statistics"))
        title.setObjectName("pageTitle")
        text = QLabel(
            QCoreApplication.translate(
                "PlaceholderPage",
                "Closure rates, on-time rates, response times and the monthly bulletin will "
                "come in a later issue, once cases can be handled and closed.",
            )
        )
        text.setObjectName("placeholderText")
        text.setWordWrap(True)
        text.setMaximumWidth(640)
        note = QLabel(
            QCoreApplication.translate(
                "PlaceholderPage",
                "This version brings case intake, the case path, call response, supervision "
                "and sync files with field laptops.",
            )
        )
        note.setObjectName("hintText")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def reread(self) -> None:
        """Nothing to read yet."""
