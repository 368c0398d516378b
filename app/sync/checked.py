"""What a checked sync file holds and would change here (the import's preview), and the
office an enrolment file vouches for before the database knows anyone."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter, countOf
from typing import Any

from app.core.events import Event, EventType
from app.store.devices import DeviceRecord
from app.store.replication import ChainHead

_TYPE = attrgetter("type")  # counted at C speed: a file may bring millions of events


@dataclass
class Checked:
    """What a sync file would change here: the preview, and what ``apply`` writes."""

    manifest: dict[str, Any]
    sender: DeviceRecord
    new_events: list[Event] = field(default_factory=list)
    duplicates: int = 0
    quarantined: list[tuple[Event, str]] = field(default_factory=list)
    held_back: int = 0  # events whose earlier events have not arrived yet
    new_blobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    heads: list[ChainHead] = field(default_factory=list)
    already_imported: bool = False
    secrets: dict[str, str] = field(default_factory=dict)  # by ref, to hold (secret_files.py)

    @property
    def new_cases(self) -> int:
        return countOf(map(_TYPE, self.new_events), EventType.CASE_REGISTERED)

    def summary(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "file_id": m["file_id"],
            "sender": self.sender.name,
            "sender_code": self.sender.code,
            "created_at": m["created_at"],
            "full": m.get("full", False),
            "events_in_file": m["events"],
            "new_events": len(self.new_events),
            "new_cases": self.new_cases,
            "duplicates": self.duplicates,
            "evidence_in_file": len(m["blobs"]),
            "new_evidence": len(self.new_blobs),
            "quarantined": len(self.quarantined),
            "held_back": self.held_back,
            "already_imported": self.already_imported,
        }


@dataclass(frozen=True)
class Anchor:
    """The office as an enrolment file introduces it, before the database knows anyone."""

    office: DeviceRecord
