"""Registering a case (受理): first receiver, numbers, photos, and bad input changing nothing."""

from __future__ import annotations

import errno
import hashlib
import os
import re
from pathlib import Path

import pytest

from app.core.clock import local_text
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.store import blobs as blobs_module
from app.store.blobs import PHOTO_LIMIT_MB, BlobStore
from app.store.cases import (
    case_by_number,
    case_evidence,
    case_timeline,
    register_case,
    similar_recent_cases,
)
from app.store.eventlog import this_device
from app.store.reference import ReferenceData, user_by_name
from tests.images import TINY_JPEG, TINY_PNG
from tests.store.store_helpers import DEMO_NOW_MS, full_dump

REQUEST = IntakeRequest(
    "0101",
    "G01",
    "青石村村口有流动摊贩占道经营，影响行人通行",
    "青石村村口",
    reporter_name="张先生",
    reporter_phone="138 1234 5678",
)
NEXT_DAY = DEMO_NOW_MS + 86_400_000  # a day with no demo cases yet
JPEG = TINY_JPEG + bytes(range(256)) * 4


def photo(folder: Path, name: str, content: bytes = JPEG) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def blob_files(store: BlobStore) -> list[Path]:
    return (
        sorted(p for p in store.folder.rglob("*") if p.is_file()) if store.folder.exists() else []
    )


@pytest.fixture
def store(demo_path: Path) -> BlobStore:
    return BlobStore.beside(demo_path)


@pytest.mark.parametrize(
    ("username", "unit"),
    [("officer", "SCJG"), ("grid", "ZHB"), ("clerk", "ZHB"), ("officer_pcs", "PCS")],
)
def test_the_actors_unit_is_the_first_receiver(demo_db, store, username: str, unit: str) -> None:
    actor = user_by_name(demo_db, username)
    case = register_case(demo_db, store, actor, REQUEST, wall=lambda: NEXT_DAY)
    assert case.first_receiver_unit == actor.department_code == unit
    assert case.first_receiver_user_id == actor.id
    assert case.status.value == "pending_triage"
    assert case.received_at == local_text(NEXT_DAY)
    assert case.description == REQUEST.description
    assert case.reporter.phone == "13812345678"  # stored without spaces


def test_numbers_count_up_per_day_and_device(demo_db, store) -> None:
    clerk = user_by_name(demo_db, "clerk")
    code = this_device(demo_db).code
    day = local_text(NEXT_DAY)[:10]
    pattern = re.compile(rf"QS-{day.replace('-', '')}-{code}(\d{{4}})")
    numbers = [
        register_case(demo_db, store, clerk, REQUEST, wall=lambda i=i: NEXT_DAY + i * 60_000).number
        for i in range(3)
    ]
    assert [int(pattern.fullmatch(n).group(1)) for n in numbers] == [1, 2, 3]
    # the next day starts again at 0001
    tomorrow = register_case(demo_db, store, clerk, REQUEST, wall=lambda: NEXT_DAY + 86_400_000)
    assert tomorrow.number.endswith(f"{code}0001")
    assert tomorrow.number != numbers[0]


def test_a_day_with_demo_cases_continues_after_them(demo_db, store) -> None:
    clerk = user_by_name(demo_db, "clerk")
    last = demo_db.execute("SELECT max(received_at) FROM cases").fetchone()[0]
    day = last[:10]
    existing = [
        r[0]
        for r in demo_db.execute("SELECT number FROM cases WHERE received_at LIKE ?", [day + "%"])
    ]
    assert existing
    case = register_case(demo_db, store, clerk, REQUEST, wall=lambda: DEMO_NOW_MS)
    assert case.received_at[:10] == day
    assert int(case.number[-4:]) == len(existing) + 1
    assert case.number not in existing


def test_numbering_ignores_a_device_whose_code_extends_ours(small_db, tmp_path: Path) -> None:
    from app.core.events import Event, EventType
    from app.store.cases import case_payload, check_intake
    from app.store.database import write_transaction
    from app.store.eventlog import insert_event, new_id
    from app.store.projections.table import apply_event

    code = this_device(small_db).code
    clerk = user_by_name(small_db, "clerk")
    day = local_text(NEXT_DAY)[:10]
    foreign = f"QS-{day.replace('-', '')}-{code}X0001"  # a laptop coded e.g. "LEX"
    payload = case_payload(
        check_intake(small_db, REQUEST), foreign, local_text(NEXT_DAY), "ZHB", [], reporter_ref=None
    )
    event = Event(
        new_id(),
        "laptop",
        1,
        (NEXT_DAY << 16),
        clerk.id,
        "case",
        new_id(),
        EventType.CASE_REGISTERED,
        payload,
        "0" * 64,
    ).sealed()
    with write_transaction(small_db):  # what a sync import will do
        insert_event(small_db, event)
        apply_event(small_db, event)
    case = register_case(
        small_db, BlobStore(tmp_path / "blobs"), clerk, REQUEST, wall=lambda: NEXT_DAY + 1000
    )
    assert case.number == f"QS-{day.replace('-', '')}-{code}0001"


def test_photos_are_stored_content_addressed_with_original_bytes(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    first = photo(tmp_path / "camera", "IMG_0001.JPG")
    other = photo(tmp_path / "camera", "IMG_0002.png", TINY_PNG + b"x" * 5000)
    case = register_case(demo_db, store, clerk, REQUEST, [first, other], wall=lambda: NEXT_DAY)
    digests = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in (first, other)}
    assert set(case.photos) == set(digests)
    for digest, source in digests.items():
        stored = store.folder / digest[:2] / digest
        assert stored.read_bytes() == source.read_bytes()
    evidence = {e.sha256: e for e in case_evidence(demo_db, case.id)}
    assert evidence[hashlib.sha256(JPEG).hexdigest()].file_name == "IMG_0001.JPG"
    assert evidence[hashlib.sha256(JPEG).hexdigest()].media_type == "image/jpeg"
    assert evidence[hashlib.sha256(JPEG).hexdigest()].size == len(JPEG)
    assert case_by_number(demo_db, case.number).photos == case.photos
    timeline = case_timeline(demo_db, case.id)
    assert "照片 2 张" in timeline[0].detail
    assert not list(store.folder.glob(".incoming-*"))


def test_the_same_photo_in_two_cases_is_stored_once(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    a = photo(tmp_path / "phone", "a.jpg")
    b = photo(tmp_path / "laptop", "copy of a.jpeg")
    one = register_case(demo_db, store, clerk, REQUEST, [a], wall=lambda: NEXT_DAY)
    two = register_case(demo_db, store, clerk, REQUEST, [b], wall=lambda: NEXT_DAY + 1)
    assert one.photos == two.photos
    assert len(blob_files(store)) == 1
    assert demo_db.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1


def test_the_same_photo_twice_in_one_case_is_kept_once(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    a = photo(tmp_path / "phone", "a.jpg")
    case = register_case(demo_db, store, clerk, REQUEST, [a, a], wall=lambda: NEXT_DAY)
    assert len(case.photos) == 1


def test_timeline_says_who_registered_what(demo_db, store) -> None:
    grid = user_by_name(demo_db, "grid")
    urgent = IntakeRequest(
        "0402",
        "G02",
        "工地夜间施工噪音扰民",
        urgent=True,
        source="hotline",
        reporter_name="李女士",
        reporter_phone="0535-6123456",
    )
    case = register_case(demo_db, store, grid, urgent, wall=lambda: NEXT_DAY)
    [entry] = case_timeline(demo_db, case.id)
    assert entry.action == "受理登记"
    unit = ReferenceData(demo_db).department_name(grid.department_code)
    assert entry.actor == f"{grid.name}（{unit}）"  # the first receiver's unit
    assert entry.time == local_text(NEXT_DAY)
    for word in ("热线", "噪音扰民", "综合执法办", "紧急"):
        assert word in entry.detail


def test_similar_recent_cases_within_seven_days(demo_db, store) -> None:
    from datetime import datetime

    clerk = user_by_name(demo_db, "clerk")
    text = "锦绣社区菜市场门口有流动摊贩占道经营，早高峰堵塞"
    request = IntakeRequest("0101", "G07", text)
    case = register_case(demo_db, store, clerk, request, wall=lambda: NEXT_DAY)
    now = datetime.strptime(case.received_at, "%Y-%m-%d %H:%M:%S")
    hints = similar_recent_cases(demo_db, request, now=now)
    assert hints and hints[0].case.id == case.id and hints[0].score == 1.0
    from datetime import timedelta

    assert similar_recent_cases(demo_db, request, now=now + timedelta(days=8)) == []
    other_grid = IntakeRequest("0101", "G08", text)
    assert case.id not in [h.case.id for h in similar_recent_cases(demo_db, other_grid, now=now)]


# ------------------------------------------------------ bad input changes nothing


def assert_refused(db, store, expected_code: str, call) -> DomainError:
    before = full_dump(db)
    files_before = blob_files(store)
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.code == expected_code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))
    assert full_dump(db) == before
    assert blob_files(store) == files_before
    return caught.value


def test_invalid_intake_changes_nothing_and_stores_no_photo(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    bad = IntakeRequest("01", "G99", "", reporter_phone="12")
    a = photo(tmp_path, "a.jpg")
    error = assert_refused(
        demo_db,
        store,
        "category_not_leaf",
        lambda: register_case(demo_db, store, clerk, bad, [a], wall=lambda: NEXT_DAY),
    )
    assert len(str(error).splitlines()) == 4


def test_a_missing_photo_changes_nothing(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    missing = tmp_path / "gone.jpg"
    error = assert_refused(
        demo_db,
        store,
        "photo_missing",
        lambda: register_case(demo_db, store, clerk, REQUEST, [missing], wall=lambda: NEXT_DAY),
    )
    assert "gone.jpg" in str(error)


def test_a_file_that_is_not_a_photo_changes_nothing(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    notes = photo(tmp_path, "现场记录.docx", b"PK\x03\x04 not a photo")
    error = assert_refused(
        demo_db,
        store,
        "evidence_type_not_allowed",
        lambda: register_case(demo_db, store, clerk, REQUEST, [notes], wall=lambda: NEXT_DAY),
    )
    assert "现场记录.docx" in str(error)


def test_a_document_renamed_to_jpg_is_not_a_photo(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    renamed = photo(tmp_path, "scan.jpg", b"%PDF-1.7 not a photo at all")
    assert_refused(
        demo_db,
        store,
        "photo_not_image",
        lambda: register_case(demo_db, store, clerk, REQUEST, [renamed], wall=lambda: NEXT_DAY),
    )


def test_a_photo_too_large_changes_nothing(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as out:  # sparse: costs no disk
        out.write(JPEG[:16])
        out.truncate(PHOTO_LIMIT_MB * 1024 * 1024 + 1)
    assert_refused(
        demo_db,
        store,
        "photo_too_large",
        lambda: register_case(demo_db, store, clerk, REQUEST, [huge], wall=lambda: NEXT_DAY),
    )


@pytest.mark.parametrize("username", ["leader", "supervisor"])
def test_a_role_that_may_not_register_changes_nothing(demo_db, store, username) -> None:
    actor = user_by_name(demo_db, username)
    error = assert_refused(
        demo_db,
        store,
        "permission_denied",
        lambda: register_case(demo_db, store, actor, REQUEST, wall=lambda: NEXT_DAY),
    )
    assert str(error).endswith("不能登记案件。")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_disk_full_while_storing_a_photo(demo_db, store, tmp_path, monkeypatch, code) -> None:
    clerk = user_by_name(demo_db, "clerk")
    a = photo(tmp_path / "camera", "a.jpg", JPEG * 50)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(code, os.strerror(code))

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(blobs_module.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    store.folder.mkdir(parents=True, exist_ok=True)
    error = assert_refused(
        demo_db,
        store,
        "disk_full",
        lambda: register_case(demo_db, store, clerk, REQUEST, [a], wall=lambda: NEXT_DAY),
    )
    assert "磁盘空间不足" in str(error)
    assert list(store.folder.iterdir()) == []  # no temporary file left behind


def test_disk_full_while_writing_the_database(demo_db, store) -> None:
    clerk = user_by_name(demo_db, "clerk")
    demo_db.execute("VACUUM")  # no free pages left to write into: the file must grow
    pages = demo_db.execute("PRAGMA page_count").fetchone()[0]
    demo_db.execute(f"PRAGMA max_page_count = {pages}")
    long_text = IntakeRequest("0101", "G01", "摊贩占道经营，" * 280)
    assert_refused(
        demo_db,
        store,
        "disk_full",
        lambda: register_case(demo_db, store, clerk, long_text, wall=lambda: NEXT_DAY),
    )
    demo_db.execute(f"PRAGMA max_page_count = {pages * 100}")
    register_case(demo_db, store, clerk, long_text, wall=lambda: NEXT_DAY)  # then it works


def test_failed_registration_does_not_use_up_a_number(demo_db, store, tmp_path) -> None:
    clerk = user_by_name(demo_db, "clerk")
    with pytest.raises(DomainError):
        register_case(demo_db, store, clerk, REQUEST, [tmp_path / "x.jpg"], wall=lambda: NEXT_DAY)
    case = register_case(demo_db, store, clerk, REQUEST, wall=lambda: NEXT_DAY)
    assert case.number.endswith("0001")


def copied_in_then_taken_back(monkeypatch, store: BlobStore, changed: bytes | None = None):
    """``put_photo`` whose copy is deleted before the registration's transaction, as a
    refused sync import takes back a file of the same content; ``changed``: the source is
    rewritten meanwhile too."""
    real = BlobStore.put_photo
    calls: list[Path] = []

    def put_photo(self: BlobStore, source: Path):  # type: ignore[no-untyped-def]
        stored = real(self, source)
        if not calls:
            store.path(stored.sha256).unlink()
            if changed is not None:
                source.write_bytes(changed)
        calls.append(source)
        return stored

    monkeypatch.setattr(BlobStore, "put_photo", put_photo)
    return calls


def test_a_photo_taken_back_before_its_transaction_is_copied_in_again(
    demo_db, store, tmp_path, monkeypatch
) -> None:
    clerk = user_by_name(demo_db, "clerk")
    a = photo(tmp_path / "camera", "a.jpg")
    calls = copied_in_then_taken_back(monkeypatch, store)
    case = register_case(demo_db, store, clerk, REQUEST, [a], wall=lambda: NEXT_DAY)
    assert calls == [a, a]
    [digest] = case.photos
    assert store.read_bytes(digest) == JPEG


def test_a_photo_taken_back_and_changed_meanwhile_is_refused(
    demo_db, store, tmp_path, monkeypatch
) -> None:
    clerk = user_by_name(demo_db, "clerk")
    a = photo(tmp_path / "camera", "a.jpg")
    copied_in_then_taken_back(monkeypatch, store, changed=JPEG + b"edited")
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as caught:
        register_case(demo_db, store, clerk, REQUEST, [a], wall=lambda: NEXT_DAY)
    assert caught.value.code == "photo_changed"
    assert "a.jpg" in str(caught.value) and "重新添加" in str(caught.value)
    assert full_dump(demo_db) == before
