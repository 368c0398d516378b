"""``towndesk lists amendments | proposal``: the township's local amendments of the duty
boundary list (本镇修订), kept beside the official list, and the change proposal (修订建议)
for the district's establishment office (编办)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.cli.context import Commands, CommonOptions, Context
from app.cli.output import print_json, print_table, shortened
from app.core.amendments import Amendment
from app.core.lists import ListKind
from app.store.amendments import amendments
from app.store.lists import Replaced
from app.store.reference import departments


def register(lists: Commands, common: CommonOptions) -> None:
    """Subcommands of ``towndesk lists`` (cmd_lists.py owns the group)."""
    reading = [common.database, common.user, common.json]
    p = lists.add_parser(
        "amendments",
        help="本镇对职责边界清单的修订（裁定、会议决议形成，官方清单不变）",
        parents=reading,
    )
    p.add_argument("--all", action="store_true", help="连同已被新官方清单吸收的修订")
    p.set_defaults(handler=lists_amendments)

    p = lists.add_parser(
        "proposal",
        help="导出报区编办的职责边界清单修订建议（.xlsx，每项修订一行）",
        parents=[common.database, common.user],
    )
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=lists_proposal)


def amendment_json(a: Amendment, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": a.id,
        "item": a.item,
        "official": a.official,
        "item_no": a.item_no,
        "item_name": a.item_name,
        "category": a.category_code,
        "category_name": a.category_name,
        "official_lead": a.official_lead,
        "lead": a.lead,
        "lead_name": names.get(a.lead, a.lead),
        "cooperating": list(a.cooperating),
        "reason": a.reason,
        "case_number": a.case_number,
        "dispute_id": a.dispute_id,
        "by_meeting": a.by_meeting,
        "amended_at": a.amended_at,
        "amended_by": a.actor,
        "settled_version": a.settled_version,
    }


def lists_amendments(ctx: Context) -> int:
    db = ctx.db
    found = amendments(db, in_force_only=not ctx.args.all)
    names = {d.code: d.short_name for d in departments(db)}
    if ctx.json:
        print_json([amendment_json(a, names) for a in found])
        return 0
    rows = [
        [
            a.item if a.official else f"{a.item}（建议增列）",
            shortened(a.category_name, 12),
            names.get(a.official_lead, a.official_lead or "—"),
            names.get(a.lead, a.lead),
            a.case_number,
            a.amended_at[:16],
            f"第 {a.settled_version} 版已吸收" if a.settled else "有效",
        ]
        for a in found
    ]
    headers = ["事项编码", "问题类别", "官方牵头", "本镇修订牵头", "案件", "修订时间", "状态"]
    print_table(headers, rows)
    print(f"共 {len(found)} 项。")
    return 0


def _names(db: Database) -> dict[str, str]:
    return {d.code: d.short_name for d in departments(db)}


def outcome_json(db: Database, done: Replaced) -> dict[str, Any]:
    """What a new official boundary list did to the local amendments (nothing for others)."""
    if done.kind != ListKind.BOUNDARY:
        return {}
    names = _names(db)
    return {
        "settled": [
            amendment_json(a, names) | {"settled_by": list(done.settled_by.get(a.id, ()))}
            for a in done.settled
        ],
        "differing": [amendment_json(a, names) for a in done.differing],
    }


def print_outcome(db: Database, done: Replaced) -> None:
    """After an official import: which amendments it settled, which still differ."""
    if done.kind != ListKind.BOUNDARY or not (done.settled or done.differing):
        return
    names = _names(db)

    def line(a: Amendment) -> str:
        lead = names.get(a.lead, a.lead)
        return f"  {a.item} {a.category_name}：本镇修订为{lead}牵头（案件 {a.case_number}）"

    print(f"本镇修订已被新清单吸收 {len(done.settled)} 项（修订终止）：")
    for a in done.settled:
        items = done.settling_items(a)  # a split category: the narrower or wider items
        print(line(a) + (f"，由 {'、'.join(items)} 吸收" if items else ""))
    print(f"本镇修订与新清单仍不一致 {len(done.differing)} 项（继续有效）：")
    for a in done.differing:
        print(line(a))


def lists_proposal(ctx: Context) -> int:
    from app.reports.list_proposal import write_proposal

    count = write_proposal(ctx.db, ctx.args.output, ctx.clock.today())
    print(f"已导出修订建议 {count} 项：{ctx.args.output}")
    return 0
