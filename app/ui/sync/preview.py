"""Before an import: what the sync file would change here, in counts a clerk can check.

``verify_file`` has already checked signature, chains and evidence; this dialog only shows
its summary and asks "import?". Quarantined and held-back records are explained in words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.screen import FittedDialog

STYLE = """
#previewCounts { background: #ffffff; border: 1px solid #d9e0e8; border-radius: 6px; }
#previewNumber { font-weight: bold; font-size: 11pt; color: #1d4e89; }
#previewNumber[warning="true"] { color: #b42318; }
"""


class ImportPreviewDialog(FittedDialog):
    """Import / Cancel, with the counts of ``Checked.summary()``."""

    def __init__(self, summary: dict[str, Any], path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary, self.path = summary, path
        self.setObjectName("importPreview")
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Import sync file"))
        already = bool(summary.get("already_imported"))
        title = QLabel(self.tr("Sync file from {sender}").format(sender=self._sender()))
        title.setObjectName("sectionTitle")
        facts = QLabel(
            self.tr("Written {time} · file {name}").format(
                time=str(summary.get("created_at", ""))[:16], name=path.name
            )
        )
        facts.setObjectName("hintText")
        facts.setToolTip(str(path))
        facts.setWordWrap(True)
        self.count_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(self._counts())
        for text, name in self._notes(already):
            note = QLabel(text)
            note.setObjectName(name)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.setDefault(not already)
        self.import_button.setEnabled(not already)
        self.import_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Close") if already else self.tr("Cancel"))
        cancel.setAutoDefault(already)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def _sender(self) -> str:
        name, code = self.summary.get("sender", ""), self.summary.get("sender_code", "")
        return f"{name}（{code}）" if code else str(name)

    def _counts(self) -> QFrame:
        s = self.summary
        rows = [
            ("new_cases", self.tr("New cases"), s.get("new_cases", 0)),
            (
                "new_events",
                self.tr("New records (steps on cases, reference data)"),
                s.get("new_events", 0),
            ),
            ("new_evidence", self.tr("New evidence files"), s.get("new_evidence", 0)),
            ("duplicates", self.tr("Already here (skipped)"), s.get("duplicates", 0)),
            (
                "quarantined",
                self.tr("Quarantined (differ from records here)"),
                s.get("quarantined", 0),
            ),
            ("held_back", self.tr("Held back (earlier records missing)"), s.get("held_back", 0)),
        ]
        frame = QFrame()
        frame.setObjectName("previewCounts")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        for row, (key, caption, value) in enumerate(rows):
            name = QLabel(caption)
            name.setObjectName("fieldName")
            number = QLabel(f"{int(value):,}")
            number.setObjectName("previewNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key in ("quarantined", "held_back") and value:
                number.setProperty("warning", True)
            grid.addWidget(name, row, 0)
            grid.addWidget(number, row, 1)
            self.count_labels[key] = number
        grid.setColumnStretch(0, 1)
        return frame

    def _notes(self, already: bool) -> list[tuple[str, str]]:
        s = self.summary
        notes = []
        if already:
            notes.append(
                (
                    self.tr(
                        "This sync file was imported before. Importing it again would change "
                        "nothing."
                    ),
                    "warningText",
                )
            )
            return notes
        if s.get("quarantined"):
            notes.append(
                (
                    self.tr(
                        "{n} records differ from records already here with the same number. "
                        "They are kept aside (quarantined) and do not take effect; tell the "
                        "administrator."
                    ).format(n=s["quarantined"]),
                    "warningText",
                )
            )
        if s.get("held_back"):
            notes.append(
                (
                    self.tr(
                        "{n} records follow records this device has not received yet. They "
                        "wait; ask the sender for the earlier sync file, or for a full export."
                    ).format(n=s["held_back"]),
                    "hintText",
                )
            )
        if not s.get("new_events") and not s.get("new_evidence"):
            notes.append(
                (
                    self.tr(
                        "Nothing new: this device already has every record in the file. "
                        "Importing it still records what the sender has received."
                    ),
                    "hintText",
                )
            )
        return notes


def import_result_text(summary: dict[str, Any], conflicts: int, conflict_numbers: list[str]) -> str:
    """The message after an import: what came in, and what needs a clerk now."""
    lines = [
        QCoreApplication.translate(
            "ImportResult",
            "Imported the sync file from {sender}: {cases} new cases, {events} new records, "
            "{evidence} new evidence files.",
        ).format(
            sender=summary.get("sender", ""),
            cases=summary.get("new_cases", 0),
            events=summary.get("new_events", 0),
            evidence=summary.get("new_evidence", 0),
        )
    ]
    if conflicts:
        lines.append(
            QCoreApplication.translate(
                "ImportResult",
                "{n} new sync conflicts: two devices handled the same case differently while "
                "offline. Open the case and settle it.",
            ).format(n=conflicts)
        )
        if conflict_numbers:
            lines.append(
                QCoreApplication.translate("ImportResult", "Cases in conflict: {numbers}").format(
                    numbers="、".join(conflict_numbers)
                )
            )
    if summary.get("quarantined"):
        lines.append(
            QCoreApplication.translate(
                "ImportResult", "{n} records were quarantined and did not take effect."
            ).format(n=summary["quarantined"])
        )
    if summary.get("held_back"):
        lines.append(
            QCoreApplication.translate(
                "ImportResult", "{n} records wait for an earlier sync file."
            ).format(n=summary["held_back"])
        )
    if summary.get("already_imported"):
        lines = [
            QCoreApplication.translate(
                "ImportResult", "This sync file was imported before; nothing changed."
            )
        ]
    return "\n\n".join(lines)
