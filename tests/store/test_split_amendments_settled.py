"""An official boundary list and the local amendments of a split category (噪音扰民 0402
into 建筑施工噪声 040201 and 社会生活噪声 040202, core/amendments.py settled_by): the list
settles an amendment of a narrower category by naming it with the same units, or by the
wider item saying the same; an amendment of the category split is settled when every
narrower one reads the same. The event keeps what it settled, so a rebuild agrees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.cli.cmd_list_amendments import print_outcome
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.disputes import Ruling
from app.core.lists import ListKind
from app.store.amendments import amendments, in_force
from app.store.base_data import split_category
from app.store.disputes import decide_dispute, disputes_of_case
from app.store.lists import list_rows, replace_list
from app.store.rebuild import rebuild
from app.store.routing import suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import projection_dump
from tests.store.test_disputes import Office

NOISE, CONSTRUCTION, NEIGHBOURHOOD = "0402", "040201", "040202"
NOISE_ITEM = "QS-XZCF-018"  # item 18, 派出所 leads, covers 0402


@pytest.fixture
def office(small_db: Database, small_path: Path) -> Office:
    return Office(small_db, small_path)


def amend(office: Office, category: str, lead: str, cooperating: tuple[str, ...]) -> str:
    """A case of ``category`` sent to 派出所, returned as not its duty, and the leader's
    ruling amending the list; returns the amendment's id."""
    case = office.report(category)
    office.step("clerk", case, Request(Action.DISPATCH, to="PCS"))
    office.step("clerk", case, Request(Action.RETURN, reason="不属治安管理", not_our_duty=True))
    [dispute] = disputes_of_case(office.db, case.id)
    ruling = Ruling(lead, cooperating, "由执法中队查处", amend_list=True)
    decide_dispute(office.db, office.user("leader"), dispute.id, ruling, wall=frozen)
    amendment = in_force(office.db, category)
    assert amendment is not None
    return amendment.id


def split(office: Office) -> None:
    into = [(CONSTRUCTION, "建筑施工噪声"), (NEIGHBOURHOOD, "社会生活噪声")]
    split_category(office.db, office.user("admin"), NOISE, into, wall=frozen)


def official(office: Office, noise: tuple[str, str], *added: tuple[str, str, str, str]) -> Any:
    """The list again from the district: item 18 (0402) led by ``noise`` (lead,
    cooperating), and ``added`` items (code, lead, cooperating, categories) after it."""
    headers, rows = list_rows(office.db, ListKind.BOUNDARY)
    at = {name: headers.index(name) for name in headers}
    rows = [r for r in rows if r[at["事项编码"]] not in {a[0] for a in added}]  # sent again
    for row in rows:
        if row[at["事项编码"]] == NOISE_ITEM:
            row[at["牵头部门"]], row[at["配合部门"]] = noise
    for number, (code, lead, cooperating, categories) in enumerate(added, len(rows) + 1):
        row = [""] * len(headers)
        row[at["序号"]], row[at["事项编码"]], row[at["事项名称"]] = str(number), code, "噪声"
        row[at["牵头部门"]], row[at["配合部门"]] = lead, cooperating
        row[at["可见性"]], row[at["专业性"]] = "高", "低"
        row[at["关联问题类别"]] = categories
        rows.append(row)
    numbers = list(range(2, len(rows) + 2))
    return replace_list(
        office.db, office.user("admin"), ListKind.BOUNDARY, headers, rows, numbers, wall=frozen
    )


def rebuilt_alike(office: Office) -> None:
    before = projection_dump(office.db)
    rebuild(office.db, office.user("admin"))
    assert projection_dump(office.db) == before


def test_the_list_naming_the_narrower_category_settles_its_amendment(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    split(office)
    construction = amend(office, CONSTRUCTION, "ZFZD", ("PCS",))
    done = official(office, ("PCS", ""), ("QS-XZCF-044", "ZFZD", "PCS", CONSTRUCTION))
    [settled] = done.settled
    assert (settled.id, settled.item, done.differing) == (construction, NOISE_ITEM, ())
    assert done.settled_by == {construction: ["QS-XZCF-044"]}
    assert done.settling_items(settled) == ["QS-XZCF-044"]  # not the item it stood beside
    event = office.db.execute(
        "SELECT payload FROM events WHERE type = 'list.replaced' ORDER BY hlc DESC LIMIT 1"
    ).fetchone()
    assert json.loads(event[0])["settles"] == {construction: ["QS-XZCF-044"]}
    # the official list routes construction noise now; neighbourhood noise stays with 派出所
    built = suggestion_for(office.db, office.report(CONSTRUCTION))
    near = suggestion_for(office.db, office.report(NEIGHBOURHOOD))
    assert built is not None and near is not None
    assert (built.basis, built.lead, built.cooperating) == ("boundary", "ZFZD", ("PCS",))
    assert (near.basis, near.lead) == ("boundary", "PCS")
    print_outcome(office.db, done)
    assert capsys.readouterr().out.splitlines()[:2] == [
        "本镇修订已被新清单吸收 1 项（修订终止）：",
        f"  {NOISE_ITEM} 建筑施工噪声：本镇修订为执法中队牵头（案件 {settled.case_number}），"
        "由 QS-XZCF-044 吸收",
    ]
    rebuilt_alike(office)


def test_the_wider_item_saying_the_same_settles_the_narrower_amendment(office: Office) -> None:
    split(office)
    construction = amend(office, CONSTRUCTION, "ZFZD", ("PCS",))
    done = official(office, ("PCS", "ZFZD"))  # still 派出所: not settled
    assert (done.settled, [a.id for a in done.differing]) == ((), [construction])
    done = official(office, ("ZFZD", "PCS"))  # the district gives all noise to the squadron
    assert [a.id for a in done.settled] == [construction]
    assert done.settled_by == {construction: [NOISE_ITEM]}
    assert in_force(office.db, CONSTRUCTION) is None
    rebuilt_alike(office)


def test_an_amendment_of_the_split_category_needs_every_narrower_one(office: Office) -> None:
    noise = amend(office, NOISE, "ZFZD", ())  # ruled before the split, for all noise
    split(office)
    # the district names both narrower categories; neighbourhood noise stays with 派出所
    half = official(
        office,
        ("PCS", ""),
        ("QS-XZCF-044", "ZFZD", "", CONSTRUCTION),
        ("QS-XZCF-045", "PCS", "", NEIGHBOURHOOD),
    )
    assert (half.settled, [a.id for a in half.differing]) == ((), [noise])
    both = official(
        office,
        ("PCS", ""),
        ("QS-XZCF-044", "ZFZD", "", CONSTRUCTION),
        ("QS-XZCF-045", "ZFZD", "", NEIGHBOURHOOD),
    )
    assert [a.id for a in both.settled] == [noise]
    assert both.settled_by == {noise: ["QS-XZCF-044", "QS-XZCF-045"]}
    assert [a.settled_version for a in amendments(office.db)] == [both.version]
    rebuilt_alike(office)
