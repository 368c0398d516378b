"""Encryption at rest: unlocking an encrypted database and moving a plain one to it."""

from __future__ import annotations

CIPHER_MESSAGES: dict[str, tuple[str, str]] = {
    "database_locked": (
        "数据库 {value} 已加密（或不是 TownDesk 的数据库），需要本机设备密码才能打开。"
        "命令行请设置环境变量 TOWNDESK_KEY_PASSWORD，或在提示时输入。",
        "Database {value} is encrypted (or is not a TownDesk database): the device password"
        " is needed to open it. On the command line set TOWNDESK_KEY_PASSWORD or type it"
        " when asked.",
    ),
    "database_key_wrong": (
        "密钥文件打不开数据库 {value}：密钥文件与数据库不配套。请确认两者是同一台设备的，"
        "并且是一起复制过来的。",
        "The key file does not open database {value}: they do not belong together. Check"
        " that both come from this device and were copied together.",
    ),
    "database_unreadable_or_key_lost": (
        "无法打开数据库 {value}：它不是 SQLite 数据库文件。如果它是加密的外业终端数据库，"
        "请把它的密钥文件（{value}.keys）放回数据库旁边再试。",
        "Cannot open database {value}: it is not an SQLite database file. If it is an"
        " encrypted field laptop's database, put its key file ({value}.keys) back beside it.",
    ),
    "database_key_missing": (
        "数据库 {value} 已加密，但旁边没有它的密钥文件（{value}.keys）。请把密钥文件放回"
        "数据库旁边；没有它，数据无法打开。",
        "Database {value} is encrypted but its key file ({value}.keys) is not beside it."
        " Put the key file back; without it the data cannot be opened.",
    ),
    "device_password_wrong": (
        "设备密码不正确，请重新输入。",
        "The device password is wrong. Please try again.",
    ),
    "device_password_wrong_wait": (
        "设备密码不正确。已连续失败 {failures} 次，请 {seconds} 秒后再试。",
        "The device password is wrong. {failures} failures in a row: try again in"
        " {seconds} seconds.",
    ),
    "already_encrypted": (
        "数据库 {value} 已经是加密的，无需再加密。",
        "Database {value} is already encrypted.",
    ),
    "encryption_busy": (
        "数据库 {value} 正被其他程序（例如打开着的 TownDesk 窗口）使用，无法加密。"
        "请先关闭它们再试；数据库没有改动。",
        "Database {value} is in use by another program (an open TownDesk window?)."
        " Close it and try again; nothing was changed.",
    ),
    "encryption_check_failed": (
        "加密后的副本与原数据库不一致（{reason}），已放弃；原数据库没有改动。",
        "The encrypted copy differs from the database ({reason}); it was discarded and"
        " the database is unchanged.",
    ),
}
