"""``towndesk encrypt``: move this device's plain database to an encrypted one (SQLCipher),
keyed from the device password (a laptop's enrolment password, the office's key password).
"""

from __future__ import annotations

import sys

from app.cli.context import KEY_PASSWORD_ENV, Commands, CommonOptions, Context


def register(commands: Commands, common: CommonOptions) -> None:
    p = commands.add_parser(
        "encrypt",
        help="加密本机数据库和证据文件（先备份、校验后替换；之后打开需要设备密码）",
        parents=[common.database, common.user],
    )
    p.add_argument("--key-password", help=f"本机设备密钥口令（或环境变量 {KEY_PASSWORD_ENV}）")
    p.set_defaults(handler=encrypt)


def encrypt(ctx: Context) -> int:
    from app.sync.unlocking import encrypt_existing

    path = ctx.database_path
    actor = None if ctx.database.encrypted else ctx.user  # who may make the office's keys
    ctx.close()  # the move needs the database to itself
    done = encrypt_existing(path, ctx.key_password, actor, wall=ctx.clock.wall)
    for removed in done.plaintext_removed:
        print(f"已删除明文副本：{removed}")
    for backup in done.backups_encrypted:
        print(f"已加密旧备份：{backup}")
    print(f"已加密证据文件 {done.evidence_encrypted} 个（照片、文书等，在 blobs 文件夹中）")
    print(f"数据库已加密：{path}")
    print(f"今后打开它需要本机设备密码；密钥文件 {path.name}.keys 必须和数据库放在一起备份。")
    if not done.evidence_left_plain:
        return 0
    left = done.evidence_left_plain
    print(
        f"有 {len(left)} 个证据文件已损坏或无法读取，未能加密，仍为明文："
        + "、".join(name[:12] for name in left)
        + "。请运行 towndesk verify 查看，修复后再运行 towndesk encrypt。",
        file=sys.stderr,
    )
    return 1
