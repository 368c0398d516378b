"""``towndesk bulletin --month 2026-11 -o 通报.pdf``: the monthly bulletin (月度通报) on the
township's comprehensive administrative enforcement, as a PDF or (``-o X.xlsx``) a workbook."""

from __future__ import annotations

from pathlib import Path

from app.cli.context import Commands, CommonOptions, Context
from app.core.periods import month_of, parse_month


def register(commands: Commands, common: CommonOptions) -> None:
    p = commands.add_parser(
        "bulletin",
        help="月度通报：某月的综合行政执法工作情况（PDF 或 Excel）",
        parents=[common.database, common.user],
    )
    p.add_argument("--month", metavar="YYYY-MM", help="统计月份，如 2026-11（默认：上个月）")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE",
        help="保存为 .pdf（打印用）或 .xlsx（表格）",
    )  # fmt: skip
    p.set_defaults(handler=bulletin)


def bulletin(ctx: Context) -> int:
    from app.reports.bulletin.write import write_bulletin

    args = ctx.args
    now = ctx.clock.now()
    period = parse_month(args.month) if args.month else month_of(now.date()).previous()
    written = write_bulletin(ctx.db, period, args.output, now)
    print(f"已生成{period.label}通报：{written}")
    return 0
