"""Lists, rulings and meetings are the office's: on a field laptop even a leader or an
administrator is refused at once, nothing is written, and the laptop's sync files stay
acceptable to the office."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.disputes import Ruling
from app.core.errors import DomainError
from app.core.holidays import Festival
from app.core.intake import IntakeRequest
from app.core.lists import ListKind
from app.core.model import Department, ResponseCommitment, Tier
from app.store.base_data import change_own_password, reset_password, save_department
from app.store.base_data_import import import_base_data, standard_set
from app.store.calendar_days import set_day, set_office_hours, set_year
from app.store.case_actions import act
from app.store.cases import register_case
from app.store.disputes import decide_dispute, disputes, refer_dispute
from app.store.lists import set_item
from app.store.meetings import schedule_meeting, set_members
from app.store.setup import set_response_commitment
from tests.clock import frozen
from tests.store.store_helpers import full_dump
from tests.sync.conftest import Node, enrol_laptop


def _attempts(laptop: Node) -> list[Callable[[], object]]:
    db, leader, admin = laptop.db, laptop.user("leader"), laptop.user("admin")
    dispute = disputes(db)[0]
    return [
        lambda: decide_dispute(
            db, leader, dispute.id, Ruling("ZFZD", reasoning="依清单"), wall=frozen
        ),
        lambda: refer_dispute(db, leader, dispute.id, "any-meeting", wall=frozen),
        lambda: set_item(
            db, admin, ListKind.BOUNDARY, "QS-XZCF-001", {"牵头部门": "派出所"}, wall=frozen
        ),
        lambda: set_members(db, leader, ["PCS"], wall=frozen),
        lambda: schedule_meeting(
            db, leader, "2099-01-05 09:30", "会议室", "刘建军", ["PCS"], wall=frozen
        ),
        # base data, the calendar and passwords are the office's too
        lambda: save_department(db, admin, NEW_UNIT, new=True, wall=frozen),
        lambda: import_base_data(db, admin, standard_set(), wall=frozen),
        lambda: reset_password(db, admin, "leader", "another1", wall=frozen),
        lambda: change_own_password(db, admin, "admin123", "another1", wall=frozen),
        lambda: set_day(db, admin, "2099-01-05", False, wall=frozen),
        lambda: set_year(db, admin, 2035, [NEW_YEAR], wall=frozen),
        lambda: set_office_hours(db, admin, "08:00", "17:00", wall=frozen),
        lambda: set_response_commitment(db, admin, "YJJ", ResponseCommitment(), wall=frozen),
    ]


NEW_UNIT = Department("LYZ", "林业站", "林业站", Tier.X)
NEW_YEAR = Festival(("元旦",), date(2035, 1, 1), date(2035, 1, 1))
ATTEMPTS = 13


def _dispute_at_the_office(office: Node) -> None:
    """派出所 returns a noise case as not its duty, so the laptop has a dispute to try."""
    clerk = office.user("clerk")
    request = IntakeRequest("0402", "G01", "工地夜间施工噪声扰民")
    number = register_case(office.db, office.blobs, clerk, request, wall=office.wall).number
    act(
        office.db, office.blobs, clerk, number, Request(Action.DISPATCH, to="PCS"), wall=office.wall
    )
    returning = Request(Action.RETURN, reason="属建筑施工噪声", not_our_duty=True)
    act(office.db, office.blobs, office.user("officer_pcs"), number, returning, wall=office.wall)


@pytest.mark.parametrize("attempt", range(ATTEMPTS))
def test_a_field_laptop_refuses_office_records_and_stays_in_sync(
    office: Node, tmp_path: Path, attempt: int
) -> None:
    _dispute_at_the_office(office)
    laptop = enrol_laptop(office, tmp_path / "dept", "派出所终端", "department", "PCS")
    before = full_dump(laptop.db)
    with pytest.raises(DomainError) as caught:
        _attempts(laptop)[attempt]()
    assert caught.value.code == "field_device_cannot"
    assert "部门终端" in str(caught.value)
    assert full_dump(laptop.db) == before
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    office.import_file(up.path)  # nothing the office would refuse was written
