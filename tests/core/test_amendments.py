"""Local amendments of the boundary list (core/amendments.py), on plain inputs: what a
ruling's amendment records, and when an official item settles it."""

from __future__ import annotations

from app.core.amendments import (
    Amendment,
    Standing,
    amendment_payload,
    proposed_changes,
    settled_by,
    settles,
)
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


# 噪音扰民 (0402) split into 建筑施工噪声 (040201) and 社会生活噪声 (040202)
SPLIT = {"040201": "0402", "040202": "0402"}


def item(code: str, lead: str, cooperating: tuple[str, ...] = ()) -> BoundaryEntry:
    return BoundaryEntry(code, code[-1], "噪声", lead, cooperating)


def settled(standing: list[Standing], official: dict[str, BoundaryEntry]) -> dict:
    return settled_by(standing, official, SPLIT)


def test_a_narrower_categorys_amendment_is_settled_by_its_own_item_or_the_wider_ones() -> None:
    construction = Standing("a-1", "040201", "ZFZD", ("PCS",))
    # the list still names only 0402: its item is what 040201 reads, and now says the same
    assert settled([construction], {"0402": item("QS-1", "ZFZD", ("PCS",))}) == {"a-1": ("QS-1",)}
    assert settled([construction], {"0402": item("QS-1", "PCS", ("ZFZD",))}) == {}
    # the list names 040201 now: its own item decides, whatever 0402's says
    named = {"0402": item("QS-1", "PCS"), "040201": item("QS-2", "ZFZD", ("PCS",))}
    assert settled([construction], named) == {"a-1": ("QS-2",)}
    wrong = {"0402": item("QS-1", "ZFZD", ("PCS",)), "040201": item("QS-2", "PCS")}
    assert settled([construction], wrong) == {}
    assert settled([construction], {}) == {}  # the list says nothing of noise


def test_a_split_categorys_amendment_is_settled_when_every_narrower_one_reads_the_same() -> None:
    noise = Standing("a-1", "0402", "ZFZD", ())
    both = {"040201": item("QS-2", "ZFZD"), "040202": item("QS-3", "ZFZD")}
    assert settled([noise], both) == {"a-1": ("QS-2", "QS-3")}
    # one narrower category named, the other reading 0402's item: both say the same
    mixed = {"0402": item("QS-1", "ZFZD"), "040201": item("QS-2", "ZFZD")}
    assert settled([noise], mixed) == {"a-1": ("QS-2", "QS-1")}
    # neighbourhood noise stays with the police: the ruling on all noise is not adopted
    half = {"040201": item("QS-2", "ZFZD"), "040202": item("QS-3", "PCS")}
    assert settled([noise], half) == {}
    assert settled([noise], {"040201": item("QS-2", "ZFZD")}) == {}  # 040202 left to nothing
    # without a split, the category's own item, as before
    assert settled_by([noise], {"0402": item("QS-1", "ZFZD")}, {}) == {"a-1": ("QS-1",)}


def test_another_amendment_in_force_keeps_its_categories() -> None:
    noise = Standing("a-1", "0402", "ZFZD", ())
    construction = Standing("a-2", "040201", "PCS", ())
    # 040201 follows its own amendment: 0402's is compared on 040202 alone
    assert settled([noise, construction], {"0402": item("QS-1", "ZFZD")}) == {"a-1": ("QS-1",)}
    # the wider one in force stands between 040201 and the list: without its own amendment,
    # 040201 would follow 0402's (ZFZD), not the official item (PCS), so it stays in force
    assert (
        settled([Standing("a-1", "0402", "ZFZD", ()), construction], {"0402": item("QS-1", "PCS")})
        == {}
    )
    # unless the same version settles the wider one too
    also = {"0402": item("QS-1", "ZFZD"), "040201": item("QS-2", "PCS")}
    assert settled([noise, construction], also) == {"a-1": ("QS-1",), "a-2": ("QS-2",)}
    wider_first = [Standing("a-1", "0402", "PCS", ()), construction]
    assert settled(wider_first, {"0402": item("QS-1", "PCS")}) == {
        "a-1": ("QS-1",),
        "a-2": ("QS-1",),
    }
    # every narrower category with an amendment of its own: nothing left to compare
    both_own = [noise, construction, Standing("a-3", "040202", "ZFZD", ())]
    assert "a-1" not in settled(both_own, {"0402": item("QS-1", "ZFZD")})
