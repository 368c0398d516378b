"""Local amendments of the boundary list (core/amendments.py), on plain inputs: what a
ruling's amendment records, and when an official item settles it."""

from __future__ import annotations

from app.core.amendments import Amendment, amendment_payload, proposed_changes, settles
from app.core.disputes import CheckedRuling, Dispute
from app.core.routing import BoundaryEntry

DISPUTE = Dispute(
    id="d-1",
    case_id="c-1",
    case_number="QS-20261118-AA0001",
    category_code="0402",
    category_name="建筑施工噪声",
    unit="PCS",
    reasons="施工噪声不属治安管理",
    cited=[],
    opened_at="2026-11-18 10:00:00",
    meeting_id=None,
    decided_at=None,
    lead=None,
    cooperating=[],
    reasoning="",
    amended_item="",
)
RULED = CheckedRuling("ZFZD", ("PCS",), "建筑施工噪声由执法中队牵头")
NOISE = BoundaryEntry("QS-XZCF-009", "9", "噪声污染", "PCS", ("ZFZD",), "高", "低", ("0402",))


def test_an_amendment_stands_beside_the_official_item_and_names_its_case() -> None:
    payload = amendment_payload(DISPUTE, RULED, NOISE, "QS-BJ-0402", "m-1", "k-1")
    assert payload == {
        "item": "QS-XZCF-009",
        "official": True,
        "item_no": "9",
        "item_name": "噪声污染",
        "official_lead": "PCS",
        "official_cooperating": ["ZFZD"],
        "category": "0402",
        "category_name": "建筑施工噪声",
        "lead": "ZFZD",
        "cooperating": ["PCS"],
        "reason": "建筑施工噪声由执法中队牵头",
        "case_id": "c-1",
        "case_number": "QS-20261118-AA0001",
        "dispute_id": "d-1",
        "meeting_id": "m-1",
        "decision_id": "k-1",
    }


def test_without_an_official_item_the_amendment_proposes_one() -> None:
    payload = amendment_payload(DISPUTE, RULED, None, "QS-BJ-0402", None, None)
    assert (payload["item"], payload["official"], payload["item_no"]) == ("QS-BJ-0402", False, "")
    assert (payload["item_name"], payload["official_lead"]) == ("建筑施工噪声", "")
    assert (payload["meeting_id"], payload["decision_id"]) == (None, None)


def test_an_official_item_settles_an_amendment_when_it_says_the_same() -> None:
    agreeing = BoundaryEntry("QS-XZCF-009", "9", "噪声污染", "ZFZD", ("PCS",))
    assert settles("ZFZD", ("PCS",), agreeing)
    assert settles("ZFZD", ["PCS"], BoundaryEntry("X", "1", "x", "ZFZD", ("PCS", "ZFZD")))
    assert not settles("ZFZD", ("PCS",), NOISE)  # another lead
    assert not settles("ZFZD", (), agreeing)  # other cooperating units
    assert not settles("ZFZD", ("PCS",), None)  # no official item at all


def amendment(
    event: str, category: str, item_no: str, lead: str, case: str, official: bool = True
) -> Amendment:
    return Amendment(
        event,
        "2026-11-20 09:00:00",
        "刘建军",
        f"QS-XZCF-{item_no or category}",
        official,
        item_no,
        "噪声污染",
        "PCS",
        (),
        category,
        "建筑施工噪声",
        lead,
        (),
        "理由",
        case,
        f"d-{event}",
        None,
    )


def test_the_proposal_has_one_change_per_category_saying_what_the_latest_amendment_says() -> None:
    first = amendment("a1", "0402", "18", "ZFZD", "QS-1")
    again = amendment("a2", "0402", "18", "SCJG", "QS-2")
    earlier_item = amendment("a3", "0501", "9", "ZFZD", "QS-3")
    proposed = amendment("a4", "0503", "", "PCS", "QS-4", official=False)
    changes = proposed_changes([first, proposed, again, earlier_item])
    assert [(c.latest.id, [a.case_number for a in c.behind]) for c in changes] == [
        ("a3", ["QS-3"]),  # item 9 before item 18
        ("a2", ["QS-1", "QS-2"]),  # the latest says 市场监管所; both cases behind it
        ("a4", ["QS-4"]),  # a proposed new item comes last
    ]
    assert proposed_changes([]) == []
