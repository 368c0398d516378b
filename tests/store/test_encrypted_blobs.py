"""Evidence files encrypted at rest beside an encrypted database (store/blob_cipher.py):
named by the plaintext's SHA-256 as before, unreadable without the key, and any change,
cut or swap refused in plain words; a plain store keeps plain files."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tracemalloc
from pathlib import Path

import pytest

from app.core.errors import DomainError
from app.store import evidence_copies
from app.store.blob_cipher import CHUNK, HEADER, MAGIC, TAG, plain_size
from app.store.blobs import INCOMING, BlobStore, Sealed
from app.store.encryption import DatabaseFile
from app.store.evidence_copies import FOLDER_PREFIX, IN_USE, PlainCopies, sweep_plain_copies
from tests.images import TINY_JPEG, TINY_PDF

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
MARK = b"EXIF 2026:11:26 14:05 QINGSHI-VILLAGE-SECRET-MARK"
PHOTO = TINY_JPEG + MARK  # decodes; the mark is what must never be on the disk


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source(tmp_path: Path, data: bytes = PHOTO, name: str = "现场.jpg") -> Path:
    folder = tmp_path / "camera"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.fixture
def sealed(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", KEY)


def stored_bytes(store: BlobStore) -> list[bytes]:
    return [p.read_bytes() for p in sorted(store.folder.rglob("*")) if p.is_file()]


def test_a_store_beside_an_encrypted_database_gets_its_key(tmp_path: Path) -> None:
    assert BlobStore.beside(DatabaseFile(tmp_path / "t.sqlite3", KEY)).encrypted
    assert not BlobStore.beside(DatabaseFile(tmp_path / "t.sqlite3")).encrypted
    assert not BlobStore.beside(tmp_path / "t.sqlite3").encrypted
    assert BlobStore.beside(tmp_path / "t.sqlite3").folder == tmp_path / "blobs"


def test_a_photo_is_stored_encrypted_under_its_plaintext_hash(
    sealed: BlobStore, tmp_path: Path
) -> None:
    stored = sealed.put_photo(source(tmp_path))
    assert stored.sha256 == sha(PHOTO)
    assert stored.size == len(PHOTO)
    on_disk = sealed.path(sha(PHOTO)).read_bytes()
    assert on_disk.startswith(MAGIC)
    assert MARK not in on_disk and TINY_JPEG[:200] not in on_disk
    # one chunk: header (8 + 16) + the photo + one tag
    assert len(on_disk) == 24 + len(PHOTO) + 16
    assert sealed.is_sealed(stored.sha256)
    assert sealed.read_bytes(stored.sha256) == PHOTO
    assert sealed.size(stored.sha256) == len(PHOTO)
    assert sealed.content_sha256(stored.sha256) == stored.sha256
    assert stat.S_IMODE(sealed.path(stored.sha256).stat().st_mode) == 0o600


def test_the_same_photo_twice_is_stored_once_and_each_file_has_its_own_salt(
    sealed: BlobStore, tmp_path: Path
) -> None:
    first = sealed.put_photo(source(tmp_path))
    written = sealed.path(first.sha256).read_bytes()
    sealed.put_photo(source(tmp_path, name="again.jpg"))
    assert stored_bytes(sealed) == [written]  # kept as it was, not written twice
    other = BlobStore(sealed.folder.parent / "other", KEY)
    other.put_bytes(first.sha256, PHOTO)
    # the same plaintext and key: another random salt, so other bytes on the disk
    assert other.path(first.sha256).read_bytes()[8:24] != written[8:24]
    assert other.path(first.sha256).read_bytes()[24:] != written[24:]


def test_a_plain_store_keeps_plain_files(tmp_path: Path) -> None:
    plain = BlobStore(tmp_path / "blobs")
    stored = plain.put_photo(source(tmp_path))
    assert plain.path(stored.sha256).read_bytes() == PHOTO
    assert not plain.is_sealed(stored.sha256)
    assert plain.read_bytes(stored.sha256) == PHOTO
    assert plain.size(stored.sha256) == len(PHOTO)


def test_a_large_file_is_cut_into_chunks_and_read_back_whole(sealed: BlobStore) -> None:
    data = os.urandom(200_000)  # three whole 64 KiB chunks and 3,392 bytes
    sealed.put_bytes(sha(data), data)
    path = sealed.path(sha(data))
    assert path.stat().st_size == 24 + 200_000 + 4 * 16
    assert sealed.size(sha(data)) == 200_000
    with sealed.open(sha(data)) as stream:
        parts = [stream.read(10_000) for _ in range(21)]
    assert b"".join(parts) == data
    assert sealed.content_sha256(sha(data)) == sha(data)


@pytest.mark.parametrize(
    ("plain", "chunks"), [(0, 1), (1, 1), (CHUNK, 1), (CHUNK + 1, 2), (2 * CHUNK, 2)]
)
def test_the_plaintext_size_follows_from_the_file_size(
    sealed: BlobStore, plain: int, chunks: int
) -> None:
    data = b"x" * plain
    sealed.put_bytes(sha(data), data)
    assert sealed.path(sha(data)).stat().st_size == HEADER + plain + chunks * TAG
    assert plain_size(HEADER + plain + chunks * TAG) == plain
    assert sealed.read_bytes(sha(data)) == data


def damage(store: BlobStore, sha256: str, change) -> None:
    path = store.path(sha256)
    path.write_bytes(change(path.read_bytes()))


def flip(at: int):
    return lambda data: data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


@pytest.mark.parametrize(
    "change",
    [
        flip(30),  # inside the first chunk
        flip(HEADER + CHUNK + TAG + 5),  # inside the second
        flip(10),  # the salt: another file key
        flip(-1),  # the last chunk's tag
        lambda data: data[:-1],  # cut short
        lambda data: data[: HEADER + CHUNK + TAG],  # the last chunk dropped
        lambda data: data[:HEADER],  # only the header left
        lambda data: data[:5],  # not even the header
        lambda data: data + b"\x00" * 16,  # something added at the end
    ],
)
def test_a_changed_or_cut_encrypted_file_is_refused_in_plain_words(
    sealed: BlobStore, change
) -> None:
    data = os.urandom(CHUNK + 1000)
    sealed.put_bytes(sha(data), data)
    damage(sealed, sha(data), change)
    with pytest.raises(DomainError) as refused:
        sealed.read_bytes(sha(data))
    assert refused.value.code == "evidence_file_damaged"
    assert sha(data)[:12] in str(refused.value) and "已损坏或被改动" in str(refused.value)


def test_an_encrypted_file_cannot_be_passed_off_under_another_name(sealed: BlobStore) -> None:
    first, second = b"first photo" * 100, b"second photo" * 100
    sealed.put_bytes(sha(first), first)
    sealed.put_bytes(sha(second), second)
    sealed.path(sha(second)).write_bytes(sealed.path(sha(first)).read_bytes())
    with pytest.raises(DomainError, match="已损坏或被改动"):
        sealed.read_bytes(sha(second))


def test_another_key_reads_nothing(sealed: BlobStore) -> None:
    sealed.put_bytes(sha(PHOTO), PHOTO)
    with pytest.raises(DomainError, match="已损坏或被改动"):
        BlobStore(sealed.folder, OTHER_KEY).read_bytes(sha(PHOTO))


def test_an_encrypted_file_read_without_a_key_says_so(sealed: BlobStore) -> None:
    sealed.put_bytes(sha(PHOTO), PHOTO)
    with pytest.raises(DomainError) as refused:
        BlobStore(sealed.folder).read_bytes(sha(PHOTO))
    assert refused.value.code == "evidence_file_locked"
    assert "是加密的" in str(refused.value)


def test_a_missing_file_is_said_to_be_missing(sealed: BlobStore) -> None:
    with pytest.raises(DomainError) as refused:
        sealed.read_bytes(sha(b"never stored"))
    assert refused.value.code == "evidence_file_missing"


def test_a_photo_that_does_not_decode_is_refused_by_an_encrypted_store_too(
    sealed: BlobStore, tmp_path: Path
) -> None:
    broken = source(tmp_path, TINY_JPEG[: len(TINY_JPEG) // 2], "broken.jpg")
    with pytest.raises(DomainError) as refused:
        sealed.put_photo(broken)
    assert refused.value.code == "evidence_not_decodable"
    assert not sealed.folder.exists() or stored_bytes(sealed) == []


def test_a_pdf_is_checked_on_its_plaintext_and_stored_encrypted(
    sealed: BlobStore, tmp_path: Path
) -> None:
    stored = sealed.put_photo(source(tmp_path, TINY_PDF, "通知书.pdf"))
    assert stored.media_type == "application/pdf"
    assert b"%PDF" not in sealed.path(stored.sha256).read_bytes()
    assert sealed.read_bytes(stored.sha256) == TINY_PDF
    with pytest.raises(DomainError) as refused:
        sealed.put_photo(source(tmp_path, TINY_PDF[:-7], "cut.pdf"))  # no %%EOF
    assert refused.value.code == "evidence_pdf_damaged"


def test_a_plain_store_refuses_a_file_that_would_read_as_encrypted(tmp_path: Path) -> None:
    plain = BlobStore(tmp_path / "blobs")
    data = MAGIC + b"%PDF-1.4 a document that starts like an encrypted file %%EOF"
    with pytest.raises(DomainError) as refused:
        plain.put_bytes(sha(data), data)
    assert refused.value.code == "evidence_file_damaged"
    assert not plain.has(sha(data))


def test_encrypt_plain_encrypts_each_plain_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "blobs"
    plain = BlobStore(folder)
    photos = [PHOTO, TINY_JPEG + b"second", os.urandom(3 * CHUNK)]
    for data in photos:
        plain.put_bytes(sha(data), data)
    sealed = BlobStore(folder, KEY)
    assert sealed.plain_files() == sorted(sha(data) for data in photos)
    assert sealed.encrypt_plain() == Sealed(3, [])
    assert sealed.plain_files() == []
    for data in photos:
        assert sealed.is_sealed(sha(data))
        assert sealed.read_bytes(sha(data)) == data
    assert all(MARK not in stored for stored in stored_bytes(sealed))
    assert not list(folder.glob(INCOMING + "*"))
    assert sealed.encrypt_plain() == Sealed(0, [])  # nothing left to do


def test_an_interrupted_encryption_is_finished_by_running_again(tmp_path: Path) -> None:
    """A killed run leaves some files encrypted, the rest plain, and perhaps a half-written
    temporary copy; the store tells them apart by their first bytes."""
    folder = tmp_path / "blobs"
    sealed = BlobStore(folder, KEY)
    done = b"already encrypted" * 50
    sealed.put_bytes(sha(done), done)
    BlobStore(folder).put_bytes(sha(PHOTO), PHOTO)
    half = folder / f"{INCOMING}999999999-half"
    half.write_bytes(MAGIC + b"half")
    assert sealed.encrypt_plain() == Sealed(1, [])
    assert sealed.read_bytes(sha(done)) == done
    assert sealed.read_bytes(sha(PHOTO)) == PHOTO
    assert half.exists()  # not a stored file: the next opening's sweep removes it
    assert sealed.sweep_killed_writes() == 1


def test_a_damaged_plain_file_is_left_and_named_and_the_others_are_encrypted(
    tmp_path: Path,
) -> None:
    """An empty file and one holding other bytes than its name says are left plain and
    named, every run; the files after them in the folder are still encrypted."""
    folder = tmp_path / "blobs"
    plain = BlobStore(folder)
    for data in (PHOTO, TINY_PDF):
        plain.put_bytes(sha(data), data)
    empty, swapped = "0" * 64, "f" * 64
    for name, data in ((empty, b""), (swapped, b"not what the name says")):
        (folder / name[:2]).mkdir(exist_ok=True)
        (folder / name[:2] / name).write_bytes(data)
    sealed = BlobStore(folder, KEY)
    assert sealed.encrypt_plain() == Sealed(2, [empty, swapped])
    assert sealed.read_bytes(sha(PHOTO)) == PHOTO and sealed.is_sealed(sha(TINY_PDF))
    assert (folder / swapped[:2] / swapped).read_bytes() == b"not what the name says"
    assert sealed.encrypt_plain() == Sealed(0, [empty, swapped])
    assert not list(folder.rglob(INCOMING + "*"))


def test_encrypted_intake_refuses_a_file_a_plain_store_could_not_take(
    sealed: BlobStore, tmp_path: Path
) -> None:
    """A PDF may carry bytes before its header; one starting as an encrypted file does is
    refused at intake here too, or a plain office could never take it in by sync."""
    data = MAGIC + b"\n%PDF-1.4 a document that starts like an encrypted file\n%%EOF\n"
    with pytest.raises(DomainError) as refused:
        sealed.put_photo(source(tmp_path, data, "整改通知书.pdf"))
    assert refused.value.code == "evidence_file_damaged"
    assert not sealed.has(sha(data))


def test_a_plain_file_put_in_place_of_an_encrypted_one_is_not_served(
    sealed: BlobStore, tmp_path: Path
) -> None:
    """An encrypted store still reads the plain files ``towndesk encrypt`` has not reached,
    but only when they hold what their name says: a plain file written over an encrypted
    one is damage, read whole, as a stream or copied out for a reader."""
    stored = sealed.put_photo(source(tmp_path, TINY_PDF, "通知书.pdf"))
    sealed.path(stored.sha256).write_bytes(b"%PDF-1.4 forged\n%%EOF")
    with pytest.raises(DomainError) as refused:
        sealed.read_bytes(stored.sha256)
    assert refused.value.code == "evidence_file_damaged"
    with pytest.raises(DomainError):
        list(sealed.chunks(stored.sha256))
    (tmp_path / "tmp").mkdir()
    with pytest.raises(DomainError):
        PlainCopies(tmp_path / "tmp").write(sealed, stored.sha256, "通知书.pdf")
    sealed.path(stored.sha256).write_bytes(TINY_PDF)  # plain, and what it says: served
    assert sealed.read_bytes(stored.sha256) == TINY_PDF


def test_encrypt_plain_needs_a_key(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        BlobStore(tmp_path / "blobs").encrypt_plain()


def test_a_stored_file_is_written_out_for_a_reader_in_a_private_folder(
    sealed: BlobStore, tmp_path: Path
) -> None:
    stored = sealed.put_photo(source(tmp_path, TINY_PDF, "通知书.pdf"))
    copies = PlainCopies(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    copy = copies.write(sealed, stored.sha256, "通知书.pdf")
    assert copy.name == "通知书.pdf" and copy.read_bytes() == TINY_PDF
    assert copies.folder is not None
    assert copies.folder.name.startswith(f"{FOLDER_PREFIX}{os.getpid()}-")
    assert stat.S_IMODE(copies.folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert copies.write(sealed, stored.sha256, "通知书.pdf") == copy  # once
    copies.clear()
    assert not copy.exists() and not list((tmp_path / "tmp").iterdir())


def test_a_copy_named_nothing_takes_its_hash_and_a_full_disk_is_said(
    sealed: BlobStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recorded name of "..", "." or "" (an evidence record comes from peers too) names no
    file: the copy takes the hash. A full temporary folder is a plain refusal, no traceback,
    with no half copy left."""
    stored = sealed.put_photo(source(tmp_path, TINY_PDF, "通知书.pdf"))
    (tmp_path / "tmp").mkdir()
    copies = PlainCopies(tmp_path / "tmp")
    for name in ("..", ".", ""):
        assert copies.write(sealed, stored.sha256, name).name == stored.sha256
    copies.clear()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(evidence_copies.os, "replace", full)
    with pytest.raises(DomainError) as refused:
        copies.write(sealed, stored.sha256, "通知书.pdf")
    assert refused.value.code == "evidence_copy_failed"
    assert copies.folder is not None and not list(copies.folder.rglob("*.partial"))


def test_a_damaged_file_is_not_written_out_at_all(sealed: BlobStore, tmp_path: Path) -> None:
    data = os.urandom(2 * CHUNK)
    sealed.put_bytes(sha(data), data)
    damage(sealed, sha(data), lambda d: d[:-3])
    (tmp_path / "tmp").mkdir()
    copies = PlainCopies(tmp_path / "tmp")
    with pytest.raises(DomainError, match="已损坏或被改动"):
        copies.write(sealed, sha(data), "scan.pdf")
    assert copies.folder is not None
    assert [p.name for p in copies.folder.rglob("*") if p.is_file()] == [IN_USE]  # no copy


def test_copies_a_killed_window_left_are_swept_at_the_next_opening(tmp_path: Path) -> None:
    ours = tmp_path / f"{FOLDER_PREFIX}{os.getpid()}-abc"
    killed = tmp_path / f"{FOLDER_PREFIX}999999999-def"
    other = tmp_path / "towndesk-sync-1-x"  # not ours to judge
    for folder in (ours, killed, other):
        (folder / "a").mkdir(parents=True)
        (folder / "a" / "scan.pdf").write_bytes(TINY_PDF)
    assert sweep_plain_copies(tmp_path) == 1
    assert ours.exists() and other.exists() and not killed.exists()


def test_encrypting_holds_one_chunk_not_the_file(sealed: BlobStore) -> None:
    """A 20 MB photo is not held a second time while it is encrypted: beyond the bytes given,
    the writer holds a chunk or two (64 KiB each)."""
    data = os.urandom(8 * 1024 * 1024)
    tracemalloc.start()
    try:
        sealed.put_bytes(sha(data), data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, peak
    assert sealed.size(sha(data)) == len(data)
