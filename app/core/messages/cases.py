"""Messages of intake, sign-in, the database, the case path and the calendar (code: zh_CN,
en)."""

from __future__ import annotations

CASE_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (zh_CN, en)
    "category_missing": ("请选择问题类别。", "Choose a problem category."),
    "category_unknown": ("问题类别“{value}”不存在。", "Unknown problem category '{value}'."),
    "category_not_leaf": (
        "“{value}”是大类，请选择其下的具体类别。",
        "'{value}' is a group; choose a category inside it.",
    ),
    "grid_missing": ("请选择网格。", "Choose a grid."),
    "grid_unknown": ("网格“{value}”不存在。", "Unknown grid '{value}'."),
    "description_empty": ("请填写问题描述。", "Describe the problem."),
    "description_too_long": (
        "问题描述过长（{length} 字），请控制在 {limit} 字以内。",
        "The description is too long ({length} characters, at most {limit}).",
    ),
    "phone_invalid": (
        "联系电话“{value}”格式不对：手机号应为 11 位数字（1 开头），座机如 0535-6123456。",
        "Phone number '{value}' is not valid: a mobile has 11 digits starting with 1, "
        "a landline looks like 0535-6123456.",
    ),
    "reporter_phone_without_name": (
        "填写了联系电话，也请填写反映人姓名。",
        "A phone number was given; give the reporter's name too.",
    ),
    "latitude_out_of_range": (
        "纬度 {value} 不在我国境内（应在 3.5 到 54 之间）。",
        "Latitude {value} is outside China (3.5 to 54).",
    ),
    "longitude_out_of_range": (
        "经度 {value} 不在我国境内（应在 73 到 136 之间）。",
        "Longitude {value} is outside China (73 to 136).",
    ),
    "coordinates_incomplete": (
        "坐标需同时填写经度和纬度。",
        "Give both latitude and longitude, or neither.",
    ),
    "source_unknown": ("来源“{value}”不存在。", "Unknown source '{value}'."),
    "photo_missing": ("照片文件不存在：{value}", "Photo file not found: {value}"),
    "photo_changed": (
        "照片“{value}”在保存时被改动，请确认照片后重新添加。",
        "Photo '{value}' changed while it was being saved; check it and add it again.",
    ),
    "photo_not_image": (
        "“{value}”不是照片（支持 JPG、PNG、HEIC、WEBP、BMP）。",
        "'{value}' is not a photo (JPG, PNG, HEIC, WEBP, BMP).",
    ),
    "photo_too_large": (
        "照片“{value}”超过 {limit} MB，请压缩后再上传。",
        "Photo '{value}' is larger than {limit} MB.",
    ),
    "case_unknown": ("案件“{value}”不存在。", "No case numbered '{value}'."),
    "user_unknown": ("用户“{value}”不存在。", "No user named '{value}'."),
    "user_exists": ("用户名“{value}”已被使用。", "The user name '{value}' is taken."),
    "user_disabled": ("用户“{value}”已停用，请联系管理员。", "User '{value}' is disabled."),
    "password_wrong": (
        "用户名或密码不正确。",
        "The user name or password is wrong.",
    ),
    "password_wrong_wait": (
        "用户名或密码不正确。已连续失败 {failures} 次，请 {seconds} 秒后再试。",
        "The user name or password is wrong. {failures} failures in a row: "
        "try again in {seconds} seconds.",
    ),
    "sign_in_locked": (
        "连续输错密码，请 {seconds} 秒后再试。",
        "Too many wrong passwords: try again in {seconds} seconds.",
    ),
    "password_too_short": (
        "密码至少需要 {limit} 位。",
        "The password needs at least {limit} characters.",
    ),
    "department_unknown": ("部门“{value}”不存在。", "Unknown department '{value}'."),
    "code_invalid": (
        "编码“{value}”只能包含大写字母和数字（{limit} 位以内）。",
        "Code '{value}' may hold only capital letters and digits (at most {limit}).",
    ),
    "name_empty": ("名称不能为空。", "The name cannot be empty."),
    "database_not_initialised": (
        "数据库 {value} 还没有初始化，请先运行 towndesk init 或 towndesk demo。",
        "Database {value} is not initialised: run towndesk init or towndesk demo first.",
    ),
    "database_exists": (
        "数据库 {value} 已存在，不会覆盖。",
        "Database {value} already exists and will not be overwritten.",
    ),
    "database_newer": (
        "数据库 {value} 由更新版本的 TownDesk 创建"
        "（结构版本 {found}，本程序支持 {limit}），请升级程序。",
        "Database {value} was made by a newer TownDesk (schema {found}, this one knows {limit}).",
    ),
    "migration_failed": (
        "数据库 {value} 升级到结构版本 {found} 失败：{reason}。"
        "数据库保持原样，升级前的备份在同一文件夹。",
        "Upgrading database {value} to schema {found} failed: {reason}. "
        "It was left as it was; a backup is in the same folder.",
    ),
    "database_busy": (
        "数据库正忙（可能正在重建或导入），本次没有保存，请稍后再试。",
        "The database is busy (perhaps rebuilding or importing); nothing was saved, "
        "try again in a moment.",
    ),
    "wrong_state": ("案件{state}，不能{action}。", "The case {state}: cannot {action}."),
    "not_lead_unit": (
        "只有牵头单位（{unit}）才能{action}。",
        "Only the lead unit ({unit}) may {action}.",
    ),
    "nothing_to_decide": (
        "没有等待审批的申请，无法{action}。",
        "There is no request waiting: cannot {action}.",
    ),
    "already_requested": (
        "已有一项申请在等待审批，不能再{action}。",
        "A request is already waiting for a decision: cannot {action} again.",
    ),
    "call_step_out_of_order": (
        "呼叫还没到这一步，不能{action}（顺序：响应 → 到场 → 办结 → 确认）。",
        "The call is not at that step: cannot {action} (order: respond, arrive, handled, confirm).",
    ),
    "sign_by_call_response": (
        "被呼叫部门的响应即为签收：请用“登记响应”，不能单独{action}。",
        "A called department signs for the case by responding: record the response instead "
        "of a separate {action}.",
    ),
    "call_still_open": (
        "呼叫尚未确认办结（事不完人不撤），不能{action}。",
        "The call is not confirmed yet: cannot {action}.",
    ),
    "call_not_handled": (
        "被呼叫的部门还没有办结，不能{action}。",
        "The called department has not finished: cannot {action}.",
    ),
    "dispatch_needs_x": (
        "{unit}不是派驻机构，不能派遣；区直部门请用“呼叫”。",
        "{unit} is not a stationed (X) department: call district departments instead.",
    ),
    "call_needs_y": (
        "{unit}不是区直部门，不能呼叫；派驻机构请用“派遣”。",
        "{unit} is not a district (Y) department: dispatch to stationed departments instead.",
    ),
    "reason_missing": ("请填写理由，才能{action}。", "Give a reason to {action}."),
    "note_missing": ("请填写情况说明，才能{action}。", "Write a note to {action}."),
    "transfer_target_missing": (
        "请填写移送到哪个机关，才能{action}。",
        "Name the authority to {action} to.",
    ),
    "offence_missing": (
        "请填写涉嫌的罪名，才能{action}。",
        "Name the suspected offence to {action}.",
    ),
    "merge_target_missing": (
        "请填写要合并到的案件编号，才能{action}。",
        "Give the number of the case to {action} into.",
    ),
    "response_needs_y": (
        "{value} 不是区直部门，响应承诺只对被呼叫的区直部门设置。",
        "{value} is not a district (Y) department: only those have a response commitment.",
    ),
    "response_invalid": (
        "响应承诺应为正整数：响应分钟、到场分钟、办结工作日。",
        "A response commitment is three positive whole numbers: minutes, minutes, days.",
    ),
    "office_hours_invalid": (
        "办公时间“{value}”不对，应如 08:30-17:30，且下班晚于上班。",
        "Office hours '{value}' are not valid: use e.g. 08:30-17:30, closing after opening.",
    ),
    "calendar_kind_missing": (
        "请用 --working 或 --off 说明这一天是工作日还是休息日。",
        "Say with --working or --off whether the day is worked.",
    ),
    "no_supervision": ("案件 {value} 还没有督办记录。", "Case {value} has not been supervised."),
    "reply_by_invalid": (
        "回复期限“{value}”不对：应为日期，如 2026-12-31。",
        "Reply-by date '{value}' is not a date like 2026-12-31.",
    ),
    "reply_by_past": (
        "回复期限 {value} 已经过去：不能早于督办当天 {low}。",
        "Reply-by date {value} is in the past: it cannot be before the supervision day {low}.",
    ),
    "no_call": ("案件 {value} 没有呼叫记录。", "Case {value} has no call."),
    "merge_into_itself": ("不能把案件合并到它自己。", "A case cannot be merged into itself."),
    "merge_target_finished": (
        "案件 {value} 已合并、移送或不予受理，不能再把别的案件合并到它。",
        "Case {value} was merged, transferred or rejected: nothing can be merged into it.",
    ),
    "days_invalid": (
        "延期天数应为 1 到 60 个工作日，才能{action}。",
        "An extension is 1 to 60 working days: cannot {action}.",
    ),
    "until_invalid": (
        "挂账日期“{value}”不对：应为今天以后的日期，如 2026-12-31，才能{action}。",
        "Park-until date '{value}' must be a future date like 2026-12-31 to {action}.",
    ),
    "verify_result_missing": (
        "请说明核查是否通过，才能{action}。",
        "Say whether the check passed to {action}.",
    ),
    "status_unknown": ("状态“{value}”不存在。", "Unknown status '{value}'."),
    "date_invalid": (
        "日期“{value}”格式不对，应为 YYYY-MM-DD，如 2026-11-26。",
        "Date '{value}' is not valid: use YYYY-MM-DD, e.g. 2026-11-26.",
    ),
    "database_unreadable": (
        "无法打开数据库 {value}：{reason}",
        "Cannot open database {value}: {reason}",
    ),
    "permission_denied": (
        "{role}不能{action}。",
        "A {role} may not {action}.",
    ),
}
