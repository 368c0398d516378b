"""Events: the immutable record of every change, and how they are chained and hashed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from json.encoder import encode_basestring
from typing import Any

from app.core.clock import hlc_ms, local_text

GENESIS_HASH = "0" * 64


class EventType:
    """Event type names. Written into the log: never rename one."""

    TOWNSHIP_CREATED = "township.created"
    DEPARTMENT_ADDED = "department.added"
    DEPARTMENT_RESPONSE_SET = "department.response_set"
    GRID_ADDED = "grid.added"
    USER_ADDED = "user.added"
    CATEGORY_ADDED = "category.added"
    # the whole record as it now stands (the last one written wins); never its code, tier or
    # group, nor a Y department's response commitment (department.response_set)
    TOWNSHIP_PROFILE_SET = "township.profile_set"  # issuing authority, address, duty phone
    # since schema 13: who decides a transfer to the police (order 310 art. 5), as a whole
    # ({principal, acting}: user ids or null); the last one written wins
    TOWNSHIP_PRINCIPAL_SET = "township.principal_leader_set"
    DEPARTMENT_SET = "department.set"
    GRID_SET = "grid.set"
    CATEGORY_SET = "category.set"
    # a leaf split into narrower leaves of its group (core/category_split.py): the new ones
    # added with the old one's defaults, the old one kept for its cases, closed to new ones
    CATEGORY_SPLIT = "category.split"
    # a category's own triage, verification and closing limits (core/step_limits.py)
    CATEGORY_STEP_LIMITS_SET = "category.step_limits_set"
    USER_SET = "user.set"
    # a new hash; must it be changed at sign-in? Since schema 7 user.added and this carry
    # the hash by ref (password_ref), case.registered its reporter (reporter_ref): the same
    # meaning, the secret kept out of the replicated log (core/secrets.py)
    USER_PASSWORD_SET = "user.password_set"
    CASE_REGISTERED = "case.registered"
    CASE_CONFLICT_RESOLVED = "case.conflict_resolved"
    # a case's parties (当事人, core/case_path/parties.py): not steps of its path, so they
    # never move it on; the personal data is named by ref (party_ref), never carried
    CASE_PARTY_ADDED = "case.party_added"
    CASE_PARTY_REMOVED = "case.party_removed"
    DEVICE_ENROLLED = "device.enrolled"
    DEVICE_REVOKED = "device.revoked"
    TOWNSHIP_ESCROW_SET = "township.escrow_set"
    EVIDENCE_RECEIVED = "evidence.received"
    CALENDAR_DAY_SET = "calendar.day_set"
    OFFICE_HOURS_SET = "calendar.office_hours_set"
    CALENDAR_YEAR_SET = "calendar.year_set"  # a year's holiday schedule, as published
    LIST_REPLACED = "list.replaced"
    # one item added or changed: an edit of the official list by the office; before schema
    # 13 also a ruling's change (naming the decision), which still folds as it did then
    LIST_ITEM_SET = "list.item_set"
    # since schema 12 a ruling's change: a local amendment (本镇修订) kept beside the
    # official list, never rewriting it (core/amendments.py)
    LIST_AMENDED = "list.amended"
    DISPUTE_REFERRED = "dispute.referred"  # sent to a joint meeting
    DISPUTE_DECIDED = "dispute.decided"
    DISPUTE_WITHDRAWN = "dispute.withdrawn"  # taken back from the meeting it was sent to
    MEETING_MEMBERS_SET = "meeting.members_set"
    MEETING_SCHEDULED = "meeting.scheduled"
    MEETING_AGENDA_SET = "meeting.agenda_set"
    MEETING_MINUTES_RECORDED = "meeting.minutes_recorded"
    MEETING_DECISION_DONE = "meeting.decision_done"
    # the assessment's weights as a whole ({indicator key: weight}); the last one wins
    ASSESSMENT_WEIGHTS_SET = "assessment.weights_set"


# json.dumps with these options builds an encoder per call; one kept is the same encoder
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_json(value: Any) -> str:
    """One byte-exact text per value: sorted keys, no spaces, UTF-8 kept as characters."""
    return _CANONICAL.encode(value)


def _plain_fields(event: Event) -> bool:
    """Every field but the payload of the types the text of ``computed_hash`` is written
    for: strings, whole numbers (not True or False), no actor or a string."""
    return (
        type(event.device_seq) is int
        and type(event.hlc) is int
        and (event.actor_id is None or type(event.actor_id) is str)
        and type(event.id) is str
        and type(event.device_id) is str
        and type(event.entity) is str
        and type(event.entity_id) is str
        and type(event.type) is str
        and type(event.prev_hash) is str
    )


class _once:  # lower case: read as a decorator, as functools.cached_property is
    """``functools.cached_property`` without the lock Python 3.11 takes on every first
    read: an event never changes, so a value worked out twice is the same value. Kept in
    the instance's ``__dict__``, where later reads find it first."""

    def __init__(self, function: Callable[[Event], str]) -> None:
        self.function = function
        self.name = function.__name__

    def __get__(self, event: Event | None, owner: type | None = None) -> Any:
        if event is None:
            return self
        value = event.__dict__[self.name] = self.function(event)
        return value


@dataclass(frozen=True)
class Event:
    id: str  # UUIDv7
    device_id: str
    device_seq: int  # 1, 2, 3, ... with no gaps per device
    hlc: int
    actor_id: str | None  # None only for the township's own creation
    entity: str
    entity_id: str
    type: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str = ""

    def body(self) -> dict[str, Any]:
        """Everything the hash covers: every field but the hash itself."""
        return {
            "id": self.id,
            "device_id": self.device_id,
            "device_seq": self.device_seq,
            "hlc": self.hlc,
            "actor_id": self.actor_id,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "type": self.type,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
        }

    @_once
    def local_time(self) -> str:
        """When it happened, China time, ``YYYY-MM-DD HH:MM:SS`` (from its clock)."""
        return local_text(hlc_ms(self.hlc))

    @_once
    def canonical_payload(self) -> str:
        """The payload as stored and hashed; worked out once per event (imports are hot)."""
        return canonical_json(self.payload)

    def computed_hash(self) -> str:
        """SHA-256 of canonical_json(self.body()), the payload's text reused rather than
        encoded again. The body's keys in sorted order are those before "payload", then
        "prev_hash" and "type": the text around the payload is written out here, each
        string escaped by the very function the canonical encoder escapes with, which
        gives the text canonical_json(self.body()) gives (two encodings per event were a
        third of an import's check). Fields of other types (a signed file may carry odd
        ones) take the encoder itself."""
        if not _plain_fields(self):
            return hashlib.sha256(canonical_json(self.body()).encode()).hexdigest()
        text = encode_basestring  # the encoder's own escaping (ensure_ascii=False)
        actor = "null" if self.actor_id is None else text(self.actor_id)
        body = (
            f'{{"actor_id":{actor},"device_id":{text(self.device_id)},'
            f'"device_seq":{self.device_seq},"entity":{text(self.entity)},'
            f'"entity_id":{text(self.entity_id)},"hlc":{self.hlc},'
            f'"id":{text(self.id)},"payload":{self.canonical_payload},'
            f'"prev_hash":{text(self.prev_hash)},"type":{text(self.type)}}}'
        )
        return hashlib.sha256(body.encode()).hexdigest()

    def sealed(self) -> Event:
        return replace(self, hash=self.computed_hash())

    @classmethod
    def from_fields(cls, given: dict[str, Any]) -> Event:
        """``Event(**given)``, for an import's many parsed lines: when ``given`` names every
        field, exactly, it becomes the event's own ``__dict__`` (no copy, none of the frozen
        dataclass's per-field ``object.__setattr__``); anything else takes ``Event(**given)``
        and its TypeError for a missing or unknown field."""
        if given.keys() != _FIELD_NAMES:
            return cls(**given)
        event = object.__new__(cls)
        object.__setattr__(event, "__dict__", given)
        return event


_FIELD_NAMES = frozenset(f.name for f in fields(Event))


def first_wrong_hash(events: Iterable[Event]) -> Event | None:
    """The first event whose hash is not the one its fields give (each one's canonical
    payload text is kept from the work, for its row)."""
    return next((e for e in events if e.computed_hash() != e.hash), None)


def payload_text_known(event: Event, text: str) -> None:
    """``event.canonical_payload`` given, as another process worked it out from the very
    same event (an import's child, checking its hash): kept as if worked out here."""
    event.__dict__["canonical_payload"] = text
