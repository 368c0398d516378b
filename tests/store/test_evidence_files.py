"""Evidence files: read once (hash and size of the same bytes), photos that decode, PDFs that
start and end as PDFs, and every refusal naming the file, storing nothing."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from app.core.errors import DomainError
from app.core.intake import FILE_NAME_LIMIT, IntakeRequest
from app.store import blobs as blobs_module
from app.store.blobs import BlobStore
from app.store.cases import register_case
from app.store.evidence_files import PIXEL_LIMIT
from app.store.reference import user_by_name
from tests.images import TINY_JPEG, TINY_PDF, TINY_PNG, picture
from tests.store.store_helpers import DEMO_NOW_MS, full_dump

NEXT_DAY = DEMO_NOW_MS + 86_400_000
REQUEST = IntakeRequest("0101", "G01", "青石村村口有流动摊贩占道经营", "青石村村口")


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def stored_files(store: BlobStore) -> list[Path]:
    if not store.folder.exists():
        return []
    return sorted(p for p in store.folder.rglob("*") if p.is_file())


def refused(store: BlobStore, source: Path, code: str) -> DomainError:
    with pytest.raises(DomainError) as caught:
        store.put_photo(source)
    assert caught.value.code == code
    assert source.name[:20] in str(caught.value)  # the message names the file
    assert stored_files(store) == []  # no copy, no half-written temporary file
    return caught.value


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a picture of ``width`` x ``height`` (a decompression bomb
    needs no more than that: a few hundred bytes decode to gigabytes)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("现场.jpg", TINY_JPEG, "image/jpeg"),
        ("现场.PNG", TINY_PNG, "image/png"),
        ("现场.webp", picture("WEBP"), "image/webp"),
        ("现场.bmp", picture("BMP"), "image/bmp"),
        ("通知书.pdf", TINY_PDF, "application/pdf"),
    ],
)
def test_photos_and_pdfs_are_stored_with_the_hash_and_size_of_their_bytes(
    tmp_path: Path, name: str, data: bytes, media_type: str
) -> None:
    store = BlobStore(tmp_path / "blobs")
    stored = store.put_photo(write(tmp_path, name, data))
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.size == len(data)
    assert stored.media_type == media_type
    assert store.path(stored.sha256).read_bytes() == data


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        (
            "magic-only.jpg",
            b"\xff\xd8\xff\xe0" + b"not really a photo" * 20,
            "evidence_not_decodable",
        ),
        ("truncated.jpg", picture("JPEG", (400, 300))[:600], "evidence_not_decodable"),
        (
            "bad-crc.png",
            TINY_PNG[:40] + bytes([TINY_PNG[40] ^ 0xFF]) + TINY_PNG[41:],
            "evidence_not_decodable",
        ),
        ("png-named.jpg", TINY_PNG, "photo_not_image"),
        ("scan.jpg", TINY_PDF, "photo_not_image"),
        ("huge.png", png_claiming(100_000, 100_000), "evidence_too_many_pixels"),
        ("big.png", png_claiming(9_000, 8_000), "evidence_too_many_pixels"),
        ("cut.pdf", TINY_PDF[: len(TINY_PDF) // 2], "evidence_pdf_damaged"),
        ("renamed.pdf", TINY_JPEG, "evidence_pdf_damaged"),
        ("iphone.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, "evidence_type_not_allowed"),
        ("tool.exe", b"MZ" + b"\x00" * 100, "evidence_type_not_allowed"),
        ("no-suffix", TINY_JPEG, "evidence_type_not_allowed"),
    ],
)
def test_what_is_not_a_whole_photo_or_pdf_is_refused_by_name(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    refused(BlobStore(tmp_path / "blobs"), write(tmp_path, name, data), code)


def test_the_pixel_limit_is_checked_before_decoding(tmp_path: Path) -> None:
    assert PIXEL_LIMIT < 9_000 * 8_000  # the case above: over the limit by its header alone
    error = refused(
        BlobStore(tmp_path / "blobs"),
        write(tmp_path, "big.png", png_claiming(9_000, 8_000)),
        "evidence_too_many_pixels",
    )
    assert "6000 万像素" in str(error)


def test_a_name_too_long_and_a_folder_are_refused(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    long_name = "a" * FILE_NAME_LIMIT + ".jpg"  # (Linux allows 255 bytes)
    with pytest.raises(DomainError) as caught:
        store.put_photo(write(tmp_path, long_name, TINY_JPEG))
    assert caught.value.code == "evidence_name_too_long"
    folder = tmp_path / "照片.jpg"
    folder.mkdir()
    refused(store, folder, "file_unreadable")


class _GrowingFile(io.BufferedReader):
    """A photo still being written by the camera's copy: once read to its end, more bytes
    arrive in the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(io.FileIO(path, "rb"))
        self.path, self.grown = path, False

    def read(self, size: Any = -1) -> bytes:
        chunk = super().read(size)
        if not chunk and not self.grown:  # the reader reached the end: now more arrives
            self.grown = True
            with open(self.path, "ab") as more:
                more.write(b"-still-arriving" * 100)
        return chunk


def test_a_file_growing_while_copied_is_recorded_as_the_bytes_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the size came from a second look at the file: it then differed from the bytes
    hashed, and two devices disagreed about the same evidence."""
    monkeypatch.setattr(blobs_module, "_CHUNK", 64)
    source = write(tmp_path, "arriving.jpg", TINY_JPEG)
    real_open = Path.open
    monkeypatch.setattr(
        Path,
        "open",
        lambda self, mode="r", *a, **k: (
            _GrowingFile(self)
            if self == source and mode == "rb"
            else real_open(self, mode, *a, **k)
        ),
    )
    store = BlobStore(tmp_path / "blobs")
    stored = store.put_photo(source)
    kept = store.path(stored.sha256).read_bytes()
    assert stored.size == len(kept)
    assert stored.sha256 == hashlib.sha256(kept).hexdigest()
    assert Image.open(io.BytesIO(kept)).size == (16, 12)


def test_a_registration_with_a_broken_photo_changes_nothing(demo_db, demo_path, tmp_path) -> None:
    store = BlobStore.beside(demo_path)
    clerk = user_by_name(demo_db, "clerk")
    good = write(tmp_path / "camera", "a.jpg", TINY_JPEG)
    broken = write(tmp_path / "camera", "b.jpg", b"\xff\xd8\xff\xe0" + b"x" * 400)
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as caught:
        register_case(demo_db, store, clerk, REQUEST, [good, broken], wall=lambda: NEXT_DAY)
    assert caught.value.code == "evidence_not_decodable"
    assert "b.jpg" in str(caught.value) and "没有保存" in str(caught.value)
    assert full_dump(demo_db) == before
