"""The issue's "done means": report on a laptop, import at the office, dispatch, back."""

from __future__ import annotations

from pathlib import Path

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.store.case_actions import act
from app.store.cases import case_by_number
from tests.sync.conftest import Node, jpeg


def test_a_report_with_a_photo_goes_to_the_office_and_the_dispatch_comes_back(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    photo = jpeg(tmp_path / "camera")
    case = laptop.report("路边占道经营，摊位堵塞人行道", photo)
    assert (
        case.number.split("-")[2][:2] == laptop.db.execute("SELECT code FROM device").fetchone()[0]
    )

    up = laptop.export_to(office, tmp_path / "up.tdsync")
    assert (up.events, up.new_cases, up.blobs) == (1, 1, 1)
    result = office.import_file(up.path)
    assert result.preview["new_cases"] == 1
    arrived = case_by_number(office.db, case.number)
    assert arrived.status == "pending_triage"
    assert office.blobs.path(arrived.photos[0]).read_bytes() == photo.read_bytes()

    act(
        office.db,
        office.blobs,
        office.user("clerk"),
        case.number,
        Request(Action.DISPATCH, to="ZFZD"),
        wall=office.wall,
    )
    down = office.export_to(laptop, tmp_path / "down.tdsync")
    laptop.import_file(down.path)
    mine = case_by_number(laptop.db, case.number)
    assert mine.status == "assigned"
    assert (
        laptop.db.execute("SELECT lead_unit FROM cases WHERE number = ?", [case.number]).fetchone()[
            0
        ]
        == "ZFZD"
    )


def test_importing_the_same_file_twice_changes_nothing(
    office: Node, laptop: Node, tmp_path: Path
) -> None:
    from tests.store.store_helpers import full_dump

    laptop.report("夜间施工噪音扰民")
    up = laptop.export_to(office, tmp_path / "up.tdsync")
    office.import_file(up.path)
    before = full_dump(office.db)
    again = office.import_file(up.path)
    assert again.preview["already_imported"] is True
    assert full_dump(office.db) == before


def test_an_enrolment_file_that_cannot_be_written_leaves_no_trusted_device(
    office: Node, tmp_path: Path
) -> None:
    import pytest

    from app.core.errors import DomainError
    from app.store.devices import device_records
    from app.sync.enrolment import enrol
    from app.sync.keys import CHEAP

    admin = office.user("admin")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    with pytest.raises((DomainError, OSError)):
        enrol(
            office.db,
            office.blobs,
            office.keys,
            admin,
            "网格终端",
            "grid-worker",
            None,
            "laptop-keys",
            blocked / "enrol.tdenrol",
            CHEAP,
            wall=office.wall,
        )
    [lost] = [r for r in device_records(office.db) if r.name == "网格终端"]
    assert lost.revoked  # its identity never reached a laptop: never to be trusted
    again = enrol(
        office.db,
        office.blobs,
        office.keys,
        admin,
        "网格终端",
        "grid-worker",
        None,
        "laptop-keys",
        tmp_path / "enrol.tdenrol",
        CHEAP,
        wall=office.wall,
    )
    assert again.device.id != lost.id and not again.device.revoked
