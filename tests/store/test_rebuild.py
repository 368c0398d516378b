"""Projections rebuilt from the event log are identical to the ones kept up to date."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.store.blobs import BlobStore
from app.store.cases import register_case
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.setup import open_database
from app.store.values_kept import NUMBERING
from tests.images import TINY_JPEG
from tests.store.store_helpers import DEMO_NOW_MS, full_dump, projection_dump

JPEG = TINY_JPEG + b"photo" * 100


def test_rebuilding_the_demo_gives_identical_projections(demo_db) -> None:
    before = projection_dump(demo_db)
    assert len(before["cases"]) == 400
    assert before["search:占道"], "the comparison should include real search hits"
    replayed = rebuild(demo_db, user_by_name(demo_db, "admin"))
    assert replayed == demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert projection_dump(demo_db) == before


def test_rebuild_leaves_the_log_and_local_state_alone(demo_db) -> None:
    before = full_dump(demo_db)
    rebuild(demo_db, user_by_name(demo_db, "admin"))
    after = full_dump(demo_db)
    for table in ("events", "device", "sign_in_failures", "settings", "blobs"):
        if table == "settings":  # but the count of numberings (store/values_kept.py)
            numbered = [row for row in after[table] if row[0] == NUMBERING]
            assert numbered == [(NUMBERING, "1")]
            after[table].remove(numbered[0])
        assert after[table] == before[table]


def test_rebuild_after_new_cases_with_photos(demo_path: Path, demo_db, tmp_path: Path) -> None:
    store = BlobStore.beside(demo_path)
    (tmp_path / "a.jpg").write_bytes(JPEG)
    for name in ("clerk", "grid", "officer"):
        register_case(
            demo_db,
            store,
            user_by_name(demo_db, name),
            IntakeRequest(
                "0101",
                "G02",
                f"{name}登记：菜市场门口占道经营",
                "锦绣社区",
                reporter_name="王先生",
                reporter_phone="13912345678",
                latitude=37.5,
                longitude=121.4,
            ),
            [tmp_path / "a.jpg"],
            wall=lambda: DEMO_NOW_MS + 5_000,
        )
    before = projection_dump(demo_db)
    assert len(before["case_evidence"]) == 3
    rebuild(demo_db, user_by_name(demo_db, "admin"))
    assert projection_dump(demo_db) == before


def test_rebuild_twice_is_the_same(small_db) -> None:
    rebuild(small_db, user_by_name(small_db, "admin"))
    once = projection_dump(small_db)
    rebuild(small_db, user_by_name(small_db, "admin"))
    assert projection_dump(small_db) == once


# --------------------------------------------------------------- property test

CJK = "占道经营垃圾噪音扰民违法建设村口社区，。的有在"
USERS = ["admin", "clerk", "grid", "officer", "officer_pcs", "grid", "clerk", "leader"]


@st.composite
def intakes(draw, valid: bool) -> IntakeRequest:
    """A valid intake, or one where anything may be wrong."""

    def pick(good: list, bad: list):
        return draw(st.sampled_from(good if valid else good + bad))

    latitude, longitude = pick([(None, None), (37.5, 121.4)], [(99.0, 121.4), (37.5, None)])
    phone = pick(["", "13812345678", "0535-6123456", "12345"], ["123"])
    return IntakeRequest(
        category_code=pick(["0101", "0102", "0402", "0201", "1005"], ["01", "", "9999"]),
        grid_code=pick(["G01", "G02", "G05", "G19"], ["", "G99"]),
        description=draw(st.text(alphabet=CJK, min_size=1 if valid else 0, max_size=25)),
        address=draw(st.text(alphabet=CJK, max_size=8)),
        source=pick(["patrol", "hotline", "visit", "joint-patrol", "referral"], ["email"]),
        urgent=draw(st.booleans()),
        reporter_name="张先生" if phone and valid else pick(["", "张先生"], []),
        reporter_phone=phone,
        latitude=latitude,
        longitude=longitude,
    )


steps = st.lists(
    st.tuples(
        st.sampled_from(USERS),
        st.one_of(intakes(valid=True), intakes(valid=False)),
        st.integers(min_value=-3 * 86_400_000, max_value=3 * 86_400_000),  # wall goes both ways
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps)
def test_any_sequence_of_registrations_rebuilds_identically(reference_template, steps) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "towndesk.sqlite3"
        shutil.copy2(reference_template, path)
        db = open_database(path)
        try:
            users = {name: user_by_name(db, name) for name in USERS}
            registered = 0
            for username, request, offset in steps:
                before = full_dump(db)
                try:
                    register_case(
                        db,
                        BlobStore.beside(path),
                        users[username],
                        request,
                        wall=lambda offset=offset: DEMO_NOW_MS + offset,
                    )
                    registered += 1
                except DomainError:
                    assert full_dump(db) == before  # a refusal changes nothing
            assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == registered
            event("registered some" if registered else "registered none")
            kept = projection_dump(db)
            rebuild(db, user_by_name(db, "admin"))
            assert projection_dump(db) == kept
        finally:
            db.close()


def test_only_an_administrator_may_rebuild(demo_db) -> None:
    before = full_dump(demo_db)
    with pytest.raises(DomainError) as refused:
        rebuild(demo_db, user_by_name(demo_db, "clerk"))
    assert "受理员不能重建数据" in str(refused.value)
    assert full_dump(demo_db) == before
