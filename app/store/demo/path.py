"""Moving the demo's recent cases along the case path, so every page has something real:
closed cases, cases in handling (some overdue), extensions, parked cases, open Y calls.

Each case gets a plan of steps at realistic times; registrations and steps of all cases
are then written in one time order, so the clock of every event is the moment it happened.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from app.core.case_path.decide import Numbers, Request, decide
from app.core.case_path.rules import ROUTING
from app.core.case_path.steps import Action
from app.core.clock import CHINA
from app.core.errors import DomainError
from app.core.events import EventType
from app.store.case_actions import actor_of
from app.store.case_state import load_state
from app.store.cases import case_by_id
from app.store.eventlog import EventWriter, new_id
from app.store.reference import departments, users
from app.store.routing import suggestion_for
from app.store.transfers import next_letter_no

POLICE_OFFENCES = {  # category -> (suspected offence, why it meets the threshold)
    "0301": ("非法占用农用地罪", "经测绘，占用永久基本农田约六亩，超过五亩的立案追诉标准"),
    "0302": ("非法采矿罪", "经估算，非法采砂价值约十二万元，超过十万元的立案追诉标准"),
    "0502": (
        "生产、销售不符合安全标准的食品罪",
        "抽检的熟食制品检出致病菌，足以造成严重食物中毒事故",
    ),
    "0503": ("销售劣药罪", "销售超过有效期药品，货值约三万元，已有患者服用后就医"),
    "0505": ("非法经营罪", "未经定点屠宰生猪四十余头，经营数额约八万元，超过五万元的追诉标准"),
    "0803": ("开设赌场罪", "设置赌博机组织赌博，参赌人员三十余人次，抽头渔利数额超过五千元"),
    "1004": ("非法捕捞水产品罪", "在禁渔期使用电鱼方法捕捞，渔获物约一百二十公斤"),
}
OTHER_TRANSFER = Request(
    Action.TRANSFER,
    to="蓬山区综合行政执法局",
    reason="案情复杂、涉案金额较大，超出乡镇执法权限，依法移送区级部门查处",
)
OVERRIDES = {  # category -> (the unit a clerk sometimes prefers to the list's, and why)
    "0402": ("ZFZD", "噪声来自建筑工地夜间施工，按建筑施工噪声由执法中队查处"),
    "0101": ("SCJG", "占道摊贩无照经营熟食，先由市场监管所查处"),
    "0104": ("ZFZD", "车辆占用人行道并私设地锁，由执法中队一并清理"),
    "0201": ("ZRZY", "违建占用的是耕地，按农村乱占耕地由自然资源所查处"),
}
NOT_OUR_DUTY = {  # category -> the return a unit makes when it says it is not its duty
    "0402": Request(
        Action.RETURN,
        reason="现场核实噪声来自建筑工地夜间施工，属建筑施工噪声，不属派出所查处的社会生活噪声，"
        "应由综合执法中队查处",
        not_our_duty=True,
        cited=("QS-XZCF-018",),
    ),
    "0504": Request(
        Action.RETURN,
        reason="经查为加油站计量器具作弊，涉及计量检定，需区级计量部门技术认定后再行查处",
        not_our_duty=True,
        cited=("QS-XZCF-024",),
    ),
}
HOUR = 3_600_000
DAY = 24 * HOUR
OFFICERS = {"SCJG": "officer", "ZFZD": "officer_zfzd", "PCS": "officer_pcs"}


@dataclass(order=True)
class Step:
    at: int
    order: int
    case_id: str = field(compare=False)
    username: str = field(compare=False)
    request: Request | None = field(compare=False)  # None: the registration itself
    payload: dict[str, Any] | None = field(compare=False, default=None)
    registrar: str | None = field(compare=False, default=None)


def plan(
    rng: random.Random,
    received: int,
    now: int,
    route: str,
    unit: str,
    grid_worker: str,
    category: str = "",
) -> list[tuple[int, str, Request]]:
    """The steps one case takes from ``received``, stopping at ``now``."""
    age_days = (now - received) / DAY
    target = _target(rng, age_days)
    if route == "Y" and target in ("handling", "parked") and age_days > 5:
        target = "closed"  # a call is not left open for weeks: 事不完人不撤
    steps: list[tuple[int, str, Request]] = []
    t = received
    handler = OFFICERS.get(unit, "clerk")

    def step(after_hours: float, who: str, request: Request) -> bool:
        nonlocal t
        t = _daytime(t + int(after_hours * HOUR * rng.uniform(0.5, 1.5)), rng)
        if t >= now or target == "pending":
            return False
        steps.append((t, who, request))
        return True

    if target in ("transferred", "rejected"):
        request = Request(Action.REJECT, reason="不属于行政执法事项，已告知当事人")
        if target == "transferred":
            request = _transfer(category)
        received = step(3, "clerk", request) and target == "transferred" and age_days > 10
        received = received and step(
            30, "clerk", Request(Action.TRANSFER_RECEIPT, received_by="接收机关法制科")
        )
        if received and age_days > 12:
            outcome, note = "accepted", "已受理并立案查处"
            if request.action == Action.TRANSFER_POLICE:
                outcome, note = "accepted", "已立案侦查"
                if age_days < 25 and rng.random() < 0.5:  # 不予立案, lately: back to triage
                    outcome, note = "declined", "经审查未达到刑事立案追诉标准，退回依法给予行政处罚"
            step(200, "clerk", Request(Action.TRANSFER_OUTCOME, outcome=outcome, note=note))
        return steps
    if route == "Y":
        ok = step(
            1,
            "clerk",
            Request(Action.CALL, to=unit, reason="需区直部门到场处置", urgent=rng.random() < 0.4),
        )
        for action, hours in (
            (Action.CALL_ACK, 0.3),
            (Action.CALL_ARRIVE, 1.5),
            (Action.CALL_DONE, 30),
        ):
            ok = ok and target != "assigned" and step(hours, "clerk", Request(action))
    elif route == "X":
        cooperating = ("ZFZD",) if unit != "ZFZD" and rng.random() < 0.3 else ()
        dispatch = Request(Action.DISPATCH, to=unit, with_units=cooperating)
        disputed = category in NOT_OUR_DUTY  # the unit the list names says it is not its duty
        if category in OVERRIDES and rng.random() < 0.15:  # the clerk knows better this time
            unit, why = OVERRIDES[category]
            handler = OFFICERS.get(unit, "clerk")
            dispatch = Request(Action.DISPATCH, to=unit, override_reason=why)
            disputed = False
        ok = step(2, "clerk", dispatch)
        ok = ok and target != "assigned" and step(5, handler, Request(Action.SIGN))
        if ok and target == "handling" and disputed and rng.random() < 0.5:
            step(6, handler, NOT_OUR_DUTY[category])  # a duty dispute, left open
            return steps
    else:
        ok = step(1, "clerk", Request(Action.SELF_HANDLE))
        ok = ok and target != "assigned" and step(2, "clerk", Request(Action.SIGN))
    if not ok or target in ("assigned", "handling"):
        if ok and target == "handling" and rng.random() < 0.25:
            step(20, handler, Request(Action.EXTEND, days=rng.choice([3, 5]), reason="需检测鉴定"))
        return steps
    if target == "parked":
        until = datetime.fromtimestamp((now + 40 * DAY) / 1000, CHINA).date().isoformat()
        step(24, handler, Request(Action.PARK, until=until, reason="季节性整治，待汛期后处置"))
        step(6, "leader", Request(Action.APPROVE_PARK))
        return steps
    if rng.random() < 0.15 and step(20, handler, Request(Action.EXTEND, days=3, reason="需检测")):
        step(4, "leader", Request(Action.APPROVE_EXTENSION))
    ok = step(rng.uniform(4, 60), handler, Request(Action.FEEDBACK, note="已责令当事人整改完毕"))
    if route == "Y":
        ok = ok and step(1, "clerk", Request(Action.CALL_CONFIRM))
    if not ok or target == "feedback":
        return steps
    ok = step(20, grid_worker, Request(Action.VERIFY, passed=True, note="现场核查，已整改到位"))
    if ok and target == "closed":
        step(3, "clerk", Request(Action.CLOSE))
    return steps


def _daytime(moment: int, rng: random.Random) -> int:
    """People act between 08:00 and 18:00: a step that would fall at night waits for the
    next morning (a return signed at 02:34 is not a township's)."""
    local = datetime.fromtimestamp(moment / 1000, CHINA)
    if 8 <= local.hour < 18:
        return moment
    morning = local.replace(hour=8, minute=30, second=0, microsecond=0)
    if local.hour >= 18:
        morning += timedelta(days=1)
    return int(morning.timestamp() * 1000) + rng.randrange(90 * 60_000)


def _transfer(category: str) -> Request:
    if category not in POLICE_OFFENCES:
        return OTHER_TRANSFER
    offence, threshold = POLICE_OFFENCES[category]
    reason = "涉嫌犯罪，依照《行政执法机关移送涉嫌犯罪案件的规定》移送"
    return Request(
        Action.TRANSFER_POLICE,
        to="蓬山区公安分局",  # the police organ with jurisdiction, not just 公安机关
        offence=offence,
        threshold=threshold,
        reason=reason,
    )


def _target(rng: random.Random, age_days: float) -> str:
    """How far a case of this age has got, by the proportions a township office sees."""
    if age_days < 1:
        choices = {"pending": 50, "assigned": 30, "handling": 20}
    elif age_days < 5:
        choices = {"pending": 8, "assigned": 10, "handling": 35, "feedback": 15, "closed": 32}
    elif age_days < 20:
        choices = {
            "handling": 20,
            "parked": 4,
            "feedback": 8,
            "closed": 62,
            "transferred": 3,
            "rejected": 3,
        }
    else:
        choices = {"handling": 4, "parked": 3, "closed": 86, "transferred": 3, "rejected": 4}
    return rng.choices(list(choices), list(choices.values()))[0]


def write_in_time_order(
    writer: EventWriter, steps: Iterator[Step] | list[Step], set_wall: Callable[[int], None]
) -> None:
    """Registrations and steps merged by time. A step the rules refuse (it should not
    happen) ends that case's plan rather than the demo."""
    db = writer.db
    units = {d.code: d for d in departments(db)}
    people = {u.username: u for u in users(db)}
    heap = list(steps)
    heapq.heapify(heap)
    broken: set[str] = set()
    while heap:
        step = heapq.heappop(heap)
        set_wall(step.at)
        if step.request is None:
            writer.append(
                step.registrar, "case", step.case_id, EventType.CASE_REGISTERED, step.payload or {}
            )
            continue
        if step.case_id in broken:
            continue
        user = people[step.username]
        today: date = datetime.fromtimestamp(step.at / 1000, CHINA).date()
        action = step.request.action
        suggestion = suggestion_for(db, case_by_id(db, step.case_id)) if action in ROUTING else None
        police = action == Action.TRANSFER_POLICE
        letter = next_letter_no(db, police, today) if police or action == Action.TRANSFER else ""
        try:
            decision = decide(
                load_state(db, step.case_id),
                actor_of(user),
                step.request,
                units,
                Numbers(call_id=new_id(), letter_no=letter),
                today,
                suggestion,
            )
        except DomainError:
            broken.add(step.case_id)
            continue
        writer.append(user.id, "case", step.case_id, decision.event_type, decision.payload)
