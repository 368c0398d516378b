"""Messages for the township's base data and its working calendar (code: zh_CN, en)."""

from __future__ import annotations

REFERENCE_MESSAGES: dict[str, tuple[str, str]] = {
    "year_invalid": (
        "年份“{value}”不对：应为 {found} 到 {limit} 之间的年份，如 2027。",
        "Year '{value}' is not valid: give a year from {found} to {limit}, e.g. 2027.",
    ),
    "holiday_invalid": (
        "节假日“{value}”格式不对，应如 春节:2027-02-05..2027-02-11:2027-02-14,2027-02-20"
        "（节日名:放假起..止:调休上班日）。",
        "Holiday '{value}' is not valid: write the festival's name, then "
        "first..last day off, then the make-up working days, e.g. "
        "<name>:2027-02-05..2027-02-11:2027-02-14,2027-02-20.",
    ),
    "holiday_name_missing": (
        "请写明是哪个节日的放假安排。",
        "Say which festival the days off are for.",
    ),
    "holiday_unknown": (
        "“{value}”不是法定节假日，应为：{found}。",
        "'{value}' is not a statutory holiday; use one of: {found}.",
    ),
    "holiday_twice": (
        "{value}的放假安排写了两次，每个节日只写一次。",
        "{value} is entered twice: enter each festival once.",
    ),
    "holiday_span_invalid": (
        "{value}的放假日期不对：结束日不能早于开始日，连续放假最多 {limit} 天。",
        "The days off for {value} are not valid: the last day cannot come before the first, "
        "and a holiday lasts at most {limit} days.",
    ),
    "holiday_wrong_year": (
        "{value}的放假日期不在 {found} 年。",
        "The days off for {value} are not in {found}.",
    ),
    "holiday_workday_invalid": (
        "调休上班日 {value} 不对：应为该节日放假前后半个月内的周六或周日，且不在放假期间。",
        "Make-up working day {value} is not valid: it must be a Saturday or Sunday within "
        "half a month of the holiday, outside its days off.",
    ),
    "holiday_year_missing": (
        "请用 --year 写明是哪一年的节假日安排。",
        "Say with --year which year the holidays are for.",
    ),
    "holiday_schedule_empty": (
        "请至少填写一个节日的放假安排。",
        "Enter the days off of at least one festival.",
    ),
    "department_exists": ("部门编码“{value}”已被使用。", "The department code '{value}' is taken."),
    "department_tier_fixed": (
        "部门“{value}”的层级（1/X/Y）不能修改：请停用它，再按新的层级新增一个部门。",
        "The tier (1/X/Y) of department '{value}' cannot change: deactivate it and add a "
        "new department with the new tier.",
    ),
    "department_parent_only_x": (
        "只有派驻乡镇的 X 类单位才有上级主管部门，“{value}”不是。",
        "Only a stationed (X) unit has a parent department; '{value}' is not one.",
    ),
    "department_parent_invalid": (
        "上级主管部门“{value}”不存在，或不是区（县）直部门（Y）。",
        "Parent department '{value}' does not exist or is not a district (Y) department.",
    ),
    "office_stays_active": (
        "综合执法办（“{value}”）是研判和派单的单位，不能停用。",
        "The enforcement office ('{value}') triages and dispatches; it cannot be deactivated.",
    ),
    "department_has_users": (
        "部门“{value}”还有 {found} 名在用的用户：请先停用他们或调到其他单位。",
        "Department '{value}' still has {found} active users: deactivate them or move them "
        "to another unit first.",
    ),
    "department_leads_categories": (
        "部门“{value}”还是 {found} 个问题类别的默认单位：请先改这些类别的默认单位。",
        "Department '{value}' is still the default unit of {found} problem categories: "
        "change those first.",
    ),
    "category_exists": ("类别编码“{value}”已被使用。", "The category code '{value}' is taken."),
    "category_parent_fixed": (
        "类别“{value}”所属的大类不能修改：请停用它，再在新的大类下新增。",
        "Category '{value}' cannot move to another group: deactivate it and add it anew "
        "under the other group.",
    ),
    "category_group_invalid": (
        "大类“{value}”不存在（问题类别只有两级：大类和小类）。",
        "Group '{value}' does not exist (categories have two levels: groups and leaves).",
    ),
    "category_route_missing": (
        "类别“{value}”要写明默认处置方式（1 乡镇自办 / X 派驻单位 / Y 区直部门）。",
        "Category '{value}' needs a default route (1 the township / X stationed / Y district).",
    ),
    "category_unit_wrong_tier": (
        "类别“{found}”的默认单位“{value}”与默认处置方式不符：乡镇自办由综合执法办牵头，"
        "X 由派驻单位牵头，Y 由区直部门牵头。",
        "The default unit '{value}' of category '{found}' does not fit its route: the office "
        "leads what the township handles, a stationed unit X, a district department Y.",
    ),
    "category_two_limits": (
        "类别“{value}”的办理时限只能写一种：工作日，或紧急隐患的小时数。",
        "Category '{value}' takes one handling limit: working days, or hours for urgent hazards.",
    ),
    "limit_out_of_range": (
        "{value}应在 {found} 到 {limit} 之间。",
        "{value} must be from {found} to {limit}.",
    ),
    "grid_exists": ("网格编码“{value}”已被使用。", "The grid code '{value}' is taken."),
    "grid_village_missing": (
        "网格“{value}”要写明所在的村或社区。",
        "Grid '{value}' needs the village or community it lies in.",
    ),
    "grid_worker_invalid": (
        "“{value}”不是在用的网格员，不能负责网格。",
        "'{value}' is not a grid worker in service and cannot look after a grid.",
    ),
    "user_role_unit_mismatch": (
        "用户“{value}”的角色与单位“{unit}”不符：部门人员属于派驻单位或区直部门，其他角色属于本镇。",
        "The role of user '{value}' does not fit unit '{unit}': department officers belong "
        "to a stationed or district unit, every other role to the township.",
    ),
    "last_administrator": (
        "至少要保留一名在用的管理员。",
        "At least one active administrator must remain.",
    ),
    "password_unchanged": (
        "新密码不能与原密码相同。",
        "The new password must differ from the old one.",
    ),
    "password_old_wrong": (
        "原密码不对，密码没有修改。",
        "The current password is wrong; the password was not changed.",
    ),
    "cell_not_a_number": (
        "“{found}”应填整数，不是“{value}”。",
        "'{found}' takes a whole number, not '{value}'.",
    ),
    "cell_yes_no": (
        "“{found}”应填 是 或 否，不是“{value}”。",
        "'{found}' takes yes or no, not '{value}'.",
    ),
    "cell_choice_invalid": (
        "“{found}”一栏的“{value}”不是可选的值。",
        "'{value}' is not one of the values column '{found}' takes.",
    ),
    "base_data_sheet_missing": (
        "基础数据表中没有“{value}”工作表（应有：部门、网格、问题类别、用户）。",
        "The base-data workbook has no sheet '{value}': use the sheets of TownDesk's template.",
    ),
    "base_data_refused": (
        "基础数据表有 {found} 处问题，什么都没有导入；请改正后再导入。",
        "The base-data workbook has {found} problems; nothing was imported. Fix them and "
        "import it again.",
    ),
    "category_split_item_invalid": (
        "“{value}”应写成“编码:名称”，如 040201:建筑施工噪声。",
        "'{value}' should read code:name, e.g. 040201:construction noise.",
    ),
    "category_split_too_few": (
        "问题类别“{value}”至少要拆分为两个更细的类别。",
        "Split the category '{value}' into two or more narrower ones.",
    ),
    "category_inactive": (
        "问题类别“{value}”已停用，请选用其他类别。",
        "Problem category '{value}' is no longer in use; choose another.",
    ),
    "grid_inactive": (
        "网格“{value}”已停用，请选用其他网格。",
        "Grid '{value}' is no longer in use; choose another.",
    ),
    "office_exists": (
        "本镇已有综合执法办（层级 1），“{value}”不能再设为层级 1。",
        "The township has its office (tier 1) already; '{value}' cannot be tier 1 too.",
    ),
    "department_has_units": (
        "部门“{value}”还是 {found} 个派驻单位的上级主管部门：请先改这些单位的上级部门。",
        "Department '{value}' is still the parent of {found} stationed units: change those first.",
    ),
    "department_inactive": (
        "“{value}”已停用，不能再派遣或呼叫。",
        "'{value}' is no longer in use and cannot be dispatched to or called.",
    ),
    "base_data_row_twice": (
        "编码“{value}”在本表中出现了两次（第一次在第 {found} 行），每项只写一行。",
        "Code '{value}' appears twice in the sheet (first in row {found}); write each once.",
    ),
    "user_has_grids": (
        "“{value}”还负责 {found} 个网格：请先给这些网格换网格员。",
        "'{value}' still looks after {found} grids: give them another grid worker first.",
    ),
    "base_data_too_large": (
        "“{value}”超过 {limit} MB，不像是基础数据表；请检查是否选错了文件。",
        "'{value}' is over {limit} MB, too large for a base-data workbook; check the file.",
    ),
    "base_data_too_many_rows": (
        "“{value}”表超过 {limit} 行，不像是一个乡镇的基础数据；请检查表格。",
        "Sheet '{value}' has over {limit} rows, more than a township's base data; check it.",
    ),
}
