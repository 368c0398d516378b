"""Messages for joint meetings (联席会议) and their decisions (code: zh_CN, en)."""

from __future__ import annotations

MEETING_MESSAGES: dict[str, tuple[str, str]] = {
    "members_missing": (
        "请至少选择一个联席会议成员单位。",
        "Choose at least one member unit of the joint meeting.",
    ),
    "meeting_time_invalid": (
        "会议时间“{value}”格式不对，应为 YYYY-MM-DD HH:MM，如 2026-12-03 09:30。",
        "Meeting time '{value}' is not valid: use YYYY-MM-DD HH:MM, e.g. 2026-12-03 09:30.",
    ),
    "meeting_place_missing": ("请填写会议地点。", "Give the meeting's place."),
    "meeting_chair_missing": (
        "请填写会议主持人。",
        "Give who chairs the meeting.",
    ),
    "meeting_attendees_missing": (
        "请至少选择一个参会单位。",
        "Choose at least one attending unit.",
    ),
    "meeting_number_unknown": (
        "没有第 {value} 次联席会议。",
        "There is no joint meeting number {value}.",
    ),
    "minutes_already_recorded": (
        "第 {value} 次联席会议的纪要已经录入，不能重复录入。",
        "The minutes of joint meeting {value} are already recorded: they cannot be recorded again.",
    ),
    "minutes_too_early": (
        "第 {value} 次联席会议还没有召开，会后才能录入纪要。",
        "Joint meeting {value} has not been held yet: record its minutes after the meeting.",
    ),
    "minutes_missing": (
        "第 {value} 次联席会议还没有录入纪要。",
        "Joint meeting {value} has no minutes yet.",
    ),
    "agenda_meeting_missing": (
        "修改议程时请用 --meeting 指明是第几次会议。",
        "Say with --meeting which meeting's agenda to replace.",
    ),
    "minutes_summary_missing": (
        "请填写会议纪要的主要内容。",
        "Write the summary of the minutes.",
    ),
    "agenda_kind_unknown": (
        "议题类别“{value}”不对，应为 dispute（职责争议）、supervised（多次督办）、"
        "overdue（长期超期）、cross（跨部门）或 other（其他）。",
        "Agenda item kind '{value}' is not valid: use dispute, supervised, overdue, cross "
        "or other.",
    ),
    "agenda_title_missing": (
        "第 {row} 项议题没有标题。",
        "Agenda item {row} has no title.",
    ),
    "agenda_ref_missing": (
        "第 {row} 项议题（{value}）请写明是哪一项职责争议或哪一件案件。",
        "Agenda item {row} ({value}) must name its dispute or case.",
    ),
    "dispute_after_meeting": (
        "案件 {case} 的职责争议是 {opened} 才提出的，晚于第 {number} 次联席会议的召开时间 "
        "{held}，不能列入这次会议；请提交下一次联席会议研究。",
        "The duty dispute of case {case} was raised at {opened}, after joint meeting {number} "
        "was held ({held}): it cannot go before that meeting; refer it to the next one.",
    ),
    "decision_dispute_after_meeting": (
        "第 {row} 项决议：案件 {case} 的职责争议是 {opened} 才提出的，晚于第 {number} 次"
        "联席会议的召开时间 {held}，这次会议不能对它作出决定；请提交下一次联席会议研究。",
        "Decision {row}: the duty dispute of case {case} was raised at {opened}, after joint "
        "meeting {number} was held ({held}): that meeting cannot decide it; refer it to the "
        "next one.",
    ),
    "decision_text_missing": (
        "第 {row} 项决议没有写内容。",
        "Decision {row} has no text.",
    ),
    "decision_owner_missing": (
        "第 {row} 项决议请写明责任单位。",
        "Decision {row} needs the unit that carries it out.",
    ),
    "decision_unit_unknown": (
        "第 {row} 项决议中的单位“{value}”不存在。",
        "Decision {row} names an unknown unit '{value}'.",
    ),
    "decision_deadline_invalid": (
        "第 {row} 项决议的完成期限“{value}”格式不对，应为 YYYY-MM-DD，如 2026-12-31。",
        "The deadline '{value}' of decision {row} is not valid: use YYYY-MM-DD, e.g. 2026-12-31.",
    ),
    "decision_deadline_early": (
        "第 {row} 项决议的完成期限 {value} 早于会议当天，请改为会议当天或以后的日期。",
        "The deadline {value} of decision {row} is before the meeting: choose the meeting day "
        "or later.",
    ),
    "decision_lead_missing": (
        "第 {row} 项决议裁定职责争议，请写明由哪个单位牵头。",
        "Decision {row} settles a duty dispute: name the unit that leads.",
    ),
    "decision_dispute_missing": (
        "第 {row} 项决议写了牵头、配合单位或修改清单，但没有写裁定哪一项职责争议。",
        "Decision {row} names lead or cooperating units or a list change, but no duty dispute.",
    ),
    "decision_dispute_twice": (
        "第 {found} 项和第 {row} 项决议裁定的是同一项职责争议，请合并为一项。",
        "Decisions {found} and {row} settle the same duty dispute: make them one.",
    ),
    "decision_unknown": ("找不到决议“{value}”。", "There is no decision '{value}'."),
    "decision_already_done": (
        "这项决议已于 {value} 标记为落实，不能重复标记。",
        "This decision was marked done on {value}: it cannot be marked again.",
    ),
    "decision_note_missing": (
        "请写明决议的落实情况。",
        "Write how the decision was carried out.",
    ),
    "meeting_file_invalid": (
        "文件 {value} 读不出来：{reason}",
        "Cannot read the file {value}: {reason}",
    ),
    "decision_line_invalid": (
        "决议“{value}”格式不对，应为 内容|责任单位|YYYY-MM-DD，"
        "裁定职责争议时再加 |争议或案件编号|牵头单位。",
        "Decision '{value}' is not valid: use text|OWNER|YYYY-MM-DD, and for a dispute add "
        "|DISPUTE_OR_CASE|LEAD.",
    ),
}
