"""What ``towndesk case`` says of transfers (案件移送, 行刑衔接): the note after a transfer
step, and ``case transfers``, the letters with their receipts and outcomes."""

from __future__ import annotations

from app.cli.case_output import transfer_cells, transfer_json
from app.cli.context import Context
from app.cli.output import print_json, print_table
from app.core.case_path.decide import Request
from app.core.case_path.steps import Action

TRANSFER_STEPS = (
    Action.TRANSFER,
    Action.POLICE_APPROVE,
    Action.TRANSFER_RECEIPT,
    Action.TRANSFER_OUTCOME,
)


def transfer_note(ctx: Context, case_id: str, request: Request) -> str:
    """After a transfer step: the letter it concerns, and how to print it or the answer."""
    from app.store.transfers import latest_transfer_out

    if request.action == Action.POLICE_REQUEST:
        return "（移送公安申请已提交，待负责人审批：case act … approve-transfer / deny-transfer）"
    if request.action == Action.POLICE_DENY:
        return "（负责人不批准移送公安，案件继续办理）"
    if request.action == Action.POLICE_REVIEW:
        return "（已提请公安机关复议）"
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
