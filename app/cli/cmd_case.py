"""``towndesk case add | list | export | show | act | transfers | resolve``: the whole
``case`` group, from registering a case through each step of its path to settling a sync
conflict, and the ledger (案件台账) of the cases a filter finds."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.case_output import (
    case_json,
    case_path_json,
    party_json,
    print_case,
    timeline_json,
)
from app.cli.case_transfers import (
    add_follow_up_options,
    case_transfers,
    follow_up_fields,
    transfer_note,
)
from app.cli.cmd_party import register_party
from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.output import print_json, print_table, shortened
from app.core.case_path.decide import Request
from app.core.case_path.rules import RETIRED
from app.core.case_path.steps import Action
from app.core.errors import DomainError
from app.core.intake import IntakeRequest
from app.core.model import CaseSource, CaseStatus, chinese
from app.core.police_transfer import ATTACHMENT_KINDS
from app.core.transfers import TRANSFER_OUTCOMES
from app.store.reference import ReferenceData

if TYPE_CHECKING:
    from app.store.case_list import CaseFilter


def register(commands: Commands, common: CommonOptions) -> None:
    case = command_group(commands, "case", "案件：登记、查询、查看")
    acting = [common.database, common.user, common.json]

    p = case.add_parser("add", help="登记案件", parents=acting)
    p.add_argument("--category", required=True, help="问题类别编码（见 towndesk categories）")
    p.add_argument("--grid", required=True, help="网格编码（见 towndesk grids）")
    p.add_argument("--description", required=True, help="问题描述")
    p.add_argument("--address", default="")
    p.add_argument("--reporter", default="", help="反映人姓名（保密）")
    p.add_argument("--phone", default="", help="反映人电话（保密）")
    p.add_argument("--photo", nargs="+", type=Path, default=[], help="照片文件")
    p.add_argument("--source", choices=[s.value for s in CaseSource], help="来源（默认巡查发现）")
    p.add_argument("--from-unit", default="", help="移送来的案件：移送单位（来源即为移送）")
    p.add_argument("--from-letter", default="", help="移送来的案件：对方移送函的文号")
    p.add_argument("--urgent", action="store_true")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.set_defaults(handler=case_add)

    filtering = _filter_options()
    p = case.add_parser("list", help="查询案件", parents=[*acting, filtering])
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=case_list)

    p = case.add_parser(
        "export",
        help="导出案件台账（.xlsx；筛选条件同 case list）",
        parents=[common.database, common.user, filtering],
    )
    p.add_argument("-o", "--output", required=True, type=Path, help="台账文件 .xlsx")
    p.set_defaults(handler=case_export)

    p = case.add_parser("show", help="查看案件及其办理过程", parents=acting)
    p.add_argument("number")
    p.set_defaults(handler=case_show)

    p = case.add_parser(
        "act", help="办理案件：派遣、呼叫、签收、反馈、核查、结案……", parents=acting
    )
    p.add_argument("number", help="案件编号")
    offered = [a.value for a in Action if a not in RETIRED]
    p.add_argument("action", choices=offered, metavar="ACTION", help="、".join(offered))
    p.add_argument("--to", help="派遣/呼叫的部门编码，或移送的机关名称")
    p.add_argument("--with", dest="with_units", nargs="+", default=[], help="配合单位编码")
    p.add_argument("--reason", default="")
    p.add_argument("--note", default="")
    p.add_argument("--days", type=int, help="延期的工作日数")
    p.add_argument("--until", help="挂账到哪一天 YYYY-MM-DD")
    p.add_argument("--reply-by", default="", help="督办：限期办结并书面回复的日期 YYYY-MM-DD")
    result = p.add_mutually_exclusive_group()
    result.add_argument("--pass", dest="passed", action="store_true", default=None)
    result.add_argument("--fail", dest="passed", action="store_false")
    p.add_argument("--into", help="合并到的案件编号")
    p.add_argument("--offence", default="", help="涉嫌罪名（移送公安）")
    p.add_argument("--threshold", default="", help="达到追诉标准的理由（移送公安）")
    p.add_argument("--facts", default="", help="查明的违法事实（申请移送公安）")
    p.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="FILE",
        help="移送公安的材料：文件（作为证据附上），或本案已有证据的 SHA-256（前 8 位以上）；"
        "每个 --attach 配一个 --kind",
    )
    p.add_argument(
        "--kind",
        action="append",
        default=[],
        choices=list(ATTACHMENT_KINDS),
        help="材料类别：report 调查报告、items 涉案物品清单、appraisal 检验鉴定报告、other 其他",
    )
    p.add_argument("--copy-to", default="", help="抄送的人民检察院（批准移送公安；默认同级检察院）")
    p.add_argument("--override-reason", default="", help="不按清单建议分拨时的理由")
    p.add_argument(
        "--received-by",
        default="",
        help="回执的签收单位或签收人（登记移送回执）；接收涉案物品的公安民警（登记移交涉案物品）",
    )
    add_follow_up_options(p)
    p.add_argument(
        "--outcome",
        choices=TRANSFER_OUTCOMES,
        default="",
        help="接收机关的处理结果：accepted 受理/立案、declined 不予受理/不予立案、returned 退回",
    )
    p.add_argument(
        "--not-our-duty", action="store_true", help="回退时声明不属本单位职责（提出职责争议）"
    )
    p.add_argument(
        "--cite", nargs="+", default=[], metavar="CODE", help="职责争议引用的清单事项编码"
    )
    p.add_argument("--urgent", action="store_true")
    p.add_argument("--photo", nargs="+", type=Path, default=[])
    p.set_defaults(handler=case_act)

    p = case.add_parser(
        "transfers",
        help="移送的案件：移送函号、回执、处理结果",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("--waiting", action="store_true", help="只看还在等回执或处理结果的移送")
    p.add_argument("--case", dest="number", help="只看某件案件的移送（移出和移入）")
    p.set_defaults(handler=case_transfers)

    p = case.add_parser(
        "resolve", help="处理同步冲突（核对两个版本后）", parents=[common.database, common.user]
    )
    p.add_argument("number")
    p.add_argument("--note", required=True, help="处理意见")
    p.set_defaults(handler=case_resolve)

    register_party(case, acting)


def _filter_options() -> argparse.ArgumentParser:
    """The filter options of ``case list`` and ``case export``, declared once."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--status")
    p.add_argument("--category", help="类别编码（大类包含其下所有类别）")
    p.add_argument("--grid")
    p.add_argument("--source", choices=[s.value for s in CaseSource])
    p.add_argument("--from", dest="received_from", help="受理日期起 YYYY-MM-DD")
    p.add_argument("--to", dest="received_to", help="受理日期止 YYYY-MM-DD")
    p.add_argument("--search", default="", help="检索文字（支持单字、词和案件编号）")
    return p


def case_add(ctx: Context) -> int:
    from app.store.cases import register_case

    args = ctx.args
    actor = ctx.user
    sent = bool(args.from_unit.strip())  # a sender implies a case transferred in
    request = IntakeRequest(
        category_code=args.category,
        grid_code=args.grid,
        description=args.description,
        address=args.address,
        source=args.source or (CaseSource.TRANSFER if sent else CaseSource.PATROL),
        urgent=args.urgent,
        reporter_name=args.reporter,
        reporter_phone=args.phone,
        latitude=args.lat,
        longitude=args.lon,
        transfer_unit=args.from_unit,
        transfer_letter=args.from_letter,
    )
    case = register_case(ctx.db, ctx.blobs, actor, request, args.photo, wall=ctx.clock.wall)
    if ctx.json:
        print_json(case_json(case, ReferenceData(ctx.db), actor.role))
    else:
        print(case.number)
    return 0


def case_list(ctx: Context) -> int:
    from app.store.case_list import CaseSort, case_window, count_cases

    args, db = ctx.args, ctx.db
    viewer = ctx.user
    ref = ReferenceData(db)
    case_filter = _case_filter(ctx, ref)
    total = count_cases(db, case_filter)
    cases = case_window(db, case_filter, CaseSort(), 0, args.limit)
    if ctx.json:
        print_json({"total": total, "cases": [case_json(c, ref, viewer.role) for c in cases]})
        return 0
    rows = [
        [
            c.number,
            c.received_at[:16],
            chinese(c.status),
            ref.category_name(c.category_code),
            ref.grid_name(c.grid_code),
            shortened(c.description, 30),
        ]
        for c in cases
    ]
    print_table(["案件编号", "受理时间", "状态", "类别", "网格", "问题描述"], rows)
    print(f"共 {total} 件" + (f"，显示前 {len(cases)} 件" if total > len(cases) else ""))
    return 0


def _case_filter(ctx: Context, ref: ReferenceData) -> CaseFilter:
    """The filter the ``_filter_options`` ask for, checked against the reference data."""
    from app.store.case_list import CaseFilter

    args = ctx.args
    return CaseFilter(
        status=_status(args.status),
        category_codes=_category_codes(ref, args.category),
        grid_code=_grid(ref, args.grid),
        source=args.source,
        received_from=_date(args.received_from),
        received_to=_date(args.received_to),
        text=args.search,
    )


def case_export(ctx: Context) -> int:
    """The case ledger (案件台账) of the filtered cases, reporters as the user may see them."""
    from app.core.clock import local_text
    from app.reports.case_ledger import export_ledger

    db = ctx.db
    viewer = ctx.user
    case_filter = _case_filter(ctx, ReferenceData(db))
    output = _xlsx_target(ctx.args.output)
    written = export_ledger(db, output, case_filter, viewer.role, local_text(ctx.clock.wall()))
    print(f"已导出案件台账 {written.rows} 件：{written.path}")
    return 0


def _xlsx_target(path: Path) -> Path:
    """The ledger is an .xlsx: "台账" becomes "台账.xlsx"."""
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def _category_codes(ref: ReferenceData, code: str | None) -> tuple[str, ...]:
    """A category, or every category under a main one."""
    if not code:
        return ()
    code = code.strip()
    if code not in ref.categories:
        raise DomainError("category_unknown", value=code)
    leaves = tuple(c.code for c in ref.categories.values() if c.parent_code == code)
    return leaves or (code,)


def _status(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return CaseStatus(value).value
    except ValueError:
        raise DomainError("status_unknown", value=value) from None


def _grid(ref: ReferenceData, code: str | None) -> str | None:
    if code is not None and code not in ref.grids:
        raise DomainError("grid_unknown", value=code)
    return code


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise DomainError("date_invalid", value=value) from None


def case_show(ctx: Context) -> int:
    from app.store.cases import case_by_number, case_timeline
    from app.store.parties import case_parties

    db = ctx.db
    viewer = ctx.user
    ref = ReferenceData(db)
    case = case_by_number(db, ctx.args.number)
    timeline = case_timeline(db, case.id, ref)
    parties = case_parties(db, case.id, viewer.role)  # masked by role, like the reporter
    if ctx.json:
        print_json(
            {
                **case_json(case, ref, viewer.role),
                **case_path_json(db, case.id, ctx.clock.now()),
                "parties": [party_json(p) for p in parties],
                "timeline": timeline_json(timeline),
            }
        )
    else:
        print_case(case, ref, viewer.role, timeline, parties)
    return 0


def case_act(ctx: Context) -> int:
    from app.store.case_actions import act
    from app.store.cases import case_by_number
    from app.store.police_transfers import materials_given

    args, db = ctx.args, ctx.db
    user = ctx.user
    files: list[Path] = list(args.photo)
    attachments: tuple[dict[str, str], ...] = ()
    if args.attach or args.kind:
        case_id = case_by_number(db, args.number).id
        more, attachments = materials_given(db, case_id, args.attach, args.kind)
        files += more
    request = Request(
        action=Action(args.action),
        to=args.to,
        with_units=tuple(args.with_units),
        reason=args.reason,
        note=args.note,
        days=args.days,
        until=args.until,
        passed=args.passed,
        into=args.into,
        offence=args.offence,
        urgent=args.urgent,
        override_reason=args.override_reason,
        not_our_duty=args.not_our_duty,
        cited=tuple(args.cite),
        threshold=args.threshold,
        received_by=args.received_by,
        outcome=args.outcome,
        reply_by=args.reply_by,
        facts=args.facts,
        attachments=attachments,
        copy_to=args.copy_to,
    )
    request = replace(request, **follow_up_fields(args))
    case = act(db, ctx.blobs, user, args.number, request, files, wall=ctx.clock.wall)
    if ctx.json:
        print_json(case_path_json(db, case.id, ctx.clock.now()))
    else:
        print(f"{case.number}：{chinese(case.status)}{transfer_note(ctx, case.id, request)}")
    return 0


def case_resolve(ctx: Context) -> int:
    from app.store.case_actions import resolve_conflict

    case = resolve_conflict(ctx.db, ctx.user, ctx.args.number, ctx.args.note, wall=ctx.clock.wall)
    print(f"案件 {case.number} 的同步冲突已处理。")
    return 0
