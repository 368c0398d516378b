"""act(): each route of the case path walked end to end on the demo township, the
projection (cases columns, assignments, calls, pauses, evidence) checked after every step,
every step an event with its actor, rebuilds identical, and refused steps changing nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.case_path.decide import Request
from app.core.case_path.rules import allowed_actions
from app.core.case_path.steps import Action
from app.core.clock import hlc_ms, local_text
from app.core.errors import DomainError
from app.core.model import Case
from app.store.blobs import BlobStore
from app.store.case_actions import act, actions_for, actor_of
from app.store.case_state import load_state
from app.store.cases import case_by_number
from app.store.rebuild import rebuild
from app.store.reference import user_by_name
from tests.clock import frozen
from tests.images import TINY_JPEG
from tests.store.store_helpers import DEMO_NOW_MS, case_for, full_dump, projection_dump

JPEG = TINY_JPEG + b"evidence" * 64
MINUTE = 60_000


def folder_files(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


class Desk:
    """Takes steps through ``act`` with a clock that moves ten minutes per step, and checks
    that every accepted step is one event carrying the actor's id."""

    def __init__(self, db: Any, blobs: BlobStore, photos_dir: Path) -> None:
        self.db = db
        self.blobs = blobs
        self.photos_dir = photos_dir
        last = db.execute("SELECT max(hlc) FROM events").fetchone()[0]
        self.now = max(DEMO_NOW_MS, hlc_ms(last)) + 3_600_000  # an hour after the demo ends
        numbers = db.execute(
            "SELECT number FROM cases WHERE status = 'pending_triage' ORDER BY number"
        ).fetchall()
        self.free = [row[0] for row in numbers]
        self.taken: set[str] = set()
        self.photo_count = 0

    def case(self, lead: str | None = None) -> str:
        """A demo case waiting for triage; with ``lead``, one the three lists send there
        (registered now if the demo has none left)."""
        if lead:
            number = case_for(self.db, lead, self.taken, lambda: self.now)
        else:
            number = next(n for n in self.free if n not in self.taken)
        self.taken.add(number)
        assert self.row(number)["status"] == "pending_triage"
        return number

    def photo(self) -> Path:
        self.photo_count += 1
        path = self.photos_dir / f"现场{self.photo_count}.jpg"
        path.write_bytes(JPEG + str(self.photo_count).encode())
        return path

    def act(
        self, who: str, number: str, action: str, photos: tuple[Path, ...] = (), **fields: Any
    ) -> Case:
        self.now += 10 * MINUTE
        user = user_by_name(self.db, who)
        case_id = self.row(number)["id"]
        before = self.events(case_id)
        case = act(
            self.db,
            self.blobs,
            user,
            number,
            Request(Action(action), **fields),
            photos,
            wall=lambda: self.now,
        )
        after = self.events(case_id)
        assert len(after) == len(before) + 1, "one step, one event"
        event_type, actor_id, payload = after[-1]
        assert event_type == "case." + action.replace("-", "_")
        assert actor_id == user.id
        assert json.loads(payload)["by_unit"] == user.department_code
        return case

    def refuse(
        self, who: str, number: str, action: str, photos: tuple[Path, ...] = (), **fields: Any
    ) -> DomainError:
        """The step is refused and the whole database is exactly as it was."""
        before = full_dump(self.db)
        with pytest.raises(DomainError) as caught:
            act(
                self.db,
                self.blobs,
                user_by_name(self.db, who),
                number,
                Request(Action(action), **fields),
                photos,
                wall=lambda: self.now + MINUTE,
            )
        assert full_dump(self.db) == before
        return caught.value

    @property
    def at(self) -> str:
        """The local time the last step was written at."""
        return local_text(self.now)

    def row(self, number: str) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM cases WHERE number = ?", [number]))
        assert len(rows) == 1
        return rows[0]

    def events(self, case_id: str) -> list[tuple]:
        return self.db.execute(
            "SELECT type, actor_id, payload FROM events WHERE entity = 'case' AND entity_id = ? "
            "ORDER BY hlc",
            [case_id],
        ).fetchall()

    def assignments(self, number: str) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT unit, part, assigned_at, ended_at, end_reason FROM assignments "
                "WHERE case_id = ? ORDER BY rowid",
                [self.row(number)["id"]],
            )
        )

    def calls(self, number: str) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT * FROM calls WHERE case_id = ? ORDER BY called_at",
                [self.row(number)["id"]],
            )
        )

    def pauses(self, number: str) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT started_at, until, ended_at FROM case_pauses WHERE case_id = ? "
                "ORDER BY rowid",
                [self.row(number)["id"]],
            )
        )

    def evidence(self, number: str) -> list[str]:
        rows = self.db.execute(
            "SELECT sha256 FROM case_evidence WHERE case_id = ? ORDER BY added_at",
            [self.row(number)["id"]],
        ).fetchall()
        return [row[0] for row in rows]


@pytest.fixture
def desk(demo_db: Any, demo_path: Path, tmp_path: Path) -> Desk:
    photos = tmp_path / "camera"
    photos.mkdir()
    return Desk(demo_db, BlobStore.beside(demo_path), photos)


def assert_rebuild_is_identical(db: Any) -> None:
    before = projection_dump(db)
    rebuild(db, user_by_name(db, "admin"))
    assert projection_dump(db) == before


def state_columns(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("status", "route", "lead_unit", "cooperating_units", "verified", "finished_at")
    return {key: row[key] for key in keys}


# -- the routes, end to end ---------------------------------------------------------------------


def test_self_handled_by_the_township(desk: Desk) -> None:
    n = desk.case("ZHB")
    case = desk.act("clerk", n, "self-handle")
    assert case.status == "assigned"
    row = desk.row(n)
    assert state_columns(row) == {
        "status": "assigned",
        "route": "ONE",
        "lead_unit": "ZHB",
        "cooperating_units": "[]",
        "verified": 0,
        "finished_at": None,
    }
    assert (row["assigned_at"], row["signed_at"]) == (desk.at, None)
    assert desk.assignments(n) == [
        {
            "unit": "ZHB",
            "part": "lead",
            "assigned_at": desk.at,
            "ended_at": None,
            "end_reason": None,
        }
    ]
    desk.act("clerk", n, "sign")
    assert (desk.row(n)["status"], desk.row(n)["signed_at"]) == ("handling", desk.at)
    desk.act("clerk", n, "feedback", note="已劝离占道摊贩")
    assert desk.row(n)["status"] == "feedback"
    desk.act("clerk", n, "verify", passed=True, note="现场已恢复")
    assert (desk.row(n)["status"], desk.row(n)["verified"]) == ("verified", 1)
    case = desk.act("clerk", n, "close")
    assert case.status == "closed"
    assert (desk.row(n)["finished_at"], desk.row(n)["updated_at"]) == (desk.at, desk.at)
    types = [event[0] for event in desk.events(desk.row(n)["id"])]
    assert types == [
        "case.registered",
        "case.self_handle",
        "case.sign",
        "case.feedback",
        "case.verify",
        "case.close",
    ]
    assert_rebuild_is_identical(desk.db)


def test_dispatched_to_x_with_a_cooperating_unit(desk: Desk) -> None:
    n = desk.case("SCJG")
    desk.act("clerk", n, "dispatch", to="SCJG", with_units=("ZFZD",))
    row = desk.row(n)
    assert (row["status"], row["route"], row["lead_unit"]) == ("assigned", "X", "SCJG")
    assert json.loads(row["cooperating_units"]) == ["ZFZD"]
    assert [(a["unit"], a["part"], a["ended_at"]) for a in desk.assignments(n)] == [
        ("SCJG", "lead", None),
        ("ZFZD", "cooperating", None),
    ]
    assert desk.refuse("officer_zfzd", n, "sign").code == "not_lead_unit"
    desk.act("officer", n, "sign")
    assert (desk.row(n)["status"], desk.row(n)["signed_at"]) == ("handling", desk.at)

    desk.act("officer", n, "extend", days=5, reason="需送检")
    assert (desk.row(n)["extension_requested"], desk.row(n)["extension_days"]) == (5, 0)
    assert desk.refuse("officer", n, "approve-extension").code == "permission_denied"
    desk.act("leader", n, "approve-extension")
    assert (desk.row(n)["extension_requested"], desk.row(n)["extension_days"]) == (None, 5)

    fixed = desk.photo()
    desk.act("officer", n, "feedback", photos=(fixed,), note="已责令停业整改")
    assert desk.row(n)["status"] == "feedback"
    [sha] = desk.evidence(n)
    assert desk.blobs.has(sha)
    assert desk.db.execute("SELECT media_type FROM blobs WHERE sha256 = ?", [sha]).fetchone() == (
        "image/jpeg",
    )
    payload = json.loads(desk.events(desk.row(n)["id"])[-1][2])
    assert payload["photos"] == [{"sha256": sha, "file_name": fixed.name}]

    checked = desk.photo()
    desk.act("grid", n, "verify", photos=(checked, checked), passed=True, note="复查已整改")
    assert (desk.row(n)["status"], desk.row(n)["verified"]) == ("verified", 1)
    assert len(desk.evidence(n)) == 2  # the same photo twice is one piece of evidence
    assert desk.refuse("grid", n, "close").code == "permission_denied"
    desk.act("clerk", n, "close")
    assert (desk.row(n)["status"], desk.row(n)["finished_at"]) == ("closed", desk.at)
    assert case_by_number(desk.db, n).photos == tuple(desk.evidence(n))
    assert_rebuild_is_identical(desk.db)


def test_calling_a_y_department_until_the_caller_confirms(desk: Desk) -> None:
    n = desk.case("YJJ")
    desk.act("clerk", n, "call", to="YJJ", urgent=True, reason="加油站旁有液化气罐泄漏")
    row = desk.row(n)
    assert (row["status"], row["route"], row["lead_unit"], row["call_status"]) == (
        "assigned",
        "Y",
        "YJJ",
        "called",
    )
    [call] = desk.calls(n)
    assert call["id"] == row["call_id"]
    assert {k: call[k] for k in ("department", "reason", "urgent", "duty_phone", "status")} == {
        "department": "YJJ",
        "reason": "加油站旁有液化气罐泄漏",
        "urgent": 1,
        "duty_phone": "0535-6218350",
        "status": "called",
    }
    assert (call["called_at"], call["acknowledged_at"], call["ended_at"]) == (desk.at, None, None)
    called_at = desk.at

    assert desk.refuse("clerk", n, "call-arrive").code == "call_step_out_of_order"
    desk.act("clerk", n, "call-ack", note="值班员已电话响应")
    [call] = desk.calls(n)
    assert (call["status"], call["acknowledged_at"]) == ("acknowledged", desk.at)
    assert (desk.row(n)["status"], desk.row(n)["signed_at"]) == ("handling", desk.at)
    desk.act("clerk", n, "call-arrive")
    assert (desk.calls(n)[0]["status"], desk.calls(n)[0]["on_scene_at"]) == ("on_scene", desk.at)
    assert desk.refuse("clerk", n, "feedback", note="已处置").code == "call_not_handled"
    desk.act("clerk", n, "call-done")
    assert (desk.calls(n)[0]["status"], desk.calls(n)[0]["handled_at"]) == ("handled", desk.at)
    desk.act("clerk", n, "feedback", note="泄漏点已封堵")
    assert desk.row(n)["status"] == "feedback"

    error = desk.refuse("grid", n, "verify", passed=True)
    assert error.code == "call_still_open"
    assert "事不完人不撤" in str(error)
    assert Action.VERIFY not in actions_for(
        desk.db, user_by_name(desk.db, "grid"), desk_case(desk, n)
    )
    assert desk.refuse("supervisor", n, "call-confirm").code == "permission_denied"

    desk.act("clerk", n, "call-confirm")
    [call] = desk.calls(n)
    assert (call["status"], call["confirmed_at"], call["ended_at"]) == (
        "confirmed",
        desk.at,
        desk.at,
    )
    assert call["called_at"] == called_at
    assert desk.row(n)["call_status"] == "confirmed"
    desk.act("grid", n, "verify", passed=True, photos=(desk.photo(),))
    desk.act("clerk", n, "close")
    assert (desk.row(n)["status"], desk.row(n)["finished_at"]) == ("closed", desk.at)
    assert_rebuild_is_identical(desk.db)


def desk_case(desk: Desk, number: str) -> Case:
    return case_by_number(desk.db, number)


@pytest.mark.parametrize(
    ("action", "fields", "status"),
    [
        ("transfer", {"to": "区自然资源局", "reason": "属土地违法"}, "transferred"),
        ("reject", {"reason": "属民事纠纷，不属于行政执法事项"}, "rejected"),
    ],
)
def test_transfer_and_reject_finish_the_case(
    desk: Desk, action: str, fields: dict[str, Any], status: str
) -> None:
    n = desk.case()
    assert desk.refuse("clerk", n, action).code.endswith("_missing")
    desk.act("clerk", n, action, **fields)
    row = desk.row(n)
    assert (row["status"], row["finished_at"], row["lead_unit"], row["route"]) == (
        status,
        desk.at,
        None,
        None,
    )
    assert desk.assignments(n) == []
    payload = json.loads(desk.events(row["id"])[-1][2])
    assert payload["reason"] == fields["reason"]  # police transfers: test_police_transfers.py
    # a transfer waits for the receiving authority's receipt; a rejection is the end
    waiting = [Action.TRANSFER_RECEIPT] if status == "transferred" else []
    assert actions_for(desk.db, user_by_name(desk.db, "admin"), desk_case(desk, n)) == waiting
    assert desk.refuse("clerk", n, "dispatch", to="SCJG").code == "wrong_state"
    assert_rebuild_is_identical(desk.db)


def test_merge_into_another_case(desk: Desk) -> None:
    n, other = desk.case(), desk.case()
    error = desk.refuse("clerk", n, "merge", into="QS-20991231-ZZ9999")
    assert error.code == "case_unknown"
    assert "QS-20991231-ZZ9999" in str(error)
    assert desk.refuse("clerk", n, "merge", into=n.lower()).code == "merge_into_itself"
    desk.act("clerk", n, "merge", into=f" {other.lower()} ")
    row = desk.row(n)
    assert (row["status"], row["merged_into"], row["finished_at"]) == ("merged", other, desk.at)
    assert desk.row(other)["status"] == "pending_triage"
    assert_rebuild_is_identical(desk.db)


def test_merge_into_a_case_that_was_merged_away_is_refused(desk: Desk) -> None:
    a, b = desk.case(), desk.case()
    desk.act("clerk", a, "merge", into=b)
    desk.refuse("clerk", b, "merge", into=a)


def test_return_goes_back_to_triage_and_ends_the_assignment(desk: Desk) -> None:
    n = desk.case("SCJG")
    desk.act("clerk", n, "dispatch", to="SCJG", with_units=("ZFZD",))
    desk.act("officer", n, "sign")
    desk.act("officer", n, "extend", days=3, reason="需要检测")
    desk.act("officer", n, "return", reason="非本所职责，属住建领域")
    row = desk.row(n)
    assert state_columns(row) == {
        "status": "pending_triage",
        "route": None,
        "lead_unit": None,
        "cooperating_units": "[]",
        "verified": 0,
        "finished_at": None,
    }
    assert row["extension_requested"] is None
    assert [(a["unit"], a["ended_at"], a["end_reason"]) for a in desk.assignments(n)] == [
        ("SCJG", desk.at, "非本所职责，属住建领域"),
        ("ZFZD", desk.at, "非本所职责，属住建领域"),
    ]
    desk.act("clerk", n, "dispatch", to="ZFZD", override_reason="市场监管所退回：属住建领域")
    row = desk.row(n)
    assert (row["status"], row["lead_unit"], row["assigned_at"], row["signed_at"]) == (
        "assigned",
        "ZFZD",
        desk.at,
        None,
    )
    open_rows = [a for a in desk.assignments(n) if a["ended_at"] is None]
    assert [(a["unit"], a["part"]) for a in open_rows] == [("ZFZD", "lead")]
    assert len(desk.assignments(n)) == 3  # the re-assignment history stays
    assert_rebuild_is_identical(desk.db)


def test_return_abandons_an_open_call(desk: Desk) -> None:
    n = desk.case("JTJ")
    desk.act("clerk", n, "call", to="JTJ", reason="桥面塌陷")
    desk.act("clerk", n, "call-ack")
    desk.act("clerk", n, "return", reason="应由住建局处理")
    [call] = desk.calls(n)
    assert (call["status"], call["ended_at"]) == ("abandoned", desk.at)
    row = desk.row(n)
    assert (row["status"], row["call_id"], row["call_status"]) == ("pending_triage", None, None)
    desk.act("clerk", n, "call", to="ZJJ", reason="桥面塌陷", override_reason="交通局回退")
    assert [c["status"] for c in desk.calls(n)] == ["abandoned", "called"]
    assert_rebuild_is_identical(desk.db)


def test_return_keeps_a_confirmed_call_confirmed(desk: Desk) -> None:
    n = desk.case("YJJ")
    desk.act("clerk", n, "call", to="YJJ", reason="仓库冒烟")
    for step in ("call-ack", "call-arrive", "call-done", "call-confirm"):
        desk.act("clerk", n, step)
    confirmed_at = desk.at
    desk.act("clerk", n, "return", reason="后续属市场监管")
    [call] = desk.calls(n)
    assert (call["status"], call["ended_at"]) == ("confirmed", confirmed_at)


def test_park_approve_resume(desk: Desk) -> None:
    n = desk.case("SCJG")
    desk.act("clerk", n, "dispatch", to="SCJG")
    desk.act("officer", n, "sign")
    today = local_text(desk.now)[:10]
    assert today == "2026-11-18"
    error = desk.refuse("officer", n, "park", until=today, reason="季节性整治")
    assert error.code == "until_invalid"
    assert desk.refuse("leader", n, "approve-park").code == "nothing_to_decide"
    desk.act("officer", n, "park", until="2027-03-01", reason="冬季无法施工")
    row = desk.row(n)
    assert (row["status"], row["park_requested_until"], row["parked_until"]) == (
        "handling",
        "2027-03-01",
        None,
    )
    assert desk.pauses(n) == []
    desk.act("supervisor", n, "approve-park")
    row = desk.row(n)
    assert (row["status"], row["park_requested_until"], row["parked_until"]) == (
        "parked",
        None,
        "2027-03-01",
    )
    started = desk.at
    assert desk.pauses(n) == [{"started_at": started, "until": "2027-03-01", "ended_at": None}]
    assert desk.refuse("officer", n, "feedback", note="x").code == "wrong_state"
    assert desk.refuse("officer_pcs", n, "resume").code == "not_lead_unit"
    desk.act("officer", n, "resume")
    row = desk.row(n)
    assert (row["status"], row["parked_until"]) == ("handling", None)
    assert desk.pauses(n) == [{"started_at": started, "until": "2027-03-01", "ended_at": desk.at}]
    assert_rebuild_is_identical(desk.db)


def test_park_until_is_judged_by_the_injected_clock(desk: Desk) -> None:
    n = desk.case("ZHB")
    desk.act("clerk", n, "self-handle")
    desk.act("clerk", n, "sign")
    desk.now += 86_400_000  # the next day, 2026-11-19
    assert desk.refuse("clerk", n, "park", until="2026-11-19", reason="r").code == "until_invalid"
    desk.act("clerk", n, "park", until="2026-11-20", reason="r")


def test_rework_after_close_reopens(desk: Desk) -> None:
    n = desk.case("ZFZD")
    for who, action, fields in [
        ("clerk", "dispatch", {"to": "ZFZD"}),
        ("officer_zfzd", "sign", {}),
        ("officer_zfzd", "feedback", {"note": "已拆除违建"}),
        ("grid", "verify", {"passed": True}),
        ("clerk", "close", {}),
    ]:
        desk.act(who, n, action, **fields)
    assert desk.row(n)["finished_at"] == desk.at
    assert desk.refuse("grid", n, "rework", reason="又搭起来了").code == "permission_denied"
    assert desk.refuse("clerk", n, "rework").code == "reason_missing"
    desk.act("leader", n, "rework", reason="违建又搭起来了")
    row = desk.row(n)
    assert (row["status"], row["finished_at"], row["verified"], row["rework_count"]) == (
        "handling",
        None,
        0,
        1,
    )
    assert row["lead_unit"] == "ZFZD"
    desk.act("officer_zfzd", n, "feedback", note="再次拆除")
    desk.act("grid", n, "verify", passed=False, note="仍有残留")
    assert (desk.row(n)["status"], desk.row(n)["rework_count"]) == ("handling", 2)
    assert_rebuild_is_identical(desk.db)


def test_the_projection_gives_back_the_state_the_rules_saw(desk: Desk) -> None:
    n = desk.case("SCJG")
    desk.act("clerk", n, "dispatch", to="SCJG", with_units=("PCS", "ZFZD"))
    desk.act("officer", n, "sign")
    desk.act("officer", n, "extend", days=2, reason="r")
    case = desk_case(desk, n)
    state = load_state(desk.db, case.id)
    assert (state.lead_unit, state.cooperating_units, state.extension_requested) == (
        "SCJG",
        ("PCS", "ZFZD"),
        2,
    )
    for name in ("clerk", "officer", "officer_pcs", "leader", "grid"):
        user = user_by_name(desk.db, name)
        assert actions_for(desk.db, user, case) == allowed_actions(state, actor_of(user))
    assert "approve-extension" in actions_for(desk.db, user_by_name(desk.db, "leader"), case)


# -- refusals change nothing ------------------------------------------------------------------


def test_refusals_change_nothing(desk: Desk) -> None:
    closed, fresh, x_case = desk.case("ZHB"), desk.case(), desk.case("SCJG")
    for who, action, fields in [
        ("clerk", "self-handle", {}),
        ("clerk", "sign", {}),
        ("clerk", "feedback", {"note": "已处理"}),
        ("clerk", "verify", {"passed": True}),
        ("clerk", "close", {}),
    ]:
        desk.act(who, closed, action, **fields)
    desk.act("clerk", x_case, "dispatch", to="SCJG")

    error = desk.refuse("clerk", closed, "dispatch", to="SCJG")
    assert (error.code, str(error)) == ("wrong_state", "案件已结案，不能派遣。")
    error = desk.refuse("grid", closed, "close")
    assert (error.code, str(error)) == ("permission_denied", "网格员不能结案。")
    assert desk.refuse("clerk", fresh, "dispatch", to="YJJ").code == "dispatch_needs_x"
    assert desk.refuse("clerk", fresh, "call", to="SCJG", reason="r").code == "call_needs_y"
    assert desk.refuse("clerk", fresh, "call", to="YJJ").code == "reason_missing"
    assert desk.refuse("clerk", fresh, "dispatch", to="NOPE").code == "department_unknown"
    error = desk.refuse("officer_pcs", x_case, "sign")
    assert (error.code, str(error)) == ("not_lead_unit", "只有牵头单位（市场监管所）才能签收。")
    assert desk.refuse("leader", x_case, "approve-extension").code == "nothing_to_decide"
    assert desk.refuse("officer", x_case, "extend", days=99, reason="r").code == "days_invalid"
    with pytest.raises(DomainError) as caught:
        act(
            desk.db,
            desk.blobs,
            user_by_name(desk.db, "clerk"),
            "QS-0",
            Request(Action.SIGN),
            wall=frozen,
        )
    assert caught.value.code == "case_unknown"


def test_a_refused_step_with_a_photo_writes_nothing_to_the_database(desk: Desk) -> None:
    n = desk.case("ZHB")
    desk.act("clerk", n, "self-handle")
    desk.act("clerk", n, "sign")
    error = desk.refuse("grid", n, "feedback", photos=(desk.photo(),), note="已处理")
    assert error.code == "permission_denied"
    error = desk.refuse("clerk", n, "verify", photos=(desk.photo(),), passed=True)
    assert error.code == "wrong_state"
    assert desk.evidence(n) == []


def test_a_refused_step_with_a_photo_leaves_no_file(desk: Desk) -> None:
    n = desk.case()
    before = folder_files(desk.blobs.folder)
    desk.refuse("grid", n, "feedback", photos=(desk.photo(),), note="已处理")
    assert folder_files(desk.blobs.folder) == before


def test_a_step_photo_taken_back_before_its_transaction_is_copied_in_again(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a registration's (test_register_case): a refused sync import takes back a file
    of the same content between the copy and the step's transaction."""
    from tests.store.test_register_case import copied_in_then_taken_back

    n = desk.case()
    desk.act("clerk", n, "self-handle")
    desk.act("clerk", n, "sign")
    shot = desk.photo()
    calls = copied_in_then_taken_back(monkeypatch, desk.blobs)
    desk.act("clerk", n, "feedback", photos=(shot,), note="已处理")
    assert calls == [shot, shot]
    [digest] = desk.evidence(n)
    assert desk.blobs.read_bytes(digest) == shot.read_bytes()
