"""Store fixtures: a demo township without cases, and database dumps to compare."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.store_helpers import DEMO_NOW_MS


@pytest.fixture(scope="session")
def reference_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's reference data (township, 14 departments, users, grids, categories), no cases."""
    from app.store.demo.township import build_demo

    path = tmp_path_factory.mktemp("reference-template") / "towndesk.sqlite3"
    build_demo(path, cases=0, seed=11, now_ms=DEMO_NOW_MS)
    return path


@pytest.fixture
def small_path(reference_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "small" / "towndesk.sqlite3"
    target.parent.mkdir()
    shutil.copy2(reference_template, target)
    return target


@pytest.fixture
def small_db(small_path: Path) -> Iterator:
    from app.store.setup import open_database

    db = open_database(small_path)
    yield db
    db.close()


@pytest.fixture
def every_case_not_probed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's few hundred cases served as a million's: a filter's cases (a few hundred
    at most) not each probed for a search's words (``search_fixed.few_probed``), nor taken
    from memory in the list's order and probed (``search_kept_order``): the walk probes."""
    import app.store.search_fixed as search_fixed
    import app.store.search_kept_order as search_kept_order

    monkeypatch.setattr(search_fixed, "FEW_PROBED_AT_MOST", -1)
    monkeypatch.setattr(search_kept_order, "KEPT_ORDER_AT_MOST", -1)


@pytest.fixture
def usual_search_plan(monkeypatch: pytest.MonkeyPatch, every_case_not_probed: None) -> None:
    """A search within a filter answered by the usual plan: neither the filter's few cases
    tested against every hit at once (``search_within.hits_within``) nor the hits told
    apart by their fixed values in memory (``hits_in_fixed_values``), nor each of them
    probed."""
    import app.store.case_count as case_count
    import app.store.search_within as search_within

    monkeypatch.setattr(search_within, "GATHER_HITS_AT_MOST", -1)
    monkeypatch.setattr(case_count, "hits_in_fixed_values", lambda *_args: None)
