"""Every released schema upgrades to the current one, keeps its data and goes on working."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.parties import PartyKind
from app.core.case_path.steps import Action
from app.core.disputes import Ruling
from app.core.errors import DomainError
from app.core.indicators import Group
from app.core.model import Reporter, Role, Route
from app.core.periods import month_of
from app.core.routing import Suggestion
from app.store.assessment import assessment_weights
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number
from app.store.database import latest_version, peek_schema_version, schema_version
from app.store.disputes import decide_dispute, disputes
from app.store.parties import case_parties
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.routing import override_report, suggestion_for
from app.store.setup import open_database
from app.store.signin import sign_in
from app.store.statistics import figures
from app.sync.enrolment import unlock
from app.sync.integrity import verify_everything
from app.sync.keys import CHEAP
from tests.clock import frozen
from tests.store.store_helpers import projection_dump
from tests.sync.conftest import Node, enrol_laptop

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / "towndesk.sqlite3"
    shutil.copy(FIXTURES / name, target)
    return target


def test_schema_2_upgrades_with_a_backup_and_rebuilds_to_the_same_state(tmp_path: Path) -> None:
    path = _copy("schema-2.sqlite3", tmp_path)
    db = open_database(path)
    assert schema_version(db) == latest_version()
    backup = tmp_path / "towndesk.before-v3.sqlite3"
    assert backup.exists()
    assert peek_schema_version(backup) == 2
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_an_upgraded_office_takes_steps_and_enrols_a_laptop(tmp_path: Path) -> None:
    path = _copy("schema-2.sqlite3", tmp_path)
    db = open_database(path)
    number = db.execute(
        "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number"
    ).fetchone()[0]
    case = act(
        db,
        BlobStore.beside(path),
        user_by_name(db, "clerk"),
        number,
        Request(Action.DISPATCH, to="ZFZD"),
        wall=frozen,
    )
    assert case.status == "assigned"
    office = Node(
        path,
        db,
        BlobStore.beside(path),
        unlock(db, path, "office-keys", CHEAP, user_by_name(db, "admin"), wall=frozen),
    )
    laptop = enrol_laptop(office, tmp_path / "laptop", "升级后的终端")
    count = "SELECT count(*) FROM cases"
    assert laptop.db.execute(count).fetchone() == db.execute(count).fetchone()
    status = "SELECT status FROM cases WHERE number = ?"
    assert laptop.db.execute(status, [number]).fetchone()[0] == "assigned"


# -- schema 4 (released at ad28a67): the three lists, before routing and disputes ----------------


def test_schema_4_upgrades_with_a_backup_and_rebuilds_to_the_same_state(tmp_path: Path) -> None:
    path = _copy("schema-4.sqlite3", tmp_path)
    assert peek_schema_version(path) == 4
    db = open_database(path)
    assert schema_version(db) == latest_version()
    backup = tmp_path / "towndesk.before-v5.sqlite3"
    assert backup.exists()
    assert peek_schema_version(backup) == 4
    assert db.execute("SELECT count(*) FROM cases").fetchone() == (60,)
    assert db.execute("SELECT count(*) FROM boundary_items").fetchone()[0] > 0
    assert db.execute("SELECT count(*) FROM disputes").fetchone() == (0,)
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def _as_suggested(suggestion: Suggestion) -> Request:
    if suggestion.route == Route.SELF:
        return Request(Action.SELF_HANDLE)
    if suggestion.route == Route.DISPATCH_X:
        return Request(Action.DISPATCH, to=suggestion.lead, with_units=suggestion.cooperating)
    return Request(Action.CALL, to=suggestion.lead, reason="请派员到场处置")


def test_an_upgraded_office_routes_as_the_lists_say_and_settles_a_dispute(tmp_path: Path) -> None:
    path = _copy("schema-4.sqlite3", tmp_path)
    db = open_database(path)
    blobs, clerk, officer = (
        BlobStore.beside(path),
        user_by_name(db, "clerk"),
        user_by_name(db, "officer"),  # 市场监管所
    )
    assert override_report(db) == []  # the old log's triage steps had no suggestion
    pending = [
        case_by_number(db, row[0])
        for row in db.execute(
            "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number"
        )
    ]
    suggested = {case.number: suggestion_for(db, case) for case in pending}
    assert all(s is not None and s.from_lists for s in suggested.values())

    for case in pending[:3]:  # whatever the lists say, followed without a reason
        suggestion = suggested[case.number]
        assert suggestion is not None
        assert (
            act(db, blobs, clerk, case.number, _as_suggested(suggestion), wall=frozen).status
            == "assigned"
        )
    assert sum(row.suggested for row in override_report(db)) == 3
    assert sum(row.overridden for row in override_report(db)) == 0

    number = next(n for n, s in suggested.items() if s is not None and s.lead == "SCJG")
    act(db, blobs, clerk, number, Request(Action.DISPATCH, to="SCJG"), wall=frozen)
    act(db, blobs, officer, number, Request(Action.SIGN), wall=frozen)
    returning = Request(
        Action.RETURN,
        reason="属流动摊贩占道，非本所职责",
        not_our_duty=True,
        cited=("QS-XZCF-001",),
    )
    act(db, blobs, officer, number, returning, wall=frozen)
    [dispute] = disputes(db)
    assert (dispute.case_number, dispute.unit, dispute.status) == (number, "SCJG", "open")

    versions = db.execute("SELECT count(*) FROM list_versions WHERE kind = 'boundary'").fetchone()[
        0
    ]
    ruling = Ruling("ZFZD", ("SCJG",), "流动摊贩占道由执法中队牵头", amend_list=True)
    refused = db.execute("SELECT count(*) FROM events").fetchone()
    with pytest.raises(DomainError) as caught:  # touching the lists is the leader's
        decide_dispute(db, clerk, dispute.id, ruling, wall=frozen)
    assert caught.value.code == "dispute_ruling_needs_leader"
    assert db.execute("SELECT count(*) FROM events").fetchone() == refused
    decided = decide_dispute(db, user_by_name(db, "leader"), dispute.id, ruling, wall=frozen)
    assert decided.status == "decided" and decided.amended_item
    # a local amendment beside the official list (schema 12), which keeps its versions
    assert (
        db.execute("SELECT count(*) FROM list_versions WHERE kind = 'boundary'").fetchone()[0]
        == versions
    )
    assert db.execute("SELECT item, lead FROM list_amendments").fetchall() == [
        (decided.amended_item, "ZFZD")
    ]
    ruled = suggestion_for(db, case_by_number(db, number))
    assert ruled is not None and (ruled.basis, ruled.lead) == ("ruling", "ZFZD")
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_5_upgrades_keeping_its_calendar_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    path = _copy("schema-5.sqlite3", tmp_path)
    assert peek_schema_version(path) == 5
    db = open_database(path)
    assert schema_version(db) == latest_version()
    backup = tmp_path / "towndesk.before-v6.sqlite3"
    assert peek_schema_version(backup) == 5
    assert db.execute("SELECT count(*) FROM cases").fetchone() == (60,)
    assert db.execute("SELECT count(*) FROM meetings").fetchone() == (2,)
    assert db.execute("SELECT day, working, note FROM calendar_overrides").fetchall() == [
        ("2027-01-04", 0, "本镇补休")
    ]
    assert db.execute("SELECT count(*) FROM holiday_schedules").fetchone() == (0,)
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_6_opens_and_rebuilds_to_the_same_state(tmp_path: Path) -> None:
    """The newest released schema, made by its own program: it opens without a backup
    while it is the latest, and its base-data changes survive a rebuild (the officer moved
    to another unit keeps the steps he took at the old one)."""
    path = _copy("schema-6.sqlite3", tmp_path)
    assert peek_schema_version(path) == 6
    db = open_database(path)
    assert schema_version(db) == latest_version()
    assert peek_schema_version(tmp_path / "towndesk.before-v7.sqlite3") == 6
    assert db.execute("SELECT limit_hours FROM categories WHERE code = '0101'").fetchone() == (6,)
    assert db.execute("SELECT count(*) FROM holiday_schedules").fetchone() == (1,)
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_6_users_and_reporters_in_plain_events_still_sign_in_and_show(
    tmp_path: Path,
) -> None:
    """Events from before secrets were held by ref carry the hash and the reporter
    themselves: they fold as before, and sign-in and the case read them as before."""
    db = open_database(_copy("schema-6.sqlite3", tmp_path))
    assert db.execute("SELECT count(*) FROM secrets").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM users WHERE password_ref IS NOT NULL").fetchone() == (
        0,
    )
    assert sign_in(db, "admin", "admin123", now_ms=frozen).role == Role.ADMINISTRATOR
    number, name, phone = db.execute(
        "SELECT number, reporter_name, reporter_phone FROM cases WHERE reporter_name != '' "
        "ORDER BY number"
    ).fetchone()
    assert case_by_number(db, number).reporter == Reporter(name, phone)


def test_schema_7_holds_its_secrets_by_ref_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    """Made by its own program: passwords and reporters held by ref, which a rebuild leaves
    alone and verify finds matching."""
    path = _copy("schema-7.sqlite3", tmp_path)
    assert peek_schema_version(path) == 7
    db = open_database(path)
    assert schema_version(db) == latest_version()
    if latest_version() == 7:  # nothing to upgrade: no backup made
        assert not list(tmp_path.glob("*.before-*"))
    plain = "SELECT count(*) FROM events WHERE payload LIKE ? OR payload LIKE ?"
    assert db.execute(plain, ["%password_hash%", "%reporter_phone%"]).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM secrets").fetchone() == (27,)
    assert sign_in(db, "clerk", "clerk456", now_ms=frozen).role == Role.CLERK
    number = db.execute(
        "SELECT number FROM cases WHERE reporter_ref IS NOT NULL ORDER BY number"
    ).fetchone()[0]
    reporter = case_by_number(db, number).reporter
    assert reporter.name and reporter.phone.startswith("1") and not reporter.withheld
    secrets_before = db.execute("SELECT * FROM secrets ORDER BY ref").fetchall()
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
    assert db.execute("SELECT * FROM secrets ORDER BY ref").fetchall() == secrets_before
    assert verify_everything(db, BlobStore.beside(path), deep=False).ok


def test_schema_8_keeps_its_figures_and_weights_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    """The facts, their daily sums and the assessment's weights, which a rebuild works out
    again identically."""
    path = _copy("schema-8.sqlite3", tmp_path)
    assert peek_schema_version(path) == 8
    db = open_database(path)
    assert schema_version(db) == latest_version()
    assert db.execute("SELECT count(*) FROM case_facts").fetchone() == (60,)
    weights = {"on_time_closure_rate": 50, "rework_rate": 30, "signed_on_time_rate": 20}
    assert assessment_weights(db) == weights
    period = month_of(date(2026, 12, 1))
    now = datetime(2026, 12, 5, 16, 0)
    shown = figures(db, period, Group.UNIT, now)
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
    assert figures(db, period, Group.UNIT, now) == shown  # (its photos are not kept here)


def test_schema_9_keeps_its_parties_by_ref_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    """The newest released schema: a case's parties (当事人), their personal data held by
    ref in ``secrets``, a removed party kept with its reason; a rebuild gives the same."""
    path = _copy("schema-9.sqlite3", tmp_path)
    assert peek_schema_version(path) == 9
    db = open_database(path)
    assert schema_version(db) == latest_version()
    case_id = db.execute("SELECT id FROM cases WHERE number = 'QS-20261205-VJ0001'").fetchone()[0]
    shown = [
        (p.kind, p.name, p.id_number, p.legal_rep) for p in case_parties(db, case_id, Role.CLERK)
    ]
    assert shown == [
        (PartyKind.PERSON, "张三", "320102199001011232", ""),
        (PartyKind.ORGANISATION, "烟台某某餐饮有限公司", "", "王五"),
    ]
    masked = [p.name for p in case_parties(db, case_id, Role.DEPARTMENT_OFFICER)]
    assert masked == ["张某", "烟台某某餐饮有限公司"]
    removed = db.execute("SELECT removed_reason FROM case_parties WHERE removed_at IS NOT NULL")
    assert removed.fetchall() == [("当事人登记错了",)]
    before = projection_dump(db)
    secrets_before = db.execute("SELECT * FROM secrets ORDER BY ref").fetchall()
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
    assert db.execute("SELECT * FROM secrets ORDER BY ref").fetchall() == secrets_before
    assert verify_everything(db, BlobStore.beside(path), deep=False).ok


def test_schema_9_upgrades_to_step_clocks_and_rebuilds_to_the_same_state(tmp_path: Path) -> None:
    """db/0010: the upgrade folds every case again, so a case waiting for triage gets its
    clock (registered on Saturday 2026-12-05: due at the end of Monday), a transfer whose
    outcome came back has none, and a rebuild gives the same."""
    path = _copy("schema-9.sqlite3", tmp_path)
    db = open_database(path)
    assert schema_version(db) == latest_version() >= 10
    clocks = dict(
        db.execute(
            "SELECT number, step_clock || ' ' || step_due_at FROM cases "
            "WHERE step_clock IS NOT NULL"
        ).fetchall()
    )
    assert clocks == {"QS-20261205-VJ0002": "triage 2026-12-07 17:30:00"}
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_10_keeps_its_step_clocks_and_rebuilds_to_the_same_state(tmp_path: Path) -> None:
    """Schema 10: triage, verification and transfer-receipt clocks on the cases, and a
    category's own verification limit."""
    path = _copy("schema-10.sqlite3", tmp_path)
    assert peek_schema_version(path) == 10
    db = open_database(path)
    assert schema_version(db) == latest_version()
    kinds = dict(
        db.execute(
            "SELECT step_clock, count(*) FROM cases WHERE step_clock IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    assert kinds == {"triage": 13, "verify": 1, "transfer_receipt": 1}
    due = db.execute(
        "SELECT step_due_at FROM cases WHERE number = 'QS-20260610-VJ0001'"
    ).fetchone()[0]
    assert due == "2026-12-11 17:30:00"  # five working days after Saturday's transfer
    # 0102 verified within its own 5 working days (category.step_limits_set)
    limits = db.execute("SELECT * FROM category_step_limits").fetchall()
    assert limits == [("0102", None, 5, None)]
    due = db.execute(
        "SELECT step_due_at FROM cases WHERE number = 'QS-20260609-VJ0001'"
    ).fetchone()[0]
    assert due == "2026-12-11 17:30:00"
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_11_keeps_its_police_requests_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    """db/0011 (行刑衔接): one request approved (letter numbered, the procuratorate copied,
    declined by the police and reviewed), one denied, one waiting; upgraded to the newest
    schema, and a rebuild gives the same."""
    path = _copy("schema-11.sqlite3", tmp_path)
    assert peek_schema_version(path) == 11
    db = open_database(path)
    assert schema_version(db) == latest_version()
    rows = db.execute(
        "SELECT decision, letter_no, copy_to, review_reason FROM police_requests "
        "ORDER BY requested_at"
    ).fetchall()
    assert rows == [
        ("approved", "青石综执移公〔2026〕1号", "蓬山区人民检察院", "抽头数额已鉴定"),
        ("denied", "", "", ""),
        (None, "", "", ""),
    ]
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_12_keeps_its_local_amendments_and_splits_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    """db/0012 (governed lists): two local amendments beside the
    official boundary items, category 0402 split in two; a rebuild gives the same."""
    path = _copy("schema-12.sqlite3", tmp_path)
    assert peek_schema_version(path) == 12
    db = open_database(path)
    assert schema_version(db) == latest_version()
    amendments = db.execute(
        "SELECT category_code, item, lead, case_number FROM list_amendments ORDER BY hlc"
    ).fetchall()
    assert amendments == [
        ("0501", "QS-XZCF-021", "ZFZD", "QS-20261205-VJ0001"),
        ("040201", "QS-XZCF-018", "ZFZD", "QS-20261205-VJ0002"),
    ]
    splits = db.execute("SELECT code, split_from FROM category_splits ORDER BY code").fetchall()
    assert splits == [("040201", "0402"), ("040202", "0402")]
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def test_schema_13_keeps_what_followed_its_police_transfers_and_rebuilds_to_the_same_state(
    tmp_path: Path,
) -> None:
    """The newest schema (db/0013, 行刑衔接 after the police receive a case): the principal
    leader named; a refusal upheld on review and the procuratorate asked; a case passed on
    by the police and opened (its handover clock running); one opened and its items handed
    over. A rebuild gives the same."""
    path = _copy("schema-13.sqlite3", tmp_path)
    assert peek_schema_version(path) == 13
    db = open_database(path)
    assert schema_version(db) == latest_version()
    leader = user_by_name(db, "leader")
    assert db.execute("SELECT principal_leader_id, acting_leader_id FROM township").fetchone() == (
        leader.id,
        None,
    )
    requests = db.execute(
        "SELECT letter_no, review_answer, supervision_to, supervision_reason FROM police_requests "
        "ORDER BY requested_at"
    ).fetchall()
    assert requests == [
        ("青石综执移公〔2026〕1号", "upheld", "蓬山区人民检察院", "数额已达追诉标准"),
        ("青石综执移公〔2026〕2号", None, "", ""),
        ("青石综执移公〔2026〕3号", None, "", ""),
    ]
    sent = db.execute(
        "SELECT letter_no, outcome, passed_to, handover_owed, handover_list, handover_officer "
        "FROM transfers WHERE police = 1 ORDER BY sent_at"
    ).fetchall()
    assert sent == [
        ("青石综执移公〔2026〕1号", "declined", "", 0, "", ""),
        ("青石综执移公〔2026〕2号", "accepted", "东莱市公安局森林分局", 1, "", ""),
        ("青石综执移公〔2026〕3号", "accepted", "", 1, "涉案物品移交清单1号", "王警官"),
    ]
    clocks = db.execute(
        "SELECT number, step_clock, step_due_at FROM cases WHERE number LIKE 'QS-20261205-%' "
        "ORDER BY number"
    ).fetchall()
    assert clocks[1] == ("QS-20261205-VJ0002", "police_handover", "2026-12-08 17:30:00")
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before
