"""An event line of a signed file is checked for its fields' types and lengths before its
hash is worked out (``importer._check_field_types``): each odd field is refused as a
TypeError (the import calls it damage), every well-formed one passes."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.events import GENESIS_HASH, Event
from app.sync.importer import MAX_HLC, _check_field_types

GOOD = Event(
    id="0190a1b2-0000-7000-8000-000000000001",
    device_id="0190a1b2-0000-7000-8000-00000000000d",
    device_seq=1,
    hlc=123 << 16,
    actor_id="0190a1b2-0000-7000-8000-0000000000a1",
    entity="case",
    entity_id="0190a1b2-0000-7000-8000-0000000000c1",
    type="case.registered",
    payload={"description": "占道经营"},
    prev_hash=GENESIS_HASH,
    hash="f" * 64,
)


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"actor_id": None},  # the township's own creation
        {"device_seq": 0, "hlc": 0},
        {"device_seq": MAX_HLC, "hlc": MAX_HLC},
        {"id": "x" * 64, "entity": "e" * 64, "actor_id": "a" * 64},
        {"entity_id": "f" * 64 + "/" + "d" * 64},  # evidence.received: file / device
        {"payload": {}},
    ],
)
def test_well_formed_fields_pass(change: dict) -> None:
    _check_field_types(dataclasses.replace(GOOD, **change))


@pytest.mark.parametrize(
    "change",
    [
        {"id": 7},
        {"id": "x" * 65},
        {"device_id": None},
        {"entity": ["case"]},
        {"type": "t" * 65},
        {"prev_hash": None},
        {"hash": 1},
        {"entity_id": "e" * 130},
        {"entity_id": 5},
        {"device_seq": True},  # a bool is no number here
        {"device_seq": "1"},
        {"device_seq": -1},
        {"hlc": 1.5},
        {"hlc": MAX_HLC + 1},
        {"actor_id": 3},
        {"actor_id": "a" * 65},
        {"payload": ["not", "an", "object"]},
        {"payload": None},
    ],
)
def test_each_odd_field_is_refused(change: dict) -> None:
    with pytest.raises(TypeError):
        _check_field_types(dataclasses.replace(GOOD, **change))
