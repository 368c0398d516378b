"""The case path as a pure state machine (core/case_path: rules, decide, fold):
every transition, every refusal with its reason, and invariants under random sequences."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.case_path.decide import Decision, Numbers, Request, decide
from app.core.case_path.fold import evolve
from app.core.case_path.police_followups import FOLLOW_UPS
from app.core.case_path.rules import (
    CALL_STEPS,
    DEAD_ENDS,
    FINISHED,
    OPEN,
    RETIRED,
    ROLES,
    STATE_PHRASES,
    STATES,
    TRIAGE,
    UNIT_STEPS,
    allowed_actions,
    check_allowed,
)
from app.core.case_path.steps import ACTION_NAMES, Action, Actor, CallStatus, CaseState
from app.core.errors import DomainError
from app.core.model import CaseStatus, Department, Role, Route, Tier, chinese

S = CaseStatus
A = Action
TODAY = date(2026, 11, 18)

DEPARTMENTS = {
    d.code: d
    for d in (
        Department("ZHB", "综合行政执法办公室", "综合执法办", Tier.ONE, "0535-6321001"),
        Department("SCJG", "市场监督管理所", "市场监管所", Tier.X, "0535-6321315"),
        Department("ZFZD", "综合执法中队", "执法中队", Tier.X, "0535-6321237"),
        Department("PCS", "派出所", "派出所", Tier.X, "0535-6321110"),
        Department("YJJ", "应急管理局", "应急局", Tier.Y, "0535-6218350"),
        Department("JTJ", "交通运输局", "交通局", Tier.Y, "0535-6218472"),
    )
}

ADMIN = Actor("u-admin", Role.ADMINISTRATOR, "ZHB")
CLERK = Actor("u-clerk", Role.CLERK, "ZHB")
GRID = Actor("u-grid", Role.GRID_WORKER, "ZHB")
SUPERVISOR = Actor("u-sup", Role.SUPERVISOR, "ZHB")
LEADER = Actor("u-leader", Role.LEADER, "ZHB")
OFFICER = Actor("u-officer", Role.DEPARTMENT_OFFICER, "SCJG")
OFFICER_ZFZD = Actor("u-zfzd", Role.DEPARTMENT_OFFICER, "ZFZD")
OFFICER_PCS = Actor("u-pcs", Role.DEPARTMENT_OFFICER, "PCS")
OFFICER_YJJ = Actor("u-yjj", Role.DEPARTMENT_OFFICER, "YJJ")
ACTORS = [ADMIN, CLERK, GRID, SUPERVISOR, LEADER, OFFICER, OFFICER_ZFZD, OFFICER_PCS, OFFICER_YJJ]

# The case's evidence files a police transfer's materials are among (sha256 in short).
REPORT_FILE, ITEMS_FILE, PHOTO_FILE = "a" * 64, "b" * 64, "c" * 64
EVIDENCE = {REPORT_FILE, ITEMS_FILE, PHOTO_FILE}
MATERIALS = (
    {"sha256": REPORT_FILE, "kind": "report"},
    {"sha256": ITEMS_FILE, "kind": "items"},
)
# The steps still taken (the retired one-step police transfer only folds old events).
TAKEN = [a for a in Action if a not in RETIRED]

# A request that carries everything its action needs.
VALID: dict[Action, Request] = {
    A.SELF_HANDLE: Request(A.SELF_HANDLE),
    A.DISPATCH: Request(A.DISPATCH, to="SCJG", with_units=("ZFZD",)),
    A.CALL: Request(A.CALL, to="YJJ", reason="危化品仓库冒烟", urgent=True),
    A.TRANSFER: Request(A.TRANSFER, to="区自然资源局", reason="属土地执法"),
    A.TRANSFER_POLICE: Request(
        A.TRANSFER_POLICE,
        offence="非法经营罪",
        threshold="非法经营数额约八万元，超过五万元的立案追诉标准",
        reason="涉案金额大",
    ),
    A.REJECT: Request(A.REJECT, reason="不属于行政执法事项"),
    A.MERGE: Request(A.MERGE, into="QS-20261118-LE0001"),
    A.SIGN: Request(A.SIGN),
    A.FEEDBACK: Request(A.FEEDBACK, note="已责令整改"),
    A.RETURN: Request(A.RETURN, reason="非本所职责"),
    A.EXTEND: Request(A.EXTEND, days=5, reason="需要检测"),
    A.APPROVE_EXTENSION: Request(A.APPROVE_EXTENSION),
    A.DENY_EXTENSION: Request(A.DENY_EXTENSION, reason="理由不充分"),
    A.PARK: Request(A.PARK, until="2027-03-01", reason="季节性整治"),
    A.APPROVE_PARK: Request(A.APPROVE_PARK),
    A.DENY_PARK: Request(A.DENY_PARK, reason="不符合挂账条件"),
    A.RESUME: Request(A.RESUME),
    A.VERIFY: Request(A.VERIFY, passed=True, note="现场已整改"),
    A.CLOSE: Request(A.CLOSE),
    A.REWORK: Request(A.REWORK, reason="问题反弹"),
    A.SUPERVISE: Request(A.SUPERVISE, note="请加快办理"),
    A.CALL_ACK: Request(A.CALL_ACK),
    A.CALL_ARRIVE: Request(A.CALL_ARRIVE),
    A.CALL_DONE: Request(A.CALL_DONE),
    A.CALL_CONFIRM: Request(A.CALL_CONFIRM),
    A.TRANSFER_RECEIPT: Request(A.TRANSFER_RECEIPT, received_by="区自然资源局法规科 王明"),
    A.TRANSFER_OUTCOME: Request(A.TRANSFER_OUTCOME, outcome="declined", note="属乡镇职权"),
    A.POLICE_REQUEST: Request(
        A.POLICE_REQUEST,
        offence="开设赌场罪",
        threshold="在出租屋内设赌，参赌人员累计四十余人次，抽头渔利数额达五千元以上",
        facts="11月15日夜查获赌桌两张、赌资一万二千元",
        attachments=MATERIALS,
    ),
    A.POLICE_APPROVE: Request(A.POLICE_APPROVE, to="蓬山区公安分局", copy_to="蓬山区人民检察院"),
    A.POLICE_DENY: Request(A.POLICE_DENY, reason="涉案金额尚未查实，继续调查"),
    A.POLICE_REVIEW: Request(A.POLICE_REVIEW, reason="抽头数额已经鉴定，达到立案追诉标准"),
    A.POLICE_REVIEW_ANSWER: Request(A.POLICE_REVIEW_ANSWER, outcome="upheld", note="复议决定书"),
    A.POLICE_SUPERVISION: Request(
        A.POLICE_SUPERVISION, to="蓬山区人民检察院", reason="抽头数额已达追诉标准", on="2026-11-20"
    ),
    A.POLICE_PASSED_ON: Request(
        A.POLICE_PASSED_ON, to="东莱市公安局森林分局", at="2026-11-19 10:00:00"
    ),
    A.POLICE_HANDOVER: Request(
        A.POLICE_HANDOVER, note="涉案物品清单第1号", received_by="王警官", on="2026-11-20"
    ),
}

ASSIGNED_LIKE = (S.ASSIGNED, S.HANDLING, S.PARKED, S.FEEDBACK, S.VERIFIED, S.CLOSED)
FINAL = (S.TRANSFERRED, S.REJECTED, S.MERGED)


def verb(action: Action) -> str:
    return ACTION_NAMES[action][0]


def step(state: CaseState, actor: Actor, request: Request) -> CaseState:
    numbers = Numbers(call_id="call-1", letter_no="青石综执移公〔2026〕1号")
    decision = decide(state, actor, request, DEPARTMENTS, numbers, TODAY, evidence=EVIDENCE)
    return evolve(state, decision.event_type, decision.payload)


def refused(state: CaseState, actor: Actor, request: Request) -> DomainError:
    with pytest.raises(DomainError) as caught:
        numbers = Numbers(call_id="call-1")
        decide(state, actor, request, DEPARTMENTS, numbers, TODAY, evidence=EVIDENCE)
    return caught.value


def walk(*steps: tuple[Actor, Request]) -> CaseState:
    state = CaseState()
    for actor, request in steps:
        state = step(state, actor, request)
    return state


# Real states, reached through the machine.
X_ASSIGNED = walk((CLERK, VALID[A.DISPATCH]))
X_HANDLING = step(X_ASSIGNED, OFFICER, VALID[A.SIGN])
X_FEEDBACK = step(X_HANDLING, OFFICER, VALID[A.FEEDBACK])
X_VERIFIED = step(X_FEEDBACK, GRID, VALID[A.VERIFY])
X_CLOSED = step(X_VERIFIED, CLERK, VALID[A.CLOSE])
X_PARKED = step(step(X_HANDLING, OFFICER, VALID[A.PARK]), LEADER, VALID[A.APPROVE_PARK])
Y_CALLED = walk((CLERK, VALID[A.CALL]))
SENT = walk((CLERK, VALID[A.POLICE_REQUEST]), (LEADER, VALID[A.POLICE_APPROVE]))
RECEIVED = step(SENT, CLERK, VALID[A.TRANSFER_RECEIPT])
SETTLED = step(RECEIVED, CLERK, Request(A.TRANSFER_OUTCOME, outcome="accepted", note="已立案"))


def shaped(status: CaseStatus, action: Action) -> CaseState:
    """A state in ``status`` that also meets ``action``'s preconditions (pending request,
    the call at the right step), led by SCJG (or called YJJ for call steps)."""
    state = CaseState(status=status)
    if status in ASSIGNED_LIKE:
        state = replace(
            state, route=Route.DISPATCH_X, lead_unit="SCJG", cooperating_units=("ZFZD",)
        )
    if status == S.PARKED:
        state = replace(state, parked_until="2027-01-01")
    if status in (S.VERIFIED, S.CLOSED):
        state = replace(state, verified=True)
    if action in (A.APPROVE_EXTENSION, A.DENY_EXTENSION):
        state = replace(state, extension_requested=4)
    if action in (A.APPROVE_PARK, A.DENY_PARK):
        state = replace(state, park_requested_until="2027-03-01")
    if action in (A.POLICE_APPROVE, A.POLICE_DENY):
        state = replace(state, police_requested=True)
    if action == A.POLICE_REVIEW:
        state = replace(state, police_refused_letter="青石综执移公〔2026〕1号")
    if action == A.POLICE_REVIEW_ANSWER:
        state = replace(state, police_review_letter="青石综执移公〔2026〕1号")
    if action == A.POLICE_SUPERVISION:
        state = replace(state, police_upheld_letter="青石综执移公〔2026〕1号")
    if status == S.TRANSFERRED:
        received = action in (A.TRANSFER_OUTCOME, A.POLICE_PASSED_ON, A.POLICE_HANDOVER)
        state = replace(state, transfer_letter="青石综执移〔2026〕1号", transfer_received=received)
    if status == S.TRANSFERRED and action in (A.POLICE_PASSED_ON, A.POLICE_HANDOVER):
        settled = action == A.POLICE_HANDOVER
        state = replace(state, transfer_police=True, transfer_settled=settled)
    if action in CALL_STEPS:
        state = replace(
            state,
            route=Route.CALL_Y,
            lead_unit="YJJ",
            cooperating_units=(),
            call_id="call-0",
            call_status=CALL_STEPS[action][0],
        )
    return state


def actor_for(role: Role, state: CaseState) -> Actor:
    """Someone with ``role``; an officer belongs to the case's lead unit."""
    if role == Role.DEPARTMENT_OFFICER:
        return Actor("u-lead", role, state.lead_unit or "SCJG")
    return Actor(f"u-{role.value}", role, "ZHB")


# (action, from) -> to, when the status changes; every other allowed step keeps the status.
MOVES: dict[tuple[Action, CaseStatus], CaseStatus] = {
    (A.SELF_HANDLE, S.PENDING_TRIAGE): S.ASSIGNED,
    (A.DISPATCH, S.PENDING_TRIAGE): S.ASSIGNED,
    (A.CALL, S.PENDING_TRIAGE): S.ASSIGNED,
    (A.TRANSFER, S.PENDING_TRIAGE): S.TRANSFERRED,
    (A.TRANSFER_POLICE, S.PENDING_TRIAGE): S.TRANSFERRED,
    (A.POLICE_APPROVE, S.PENDING_TRIAGE): S.TRANSFERRED,
    (A.POLICE_APPROVE, S.HANDLING): S.TRANSFERRED,
    (A.REJECT, S.PENDING_TRIAGE): S.REJECTED,
    (A.MERGE, S.PENDING_TRIAGE): S.MERGED,
    (A.SIGN, S.ASSIGNED): S.HANDLING,
    (A.FEEDBACK, S.HANDLING): S.FEEDBACK,
    (A.RETURN, S.ASSIGNED): S.PENDING_TRIAGE,
    (A.RETURN, S.HANDLING): S.PENDING_TRIAGE,
    (A.APPROVE_PARK, S.HANDLING): S.PARKED,
    (A.RESUME, S.PARKED): S.HANDLING,
    (A.VERIFY, S.FEEDBACK): S.VERIFIED,
    (A.CLOSE, S.VERIFIED): S.CLOSED,
    (A.REWORK, S.VERIFIED): S.HANDLING,
    (A.REWORK, S.CLOSED): S.HANDLING,
    (A.TRANSFER_OUTCOME, S.TRANSFERRED): S.PENDING_TRIAGE,  # VALID's outcome is "declined"
    (A.CALL_ACK, S.ASSIGNED): S.HANDLING,  # the called department's response is its 签收
}
ALLOWED_FROM = {  # the spec, written out independently of STATES
    **{a: {S.PENDING_TRIAGE} for a in TRIAGE},
    A.SIGN: {S.ASSIGNED},
    A.FEEDBACK: {S.HANDLING},
    A.RETURN: {S.ASSIGNED, S.HANDLING},
    A.EXTEND: {S.ASSIGNED, S.HANDLING},
    A.PARK: {S.HANDLING},
    A.APPROVE_PARK: {S.HANDLING},
    A.DENY_PARK: {S.HANDLING},
    A.RESUME: {S.PARKED},
    A.VERIFY: {S.FEEDBACK},
    A.CLOSE: {S.VERIFIED},
    A.REWORK: {S.VERIFIED, S.CLOSED},
    A.TRANSFER_RECEIPT: {S.TRANSFERRED},
    A.TRANSFER_OUTCOME: {S.TRANSFERRED},
    **{
        a: set(S) - {S.CLOSED, *FINAL}
        for a in (A.APPROVE_EXTENSION, A.DENY_EXTENSION, A.SUPERVISE, *CALL_STEPS, A.POLICE_REVIEW)
    },
    **{a: {S.PENDING_TRIAGE, S.HANDLING} for a in (A.POLICE_REQUEST, A.POLICE_APPROVE)},
    A.POLICE_DENY: {S.PENDING_TRIAGE, S.HANDLING},
    # what follows a police transfer (schema 13): the answer and the supervision concern the
    # letter whatever became of the case; passing on and handover, the transfer itself
    A.POLICE_REVIEW_ANSWER: set(S),
    A.POLICE_SUPERVISION: set(S),
    A.POLICE_PASSED_ON: {S.TRANSFERRED},
    A.POLICE_HANDOVER: {S.TRANSFERRED},
}
# Event types not spelt after the command-line name, written out here.
EVENT_TYPES = {
    A.POLICE_REQUEST: "case.police_transfer_requested",
    A.POLICE_APPROVE: "case.police_transfer_approved",
    A.POLICE_DENY: "case.police_transfer_denied",
    A.POLICE_REVIEW: "case.police_transfer_review_requested",
    A.POLICE_REVIEW_ANSWER: "case.police_review_answered",
    A.POLICE_SUPERVISION: "case.police_supervision_requested",
    A.POLICE_PASSED_ON: "case.police_transfer_passed_on",
    A.POLICE_HANDOVER: "case.police_items_handed_over",
}


def test_the_written_out_table_matches_the_machine() -> None:
    assert {a: set(s) for a, s in STATES.items()} == ALLOWED_FROM
    assert set(OPEN) == set(S) - {S.CLOSED, *FINAL}


ALLOWED_CASES = [
    (action, status, role)
    for action in TAKEN
    for status in sorted(ALLOWED_FROM[action])
    for role in sorted(ROLES[action])
    # from triage only the office asks for a police transfer (tested below)
    if not (
        action == A.POLICE_REQUEST
        and status == S.PENDING_TRIAGE
        and role == Role.DEPARTMENT_OFFICER
    )
]


@pytest.mark.parametrize(("action", "status", "role"), ALLOWED_CASES)
def test_every_allowed_step_gives_the_expected_status(
    action: Action, status: CaseStatus, role: Role
) -> None:
    state = shaped(status, action)
    actor = actor_for(role, state)
    decision = decide(
        state, actor, VALID[action], DEPARTMENTS, Numbers(call_id="c9"), TODAY, evidence=EVIDENCE
    )
    assert isinstance(decision, Decision)
    assert decision.event_type == EVENT_TYPES.get(action, "case." + action.value.replace("-", "_"))
    assert decision.payload["by_unit"] == actor.unit
    after = evolve(state, decision.event_type, decision.payload)
    assert after.status == MOVES.get((action, status), status)
    assert action in allowed_actions(state, actor)


WRONG_STATE_CASES = [
    (action, status) for action in TAKEN for status in S if status not in ALLOWED_FROM[action]
]


@pytest.mark.parametrize(("action", "status"), WRONG_STATE_CASES)
def test_every_step_from_a_state_it_is_not_allowed_in_is_refused(
    action: Action, status: CaseStatus
) -> None:
    state = shaped(status, action)
    role = Role.CLERK if Role.CLERK in ROLES[action] else Role.LEADER
    error = refused(state, actor_for(role, state), VALID[action])
    assert error.code == "wrong_state"
    assert str(error) == f"案件{STATE_PHRASES[status].zh}，不能{verb(action)}。"
    assert error.text("en").startswith("The case ")


def test_wrong_state_reads_like_a_clerk_would_say_it() -> None:
    error = refused(X_CLOSED, CLERK, VALID[A.DISPATCH])
    assert str(error) == "案件已结案，不能派遣。"
    assert error.text("en") == "The case is closed: cannot dispatch."
    assert str(refused(CaseState(), CLERK, VALID[A.CLOSE])) == "案件还未研判分拨，不能结案。"
    assert str(refused(X_HANDLING, OFFICER, VALID[A.SIGN])) == "案件正在处置，不能签收。"


PERMISSION_CASES = [
    (action, role) for action in TAKEN for role in Role if role not in ROLES[action]
]


@pytest.mark.parametrize(("action", "role"), PERMISSION_CASES)
def test_every_role_without_the_right_is_refused(action: Action, role: Role) -> None:
    status = min(ALLOWED_FROM[action])  # a state the action is allowed in: role decides
    state = shaped(status, action)
    error = refused(state, actor_for(role, state), VALID[action])
    assert error.code == "permission_denied"
    assert str(error) == f"{chinese(role)}不能{verb(action)}。"


def test_the_role_is_checked_before_the_state() -> None:
    assert str(refused(X_VERIFIED, GRID, VALID[A.CLOSE])) == "网格员不能结案。"
    assert str(refused(CaseState(), GRID, VALID[A.CLOSE])) == "网格员不能结案。"
    assert refused(X_CLOSED, OFFICER, VALID[A.DISPATCH]).code == "permission_denied"
    assert str(refused(X_FEEDBACK, OFFICER, VALID[A.VERIFY])) == "部门人员不能核查。"
    assert refused(X_HANDLING, CLERK, VALID[A.APPROVE_PARK]).code == "permission_denied"


def test_roles_table_as_the_issue_describes_it() -> None:
    office = {Role.CLERK, Role.ADMINISTRATOR}
    assert all(ROLES[a] == office for a in TRIAGE)
    assert ROLES[A.CLOSE] == office
    assert ROLES[A.CALL_CONFIRM] == office  # 事不完人不撤: only the caller closes a call
    for a in (A.APPROVE_EXTENSION, A.DENY_EXTENSION, A.APPROVE_PARK):
        assert ROLES[a] == {Role.LEADER, Role.SUPERVISOR}
    assert Role.GRID_WORKER in ROLES[A.VERIFY]
    assert Role.DEPARTMENT_OFFICER not in ROLES[A.VERIFY]
    assert all(Role.GRID_WORKER not in ROLES[a] for a in Action if a != A.VERIFY)


NOT_LEAD_CASES = [
    (action, status)
    for action in UNIT_STEPS
    if Role.DEPARTMENT_OFFICER in ROLES[action]
    for status in sorted(ALLOWED_FROM[action])
    if status != S.PENDING_TRIAGE
]


@pytest.mark.parametrize(("action", "status"), NOT_LEAD_CASES)
def test_an_officer_of_another_unit_is_refused_naming_the_lead(
    action: Action, status: CaseStatus
) -> None:
    state = shaped(status, action)
    lead = DEPARTMENTS[state.lead_unit or ""].short_name
    for outsider in (OFFICER_PCS, OFFICER_ZFZD if state.lead_unit != "ZFZD" else OFFICER):
        error = refused(state, outsider, VALID[action])
        assert error.code == "not_lead_unit"
        assert str(error) == f"只有牵头单位（{lead}）才能{verb(action)}。"
        assert action not in allowed_actions(state, outsider)


def test_a_cooperating_unit_is_not_the_lead() -> None:
    assert X_ASSIGNED.cooperating_units == ("ZFZD",)
    assert (
        str(refused(X_ASSIGNED, OFFICER_ZFZD, VALID[A.SIGN]))
        == "只有牵头单位（市场监管所）才能签收。"
    )
    assert step(X_ASSIGNED, OFFICER, VALID[A.SIGN]).status == S.HANDLING
    # the office may record a step on the lead unit's behalf
    assert step(X_ASSIGNED, CLERK, VALID[A.SIGN]).status == S.HANDLING


@pytest.mark.parametrize("to", ["YJJ", "JTJ", "ZHB"])
def test_dispatch_needs_a_stationed_department(to: str) -> None:
    error = refused(CaseState(), CLERK, Request(A.DISPATCH, to=to))
    assert error.code == "dispatch_needs_x"
    assert str(error).startswith(DEPARTMENTS[to].short_name + "不是派驻机构")


@pytest.mark.parametrize("to", ["SCJG", "PCS", "ZHB"])
def test_call_needs_a_district_department(to: str) -> None:
    error = refused(CaseState(), CLERK, Request(A.CALL, to=to, reason="需要协助"))
    assert error.code == "call_needs_y"
    assert str(error).startswith(DEPARTMENTS[to].short_name + "不是区直部门")


def test_unknown_departments_are_named() -> None:
    for request in (
        Request(A.DISPATCH, to="NOPE"),
        Request(A.DISPATCH, to=None),
        Request(A.DISPATCH, to="SCJG", with_units=("NOPE",)),
        Request(A.CALL, to="NOPE", reason="x"),
    ):
        assert refused(CaseState(), CLERK, request).code == "department_unknown"


def test_dispatch_codes_are_normalised_and_the_lead_is_not_its_own_helper() -> None:
    state = step(
        CaseState(),
        CLERK,
        Request(A.DISPATCH, to=" scjg ", with_units=("zfzd", "SCJG", "ZFZD", "pcs")),
    )
    assert state.lead_unit == "SCJG"
    assert state.cooperating_units == ("PCS", "ZFZD")
    assert state.route == Route.DISPATCH_X


def test_self_handle_is_led_by_the_office() -> None:
    state = step(CaseState(), CLERK, VALID[A.SELF_HANDLE])
    assert (state.status, state.route, state.lead_unit, state.cooperating_units) == (
        S.ASSIGNED,
        Route.SELF,
        "ZHB",
        (),
    )


def test_call_records_the_call_with_the_duty_phone() -> None:
    decision = decide(
        CaseState(),
        CLERK,
        Request(A.CALL, to="yjj", reason=" 冒烟 ", urgent=True),
        DEPARTMENTS,
        numbers=Numbers(call_id="call-7"),
        today=TODAY,
    )
    assert decision.payload == {
        "by_unit": "ZHB",
        "route": "Y",
        "lead_unit": "YJJ",
        "cooperating_units": [],
        "call_id": "call-7",
        "reason": "冒烟",
        "urgent": True,
        "duty_phone": "0535-6218350",
    }
    state = evolve(CaseState(), decision.event_type, decision.payload)
    assert (state.call_id, state.call_status, state.call_open) == (
        "call-7",
        CallStatus.CALLED,
        True,
    )


def test_a_call_keeps_its_cooperating_units() -> None:
    """`call --to YJJ --with PCS ZHB`: the units named to cooperate stay with the call,
    checked and normalised like a dispatch's; the called department is not its own helper."""
    request = Request(A.CALL, to="YJJ", with_units=("pcs", "ZHB", "yjj", "PCS"), reason="冒烟")
    state = step(CaseState(), CLERK, request)
    assert (state.route, state.lead_unit, state.cooperating_units) == (
        Route.CALL_Y,
        "YJJ",
        ("PCS", "ZHB"),
    )
    nope = Request(A.CALL, to="YJJ", with_units=("NOPE",), reason="冒烟")
    assert refused(CaseState(), CLERK, nope).code == "department_unknown"


MISSING = [
    (CaseState(), Request(A.CALL, to="YJJ"), "reason_missing"),
    (CaseState(), Request(A.CALL, to="YJJ", reason="   "), "reason_missing"),
    (CaseState(), Request(A.TRANSFER, reason="属土地执法"), "transfer_target_missing"),
    (CaseState(), Request(A.TRANSFER, to=" ", reason="属土地执法"), "transfer_target_missing"),
    (CaseState(), Request(A.TRANSFER, to="区自然资源局"), "reason_missing"),
    (CaseState(), Request(A.POLICE_REQUEST, attachments=MATERIALS), "offence_missing"),
    (
        CaseState(),
        Request(A.POLICE_REQUEST, offence="非法经营罪", attachments=MATERIALS),
        "threshold_missing",
    ),
    (CaseState(), Request(A.REJECT, reason="\n"), "reason_missing"),
    (CaseState(), Request(A.MERGE), "merge_target_missing"),
    (CaseState(), Request(A.MERGE, into="  "), "merge_target_missing"),
    (X_HANDLING, Request(A.FEEDBACK), "note_missing"),
    (X_HANDLING, Request(A.RETURN), "reason_missing"),
    (X_ASSIGNED, Request(A.RETURN, reason=" "), "reason_missing"),
    (X_HANDLING, Request(A.EXTEND, reason="需要检测"), "days_invalid"),
    (X_HANDLING, Request(A.EXTEND, days=0, reason="需要检测"), "days_invalid"),
    (X_HANDLING, Request(A.EXTEND, days=-3, reason="需要检测"), "days_invalid"),
    (X_HANDLING, Request(A.EXTEND, days=61, reason="需要检测"), "days_invalid"),
    (X_HANDLING, Request(A.EXTEND, days=5), "reason_missing"),
    (X_HANDLING, Request(A.PARK, reason="季节性"), "until_invalid"),
    (X_HANDLING, Request(A.PARK, until="明年春天", reason="季节性"), "until_invalid"),
    (X_HANDLING, Request(A.PARK, until="2026-02-30", reason="季节性"), "until_invalid"),
    (X_HANDLING, Request(A.PARK, until="2027-03-01"), "reason_missing"),
    (X_FEEDBACK, Request(A.VERIFY), "verify_result_missing"),
    (X_CLOSED, Request(A.REWORK), "reason_missing"),
    (X_HANDLING, Request(A.SUPERVISE), "note_missing"),
    (X_HANDLING, Request(A.RETURN, not_our_duty=True, cited=("QS-1",)), "reason_missing"),
    (SENT, Request(A.TRANSFER_RECEIPT, received_by=" "), "received_by_missing"),
    (SENT, Request(A.TRANSFER_OUTCOME, outcome="accepted", note="x"), "receipt_first"),
    (RECEIVED, Request(A.TRANSFER_OUTCOME, outcome="maybe", note="x"), "outcome_invalid"),
    (RECEIVED, Request(A.TRANSFER_OUTCOME, outcome="accepted"), "note_missing"),
    (SETTLED, Request(A.TRANSFER_OUTCOME, outcome="returned", note="x"), "already_recorded"),
    (RECEIVED, Request(A.TRANSFER_RECEIPT, received_by="王明"), "already_recorded"),
]


@pytest.mark.parametrize(("state", "request_", "code"), MISSING)
def test_missing_details_are_refused_with_their_code(
    state: CaseState, request_: Request, code: str
) -> None:
    actor = LEADER if request_.action in (A.SUPERVISE, A.REWORK) else CLERK
    error = refused(state, actor, request_)
    assert error.code == code
    assert str(error).endswith("。")
    assert "{" not in str(error) and "{" not in error.text("en")


def test_deny_extension_needs_a_reason() -> None:
    asked = step(X_HANDLING, OFFICER, VALID[A.EXTEND])
    assert refused(asked, LEADER, Request(A.DENY_EXTENSION)).code == "reason_missing"


def test_days_are_checked_before_the_reason_and_limits_are_inclusive() -> None:
    assert step(X_HANDLING, OFFICER, Request(A.EXTEND, days=1, reason="r")).extension_requested == 1
    assert (
        step(X_HANDLING, OFFICER, Request(A.EXTEND, days=60, reason="r")).extension_requested == 60
    )


# -- the call to a Y department, step by step -------------------------------------------------


def test_the_call_steps_only_in_order() -> None:
    order = [A.CALL_ACK, A.CALL_ARRIVE, A.CALL_DONE, A.CALL_CONFIRM]
    expected = [
        CallStatus.ACKNOWLEDGED,
        CallStatus.ON_SCENE,
        CallStatus.HANDLED,
        CallStatus.CONFIRMED,
    ]
    state = Y_CALLED
    for index, action in enumerate(order):
        for other in order:
            if other != action:
                error = refused(state, CLERK, VALID[other])
                assert error.code == "call_step_out_of_order"
                assert "响应 → 到场 → 办结 → 确认" in str(error)
        state = step(state, CLERK, VALID[action])
        assert state.call_status == expected[index]
    assert not state.call_open
    for action in order:  # nothing after the confirmation
        assert refused(state, CLERK, VALID[action]).code == "call_step_out_of_order"


def test_call_steps_need_a_call() -> None:
    for action in CALL_STEPS:
        assert refused(X_HANDLING, CLERK, VALID[action]).code == "call_step_out_of_order"


def test_the_response_counts_as_signing_for_it() -> None:
    acked = step(Y_CALLED, CLERK, VALID[A.CALL_ACK])
    assert acked.status == S.HANDLING
    error = refused(Y_CALLED, CLERK, VALID[A.SIGN])  # never a second, separate 签收
    assert error.code == "sign_by_call_response"
    assert A.SIGN not in allowed_actions(Y_CALLED, CLERK)


def test_the_called_department_records_but_only_the_caller_confirms() -> None:
    state = Y_CALLED
    for action in (A.CALL_ACK, A.CALL_ARRIVE, A.CALL_DONE):
        state = step(state, OFFICER_YJJ, VALID[action])
    error = refused(state, OFFICER_YJJ, VALID[A.CALL_CONFIRM])
    assert error.code == "permission_denied"
    assert str(error) == "部门人员不能确认呼叫办结。"
    assert refused(Y_CALLED, OFFICER, VALID[A.CALL_ACK]).code == "not_lead_unit"


def test_no_verification_while_the_call_is_open() -> None:
    state = walk(
        (CLERK, VALID[A.CALL]),
        (CLERK, VALID[A.CALL_ACK]),
        (CLERK, VALID[A.CALL_ARRIVE]),
    )
    error = refused(state, CLERK, VALID[A.FEEDBACK])
    assert error.code == "call_not_handled"
    state = step(step(state, CLERK, VALID[A.CALL_DONE]), CLERK, VALID[A.FEEDBACK])
    assert state.status == S.FEEDBACK
    for who in (CLERK, GRID, SUPERVISOR):
        error = refused(state, who, VALID[A.VERIFY])
        assert error.code == "call_still_open"
        assert "事不完人不撤" in str(error)
        assert A.VERIFY not in allowed_actions(state, who)
    state = step(state, CLERK, VALID[A.CALL_CONFIRM])
    assert step(state, GRID, VALID[A.VERIFY]).status == S.VERIFIED


# -- extension and parking -------------------------------------------------------------------


def test_an_extension_is_decided_only_when_asked_for() -> None:
    for action in (A.APPROVE_EXTENSION, A.DENY_EXTENSION):
        assert refused(X_HANDLING, LEADER, VALID[action]).code == "nothing_to_decide"
    asked = step(X_HANDLING, OFFICER, Request(A.EXTEND, days=7, reason="需要检测"))
    assert asked.extension_requested == 7
    assert refused(asked, OFFICER, VALID[A.EXTEND]).code == "already_requested"
    approved = step(asked, SUPERVISOR, VALID[A.APPROVE_EXTENSION])
    assert (approved.extension_requested, approved.extension_days) == (None, 7)
    again = step(
        step(approved, OFFICER, Request(A.EXTEND, days=3, reason="r")),
        LEADER,
        VALID[A.APPROVE_EXTENSION],
    )
    assert again.extension_days == 10
    denied = step(step(approved, OFFICER, VALID[A.EXTEND]), LEADER, VALID[A.DENY_EXTENSION])
    assert (denied.extension_requested, denied.extension_days) == (None, 7)
    assert refused(denied, LEADER, VALID[A.DENY_EXTENSION]).code == "nothing_to_decide"


def test_parking_needs_a_future_date() -> None:
    for until in ("2026-11-18", "2026-11-17", "2020-01-01"):
        error = refused(X_HANDLING, OFFICER, Request(A.PARK, until=until, reason="季节性"))
        assert error.code == "until_invalid"
        assert until in str(error)
    state = step(X_HANDLING, OFFICER, Request(A.PARK, until=" 2026-11-19 ", reason="季节性"))
    assert state.park_requested_until == "2026-11-19"
    assert state.status == S.HANDLING


def test_parking_is_approved_only_when_asked_for_and_resumes() -> None:
    assert refused(X_HANDLING, LEADER, VALID[A.APPROVE_PARK]).code == "nothing_to_decide"
    asked = step(X_HANDLING, OFFICER, VALID[A.PARK])
    assert refused(asked, OFFICER, VALID[A.PARK]).code == "already_requested"
    parked = step(asked, SUPERVISOR, VALID[A.APPROVE_PARK])
    assert (parked.status, parked.parked_until, parked.park_requested_until) == (
        S.PARKED,
        "2027-03-01",
        None,
    )
    for action in (A.FEEDBACK, A.SIGN, A.RETURN, A.PARK, A.EXTEND):
        assert refused(parked, OFFICER, VALID[action]).code == "wrong_state"
    assert refused(parked, OFFICER_PCS, VALID[A.RESUME]).code == "not_lead_unit"
    resumed = step(parked, OFFICER, VALID[A.RESUME])
    assert (resumed.status, resumed.parked_until) == (S.HANDLING, None)


# -- verification, close, rework, return ------------------------------------------------------


def test_a_failed_check_sends_it_back_to_the_handler() -> None:
    failed = step(X_FEEDBACK, GRID, Request(A.VERIFY, passed=False, note="仍有占道"))
    assert (failed.status, failed.verified, failed.rework_count) == (S.HANDLING, False, 1)
    assert refused(failed, CLERK, VALID[A.CLOSE]).code == "wrong_state"


def test_close_needs_a_passed_check_and_rework_reopens() -> None:
    assert X_CLOSED.verified and X_CLOSED.status == S.CLOSED
    reopened = step(X_CLOSED, LEADER, VALID[A.REWORK])
    assert (reopened.status, reopened.verified, reopened.rework_count) == (S.HANDLING, False, 1)
    assert reopened.lead_unit == "SCJG"
    assert allowed_actions(X_CLOSED, CLERK) == [A.REWORK]


def test_return_goes_back_to_triage_and_ends_the_call() -> None:
    asked = step(step(Y_CALLED, CLERK, VALID[A.CALL_ACK]), CLERK, VALID[A.EXTEND])
    back = step(asked, CLERK, VALID[A.RETURN])
    assert back == replace(CaseState(), extension_days=0)
    assert back.call_id is None and not back.call_open
    assert step(back, CLERK, VALID[A.DISPATCH]).lead_unit == "SCJG"


def test_final_states_accept_nothing_but_a_transfers_receipt_and_outcome() -> None:
    police = step(
        step(CaseState(), CLERK, VALID[A.POLICE_REQUEST]), LEADER, VALID[A.POLICE_APPROVE]
    )
    for request in (VALID[A.TRANSFER], None, VALID[A.REJECT], VALID[A.MERGE]):
        final = step(CaseState(), CLERK, request) if request else police
        assert final.status in FINAL
        assert final.status in DEAD_ENDS and final.status in FINISHED
        tracking = [A.TRANSFER_RECEIPT] if final.status == S.TRANSFERRED else []
        for actor in ACTORS:
            office = actor.role in (Role.CLERK, Role.ADMINISTRATOR)
            assert allowed_actions(final, actor) == (tracking if office else [])
    # once the police opened a case, only the handover of the items is left (art. 12)
    assert allowed_actions(SETTLED, CLERK) == [A.POLICE_HANDOVER]
    assert allowed_actions(step(SETTLED, CLERK, VALID[A.POLICE_HANDOVER]), CLERK) == []


def test_a_transfer_carries_its_letter_and_is_tracked_to_its_outcome() -> None:
    # an old one-step police transfer (schema 5-11): its event folds as it always did
    sent = {
        "by_unit": "ZHB",
        "to": "公安机关",
        "offence": "非法经营罪",
        "threshold": "非法经营数额约八万元，超过五万元的立案追诉标准",
        "reason": "涉案金额大",
        "letter_no": "L-1",
    }
    state = evolve(CaseState(), "case.transfer_police", sent)
    assert (state.transfer_letter, state.transfer_police) == ("L-1", True)
    assert allowed_actions(state, CLERK) == [A.TRANSFER_RECEIPT]
    received = step(state, CLERK, VALID[A.TRANSFER_RECEIPT])
    # the police decide, or say it is not theirs and pass it on (art. 7, schema 13)
    assert allowed_actions(received, CLERK) == [A.POLICE_PASSED_ON, A.TRANSFER_OUTCOME]
    outcome = decide(received, CLERK, VALID[A.TRANSFER_OUTCOME], DEPARTMENTS)
    assert outcome.payload == {
        "by_unit": "ZHB",
        "letter_no": "L-1",
        "police": True,
        "outcome": "declined",
        "note": "属乡镇职权",
    }
    back = evolve(received, outcome.event_type, outcome.payload)
    assert back == CaseState()  # 不予立案: the case is the township's to triage again
    assert A.POLICE_REVIEW not in allowed_actions(back, CLERK)  # no request to review
    assert step(back, CLERK, VALID[A.DISPATCH]).status == S.ASSIGNED


def test_a_return_as_not_our_duty_keeps_the_reasons_and_cited_items() -> None:
    request = Request(
        A.RETURN, reason="属住建部门职责", not_our_duty=True, cited=(" QS-B-7 ", "QS-B-7", "")
    )
    decision = decide(X_HANDLING, OFFICER, request, DEPARTMENTS)
    assert decision.payload == {
        "by_unit": "SCJG",
        "reason": "属住建部门职责",
        "not_our_duty": True,
        "unit": "SCJG",
        "cited": ["QS-B-7"],
    }
    assert evolve(X_HANDLING, decision.event_type, decision.payload).status == S.PENDING_TRIAGE
    # a unit that phones its answer in: the office records it, the dispute is the unit's
    on_behalf = decide(X_HANDLING, CLERK, request, DEPARTMENTS)
    assert (on_behalf.payload["by_unit"], on_behalf.payload["unit"]) == ("ZHB", "SCJG")


def test_merge_payload_is_the_target_number_upper_case() -> None:
    decision = decide(
        CaseState(), CLERK, Request(A.MERGE, into=" qs-20261118-le0001 "), DEPARTMENTS
    )
    assert decision.payload["into"] == "QS-20261118-LE0001"


def test_unknown_event_types_leave_the_state_alone() -> None:
    assert evolve(X_HANDLING, "case.registered", {}) == X_HANDLING
    assert evolve(X_HANDLING, "case.something_new", {"x": 1}) == X_HANDLING


# -- allowed_actions is exactly what decide accepts --------------------------------------------


def accepted(state: CaseState, actor: Actor) -> set[Action]:
    ok = set()
    for action in Action:
        try:
            numbers = Numbers(call_id="c")
            decide(state, actor, VALID[action], DEPARTMENTS, numbers, TODAY, evidence=EVIDENCE)
        except DomainError:
            continue
        ok.add(action)
    return ok


SAMPLE_STATES = [
    CaseState(),
    X_ASSIGNED,
    X_HANDLING,
    X_FEEDBACK,
    X_VERIFIED,
    X_CLOSED,
    X_PARKED,
    Y_CALLED,
    step(X_HANDLING, OFFICER, VALID[A.EXTEND]),
    step(X_HANDLING, OFFICER, VALID[A.PARK]),
    step(Y_CALLED, CLERK, VALID[A.CALL_ACK]),
    step(CaseState(), CLERK, VALID[A.REJECT]),
    step(X_HANDLING, OFFICER, VALID[A.POLICE_REQUEST]),
    step(CaseState(), CLERK, VALID[A.POLICE_REQUEST]),
    SENT,
]


@pytest.mark.parametrize("state", SAMPLE_STATES, ids=lambda s: s.status.value)
def test_allowed_actions_is_exactly_what_decide_accepts(state: CaseState) -> None:
    for actor in ACTORS:
        assert set(allowed_actions(state, actor)) == accepted(state, actor), actor


def test_check_allowed_reports_the_first_rule_broken() -> None:
    with pytest.raises(DomainError) as caught:
        check_allowed(X_CLOSED, OFFICER_PCS, A.SIGN)
    assert caught.value.code == "wrong_state"
    with pytest.raises(DomainError) as caught:
        check_allowed(X_ASSIGNED, OFFICER_PCS, A.SIGN)
    assert str(caught.value) == "只有牵头单位（SCJG）才能签收。"  # no names given: the code


# -- invariants under random sequences ---------------------------------------------------------

REQUESTS: list[Request] = [
    *VALID.values(),
    Request(A.DISPATCH, to="ZFZD"),
    Request(A.DISPATCH, to="PCS", with_units=("SCJG", "YJJ")),
    Request(A.DISPATCH, to="YJJ"),
    Request(A.CALL, to="JTJ", reason="桥梁受损"),
    Request(A.CALL, to="SCJG", reason="x"),
    Request(A.CALL, to="YJJ"),
    Request(A.VERIFY, passed=False, note="未整改"),
    Request(A.VERIFY, passed=False, note="未整改"),
    Request(A.VERIFY),
    Request(A.EXTEND, days=0, reason="r"),
    Request(A.PARK, until="2026-11-18", reason="r"),
    Request(A.PARK, until="2026-12-01", reason="r"),
    Request(A.FEEDBACK),
    Request(A.RETURN),
]
# the steps that move a case forward come up more often
WEIGHTED = (
    REQUESTS
    + [
        VALID[a]
        for a in (
            A.SIGN,
            A.FEEDBACK,
            A.VERIFY,
            A.CLOSE,
            A.CALL_ACK,
            A.CALL_ARRIVE,
            A.CALL_DONE,
            A.CALL_CONFIRM,
        )
    ]
    * 2
)


def check_invariants(state: CaseState) -> None:
    if state.status == S.CLOSED:
        assert state.verified
        assert not state.call_open
    if state.status == S.VERIFIED:
        assert state.verified and not state.call_open  # 事不完人不撤
    if state.status in ASSIGNED_LIKE:
        assert state.lead_unit is not None and state.route is not None
        assert state.lead_unit not in state.cooperating_units
        assert len(set(state.cooperating_units)) == len(state.cooperating_units)
    else:
        assert state.lead_unit is None and state.cooperating_units == ()
        assert state.call_id is None
    assert (state.status == S.PARKED) == (state.parked_until is not None)
    if state.call_id is not None:
        assert state.route == Route.CALL_Y
    # a transfer is tracked to its end, and what follows a police transfer (schema 13) too
    tracking = {A.TRANSFER_RECEIPT, A.TRANSFER_OUTCOME, *FOLLOW_UPS}
    if state.status in FINAL:
        for actor in ACTORS:
            assert set(allowed_actions(state, actor)) <= tracking
    if state.status != S.TRANSFERRED:
        assert state.transfer_letter is None and not state.transfer_received


RARE = (A.TRANSFER, A.POLICE_REQUEST, A.REJECT, A.MERGE, A.RETURN, A.SUPERVISE)


@st.composite
def paths(draw: st.DrawFn) -> list[tuple[Actor, Request]]:
    """Random steps; most of them chosen among what the actor may do now (so the paths
    go deep: rework, returns, calls, parking), the rest anything at all."""
    state = CaseState()
    chosen = []
    for _ in range(draw(st.integers(1, 45))):
        possible = [
            (actor, action)
            for actor in ACTORS
            for action in allowed_actions(state, actor)
            for _ in range(1 if action in RARE else 4)
        ]
        if possible and draw(st.integers(0, 9)) < 8:
            actor, action = draw(st.sampled_from(possible))
            request = draw(st.sampled_from([r for r in WEIGHTED if r.action == action]))
        else:
            actor = draw(st.sampled_from(ACTORS))
            request = draw(st.sampled_from(WEIGHTED))
        chosen.append((actor, request))
        with contextlib.suppress(DomainError):
            state = step(state, actor, request)
    return chosen


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paths())
def test_invariants_hold_along_random_paths(steps: list[tuple[Actor, Request]]) -> None:
    state = CaseState()
    for actor, request in steps:
        before = state
        allowed = allowed_actions(state, actor)
        try:
            numbers = Numbers(call_id="c", letter_no="L")
            decision = decide(state, actor, request, DEPARTMENTS, numbers, TODAY, evidence=EVIDENCE)
        except DomainError as error:
            assert state == before  # refused before anything changes
            assert str(error)  # and says why, in Chinese
            if request == VALID[request.action]:
                assert request.action not in allowed
            continue
        assert request.action in allowed
        assert decision.payload["by_unit"] == actor.unit  # every event names who acted
        state = evolve(state, decision.event_type, decision.payload)
        event(f"reached {state.status.value}")
        check_invariants(state)
        assert state.rework_count >= before.rework_count
        assert state.extension_days >= before.extension_days
        assert state.supervision_count >= before.supervision_count
        if before.status == S.CLOSED and request.action not in FOLLOW_UPS:
            # only rework reopens a closed case; what follows a police letter (立案监督
            # about its refusal, say) is recorded whatever became of the case meanwhile
            assert state.status not in FINAL
        if state.status == S.CLOSED and request.action not in FOLLOW_UPS:
            assert before.status == S.VERIFIED


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paths(), st.sampled_from(ACTORS))
def test_allowed_actions_match_decide_on_random_states(
    steps: list[tuple[Actor, Request]], probe: Actor
) -> None:
    state = CaseState()
    for actor, request in steps:
        try:
            state = step(state, actor, request)
        except DomainError:
            continue
    assert set(allowed_actions(state, probe)) == accepted(state, probe)
