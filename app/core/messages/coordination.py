"""Messages for routing, duty disputes and case transfers (code: zh_CN, en)."""

from __future__ import annotations

COORDINATION_MESSAGES: dict[str, tuple[str, str]] = {
    "override_reason_missing": (
        "分拨与清单建议不同，请填写改派理由，才能{action}（理由会记入清单修正统计）。",
        "The route differs from the lists' suggestion: give the reason to {action} "
        "(it is counted in the override report).",
    ),
    # 行刑衔接 as order 310 prescribes (core/police_transfer.py)
    "police_transfer_needs_request": (
        "移送公安须先提出移送申请（附调查报告、涉案物品清单），经负责人批准，不能直接{action}。",
        "A transfer to the police is asked for with its materials and approved by the "
        "responsible leader: cannot {action} directly.",
    ),
    "police_request_office_only": (
        "案件还未分拨，只有综合执法办能{action}；部门人员在本单位处置案件时提出。",
        "The case has not been routed: only the office may {action}; a unit asks while it "
        "handles the case.",
    ),
    "police_request_pending": (
        "案件的移送公安申请正在等待负责人审批，不能{action}。",
        "A request to transfer the case to the police waits for the leader: cannot {action}.",
    ),
    "review_needs_refusal": (
        "公安机关没有作出不予立案的决定，无法{action}。",
        "The police have not declined to open a case: cannot {action}.",
    ),
    "review_window_passed": (
        "提请复议应在接到不予立案决定之日起 3 日内（截至 {value}），已经过期。",
        "A review must be asked within 3 days of the refusal (by {value}); that time has passed.",
    ),
    "attachment_kind_unknown": (
        "材料类别“{value}”不存在（可选：report 调查报告、items 涉案物品清单、"
        "appraisal 检验鉴定报告、other 其他材料）。",
        "Unknown kind of material '{value}' (report, items, appraisal, other).",
    ),
    "attachment_not_evidence": (
        "材料“{value}”不是本案的证据文件，请先作为证据附上。",
        "'{value}' is not an evidence file of this case; attach it first.",
    ),
    "attachment_missing": (
        "移送公安须附{value}（《行政执法机关移送涉嫌犯罪案件的规定》第六条）。",
        "A transfer to the police needs the {value} (order 310, art. 6).",
    ),
    "copy_to_missing": (
        "请填写抄送的人民检察院，才能{action}。",
        "Name the procuratorate the letter is copied to, to {action}.",
    ),
    "attach_kinds_mismatch": (
        "每个 --attach 材料须有一个 --kind 类别（材料 {value} 个，类别 {found} 个）。",
        "Give one --kind for each --attach ({value} materials, {found} kinds).",
    ),
    "attachment_ambiguous": (
        "“{value}”不是文件，也不能唯一确定本案的一个证据文件。",
        "'{value}' is neither a file nor exactly one evidence file of this case.",
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
