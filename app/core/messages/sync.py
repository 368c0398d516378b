"""Messages for device keys, enrolment and sync files (code: zh_CN, en).

Each sync-file message names its class first (not a sync file, damaged, not for this
device, ...) so a clerk can tell "ask for a new file" from "call the office"."""

from __future__ import annotations

SYNC_MESSAGES: dict[str, tuple[str, str]] = {
    "key_password_short": (
        "设备密钥口令至少 {limit} 位。",
        "The device key password needs at least {limit} characters.",
    ),
    "key_password_wrong": (
        "设备密钥口令不正确。",
        "The device key password is wrong.",
    ),
    "key_password_needed": (
        "需要设备密钥口令：请用 --key-password 给出，或设置环境变量 {value}。",
        "The device key password is needed: pass --key-password or set {value}.",
    ),
    "keys_not_set_up": (
        "本机还没有设备密钥：请管理员首次导出或注册终端时设置设备密钥口令。",
        "This PC has no device keys yet: the administrator sets the key password on first use.",
    ),
    "key_file_missing": (
        "找不到本机的设备密钥文件：{value}。请从原电脑复制，或请综合执法办重新注册本机。",
        "This device's key file is missing: {value}. Copy it back or enrol the device again.",
    ),
    "key_file_damaged": (
        "设备密钥文件已损坏或不属于本机。",
        "The device key file is damaged or belongs to another device.",
    ),
    "device_unknown": ("设备“{value}”未注册。", "No enrolled device '{value}'."),
    "device_exists": ("设备名称“{value}”已被使用。", "The device name '{value}' is taken."),
    "device_kind_unknown": (
        "设备类型“{value}”不存在（可选 grid-worker 网格员终端、department 部门终端）。",
        "Unknown device kind '{value}' (grid-worker or department).",
    ),
    "device_office_only": (
        "只有综合执法办的电脑可以注册或注销设备。",
        "Only the office PC enrols and revokes devices.",
    ),
    "device_office_not_revocable": (
        "综合执法办的电脑不能注销。",
        "The office PC cannot be revoked.",
    ),
    "device_already_revoked": ("设备“{value}”已注销。", "Device '{value}' is already revoked."),
    "device_codes_exhausted": ("设备编码已用完。", "No device codes are left."),
    "enrolment_missing": ("找不到注册文件：{value}", "Enrolment file not found: {value}"),
    "enrolment_damaged": (
        "“{value}”不是有效的设备注册文件，或已损坏。",
        "'{value}' is not a valid enrolment file, or it is damaged.",
    ),
    "field_device_cannot": (
        "{device}不能{action}，请到综合执法办电脑上办理。",
        "A {device} cannot {action}; do it on the office PC.",
    ),
    "conflict_office_only": (
        "同步冲突请在综合执法办电脑上处理。",
        "Sync conflicts are resolved on the office PC.",
    ),
    "conflict_note_missing": (
        "请写明冲突的处理意见。",
        "Say how the conflict was settled.",
    ),
    "conflict_none": ("案件 {value} 没有待处理的同步冲突。", "Case {value} has no open conflict."),
    "sync_file_missing": ("找不到同步包：{value}", "Sync file not found: {value}"),
    "sync_not_a_sync_file": (
        "【不是同步包】“{value}”不是 TownDesk 同步包。",
        "[Not a sync file] '{value}' is not a TownDesk sync file.",
    ),
    "sync_damaged": (
        "【文件损坏】同步包不完整或已被改动（{reason}），未导入任何内容。请对方重新导出。",
        "[Damaged] The sync file is incomplete or was altered ({reason}); nothing was "
        "imported. Ask the sender to export it again.",
    ),
    "sync_wrong_recipient": (
        "【收件设备不符】这个同步包不是发给本机的（也可能是文件开头已损坏）。",
        "[Wrong recipient] This sync file is not addressed to this device (or its header "
        "is damaged).",
    ),
    "sync_bad_signature": (
        "【签名无效】同步包的签名与设备“{value}”不符，可能被伪造或篡改，已拒收。",
        "[Bad signature] The signature does not match device '{value}'; the file may be "
        "forged or altered. Refused.",
    ),
    "sync_unknown_device": (
        "【未注册设备】同步包来自未注册的设备（{value}），已拒收。",
        "[Unknown device] The sync file comes from a device that is not enrolled ({value}).",
    ),
    "sync_device_revoked": (
        "【设备已注销】设备“{value}”已注销，它的同步包不再接收。",
        "[Revoked device] Device '{value}' is revoked; its files are refused.",
    ),
    "sync_version_unsupported": (
        "【版本不支持】同步包格式版本 {found}，本程序支持 {limit}。请先升级程序。",
        "[Unsupported version] Sync format version {found}; this program reads {limit}. "
        "Upgrade first.",
    ),
    "sync_other_township": (
        "【乡镇不符】同步包属于另一个乡镇（{value}）。",
        "[Other township] The sync file belongs to another township ({value}).",
    ),
    "sync_event_not_allowed": (
        "【越权记录】设备“{value}”发来了它无权产生的记录（{reason}），已拒收整个同步包。",
        "[Not allowed] Device '{value}' sent a record it may not make ({reason}); the whole "
        "file is refused.",
    ),
    "sync_unsafe_member": (
        "【危险内容】同步包含有不安全的路径“{value}”，已拒收。",
        "[Unsafe content] The sync file holds an unsafe path '{value}'. Refused.",
    ),
    "sync_unexpected_member": (
        "【文件损坏】同步包含有不应有的内容“{value}”，已拒收。",
        "[Damaged] The sync file holds an unexpected member '{value}'. Refused.",
    ),
    "sync_limits": (
        "【超出限制】同步包过大或文件过多（{reason}），已拒收。",
        "[Limits exceeded] The sync file is too large or holds too many files ({reason}).",
    ),
    "sync_blob_missing": (
        "【缺少证据文件】同步包缺少证据文件 {value}…，未导入任何内容。",
        "[Missing evidence] Evidence file {value}... is missing; nothing was imported.",
    ),
    "sync_blob_missing_here": (
        "本机缺少证据文件 {value}…，请先运行 towndesk verify 检查。",
        "Evidence file {value}... is missing here; run towndesk verify.",
    ),
    "sync_head_missing": (
        "缺少设备 {value} 的链头签名，无法转发它的记录。",
        "No signed chain head for device {value}; its events cannot be relayed.",
    ),
    "sync_no_escrow": (
        "综合执法办尚未生成托管密钥，请先在办公室电脑上设置设备密钥。",
        "The office has no escrow key yet; set up the office device keys first.",
    ),
    "sync_to_self": ("不能给本机导出同步包。", "Cannot export a sync file to this device."),
    "sync_write_failed": (
        "无法写入同步包 {value}：{reason}",
        "Cannot write the sync file {value}: {reason}",
    ),
}
