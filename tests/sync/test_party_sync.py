"""Parties (当事人) across devices: a party recorded at the office while a laptop works the
case offline makes no conflict, and one a laptop records after the case left its unit is
kept in the log, not applied, and flagged, the same on both devices."""

from __future__ import annotations

from pathlib import Path

from app.core.case_path.decide import Request
from app.core.case_path.parties import PartyRequest
from app.core.case_path.steps import Action
from app.core.model import Role
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.parties import add_party, case_parties
from tests.sync.conftest import Node, enrol_laptop
from tests.sync.test_conflicts import case_record, send

PERSON = PartyRequest("person", "张三", "320102199001011232", "13805356789")


def dispatched(office: Node, tmp_path: Path) -> tuple[Node, str]:
    """A department laptop of the squadron (ZFZD) holding a case dispatched to it."""
    laptop = enrol_laptop(office, tmp_path / "zfzd", "执法中队终端", "department", "ZFZD")
    number = office.report("沿街商铺占道经营，堵塞人行道").number
    request = Request(Action.DISPATCH, to="ZFZD", override_reason="现场核实后另行分拨")
    act(office.db, office.blobs, office.user("clerk"), number, request, wall=office.wall)
    send(office, laptop, tmp_path / "files")
    return laptop, number


def test_a_party_recorded_while_a_laptop_signs_offline_makes_no_conflict(
    office: Node, tmp_path: Path
) -> None:
    laptop, number = dispatched(office, tmp_path)
    # the party comes first in the merged order; the laptop, not knowing it, signs after:
    # the step's basis is the dispatch, and the party must not count as a step between
    add_party(office.db, office.user("clerk"), number, PERSON, wall=office.wall)
    officer = laptop.user("officer_zfzd")
    act(laptop.db, laptop.blobs, officer, number, Request(Action.SIGN), wall=laptop.wall)
    send(laptop, office, tmp_path / "files")
    send(office, laptop, tmp_path / "files")
    case = case_by_number(office.db, number)
    assert case.status == "handling"
    assert office.db.execute("SELECT conflict FROM cases WHERE id = ?", [case.id]).fetchone() == (
        0,
    )
    assert [p.name for p in case_parties(office.db, case.id, Role.CLERK)] == ["张三"]
    assert case_record(office.db, number) == case_record(laptop.db, number)
    laptop.db.close()


def test_a_party_recorded_after_the_case_left_the_unit_is_flagged_not_applied(
    office: Node, tmp_path: Path
) -> None:
    laptop, number = dispatched(office, tmp_path)
    returned = Request(Action.RETURN, reason="派错单位")
    act(office.db, office.blobs, office.user("clerk"), number, returned, wall=office.wall)
    add_party(laptop.db, laptop.user("officer_zfzd"), number, PERSON, wall=laptop.wall)
    send(laptop, office, tmp_path / "files")
    send(office, laptop, tmp_path / "files")
    case = case_by_number(office.db, number)
    assert case_parties(office.db, case.id, Role.CLERK) == []
    kinds = office.db.execute(
        "SELECT c.kind, e.type FROM case_conflicts c JOIN events e ON e.id = c.event_id "
        "WHERE c.case_id = ?",
        [case.id],
    ).fetchall()
    assert kinds == [("rival", "case.party_added")]
    assert case_record(office.db, number) == case_record(laptop.db, number)
    laptop.db.close()
