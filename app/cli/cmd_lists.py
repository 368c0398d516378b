"""``towndesk lists import | export | show | set | overrides | search``: the three lists
(权责清单, 职责任务清单, 职责边界清单), their items and versions; ``lists amendments`` and
``lists proposal`` live in cmd_list_amendments.py."""

from __future__ import annotations

from pathlib import Path

from app.cli import cmd_list_amendments as list_amendments
from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.output import print_json, print_table, shortened
from app.core.errors import DomainError
from app.store.lists import (
    list_kind,
    list_rows,
    replace_list,
    search_lists,
    set_item,
    versions,
)

KINDS = ["power", "duties", "boundary"]


def register(commands: Commands, common: CommonOptions) -> None:
    lists = command_group(commands, "lists", "三张清单：导入、导出、查看、搜索")
    acting = [common.database, common.user, common.json]
    reading = [common.database, common.user, common.json]

    p = lists.add_parser(
        "import", help="从表格（.xlsx / .csv）导入一张清单，整表替换为新版本", parents=acting
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--kind",
        required=True,
        choices=KINDS,
        help="power 权责 / duties 职责任务 / boundary 职责边界",
    )
    p.add_argument("--map", default="", help="表头对应，如 牵头部门=主办单位,事项名称=名称")
    p.add_argument("--sheet", help="工作表名称（默认第一张）")
    p.set_defaults(handler=lists_import)

    p = lists.add_parser(
        "export", help="把一张清单导出为 .xlsx", parents=[common.database, common.user]
    )
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=lists_export)

    p = lists.add_parser("show", help="查看一张清单及其版本", parents=reading)
    p.add_argument("--kind", required=True, choices=KINDS)
    p.set_defaults(handler=lists_show)

    p = lists.add_parser(
        "set", help="新增或修改权责清单、职责边界清单中的一项（记为新版本）", parents=acting
    )
    p.add_argument("--kind", required=True, choices=["power", "boundary"])
    p.add_argument("--code", required=True, help="事项编码；清单中没有则新增")
    p.add_argument(
        "--field",
        dest="fields",
        action="append",
        default=[],
        metavar="列=内容",
        help="要改的列，可重复，如 --field 牵头部门=青石市场监管所",
    )
    p.set_defaults(handler=lists_set)

    p = lists.add_parser(
        "overrides", help="分拨建议被改派的统计（按事项），据此修正清单", parents=reading
    )
    p.set_defaults(handler=lists_overrides)

    p = lists.add_parser("search", help="在三张清单中搜索（两个字以上）", parents=reading)
    p.add_argument("text")
    p.set_defaults(handler=lists_search)

    list_amendments.register(lists, common)


def lists_import(ctx: Context) -> int:
    from app.reports.spreadsheets import read_sheet

    args, db = ctx.args, ctx.db
    sheet = read_sheet(args.file, args.sheet)
    kind = list_kind(args.kind)
    done = replace_list(
        db,
        ctx.user,
        kind,
        sheet.headers,
        sheet.rows,
        sheet.row_numbers,
        sheet.merged_cells,
        args.map,
        args.file.name,
        wall=ctx.clock.wall,
    )
    if ctx.json:
        figures = {"kind": done.kind.value, "version": done.version, "rows": done.rows}
        print_json(figures | list_amendments.outcome_json(db, done))
    else:
        print(f"已导入 {args.file.name}：{done.rows} 行，清单第 {done.version} 版。")
        list_amendments.print_outcome(db, done)
    return 0


def lists_export(ctx: Context) -> int:
    from app.core.lists import LIST_NAMES
    from app.reports.sheet_writer import write_sheet

    kind = list_kind(ctx.args.kind)
    headers, rows = list_rows(ctx.db, kind)
    write_sheet(ctx.args.output, LIST_NAMES[kind].zh, headers, rows)
    print(f"已导出 {len(rows)} 行：{ctx.args.output}")
    return 0


def lists_show(ctx: Context) -> int:
    db = ctx.db
    kind = list_kind(ctx.args.kind)
    headers, rows = list_rows(db, kind)
    history = versions(db, kind)
    if ctx.json:
        print_json(
            {
                "kind": kind.value,
                "version": history[0].version if history else 0,
                "items": [dict(zip(headers, row, strict=True)) for row in rows],
                "versions": [v.__dict__ for v in history],
            }
        )
        return 0
    print_table(headers[:5], [[shortened(c, 24) for c in row[:5]] for row in rows])
    for v in history:
        print(f"第 {v.version} 版  {v.changed_at}  {v.actor or '—'}  {v.source}  {v.rows} 行")
    return 0


def lists_set(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    changes = {}
    for text in args.fields:
        column, sep, value = text.partition("=")
        if not sep:
            raise DomainError("list_field_invalid", value=text)
        changes[column.strip()] = value
    done = set_item(db, ctx.user, list_kind(args.kind), args.code, changes, wall=ctx.clock.wall)
    if ctx.json:
        print_json({"kind": done.kind.value, "version": done.version, "rows": done.rows})
    else:
        print(f"已保存事项 {args.code.strip()}：清单第 {done.version} 版，共 {done.rows} 项。")
    return 0


def lists_overrides(ctx: Context) -> int:
    """How often the list's suggested unit was overridden, per matter: where to fix it."""
    from app.store.routing import override_report

    report = override_report(ctx.db)
    if ctx.json:
        print_json([{**r.__dict__, "share": round(r.share, 3)} for r in report])
        return 0
    rows = [
        [
            r.matter or "—",
            shortened(r.name, 24),
            str(r.suggested),
            str(r.overridden),
            f"{r.share:.0%}",
            shortened("；".join(r.reasons), 40),
        ]
        for r in report
    ]
    print_table(["事项编码", "事项", "建议次数", "改派次数", "改派比例", "最近的改派理由"], rows)
    return 0


def lists_search(ctx: Context) -> int:
    hits = search_lists(ctx.db, ctx.args.text)
    if ctx.json:
        print_json([{"kind": h.kind.value, "item": h.item} for h in hits])
    else:
        for hit in hits:
            print(f"{hit.kind.value}\t{hit.item}")
        print(f"共 {len(hits)} 条。")
    return 0
