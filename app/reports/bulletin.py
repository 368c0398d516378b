"""The monthly bulletin (月度通报) on comprehensive administrative enforcement: issued by the
township's authority with its own number series (青石综执通〔2026〕11号), the month's figures
against the month before, each unit's work, the assessment ranking with the weights used,
the green and red lists, frequent problems, long-overdue cases, the calls to district
departments and the joint-meeting decisions due; the indicators' definitions attached.

Every figure is read from store/statistics.figures() as it gives it; nothing is counted
again here. A PDF (A4) or a workbook, by the file's suffix."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

from sqlite_utils import Database

from app.core.assessment import (
    MIN_COUNTED,
    Score,
    green_and_red,
    ranking,
    score_unit,
)
from app.core.errors import DomainError, Words
from app.core.indicators import BY_KEY, INDICATORS, Group, Indicator, Kind
from app.core.model import Tier, office_unit
from app.core.periods import Period
from app.reports.pdf import write_pdf
from app.reports.sheet_writer import SheetOut, write_workbook
from app.reports.spreadsheets import os_reason
from app.store import bulletin_data as data
from app.store.reference import ReferenceData
from app.store.statistics import NO_GROUP, TOTAL, Figure, GroupFigures, figures

HEADLINE = (
    "received",
    "closed",
    "closure_rate",
    "on_time_closure_rate",
    "handling_days",
    "self_handled_rate",
    "proactive_rate",
    "rework_rate",
    "extension_rate",
)
UNIT_KEYS = (
    "received",
    "closed",
    "on_time_closure_rate",
    "signed_on_time_rate",
    "rework_rate",
    "extension_rate",
    "handling_days",
)
CALL_KEYS = (
    "calls",
    "response_on_time_rate",
    "arrival_on_time_rate",
    "response_avg_minutes",
    "response_p90_minutes",
    "arrival_p90_minutes",
    "confirmation_rate",
)
DECISION_KEY = "decisions_on_time_rate"
TOP_CATEGORIES = 5
TOP_PLACES = 5
OVERDUE_ROWS = 15
STEP_NAMES = {"sign": "签收", "handle": "处置"}


@dataclass
class Bulletin:
    """Everything the bulletin prints, gathered once for both forms."""

    period: Period
    now: datetime
    issuer: str  # the authority (DOMAIN.md §8)
    office: str  # the comprehensive enforcement office, which prints it
    number: str  # 青石综执通〔2026〕11号
    total: dict[str, Figure]
    before: dict[str, Figure]  # the previous month's township row
    units: list[GroupFigures]  # by unit, "-" (未分拨) last
    calls: list[GroupFigures]  # the district (Y) departments called
    categories: list[GroupFigures]  # the top ones by cases received
    weights: dict[str, int]
    ranked: list[Score]
    green: list[Score]
    red: list[Score]
    unit_names: dict[str, str]
    places: list[data.PlaceCount]
    silent: list[data.SilentGrid]
    overdue: list[data.OverdueOpenCase]
    decisions: list[data.DecisionDue]
    used: list[Indicator] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"关于{self.period.label}综合行政执法工作情况的通报"

    @property
    def empty(self) -> bool:
        """Nothing received, closed or called in the month."""
        return not any(_count(self.total, k) for k in ("received", "closed", "calls"))


def bulletin_number(township: str, year: int, serial: int) -> str:
    """青石镇, 2026, 11 → 青石综执通〔2026〕11号 (六角括号, no 第, no leading zeros)."""
    short = re.sub(r"(街道办事处|街道|镇|乡)$", "", township) or township
    return f"{short}综执通〔{year}〕{serial}号"


def gather(db: Database, period: Period, now: datetime) -> Bulletin:
    ref = ReferenceData(db)
    by_unit = figures(db, period, Group.UNIT, now)
    total = by_unit[-1].figures
    before = figures(db, period.previous(), Group.UNIT, now, HEADLINE)[-1].figures
    units = [g for g in by_unit if g.group not in (TOTAL, NO_GROUP)]
    unassigned = [g for g in by_unit if g.group == NO_GROUP]
    y_units = {code for code, d in ref.departments.items() if d.tier == Tier.Y}
    calls = [g for g in units if g.group in y_units and _count(g.figures, "calls")]
    weights = data.weights_in_force(db)
    scores = [
        score_unit(
            g.group,
            {k: _pair(g.figures.get(k)) for k in weights},
            weights,
        )
        for g in units
    ]
    ranked = ranking(scores)
    green, red = green_and_red(ranked)
    by_category = figures(db, period, Group.CATEGORY, now, ("received",))[:-1]
    categories = sorted(
        (g for g in by_category if _count(g.figures, "received")),
        key=lambda g: (-_count(g.figures, "received"), g.group),
    )[:TOP_CATEGORIES]
    used_keys = {*HEADLINE, *UNIT_KEYS, *weights, *CALL_KEYS, DECISION_KEY}
    office = ref.departments[office_unit(ref.departments)].name
    return Bulletin(
        period=period,
        now=now,
        issuer=ref.township.issuer,
        office=office,
        number=bulletin_number(ref.township.name, period.first.year, period.first.month),
        total=total,
        before=before,
        units=units + unassigned,
        calls=calls,
        categories=categories,
        weights=weights,
        ranked=ranked,
        green=green,
        red=red,
        unit_names={g.group: g.name for g in units},
        places=data.top_places(db, period, TOP_PLACES),
        silent=data.silent_grids(db, period),
        overdue=data.overdue_open_cases(db, now),
        decisions=data.decisions_due(db, period, now),
        used=[i for i in INDICATORS if i.key in used_keys],
    )


def write_bulletin(db: Database, period: Period, out: Path, now: datetime) -> Path:
    """The bulletin of ``period`` as known at ``now``: a PDF, or a workbook for ``.xlsx``.
    The file appears whole or not at all.

    Raises DomainError ``bulletin_format`` (another suffix), ``bulletin_unwritable`` /
    ``sheet_unwritable`` (the folder is read-only or missing, the file is open)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise DomainError("bulletin_format", value=out.name)
    _check_target(out)
    bulletin = gather(db, period, now)
    if suffix == ".xlsx":
        write_workbook(out, bulletin.title, bulletin_sheets(bulletin))
        return out
    _write_pdf_whole(bulletin, out)
    return out


def _check_target(out: Path) -> None:
    """Say before counting anything that the file cannot go where it was asked to."""
    if out.is_dir():
        reason = Words("这是一个文件夹，请给出文件名", "it is a folder: give a file name")
    elif not out.parent.is_dir():
        reason = Words(f"文件夹 {out.parent} 不存在", f"the folder {out.parent} does not exist")
    else:
        return
    raise DomainError("bulletin_unwritable", value=str(out), reason=reason)


# ----------------------------------------------------------------------- words


def _count(found: dict[str, Figure], key: str) -> int:
    figure = found.get(key)
    return int(figure.value or 0) if figure else 0


def _pair(figure: Figure | None) -> tuple[float | None, int]:
    return (None, 0) if figure is None else (figure.value, figure.counted)


def value_text(key: str, figure: Figure | None) -> str:
    """A figure as printed: a rate as a percentage with one decimal, a count whole, an
    average or percentile with one decimal; "—" when there was nothing to average or no
    denominator."""
    kind = BY_KEY[key].kind
    if figure is None and kind == Kind.COUNT:
        return "0"  # a group with no rows of that kind: none counted
    if figure is None or figure.value is None:
        return "—"
    if kind == Kind.RATE:
        return f"{figure.value * 100:.1f}%"
    if kind == Kind.COUNT:
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

STYLE = """
<style>
 p.org { text-align: center; color: #c00000; font-size: 24pt; font-weight: bold;
         margin-top: 6px; margin-bottom: 6px; }
 p.no { text-align: center; font-size: 11pt; margin-top: 4px; margin-bottom: 2px; }
 td.rule { background-color: #c00000; font-size: 2pt; }
 h1 { text-align: center; font-size: 17pt; margin-top: 16px; margin-bottom: 12px; }
 p.to { font-size: 11.5pt; margin-top: 6px; margin-bottom: 4px; }
 p.body { font-size: 11pt; line-height: 150%; margin-top: 2px; margin-bottom: 4px;
          white-space: pre-wrap; }
 h2 { font-size: 12.5pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }
 h3 { font-size: 11pt; font-weight: bold; margin-top: 8px; margin-bottom: 4px; }
 th { border: 1px solid #555; padding: 3px 4px; font-size: 9pt; background: #eef2f7;
      font-weight: bold; }
 td { border: 1px solid #555; padding: 3px 4px; font-size: 9pt; vertical-align: top; }
 td.n { text-align: right; }
 td.c { text-align: center; }
 td.bare { border: none; }
 p.note { font-size: 9pt; color: #333; margin-top: 4px; }
 p.sign { text-align: right; font-size: 11.5pt; margin-top: 18px; margin-bottom: 0; }
 p.date { text-align: right; font-size: 11.5pt; margin-top: 4px; }
 p.attachment { font-size: 12pt; font-weight: bold; }
 p.record { font-size: 10pt; margin-top: 2px; margin-bottom: 2px; }
</style>
"""
INDENT = "　　"
NEW_PAGE = ' style="page-break-before: always;"'


def _table(
    headers: list[str],
    rows: list[list[str]],
    numeric: set[int] | None = None,
    widths: dict[int, int] | None = None,
) -> str:
    """A bordered table, header repeated on each page; ``numeric`` columns right-aligned,
    ``widths`` columns held to that percentage of the page. Cells are escaped here."""
    numeric = numeric or set()
    widths = widths or {}
    head = "".join(
        f'<th width="{widths[i]}%">{escape(h)}</th>' if i in widths else f"<th>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(v)}</td>' if i in numeric else f"<td>{escape(v)}</td>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"
    )


def _p(text: str, cls: str = "body") -> str:
    return f'<p class="{cls}">{INDENT if cls == "body" else ""}{escape(text)}</p>\n'


def _heading(b: Bulletin) -> str:
    return (
        f'<p class="org">{escape(b.issuer)}</p>\n'
        f'<p class="no">{escape(b.number)}</p>\n'
        '<table width="100%" cellspacing="0" cellpadding="0">'
        '<tr><td class="rule">&nbsp;</td></tr></table>\n'
        f"<h1>{escape(b.title)}</h1>\n"
        '<p class="to">镇综合行政执法办公室各成员单位、各派驻机构，区直有关部门：</p>\n'
        + _p(
            f"现将{b.period.label}全镇综合行政执法工作情况通报如下。"
            f"本通报数据统计至{date_words(b.now)}，按受理、结案等时间归入当月。"
        )
    )


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


def _section_overall(b: Bulletin) -> str:
    return (
        "<h2>一、总体情况</h2>\n"
        + _p(summary_sentence(b))
        + _table(HEADLINE_HEADERS, headline_rows(b), {1, 2})
        + _p(BASE_NOTE, "note")
    )


def unit_headers() -> list[str]:
    return ["单位", *(_header(k) for k in UNIT_KEYS)]


def _header(key: str) -> str:
    i = BY_KEY[key]
    return i.name if i.unit in ("%", "件") else f"{i.name}（{i.unit}）"


def unit_rows(b: Bulletin) -> list[list[str]]:
    """Each unit, then the township's total (the same figures as the first section)."""
    rows = [[g.name, *(value_text(k, g.figures.get(k)) for k in UNIT_KEYS)] for g in b.units]
    return [*rows, ["全镇合计", *(value_text(k, b.total.get(k)) for k in UNIT_KEYS)]]


def _section_units(b: Bulletin) -> str:
    if not b.units:
        return "<h2>二、各单位办理情况</h2>\n" + _p("本月各单位没有办理记录。")
    return (
        "<h2>二、各单位办理情况</h2>\n"
        + _table(unit_headers(), unit_rows(b), set(range(1, len(UNIT_KEYS) + 1)), {0: 24})
        + _p("注：受理量按案件当前（或最后）牵头单位计；“未分拨”为尚未研判分拨的案件。", "note")
    )


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


def _section_ranking(b: Bulletin) -> str:
    body = (
        _table(
            ranking_headers(b),
            ranking_rows(b),
            set(range(2, 3 + len(b.weights))),
            {0: 6, 1: 22, 2: 12},  # a unit's name on one or two lines, not three
        )
        if b.ranked
        else _p("本月无可考核的单位。")
    )
    return (
        "<h2>三、考核排名</h2>\n"
        + _p(weights_text(b.weights), "note")
        + body
        + f'<p class="body">{INDENT}<b>红榜：</b>{escape(lists_text(b.green, b.unit_names))}</p>\n'
        + f'<p class="body">{INDENT}<b>黑榜：</b>{escape(lists_text(b.red, b.unit_names))}</p>\n'
        + _p("红榜为得分 90 分以上的前三名，黑榜为得分低于 75 分的后三名。", "note")
    )


def category_rows(b: Bulletin) -> list[list[str]]:
    received = _count(b.total, "received")
    rows = []
    for n, g in enumerate(b.categories, 1):
        count = _count(g.figures, "received")
        share = f"{count / received * 100:.1f}%" if received else "—"
        rows.append([str(n), g.name, str(count), share])
    return rows


def place_rows(b: Bulletin) -> list[list[str]]:
    return [
        [str(n), p.place, p.grid if p.by_address else "—", str(p.cases)]
        for n, p in enumerate(b.places, 1)
    ]


def _section_problems(b: Bulletin) -> str:
    parts = ["<h2>四、高发问题</h2>\n", "<h3>（一）高发问题类别</h3>\n"]
    if b.categories:
        parts.append(
            _table(["序号", "问题类别", "受理量", "占比"], category_rows(b), {2, 3}, {0: 8})
        )
    else:
        parts.append(_p("本月无受理案件。"))
    by_address = bool(b.places) and b.places[0].by_address
    parts.append("<h3>（二）高发地点</h3>\n")
    if b.places:
        if not by_address:
            parts.append(_p("本月没有同一地址受理 2 件以上的案件，按网格列出受理较多的网格。"))
        parts.append(_table(["序号", "地点", "所在网格", "受理量"], place_rows(b), {3}, {0: 8}))
    else:
        parts.append(_p("本月无受理案件。"))
    parts.append("<h3>（三）无案件上报的网格</h3>\n")
    if b.silent:
        names = "、".join(g.name for g in b.silent)
        parts.append(
            _p(
                f"本月有 {len(b.silent)} 个网格没有受理案件：{names}。"
                "请相关网格加强日常巡查，做到发现问题及时上报。"
            )
        )
    else:
        parts.append(_p("本月各网格均有案件上报。"))
    return "".join(parts)


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


def _section_overdue(b: Bulletin) -> str:
    head = "<h2>五、超期未办结案件</h2>\n"
    if not b.overdue:
        return head + _p(f"截至{date_words(b.now)}，没有超期未办结的案件。")
    signing = sum(1 for c in b.overdue if c.step == "sign")
    shown = b.overdue[:OVERDUE_ROWS]
    more = (
        f"下表列出超期时间最长的 {len(shown)} 件，其余见督查督办台账。"
        if len(b.overdue) > len(shown)
        else "详见下表。"
    )
    return (
        head
        + _p(
            f"截至{date_words(b.now)}，全镇超期未办结案件共 {len(b.overdue)} 件，其中签收超期 "
            f"{signing} 件、处置超期 {len(b.overdue) - signing} 件。{more}"
            "请各牵头单位抓紧办理，已督办的案件限期办结。"
        )
        + _table(OVERDUE_HEADERS, overdue_rows(shown), {7, 8}, OVERDUE_WIDTHS)
        + _p("超期工作日按办公时间计，法定节假日、周末不计。", "note")
    )


def call_headers() -> list[str]:
    return ["区直部门", *(_header(k) for k in CALL_KEYS)]


def call_rows(b: Bulletin) -> list[list[str]]:
    return [[g.name, *(value_text(k, g.figures.get(k)) for k in CALL_KEYS)] for g in b.calls]


def _section_calls(b: Bulletin) -> str:
    head = "<h2>六、区直部门呼叫响应</h2>\n"
    if not b.calls:
        return head + _p("本月没有呼叫区直部门的案件。")
    total = [f"全镇：呼叫 {value_text('calls', b.total.get('calls'))} 次"]
    for k in ("response_on_time_rate", "arrival_on_time_rate", "confirmation_rate"):
        total.append(f"{BY_KEY[k].name} {value_text(k, b.total.get(k))}")
    return (
        head
        + _p("，".join(total) + "。")
        + _table(call_headers(), call_rows(b), set(range(1, len(CALL_KEYS) + 1)), {0: 22})
    )


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


def _section_decisions(b: Bulletin) -> str:
    head = "<h2>七、联席会议决议落实</h2>\n"
    if not b.decisions:
        return head + _p("本月没有到期或超期未落实的联席会议决议。")
    rate = b.total.get(DECISION_KEY)
    open_ = sum(1 for d in b.decisions if d.done_at is None)
    return (
        head
        + _p(
            f"本月到期及此前到期未落实的决议共 {len(b.decisions)} 项，尚未落实 {open_} 项；"
            f"本月到期决议按期落实率 {value_text(DECISION_KEY, rate)}。"
        )
        + _table(DECISION_HEADERS, decision_rows(b))
    )


def _closing(b: Bulletin) -> str:
    """附件说明, the authority with its seal, the issue date: printed together."""
    return (
        f'<p class="body">{INDENT}附件：指标说明</p>\n'
        f'<p class="sign">{escape(b.issuer)}（盖章）</p>\n'
        f'<p class="date">{date_words(b.now)}</p>\n'
    )


def _attachment(b: Bulletin) -> str:
    rows = [[i.name, i.unit, i.definition] for i in b.used]
    return f'<p class="attachment"{NEW_PAGE}>附件</p>\n<h1>指标说明</h1>\n' + _table(
        ["指标", "单位", "定义（分子、分母与计算口径）"], rows
    )


def _record(b: Bulletin) -> str:
    """版记: copied to, and who printed it when."""
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 24px;">'
        '<tr><td class="rule">&nbsp;</td></tr></table>\n'
        '<p class="record">抄送：区综合行政执法主管部门。</p>\n'
        '<table width="100%" cellspacing="0" cellpadding="0">'
        f'<tr><td class="bare">{escape(b.office)}</td>'
        f'<td class="bare" align="right">{date_words(b.now)}印发</td></tr></table>\n'
        '<table width="100%" cellspacing="0" cellpadding="0">'
        '<tr><td class="rule">&nbsp;</td></tr></table>\n'
    )


def bulletin_sections(b: Bulletin) -> list[str]:
    return [
        _section_overall(b),
        _section_units(b),
        _section_ranking(b),
        _section_problems(b),
        _section_overdue(b),
        _section_calls(b),
        _section_decisions(b),
    ]


def bulletin_html(b: Bulletin, keep_last_section: bool = False) -> str:
    """The whole document. ``keep_last_section``: start the last section on a new page, so
    the signature never stands alone at the top of one."""
    return _main_html(b, keep_last_section) + _attachment(b) + _record(b)


def _main_html(
    b: Bulletin, keep_last_section: bool, last: bool = True, closing: bool = True
) -> str:
    """The letter up to its signature; without the last section or the closing block when
    asked (to find where they fall)."""
    sections = bulletin_sections(b)
    if keep_last_section:
        sections[-1] = sections[-1].replace("<h2>", f"<h2{NEW_PAGE}>", 1)
    if not last:
        sections.pop()
    return "".join([STYLE, _heading(b), *sections, _closing(b) if closing else ""])


def _write_pdf_whole(b: Bulletin, out: Path) -> None:
    """Written beside the target and renamed, so a failed write leaves no half file. When
    the last section and the signature do not fit on the page before them, they start a
    page together (if they fit on one), so no heading is left at a page's foot and the
    signature is never alone."""
    try:
        handle, name = tempfile.mkstemp(dir=out.parent, prefix=".bulletin-", suffix=".pdf")
        os.close(handle)
    except OSError as error:
        raise DomainError("bulletin_unwritable", value=out.name, reason=os_reason(error)) from error
    temporary = Path(name)
    try:
        before = _pages(_main_html(b, False, last=False, closing=False), temporary, b.title)
        keep = False
        if _pages(_main_html(b, False), temporary, b.title) > before:
            keep = _pages(_main_html(b, True), temporary, b.title) == before + 1
        write_pdf(bulletin_html(b, keep_last_section=keep), temporary, b.title)
        if not temporary.stat().st_size:
            raise OSError(0, "写入失败")
        os.replace(temporary, out)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise DomainError("bulletin_unwritable", value=out.name, reason=os_reason(error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _pages(html: str, scratch: Path, title: str) -> int:
    return _page_count(write_pdf(html, scratch, title))


def _page_count(pdf: Path) -> int:
    found = re.search(rb"/Count (\d+)", pdf.read_bytes())
    return int(found.group(1)) if found else 0


# ----------------------------------------------------------------------- the workbook


def bulletin_sheets(b: Bulletin) -> list[SheetOut]:
    note = f"{b.issuer} {b.number} {b.title}（数据统计至{date_words(b.now)}）"
    overall = SheetOut("总体情况", HEADLINE_HEADERS, headline_rows(b), note)
    ranking_sheet = SheetOut(
        "考核排名",
        ranking_headers(b),
        [
            *ranking_rows(b),
            ["红榜", lists_text(b.green, b.unit_names)],
            ["黑榜", lists_text(b.red, b.unit_names)],
        ],
        weights_text(b.weights),
    )
    problems = (
        [["问题类别", row[1], row[2], row[3]] for row in category_rows(b)]
        + [["高发地点", p.place, str(p.cases), p.grid] for p in b.places]
        + [["无案件上报的网格", g.name, "0", ""] for g in b.silent]
    )
    return [
        overall,
        SheetOut("各单位办理情况", unit_headers(), unit_rows(b)),
        ranking_sheet,
        SheetOut("高发问题", ["类型", "名称", "受理量", "占比或网格"], problems),
        SheetOut(
            "超期未办结案件",
            OVERDUE_HEADERS,
            overdue_rows(b.overdue),
            f"截至{date_words(b.now)}共 {len(b.overdue)} 件",
        ),
        SheetOut("区直部门呼叫响应", call_headers(), call_rows(b)),
        SheetOut("联席会议决议落实", DECISION_HEADERS, decision_rows(b)),
        SheetOut(
            "指标说明", ["指标", "单位", "定义"], [[i.name, i.unit, i.definition] for i in b.used]
        ),
    ]
