"""The demo township: enough reference data to look real, cases inside the period, repeatable."""

from __future__ import annotations

from pathlib import Path

from app.core.clock import local_text
from app.core.model import Role, Tier
from app.store import reference
from app.store.demo.township import DEMO_DAYS, build_demo, demo_users
from app.store.setup import open_database
from tests.store.store_helpers import DEMO_NOW_MS


def test_reference_data_counts(demo_db) -> None:
    departments = reference.departments(demo_db)
    tiers = [d.tier for d in departments]
    assert tiers.count(Tier.ONE) == 1
    assert tiers.count(Tier.X) >= 5
    assert tiers.count(Tier.Y) >= 5
    assert all(d.response is not None for d in departments if d.tier is Tier.Y)
    grids = reference.grids(demo_db)
    assert len(grids) >= 15
    assert all(g.worker_id for g in grids)
    categories = reference.categories(demo_db)
    leaves = [c for c in categories if c.is_leaf]
    assert len(leaves) >= 30
    codes = {c.code for c in categories}
    assert all(c.parent_code in codes and c.route and c.department_code for c in leaves)
    roles = {u.role for u in reference.users(demo_db)}
    assert roles == set(Role)
    assert {u.role for u in demo_users()} == {r.value for r in Role}


def test_cases_lie_within_the_demo_period(demo_db) -> None:
    first, last, count = demo_db.execute(
        "SELECT min(received_at), max(received_at), count(*) FROM cases"
    ).fetchone()
    assert count == 400
    assert first >= local_text(DEMO_NOW_MS - DEMO_DAYS * 86_400_000)
    assert last <= local_text(DEMO_NOW_MS)
    assert (
        int(
            demo_db.execute(
                "SELECT count(DISTINCT substr(received_at, 1, 10)) FROM cases"
            ).fetchone()[0]
        )
        > 100
    )  # spread over the period, not bunched


def test_every_demo_case_reads_back(demo_db) -> None:
    from app.store.case_list import CaseFilter, CaseSort, case_window

    cases = case_window(demo_db, CaseFilter(), CaseSort(), 0, 1000)
    assert len(cases) == 400
    assert all(c.description.strip() and "{" not in c.description for c in cases)


def descriptions(path: Path) -> list[str]:
    db = open_database(path)
    try:
        return [r[0] for r in db.execute("SELECT description FROM cases ORDER BY number")]
    finally:
        db.close()


def test_same_seed_same_cases(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        build_demo(tmp_path / f"{name}.sqlite3", cases=40, seed=seed, now_ms=DEMO_NOW_MS)
    a, b, c = (descriptions(tmp_path / f"{n}.sqlite3") for n in "abc")
    assert len(a) == 40
    assert a == b
    assert a != c


def test_a_cancelled_demo_leaves_no_database(tmp_path: Path) -> None:
    path = tmp_path / "towndesk.sqlite3"
    seen: list[int] = []

    def cancel_after_first_batch(done: int, total: int) -> bool:
        seen.append(done)
        return False

    assert (
        build_demo(path, now_ms=DEMO_NOW_MS, cases=30_000, progress=cancel_after_first_batch)
        is False
    )
    assert seen and seen[0] < 30_000
    assert list(tmp_path.iterdir()) == []
