"""Words of the sync page: device kinds, directions, and the notes of a history row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.sync.status import SyncRecord


def device_kind_word(kind: str, department: str | None = None) -> str:
    if kind == "office":
        return QCoreApplication.translate("SyncWords", "Office PC")
    if kind == "grid-worker":
        return QCoreApplication.translate("SyncWords", "Grid worker laptop")
    if kind == "department":
        word = QCoreApplication.translate("SyncWords", "Department laptop")
        return f"{word}（{department}）" if department else word
    return kind


def direction_word(direction: str) -> str:
    if direction == "export":
        return QCoreApplication.translate("SyncWords", "Export")
    return QCoreApplication.translate("SyncWords", "Import")


def history_note(record: SyncRecord) -> str:
    """What is worth a second look: a full export, conflicts, quarantined or held-back
    records, records that were already here."""
    s = record.summary
    parts = []
    if record.bootstrap:
        parts.append(QCoreApplication.translate("SyncWords", "first sync, at enrolment"))
    elif record.direction == "export" and s.get("full"):
        parts.append(QCoreApplication.translate("SyncWords", "full export"))
    if s.get("new_conflicts"):
        parts.append(
            QCoreApplication.translate("SyncWords", "{n} new conflicts").format(
                n=s["new_conflicts"]
            )
        )
    if s.get("quarantined"):
        parts.append(
            QCoreApplication.translate("SyncWords", "{n} quarantined").format(n=s["quarantined"])
        )
    if s.get("held_back"):
        parts.append(
            QCoreApplication.translate("SyncWords", "{n} held back").format(n=s["held_back"])
        )
    if s.get("duplicates"):
        parts.append(
            QCoreApplication.translate("SyncWords", "{n} already here").format(n=s["duplicates"])
        )
    return QCoreApplication.translate("SyncWords", ", ").join(parts)
