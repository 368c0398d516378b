"""Who decides a transfer to the police (order 310 art. 5): every leader while no principal
leader is named; once named, only the principal leader and the one acting for them."""

from __future__ import annotations

import pytest

from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.rules import allowed_actions
from app.core.case_path.steps import Action, Actor, CaseState
from app.core.errors import DomainError
from app.core.model import Role, User
from app.core.police_transfer import Deciders, check_deciders, deciders_note
from tests.core.test_police_transfer import requested
from tests.core.test_workflow import DEPARTMENTS, EVIDENCE, LEADER, TODAY, VALID

A = Action
DEPUTY = Actor("u-deputy", Role.LEADER, "ZHB")
ACTING = Actor("u-acting", Role.LEADER, "ZHB")
NAMED = Deciders(("u-leader", "刘建军"))
WITH_ACTING = Deciders(("u-leader", "刘建军"), ("u-acting", "周海"))
DENY = Request(A.POLICE_DENY, reason="赌资数额尚未查实")


def decided(state: CaseState, actor: Actor, request: Request, deciders: Deciders) -> str:
    numbers = Numbers(letter_no="青石综执移公〔2026〕1号")
    decision = decide(
        state, actor, request, DEPARTMENTS, numbers, TODAY, evidence=EVIDENCE, deciders=deciders
    )
    return decision.event_type


def test_while_none_is_named_every_leader_decides_and_is_told_so() -> None:
    state = requested()
    assert decided(state, DEPUTY, VALID[A.POLICE_APPROVE], Deciders()) == (
        "case.police_transfer_approved"
    )
    assert A.POLICE_APPROVE in allowed_actions(state, DEPUTY)
    note = deciders_note(Deciders())
    assert note is not None and note.zh.startswith("本镇尚未设定主要负责人，任一领导均可审批")
    assert deciders_note(NAMED) is None


def test_once_named_only_the_principal_leader_decides() -> None:
    state = requested()
    with pytest.raises(DomainError) as caught:
        decided(state, DEPUTY, VALID[A.POLICE_APPROVE], NAMED)
    assert str(caught.value) == (
        "移送公安由本机关主要负责人审批（《行政执法机关移送涉嫌犯罪案件的规定》第五条），"
        "本镇设定的是刘建军，您不能审批。"
    )
    with pytest.raises(DomainError):
        decided(state, DEPUTY, DENY, NAMED)
    assert decided(state, LEADER, DENY, NAMED) == "case.police_transfer_denied"
    offered = allowed_actions(state, DEPUTY, None, NAMED)
    assert A.POLICE_APPROVE not in offered and A.POLICE_DENY not in offered
    assert A.POLICE_APPROVE in allowed_actions(state, LEADER, None, NAMED)


def test_the_acting_leader_decides_too() -> None:
    state = requested()
    assert decided(state, ACTING, DENY, WITH_ACTING) == "case.police_transfer_denied"
    with pytest.raises(DomainError) as caught:
        decided(state, DEPUTY, DENY, WITH_ACTING)
    assert "本镇设定的是刘建军或主持工作的周海" in str(caught.value)


def test_the_role_is_still_asked_first() -> None:
    from tests.core.test_workflow import CLERK

    with pytest.raises(DomainError) as caught:
        decided(requested(), CLERK, VALID[A.POLICE_APPROVE], Deciders())
    assert caught.value.code == "permission_denied"


def user(uid: str, role: Role = Role.LEADER, active: bool = True) -> User:
    return User(uid, uid, f"名{uid}", role, "ZHB", active=active)


@pytest.mark.parametrize(
    ("principal", "acting", "code"),
    [
        (user("c", Role.CLERK), None, "principal_not_leader"),
        (user("l", active=False), None, "principal_not_leader"),
        (user("l"), user("s", Role.SUPERVISOR), "principal_not_leader"),
        (None, user("l"), "acting_needs_principal"),
        (user("l"), user("l"), "acting_is_principal"),
    ],
)
def test_who_may_be_named(principal: User | None, acting: User | None, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_deciders(principal, acting)
    assert caught.value.code == code


def test_leaders_may_be_named() -> None:
    check_deciders(user("l"), user("a"))
    check_deciders(user("l"), None)
    check_deciders(None, None)
