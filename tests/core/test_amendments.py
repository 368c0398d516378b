"""Local amendments of the boundary list (core/amendments.py), on plain inputs: what a
ruling's amendment records, and when an official item settles it."""

from __future__ import annotations

from app.core.amendments import amendment_payload, settles
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
