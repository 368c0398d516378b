"""The principal leader in the database (order 310 art. 5): named by the administrator as an
event, asked before a police transfer is approved or refused and when the steps are
offered; refusals change nothing; a rebuild gives the same township row."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.model import Role, User
from app.store.base_data import save_user
from app.store.case_actions import actions_for
from app.store.cases import case_by_number
from app.store.police_transfers import deciders_of, requests_of, set_deciders
from app.store.reference import user_by_name
from tests.store.store_helpers import full_dump
from tests.store.test_police_transfers import ask, handling
from tests.store.test_transfers import Office, assert_rebuild_is_identical

A = Action


@pytest.fixture
def office(small_db, small_path: Path) -> Office:
    office = Office(small_db, small_path)
    admin = user_by_name(small_db, "admin")
    deputy = User("", "deputy", "周海", Role.LEADER, "ZHB")
    save_user(small_db, admin, deputy, new=True, wall=office.tick, password="deputy-pass-1")
    return office


def name(office: Office, principal: str | None, acting: str | None = None) -> None:
    set_deciders(office.db, user_by_name(office.db, "admin"), principal, acting, wall=office.tick)


def refused(office: Office, who: str, principal: str | None, acting: str | None = None) -> str:
    before = full_dump(office.db)
    with pytest.raises(DomainError) as caught:
        user = user_by_name(office.db, who)
        set_deciders(office.db, user, principal, acting, wall=office.tick)
    assert full_dump(office.db) == before
    return caught.value.code


def test_the_administrator_names_the_principal_and_only_they_decide(office: Office) -> None:
    assert deciders_of(office.db).principal is None
    name(office, "leader", "deputy")
    deciders = deciders_of(office.db)
    assert (deciders.principal, deciders.acting) == (
        (user_by_name(office.db, "leader").id, "刘建军"),
        (user_by_name(office.db, "deputy").id, "周海"),
    )
    row = office.db.execute("SELECT type FROM events ORDER BY rowid DESC LIMIT 1").fetchone()
    assert row == ("township.principal_leader_set",)
    name(office, "leader")  # the acting one no longer
    number = handling(office)
    ask(office, number)
    case = case_by_number(office.db, number)
    deputy = user_by_name(office.db, "deputy")
    assert A.POLICE_APPROVE not in actions_for(office.db, deputy, case)
    error = office.refuse(number, A.POLICE_APPROVE, "deputy")
    assert error.code == "police_decider_not_principal"
    assert "本镇设定的是刘建军" in str(error)
    assert office.refuse(number, A.POLICE_DENY, "deputy", reason="不够").code == (
        "police_decider_not_principal"
    )
    office.act(number, A.POLICE_APPROVE, "leader")
    (request,) = requests_of(office.db, case.id)
    assert (request.decision, request.decided_by) == ("approved", "刘建军")
    assert_rebuild_is_identical(office.db)


def test_the_acting_leader_decides_while_named(office: Office) -> None:
    name(office, "leader", "deputy")
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_DENY, "deputy", reason="赌资数额尚未查实")
    (request,) = requests_of(office.db, case_by_number(office.db, number).id)
    assert (request.decision, request.decided_by) == ("denied", "周海")


def test_while_none_is_named_every_leader_decides(office: Office) -> None:
    name(office, "leader")
    name(office, None)  # cleared: every leader again
    assert deciders_of(office.db).principal is None
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_APPROVE, "deputy")
    assert office.status(number) == "transferred"


def test_a_principal_no_longer_a_leader_names_no_one(office: Office) -> None:
    name(office, "deputy")
    admin = user_by_name(office.db, "admin")
    deputy = user_by_name(office.db, "deputy")
    save_user(office.db, admin, User(**{**deputy.__dict__, "active": False}), new=False,
              wall=office.tick)  # fmt: skip
    assert deciders_of(office.db).principal is None
    number = handling(office)
    ask(office, number)
    office.act(number, A.POLICE_APPROVE, "leader")


def test_refusals_change_nothing(office: Office) -> None:
    assert refused(office, "clerk", "leader") == "permission_denied"
    assert refused(office, "admin", "clerk") == "principal_not_leader"
    assert refused(office, "admin", None, "leader") == "acting_needs_principal"
    assert refused(office, "admin", "leader", "leader") == "acting_is_principal"
    assert refused(office, "admin", "nobody") == "user_unknown"
