"""The rules of duty disputes (core/disputes.py), on plain inputs: who may be named in a
ruling, when a dispute can still be ruled on or referred, and how a ruling amends the
boundary list."""

from __future__ import annotations

import pytest

from app.core.disputes import (
    DECIDED,
    OPEN,
    REFERRED,
    CheckedRuling,
    Dispute,
    Ruling,
    amend_boundary,
    check_referable,
    check_ruling,
    check_undecided,
)
from app.core.errors import DomainError

UNITS = {"ZHB", "ZFZD", "SCJG", "PCS"}


def dispute(**changes: object) -> Dispute:
    fields: dict[str, object] = {
        "id": "d-1",
        "case_id": "c-1",
        "case_number": "QS-20261118-AA0001",
        "category_code": "0402",
        "category_name": "施工噪音",
        "unit": "SCJG",
        "reasons": "不属本所职责",
        "cited": [],
        "opened_at": "2026-11-18 10:00:00",
        "meeting_id": None,
        "decided_at": None,
        "lead": None,
        "cooperating": [],
        "reasoning": "",
        "amended_item": "",
    }
    return Dispute(**(fields | changes))  # type: ignore[arg-type]


def test_a_disputes_status_follows_its_referral_and_ruling() -> None:
    assert dispute().status == OPEN
    assert dispute(meeting_id="m-1").status == REFERRED
    assert dispute(meeting_id="m-1", decided_at="2026-11-19 09:00:00").status == DECIDED


def test_a_decided_dispute_is_neither_ruled_on_nor_referred_again() -> None:
    assert check_undecided(dispute()).id == "d-1"
    with pytest.raises(DomainError) as refused:
        check_undecided(dispute(decided_at="2026-11-19 09:00:00"))
    assert refused.value.code == "dispute_already_decided"
    check_referable(3, held=False)
    with pytest.raises(DomainError) as held:
        check_referable(3, held=True)
    assert (held.value.code, held.value.params["value"]) == ("meeting_already_held", 3)


def test_a_ruling_is_tidied_and_checked() -> None:
    checked = check_ruling(Ruling(" zfzd", (" scjg", "ZFZD", "", "PCS"), " 依边界清单 "), UNITS)
    assert checked == CheckedRuling("ZFZD", ("PCS", "SCJG"), "依边界清单")  # the lead leaves
    for ruling, code in [
        (Ruling("", (), "理由"), "dispute_lead_missing"),
        (Ruling("NOPE", (), "理由"), "department_unknown"),
        (Ruling("ZFZD", ("NOPE",), "理由"), "department_unknown"),
        (Ruling("ZFZD", (), "  "), "dispute_reasoning_missing"),
    ]:
        with pytest.raises(DomainError) as refused:
            check_ruling(ruling, UNITS)
        assert refused.value.code == code


RULED = CheckedRuling("ZFZD", ("SCJG",), "夜间施工由执法中队查处")
FRESH = {
    "code": "QS-BJ-0402",
    "item_no": "44",
    "name": "施工噪音",
    "lead_duty": "",
    "cooperating_duty": "",
    "visibility": "",
    "specialism": "",
    "categories": ["0402"],
    "notes": "",
}


def entry(categories: list[str], notes: str = "") -> dict[str, object]:
    return {
        "code": "QS-XZCF-009",
        "item_no": "9",
        "name": "噪声污染",
        "lead": "SCJG",
        "cooperating": [],
        "lead_duty": "查处",
        "cooperating_duty": "配合",
        "visibility": "高",
        "specialism": "低",
        "categories": categories,
        "notes": notes,
    }


def test_a_ruling_changes_the_entry_that_covers_only_the_disputed_category() -> None:
    amendment = amend_boundary(dispute(), RULED, False, entry(["0402"], "原注"), FRESH)
    [item] = amendment.items
    assert amendment.code == "QS-XZCF-009"
    assert (item["lead"], item["cooperating"]) == ("ZFZD", ["SCJG"])
    assert item["notes"] == "原注；职责争议裁定（案件QS-20261118-AA0001）：夜间施工由执法中队查处"
    assert amendment.source == "职责争议裁定（QS-20261118-AA0001）"


def test_a_shared_entry_keeps_its_other_categories_and_the_disputed_one_gets_its_own() -> None:
    amendment = amend_boundary(dispute(), RULED, True, entry(["0401", "0402"]), FRESH)
    shared, own = amendment.items
    assert (shared["code"], shared["lead"], shared["categories"]) == (
        "QS-XZCF-009",
        "SCJG",
        ["0401"],
    )
    assert own["code"] == amendment.code == "QS-XZCF-009-0402"
    assert (own["name"], own["lead"], own["categories"]) == (
        "噪声污染（施工噪音）",
        "ZFZD",
        ["0402"],
    )
    assert (own["visibility"], own["lead_duty"], own["item_no"]) == ("高", "查处", "44")
    assert amendment.source == "联席会议决议（QS-20261118-AA0001）"


def test_with_no_entry_the_ruling_adds_one() -> None:
    amendment = amend_boundary(dispute(), RULED, False, None, FRESH)
    [item] = amendment.items
    assert amendment.code == "QS-BJ-0402"
    assert (item["lead"], item["categories"], item["item_no"]) == ("ZFZD", ["0402"], "44")
