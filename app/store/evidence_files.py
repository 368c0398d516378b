"""What may be evidence, checked on the very bytes that are stored: photos that decode as
images of the kind their name says, and PDF documents that start and end as PDFs."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from app.core.errors import DomainError
from app.core.intake import FILE_NAME_LIMIT

# HEIC is not among the photos: no decoder ships with the program to check it (phones
# offer "most compatible", JPEG, for sharing).
PHOTO_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
}
DOCUMENT_TYPES = {".pdf": "application/pdf"}  # a scanned notice, a letter
EVIDENCE_TYPES = PHOTO_TYPES | DOCUMENT_TYPES
EVIDENCE_PATTERNS = " ".join(f"*{suffix}" for suffix in EVIDENCE_TYPES)  # file dialogs
PHOTO_LIMIT_MB = 40
# 60 million pixels: beyond any phone's usual photo (12-50 MP), about 180 MB decoded, which
# an office PC can spare for a moment; a "decompression bomb" claims far more.
PIXEL_LIMIT = 60_000_000
_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP", "image/bmp": "BMP"}


def check_evidence_name(source: Path) -> str:
    """The media type a file's name claims, if evidence may be of that type; refused before
    any copying when the name is too long, the type not allowed or the file too large. The
    content is checked on the copy (``check_content``)."""
    if len(source.name) > FILE_NAME_LIMIT:
        short = source.name[:40] + "…"
        raise DomainError("evidence_name_too_long", value=short, limit=FILE_NAME_LIMIT)
    if source.is_dir():
        raise DomainError("file_unreadable", value=str(source))
    if not source.is_file():
        raise DomainError("photo_missing", value=str(source))
    media_type = EVIDENCE_TYPES.get(source.suffix.lower())
    if media_type is None:
        raise DomainError("evidence_type_not_allowed", value=source.name)
    if source.stat().st_size > PHOTO_LIMIT_MB * 1024 * 1024:
        raise DomainError("photo_too_large", value=source.name, limit=PHOTO_LIMIT_MB)
    return media_type


Copied = Path | BinaryIO  # the stored copy, or its plaintext in memory (when encrypted)


def check_content(copied: Copied, media_type: str, name: str) -> None:
    """The copied bytes are what the name says: a PDF's start and end, or an image that
    Pillow opens as that format, verifies and decodes whole, under a pixel limit checked
    before decoding (a small file can claim a huge picture)."""
    if media_type == "application/pdf":
        _check_pdf(copied, name)
        return
    with _opened(copied) as data:
        head = data.read(16)
    if not _looks_like(media_type, head):
        raise DomainError("photo_not_image", value=name)
    _decode(copied, media_type, name)


@contextmanager
def _opened(copied: Copied) -> Iterator[BinaryIO]:
    """The copy from its start; a stream given is left open for the next look."""
    if isinstance(copied, Path):
        with copied.open("rb") as data:
            yield data
    else:
        copied.seek(0)
        yield copied


def _check_pdf(copied: Copied, name: str) -> None:
    """The header within the first KB and ``%%EOF`` in the last (ISO 32000 §7.5.2, §7.5.5):
    a truncated or renamed file fails; a PDF's inside is not parsed (it is never rendered)."""
    with _opened(copied) as data:
        head = data.read(1024)
        size = data.seek(0, 2)
        data.seek(max(0, size - 1024))
        tail = data.read()
    if b"%PDF-" not in head or b"%%EOF" not in tail:
        raise DomainError("evidence_pdf_damaged", value=name)


def _decode(copied: Copied, media_type: str, name: str) -> None:
    from PIL import Image  # here, not on import: the window's start-up does not need Pillow

    too_many = DomainError("evidence_too_many_pixels", value=name, limit=PIXEL_LIMIT // 10_000)
    formats = [_PIL_FORMATS[media_type]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with _opened(copied) as data, Image.open(data, formats=formats) as image:
                if image.width * image.height > PIXEL_LIMIT:
                    raise too_many
                image.verify()  # the structure, and PNG chunks' checksums
            with (
                _opened(copied) as data,
                Image.open(data, formats=formats) as image,  # verify() used it up
            ):
                image.load()  # every pixel: a truncated photo fails here
        except Image.DecompressionBombError as error:
            raise too_many from error
        except DomainError:
            raise
        except Exception as error:  # Pillow raises many kinds for a broken file
            raise DomainError("evidence_not_decodable", value=name) from error


def _looks_like(media_type: str, head: bytes) -> bool:
    """The first bytes agree with the file name: a renamed document is not a photo."""
    if media_type == "image/jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if media_type == "image/png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if media_type == "image/bmp":
        return head.startswith(b"BM")
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
