"""The case's photos and documents when the evidence files are encrypted at rest: photos
decoded from memory, a PDF handed to the system's reader as a plaintext copy in a private
folder that goes when the case's window closes, and a damaged file explained, never a
traceback.

The first test opens a real encrypted laptop's window; the others, on the plain demo
database for speed, give the session's evidence store a key as such a session has it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from app.core.intake import IntakeRequest
from app.core.model import Case
from app.store.blob_cipher import MAGIC
from app.store.blobs import BlobStore
from app.store.cases import register_case
from app.store.encryption import DatabaseFile
from app.store.evidence_copies import FOLDER_PREFIX, PlainCopies
from app.ui.case_detail import photos as photos_module
from tests.clock import frozen
from tests.images import TINY_PDF
from tests.sync import conftest as two_devices
from tests.sync.conftest import Node, jpeg
from tests.ui.conftest import open_window

office, laptop = two_devices.office, two_devices.laptop  # the demo office and a laptop

KEY = bytes(range(32))


@pytest.fixture
def sealed_window(qtbot, demo_path: Path, demo_db, tmp_path: Path):
    window = open_window(qtbot, demo_path, demo_db, "admin")
    window.session.blobs = BlobStore(window.session.blobs.folder, KEY)
    (tmp_path / "tmp").mkdir()
    window.session.evidence_copies = PlainCopies(tmp_path / "tmp")
    return window


def case_with(window, files: list[Path]) -> Case:
    ref = window.ref
    leaf = next(c.code for c in ref.categories.values() if c.is_leaf)
    request = IntakeRequest(leaf, next(iter(ref.grids)), "菜市场东口占道经营，附现场材料")
    return register_case(window.db, window.session.blobs, window.user, request, files, wall=frozen)


def evidence_sha(window, case: Case) -> str:
    row = window.db.execute("SELECT sha256 FROM case_evidence WHERE case_id = ?", [case.id])
    return row.fetchone()[0]


def test_an_encrypted_laptops_window_shows_its_encrypted_photo(
    qtbot, laptop: Node, tmp_path: Path
) -> None:
    photo = jpeg(tmp_path / "camera", body=b"EXIF QINGSHI-UI-MARK")
    case = laptop.report("青石村路口占道经营", photo)
    window = open_window(  # the window as the password dialog leaves it: with the key
        qtbot, DatabaseFile(laptop.path, laptop.keys.database_key), laptop.db, "clerk"
    )
    assert window.session.blobs.encrypted
    [stored] = [p for p in window.session.blobs.folder.rglob("*") if p.is_file()]
    assert stored.read_bytes().startswith(MAGIC)
    assert b"QINGSHI-UI-MARK" not in stored.read_bytes()
    detail = window.open_case(case)
    item = detail.photos.evidence.item(0)
    assert not item.icon().isNull()
    detail.photos.show_photo(item)
    assert detail.photos.image_viewer is not None
    assert not detail.photos.image_viewer.image_label.pixmap().isNull()
    detail.accept()


def test_an_encrypted_photo_is_shown_from_memory(sealed_window, photo: Path) -> None:
    case = case_with(sealed_window, [photo])
    sha256 = evidence_sha(sealed_window, case)
    on_disk = sealed_window.session.blobs.path(sha256).read_bytes()
    assert on_disk.startswith(MAGIC) and photo.read_bytes()[:64] not in on_disk
    detail = sealed_window.open_case(case)
    assert detail.photos.photo_count() == 1
    item = detail.photos.evidence.item(0)
    assert not item.icon().isNull()
    detail.photos.show_photo(item)
    assert detail.photos.image_viewer is not None
    assert not detail.photos.image_viewer.image_label.pixmap().isNull()
    detail.accept()


def test_a_pdf_opens_from_a_private_copy_removed_with_the_case_window(
    sealed_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "限期整改通知书.pdf"
    pdf.write_bytes(TINY_PDF)
    case = case_with(sealed_window, [pdf])
    opened: list[QUrl] = []
    monkeypatch.setattr(
        photos_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    detail = sealed_window.open_case(case)
    item = detail.photos.evidence.item(0)
    detail.photos.show_photo(item)
    [url] = opened
    copy = Path(url.toLocalFile())
    assert copy.name == "限期整改通知书.pdf" and copy.read_bytes() == TINY_PDF
    folder = sealed_window.session.evidence_copies.folder
    assert folder is not None and folder.name.startswith(FOLDER_PREFIX)
    assert copy.is_relative_to(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert detail.photos.image_viewer is None  # a document is not a photo
    detail.accept()
    assert copy.exists()  # the reader may still be loading it
    sealed_window.session.close()
    assert not copy.exists() and not folder.exists()


def test_a_damaged_encrypted_photo_is_explained_not_a_traceback(sealed_window, photo: Path) -> None:
    case = case_with(sealed_window, [photo])
    path = sealed_window.session.blobs.path(evidence_sha(sealed_window, case))
    data = bytearray(path.read_bytes())
    data[30] ^= 1
    path.write_bytes(bytes(data))
    detail = sealed_window.open_case(case)
    item = detail.photos.evidence.item(0)
    assert item.icon().isNull()  # no thumbnail; the list still opens
    detail.photos.show_photo(item)
    assert detail.photos.image_viewer is None
    [box] = detail.photos.findChildren(QMessageBox)
    assert "已损坏或被改动" in box.text()
    box.close()
    detail.accept()
