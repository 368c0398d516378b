"""Messages for what follows a transfer to the police (行刑衔接, order 310; schema 13):
who decides, the police's answer to a review, the procuratorate's supervision, a transfer
passed on, the items handed over (code: zh_CN, en)."""

from __future__ import annotations

POLICE_MESSAGES: dict[str, tuple[str, str]] = {
    # art. 5: the principal leader decides
    "principal_not_leader": (
        "“{value}”不是在用的领导账号，不能设为审批移送公安的负责人。",
        "'{value}' is not an active leader's account: cannot name them to decide transfers "
        "to the police.",
    ),
    "acting_needs_principal": (
        "请先设定主要负责人，再设定主持工作的负责人。",
        "Name the principal leader before the one acting for them.",
    ),
    "acting_is_principal": (
        "主持工作的负责人不能与主要负责人是同一人（{value}）。",
        "The acting leader cannot be the principal leader ({value}).",
    ),
    "principal_none_with_names": (
        "--none（取消设定）不能与用户名或 --acting 同时使用。",
        "--none (clear the setting) cannot be given with a username or --acting.",
    ),
    "police_decider_not_principal": (
        "移送公安由本机关主要负责人审批（《行政执法机关移送涉嫌犯罪案件的规定》第五条），"
        "本镇设定的是{value}，您不能审批。",
        "A transfer to the police is decided by the principal leader (order 310 art. 5): "
        "here {value}, not you.",
    ),
    # art. 9: the police's answer to a review, then the procuratorate
    "review_not_asked": (
        "还没有提请公安机关复议，无法{action}。",
        "No review has been asked of the police: cannot {action}.",
    ),
    "review_answer_invalid": (
        "请选择公安机关的复议决定（维持不予立案 / 立案），才能{action}。",
        "Choose the police's decision on review (refusal upheld / case opened) to {action}.",
    ),
    "supervision_needs_upheld": (
        "公安机关没有作出维持不予立案的复议决定，无法{action}。",
        "The police have not upheld their refusal on review: cannot {action}.",
    ),
    "supervision_window_passed": (
        "建议人民检察院立案监督应在接到复议决定之日起 3 日内（截至 {value}）提出"
        "（第九条），已经过期。",
        "Supervision by the procuratorate is asked within 3 days of the review decision "
        "(by {value}; art. 9); that time has passed.",
    ),
    "step_day_invalid": (
        "日期“{value}”不对：应为 YYYY-MM-DD，不早于 {found}，不晚于今天。",
        "Date '{value}' is not valid: give YYYY-MM-DD, not before {found} nor after today.",
    ),
    # art. 7: passed on by the police
    "police_transfer_only": (
        "只有移送公安的案件才能{action}。",
        "Only a transfer to the police can {action}.",
    ),
    "police_already_decided": (
        "公安机关已经作出立案决定，不能{action}。",
        "The police have already opened a case: cannot {action}.",
    ),
    "passed_to_missing": (
        "请填写公安机关移交的主管机关，才能{action}。",
        "Name the competent authority the police passed the case to, to {action}.",
    ),
    "passed_at_invalid": (
        "移交时间“{value}”不对：应为 YYYY-MM-DD HH:MM，不早于回执签收时间 {found}，不晚于现在。",
        "Time '{value}' is not valid: give YYYY-MM-DD HH:MM, not before the receipt ({found}) "
        "nor after now.",
    ),
    # art. 12: items handed over once the police opened a case
    "handover_needs_case_opened": (
        "公安机关还没有立案，不能{action}（第十二条：立案后移交涉案物品和材料）。",
        "The police have not opened a case: cannot {action} (art. 12: the items are handed "
        "over once a case is opened).",
    ),
    "handover_officer_missing": (
        "请填写接收的公安民警姓名，才能{action}。",
        "Give the name of the police officer who received them, to {action}.",
    ),
    "handover_list_missing": (
        "请填写移交清单编号或说明，才能{action}。",
        "Give the handover list's number or a note, to {action}.",
    ),
}
