"""``towndesk device | sync | verify | evidence``: devices and their enrolment, sync files,
the integrity of the whole database and the evidence of a case. Every command signs its
user in (cli/signin.py); every one that uses this device's private key, or cuts another
device off, also asks for the device key password. Key passwords come from an option, an
environment variable (for scripts) or a prompt; they are never printed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.output import print_json, print_table
from app.cli.signin import secret
from app.core.errors import DomainError

if TYPE_CHECKING:  # the crypto libraries load only when a command needs them
    from app.store.evidence import PlainEvidence
    from app.sync.keys import DeviceKeys

KEY_PASSWORD_ENV = "TOWNDESK_KEY_PASSWORD"
DEVICE_PASSWORD_ENV = "TOWNDESK_DEVICE_PASSWORD"
KIND_NAMES = {"office": "综合执法办", "grid-worker": "网格员终端", "department": "部门终端"}
KEY_PASSWORD_HELP = f"本机设备密钥口令（或环境变量 {KEY_PASSWORD_ENV}）"
PLAIN_LINES = 30  # evidence files left plain, named one by one by verify; the rest counted


def register(commands: Commands, common: CommonOptions) -> None:
    device = command_group(commands, "device", "设备：注册、列表、注销、加入")
    p = device.add_parser(
        "enrol",
        help="（办公室）注册一台外业终端，写出注册文件",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("name", help="设备名称，如 青石村网格终端")
    p.add_argument("--role", required=True, choices=["grid-worker", "department"])
    p.add_argument("--dept", help="部门终端所属部门编码，如 ZFZD")
    p.add_argument("-o", "--output", required=True, type=Path, help="注册文件")
    p.add_argument("--key-password", help=KEY_PASSWORD_HELP)
    p.add_argument(
        "--device-password", help=f"终端的设备密钥口令（或环境变量 {DEVICE_PASSWORD_ENV}）"
    )
    p.set_defaults(handler=device_enrol)

    p = device.add_parser(
        "list", help="列出已注册的设备", parents=[common.database, common.user, common.json]
    )
    p.set_defaults(handler=device_list)

    p = device.add_parser(
        "revoke",
        help="（办公室）注销设备，如丢失的笔记本",
        parents=[common.database, common.user],
    )
    p.add_argument("name", help="设备名称或编码")
    p.add_argument("--reason", default="", help="注销原因")
    p.add_argument("--key-password", help=KEY_PASSWORD_HELP)
    p.set_defaults(handler=device_revoke)

    p = device.add_parser(
        "join",
        help="（外业终端）用注册文件把新数据库变成本乡镇的终端",
        parents=[common.database],
    )
    p.add_argument("enrolment", type=Path, help="办公室给的注册文件")
    p.add_argument("--password", help=f"注册口令（或环境变量 {DEVICE_PASSWORD_ENV}）")
    p.set_defaults(handler=device_join)

    sync = command_group(commands, "sync", "同步包：导出、检查、导入")
    p = sync.add_parser(
        "export",
        help="为某台设备导出同步包",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("--to", required=True, help="对方设备名称或编码")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--full", action="store_true", help="全部导出（给新终端打底）")
    p.add_argument("--key-password", help=KEY_PASSWORD_HELP)
    p.set_defaults(handler=sync_export)

    p = sync.add_parser(
        "verify",
        help="检查同步包并说明内容，不写入任何东西",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("file", type=Path)
    p.add_argument("--key-password", help=KEY_PASSWORD_HELP)
    p.set_defaults(handler=sync_verify)

    p = sync.add_parser(
        "import", help="导入同步包", parents=[common.database, common.user, common.json]
    )
    p.add_argument("file", type=Path)
    p.add_argument("--key-password", help=KEY_PASSWORD_HELP)
    p.set_defaults(handler=sync_import)

    p = commands.add_parser(
        "verify",
        help="检查证据文件、各设备事件链、各表与事件记录是否一致和数据库完整性",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument(
        "--quick", action="store_true", help="不把各表与事件记录比对（百万案件时省几分钟）"
    )
    p.set_defaults(handler=verify)

    p = commands.add_parser(
        "evidence",
        help="案件的证据清单（哈希、采集、流转）",
        parents=[common.database, common.user, common.json],
    )
    p.add_argument("number", help="案件编号")
    p.set_defaults(handler=evidence)


def _password(given: str | None, env: str, prompt: str) -> str:
    return given or secret(env, prompt, DomainError("key_password_needed", value=env))


def _keys(ctx: Context) -> DeviceKeys:
    """This device's keys, unlocked with the key password, by the signed-in user (who
    signs in first: a wrong user password never gets as far as the key)."""
    from app.sync.enrolment import unlock

    db, actor = ctx.db, ctx.user
    password = _password(ctx.args.key_password, KEY_PASSWORD_ENV, "本机设备密钥口令：")
    return unlock(db, ctx.database_path, password, actor=actor, wall=ctx.clock.wall)


def device_enrol(ctx: Context) -> int:
    from app.sync.enrolment import enrol

    args, db = ctx.args, ctx.db
    actor = ctx.user
    keys = _keys(ctx)
    password = _password(args.device_password, DEVICE_PASSWORD_ENV, "给终端设的口令：")
    result = enrol(
        db,
        ctx.blobs,
        keys,
        actor,
        args.name,
        args.role,
        args.dept,
        password,
        args.output,
        wall=ctx.clock.wall,
    )
    if ctx.json:
        print_json(result.device.__dict__ | {"file": str(result.path), "events": result.events})
    else:
        print(f"已注册 {result.device.name}（编码 {result.device.code}）：{result.path}")
        print(
            "请把注册文件和口令分开交给终端使用人：在终端上首次打开 TownDesk，选择"
            "“作为外业终端加入”（或运行 towndesk device join）。"
        )
    return 0


def device_list(ctx: Context) -> int:
    from app.store.devices import device_records

    records = device_records(ctx.db)
    if ctx.json:
        print_json([r.__dict__ for r in records])
        return 0
    rows = [
        [
            r.code,
            r.name,
            KIND_NAMES.get(r.kind, r.kind),
            r.department or "—",
            r.enrolled_at,
            f"已注销 {r.revoked_at}" if r.revoked else "在用",
        ]
        for r in records
    ]
    print_table(["编码", "名称", "类型", "部门", "注册时间", "状态"], rows)
    return 0


def device_revoke(ctx: Context) -> int:
    """Cutting a device off is the office's to do: whoever does it proves they hold the
    office's key password too, as for enrolling one."""
    from app.store.devices import find_device, revoke_device

    args = ctx.args
    # an unknown name is said before a password is asked; the office itself, refused
    # below, never gets as far as unlocking (on a new township that would make its keys)
    if find_device(ctx.db, args.name).kind != "office":
        _keys(ctx)
    record = revoke_device(ctx.db, ctx.user, args.name, args.reason, wall=ctx.clock.wall)
    print(f"已注销 {record.name}（{record.code}）。它以后的同步包将被拒收。")
    return 0


def device_join(ctx: Context) -> int:
    """Make a new database this township's device; the database does not exist before."""
    from app.sync.enrolment import join

    path = ctx.database_path
    password = _password(ctx.args.password, DEVICE_PASSWORD_ENV, "注册口令：")
    record = join(ctx.args.enrolment, path, password, wall=ctx.clock.wall)
    print(f"本机已成为 {record.name}（编码 {record.code}）：{path}")
    return 0


def sync_export(ctx: Context) -> int:
    from app.store.devices import find_device
    from app.sync.export import export_sync_file

    args, db = ctx.args, ctx.db
    keys = _keys(ctx)
    peer = find_device(db, args.to)
    summary = export_sync_file(
        db, ctx.blobs, keys, ctx.user, peer.id, args.output, args.full, wall=ctx.clock.wall
    )
    figures = {
        "file": str(summary.path),
        "file_id": summary.file_id,
        "to": peer.name,
        "events": summary.events,
        "new_cases": summary.new_cases,
        "evidence_files": summary.blobs,
        "bytes": summary.size,
        "full": summary.full,
    }
    if ctx.json:
        print_json(figures)
    else:
        print(
            f"已导出给 {peer.name}：{summary.events} 条记录（新案件 {summary.new_cases} 件），"
            f"证据文件 {summary.blobs} 个，{summary.size / 1024:.0f} KB → {summary.path}"
        )
    return 0


def _describe(summary: dict[str, Any]) -> None:
    print(f"来自：{summary['sender']}（{summary['sender_code']}），生成于 {summary['created_at']}")
    if summary["already_imported"]:
        print("这个同步包已经导入过，再次导入不会有任何变化。")
    print(
        f"新记录 {summary['new_events']} 条（新案件 {summary['new_cases']} 件），"
        f"新证据文件 {summary['new_evidence']} 个，已有 {summary['duplicates']} 条"
    )
    if summary["quarantined"]:
        print(f"注意：{summary['quarantined']} 条记录与本机已有记录冲突，已隔离，不会导入。")
    if summary["held_back"]:
        print(f"注意：{summary['held_back']} 条记录缺少更早的同步包，暂不导入。")


def sync_verify(ctx: Context) -> int:
    from app.sync.files import verify_file

    db = ctx.db
    checked = verify_file(db, ctx.blobs, _keys(ctx), ctx.args.file)
    summary = checked.summary() | {"ok": True}
    if ctx.json:
        print_json(summary)
    else:
        print("同步包完好，签名有效。")
        _describe(summary)
    return 0


def sync_import(ctx: Context) -> int:
    from app.sync.files import import_file

    db = ctx.db
    result = import_file(db, ctx.blobs, _keys(ctx), ctx.user, ctx.args.file, wall=ctx.clock.wall)
    if ctx.json:
        print_json(result.preview)
        return 0
    _describe(result.preview)
    if not result.preview["already_imported"]:
        print("已导入。")
    if result.conflicts:
        print(
            f"有 {result.conflicts} 处同步冲突，请在案件详情中核对处理（towndesk case resolve）。"
        )
    return 0


def verify(ctx: Context) -> int:
    """Exit 3 when something is wrong: evidence files, event chains, tables or the database
    (1 and 2 already mean "could not check": a database or file error, a refusal)."""
    from app.store.evidence import plain_beside_encrypted
    from app.sync.integrity import verify_everything

    report = verify_everything(ctx.db, ctx.blobs, deep=not ctx.args.quick)
    plain = plain_beside_encrypted(ctx.db, ctx.blobs)  # a task left, not a problem found
    if ctx.json:
        left = [
            {"sha256": p.sha256, "cases": [{"number": n, "file_name": f} for n, f in p.named_by]}
            for p in plain
        ]
        print_json(report.as_dict() | {"evidence_plain": left})
        return 0 if report.ok else 3
    tables = (
        f"，{report.tables} 张表（{report.table_rows} 行）与事件记录逐项比对" if report.deep else ""
    )
    print(
        f"检查了 {report.events} 条记录（{report.devices} 台设备，{report.heads} 个链头签名）"
        f"、{report.blobs} 个证据文件{tables}。"
    )
    print("结果：" + ("未发现问题。" if report.ok else f"发现 {len(report.problems)} 个问题："))
    for problem in report.problems:
        print(f"  - {problem}")
    _plain_evidence(plain)
    print("本检查发现不了的：")
    for limit in report.cannot_detect:
        print(f"  - {limit}")
    return 0 if report.ok else 3


def _plain_evidence(plain: list[PlainEvidence]) -> None:
    if not plain:
        return
    print(
        f"注意：数据库已加密，但还有 {len(plain)} 个证据文件是明文（towndesk encrypt 还没加密到），"
        "电脑丢失时能被直接打开："
    )
    for item in plain[:PLAIN_LINES]:
        named = "、".join(f"案件 {number} 的“{name}”" for number, name in item.named_by)
        print(f"  - {named or '没有案件记录引用的文件'}，SHA-256：{item.sha256}")
    if len(plain) > PLAIN_LINES:
        print(f"  - 另有 {len(plain) - PLAIN_LINES} 个未逐个列出（--json 列出全部）")
    print("请运行 towndesk encrypt 把它们加密（已加密的文件不会重复处理）。")


def evidence(ctx: Context) -> int:
    from app.store.cases import case_by_number
    from app.store.evidence import evidence_list

    case = case_by_number(ctx.db, ctx.args.number)
    items = evidence_list(ctx.db, ctx.blobs, case.id)
    if ctx.json:
        print_json(
            [
                {k: v for k, v in item.__dict__.items() if k != "custody"}
                | {"custody": [c.__dict__ for c in item.custody]}
                for item in items
            ]
        )
        return 0
    print(f"案件 {case.number} 证据清单（{len(items)} 个文件）")
    for number, item in enumerate(items, 1):
        print(f"{number}. {item.file_name}  {item.size or 0} 字节  {item.media_type}")
        print(f"   SHA-256：{item.sha256}{'' if item.stored else '（本机缺失）'}")
        for step in item.custody:
            if step.kind == "captured":
                print(f"   {step.at}  采集：{step.actor}，设备 {step.device}")
            else:
                print(
                    f"   {step.at}  接收：{step.device} 从 {step.from_device} "
                    f"（同步包 {step.file_id[:13]}）"
                )
    return 0
