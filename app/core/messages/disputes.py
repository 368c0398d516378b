"""Messages for duty disputes (职责争议) and list edits (code: zh_CN, en)."""

from __future__ import annotations

DISPUTE_MESSAGES: dict[str, tuple[str, str]] = {
    "dispute_unknown": ("找不到职责争议“{value}”。", "There is no duty dispute '{value}'."),
    "dispute_already_decided": (
        "这项职责争议已于 {value} 作出裁定，不能再次裁定或提交会议。",
        "This duty dispute was decided on {value}: it cannot be decided or referred again.",
    ),
    "dispute_lead_missing": (
        "请选择裁定的牵头单位。",
        "Choose the unit the ruling makes responsible.",
    ),
    "dispute_reasoning_missing": (
        "请写明裁定理由（依据哪一项清单或会议意见）。",
        "Give the reasoning of the ruling (which list item, or the meeting's view).",
    ),
    "dispute_referred_to_meeting": (
        "这项职责争议已提交第 {value} 次联席会议，只能由该次会议作出决议；如需另行裁定，请先撤回。",
        "This duty dispute was referred to joint meeting {value}: only that meeting decides it, "
        "unless it is withdrawn first.",
    ),
    "dispute_already_referred": (
        "这项职责争议已提交第 {value} 次联席会议；如需改由其他会议或分管领导裁定，请先撤回。",
        "This duty dispute is already referred to joint meeting {value}: withdraw it first to "
        "have it decided elsewhere.",
    ),
    "dispute_no_meeting_ahead": (
        "还没有待召开的联席会议：请先安排一次联席会议。",
        "No joint meeting is coming up: schedule one first.",
    ),
    "dispute_ruling_needs_leader": (
        "这项裁定{value}，只能由分管领导裁定，或提交联席会议决定。",
        "This ruling touches the duty lists ({value}): only the responsible leader or the joint "
        "meeting may decide it.",
    ),
    "dispute_not_referred": (
        "这项职责争议没有提交联席会议，无需撤回。",
        "This duty dispute is not referred to a joint meeting: there is nothing to withdraw.",
    ),
    "dispute_withdraw_reason_missing": (
        "请写明从联席会议撤回的理由。",
        "Give the reason for withdrawing the dispute from the joint meeting.",
    ),
    "meeting_unknown": ("找不到联席会议“{value}”。", "There is no joint meeting '{value}'."),
    "meeting_already_held": (
        "第 {value} 次联席会议已经形成纪要，不能再提交议题。",
        "Joint meeting {value} already has its minutes: nothing can be added to it.",
    ),
    "list_item_unknown": (
        "清单中没有编码为“{value}”的事项。",
        "The list has no item with code '{value}'.",
    ),
    "list_field_invalid": (
        "“{value}”应写成“列=内容”，如 牵头部门=青石市场监管所。",
        "'{value}' should read column=text, e.g. lead=ZFZD.",
    ),
    "list_item_unchanged": (
        "事项“{value}”的内容与清单现有内容相同，没有形成新版本。",
        "Item '{value}' already reads like that: no new version was made.",
    ),
    "list_proposal_empty": (
        "没有待报送的修订建议：本镇对职责边界清单的修订都已被官方清单吸收，或尚未作出修订。",
        "There is no change to propose: every local amendment of the boundary list has been "
        "settled by the official list, or none was made.",
    ),
    "list_item_code_missing": ("请填写事项编码。", "Give the item's code."),
    "list_item_invalid": (
        "事项“{value}”没有改动：{reason}。",
        "Item '{value}' was not changed: {reason}.",
    ),
    "list_item_kind_unsupported": (
        "职责任务清单请整表导入修改，不能逐项编辑。",
        "Edit the duty task list by importing it whole, not item by item.",
    ),
}
