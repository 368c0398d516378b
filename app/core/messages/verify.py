"""Messages of ``towndesk verify`` (code: zh_CN, en): when a check could not be made at all.
What verify finds wrong is its report, not a refusal."""

from __future__ import annotations

VERIFY_MESSAGES: dict[str, tuple[str, str]] = {
    "verify_not_a_file": (
        "只能检查保存在磁盘上的数据库文件。",
        "Only a database file on disk can be verified.",
    ),
    "verify_scratch_failed": (
        "无法在临时文件夹中按事件记录重建各表来比对（{reason}）：各表未比对。"
        "请腾出磁盘空间后再运行 towndesk verify，或加 --quick 跳过这一项。",
        "The tables could not be rebuilt from the log in the temporary folder for comparison "
        "({reason}); they were not compared. Free some disk space and run towndesk verify "
        "again, or pass --quick to skip this check.",
    ),
}
