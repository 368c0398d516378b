"""The bulletin's words and table rows, shared by the PDF and the workbook."""

from __future__ import annotations

from datetime import datetime

from app.core.assessment import (
    MIN_COUNTED,
    Score,
)
from app.core.indicators import BY_KEY, Kind
from app.reports.bulletin.gather import (
    CALL_KEYS,
    HEADLINE,
    STEP_NAMES,
    UNIT_KEYS,
    Bulletin,
    count,
)
from app.store import bulletin_data as data
from app.store.statistics import Figure


def value_text(key: str, figure: Figure | None) -> str:
    """A figure as printed: a rate as a percentage with one decimal, a count and a
    percentile (whole minutes) whole, an average with one decimal; "—" when there was
    nothing to average or no denominator."""
    kind = BY_KEY[key].kind
    if figure is None and kind == Kind.COUNT:
        return "0"  # a group with no rows of that kind: none counted
    if figure is None or figure.value is None:
        return "—"
    if kind == Kind.RATE:
        return f"{figure.value * 100:.1f}%"
    if kind in (Kind.COUNT, Kind.P90):
        return f"{int(figure.value)}"
    return f"{figure.value:.1f}"


def with_unit(key: str, figure: Figure | None) -> str:
    text = value_text(key, figure)
    indicator = BY_KEY[key]
    if text == "—" or indicator.kind == Kind.RATE:
        return text
    return f"{text}{indicator.unit}" if indicator.unit == "件" else f"{text} {indicator.unit}"


def change_text(key: str, now: Figure | None, before: Figure | None) -> str:
    """Against the previous month: ↑ / ↓ and by how much (percentage points for rates)."""
    if now is None or now.value is None or before is None or before.value is None:
        return "无可比数据"
    indicator = BY_KEY[key]
    if indicator.kind == Kind.RATE:
        diff = round((now.value - before.value) * 100, 1)
        unit = "个百分点"
    elif indicator.kind == Kind.COUNT:
        diff = int(now.value) - int(before.value)
        unit = indicator.unit
    else:
        diff = round(now.value - before.value, 1)
        unit = " " + indicator.unit
    if diff == 0:
        return "持平"
    amount = f"{abs(diff):.1f}" if isinstance(diff, float) else f"{abs(diff)}"
    return f"{'↑' if diff > 0 else '↓'}{amount}{unit}"


def base_text(key: str, figure: Figure | None) -> str:
    """What a rate is counted over: hit/counted; an average: the rows averaged."""
    if figure is None or BY_KEY[key].kind == Kind.COUNT:
        return ""
    if BY_KEY[key].kind == Kind.RATE:
        return f"{figure.hit}/{figure.counted}"
    return f"{figure.counted} 件"


def date_words(moment: datetime) -> str:
    return f"{moment.year}年{moment.month}月{moment.day}日"


def weights_text(weights: dict[str, int]) -> str:
    parts = "、".join(f"{BY_KEY[k].name}{w}" for k, w in weights.items())
    return (
        f"考核权重：{parts}（合计 {sum(weights.values())}）。得分为各项得分按权重加权平均，"
        "返工率、延期率按“100×（1－比率）”计分；某项指标本月计入不足 "
        f"{MIN_COUNTED} 件的，该项不计分，其权重由其余各项按比例分担。"
    )


def score_text(score: Score) -> str:
    return "—" if score.score is None else f"{score.score:.1f}"


def lists_text(scores: list[Score], names: dict[str, str]) -> str:
    if not scores:
        return "本月无"
    return "、".join(f"{names.get(s.unit, s.unit)}（{score_text(s)}分）" for s in scores)


def decision_state(decision: data.DecisionDue, now: datetime) -> str:
    if decision.done_at is not None:
        done = datetime.strptime(decision.done_at[:10], "%Y-%m-%d")
        late = decision.done_at[:10] > decision.deadline
        return f"已落实（{date_words(done)}{'，逾期' if late else ''}）"
    days = decision.overdue_days(now)
    return f"未落实，已超期 {days} 天" if days else "未落实，未到期"


def summary_sentence(b: Bulletin) -> str:
    t = b.total
    if b.empty:
        return f"{b.period.label}，全镇没有受理、办结的案件，也没有呼叫区直部门的记录。"
    return (
        f"{b.period.label}，全镇共受理案件 {value_text('received', t.get('received'))} 件，"
        f"结案 {value_text('closed', t.get('closed'))} 件；"
        f"结案率 {value_text('closure_rate', t.get('closure_rate'))}，"
        f"按期结案率 {value_text('on_time_closure_rate', t.get('on_time_closure_rate'))}，"
        f"平均办理时长 {with_unit('handling_days', t.get('handling_days'))}。"
        f"截至{date_words(b.now)}，超期未办结案件 {len(b.overdue)} 件。"
    )


# ----------------------------------------------------------------------- the PDF


def headline_rows(b: Bulletin) -> list[list[str]]:
    return [
        [
            BY_KEY[k].name,
            with_unit(k, b.total.get(k)),
            with_unit(k, b.before.get(k)),
            change_text(k, b.total.get(k), b.before.get(k)),
            base_text(k, b.total.get(k)),
        ]
        for k in HEADLINE
    ]


HEADLINE_HEADERS = ["指标", "本月", "上月", "较上月", "计算基数"]
BASE_NOTE = "注：比率的计算基数为“分子/分母”，平均值为计入的案件数；“—”表示本月无可计数据。"


def unit_headers() -> list[str]:
    return ["单位", *(_header(k) for k in UNIT_KEYS)]


def _header(key: str) -> str:
    i = BY_KEY[key]
    return i.name if i.unit in ("%", "件") else f"{i.name}（{i.unit}）"


def unit_rows(b: Bulletin) -> list[list[str]]:
    """Each unit, then the township's total (the same figures as the first section)."""
    rows = [[g.name, *(value_text(k, g.figures.get(k)) for k in UNIT_KEYS)] for g in b.units]
    return [*rows, ["全镇合计", *(value_text(k, b.total.get(k)) for k in UNIT_KEYS)]]


def ranking_headers(b: Bulletin) -> list[str]:
    return ["名次", "单位", "得分", *(BY_KEY[k].name + "得分" for k in b.weights)]


def ranking_rows(b: Bulletin) -> list[list[str]]:
    rows = []
    place = 0
    for s in b.ranked:
        place = place + 1 if s.score is not None else place
        rows.append(
            [
                str(place) if s.score is not None else "—",
                b.unit_names.get(s.unit, s.unit),
                score_text(s) if s.score is not None else "样本不足，不计分",
                *(f"{s.parts[k]:.1f}" if k in s.parts else "—" for k in b.weights),
            ]
        )
    return rows


def category_rows(b: Bulletin) -> list[list[str]]:
    received = count(b.total, "received")
    rows = []
    for n, g in enumerate(b.categories, 1):
        cases = count(g.figures, "received")
        share = f"{cases / received * 100:.1f}%" if received else "—"
        rows.append([str(n), g.name, str(cases), share])
    return rows


def place_rows(b: Bulletin) -> list[list[str]]:
    return [
        [str(n), p.place, p.grid if p.by_address else "—", str(p.cases)]
        for n, p in enumerate(b.places, 1)
    ]


OVERDUE_HEADERS = [
    "序号",
    "案件编号",
    "牵头单位",
    "问题类别",
    "地点",
    "超期环节",
    "期限",
    "超期工作日",
    "督办次数",
]
OVERDUE_WIDTHS = {0: 5, 1: 22, 2: 12, 3: 11, 5: 6, 6: 12, 7: 7, 8: 6}  # fmt: skip


def days_text(days: float) -> str:
    """Working days late: whole days as they are, a part day to one decimal."""
    return f"{days:.0f}" if days == int(days) else f"{days:.1f}"


def overdue_rows(cases: list[data.OverdueOpenCase]) -> list[list[str]]:
    return [
        [
            str(n),
            c.number,
            c.lead_unit or "—",
            c.category,
            c.place,
            STEP_NAMES.get(c.step, c.step),
            c.due[:10],
            days_text(c.working_days),
            str(c.supervisions),
        ]
        for n, c in enumerate(cases, 1)
    ]


def call_headers() -> list[str]:
    return ["区直部门", *(_header(k) for k in CALL_KEYS)]


def call_rows(b: Bulletin) -> list[list[str]]:
    return [[g.name, *(value_text(k, g.figures.get(k)) for k in CALL_KEYS)] for g in b.calls]


DECISION_HEADERS = ["会议", "决议内容", "责任单位", "落实期限", "落实情况"]


def decision_rows(b: Bulletin) -> list[list[str]]:
    return [
        [
            f"第{d.meeting_number}次第{d.position}项",
            d.text,
            d.owner,
            d.deadline,
            decision_state(d, b.now),
        ]
        for d in b.decisions
    ]
