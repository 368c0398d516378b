"""The demo's police-transfer materials (order 310 art. 6): an investigation report and a
list of items involved per category that may be a crime, as small PDFs made here, the same
for every seed and build, stored once like the photos (photos.py)."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from sqlite_utils import Database

from app.store.blobs import BlobStore
from app.store.demo import notes
from app.store.demo.photos import Photo

MEDIA_TYPE = "application/pdf"
KINDS = {"report": "调查报告", "items": "涉案物品清单"}


@lru_cache(maxsize=64)
def material(category: str, kind: str) -> Photo:
    """A one-page PDF naming the category and the document; its text is never shown (a
    PDF's inside is not rendered by TownDesk), only its name, kind and hash."""
    body = f"BT /F1 12 Tf 72 720 Td (QS {category} {kind}) Tj ET".encode()
    data = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> "
        b"endobj\n4 0 obj << /Length "
        + str(len(body)).encode()
        + b" >> stream\n"
        + body
        + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    return Photo(hashlib.sha256(data).hexdigest(), data)


def file_name(category: str, kind: str) -> str:
    return f"{notes.POLICE_OFFENCES[category][0]}{KINDS[kind]}.pdf"


def all_materials() -> list[Photo]:
    return [material(c, k) for c in sorted(notes.POLICE_OFFENCES) for k in KINDS]


def record(db: Database) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO blobs (sha256, size, media_type) VALUES (?, ?, ?)",
        [(m.sha256, len(m.data), MEDIA_TYPE) for m in all_materials()],
    )


def write_files(blobs: BlobStore) -> None:
    for item in all_materials():
        blobs.put_bytes(item.sha256, item.data)


def request_parts(category: str) -> tuple[tuple[dict[str, str], ...], tuple[dict[str, str], ...]]:
    """(the files the request attaches, its attachments with their kinds)."""
    files = tuple(
        {"sha256": material(category, k).sha256, "file_name": file_name(category, k)} for k in KINDS
    )
    kinds = tuple({"sha256": f["sha256"], "kind": k} for f, k in zip(files, KINDS, strict=True))
    return files, kinds
