"""Messages for statistics, the assessment and the bulletin (code: zh_CN, en)."""

from __future__ import annotations

STATISTICS_MESSAGES: dict[str, tuple[str, str]] = {
    "period_reversed": (
        "统计时段 {value} 的结束日期早于开始日期。",
        "The period {value} ends before it begins.",
    ),
    "month_invalid": (
        "月份“{value}”格式不对，应为 YYYY-MM，如 2026-11。",
        "Month '{value}' is not valid: use YYYY-MM, e.g. 2026-11.",
    ),
    "indicator_unknown": (
        "没有名为“{value}”的指标。可用的指标：{limit}",
        "No indicator named '{value}'. Indicators: {limit}",
    ),
    "group_unknown": (
        "不能按“{value}”分组，可选：unit、grid、category、route、source。",
        "Cannot group by '{value}': use unit, grid, category, route or source.",
    ),
    "weight_invalid": (
        "“{value}”的权重应为 0 到 100 的整数。",
        "The weight of '{value}' must be a whole number from 0 to 100.",
    ),
    "weights_empty": (
        "请至少给一个指标大于 0 的权重。",
        "Give at least one indicator a weight above 0.",
    ),
    "weight_not_scored": (
        "“{value}”不能用于考核：只有高低有明确好坏的比率类指标可以计分。",
        "'{value}' cannot be scored: only rates where higher or lower is plainly better can.",
    ),
    "bulletin_unwritable": (
        "无法保存通报“{value}”：{reason}。",
        "Cannot save the bulletin '{value}': {reason}.",
    ),
    "bulletin_format": (
        "通报只能保存为 .pdf 或 .xlsx 文件（“{value}”不是）。",
        "The bulletin is saved as .pdf or .xlsx ('{value}' is neither).",
    ),
}
