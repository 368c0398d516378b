"""What ``towndesk case`` says of transfers (案件移送, 行刑衔接): the note after a transfer
step, and ``case transfers``, the letters with their receipts and outcomes."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.case_output import transfer_cells, transfer_json
from app.cli.context import Context
from app.cli.output import print_json, print_table
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action
from app.core.police_transfer import REVIEW_ANSWERS


def add_follow_up_options(p: argparse.ArgumentParser) -> None:
    """``case act`` options of what follows a police transfer (order 310 art. 7, 9, 12)."""
    p.add_argument(
        "--answer",
        choices=list(REVIEW_ANSWERS),
        help="公安机关的复议决定（登记复议决定）：upheld 维持不予立案、opened 立案",
    )
    p.add_argument(
        "--on",
        default="",
        help="日期 YYYY-MM-DD（建议检察院立案监督、移交涉案物品；默认今天）",
    )
    p.add_argument(
        "--at",
        default="",
        help="公安机关移交主管机关的时间 YYYY-MM-DD HH:MM（默认现在）",
    )
    p.add_argument("--list", default="", help="涉案物品移交清单的编号或说明（登记移交涉案物品）")


def follow_up_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The request's fields from those options; --answer is the outcome of a review, --list
    the note of a handover."""
    fields: dict[str, Any] = {"on": args.on, "at": args.at}
    if args.answer:
        fields["outcome"] = args.answer
    if args.list:
        fields["note"] = args.list
    return fields


TRANSFER_STEPS = (
    Action.TRANSFER,
    Action.POLICE_APPROVE,
    Action.TRANSFER_RECEIPT,
    Action.TRANSFER_OUTCOME,
)


def transfer_note(ctx: Context, case_id: str, request: Request) -> str:
    """After a transfer step: the letter it concerns, and how to print it or the answer."""
    return _unset_deciders(ctx, request) + _step_note(ctx, case_id, request)


def _unset_deciders(ctx: Context, request: Request) -> str:
    """Said once with each decision while no principal leader is named (order 310 art. 5)."""
    from app.core.police_transfer import deciders_note
    from app.store.police_transfers import deciders_of

    if request.action not in (Action.POLICE_APPROVE, Action.POLICE_DENY):
        return ""
    note = deciders_note(deciders_of(ctx.db))
    return f"（{note.zh}）" if note is not None else ""


def _step_note(ctx: Context, case_id: str, request: Request) -> str:
    from app.store.transfers import latest_transfer_out

    if request.action == Action.POLICE_REQUEST:
        return "（移送公安申请已提交，待负责人审批：case act … approve-transfer / deny-transfer）"
    if request.action == Action.POLICE_DENY:
        return "（负责人不批准移送公安，案件继续办理）"
    if request.action == Action.POLICE_REVIEW:
        return (
            "（已提请公安机关复议，公安机关应在 3 日内作出决定：case act … transfer-review-answer）"
        )
    if request.action == Action.POLICE_REVIEW_ANSWER:
        if request.outcome == "upheld":
            return "（公安机关维持不予立案；可在 3 日内建议人民检察院立案监督）"
        return "（公安机关复议后立案；涉案物品应在 3 日内移交：case act … items-handover）"
    if request.action == Action.POLICE_SUPERVISION:
        return "（已建议人民检察院立案监督）"
    if request.action == Action.POLICE_PASSED_ON:
        return "（已登记公安机关移交主管机关，等待其立案决定）"
    if request.action == Action.POLICE_HANDOVER:
        return "（涉案物品和材料已移交公安机关）"
    if request.action not in TRANSFER_STEPS:
        return ""
    transfer = latest_transfer_out(ctx.db, case_id)
    if transfer is None:
        return ""
    outcome = transfer.outcome_words()
    if request.action == Action.TRANSFER_OUTCOME and outcome is not None:
        return f"（{transfer.letter_no}：{outcome}）"
    if request.action == Action.TRANSFER_RECEIPT:
        return f"（{transfer.letter_no}：回执已登记，签收 {transfer.receipt_by}）"
    command = f"towndesk transfer-letter {transfer.case_number} -o 移送函.pdf"
    return f"（移送函 {transfer.letter_no}；打印：{command}）"


def case_transfers(ctx: Context) -> int:
    """Transfers (案件移送, 行刑衔接): letter numbers, receipts, outcomes, who still owes one."""
    from app.store.cases import case_by_number
    from app.store.transfers import all_transfers, transfers_of, waiting_transfers

    args, db = ctx.args, ctx.db
    if args.number:
        rows = transfers_of(db, case_by_number(db, args.number).id)
        rows = [t for t in rows if t.waiting_for] if args.waiting else rows
    else:
        rows = waiting_transfers(db) if args.waiting else all_transfers(db)
    today = ctx.clock.today()
    if ctx.json:
        print_json([transfer_json(t, today) for t in rows])
        return 0
    print_table(
        ["移送函号", "案件编号", "方向", "移送/来文单位", "移送时间", "回执", "处理结果", "等待"],
        [transfer_cells(t, today) for t in rows],
    )
    waiting = sum(1 for t in rows if t.waiting_for)
    print(f"共 {len(rows)} 件移送，其中 {waiting} 件在等对方回执或处理结果")
    return 0
