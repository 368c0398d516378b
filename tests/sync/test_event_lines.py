"""An event line of a sync file parsed as json.loads parses it (``importer._parsed``: the
exporter's lines scanned directly, anything else handed to json.loads), and made an event
as ``Event(**fields)`` makes it (``Event.from_fields``): the same values, the same
refusals."""

from __future__ import annotations

import dataclasses
import json

import pytest

from app.core.events import GENESIS_HASH, Event
from app.sync.importer import _parsed

FIELDS = {
    "id": "0190a1b2-0000-7000-8000-000000000001",
    "device_id": "0190a1b2-0000-7000-8000-00000000000d",
    "device_seq": 1,
    "hlc": 123 << 16,
    "actor_id": "0190a1b2-0000-7000-8000-0000000000a1",
    "entity": "case",
    "entity_id": "0190a1b2-0000-7000-8000-0000000000c1",
    "type": "case.registered",
    "payload": {"description": "占道经营", "photos": [], "n": 1.5, "urgent": True},
    "prev_hash": GENESIS_HASH,
    "hash": "f" * 64,
}
LINE = json.dumps(FIELDS, ensure_ascii=False).encode() + b"\n"


@pytest.mark.parametrize(
    "line",
    [
        LINE,
        LINE.rstrip(b"\n"),  # the last line of a member, without its newline
        LINE.rstrip(b"\n") + b" \t\r\n",  # whitespace after the value is allowed
        b' {"a": 1}\n',  # whitespace before it: json.loads' own path
        '{"a": "\ud800"}'.encode("utf-8", "surrogatepass"),  # a lone surrogate passes
        b'{"a": "\\u5360"}',
        json.dumps({"a": "占"}).encode("utf-16"),  # UTF-16 with its BOM
        '{"a": 1}'.encode("utf-16-le"),  # without one: told by the second byte
        b"[1, 2]",
        b"7",
    ],
)
def test_a_line_is_read_as_json_loads_reads_it(line: bytes) -> None:
    assert _parsed(line) == json.loads(line)


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"\n",
        b"{",
        b'{"a": 1}{"b": 2}\n',  # two values on one line
        b'{"a": 1},{"b": 2}\n',
        b'{"a": 1} x\n',
        b'{"a": "\xe5\x8d"}\n',  # cut inside a character
        b'{"a": "tab\there"}\n',  # a control character inside a string
        b"{'a': 1}\n",
        b'{"a": NaN, }\n',
    ],
)
def test_a_line_json_loads_refuses_is_refused(line: bytes) -> None:
    with pytest.raises(ValueError):
        json.loads(line)
    with pytest.raises(ValueError):
        _parsed(line)


def test_every_field_named_makes_the_event_event_would() -> None:
    fields = json.loads(LINE)
    event = Event.from_fields(json.loads(LINE))
    assert event == Event(**fields)
    assert dataclasses.asdict(event) == fields
    assert event.computed_hash() == Event(**fields).computed_hash()
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.id = "other"  # type: ignore[misc]


def test_a_line_without_its_hash_is_an_event_without_one() -> None:
    fields = {k: v for k, v in FIELDS.items() if k != "hash"}
    assert Event.from_fields(dict(fields)).hash == ""


@pytest.mark.parametrize(
    "fields",
    [
        {k: v for k, v in FIELDS.items() if k != "payload"},
        FIELDS | {"signature": "x"},
        FIELDS | {"local_time": "2026-12-06 08:00:00"},  # a cached value is no field
    ],
    ids=["a field missing", "a field unknown", "a cached value given"],
)
def test_a_field_missing_or_unknown_is_a_type_error(fields: dict) -> None:
    with pytest.raises(TypeError):
        Event(**fields)
    with pytest.raises(TypeError):
        Event.from_fields(dict(fields))
