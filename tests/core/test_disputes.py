"""The rules of duty disputes (core/disputes.py), on plain inputs: who may be named in a
ruling, when a dispute can still be ruled on or referred, who may rule where the lists are
touched, and when a dispute is withdrawn from a meeting."""

from __future__ import annotations

import pytest

from app.core.disputes import (
    DECIDE,
    DECIDED,
    OPEN,
    REFER,
    REFERRED,
    WITHDRAW,
    CheckedRuling,
    Dispute,
    Ruling,
    check_may_refer,
    check_referable,
    check_ruling,
    check_undecided,
    check_who_rules,
    check_withdrawable,
    office_actions,
    touches_lists,
)
from app.core.errors import DomainError
from app.core.model import Role

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


def test_a_ruling_touches_the_lists_when_it_amends_them_or_names_another_lead() -> None:
    assert touches_lists(RULED, True, "ZFZD") == "修改职责边界清单"
    assert touches_lists(RULED, False, "SCJG") == "所定牵头单位与职责清单不同"
    assert touches_lists(RULED, False, "ZFZD") == ""  # it applies the lists as they stand
    assert touches_lists(RULED, False, None) == ""  # the lists say nothing of the category


def who_rules(role: Role, touches: str, meeting: str | None = None, **d: object) -> str:
    try:
        check_who_rules(dispute(**d), role, meeting, touches, 3 if d else None)
    except DomainError as refused:
        return str(refused)
    return "ok"


def test_only_the_leader_or_a_meeting_rules_where_the_lists_are_touched() -> None:
    touched = "修改职责边界清单"
    assert who_rules(Role.CLERK, "") == "ok"
    assert who_rules(Role.CLERK, touched) == (
        "这项裁定修改职责边界清单，只能由分管领导裁定，或提交联席会议决定。"
    )
    assert who_rules(Role.ADMINISTRATOR, touched).startswith("这项裁定修改职责边界清单")
    assert who_rules(Role.LEADER, touched) == "ok"
    assert who_rules(Role.CLERK, touched, meeting="m-1") == "ok"  # a meeting's decision


def test_a_referred_dispute_is_decided_by_its_meeting_only() -> None:
    refused = "这项职责争议已提交第 3 次联席会议，只能由该次会议作出决议；如需另行裁定，请先撤回。"
    assert who_rules(Role.LEADER, "", meeting_id="m-1") == refused
    assert who_rules(Role.CLERK, "", "m-2", meeting_id="m-1") == refused
    assert who_rules(Role.CLERK, "修改职责边界清单", "m-1", meeting_id="m-1") == "ok"


def test_only_a_referred_undecided_dispute_is_withdrawn_and_with_a_reason() -> None:
    assert check_withdrawable(dispute(meeting_id="m-1"), "  会议延期，先由领导裁定 ") == (
        "会议延期，先由领导裁定"
    )
    for changes, reason, code in [
        ({}, "理由", "dispute_not_referred"),
        ({"meeting_id": "m-1"}, "  ", "dispute_withdraw_reason_missing"),
        (
            {"meeting_id": "m-1", "decided_at": "2026-11-19 09:00:00"},
            "理由",
            "dispute_already_decided",
        ),
    ]:
        with pytest.raises(DomainError) as refused:
            check_withdrawable(dispute(**changes), reason)
        assert refused.value.code == code
    with pytest.raises(DomainError) as refused:
        check_withdrawable(dispute(), "理由")
    assert str(refused.value) == "这项职责争议没有提交联席会议，无需撤回。"


def actions(d: Dispute, referred_to: int | None = None, ahead: bool = True) -> dict[str, str]:
    """office_actions as text: "ok", or the refusal's Chinese."""
    return {
        action: "ok" if refusal is None else str(refusal)
        for action, refusal in office_actions(d, referred_to, ahead).items()
    }


def test_the_office_may_rule_on_refer_or_withdraw_what_its_writes_would_accept() -> None:
    not_referred = "这项职责争议没有提交联席会议，无需撤回。"
    assert actions(dispute()) == {DECIDE: "ok", REFER: "ok", WITHDRAW: not_referred}
    assert actions(dispute(), ahead=False) == {
        DECIDE: "ok",
        REFER: "还没有待召开的联席会议：请先安排一次联席会议。",
        WITHDRAW: not_referred,
    }
    # referred to meeting 3: the meeting's until withdrawn (the office's own ruling refused)
    assert actions(dispute(meeting_id="m-1"), 3) == {
        DECIDE: (
            "这项职责争议已提交第 3 次联席会议，只能由该次会议作出决议；如需另行裁定，请先撤回。"
        ),
        REFER: "这项职责争议已提交第 3 次联席会议；如需改由其他会议或分管领导裁定，请先撤回。",
        WITHDRAW: "ok",
    }
    done = "这项职责争议已于 2026-11-19 09:00:00 作出裁定，不能再次裁定或提交会议。"
    decided = dispute(meeting_id="m-1", decided_at="2026-11-19 09:00:00")
    assert actions(decided, 3) == {DECIDE: done, REFER: done, WITHDRAW: done}


def test_a_referred_dispute_is_not_referred_again_until_withdrawn() -> None:
    check_may_refer(dispute(), None)
    with pytest.raises(DomainError) as refused:
        check_may_refer(dispute(meeting_id="m-1"), 3)
    assert (refused.value.code, refused.value.params["value"]) == ("dispute_already_referred", 3)
    check_may_refer(dispute(meeting_id="m-1"), 3, "m-1")  # its own meeting: nothing changes
    with pytest.raises(DomainError) as elsewhere:
        check_may_refer(dispute(meeting_id="m-1"), 3, "m-2")
    assert elsewhere.value.code == "dispute_already_referred"
    with pytest.raises(DomainError) as decided:
        check_may_refer(dispute(decided_at="2026-11-19 09:00:00"), None)
    assert decided.value.code == "dispute_already_decided"
