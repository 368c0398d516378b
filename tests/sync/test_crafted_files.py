# ruff: noqa: F811 - the fixtures of test_bad_files are imported and used by name
"""Crafted sync files (issue 12): the attacker's zip member needing "version 9.9", a manifest
nested 100,000 deep, a signed ``provides`` of [1, 2^40], huge counts and long strings, a
reused file id. Each is refused with its class before any large allocation, by import
and by verify alike, and the database is left exactly as it was (``refused``).
"""

from __future__ import annotations

import random
import struct
import sys
import tracemalloc
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from app.sync.archive import EVENTS
from app.sync.files import verify_file
from app.sync.manifest import MANIFEST_BYTES, MANIFEST_ITEMS
from tests.sync import forge
from tests.sync.conftest import Node
from tests.sync.forge import Member
from tests.sync.test_bad_files import (  # noqa: F401 - the fixtures are used by name
    _central_entry,
    _local_entry,
    genuine_parts,
    laptop,
    office,
    private_temp,
    recipients,
    refused,
    template,
    upload,
)

PEAK_BYTES = 150 * 1024 * 1024  # what any crafted file below may make verify allocate


def _build(office: Node, parts: forge.Parts, tmp_path: Path) -> Path:
    return forge.build(tmp_path / "x.tdsync", parts, recipients(office))


def test_a_member_needing_zip_version_9_9_is_an_unsupported_format(
    office: Node, upload: Path, tmp_path: Path
) -> None:
    """zipfile raised NotImplementedError("zip file version 9.9") before any check."""
    parts = genuine_parts(upload, office)
    plain = bytearray(forge.zip_bytes(parts.members()))
    central = _central_entry(bytes(plain), EVENTS)
    struct.pack_into("<H", plain, central + 6, 99)
    struct.pack_into("<H", plain, _local_entry(bytes(plain), central) + 4, 99)
    source = forge.encrypt(tmp_path / "x.tdsync", bytes(plain), recipients(office))
    assert "9.9" in str(refused(office, source, "sync_zip_unsupported"))


@pytest.mark.parametrize("signed", [False, True], ids=["by-anyone", "by-the-sender"])
def test_a_manifest_nested_100000_deep_is_refused_unparsed(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, signed: bool
) -> None:
    """Nesting that compresses poorly (random keys), so the ratio cap does not catch it
    first: json.loads raised RecursionError."""
    parts = genuine_parts(upload, office)
    rng = random.Random(1)
    opening = "".join(f'{{"{rng.randrange(10**9)}":[' for _ in range(100_000))
    parts.raw_manifest = opening.encode()
    if signed:
        parts.signature = laptop.keys.signature(parts.raw_manifest)
    assert "nesting" in str(refused(office, _build(office, parts, tmp_path), "sync_damaged"))


@pytest.mark.parametrize(
    ("span", "code"),
    [([1, 2**40], "sync_damaged"), ([2**40, 2**40 + 2], "sync_damaged"), ([3, 1], "sync_damaged")],
    ids=["1-to-2^40", "far-away", "backwards"],
)
def test_a_signed_range_larger_than_its_events_is_refused_without_allocating(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, span: list[int], code: str
) -> None:
    """A compromised laptop signs ``provides`` of [1, 2^40]: the import built
    ``list(range(1, 2**40 + 1))``. The ranges must add up to the signed event count."""
    parts = genuine_parts(upload, office)
    parts.manifest["provides"][laptop.id] = span
    forge.sign(parts, laptop.keys)
    source = _build(office, parts, tmp_path)
    tracemalloc.start()
    try:
        refused(office, source, code)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("events", 2**40, "sync_limits"),
        ("events", -3, "sync_damaged"),
        ("file_id", "x" * 100_000, "sync_damaged"),
        ("created_at", "青" * 10_000, "sync_damaged"),
        ("have", {f"{i:036d}": i for i in range(10_001)}, "sync_limits"),
        ("heads", "twice", "sync_damaged"),
        ("blobs", {"A" * 64: {"size": 1}}, "sync_damaged"),
        ("blobs", {"a" * 64: {"size": 2**40}}, "sync_damaged"),
        ("blobs", {"a" * 64: {"size": 1, "media_type": "x" * 5000}}, "sync_damaged"),
        ("blobs", {"a" * 64: {"size": 1, "media_type": "../../etc/passwd"}}, "sync_damaged"),
        ("events_sha256", "not-a-hash", "sync_damaged"),
    ],
    ids=[
        "events-2^40",
        "events-negative",
        "long-file-id",
        "long-created-at",
        "too-many-devices",
        "head-twice",
        "blob-id-not-hex",
        "blob-size-huge",
        "long-media-type",
        "media-type-a-path",
        "events-hash-garbled",
    ],
)
def test_signed_numbers_and_strings_are_bounded(
    office: Node,
    laptop: Node,
    upload: Path,
    tmp_path: Path,
    field: str,
    value: object,
    code: str,
) -> None:
    parts = genuine_parts(upload, office)
    if value == "twice":
        value = parts.manifest["heads"] * 2
    parts.manifest[field] = value
    forge.sign(parts, laptop.keys)
    refused(office, _build(office, parts, tmp_path), code)


def test_a_key_given_twice_in_the_manifest_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    """Two JSON readers may keep different copies of a doubled key: never signed as one."""
    parts = genuine_parts(upload, office)
    raw = forge.manifest_bytes(parts.manifest)
    parts.raw_manifest = raw.replace(b'\n "events":', b'\n "events": 0,\n "events":', 1)
    parts.signature = laptop.keys.signature(parts.raw_manifest)
    refused(office, _build(office, parts, tmp_path), "sync_damaged")


def test_an_event_id_twice_in_one_file_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    events = parts.event_list()
    events[1] = replace(events[1], id=events[0].id)
    parts.set_events(forge.rechain(events, 1))
    forge.resign(parts, laptop.keys)
    assert "twice" in str(refused(office, _build(office, parts, tmp_path), "sync_damaged"))


def test_a_reused_file_id_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    """A file under the id of one imported before would be skipped as "already imported",
    unread: it is refused instead. The same file again is still "already imported"."""
    parts = genuine_parts(upload, office)
    office.import_file(upload)
    assert office.import_file(upload).preview["already_imported"] is True
    parts.manifest["created_at"] = "2026-12-01 08:00:00"
    forge.sign(parts, laptop.keys)
    source = _build(office, parts, tmp_path)
    assert parts.manifest["file_id"] in str(refused(office, source, "sync_file_id_reused"))


def test_an_end_record_claiming_a_million_members_is_refused_before_zipfile_reads_it(
    office: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    plain = bytearray(forge.zip_bytes(parts.members()))
    end = bytes(plain).rindex(b"PK\x05\x06")
    # a zip64 record that is consistent in all but its count (directory offset + size lead to
    # it): zipfile releases with the 2025 zip64 checks (Debian's 3.11.2) parse it as older ones do
    directory_size, directory_offset = struct.unpack_from("<2L", plain, end + 12)
    zip64_end = struct.pack(
        "<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 10**6, 10**6, directory_size,
        directory_offset,
    )  # fmt: skip
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
    struct.pack_into("<HH", plain, end + 8, 0xFFFF, 0xFFFF)
    crafted = bytes(plain[:end]) + zip64_end + locator + bytes(plain[end:])
    source = forge.encrypt(tmp_path / "x.tdsync", crafted, recipients(office))
    refused(office, source, "sync_limits")


@pytest.mark.parametrize(
    "manifest",
    ["many-objects", "long-string", "many-numbers", "deep-nesting"],
)
def test_the_manifest_parse_before_the_signature_stays_bounded(
    office: Node, upload: Path, tmp_path: Path, manifest: str
) -> None:
    """Crafted manifests just under the size and item bounds, unsigned: parsing them
    (the only thing done before the signature) stays under PEAK_BYTES."""
    parts = genuine_parts(upload, office)
    items = MANIFEST_ITEMS // 2 - 10
    rng = random.Random(2)
    if manifest == "many-objects":
        body = ",".join(["{}"] * items)
    elif manifest == "long-string":
        body = '"' + "".join(rng.choice("青石镇abc") for _ in range(MANIFEST_BYTES // 4)) + '"'
    elif manifest == "many-numbers":
        body = ",".join(str(rng.randrange(10**15)) for _ in range(items))
    else:
        body = "[" * 3 + "]" * 3  # the deepest allowed
    head = '{"format": "towndesk-sync", "version": 1, "sender": "%s", "pad": [%s]}'
    parts.raw_manifest = (head % (parts.manifest["sender"], body)).encode()
    members = parts.members()
    members[0] = Member(members[0].name, members[0].data, zipfile.ZIP_STORED)  # no ratio cap
    source = forge.encrypt(tmp_path / "x.tdsync", forge.zip_bytes(members), recipients(office))
    tracemalloc.start()
    try:
        with pytest.raises(Exception) as error:
            verify_file(office.db, office.blobs, office.keys, source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert getattr(error.value, "code", None) == "sync_bad_signature", str(error.value)
    sys.stdout.write(f"\npeak of verify_file, {manifest} manifest: {peak / 2**20:.0f} MiB\n")
    assert peak < PEAK_BYTES, f"{peak / 2**20:.0f} MiB"
