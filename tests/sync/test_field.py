"""Field laptops take only the steps that belong in the field (core/case_path/rules.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.store.case_actions import act, actions_for, resolve_conflict
from app.store.cases import case_by_number
from app.store.queues import my_tasks
from tests.store.store_helpers import case_for, full_dump
from tests.sync.conftest import Node, enrol_laptop


def test_the_office_triages_a_grid_worker_laptop_does_not(office: Node, laptop: Node) -> None:
    case = laptop.report("广场噪音扰民")
    clerk = laptop.user("clerk")
    assert actions_for(laptop.db, clerk, case) == []
    before = full_dump(laptop.db)
    with pytest.raises(DomainError) as refused:
        act(
            laptop.db,
            laptop.blobs,
            clerk,
            case.number,
            Request(Action.DISPATCH, to="ZFZD"),
            wall=laptop.wall,
        )
    assert refused.value.code == "field_device_cannot"
    assert "网格员终端不能派遣" in str(refused.value)
    assert full_dump(laptop.db) == before
    with pytest.raises(DomainError) as refused:
        resolve_conflict(laptop.db, clerk, case.number, "以办公室为准", wall=laptop.wall)
    assert refused.value.code == "conflict_office_only"


def test_a_department_laptop_signs_for_and_reports_back_on_its_cases(
    office: Node, tmp_path: Path
) -> None:
    number = case_for(office.db, "ZFZD")  # the lists send it to the squad
    act(
        office.db,
        office.blobs,
        office.user("clerk"),
        number,
        Request(Action.DISPATCH, to="ZFZD"),
        wall=office.wall,
    )
    laptop = enrol_laptop(office, tmp_path / "dept", "执法中队终端", "department", "ZFZD")
    officer = laptop.user("officer_zfzd")
    case = case_by_number(laptop.db, number)
    assert actions_for(laptop.db, officer, case) == [
        a for a in actions_for(office.db, officer, case) if a != Action.CALL_CONFIRM
    ]
    act(laptop.db, laptop.blobs, officer, number, Request(Action.SIGN), wall=laptop.wall)
    act(
        laptop.db,
        laptop.blobs,
        officer,
        number,
        Request(Action.FEEDBACK, note="已清理"),
        wall=laptop.wall,
    )
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    office.import_file(up.path)
    assert case_by_number(office.db, number).status == "feedback"


def test_a_laptops_workbench_lists_only_what_it_can_move_on(office: Node, laptop: Node) -> None:
    at_office = {t.status for t in my_tasks(office.db, office.user("clerk"))}
    assert "pending_triage" in at_office  # the clerk's triage waits at the office
    on_laptop = {t.status for t in my_tasks(laptop.db, laptop.user("clerk"))}
    assert not on_laptop & {"pending_triage", "verified"}
    workers = (f"wgy{n:02}" for n in range(1, 20))  # the demo's 19 grid workers
    worker = next(u for u in workers if my_tasks(office.db, office.user(u)))
    office_checks = {t.number for t in my_tasks(office.db, office.user(worker))}
    assert {t.number for t in my_tasks(laptop.db, laptop.user(worker))} == office_checks
