"""Every bad sync file is refused with a classified error, in Chinese, naming its class,
and the receiving database is exactly as it was (and no evidence file appears that the
database refers to). ``verify_file`` refuses what ``import_file`` refuses.

Forged files are built with the real keys (tests/sync/forge.py): a file can only be
changed by someone able to open it, and re-signing with the sender's own key shows that
the checks behind the manifest signature hold on their own.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import re
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pyrage
import pytest

from app.core.errors import DomainError
from app.store.database import backup
from app.store.devices import revoke_device
from app.sync import archive, spool
from app.sync.archive import AGE_MAGIC, EVENTS, Limits
from app.sync.enrolment import unlock
from app.sync.files import verify_file
from app.sync.keys import CHEAP, DeviceKeys, key_file_beside
from tests.sync import forge
from tests.sync.conftest import (
    LAPTOP_PASSWORD,
    OFFICE_PASSWORD,
    Node,
    enrol_laptop,
    jpeg,
    open_node,
)
from tests.sync.conftest import dump_but_refusals as full_dump  # a refusal notes only itself
from tests.sync.forge import Member, Parts, new_office

CLASS_WORDS = {
    "sync_not_a_sync_file": "【不是同步包】",
    "sync_damaged": "【文件损坏】",
    "sync_unexpected_member": "【文件损坏】",
    "sync_secret_mismatch": "【文件损坏】",
    "sync_wrong_recipient": "【收件设备不符】",
    "sync_bad_signature": "【签名无效】",
    "sync_unknown_device": "【未注册设备】",
    "sync_device_revoked": "【设备已注销】",
    "sync_version_unsupported": "【版本不支持】",
    "sync_other_township": "【乡镇不符】",
    "sync_unsafe_member": "【危险内容】",
    "sync_limits": "【超出限制】",
    "sync_blob_missing": "【缺少证据文件】",
    "sync_zip_unsupported": "【格式不支持】",
    "sync_file_id_reused": "【编号重复】",
    "disk_full": "磁盘空间不足",
    "key_password_wrong": "口令不正确",
    "key_file_damaged": "密钥文件已损坏",
    "key_file_missing": "找不到本机的设备密钥文件",
}
CHINESE = re.compile(r"[\u4e00-\u9fff]")
BIG_PHOTO = 150_000  # spans three 64 KiB chunks of the age payload


# -- fixtures and helpers -------------------------------------------------------------------


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Decrypted plaintext lives in the temporary folder: none of it may stay behind."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert sorted(p.name for p in folder.iterdir()) == []


@pytest.fixture(scope="module")
def template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: the office, a laptop with three new cases (two with photos, one large)
    and the genuine file it sent; each test works on its own copy."""
    root = tmp_path_factory.mktemp("bad-files")
    (root / "office").mkdir()
    shutil.copy2(demo_template, root / "office" / demo_template.name)
    office = new_office(root / "office" / demo_template.name)
    laptop = enrol_laptop(office, root / "laptop", "青石村网格终端")
    camera = root / "camera"
    laptop.report("路边占道经营，摊位堵塞人行道", jpeg(camera, "small.jpg"))
    big = random.Random(5).randbytes(BIG_PHOTO)
    laptop.report("夜间施工噪音扰民", jpeg(camera, "big.jpg", big))
    laptop.report("小区门口垃圾堆放")
    laptop.export_to(office, root / "up.tdsync")
    for node in (office, laptop):
        node.db.close()  # the last connection folds the WAL into the database file
    return root


def _copied(template: Path, name: str, target: Path, password: str) -> Node:
    shutil.copytree(template / name, target / name)
    return open_node(next((target / name).glob("*.sqlite3")), password)


@pytest.fixture
def office(template: Path, tmp_path: Path) -> Iterator[Node]:
    node = _copied(template, "office", tmp_path, OFFICE_PASSWORD)
    yield node
    node.db.close()


@pytest.fixture
def laptop(template: Path, tmp_path: Path) -> Iterator[Node]:
    node = _copied(template, "laptop", tmp_path, LAPTOP_PASSWORD)
    yield node
    node.db.close()


@pytest.fixture
def upload(template: Path, tmp_path: Path) -> Path:
    """The genuine file from the laptop to the office: three cases, two with photos."""
    return Path(shutil.copy2(template / "up.tdsync", tmp_path / "up.tdsync"))


def recipients(receiver: Node) -> list[str]:
    escrow = receiver.db.execute("SELECT escrow_key FROM township").fetchone()[0]
    return [receiver.keys.public.box_key, escrow]


def blob_files(node: Node) -> set[str]:
    if not node.blobs.folder.exists():
        return set()
    return {p.name for p in node.blobs.folder.rglob("*") if p.is_file()}


def referenced_blobs(node: Node) -> set[str]:
    rows = node.db.execute(
        "SELECT sha256 FROM blobs UNION SELECT sha256 FROM case_evidence"
    ).fetchall()
    return {row[0] for row in rows}


def refused(
    node: Node, source: Path, code: str, verify: bool = True, blobs_may_grow: bool = False
) -> DomainError:
    """Import ``source`` at ``node``: it must fail with ``code`` and change nothing."""
    before = full_dump(node.db)
    files_before = blob_files(node)
    source_before = source.read_bytes() if source.is_file() else None
    if verify:
        with pytest.raises(DomainError) as checked:
            verify_file(node.db, node.blobs, node.keys, source)
        assert checked.value.code == code, str(checked.value)
    with pytest.raises(DomainError) as imported:
        node.import_file(source)
    error = imported.value
    assert error.code == code, str(error)
    text = str(error)
    assert CHINESE.search(text), text
    assert CLASS_WORDS[code] in text, text
    assert full_dump(node.db) == before
    files_after = blob_files(node)
    if blobs_may_grow:
        assert files_before <= files_after
        assert not (files_after - files_before) & referenced_blobs(node)
        assert not [name for name in files_after if name.startswith(".incoming-")]
    else:
        assert files_after == files_before
    if source_before is not None:
        assert source.read_bytes() == source_before  # the source file is never modified
    return error


def genuine_parts(upload: Path, office: Node) -> Parts:
    return forge.open_parts(upload, office.keys)


def header_end(data: bytes) -> int:
    """Offset of the first byte of the age payload (after the ``--- mac`` line)."""
    return data.index(b"\n", data.index(b"\n--- ") + 1) + 1


@contextmanager
def small_limits(**fields: int) -> Iterator[Limits]:
    """``open_archive`` with smaller limits (it reads ``archive.LIMITS`` when called)."""
    saved = archive.LIMITS
    archive.LIMITS = limits = replace(saved, **fields)
    try:
        yield limits
    finally:
        archive.LIMITS = saved


def test_the_genuine_file_imports(office: Node, upload: Path) -> None:
    """The control: every bad file below is a variation of this one."""
    assert office.import_file(upload).preview["new_cases"] == 3


def test_a_rebuilt_genuine_file_imports(office: Node, upload: Path, tmp_path: Path) -> None:
    """The forge itself changes nothing: taken apart and built again, the file imports."""
    rebuilt = forge.build(tmp_path / "x.tdsync", genuine_parts(upload, office), recipients(office))
    assert office.import_file(rebuilt).preview["new_cases"] == 3


# -- not a sync file ------------------------------------------------------------------------


def _random(_: Path, __: Parts) -> bytes:
    return random.Random(3).randbytes(4096)


def _empty(_: Path, __: Parts) -> bytes:
    return b""


def _text(_: Path, __: Parts) -> bytes:
    return "青石镇综合执法办 会议记录\n今日无事。\n".encode() * 30


def _plain_zip(_: Path, parts: Parts) -> bytes:
    return forge.zip_bytes(parts.members())  # a sync file's very contents, unencrypted


def _other_age(_: Path, __: Parts) -> bytes:
    """An age file for somebody else entirely: not for this device."""
    stranger = DeviceKeys.generate("stranger").box.to_public()
    return pyrage.encrypt(b"hello", [stranger])


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (_random, "sync_not_a_sync_file"),
        (_empty, "sync_not_a_sync_file"),
        (_text, "sync_not_a_sync_file"),
        (_plain_zip, "sync_not_a_sync_file"),
        (_other_age, "sync_wrong_recipient"),
    ],
    ids=["random-bytes", "empty", "text", "plain-zip", "age-for-a-stranger"],
)
def test_not_a_sync_file(
    office: Node,
    upload: Path,
    tmp_path: Path,
    make: Callable[[Path, Parts], bytes],
    code: str,
) -> None:
    source = tmp_path / "bad.tdsync"
    source.write_bytes(make(tmp_path, genuine_parts(upload, office)))
    error = refused(office, source, code)
    if code == "sync_not_a_sync_file":
        assert "bad.tdsync" in str(error)


def test_a_missing_file_is_named(office: Node, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as error:
        office.import_file(tmp_path / "nowhere.tdsync")
    assert error.value.code == "sync_file_missing"
    assert "nowhere.tdsync" in str(error.value)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"PK\x03\x04 not really a zip", "sync_damaged"),
        (forge.zip_bytes([Member("readme.txt", b"hello")]), "sync_damaged"),
        (forge.zip_bytes([]), "sync_damaged"),
    ],
    ids=["encrypted-not-a-zip", "encrypted-other-zip", "encrypted-empty-zip"],
)
def test_encrypted_to_us_but_not_a_sync_archive(
    office: Node, tmp_path: Path, payload: bytes, code: str
) -> None:
    source = forge.encrypt(tmp_path / "bad.tdsync", payload, recipients(office))
    refused(office, source, code)


def test_a_manifest_of_another_format_is_not_a_sync_file(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    parts.manifest["format"] = "something-else"
    forge.resign(parts, laptop.keys)
    refused(
        office,
        forge.build(tmp_path / "x.tdsync", parts, recipients(office)),
        "sync_not_a_sync_file",
    )


@pytest.mark.parametrize(
    "manifest",
    [b"", b"{not json", b"[1, 2, 3]", "\u00ff".encode("latin-1"), b"null"],
    ids=["empty", "not-json", "a-list", "not-utf8", "null"],
)
def test_an_unreadable_manifest_is_damage(
    office: Node, upload: Path, tmp_path: Path, manifest: bytes
) -> None:
    parts = genuine_parts(upload, office)
    parts.raw_manifest = manifest
    refused(office, forge.build(tmp_path / "x.tdsync", parts, recipients(office)), "sync_damaged")


# -- truncated and flipped ------------------------------------------------------------------

TRUNCATIONS: dict[str, Callable[[bytes], int]] = {
    "1-byte": lambda _: 1,
    "inside-magic": lambda _: 10,
    "magic-only": lambda _: len(AGE_MAGIC),
    "first-stanza": lambda d: d.index(b"-> X25519") + 20,
    "second-stanza": lambda d: d.index(b"-> X25519", d.index(b"-> X25519") + 1) + 30,
    "mac-line": lambda d: d.index(b"\n--- ") + 10,
    "header-only": header_end,
    "inside-nonce": lambda d: header_end(d) + 7,
    "nonce-only": lambda d: header_end(d) + 16,
    "first-chunk": lambda d: header_end(d) + 16 + 1000,
    "chunk-boundary": lambda d: header_end(d) + 16 + 65536 + 16,
    "second-chunk": lambda d: header_end(d) + 16 + 65552 + 30000,
    "half": lambda d: len(d) // 2,
    "last-tag": lambda d: len(d) - 16,
    "two-short": lambda d: len(d) - 2,
    "one-short": lambda d: len(d) - 1,
}


@pytest.mark.parametrize("where", list(TRUNCATIONS))
def test_a_truncated_file_is_damaged(
    office: Node, upload: Path, tmp_path: Path, where: str
) -> None:
    data = upload.read_bytes()
    cut = TRUNCATIONS[where](data)
    assert 0 < cut < len(data)
    source = tmp_path / "cut.tdsync"
    source.write_bytes(data[:cut])
    error = refused(office, source, "sync_damaged")
    assert "未导入任何内容" in str(error)


FLIPS: dict[str, tuple[Callable[[bytes], int], str]] = {
    "magic": (lambda _: 3, "sync_not_a_sync_file"),
    "stanza-type": (lambda d: d.index(b"X25519") + 1, "sync_damaged"),
    "stanza-share": (lambda d: d.index(b"X25519") + 12, "sync_damaged"),
    "stanza-body": (lambda d: d.index(b"\n", d.index(b"X25519")) + 5, "sync_damaged"),
    "second-stanza": (lambda d: d.index(b"X25519", d.index(b"X25519") + 7) + 20, "sync_damaged"),
    "header-mac": (lambda d: d.index(b"\n--- ") + 12, "sync_damaged"),
    "nonce": (lambda d: header_end(d) + 3, "sync_damaged"),
    "first-chunk": (lambda d: header_end(d) + 16 + 500, "sync_damaged"),
    "middle-chunk": (lambda d: header_end(d) + 16 + 65552 + 100, "sync_damaged"),
    "last-byte": (lambda d: len(d) - 1, "sync_damaged"),
}


@pytest.mark.parametrize("where", list(FLIPS))
def test_a_flipped_byte_is_found(office: Node, upload: Path, tmp_path: Path, where: str) -> None:
    position, code = FLIPS[where]
    data = bytearray(upload.read_bytes())
    data[position(bytes(data))] ^= 0x04
    source = tmp_path / "flipped.tdsync"
    source.write_bytes(bytes(data))
    refused(office, source, code)


def test_a_flipped_byte_in_a_laptops_own_stanza_reads_as_not_for_it(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    """A laptop holds one key: age cannot tell a damaged stanza from one for another
    device, so the laptop says "not for this device". Nothing is written either way."""
    office.report("井盖缺失")
    down = office.export_to(laptop, tmp_path / "down.tdsync").path
    data = bytearray(down.read_bytes())
    share = data.index(b"X25519") + 12  # a base64 character of the ephemeral share
    data[share] = ord("B") if data[share] != ord("B") else ord("C")  # still valid base64
    down.write_bytes(bytes(data))
    refused(laptop, down, "sync_wrong_recipient")


# -- recipients -----------------------------------------------------------------------------


def test_a_file_for_laptop_a_is_refused_by_laptop_b(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    other = enrol_laptop(office, tmp_path / "b", "青石村二号终端")
    try:
        office.report("河道漂浮垃圾")
        for_a = office.export_to(laptop, tmp_path / "for-a.tdsync").path
        refused(other, for_a, "sync_wrong_recipient")
        assert laptop.import_file(for_a).preview["new_cases"] >= 1  # A itself takes it
    finally:
        other.db.close()


def test_a_laptops_file_is_refused_by_another_laptop(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    other = enrol_laptop(office, tmp_path / "b", "青石村二号终端")
    try:
        refused(other, upload, "sync_wrong_recipient")
    finally:
        other.db.close()


def test_the_office_can_open_a_file_for_a_laptop_but_does_not_import_it(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    """The office holds the escrow key, so it can read a file addressed to a laptop; the
    signed manifest still says whom it is for."""
    office.report("违规张贴小广告")
    for_laptop = office.export_to(laptop, tmp_path / "for-laptop.tdsync").path
    refused(office, for_laptop, "sync_wrong_recipient")


def test_a_file_of_another_township_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    parts.manifest["township"] = "ZZ"
    forge.resign(parts, laptop.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert "ZZ" in str(refused(office, source, "sync_other_township"))


# -- signatures and tampering ---------------------------------------------------------------


def test_a_signature_by_another_key_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    parts.signature = office.keys.signature(parts.manifest_bytes())  # a real key, not its own
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    error = refused(office, source, "sync_bad_signature")
    assert "青石村网格终端" in str(error)


@pytest.mark.parametrize(
    ("signature", "code"),
    [("", "sync_bad_signature"), ("zz-not-hex", "sync_bad_signature"), (None, "sync_damaged")],
    ids=["empty", "garbage", "member-missing"],
)
def test_a_missing_or_garbled_signature_is_refused(
    office: Node, upload: Path, tmp_path: Path, signature: str | None, code: str
) -> None:
    parts = genuine_parts(upload, office)
    parts.signature = signature
    refused(office, forge.build(tmp_path / "x.tdsync", parts, recipients(office)), code)


@pytest.mark.parametrize(
    "field", ["created_at", "have", "full", "new_cases", "blobs-media-type", "whitespace"]
)
def test_a_manifest_altered_after_signing_is_refused(
    office: Node, upload: Path, tmp_path: Path, field: str
) -> None:
    parts = genuine_parts(upload, office)
    m = parts.manifest
    if field == "created_at":
        m["created_at"] = "2020-01-01 00:00:00"
    elif field == "have":
        m["have"] = {origin: seq + 100 for origin, seq in m["have"].items()}
    elif field == "full":
        m["full"] = not m["full"]
    elif field == "new_cases":
        m["new_cases"] += 1
    elif field == "blobs-media-type":
        first = sorted(m["blobs"])[0]
        m["blobs"][first]["media_type"] = "text/html"
    else:
        parts.raw_manifest = forge.manifest_bytes(m).replace(b"\n", b"\r\n")
    refused(
        office, forge.build(tmp_path / "x.tdsync", parts, recipients(office)), "sync_bad_signature"
    )


def test_an_altered_event_breaks_the_events_hash(
    office: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    parts.events = parts.events.replace("人行道".encode(), "车行道".encode())
    error = refused(
        office, forge.build(tmp_path / "x.tdsync", parts, recipients(office)), "sync_damaged"
    )
    assert "events hash" in str(error)


def test_an_altered_event_breaks_its_own_hash_even_in_a_signed_manifest(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    parts.events = parts.events.replace("人行道".encode(), "车行道".encode())
    forge.resign(parts, laptop.keys)  # even the sender's own manifest key does not help
    error = refused(
        office, forge.build(tmp_path / "x.tdsync", parts, recipients(office)), "sync_damaged"
    )
    assert "hash" in str(error)


@pytest.fixture
def relayed(office: Node, laptop: Node, tmp_path: Path) -> Iterator[tuple[Node, Path]]:
    """Laptop A's three cases, relayed by the office to laptop B."""
    other = enrol_laptop(office, tmp_path / "b", "青石村二号终端")
    for text in ("占道经营", "噪音扰民", "垃圾堆放"):
        laptop.report(text)
    office.import_file(laptop.export_to(office, tmp_path / "a-up.tdsync").path)
    yield other, office.export_to(other, tmp_path / "relay.tdsync").path
    other.db.close()


@pytest.mark.parametrize("rechain", [False, True], ids=["only-its-hash", "whole-chain-rehashed"])
def test_a_relay_cannot_alter_another_devices_events(
    office: Node,
    laptop: Node,
    relayed: tuple[Node, Path],
    tmp_path: Path,
    rechain: bool,
) -> None:
    """The office signs the manifest, but laptop A's events are vouched for by A's own
    signed chain head: rehashing one breaks the link to the next, rehashing the rest
    no longer matches A's head."""
    other, relay = relayed
    parts = forge.open_parts(relay, other.keys)
    events = parts.event_list()
    mine = [i for i, e in enumerate(events) if e.device_id == laptop.id]
    middle = len(mine) // 2
    assert 0 < middle < len(mine) - 1
    target = mine[middle]
    payload = events[target].payload | {"description": "已被篡改的描述"}
    events[target] = replace(events[target], payload=payload).sealed()
    if rechain:
        run = forge.rechain([events[i] for i in mine], middle)
        for i, event in zip(mine, run, strict=True):
            events[i] = event
    parts.set_events(events)
    forge.resign(parts, office.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(other))
    error = refused(other, source, "sync_bad_signature" if rechain else "sync_damaged")
    if rechain:
        assert "青石村网格终端" in str(error)  # A is named, not the office that relayed
    else:
        assert "chain" in str(error)
    assert other.import_file(relay).preview["new_events"] >= 3  # the genuine file goes in


# -- devices --------------------------------------------------------------------------------


def copy_node(node: Node, folder: Path, password: str) -> Node:
    """A consistent copy of a device (database, key file, evidence), opened."""
    folder.mkdir(parents=True)
    target = folder / node.path.name
    backup(node.db, target, node.keys.database_key)  # a laptop's copy stays encrypted
    shutil.copy2(key_file_beside(node.path), key_file_beside(target))
    if node.blobs.folder.exists():
        shutil.copytree(node.blobs.folder, folder / "blobs")
    return open_node(target, password)


def test_a_file_from_a_device_enrolled_elsewhere_is_refused(office: Node, tmp_path: Path) -> None:
    """An old copy of the office that never saw the laptop's enrolment."""
    old = copy_node(office, tmp_path / "old-office", OFFICE_PASSWORD)
    try:
        laptop = enrol_laptop(office, tmp_path / "laptop-x", "青石村三号终端")
        laptop.report("乱停乱放")
        up = laptop.export_to(office, tmp_path / "up.tdsync").path
        laptop.db.close()
        refused(old, up, "sync_unknown_device")
    finally:
        old.db.close()


def test_a_file_signed_by_an_unknown_device_is_refused(
    office: Node, upload: Path, tmp_path: Path
) -> None:
    stranger = DeviceKeys.generate("01900000-0000-7000-8000-000000000000")
    parts = genuine_parts(upload, office)
    parts.manifest["sender"] = stranger.device_id
    parts.manifest["sender_fingerprint"] = stranger.public.fingerprint
    forge.resign(parts, stranger)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    error = refused(office, source, "sync_unknown_device")
    assert stranger.public.fingerprint in str(error)


def test_events_of_an_unknown_device_are_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    """A known sender relaying a chain no enrolled device made."""
    stranger = DeviceKeys.generate("01900000-0000-7000-8000-000000000001")
    parts = genuine_parts(upload, office)
    events = parts.event_list()
    theirs = [replace(e, id=f"{e.id[:-4]}beef", device_id=stranger.device_id) for e in events[:1]]
    theirs = forge.rechain([replace(theirs[0], prev_hash="0" * 64)], 0)
    parts.set_events(events + theirs)
    parts.manifest["provides"][stranger.device_id] = [1, 1]
    parts.manifest["heads"].append(forge.signed_head(stranger, 1, theirs[0].hash))
    forge.resign(parts, laptop.keys)
    refused(
        office, forge.build(tmp_path / "x.tdsync", parts, recipients(office)), "sync_unknown_device"
    )


@pytest.mark.parametrize("exported", ["before", "after"])
def test_a_file_from_a_revoked_device_is_refused(
    office: Node, laptop: Node, tmp_path: Path, exported: str
) -> None:
    laptop.report("占道经营")
    up = tmp_path / "up.tdsync"
    if exported == "before":
        laptop.export_to(office, up)
    revoke_device(office.db, office.user("admin"), "青石村网格终端", "电脑丢失", wall=office.wall)
    if exported == "after":
        laptop.export_to(office, up)
    assert "青石村网格终端" in str(refused(office, up, "sync_device_revoked"))


@pytest.mark.parametrize("version", [2, 0, "1", None], ids=["2", "0", "text-1", "none"])
def test_an_unsupported_version_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, version: object
) -> None:
    parts = genuine_parts(upload, office)
    parts.manifest["version"] = version
    forge.resign(parts, laptop.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    error = refused(office, source, "sync_version_unsupported")
    assert "升级" in str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sender", ["a", "b"]),
        ("recipient", {"id": 1}),
        ("file_id", 7),
        ("provides", [[1, 3]]),
        ("provides", {"x": "1-3"}),
        ("provides", {"x": [1, "3"]}),
        ("have", [1]),
        ("have", {"x": "7"}),
        ("heads", {"a": 1}),
        ("events", "3"),
        ("events_sha256", None),
        ("blobs", ["x"]),
        ("blobs", {"x": {"size": "1"}}),
        ("heads", ["x"]),
        ("township", None),
    ],
)
@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "signed-by-sender"])
def test_a_manifest_of_the_wrong_shape_is_damage(
    office: Node,
    laptop: Node,
    upload: Path,
    tmp_path: Path,
    field: str,
    value: object,
    signed: bool,
) -> None:
    """Whoever wrote it, a malformed manifest is refused, never a crash: as damaged when
    its sender signed it; unsigned, the signature is checked first (the sender's name is
    the one field read before it, so a malformed one is damage)."""
    parts = genuine_parts(upload, office)
    if signed:
        forge.resign(parts, laptop.keys)
    parts.manifest[field] = value
    if signed:
        forge.sign(parts, laptop.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    if signed or field == "sender":
        assert "manifest" in str(refused(office, source, "sync_damaged"))
    else:
        assert "青石村网格终端" in str(refused(office, source, "sync_bad_signature"))


# -- members --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("../evil.txt", "sync_unsafe_member"),
        ("blobs/../../evil", "sync_unsafe_member"),
        ("/etc/cron.d/evil", "sync_unsafe_member"),
        ("\\windows\\evil", "sync_unsafe_member"),
        ("blobs\\..\\evil", "sync_unsafe_member"),
        ("C:evil.exe", "sync_unsafe_member"),
        ("notes.txt", "sync_unexpected_member"),
        ("blobs/" + "A" * 64, "sync_unexpected_member"),
        ("blobs/" + "a" * 63, "sync_unexpected_member"),
        ("blobs/" + "a" * 64 + "/x", "sync_unexpected_member"),
        ("manifest.json", "sync_damaged"),
        (EVENTS, "sync_damaged"),
    ],
)
def test_an_unsafe_or_unexpected_member_is_refused(
    office: Node, upload: Path, tmp_path: Path, name: str, code: str
) -> None:
    parts = genuine_parts(upload, office)
    parts.extra.append(Member(name, b"{}"))
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    error = refused(office, source, code)
    if code != "sync_damaged":
        assert name in str(error)


@pytest.mark.parametrize(
    "limits",
    [
        {"member_bytes": BIG_PHOTO // 2},
        {"members": 4},
        {"total_bytes": BIG_PHOTO},
        {"events_bytes": 100},
    ],
    ids=["member-too-large", "too-many-members", "too-large-in-all", "events-too-large"],
)
def test_limits_are_enforced_before_reading(
    office: Node, upload: Path, limits: dict[str, int]
) -> None:
    with small_limits(**limits):
        refused(office, upload, "sync_limits")


@pytest.mark.parametrize("member", ["blob", EVENTS])
def test_a_zip_bomb_is_refused_by_its_compression_ratio(
    office: Node, upload: Path, tmp_path: Path, member: str
) -> None:
    """4 MB of zeros deflate to about 4 KB: beyond the real default ratio of 200."""
    parts = genuine_parts(upload, office)
    zeros = bytes(4 * 1024 * 1024)
    if member == "blob":
        sha = hashlib.sha256(zeros).hexdigest()
        parts.extra.append(Member(f"blobs/{sha}", zeros, zipfile.ZIP_DEFLATED))
    else:
        parts.events = parts.events + zeros
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert source.stat().st_size < 200_000
    error = refused(office, source, "sync_limits")
    assert "compression ratio" in str(error)


def _central_entry(data: bytes, name: str) -> int:
    """Offset of ``name``'s central directory record in a zip."""
    start = 0
    while (start := data.find(b"PK\x01\x02", start + 1)) != -1:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name.encode():
            return start
    raise KeyError(name)


def _local_entry(data: bytes, central: int) -> int:
    return struct.unpack_from("<I", data, central + 42)[0]


@pytest.mark.parametrize("lie", ["size", "method", "encrypted", "crc"])
def test_a_member_whose_header_lies_is_refused(
    office: Node, upload: Path, tmp_path: Path, lie: str
) -> None:
    """Headers a hand-made zip can carry: a size smaller than the data, an unknown
    compression method, the encrypted flag, a wrong checksum."""
    parts = genuine_parts(upload, office)
    plain = bytearray(forge.zip_bytes(parts.members()))
    central = _central_entry(bytes(plain), EVENTS)
    local = _local_entry(bytes(plain), central)
    if lie == "size":
        struct.pack_into("<I", plain, central + 24, 10)
        struct.pack_into("<I", plain, local + 22, 10)
    elif lie == "method":
        struct.pack_into("<H", plain, central + 10, 99)
        struct.pack_into("<H", plain, local + 8, 99)
    elif lie == "encrypted":
        for offset in (central + 8, local + 6):
            struct.pack_into("<H", plain, offset, struct.unpack_from("<H", plain, offset)[0] | 1)
    else:
        struct.pack_into("<I", plain, central + 16, 12345)
        struct.pack_into("<I", plain, local + 14, 12345)
    source = forge.encrypt(tmp_path / "x.tdsync", bytes(plain), recipients(office))
    unsupported = lie in ("method", "encrypted")
    refused(office, source, "sync_zip_unsupported" if unsupported else "sync_damaged")


# -- evidence -------------------------------------------------------------------------------


def test_a_listed_blob_missing_from_the_archive_is_refused(
    office: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    gone = sorted(parts.blobs)[0]
    del parts.blobs[gone]  # the signed manifest still lists it
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert gone[:12] in str(refused(office, source, "sync_blob_missing"))


def test_a_photo_neither_in_the_file_nor_here_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    gone = sorted(parts.blobs)[0]
    del parts.blobs[gone]
    del parts.manifest["blobs"][gone]
    forge.resign(parts, laptop.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert gone[:12] in str(refused(office, source, "sync_blob_missing"))


def test_a_photo_already_here_need_not_travel(
    office: Node, laptop: Node, upload: Path, tmp_path: Path
) -> None:
    """The control for the test above: the receiver holds the photo, so the file may omit it."""
    office.report("同一张照片的另一起案件", jpeg(tmp_path / "camera", "small.jpg"))
    parts = genuine_parts(upload, office)
    gone = next(sha for sha in parts.blobs if office.blobs.has(sha))
    del parts.blobs[gone]
    del parts.manifest["blobs"][gone]
    forge.resign(parts, laptop.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert office.import_file(source).preview["new_cases"] == 3


def test_an_evidence_file_the_manifest_does_not_list_is_unexpected(
    office: Node, upload: Path, tmp_path: Path
) -> None:
    parts = genuine_parts(upload, office)
    extra = b"\xff\xd8\xff\xe1 not listed"
    sha = hashlib.sha256(extra).hexdigest()
    parts.blobs[sha] = extra
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert sha in str(refused(office, source, "sync_unexpected_member"))


@pytest.mark.parametrize("how", ["content", "size"])
def test_an_evidence_file_that_is_not_what_its_name_says_is_refused(
    office: Node, laptop: Node, upload: Path, tmp_path: Path, how: str
) -> None:
    parts = genuine_parts(upload, office)
    sha = sorted(parts.blobs)[0]
    if how == "content":
        parts.blobs[sha] = parts.blobs[sha][:-1] + b"!"
    else:
        parts.manifest["blobs"][sha]["size"] += 1
        forge.resign(parts, laptop.keys)
    source = forge.build(tmp_path / "x.tdsync", parts, recipients(office))
    assert "evidence" in str(refused(office, source, "sync_damaged"))


# -- disk full ------------------------------------------------------------------------------


def disk_full_from_the_second_fsync(patch: pytest.MonkeyPatch) -> list[int]:
    """``os.fsync`` finds the disk full from its second call on (counted in each process
    on its own: a forked child counts its own); the count of this process's, as it goes."""
    calls = [0]
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls[0] += 1
        if calls[0] >= 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    patch.setattr(os, "fsync", fsync)
    return calls


def test_disk_full_while_storing_evidence(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        calls = disk_full_from_the_second_fsync(patch)
        refused(office, upload, "disk_full", verify=False, blobs_may_grow=True)
    # the disk filled at the second fsync; the other file, written at the same time
    # (BlobStore.put_all), may still have synced its folder before the refusal
    assert calls[0] in (2, 3)
    after = office.import_file(upload).preview  # room again: it goes in, evidence and all
    assert (after["new_cases"], after["new_evidence"]) == (3, 2)


def test_disk_full_while_decrypting(
    office: Node, upload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder of the sealed spool is full (its file is /dev/full)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    monkeypatch.setattr(spool.tempfile, "TemporaryFile", lambda dir=None: open("/dev/full", "w+b"))  # noqa: SIM115
    refused(office, upload, "disk_full")


def test_disk_full_while_writing_the_database(office: Node, upload: Path) -> None:
    """SQLite reports a full disk when the file may not grow (here: max_page_count)."""
    office.db.execute("VACUUM")  # no free pages left to write into: the file must grow
    pages = office.db.execute("PRAGMA page_count").fetchone()[0]
    office.db.execute(f"PRAGMA max_page_count = {pages}")
    refused(office, upload, "disk_full", verify=False, blobs_may_grow=True)
    office.db.execute("PRAGMA max_page_count = 1073741823")
    after = office.import_file(upload).preview
    assert (after["new_cases"], after["new_evidence"]) == (3, 2)


# -- a (device, seq) seen again with another hash -------------------------------------------


def test_a_reused_sequence_number_is_quarantined_not_applied(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    """The laptop is restored from a backup and reuses sequence numbers the office has
    already seen with other events: those are quarantined and reported, never applied,
    and the chain heads the office relays stay those of the real chain."""
    laptop.report("占道经营")
    office.import_file(laptop.export_to(office, tmp_path / "1.tdsync").path)
    restored = copy_node(laptop, tmp_path / "restored", LAPTOP_PASSWORD)
    try:
        real = laptop.report("真实记录：噪音扰民")
        office.import_file(laptop.export_to(office, tmp_path / "2.tdsync").path)
        fork = [restored.report("备份上的记录：垃圾堆放"), restored.report("备份上的第二条")]
        forked = restored.export_to(office, tmp_path / "fork.tdsync").path
    finally:
        restored.db.close()

    local_tables = {"quarantine", "sync_files", "peer_has"}
    before = full_dump(office.db)
    summary = office.import_file(forked).preview
    assert (summary["quarantined"], summary["held_back"], summary["new_events"]) == (1, 1, 0)
    after = full_dump(office.db)
    assert {k: v for k, v in after.items() if k not in local_tables} == {
        k: v for k, v in before.items() if k not in local_tables
    }
    rows = office.db.execute(
        "SELECT device_id, device_seq, reason, body FROM quarantine"
    ).fetchall()
    assert len(rows) == 1
    device_id, seq, reason, body = rows[0]
    assert (device_id, reason) == (laptop.id, "seq_reused")
    assert "备份上的记录" in body
    held = office.db.execute(
        "SELECT hash FROM events WHERE device_id = ? AND device_seq = ?", [device_id, seq]
    ).fetchone()[0]
    assert held not in body  # the office keeps its own event at that seq
    assert office.db.execute("SELECT description FROM cases WHERE id = ?", [real.id]).fetchone()
    assert not office.db.execute(
        "SELECT 1 FROM cases WHERE id IN (?, ?) OR description LIKE '备份上%'",
        [fork[0].id, fork[1].id],
    ).fetchone()
    # importing the fork again changes nothing, and the real chain still travels on
    assert office.import_file(forked).preview["already_imported"] is True
    laptop.report("真实记录：第三条")
    office.import_file(laptop.export_to(office, tmp_path / "3.tdsync").path)
    other = enrol_laptop(office, tmp_path / "b", "青石村二号终端")
    try:
        assert (
            other.db.execute(
                "SELECT count(*) FROM cases WHERE description LIKE '真实记录%'"
            ).fetchone()[0]
            == 2
        )
        assert not other.db.execute(
            "SELECT 1 FROM cases WHERE description LIKE '备份上%'"
        ).fetchone()
    finally:
        other.db.close()


# -- keys -----------------------------------------------------------------------------------


def test_a_wrong_key_password_is_refused(office: Node) -> None:
    before = full_dump(office.db)
    key_file = key_file_beside(office.path).read_bytes()
    with pytest.raises(DomainError) as error:
        unlock(office.db, office.path, "not-the-password", CHEAP, wall=office.wall)
    assert error.value.code == "key_password_wrong"
    assert CLASS_WORDS["key_password_wrong"] in str(error.value)
    assert full_dump(office.db) == before
    assert key_file_beside(office.path).read_bytes() == key_file


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "empty", "other-format", "another-devices-file"]
)
def test_a_damaged_key_file_is_refused(office: Node, laptop: Node, damage: str) -> None:
    key_file = key_file_beside(office.path)
    data = key_file.read_bytes()
    if damage == "garbage":
        key_file.write_bytes(random.Random(1).randbytes(300))
    elif damage == "truncated":
        key_file.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        key_file.write_bytes(b"")
    elif damage == "other-format":
        key_file.write_bytes(b'{"format": "something", "label": "x"}')
    else:
        shutil.copy2(key_file_beside(laptop.path), key_file)
    before = full_dump(office.db)
    password = LAPTOP_PASSWORD if damage == "another-devices-file" else OFFICE_PASSWORD
    with pytest.raises(DomainError) as error:
        unlock(office.db, office.path, password, CHEAP, wall=office.wall)
    assert error.value.code == "key_file_damaged"
    assert CLASS_WORDS["key_file_damaged"] in str(error.value)
    assert full_dump(office.db) == before


def test_a_missing_key_file_is_named_and_not_remade(office: Node) -> None:
    """The office has its keys already: a lost key file must not silently become new keys."""
    key_file_beside(office.path).unlink()
    before = full_dump(office.db)
    with pytest.raises(DomainError) as error:
        unlock(office.db, office.path, OFFICE_PASSWORD, CHEAP, wall=office.wall)
    assert error.value.code == "key_file_missing"
    assert not key_file_beside(office.path).exists()
    assert full_dump(office.db) == before
