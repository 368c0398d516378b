"""``towndesk stats``: the indicators per unit, grid, category, route or source for a period,
and the cases behind any figure; ``towndesk assessment``: the units' ranking and its weights.
The figures are the window's and the bulletin's (app/store/statistics.py)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli.context import Commands, CommonOptions, Context
from app.cli.output import print_json, print_table
from app.core.errors import DomainError
from app.core.indicators import BY_KEY, GROUP_NAMES, INDICATORS, Group, Indicator, Kind
from app.core.periods import Period, month_of, parse_month
from app.store.assessment import assessment_weights, set_assessment_weights, unit_scores
from app.store.statistics import Figure, cases_behind, figures, group_names

SHOWN = (  # the table printed without --json (the JSON has every indicator)
    "received",
    "closed",
    "closure_rate",
    "on_time_closure_rate",
    "handling_days",
    "rework_rate",
    "extension_rate",
    "signed_on_time_rate",
    "response_on_time_rate",
    "arrival_p90_minutes",
)


def register(commands: Commands, common: CommonOptions) -> None:
    reading = [common.database, common.user, common.json]
    p = commands.add_parser(
        "stats",
        help="统计分析：一个时段各单位（网格、类别、处置方式、来源）的指标",
        parents=reading,
    )
    _period_options(p)
    p.add_argument(
        "--by", choices=[g.value for g in Group], default=Group.UNIT.value, help="分组（默认 unit）"
    )
    p.add_argument("--cases", metavar="INDICATOR", help="列出某项指标背后的案件（英文指标名）")
    p.add_argument("--group", help="与 --cases 一起：哪一组（单位编码、ONE/X/Y …；默认全镇）")
    p.add_argument("--counted", action="store_true", help="与 --cases 一起：列出分母的案件")
    p.set_defaults(handler=stats)

    p = commands.add_parser(
        "assessment", help="考核：某月各单位的得分排名；--set 修改考核权重", parents=reading
    )
    p.add_argument("--month", help="月份 YYYY-MM（默认本月）")
    p.add_argument(
        "--set",
        nargs="+",
        metavar="INDICATOR=WEIGHT",
        help="新的考核权重（整组替换，未列出的指标权重为 0），如 on_time_closure_rate=50",
    )
    p.set_defaults(handler=assessment)


def _period_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", help="开始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="last", help="结束日期 YYYY-MM-DD（含当天）")
    p.add_argument("--month", help="某月 YYYY-MM（代替 --from/--to；都不给：本月）")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise DomainError("date_invalid", value=text) from error


def period_of(ctx: Context) -> Period:
    args = ctx.args
    if args.month:
        return parse_month(args.month)
    if args.first or args.last:
        today = ctx.clock.today()
        first = _day(args.first) if args.first else today.replace(day=1)
        return Period(first, _day(args.last) if args.last else today)
    return month_of(ctx.clock.today())


def shown(indicator: Indicator, figure: Figure | None) -> str:
    """How a figure reads in a table: 93.1%, 2.4, 17, or — when nothing was counted."""
    if figure is None and indicator.kind == Kind.COUNT:
        return "0"
    if figure is None or figure.value is None:
        return "—"
    if indicator.kind == Kind.RATE:
        return f"{100 * figure.value:.1f}%"
    if indicator.kind == Kind.COUNT:
        return str(int(figure.value))
    return f"{figure.value:g}"


def _json_value(indicator: Indicator, figure: Figure | None) -> Any:
    if figure is None:
        return 0 if indicator.kind == Kind.COUNT else None
    if indicator.kind == Kind.RATE and figure.value is not None:
        return round(figure.value, 4)
    return figure.value


def stats(ctx: Context) -> int:
    ctx.user  # noqa: B018 - reading case data needs a signed-in user
    period, group, now = period_of(ctx), Group(ctx.args.by), ctx.clock.now()
    if ctx.args.cases:
        return _cases(ctx, period, group)
    rows = figures(ctx.db, period, group, now)
    if ctx.json:
        print_json(
            [
                {"group": row.group or None, "name": row.name}
                | {i.key: _json_value(i, row.figures.get(i.key)) for i in INDICATORS}
                for row in rows
            ]
        )
        return 0
    print(f"{period.label}（{period.first} 至 {period.last}），按{GROUP_NAMES[group]}：")
    headers = ["", *(BY_KEY[k].name for k in SHOWN)]
    print_table(
        headers,
        [[row.name, *(shown(BY_KEY[k], row.figures.get(k)) for k in SHOWN)] for row in rows],
    )
    print("每项指标的定义见 --json 的说明（README）、窗口“统计”页的“指标说明”或月度通报附录。")
    return 0


def _cases(ctx: Context, period: Period, group: Group) -> int:
    db, key = ctx.db, ctx.args.cases
    if key not in BY_KEY:
        raise DomainError("indicator_unknown", value=key, limit="、".join(BY_KEY))
    part = "counted" if ctx.args.counted else "hit"
    ids = cases_behind(db, key, period, group, ctx.args.group, ctx.clock.now(), part)
    numbers = _numbers(ctx, ids)
    if ctx.json:
        print_json(numbers)
        return 0
    where = group_names(db, group).get(ctx.args.group or "", ctx.args.group or "全镇")
    what = "分母" if ctx.args.counted else ("分子" if BY_KEY[key].kind == Kind.RATE else "")
    print(f"{period.label} {where} {BY_KEY[key].name}{what}：{len(numbers)} 件")
    for number in numbers:
        print(number)
    return 0


def _numbers(ctx: Context, ids: list[str]) -> list[str]:
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        found |= dict(
            ctx.db.conn.execute(f"SELECT id, number FROM cases WHERE id IN ({marks})", chunk)
        )
    return [found[i] for i in ids]


def assessment(ctx: Context) -> int:
    db, user = ctx.db, ctx.user
    if ctx.args.set:
        weights = set_assessment_weights(db, user, _weights(ctx.args.set), wall=ctx.clock.wall)
        print("考核权重已保存：" + "，".join(f"{BY_KEY[k].name} {w}" for k, w in weights.items()))
        return 0
    period = parse_month(ctx.args.month) if ctx.args.month else month_of(ctx.clock.today())
    weights, scores = assessment_weights(db), unit_scores(db, period, ctx.clock.now())
    names = group_names(db, Group.UNIT)
    if ctx.json:
        print_json(
            {
                "month": period.first.isoformat()[:7],
                "weights": weights,
                "ranking": [
                    {"unit": s.unit, "name": names.get(s.unit, s.unit), "score": s.score}
                    | {"parts": s.parts}
                    for s in scores
                ],
            }
        )
        return 0
    used = "，".join(f"{BY_KEY[k].name} {w}" for k, w in weights.items())
    print(f"{period.label}考核排名（权重：{used}）")
    table = []
    for place, s in enumerate(scores, 1):
        score = "样本不足" if s.score is None else f"{s.score:.1f}"
        table.append([str(place) if s.score is not None else "—", names.get(s.unit, s.unit), score])
    print_table(["名次", "单位", "得分"], table)
    return 0


def _weights(items: list[str]) -> dict[str, int]:
    weights: dict[str, int] = {}
    for item in items:
        key, _, weight = item.partition("=")
        try:
            weights[key.strip()] = int(weight)
        except ValueError as error:
            raise DomainError("weight_invalid", value=key.strip() or item) from error
    return weights
