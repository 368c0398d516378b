"""Evidence files travel between an encrypted field laptop and a plain office PC in both
directions: the sync file carries the plaintext (the file itself is encrypted in transit),
and each receiving store writes the file in its own mode."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store.blob_cipher import MAGIC
from app.store.devices import revoke_device
from app.sync.carry_over import carry_over
from app.sync.integrity import verify_everything
from tests.sync.conftest import Node, enrol_laptop, jpeg

MARK = b"EXIF 2026:11:26 14:05 QINGSHI-CROSSROADS-MARK"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def photo_of(node: Node, folder: Path, description: str) -> bytes:
    """A report with a photo whose bytes end with ``MARK`` and the description's hash."""
    tail = MARK + sha(description.encode()).encode()
    path = jpeg(folder, body=tail)
    node.report(description, path)
    return path.read_bytes()


def stored_files(node: Node) -> list[Path]:
    return sorted(p for p in node.blobs.folder.rglob("*") if p.is_file())


def test_a_laptops_evidence_is_encrypted_and_arrives_plain_at_a_plain_office(
    laptop: Node, office: Node, tmp_path: Path
) -> None:
    assert laptop.blobs.encrypted and not office.blobs.encrypted
    photo = photo_of(laptop, tmp_path / "camera", "青石村路口占道经营")
    on_laptop = laptop.blobs.path(sha(photo)).read_bytes()
    assert on_laptop.startswith(MAGIC) and MARK not in on_laptop
    assert all(MARK not in p.read_bytes() for p in stored_files(laptop))

    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)

    assert office.blobs.path(sha(photo)).read_bytes() == photo  # plain, as the office keeps
    assert office.blobs.read_bytes(sha(photo)) == photo


def test_the_offices_plain_evidence_arrives_encrypted_on_a_laptop(
    laptop: Node, office: Node, tmp_path: Path
) -> None:
    photo = photo_of(office, tmp_path / "camera", "青石村村口流动摊贩")
    assert office.blobs.path(sha(photo)).read_bytes() == photo
    assert not laptop.blobs.has(sha(photo))

    laptop.import_file(office.export_to(laptop, tmp_path / "down.tdsync").path)

    assert laptop.blobs.has(sha(photo))
    on_laptop = laptop.blobs.path(sha(photo)).read_bytes()
    assert on_laptop.startswith(MAGIC) and MARK not in on_laptop
    assert laptop.blobs.read_bytes(sha(photo)) == photo


def test_a_changed_encrypted_file_stops_the_export_in_plain_words(
    laptop: Node, office: Node, tmp_path: Path
) -> None:
    photo = photo_of(laptop, tmp_path / "camera", "青石村河道垃圾")
    path = laptop.blobs.path(sha(photo))
    data = bytearray(path.read_bytes())
    data[40] ^= 1
    path.write_bytes(bytes(data))
    target = tmp_path / "up.tdsync"
    with pytest.raises(DomainError) as refused:
        laptop.export_to(office, target)
    assert refused.value.code == "evidence_file_damaged"
    assert not target.exists() and not list(tmp_path.glob("up.tdsync*"))


def test_the_data_check_reads_encrypted_and_plain_evidence(
    laptop: Node, office: Node, tmp_path: Path
) -> None:
    photo = photo_of(laptop, tmp_path / "camera", "青石村夜间施工噪声")
    office.import_file(laptop.export_to(office, tmp_path / "up.tdsync").path)
    problems = verify_everything(office.db, office.blobs).problems
    assert not [p for p in problems if "证据文件" in p]
    plain = office.blobs.path(sha(photo))
    plain.write_bytes(plain.read_bytes()[:-1] + b"!")
    assert f"证据文件已被改动（内容与哈希不符）：{sha(photo)}" in (
        verify_everything(office.db, office.blobs).problems
    )


def test_carried_over_evidence_is_encrypted_under_the_new_laptops_key(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    photo = photo_of(laptop, tmp_path / "camera", "青石村门口堆放杂物")
    revoke_device(office.db, office.user("admin"), laptop.id, "换机", wall=office.wall)
    fresh = enrol_laptop(office, tmp_path / "fresh", "青石村网格终端二")
    carried = carry_over(laptop.db, laptop.blobs, fresh.db, fresh.blobs, wall=fresh.wall)
    assert len(carried.cases) == 1
    old_file = laptop.blobs.path(sha(photo)).read_bytes()
    new_file = fresh.blobs.path(sha(photo)).read_bytes()
    assert new_file.startswith(MAGIC) and MARK not in new_file
    assert new_file[8:24] != old_file[8:24]  # written anew, with its own salt
    assert fresh.blobs.read_bytes(sha(photo)) == photo
