"""Small real pictures and documents for evidence tests: evidence must decode (store/
evidence_files.py), so magic bytes alone no longer pass. Bytes after a JPEG's end marker are
ignored by decoders, so ``TINY_JPEG + anything`` is a distinct photo that still decodes."""

from __future__ import annotations

import io

from PIL import Image


def picture(kind: str = "JPEG", size: tuple[int, int] = (16, 12), shade: int = 90) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (shade, 120, 200)).save(out, kind)
    return out.getvalue()


TINY_JPEG = picture("JPEG")
TINY_PNG = picture("PNG")
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
