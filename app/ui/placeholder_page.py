"""Pages that come with later issues: say plainly what is coming."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

_T = QCoreApplication.translate


# page key -> (title, what is coming)
PLANNED = {
    "statistics": (
        QT_TRANSLATE_NOOP("PlaceholderPage", "Statistics"),
        QT_TRANSLATE_NOOP(
            "PlaceholderPage",
            "Closure rates, on-time rates, response times and the monthly bulletin will come "
            "in a later issue, once cases can be handled and closed.",
        ),
    ),
}


def planned_title(key: str) -> str:
    return _T("PlaceholderPage", PLANNED[key][0])


class PlaceholderPage(QWidget):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(planned_title(key))
        title.setObjectName("pageTitle")
        text = QLabel(_T("PlaceholderPage", PLANNED[key][1]))
        text.setObjectName("placeholderText")
        text.setWordWrap(True)
        text.setMaximumWidth(640)
        note = QLabel(
            self.tr(
                "This version brings case intake, the case path, call response, supervision "
                "and sync files with field laptops."
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
