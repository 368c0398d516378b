"""The materials of a police transfer (order 310 art. 6) as small files a test attaches, and
the request-then-approval that sends a case to the police now."""

from __future__ import annotations

from pathlib import Path

from app.store.blobs import file_sha256

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def materials(folder: Path, *kinds: str) -> tuple[list[Path], tuple[dict[str, str], ...]]:
    """One small PDF per kind (default: the investigation report and the list of items),
    each different, and the attachments that name them."""
    folder.mkdir(parents=True, exist_ok=True)
    files, attached = [], []
    for i, kind in enumerate(kinds or ("report", "items")):
        path = folder / f"{kind}-{i}.pdf"
        path.write_bytes(PDF.replace(b"<< >> endobj", f"<< /N {i} /K ({kind}) >> endobj".encode()))
        files.append(path)
        attached.append({"sha256": file_sha256(path), "kind": kind})
    return files, tuple(attached)
