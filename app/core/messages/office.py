"""Texts of the office-only rule, of who may act on which device, and of the office's
notice about a refused sync file."""

from __future__ import annotations

OFFICE_MESSAGES: dict[str, tuple[str, str]] = {
    "field_device_cannot_record": (
        "{device}不能产生只属于办公室的记录（{value}），什么也没有保存。请到综合执法办电脑上办理。",
        "A {device} cannot make a record that is the office's alone ({value}); nothing was "
        "saved. Do it on the office PC.",
    ),
    "device_user_not_here": (
        "“{value}”不能在{device}上登录或办理业务：这台终端只供{role}使用。"
        "请用本人的账号，或到综合执法办电脑上办理。",
        "'{value}' cannot sign in or act on a {device}: it is for {role} only. Use your own "
        "account, or do it on the office PC.",
    ),
    "device_user_unknown": (
        "{device}上的记录必须写明是谁办理的，什么也没有保存。",
        "A record on a {device} must say who made it; nothing was saved.",
    ),
    # unit: the device's name (data, as typed at the office); reason: the event and its number
    "sync_actor_not_allowed": (
        "【越权记录】设备“{unit}”的记录（{reason}）署名为“{value}”，"
        "而此人不能在这台终端上办理业务（这台终端只供{role}使用），已拒收整个同步包。",
        "[Not allowed] A record of device '{unit}' ({reason}) is signed by '{value}', who may "
        "not act on that laptop (it is for {role} only); the whole file is refused.",
    ),
    "sync_actor_unknown": (
        "【越权记录】设备“{unit}”的记录（{reason}）署名的用户（{value}）"
        "在本乡镇没有登记，已拒收整个同步包。",
        "[Not allowed] A record of device '{unit}' ({reason}) is signed by a user ({value}) "
        "the township does not have; the whole file is refused.",
    ),
}

OFFICE_MESSAGES |= {
    "refusal_todo_export_again": (
        "请在同步页面选择“综合执法办”重新导出一次，把新文件交给办公室。"
        "被拒收的记录仍在本终端中，会随新文件一起发送。",
        "On the Sync page, export to the office again and hand in the new file. The refused "
        "records are still on this laptop and go with the new file.",
    ),
    "refusal_todo_bring_laptop": (
        "请尽快把本终端带到综合执法办，由管理员查明原因并处理；在此之前可以继续登记，"
        "被拒收的记录和之后的记录都保存在本终端中，不会丢失，问题解决后随下一次导出送到办公室。",
        "Bring this laptop to the office soon so the administrator can find the cause and "
        "deal with it. You may go on working: the refused records and everything after them "
        "stay on this laptop and reach the office with the next export once it is resolved.",
    ),
}
