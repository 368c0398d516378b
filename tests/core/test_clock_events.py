"""Hybrid logical clock, events (hash, chain, canonical JSON) and case numbers."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.clock import CHINA, HybridClock, hlc_ms, local_text, parse_local, stored_text
from app.core.events import GENESIS_HASH, Event, canonical_json
from app.core.numbering import case_number, is_valid_device_code, number_prefix


def replay_wall(values: list[int]):
    it = iter(values)
    return lambda: next(it)


def test_clock_ticks_follow_the_wall_when_it_moves_forward() -> None:
    clock = HybridClock(wall=replay_wall([1_000, 2_000, 3_000]))
    ticks = [clock.tick() for _ in range(3)]
    assert [hlc_ms(t) for t in ticks] == [1_000, 2_000, 3_000]


def test_clock_is_strictly_increasing_when_the_wall_stands_still_or_goes_back() -> None:
    walls = [5_000, 5_000, 5_000, 4_000, 1_000, 5_000, 6_000]
    clock = HybridClock(wall=replay_wall(walls))
    ticks = [clock.tick() for _ in walls]
    assert all(a < b for a, b in itertools.pairwise(ticks))
    assert hlc_ms(ticks[4]) == 5_000  # never behind what it has already issued
    assert hlc_ms(ticks[-1]) == 6_000  # catches up with the wall again


@given(
    st.lists(st.integers(min_value=0, max_value=2_000_000_000_000), min_size=1, max_size=50),
    st.integers(min_value=0, max_value=1 << 60),
)
def test_clock_never_goes_backwards(walls: list[int], start: int) -> None:
    clock = HybridClock(last=start, wall=replay_wall(walls))
    previous = start
    for _ in walls:
        tick = clock.tick()
        assert tick > previous
        previous = tick


def test_observe_moves_the_clock_past_a_remote_event() -> None:
    clock = HybridClock(wall=lambda: 1_000)
    local = clock.tick()
    remote = (9_000 << 16) + 5
    clock.observe(remote)
    after = clock.tick()
    assert after > remote > local
    clock.observe(1)  # an old remote value changes nothing
    assert clock.tick() > after


def test_local_text_is_china_time() -> None:
    ms = int(datetime(2026, 2, 15, 8, 30, 0, tzinfo=CHINA).timestamp() * 1000)
    assert local_text(ms) == "2026-02-15 08:30:00"
    assert parse_local(local_text(ms)) == datetime(2026, 2, 15, 8, 30, 0)
    # midnight UTC is 08:00 in China
    assert local_text(0) == "1970-01-01 08:00:00"


def test_stored_text_is_the_stored_shape_whole_seconds() -> None:
    assert stored_text(datetime(2026, 12, 5, 9, 3, 7)) == "2026-12-05 09:03:07"
    assert stored_text(datetime(2026, 1, 2, 0, 0, 0, 999_999)) == "2026-01-02 00:00:00"
    assert parse_local(stored_text(datetime(2027, 2, 8, 17, 30))) == datetime(2027, 2, 8, 17, 30)


@given(st.integers(min_value=-(10**12), max_value=253_402_271_999_999))
def test_local_text_says_what_datetime_says(ms: int) -> None:
    """Worked out by arithmetic (one strftime per day): the same text for every instant
    from before 1970 to the last millisecond of 9999 China time."""
    assert local_text(ms) == datetime.fromtimestamp(ms / 1000, CHINA).strftime("%Y-%m-%d %H:%M:%S")


def test_local_text_at_the_turn_of_days_and_years() -> None:
    # 2026-12-31 23:59:59.999 China time is 15:59:59.999 UTC; a millisecond later, 2027
    turn = int(datetime(2027, 1, 1, tzinfo=CHINA).timestamp() * 1000)
    assert local_text(turn - 1) == "2026-12-31 23:59:59"
    assert local_text(turn) == "2027-01-01 00:00:00"
    assert local_text(253_402_271_999_999) == "9999-12-31 23:59:59"


def event(**change) -> Event:
    base = Event(
        id="0190a1b2-0000-7000-8000-000000000001",
        device_id="dev-1",
        device_seq=1,
        hlc=123 << 16,
        actor_id="user-1",
        entity="case",
        entity_id="case-1",
        type="case.registered",
        payload={"description": "占道经营", "photos": [{"sha256": "ab"}]},
        prev_hash=GENESIS_HASH,
    )
    return dataclasses.replace(base, **change)


OTHER_VALUES = {
    "id": "0190a1b2-0000-7000-8000-000000000002",
    "device_id": "dev-2",
    "device_seq": 2,
    "hlc": (123 << 16) + 1,
    "actor_id": None,
    "entity": "grid",
    "entity_id": "case-2",
    "type": "case.other",
    "payload": {"description": "占道经营。", "photos": [{"sha256": "ab"}]},
    "prev_hash": "f" * 64,
}


def test_every_field_but_the_hash_is_covered() -> None:
    names = {f.name for f in dataclasses.fields(Event)} - {"hash"}
    assert names == set(OTHER_VALUES)


@pytest.mark.parametrize("name", sorted(OTHER_VALUES))
def test_changing_any_field_changes_the_hash(name: str) -> None:
    original = event().sealed()
    changed = dataclasses.replace(original, **{name: OTHER_VALUES[name]})
    assert changed.computed_hash() != original.hash


def test_a_nested_payload_change_changes_the_hash() -> None:
    original = event().sealed()
    changed = event(payload={"description": "占道经营", "photos": [{"sha256": "ac"}]})
    assert changed.computed_hash() != original.hash


def test_sealed_hash_verifies_and_is_sha256_hex() -> None:
    sealed = event().sealed()
    assert sealed.hash == sealed.computed_hash()
    assert len(sealed.hash) == 64 and int(sealed.hash, 16) >= 0
    assert event().hash == ""  # sealing does not happen by itself
    # the hash does not depend on payload key order
    reordered = event(payload={"photos": [{"sha256": "ab"}], "description": "占道经营"})
    assert reordered.computed_hash() == sealed.hash


def test_the_hash_is_sha256_of_the_canonical_body_as_written_since_the_first_version() -> None:
    # the body's text written out by hand: keys sorted, no spaces, Chinese as characters
    text = (
        '{"actor_id":"user-1","device_id":"dev-1","device_seq":1,"entity":"case",'
        '"entity_id":"case-1","hlc":8060928,"id":"0190a1b2-0000-7000-8000-000000000001",'
        '"payload":{"description":"占道经营","photos":[{"sha256":"ab"}]},'
        f'"prev_hash":"{"0" * 64}","type":"case.registered"}}'
    )
    sealed = event().sealed()
    assert sealed.hash == hashlib.sha256(text.encode()).hexdigest()
    # the value events written by earlier versions carry (old events stay valid forever)
    assert sealed.hash == "942665d3d8948fc51791ca70388a27d03a78ef0176e1ea0d9a35f44142b9eb86"


_JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)


@given(
    st.text(max_size=8),
    st.integers(min_value=0, max_value=2**63 - 1),
    st.one_of(st.none(), st.text(max_size=8)),
    st.text(max_size=8),
    st.dictionaries(st.text(max_size=6), _JSON, max_size=5),
    st.text(max_size=8),
)
def test_the_hash_equals_sha256_of_canonical_json_of_the_body(
    text: str, number: int, actor: str | None, kind: str, payload: dict, link: str
) -> None:
    """Whatever the fields hold (a signed file may carry odd ones), the spliced text the
    hash is taken of is exactly canonical_json(body)."""
    made = Event(text, text[::-1], number, number // 3, actor, kind, text, kind, payload, link)
    expected = hashlib.sha256(canonical_json(made.body()).encode()).hexdigest()
    assert made.computed_hash() == expected


class _Text(str):
    pass


@pytest.mark.parametrize(
    "odd",
    [
        {"device_seq": True},  # JSON true, not 1
        {"hlc": 8060928.0},  # a float: 8060928.0, not 8060928
        {"actor_id": 7},
        {"entity_id": ["case-1"]},
        {"type": None},
        {"prev_hash": _Text("0" * 64)},
        {"id": 'quote " backslash \\ line\n tab\t \x00 \u2028 占'},
    ],
)
def test_the_hash_of_fields_of_odd_types_is_still_that_of_the_canonical_body(odd: dict) -> None:
    """The text around the payload is written out for strings and whole numbers; a field
    of another type (a newer or broken program may send one) takes the encoder, and a
    string with characters to escape is escaped as the encoder escapes it."""
    made = dataclasses.replace(event(), **odd)
    expected = hashlib.sha256(canonical_json(made.body()).encode()).hexdigest()
    assert made.computed_hash() == expected


def test_canonical_json_is_stable_and_keeps_chinese() -> None:
    a = {"b": 1, "a": {"z": "占道", "y": [3, 2, 1]}, "c": None}
    b = {"c": None, "a": {"y": [3, 2, 1], "z": "占道"}, "b": 1}
    text = canonical_json(a)
    assert text == canonical_json(b)
    assert text == '{"a":{"y":[3,2,1],"z":"占道"},"b":1,"c":null}'
    assert "\\u" not in text
    assert json.loads(text) == a


@given(
    st.dictionaries(
        st.text(max_size=5), st.one_of(st.integers(), st.text(max_size=5), st.none(), st.booleans())
    )
)
def test_canonical_json_round_trips_and_ignores_insertion_order(value: dict) -> None:
    text = canonical_json(value)
    assert json.loads(text) == value
    assert canonical_json(dict(reversed(list(value.items())))) == text


def test_case_numbers() -> None:
    assert case_number("QS", "2026-11-19", "AB", 7) == "QS-20261119-AB0007"
    assert case_number("QS", "2026-11-19", "AB", 1234) == "QS-20261119-AB1234"
    assert case_number("QS", "2026-11-19", "AB", 1).startswith(
        number_prefix("QS", "2026-11-19", "AB")
    )
    # numbers of one day sort in registration order
    numbers = [case_number("QS", "2026-11-19", "AB", n) for n in range(1, 1000)]
    assert numbers == sorted(numbers)
    # two devices never make the same number
    assert case_number("QS", "2026-11-19", "AB", 1) != case_number("QS", "2026-11-19", "CD", 1)


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("AB", True),
        ("A1", True),
        ("ABCD", True),
        ("A", False),
        ("ABCDE", False),
        ("ab", False),
        ("A-", False),
        ("", False),
        ("甲乙", False),
    ],
)
def test_device_codes(code: str, ok: bool) -> None:
    assert is_valid_device_code(code) is ok
