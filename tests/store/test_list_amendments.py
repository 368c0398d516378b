"""The official boundary list and its local amendments (store/amendments.py): an official
import settles the amendments it now agrees with and leaves the others in force; a ruling
written before schema 12, which rewrote the item itself, still routes as it did."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.disputes import Ruling
from app.core.events import EventType
from app.core.lists import ListKind
from app.store.amendments import amendments, in_force
from app.store.disputes import decide_dispute, disputes
from app.store.eventlog import writing
from app.store.lists import list_rows, replace_list, set_item, versions
from app.store.rebuild import rebuild
from app.store.routing import suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import projection_dump
from tests.store.test_disputes import EXPIRED_DRUGS, RULED, UNLICENSED, UNLICENSED_ITEM, Office


@pytest.fixture
def office(small_db: Database, small_path: Path) -> Office:
    return Office(small_db, small_path)


def amended_twice(office: Office) -> None:
    """无照经营 amended to 执法中队 (with 市场监管所); 销售过期药品, which the official
    list does not have, to 派出所."""
    office.returned()
    office.returned(EXPIRED_DRUGS, cited=())
    by_category = {d.category_code: d for d in disputes(office.db)}
    first, second = by_category[UNLICENSED], by_category[EXPIRED_DRUGS]
    leader = office.user("leader")
    decide_dispute(
        office.db, leader, first.id, Ruling("ZFZD", ("SCJG",), RULED, amend_list=True), wall=frozen
    )
    decide_dispute(
        office.db, leader, second.id, Ruling("PCS", (), "涉嫌犯罪", amend_list=True), wall=frozen
    )


def official_rows(office: Office, lead: str, cooperating: str) -> tuple[list[str], list[list[str]]]:
    """The boundary list as the district would send it again, with item 22 changed."""
    headers, rows = list_rows(office.db, ListKind.BOUNDARY)
    code, lead_at, helpers_at = (headers.index(h) for h in ("事项编码", "牵头部门", "配合部门"))
    for row in rows:
        if row[code] == UNLICENSED_ITEM:
            row[lead_at], row[helpers_at] = lead, cooperating
    return headers, rows


def import_official(office: Office, headers: list[str], rows: list[list[str]]) -> Any:
    numbers = list(range(2, len(rows) + 2))
    return replace_list(
        office.db,
        office.user("admin"),
        ListKind.BOUNDARY,
        headers,
        rows,
        numbers,
        source="2027年职责边界清单.xlsx",
        wall=frozen,
    )


def test_an_official_import_that_agrees_settles_the_amendment(office: Office) -> None:
    amended_twice(office)
    headers, rows = official_rows(office, "ZFZD", "SCJG")
    done = import_official(office, headers, rows)

    assert [(a.item, a.lead) for a in done.settled] == [(UNLICENSED_ITEM, "ZFZD")]
    assert [(a.item, a.lead, a.official) for a in done.differing] == [
        (f"QS-BJ-{EXPIRED_DRUGS}", "PCS", False)
    ]
    [settled] = done.settled
    assert (
        settled.settled_version == done.version == versions(office.db, ListKind.BOUNDARY)[0].version
    )
    assert in_force(office.db, UNLICENSED) is None  # the amendment ended
    assert [a.category_code for a in amendments(office.db, in_force_only=True)] == [EXPIRED_DRUGS]
    assert len(amendments(office.db)) == 2  # kept, as history

    fresh = suggestion_for(office.db, office.report())
    assert fresh is not None
    assert (fresh.basis, fresh.lead, fresh.cooperating) == ("boundary", "ZFZD", ("SCJG",))
    drugs = suggestion_for(office.db, office.report(EXPIRED_DRUGS))
    assert drugs is not None and (drugs.basis, drugs.lead) == ("amendment", "PCS")

    before = projection_dump(office.db)
    rebuild(office.db, office.user("admin"))
    assert projection_dump(office.db) == before


def test_an_official_import_that_still_differs_leaves_the_amendment_in_force(
    office: Office,
) -> None:
    amended_twice(office)
    # the district changed the cooperating units, not the lead: still not what was ruled
    headers, rows = official_rows(office, "ZFZD", "")
    done = import_official(office, headers, rows)
    assert done.settled == ()
    assert [a.category_code for a in done.differing] == [UNLICENSED, EXPIRED_DRUGS]
    fresh = suggestion_for(office.db, office.report())
    assert fresh is not None
    assert (fresh.basis, fresh.lead, fresh.cooperating) == ("amendment", "ZFZD", ("SCJG",))


def test_an_official_edit_of_one_item_settles_too(office: Office) -> None:
    amended_twice(office)
    done = set_item(
        office.db,
        office.user("admin"),
        ListKind.BOUNDARY,
        UNLICENSED_ITEM,
        {"牵头部门": "ZFZD", "配合部门": "SCJG"},
        wall=frozen,
    )
    assert [a.category_code for a in done.settled] == [UNLICENSED]
    assert [a.category_code for a in done.differing] == [EXPIRED_DRUGS]


def test_a_ruling_written_before_schema_13_still_rewrites_the_item_and_routes_as_before(
    office: Office,
) -> None:
    """The legacy list.item_set a ruling wrote then (payload as the old program made it,
    by hand): it folds into the boundary list as it did, and is not an amendment."""
    shared = office.entry("QS-QT-004")  # 垃圾、小广告、露天焚烧 (0102, 0105, 0401): ZHB leads
    leader = office.user("leader")
    legacy = {
        "decision": "d-legacy",
        "source": "职责争议裁定（QS-20260101-AA0001）",
        "items": [
            {
                "code": "QS-QT-004",
                "item_no": shared["item_no"],
                "name": shared["name"],
                "lead": "ZHB",
                "cooperating": [],
                "lead_duty": "",
                "cooperating_duty": "",
                "visibility": "",
                "specialism": "",
                "categories": ["0102", "0105"],
                "notes": "",
            },
            {
                "code": "QS-QT-004-0401",
                "item_no": "99",
                "name": "露天焚烧",
                "lead": "STHJ",
                "cooperating": ["ZHB"],
                "lead_duty": "",
                "cooperating_duty": "",
                "visibility": "",
                "specialism": "",
                "categories": ["0401"],
                "notes": "职责争议裁定（案件QS-20260101-AA0001）：露天焚烧由生态环境分局牵头",
            },
        ],
    }
    versions_before = len(versions(office.db, ListKind.BOUNDARY))
    with writing(office.db, frozen) as writer:
        writer.append(leader.id, "list", "boundary", EventType.LIST_ITEM_SET, legacy)
    assert len(versions(office.db, ListKind.BOUNDARY)) == versions_before + 1
    assert amendments(office.db) == []
    burning = suggestion_for(office.db, office.report("0401"))
    litter = suggestion_for(office.db, office.report("0102"))
    assert burning is not None and litter is not None
    assert (burning.basis, burning.lead, burning.cooperating, burning.matter) == (
        "boundary",
        "STHJ",
        (),  # 生态环境分局 is on call (Y): a call carries no cooperating units
        "QS-QT-004-0401",
    )
    assert (litter.basis, litter.lead, litter.matter) == ("boundary", "ZHB", "QS-QT-004")
    before = projection_dump(office.db)
    rebuild(office.db, office.user("admin"))
    assert projection_dump(office.db) == before
