"""``towndesk dispute list | show | decide | refer | withdraw``: duty disputes (职责争议),
who leads when two units each say a matter is not theirs."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.output import print_json, print_table
from app.core.disputes import STATUS_NAMES, Dispute, Ruling
from app.store import meetings as m
from app.store.disputes import (
    decide_dispute,
    dispute_by_id,
    dispute_for_ref,
    disputes,
    refer_dispute,
    withdraw_dispute,
)
from app.store.reference import departments


def register(commands: Commands, common: CommonOptions) -> None:
    actions = command_group(commands, "dispute", "职责争议：查看、裁定、提交联席会议")
    acting = [common.database, common.user, common.json]
    reading = [common.database, common.user, common.json]

    p = actions.add_parser("list", help="职责争议，新的在前", parents=reading)
    p.add_argument("--status", choices=list(STATUS_NAMES), help="open 待裁定 / referred / decided")
    p.set_defaults(handler=dispute_list)

    p = actions.add_parser("show", help="查看一项职责争议（争议编号或案件编号）", parents=reading)
    p.add_argument("ref", help="争议编号，或案件编号")
    p.set_defaults(handler=dispute_show)

    p = actions.add_parser(
        "decide", help="裁定职责争议：由哪个单位牵头，可同时修改职责边界清单", parents=acting
    )
    p.add_argument("ref", help="争议编号，或案件编号")
    p.add_argument("--lead", required=True, help="裁定的牵头单位编码")
    p.add_argument("--with", dest="cooperating", nargs="+", default=[], help="配合单位编码")
    p.add_argument("--reasoning", required=True, help="裁定理由（依据哪一项清单）")
    p.add_argument(
        "--amend",
        action="store_true",
        help="据此对职责边界清单作本镇修订（官方清单不变，列入修订建议；须分管领导）",
    )
    p.set_defaults(handler=dispute_decide)

    p = actions.add_parser("refer", help="把职责争议提交第 N 次联席会议", parents=acting)
    p.add_argument("ref", help="争议编号，或案件编号")
    p.add_argument("--meeting", type=int, required=True, help="会议次数 N（尚未形成纪要的会议）")
    p.set_defaults(handler=dispute_refer)

    p = actions.add_parser(
        "withdraw", help="把已提交联席会议的职责争议撤回（写明理由）", parents=acting
    )
    p.add_argument("ref", help="争议编号，或案件编号")
    p.add_argument("--reason", required=True, help="撤回理由")
    p.set_defaults(handler=dispute_withdraw)


def _json(dispute: Dispute, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": dispute.id,
        "case_number": dispute.case_number,
        "category": dispute.category_name,
        "unit": dispute.unit,
        "unit_name": names.get(dispute.unit, dispute.unit),
        "reasons": dispute.reasons,
        "cited": dispute.cited,
        "opened_at": dispute.opened_at,
        "status": dispute.status,
        "meeting_id": dispute.meeting_id,
        "decided_at": dispute.decided_at,
        "lead": dispute.lead,
        "cooperating": dispute.cooperating,
        "reasoning": dispute.reasoning,
        "amended_item": dispute.amended_item,
        "withdrawn_at": dispute.withdrawn_at,
        "withdrawn_reason": dispute.withdrawn_reason,
    }


def _names(db: Database) -> dict[str, str]:
    return {d.code: d.short_name for d in departments(db)}


def dispute_list(ctx: Context) -> int:
    db = ctx.db
    found, names = disputes(db, ctx.args.status), _names(db)
    if ctx.json:
        print_json([_json(d, names) for d in found])
        return 0
    rows = [
        [
            d.case_number,
            d.category_name,
            names.get(d.unit, d.unit),
            d.opened_at[:16],
            STATUS_NAMES[d.status],
            names.get(d.lead or "", ""),
        ]
        for d in found
    ]
    print_table(["案件编号", "问题类别", "提出单位", "提出时间", "状态", "裁定牵头"], rows)
    print(f"共 {len(found)} 项。")
    return 0


def _print(dispute: Dispute, names: dict[str, str]) -> None:
    print(
        f"职责争议：{dispute.case_number} {dispute.category_name}（{STATUS_NAMES[dispute.status]}）"
    )
    print(f"提出单位：{names.get(dispute.unit, dispute.unit)}  {dispute.opened_at[:16]}")
    print(f"理由：{dispute.reasons}")
    if dispute.cited:
        print(f"引用清单：{'、'.join(dispute.cited)}")
    if dispute.withdrawn_at:
        print(f"已从联席会议撤回（{dispute.withdrawn_at[:16]}）：{dispute.withdrawn_reason}")
    if dispute.decided_at:
        helpers = "、".join(names.get(c, c) for c in dispute.cooperating)
        lead = names.get(dispute.lead or "", dispute.lead or "")
        print(
            f"裁定：{lead}牵头"
            + (f"，{helpers}配合" if helpers else "")
            + f"（{dispute.decided_at[:16]}）"
        )
        print(f"裁定理由：{dispute.reasoning}")
        if dispute.amended_item:
            print(f"据此本镇修订职责边界清单：{dispute.amended_item}（官方清单不变，列入修订建议）")


def dispute_show(ctx: Context) -> int:
    db = ctx.db
    dispute = dispute_by_id(db, dispute_for_ref(db, ctx.args.ref))
    if ctx.json:
        print_json(_json(dispute, _names(db)))
    else:
        _print(dispute, _names(db))
    return 0


def dispute_decide(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    ruling = Ruling(
        lead=args.lead,
        cooperating=tuple(c.strip().upper() for c in args.cooperating),
        reasoning=args.reasoning,
        amend_list=args.amend,
    )
    user = ctx.user
    dispute = decide_dispute(db, user, dispute_for_ref(db, args.ref), ruling, wall=ctx.clock.wall)
    if ctx.json:
        print_json(_json(dispute, _names(db)))
    else:
        _print(dispute, _names(db))
    return 0


def dispute_refer(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    meeting = m.meeting_by_number(db, args.meeting)
    user = ctx.user
    dispute = refer_dispute(
        db, user, dispute_for_ref(db, args.ref), meeting.id, wall=ctx.clock.wall
    )
    if ctx.json:
        print_json(_json(dispute, _names(db)))
    else:
        print(f"已将 {dispute.case_number} 的职责争议提交第 {meeting.number} 次联席会议。")
    return 0


def dispute_withdraw(ctx: Context) -> int:
    args, db = ctx.args, ctx.db
    ref = dispute_for_ref(db, args.ref)
    dispute = withdraw_dispute(db, ctx.user, ref, args.reason, wall=ctx.clock.wall)
    if ctx.json:
        print_json(_json(dispute, _names(db)))
    else:
        print(f"已将 {dispute.case_number} 的职责争议从联席会议撤回，待重新裁定。")
    return 0
