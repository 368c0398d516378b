"""No silent cut-off: when the office refuses a field laptop's sync file, it records why,
and every file it writes for that laptop carries a notice until a file of the laptop's is
accepted again. The laptop records the notice with the import and shows it on its Sync page.

Nothing of the refused file is lost: its records stay in the laptop's own log, and since
the office has not confirmed them (its ``have`` did not move), the laptop's next export
sends them again, with everything made since, once the cause is gone.

Only a file whose signature is the laptop's own gets a notice (anyone may hand the office a
file; only the laptop may make it speak). The office keeps its refusals in the local
``settings`` table (never synced; one entry per laptop, the latest refusal).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.core.case_path.rules import FIELD_KINDS
from app.core.clock import Wall, local_text
from app.core.errors import DomainError
from app.store.database import write_transaction
from app.store.devices import DeviceRecord, device_record, is_office
from app.store.settings import read_setting, write_setting
from app.sync.archive import Opened, open_archive
from app.sync.keys import DeviceKeys, signature_valid

REFUSALS = "sync_refusals"  # settings key: {laptop id: the latest refusal}
NOTICE = "notice"  # the optional manifest field, and the import summary's key
TEXT_LIMIT = 2000  # a notice's texts, as a laptop keeps them (a signed file, still bounded)

# Refusals of the file itself (a damaged copy, the wrong recipient): exporting again to the
# office removes them. Every other refusal is about what the laptop recorded, which stays
# in its log: the office must look at the laptop.
_EXPORT_AGAIN = frozenset(
    {
        "sync_damaged",
        "sync_wrong_recipient",
        "sync_blob_missing",
        "sync_unexpected_member",
    }
)
_TODO_CODES = {True: "refusal_todo_export_again", False: "refusal_todo_bring_laptop"}


@dataclass(frozen=True)
class Refusal:
    """One refusal as the office recorded it and the laptop receives it."""

    laptop_id: str
    file_id: str
    file: str
    code: str
    refused_at: str
    why_zh: str
    why_en: str
    todo_zh: str
    todo_en: str

    def record(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if k != "laptop_id"}

    def why(self, language: str = "zh") -> str:
        return self.why_en if language.startswith("en") else self.why_zh

    def todo(self, language: str = "zh") -> str:
        return self.todo_en if language.startswith("en") else self.todo_zh


def _authenticated_laptop(db: Database, opened: Opened) -> tuple[DeviceRecord, str] | None:
    """The field laptop that signed this file, and the file's id; None if the file does
    not prove who made it (or is the office's own)."""
    try:
        manifest = opened.manifest
        sender = device_record(db, str(manifest.get("sender", "")))
        file_id = manifest.get("file_id")
        if sender is None or sender.revoked or sender.kind not in FIELD_KINDS:
            return None
        if not isinstance(file_id, str) or len(file_id) > 100:
            return None
        if not signature_valid(sender.sign_key, opened.signature, opened.manifest_bytes):
            return None
    except (DomainError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return sender, file_id


def note_refusal(
    db: Database, opened: Opened, error: DomainError, source: Path, *, wall: Wall
) -> Refusal | None:
    """At the office: remember why this laptop's file was refused (the latest refusal per
    laptop). Writes only the office's local record, in its own small transaction."""
    if not is_office(db):
        return None
    found = _authenticated_laptop(db, opened)
    if found is None:
        return None
    sender, file_id = found
    todo = DomainError(_TODO_CODES[error.code in _EXPORT_AGAIN])
    refusal = Refusal(
        sender.id,
        file_id,
        source.name,
        error.code,
        local_text(wall()),
        error.text("zh"),
        error.text("en"),
        todo.text("zh"),
        todo.text("en"),
    )
    with write_transaction(db):
        recorded = _recorded(db)
        recorded[sender.id] = refusal.record()
        write_setting(db, REFUSALS, recorded)
    return refusal


def note_refused_file(
    db: Database,
    keys: DeviceKeys,
    source: Path,
    error: DomainError,
    *,
    wall: Wall,
    work: Path | None = None,
) -> Refusal | None:
    """``note_refusal`` for a file refused by a check that held it open no longer (the
    window checks a file before its preview, then imports it). ``work``: where the file
    is decrypted (``files.work_folder``: beside the database)."""
    try:
        with open_archive(source, keys.identities(), work=work) as opened:
            return note_refusal(db, opened, error, source, wall=wall)
    except DomainError:
        return None  # a file that cannot be opened proves no sender


def _recorded(db: Database) -> dict[str, Any]:
    value = read_setting(db, REFUSALS, {})
    return value if isinstance(value, dict) else {}


def refusals(db: Database) -> list[Refusal]:
    """The office's standing refusals, newest first: laptops whose work has not arrived."""
    found = [r for r in (_refusal(k, v) for k, v in _recorded(db).items()) if r]
    return sorted(found, key=lambda r: r.refused_at, reverse=True)


def standing_refusal(db: Database, laptop_id: str) -> Refusal | None:
    return _refusal(laptop_id, _recorded(db).get(laptop_id))


def clear_refusal(db: Database, laptop_id: str) -> None:
    """A file of the laptop's was accepted: the cause is gone. Inside the import's
    transaction, so the notice ends exactly when the laptop's work arrives."""
    recorded = _recorded(db)
    if laptop_id in recorded:
        del recorded[laptop_id]
        write_setting(db, REFUSALS, recorded)


def notice_for(db: Database, peer_id: str) -> dict[str, str] | None:
    """The manifest's optional ``notice`` for a file to ``peer_id`` (None: no field)."""
    refusal = standing_refusal(db, peer_id)
    return refusal.record() if refusal else None


def received_notice(manifest: dict[str, Any]) -> dict[str, str] | None:
    """The notice a file from the office carries, as a laptop keeps it: text fields only,
    bounded; anything else (an older office: no field) is no notice."""
    refusal = _refusal("", manifest.get(NOTICE))
    return refusal.record() if refusal else None


def received_refusal(value: object) -> Refusal | None:
    """A notice as an import recorded it (``received_notice``), or None."""
    return _refusal("", value)


def _refusal(laptop_id: str, value: object) -> Refusal | None:
    if not isinstance(value, dict):
        return None
    fields = [k for k in Refusal.__dataclass_fields__ if k != "laptop_id"]
    if not all(isinstance(value.get(k), str) for k in fields):
        return None
    return Refusal(laptop_id, *(str(value[k])[:TEXT_LIMIT] for k in fields))
