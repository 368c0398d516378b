"""Case transfers (案件移送) and transfers to the police (行刑衔接) in the database: letter
numbers, receipt then outcome, a declined or returned transfer coming back to triage,
cases transferred in naming their sender, the waiting list, and refusals changing nothing."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.clock import CHINA, local_text
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import Case
from app.core.transfers import OUTCOME, RECEIPT
from app.store.blobs import BlobStore
from app.store.case_actions import act
from app.store.cases import case_by_number, register_case
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from app.store.transfers import (
    all_transfers,
    latest_transfer_out,
    transfers_of,
    waiting_transfers,
)
from tests.store.police_helpers import materials
from tests.store.store_helpers import DEMO_NOW_MS, full_dump, projection_dump

DAY = 86_400_000
MINUTE = 60_000
POLICE = {
    "offence": "销售假冒注册商标的商品罪",
    "threshold": "现场查获假冒白酒约300瓶，货值约9万元，超过5万元的追诉标准",
    "reason": "涉嫌犯罪，依法应移送公安机关",
}
ORDINARY = {"to": "区自然资源局", "reason": "属非法占用耕地建设，由自然资源部门查处"}


def wall_at(year: int, month: int, day: int, hour: int = 10) -> int:
    return int(datetime(year, month, day, hour, tzinfo=CHINA).timestamp() * 1000)


class Office:
    """The office desk on the demo township without cases: registers and acts with a
    clock that moves a minute per step (or jumps where a test says)."""

    def __init__(self, db: Any, path: Path) -> None:
        self.db = db
        self.blobs = BlobStore.beside(path)
        self.folder = path.parent / "materials"
        self.now = DEMO_NOW_MS + DAY

    def tick(self) -> int:
        self.now += MINUTE
        return self.now

    def register(self, **fields: Any) -> str:
        request = IntakeRequest("0101", "G01", "村口耕地上有人违法建设厂房", "青石村村口", **fields)
        clerk = user_by_name(self.db, "clerk")
        return register_case(self.db, self.blobs, clerk, request, wall=self.tick).number

    def act(
        self, number: str, action: Action, who: str = "clerk", files: list[Path] = (), **fields: Any
    ) -> Case:
        user = user_by_name(self.db, who)
        request = Request(action, **fields)
        return act(self.db, self.blobs, user, number, request, files, wall=self.tick)

    def refuse(self, number: str, action: Action, who: str = "clerk", **fields: Any) -> DomainError:
        """The step is refused and the database is exactly as it was."""
        before = full_dump(self.db)
        with pytest.raises(DomainError) as caught:
            self.act(number, action, who, **fields)
        assert full_dump(self.db) == before
        return caught.value

    def transfer(self, police: bool = False) -> str:
        number = self.register()
        if police:  # asked for with its materials, approved by the leader (order 310)
            files, attached = materials(self.folder / number)
            fields = {k: v for k, v in POLICE.items() if k != "reason"}
            self.act(number, Action.POLICE_REQUEST, files=files, attachments=attached, **fields)
            self.act(number, Action.POLICE_APPROVE, "leader", to="公安机关")
        else:
            self.act(number, Action.TRANSFER, **ORDINARY)
        return number

    def letter(self, number: str) -> str:
        transfer = latest_transfer_out(self.db, case_by_number(self.db, number).id)
        assert transfer is not None
        return transfer.letter_no

    def status(self, number: str) -> str:
        return case_by_number(self.db, number).status.value


@pytest.fixture
def office(small_db, small_path: Path) -> Office:
    return Office(small_db, small_path)


def assert_rebuild_is_identical(db: Any) -> None:
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


# -- letter numbers ----------------------------------------------------------------------------


def test_letters_are_numbered_per_year_in_two_series(office: Office) -> None:
    first, police, second = office.transfer(), office.transfer(police=True), office.transfer()
    assert office.letter(first) == "青石综执移〔2026〕1号"
    assert office.letter(second) == "青石综执移〔2026〕2号"
    assert office.letter(police) == "青石综执移公〔2026〕1号"
    office.now = wall_at(2027, 1, 4)
    assert office.letter(office.transfer(police=True)) == "青石综执移公〔2027〕1号"
    assert office.letter(office.transfer()) == "青石综执移〔2027〕1号"
    assert office.letter(office.transfer()) == "青石综执移〔2027〕2号"
    assert_rebuild_is_identical(office.db)


def test_numbers_count_on_past_nine(office: Office) -> None:
    """The largest number is found as a number, not as text (where 9号 comes after 10号)."""
    for _ in range(10):
        office.transfer()
    assert office.letter(office.transfer()) == "青石综执移〔2026〕11号"
    assert office.letter(office.transfer(police=True)) == "青石综执移公〔2026〕1号"


def test_a_number_is_never_used_twice(office: Office) -> None:
    """A transfer sent back keeps its letter; sending the case again takes a new number,
    and so does the next case, even after a rebuild."""
    number = office.transfer()
    office.act(number, Action.TRANSFER_RECEIPT, received_by="区自然资源局 李明")
    office.act(number, Action.TRANSFER_OUTCOME, outcome="returned", note="证据不足，退回补充")
    office.act(number, Action.TRANSFER, **ORDINARY)
    letters = [t.letter_no for t in transfers_of(office.db, case_by_number(office.db, number).id)]
    assert letters == ["青石综执移〔2026〕1号", "青石综执移〔2026〕2号"]
    rebuild(office.db, user_by_name(office.db, "admin"))
    assert office.letter(office.transfer()) == "青石综执移〔2026〕3号"
    every = [t.letter_no for t in all_transfers(office.db)]
    assert len(every) == len(set(every)) == 3


def test_a_letter_number_of_a_sender_does_not_move_our_series(office: Office) -> None:
    office.register(
        source="transfer", transfer_unit="邻镇综合执法办", transfer_letter="青石综执移〔2026〕7号"
    )
    assert office.letter(office.transfer()) == "青石综执移〔2026〕1号"


# -- receipt, then outcome ---------------------------------------------------------------------


def test_receipt_then_outcome_accepted_keeps_the_case_transferred(office: Office) -> None:
    number = office.transfer(police=True)
    [waiting] = waiting_transfers(office.db)
    assert (waiting.case_number, waiting.police, waiting.waiting_for) == (number, True, RECEIPT)
    assert (waiting.offence, waiting.threshold) == (POLICE["offence"], POLICE["threshold"])
    assert office.refuse(
        number, Action.TRANSFER_OUTCOME, outcome="accepted", note="已立案"
    ).code == ("receipt_first")
    office.act(number, Action.TRANSFER_RECEIPT, received_by="青石派出所 王警官")
    received_at = local_text(office.now)
    [waiting] = waiting_transfers(office.db)
    assert (waiting.waiting_for, waiting.receipt_at, waiting.receipt_by) == (
        OUTCOME,
        received_at,
        "青石派出所 王警官",
    )
    second = office.refuse(number, Action.TRANSFER_RECEIPT, received_by="又一次")
    assert second.code == "already_recorded"
    office.act(number, Action.TRANSFER_OUTCOME, outcome="accepted", note="已立案侦查")
    assert office.status(number) == "transferred"
    assert waiting_transfers(office.db) == []
    [done] = transfers_of(office.db, case_by_number(office.db, number).id)
    assert (done.outcome, done.outcome_at, done.outcome_note) == (
        "accepted",
        local_text(office.now),
        "已立案侦查",
    )
    assert str(done.outcome_words()) == "立案"  # the police's own word
    again = office.refuse(number, Action.TRANSFER_OUTCOME, outcome="declined", note="改为不立案")
    assert again.code == "already_recorded"
    assert_rebuild_is_identical(office.db)


@pytest.mark.parametrize("outcome", ["declined", "returned"])
def test_declined_or_returned_reopens_triage_and_the_case_is_routed_again(
    office: Office, outcome: str
) -> None:
    number = office.transfer()
    office.act(number, Action.TRANSFER_RECEIPT, received_by="区自然资源局 李明")
    office.act(number, Action.TRANSFER_OUTCOME, outcome=outcome, note="不属本局管辖")
    case = case_by_number(office.db, number)
    assert case.status.value == "pending_triage"
    finished = office.db.execute("SELECT finished_at FROM cases WHERE id = ?", [case.id])
    assert finished.fetchone()[0] is None
    assert waiting_transfers(office.db) == []  # answered: nothing owed any more
    routed = office.act(
        number, Action.DISPATCH, to="ZFZD", override_reason="自然资源局退回，由执法中队处置"
    )
    assert routed.status.value == "assigned"
    [transfer] = transfers_of(office.db, case.id)
    assert (transfer.outcome, transfer.receipt_by) == (outcome, "区自然资源局 李明")
    assert_rebuild_is_identical(office.db)


def test_the_waiting_list_counts_days_from_the_last_step(office: Office) -> None:
    """Waiting for a receipt counts from the day the letter went out; waiting for the
    outcome counts from the day the receipt was signed. Longest waiting first."""
    early = office.transfer()
    office.now = wall_at(2026, 11, 21)
    late = office.transfer(police=True)
    office.now = wall_at(2026, 11, 22)
    office.act(early, Action.TRANSFER_RECEIPT, received_by="李明")
    today = date(2026, 11, 25)
    rows = [
        (t.case_number, t.waiting_for, t.days_waiting(today)) for t in waiting_transfers(office.db)
    ]
    assert rows == [(late, RECEIPT, 4), (early, OUTCOME, 3)]
    assert [str(t.waiting_words()) for t in waiting_transfers(office.db)] == [
        "待回执",
        "待处理结果",
    ]


# -- transfers in --------------------------------------------------------------------------------


def test_a_case_transferred_in_names_its_sender(office: Office) -> None:
    number = office.register(
        source="transfer",
        transfer_unit=" 区住房和城乡建设局 ",
        transfer_letter="区住建移〔2026〕12号",
    )
    case = case_by_number(office.db, number)
    assert case.source.value == "transfer"
    [came] = transfers_of(office.db, case.id)
    assert (came.direction, came.counterpart, came.letter_no, came.sent_at) == (
        "in",
        "区住房和城乡建设局",
        "区住建移〔2026〕12号",
        case.received_at,
    )
    assert came.waiting_for is None and waiting_transfers(office.db) == []
    payload = office.db.execute(
        "SELECT payload FROM events WHERE entity_id = ? AND type = 'case.registered'", [case.id]
    ).fetchone()[0]
    assert json.loads(payload)["transfer_from"] == {
        "unit": "区住房和城乡建设局",
        "letter_no": "区住建移〔2026〕12号",
    }
    assert_rebuild_is_identical(office.db)


def test_other_sources_carry_no_sender(office: Office) -> None:
    number = office.register(source="hotline")
    case_id = case_by_number(office.db, number).id
    assert transfers_of(office.db, case_id) == []
    payload = office.db.execute("SELECT payload FROM events WHERE entity_id = ?", [case_id])
    assert "transfer_from" not in json.loads(payload.fetchone()[0])


# -- refusals change nothing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"source": "transfer"}, "transfer_in_source_missing"),
        (
            {"source": "transfer", "transfer_unit": "  ", "transfer_letter": "某移〔2026〕1号"},
            "transfer_in_source_missing",
        ),
        ({"source": "visit", "transfer_unit": "区住建局"}, "transfer_in_wrong_source"),
        ({"transfer_letter": "区住建移〔2026〕12号"}, "transfer_in_wrong_source"),
    ],
)
def test_a_transfer_in_without_its_sender_is_refused(
    office: Office, fields: dict[str, Any], code: str
) -> None:
    before = full_dump(office.db)
    with pytest.raises(DomainError) as caught:
        office.register(**fields)
    assert caught.value.code == code
    assert "移送" in str(caught.value)
    assert full_dump(office.db) == before


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({k: v for k, v in POLICE.items() if k != "threshold"}, "threshold_missing"),
        ({**POLICE, "threshold": "   "}, "threshold_missing"),
        ({k: v for k, v in POLICE.items() if k != "offence"}, "offence_missing"),
    ],
)
def test_a_police_transfer_needs_the_offence_and_the_threshold(
    office: Office, fields: dict[str, Any], code: str
) -> None:
    number = office.register()
    fields = {k: v for k, v in fields.items() if k != "reason"}
    assert office.refuse(number, Action.POLICE_REQUEST, **fields).code == code
    assert office.status(number) == "pending_triage"
    assert office.letter(office.transfer(police=True)) == "青石综执移公〔2026〕1号"  # not spent


def test_a_receipt_needs_who_signed_and_an_outcome_a_known_answer(office: Office) -> None:
    number = office.transfer()
    assert office.refuse(number, Action.TRANSFER_RECEIPT).code == "received_by_missing"
    office.act(number, Action.TRANSFER_RECEIPT, received_by="李明")
    refused = office.refuse(number, Action.TRANSFER_OUTCOME, outcome="maybe", note="再看看")
    assert refused.code == "outcome_invalid"
    refused = office.refuse(number, Action.TRANSFER_OUTCOME, outcome="accepted")
    assert refused.code == "note_missing"


def test_only_the_office_records_the_receiver_answer(office: Office) -> None:
    number = office.transfer()
    refused = office.refuse(number, Action.TRANSFER_RECEIPT, who="officer", received_by="李明")
    assert refused.code == "permission_denied"


def test_no_receipt_for_a_case_never_transferred(office: Office) -> None:
    number = office.register()
    refused = office.refuse(number, Action.TRANSFER_RECEIPT, received_by="李明")
    assert refused.code == "wrong_state"
    assert latest_transfer_out(office.db, case_by_number(office.db, number).id) is None
