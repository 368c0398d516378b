"""The indicators the township is judged by and judges its units by (统计分析与考核): each
defined once, here, with the words shown in the window and printed in the bulletin.

An indicator counts rows of one kind of fact (core/case_path/facts.py: cases, lead
assignments, calls; and the coordination records) placed in a period by one moment (its
*anchor*: received, closed, called …). ``counted`` says which of those rows count (the
denominator of a rate, the rows averaged); ``hit`` adds the numerator's conditions. The store
turns these definitions into queries and never decides what counts itself; the window, the
command line and the bulletin all read the same figures, and every figure drills down to the
cases behind it.

Figures are as known when the report is made (``now``): a case received in November and
closed in December counts as closed for November's closure rate, once December has come.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Facts(StrEnum):
    """The kinds of fact an indicator counts (one table or view each, in the store)."""

    CASES = "cases"
    HANDLING = "handling"  # one row per lead assignment
    CALLS = "calls"
    DISPUTES = "disputes"
    DECISIONS = "decisions"
    TRANSFERS = "transfers"


class Kind(StrEnum):
    COUNT = "count"  # rows counted
    RATE = "rate"  # hit / counted, 0..1
    AVERAGE = "average"  # mean of ``value`` over the rows counted
    P90 = "p90"  # 90th percentile (nearest rank) of ``value`` in whole minutes, rounded up


@dataclass(frozen=True)
class Condition:
    """``true``: the column is 1; ``known``: it is not empty; ``passed``: it holds a moment
    at or before the report's ``now``."""

    column: str
    test: str


def true(column: str) -> Condition:
    return Condition(column, "true")


def known(column: str) -> Condition:
    return Condition(column, "known")


def passed(column: str) -> Condition:
    return Condition(column, "passed")


class Group(StrEnum):
    """What the figures are broken down by; the column of that name on every fact."""

    UNIT = "unit"
    GRID = "grid"
    CATEGORY = "category"
    ROUTE = "route"
    SOURCE = "source"


GROUP_COLUMNS = {
    Group.UNIT: "unit",
    Group.GRID: "grid_code",
    Group.CATEGORY: "category_code",
    Group.ROUTE: "route",
    Group.SOURCE: "source",
}
GROUP_NAMES = {
    Group.UNIT: "单位",
    Group.GRID: "网格",
    Group.CATEGORY: "问题类别",
    Group.ROUTE: "处置方式",
    Group.SOURCE: "来源",
}


@dataclass(frozen=True)
class Indicator:
    key: str  # stable English key (JSON, settings, weights)
    name: str  # 受理量 …
    english: str
    kind: Kind
    unit: str  # 件, %, 工作日 …
    facts: Facts
    anchor: str  # the moment that places a row in a period
    definition: str  # numerator, denominator, which events count, working days and pauses
    counted: tuple[Condition, ...] = ()
    hit: tuple[Condition, ...] = ()
    value: str | None = None  # the column averaged (AVERAGE, P90)
    higher_is_better: bool | None = None  # None: neither (a volume)
    section: str = ""

    @property
    def is_rate(self) -> bool:
        return self.kind == Kind.RATE


INTAKE, HANDLING, CALLS, COORDINATION = "受理", "处置", "呼叫响应", "协调联动"
_C, _H, _Y = Facts.CASES, Facts.HANDLING, Facts.CALLS
_WORKING_DAYS = "工作日按办公时间计（法定节假日、周末不计，调休上班日计入），挂账期间不计。"

# One entry per indicator, in the order they are shown; kept as a table, not reflowed.
# fmt: off
INDICATORS: tuple[Indicator, ...] = (
    # -- intake -------------------------------------------------------------------------------
    Indicator(
        "received", "受理量", "cases received", Kind.COUNT, "件", _C, "received_at",
        "本期登记受理的案件数（按受理时间计，含后来不予受理、合并和移送的）。",
        section=INTAKE,
    ),
    Indicator(
        "proactive_rate", "主动发现率", "found on patrol", Kind.RATE, "%", _C, "received_at",
        "本期受理案件中，来源为巡查发现或联合巡察的比例。分母：本期受理量。",
        hit=(true("proactive"),), higher_is_better=True, section=INTAKE,
    ),
    Indicator(
        "first_routing_hours", "首接研判时长", "hours to triage", Kind.AVERAGE, "工作小时", _C,
        "received_at",
        "本期受理且已研判的案件，从登记受理到第一次研判处理（分拨、呼叫、移送、不予受理或"
        "合并）的平均办公时长。办公时间外和节假日不计。",
        counted=(known("routed_at"),), value="first_routing_hours", higher_is_better=False,
        section=INTAKE,
    ),
    Indicator(
        "self_handled_rate", "自行处置率", "handled by the township", Kind.RATE, "%", _C,
        "received_at",
        "本期受理且已分拨的案件中，由镇街自行处置（1）的比例。分母：已分拨到镇街、派驻机构或"
        "区直部门的案件；回退后重新分拨的，以最后一次为准。",
        counted=(known("route"),), hit=(true("self_handled"),), section=INTAKE,
    ),
    Indicator(
        "self_handling_days", "自行处置办理时长", "self-handling days", Kind.AVERAGE, "工作日",
        _C, "closed_at",
        "本期结案的镇街自行处置案件，从第一次分拨到结案的平均工作日数。" + _WORKING_DAYS,
        counted=(true("self_handled"),), value="handling_days", higher_is_better=False,
        section=INTAKE,
    ),
    # -- handling -----------------------------------------------------------------------------
    Indicator(
        "signed_on_time_rate", "按期签收率", "signed for on time", Kind.RATE, "%", _H,
        "assigned_at",
        "本期分拨（派遣、自行处置、呼叫）的每一次牵头任务中，在签收时限内签收的比例。"
        "分母：已签收的，和签收时限已过仍未签收的；时限内被回退的不计。区直部门登记响应即为签收。",
        counted=(passed("sign_judged_at"),), hit=(true("signed_on_time"),),
        higher_is_better=True, section=HANDLING,
    ),
    Indicator(
        "closure_rate", "结案率", "closure rate", Kind.RATE, "%", _C, "received_at",
        "本期受理的应办案件中，到统计时已结案的比例。分母：本期受理量，不含不予受理、合并和"
        "移送出去的案件。",
        counted=(true("to_handle"),), hit=(true("closed"), passed("closed_at")),
        higher_is_better=True, section=HANDLING,
    ),
    Indicator(
        "closed", "结案数", "cases closed", Kind.COUNT, "件", _C, "closed_at",
        "本期结案的案件数（按最后一次结案时间计；返工后重新结案的只计一次）。",
        section=HANDLING,
    ),
    Indicator(
        "closed_on_time", "按期结案数", "closed on time", Kind.COUNT, "件", _C, "closed_at",
        "本期结案的案件中，最后一次处置反馈在当时的处置期限内的案件数。期限按反馈时有效的"
        "时限、已批准的延期和挂账计算。",
        counted=(true("closed_on_time"),), section=HANDLING,
    ),
    Indicator(
        "on_time_closure_rate", "按期结案率", "closed on time", Kind.RATE, "%", _C, "closed_at",
        "按期结案数 ÷ 结案数。按期：最后一次处置反馈不晚于当时的处置期限（已批准的延期计入"
        "期限，挂账期间不计时；区直部门按其承诺的办结时限）。" + _WORKING_DAYS,
        hit=(true("closed_on_time"),), higher_is_better=True, section=HANDLING,
    ),
    Indicator(
        "handling_days", "平均办理时长", "handling days", Kind.AVERAGE, "工作日", _C,
        "closed_at",
        "本期结案的案件，从第一次分拨到结案的平均工作日数。" + _WORKING_DAYS,
        counted=(known("handling_days"),), value="handling_days", higher_is_better=False,
        section=HANDLING,
    ),
    Indicator(
        "rework_rate", "返工率", "reworked", Kind.RATE, "%", _C, "closed_at",
        "本期结案的案件中，曾被返工（核查不通过或结案后返工）的比例。",
        hit=(true("reworked"),), higher_is_better=False, section=HANDLING,
    ),
    Indicator(
        "extension_rate", "延期率", "extended", Kind.RATE, "%", _C, "closed_at",
        "本期结案的案件中，曾获批准延期的比例（申请后被驳回的不计）。",
        hit=(true("extended"),), higher_is_better=False, section=HANDLING,
    ),
    Indicator(
        "parked", "挂账数", "parked", Kind.COUNT, "件", _C, "parked_at",
        "本期第一次获批准挂账的案件数。",
        section=HANDLING,
    ),
    Indicator(
        "return_rate", "回退率", "returned", Kind.RATE, "%", _H, "assigned_at",
        "本期分拨的牵头任务中，被承办单位回退的比例。",
        hit=(true("returned"),), higher_is_better=False, section=HANDLING,
    ),
    Indicator(
        "not_our_duty_returns", "非本单位职责回退数", "returned as not our duty", Kind.COUNT,
        "件", _H, "assigned_at",
        "本期分拨的牵头任务中，以“非本单位职责”回退（由此产生职责争议）的次数。",
        counted=(true("not_our_duty"),), section=HANDLING,
    ),
    # -- calls to Y ---------------------------------------------------------------------------
    Indicator(
        "calls", "呼叫数", "calls", Kind.COUNT, "次", _Y, "called_at",
        "本期向区直部门发出的呼叫次数。", section=CALLS,
    ),
    Indicator(
        "response_on_time_rate", "响应及时率", "responded on time", Kind.RATE, "%", _Y,
        "called_at",
        "本期呼叫中，在承诺时限内响应的比例（紧急呼叫按承诺的分钟数、自然时间连续计；"
        "一般呼叫为其两倍，按办公时间计）。分母：已响应的，和时限已过仍未响应的；时限内因回退"
        "撤回的不计。",
        counted=(passed("response_judged_at"),), hit=(true("response_on_time"),),
        higher_is_better=True, section=CALLS,
    ),
    Indicator(
        "arrival_on_time_rate", "到场及时率", "arrived on time", Kind.RATE, "%", _Y,
        "called_at",
        "本期呼叫中，在承诺时限内到场的比例（时限规则同响应）。分母：已到场的，和时限已过仍"
        "未到场的。",
        counted=(passed("arrival_judged_at"),), hit=(true("arrival_on_time"),),
        higher_is_better=True, section=CALLS,
    ),
    Indicator(
        "response_avg_minutes", "平均响应时间", "mean response", Kind.AVERAGE, "分钟", _Y,
        "called_at", "本期已响应的呼叫，从呼叫到响应的平均分钟数（自然时间）。",
        counted=(known("response_minutes"),), value="response_minutes",
        higher_is_better=False, section=CALLS,
    ),
    Indicator(
        "response_p90_minutes", "响应时间90分位", "response, 90th percentile", Kind.P90, "分钟",
        _Y, "called_at",
        "本期已响应的呼叫中，90% 在此分钟数内响应（最近秩法；不足一分钟的部分按一分钟计）。",
        counted=(known("response_minutes"),), value="response_minutes",
        higher_is_better=False, section=CALLS,
    ),
    Indicator(
        "arrival_avg_minutes", "平均到场时间", "mean arrival", Kind.AVERAGE, "分钟", _Y,
        "called_at", "本期已到场的呼叫，从呼叫到到场的平均分钟数（自然时间）。",
        counted=(known("arrival_minutes"),), value="arrival_minutes",
        higher_is_better=False, section=CALLS,
    ),
    Indicator(
        "arrival_p90_minutes", "到场时间90分位", "arrival, 90th percentile", Kind.P90, "分钟",
        _Y, "called_at",
        "本期已到场的呼叫中，90% 在此分钟数内到场（最近秩法；不足一分钟的部分按一分钟计）。",
        counted=(known("arrival_minutes"),), value="arrival_minutes",
        higher_is_better=False, section=CALLS,
    ),
    Indicator(
        "confirmation_rate", "办结确认率", "confirmed by the caller", Kind.RATE, "%", _Y,
        "called_at",
        "本期呼叫中，经呼叫方确认办结的比例（事不完人不撤）。分母：未因回退撤回的呼叫。",
        counted=(true("settled"),), hit=(true("confirmed"),), higher_is_better=True,
        section=CALLS,
    ),
    # -- coordination -------------------------------------------------------------------------
    Indicator(
        "list_overrides", "偏离清单建议分拨数", "routed against the lists", Kind.COUNT, "次", _H,
        "assigned_at",
        "本期分拨中，未按三张清单（或裁定）建议的处置方式或牵头单位分拨的次数（均已记录理由）。",
        counted=(true("overridden"),), section=COORDINATION,
    ),
    Indicator(
        "disputes_opened", "职责争议数", "duty disputes", Kind.COUNT, "件", Facts.DISPUTES,
        "opened_at", "本期因“非本单位职责”回退而产生的职责争议数。", section=COORDINATION,
    ),
    Indicator(
        "dispute_ruling_days", "争议裁定平均用时", "days to a ruling", Kind.AVERAGE, "自然日",
        Facts.DISPUTES, "opened_at",
        "本期产生且已裁定的职责争议，从产生到裁定（办公室裁定或联席会议决议）的平均自然日数。",
        counted=(known("decided_at"),), value="ruling_days", higher_is_better=False,
        section=COORDINATION,
    ),
    Indicator(
        "decisions_on_time_rate", "会议决议按期落实率", "decisions done on time", Kind.RATE, "%",
        Facts.DECISIONS, "due_at",
        "期限在本期的联席会议决议中，在期限当日结束前落实的比例。分母：已落实的，和期限已过仍未"
        "落实的。",
        counted=(passed("judged_at"),), hit=(true("done_on_time"),), higher_is_better=True,
        section=COORDINATION,
    ),
    Indicator(
        "transfers", "移送数", "transfers", Kind.COUNT, "件", Facts.TRANSFERS, "sent_at",
        "本期向其他机关移送的案件数（含移送公安）。", section=COORDINATION,
    ),
    Indicator(
        "transfer_receipt_rate", "移送回执率", "transfers with a receipt", Kind.RATE, "%",
        Facts.TRANSFERS, "sent_at", "本期移送中，已登记接收回执的比例。",
        hit=(true("receipted"),), higher_is_better=True, section=COORDINATION,
    ),
    Indicator(
        "transfer_outcome_rate", "移送结果反馈率", "transfers answered", Kind.RATE, "%",
        Facts.TRANSFERS, "sent_at",
        "本期移送中，接收机关已反馈处理结果（受理、不予受理或退回）的比例。",
        hit=(true("answered"),), higher_is_better=True, section=COORDINATION,
    ),
    Indicator(
        "police_transfers", "移送公安数", "transfers to the police", Kind.COUNT, "件",
        Facts.TRANSFERS, "sent_at", "本期涉嫌犯罪移送公安机关的案件数（行刑衔接）。",
        counted=(true("police"),), section=COORDINATION,
    ),
    Indicator(
        "police_accepted", "公安立案数", "taken on by the police", Kind.COUNT, "件",
        Facts.TRANSFERS, "sent_at", "本期移送公安的案件中，公安机关已反馈立案（受理）的数量。",
        counted=(true("police"), true("accepted")), section=COORDINATION,
    ),
)
# fmt: on

BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
SECTIONS = (INTAKE, HANDLING, CALLS, COORDINATION)


def indicator(key: str) -> Indicator:
    return BY_KEY[key]


def whole_minutes(minutes: float) -> int:
    """A time in minutes as the percentiles count it: a started minute counts whole, so "90 %
    within n minutes" stays true of the rounded figure. Rounding up before ranking gives the
    rounded-up percentile (ceil keeps the order), so the store may count whole minutes."""
    return math.ceil(minutes)


def nearest_rank_p90(counts: Mapping[int, int]) -> int | None:
    """The 90th percentile by the nearest-rank method over ``counts`` (whole minutes -> how
    many rows took them): the smallest value with at least 90 % of the rows at or below it."""
    total = sum(counts.values())
    if not total:
        return None
    rank = -(-9 * total // 10)  # ceil(0.9 n)
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            break
    return value


def rate(hit: int, counted: int) -> float | None:
    return None if counted == 0 else hit / counted
