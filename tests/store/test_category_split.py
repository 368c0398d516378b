"""Splitting a category (category.split, core/category_split.py): 噪音扰民 (0402) into
建筑施工噪声 and 社会生活噪声; the cases already registered keep 0402; routing reads the
lists of 0402 for the narrower ones until they name them; a ruling about construction noise
amends construction noise only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.category_split import check_split, lineage, parse_into
from app.core.disputes import Ruling
from app.core.errors import DomainError
from app.store.amendments import amendments
from app.store.base_data import split_category
from app.store.cases import case_by_id
from app.store.disputes import decide_dispute, disputes
from app.store.rebuild import rebuild
from app.store.reference import categories
from app.store.routing import covering_entries, suggestion_for
from tests.clock import frozen
from tests.store.store_helpers import full_dump, projection_dump
from tests.store.test_disputes import Office

NOISE = "0402"  # 噪音扰民: boundary item 18 (QS-XZCF-018), 派出所 leads
NOISE_ITEM = "QS-XZCF-018"
INTO = [("040201", "建筑施工噪声"), ("040202", "社会生活噪声")]


@pytest.fixture
def office(small_db: Database, small_path: Path) -> Office:
    return Office(small_db, small_path)


def test_the_split_rules_on_plain_inputs() -> None:
    assert parse_into(["040201:建筑施工噪声", " 040202：社会生活噪声 "]) == INTO
    with pytest.raises(DomainError) as bad:
        parse_into(["040201 建筑施工噪声"])
    assert str(bad.value) == "“040201 建筑施工噪声”应写成“编码:名称”，如 040201:建筑施工噪声。"
    assert lineage("04020101", {"04020101": "040201", "040201": "0402"}) == [
        "04020101",
        "040201",
        "0402",
    ]
    assert lineage("0401", {"040201": "0402"}) == ["0401"]


def split(office: Office, who: str = "admin", code: str = NOISE, into: Any = INTO) -> Any:
    return split_category(office.db, office.user(who), code, into, wall=frozen)


def test_a_split_adds_the_narrower_categories_and_keeps_the_old_for_its_cases(
    office: Office,
) -> None:
    old_case = office.report(NOISE)
    made = split(office)
    assert [(c.code, c.name) for c in made] == INTO
    by_code = {c.code: c for c in categories(office.db)}
    old = by_code[NOISE]
    assert not old.active
    for code, name in INTO:
        new = by_code[code]
        assert (new.name, new.parent_code, new.route, new.department_code, new.active) == (
            name,
            "04",
            old.route,
            "PCS",
            True,
        )
        assert (new.limit_days, new.limit_hours) == (old.limit_days, old.limit_hours) == (2, None)
    assert case_by_id(office.db, old_case.id).category_code == NOISE  # it keeps its category
    event = office.db.execute(
        "SELECT entity_id, actor_id FROM events WHERE type = 'category.split'"
    ).fetchone()
    assert event == (NOISE, office.user("admin").id)

    # until the official list names them, the narrower ones follow 0402's item
    for code, _ in INTO:
        found = suggestion_for(office.db, office.report(code))
        assert found is not None
        assert (found.basis, found.lead, found.matter) == ("boundary", "PCS", NOISE_ITEM)


def test_a_ruling_about_construction_noise_leaves_neighbourhood_noise_where_it_was(
    office: Office,
) -> None:
    old_case = office.report(NOISE)
    split(office)
    case = office.report("040201")
    office.step("clerk", case, Request(Action.DISPATCH, to="PCS"))
    returning = Request(
        Action.RETURN, reason="建筑施工噪声不属治安管理", not_our_duty=True, cited=(NOISE_ITEM,)
    )
    office.step("clerk", case, returning)  # 派出所 phoned; the clerk writes it down
    [dispute] = disputes(office.db)
    ruling = Ruling("ZFZD", ("PCS",), "建筑施工噪声由执法中队查处", amend_list=True)
    decided = decide_dispute(office.db, office.user("leader"), dispute.id, ruling, wall=frozen)
    assert decided.amended_item == NOISE_ITEM  # beside the item that covers 0402
    [amended] = amendments(office.db)
    assert (amended.category_code, amended.official, amended.official_lead) == (
        "040201",
        True,
        "PCS",
    )

    construction = suggestion_for(office.db, office.report("040201"))
    neighbourhood = suggestion_for(office.db, office.report("040202"))
    old = suggestion_for(office.db, case_by_id(office.db, old_case.id))
    assert construction is not None and neighbourhood is not None and old is not None
    assert (construction.basis, construction.lead) == ("amendment", "ZFZD")
    assert (neighbourhood.basis, neighbourhood.lead) == ("boundary", "PCS")
    assert (old.basis, old.lead) == ("boundary", "PCS")
    with pytest.raises(DomainError) as closed:  # new cases take a narrower category
        office.report(NOISE)
    assert "已停用" in str(closed.value)

    before = projection_dump(office.db)
    rebuild(office.db, office.user("admin"))
    assert projection_dump(office.db) == before


@pytest.mark.parametrize(
    ("who", "code", "into", "error", "message"),
    [
        ("admin", "9999", INTO, "category_unknown", "问题类别“9999”不存在。"),
        ("admin", "04", INTO, "category_not_leaf", "“04”是大类，请选择其下的具体类别。"),
        (
            "admin",
            NOISE,
            INTO[:1],
            "category_split_too_few",
            "问题类别“0402”至少要拆分为两个更细的类别。",
        ),
        ("admin", NOISE, [("0401", "x"), *INTO], "category_exists", "类别编码“0401”已被使用。"),
        ("admin", NOISE, [INTO[0], INTO[0]], "category_exists", "类别编码“040201”已被使用。"),
        ("admin", NOISE, [("040201", " "), INTO[1]], "name_empty", None),
        ("clerk", NOISE, INTO, "permission_denied", None),
    ],
)
def test_a_bad_split_is_refused_and_changes_nothing(
    office: Office, who: str, code: str, into: Any, error: str, message: str | None
) -> None:
    before = full_dump(office.db)
    with pytest.raises(DomainError) as refused:
        split(office, who, code, into)
    assert refused.value.code == error
    if message:
        assert str(refused.value) == message
    assert full_dump(office.db) == before


def test_a_category_is_split_once(office: Office) -> None:
    split(office)
    before = full_dump(office.db)
    with pytest.raises(DomainError) as refused:
        split(office, into=[("040203", "工业噪声"), ("040204", "交通噪声")])
    assert refused.value.code == "category_inactive"
    assert full_dump(office.db) == before
    with pytest.raises(DomainError):
        check_split(NOISE, [("x", "y")], {})


def test_the_items_covering_a_narrower_category_are_those_of_the_one_split(
    office: Office,
) -> None:
    split(office)
    [own] = covering_entries(office.db, NOISE)
    assert own.code == NOISE_ITEM
    assert [e.code for e in covering_entries(office.db, "040201")] == [NOISE_ITEM]
    assert covering_entries(office.db, "0503") == []  # 销售过期药品: the list has none
