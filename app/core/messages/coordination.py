"""Messages for routing, duty disputes and case transfers (code: zh_CN, en)."""

from __future__ import annotations

COORDINATION_MESSAGES: dict[str, tuple[str, str]] = {
    "override_reason_missing": (
        "分拨与清单建议不同，请填写改派理由，才能{action}（理由会记入清单修正统计）。",
        "The route differs from the lists' suggestion: give the reason to {action} "
        "(it is counted in the override report).",
    ),
    "threshold_missing": (
        "请说明涉嫌犯罪达到追诉标准的理由（金额、数量、情节等），才能{action}。",
        "Explain why the facts meet the prosecution threshold (amount, quantity, "
        "circumstances) to {action}.",
    ),
    "received_by_missing": (
        "请填写回执的签收单位或签收人，才能{action}。",
        "Give who signed the receipt to {action}.",
    ),
    "outcome_invalid": (
        "请选择接收机关的处理结果（受理/立案、不予受理/不予立案、退回），才能{action}。",
        "Choose what the receiving authority did (accepted, declined, sent back) to {action}.",
    ),
    "already_recorded": (
        "已经登记过，不能重复{action}。",
        "Already recorded: cannot {action} again.",
    ),
    "receipt_first": (
        "还没有登记接收机关的回执，不能{action}。",
        "The receipt is not recorded yet: cannot {action}.",
    ),
    "transfer_in_source_missing": (
        "移送来的案件请填写移送单位。",
        "A transferred-in case needs the sending authority.",
    ),
    "transfer_in_wrong_source": (
        "填写了移送单位的案件，来源请选择“移送”。",
        "A case with a sending authority must have the source 'transfer'.",
    ),
    "no_transfer_letter": (
        "案件 {value} 没有移送记录，没有移送函可打印。",
        "Case {value} was never transferred out: it has no transfer letter.",
    ),
}
